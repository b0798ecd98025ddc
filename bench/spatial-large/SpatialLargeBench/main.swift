// Times the sparse log-determinants of hetfirm's Spatial target on a row-standardised
// 10-nearest-neighbour W over n random points of the unit square.
//
// Usage: SpatialLargeBench N [STEP ...]
//   write=PATH   write W's edges ("row column" per line, 0-based; every weight is 1/10) for the peer
//   lu           SparseLUJacobian: set-up (ordering, symbolic factorisation), then ln|I − ρW| per ρ
//   traces       exact (n ≤ 5,000) or Hutchinson traces at ρ = 0.5 from the sparse LU
//   mc           MonteCarloJacobian (order 50, 50 draws): set-up, evaluation, error vs the LU value
//   chebyshev    ChebyshevJacobian (order 40, 50 draws): the same
//   eigen        DenseEigenJacobian (GSL dense eigenvalues; small n only)
//   sar=METHOD   a whole cross-section SAR fit (SpatialMaximumLikelihood, information-matrix SEs) on
//                y = (I − 0.5W)⁻¹(1 + 2x + ε), x, ε ~ N(0, 1) from Philox, with METHOD in lu, chebyshev, mc
// Prints "<label> <seconds> <value> [<extra>]" lines; bench/spatial-large/run.sh runs it beside the peer.
import Foundation
import Spatial

let arguments = CommandLine.arguments
let count = arguments.count > 1 ? Int(arguments[1]) ?? 50_000 : 50_000
let steps = arguments.count > 2 ? Array(arguments[2...]) : ["lu"]
let rhos = [-0.5, 0.2, 0.5, 0.8, 0.95]

func seconds(since start: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
func report(_ label: String, _ time: Double, _ value: Double, _ extra: String = "") {
    print(label, String(format: "%.5f", time), String(format: "%.12g", value), extra)
}
/// Median seconds of `repeats` calls of `body`, and its last value.
func timed(repeats: Int, _ body: () throws -> Double) rethrows -> (seconds: Double, value: Double) {
    var times: [Double] = [], value = 0.0
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        value = try body()
        times.append(seconds(since: start))
    }
    return (times.sorted()[repeats / 2], value)
}

var start = DispatchTime.now().uptimeNanoseconds
let points = BenchmarkPoints.uniform(count: count, seed: 20261207)
let weights = try BenchmarkPoints.nearestNeighbourWeights(points: points, neighbours: 10)
report("build-weights", seconds(since: start), Double(weights.nonzeroCount))

var exactValues: [Double: Double] = [:]
for step in steps {
    if step.hasPrefix("write=") {
        var text = ""
        text.reserveCapacity(weights.nonzeroCount * 14)
        for row in 0..<weights.unitCount {
            for index in weights.rowStarts[row]..<weights.rowStarts[row + 1] { text += "\(row) \(weights.columnIndices[index])\n" }
        }
        try text.write(toFile: String(step.dropFirst(6)), atomically: true, encoding: .utf8)
        continue
    }
    if step.hasPrefix("sar=") {
        let method: SpatialJacobianMethod = switch step.dropFirst(4) {
        case "lu": .sparseLU
        case "mc": .monteCarlo
        default: .chebyshev
        }
        let sample = try SimulatedSpatialLag.sample(weights: weights, rho: 0.5, seed: 20261207)
        start = DispatchTime.now().uptimeNanoseconds
        let jacobian = try SpatialJacobians.make(weights: weights, method: method, seed: 1)
        let setup = seconds(since: start)
        let fit = try SpatialMaximumLikelihood.fit(sample, options: SpatialOptions(model: .sar), jacobian: jacobian)
        let rhoIndex = fit.coefficientNames.firstIndex(of: "rho") ?? 0
        report("sar-\(step.dropFirst(4))", seconds(since: start), fit.rho, String(
            format: "set-up %.2f s, rho SE %.5f, beta %@, converged %@", setup, fit.standardErrors[rhoIndex],
            fit.coefficients.map { String(format: "%.5f", $0) }.joined(separator: " "), fit.converged ? "yes" : "no"))
        continue
    }
    switch step {
    case "lu", "traces":
        start = DispatchTime.now().uptimeNanoseconds
        let jacobian = try SparseLUJacobian(weights: weights, seed: 1)
        report("lu-setup", seconds(since: start), Double(jacobian.factorNonzeroCount))
        for rho in rhos {
            let result = try timed(repeats: 3) { try jacobian.logDeterminant(at: rho) }
            exactValues[rho] = result.value
            report("lu-logdet(\(rho))", result.seconds, result.value)
        }
        if step == "traces" {
            start = DispatchTime.now().uptimeNanoseconds
            let traces = try jacobian.traces(at: 0.5)
            report("lu-traces(0.5)", seconds(since: start), traces.traceOfGram,
                   "tr(G)=\(traces.trace) tr(G2)=\(traces.traceOfSquare)")
        }
    case "mc", "chebyshev":
        start = DispatchTime.now().uptimeNanoseconds
        let jacobian: any SpatialJacobian = step == "mc"
            ? try MonteCarloJacobian(weights: weights, seed: 1) : try ChebyshevJacobian(weights: weights, seed: 1)
        report("\(step)-setup", seconds(since: start), jacobian.approximationError ?? .nan, "(value: largest reported error for |rho| <= 0.95)")
        for rho in rhos {
            let result = try timed(repeats: 101) { try jacobian.logDeterminant(at: rho) }
            let error: Double = if let carlo = jacobian as? MonteCarloJacobian {
                try carlo.logDeterminantWithError(at: rho).error
            } else {
                try (jacobian as! ChebyshevJacobian).logDeterminantWithError(at: rho).error
            }
            let exact = exactValues[rho].map { String(format: "actual-error=%.4g", abs($0 - result.value)) } ?? ""
            report("\(step)-logdet(\(rho))", result.seconds, result.value, String(format: "reported-error=%.4g ", error) + exact)
        }
    case "eigen":
        start = DispatchTime.now().uptimeNanoseconds
        let jacobian = try DenseEigenJacobian(weights: weights)
        report("eigen-setup", seconds(since: start), jacobian.admissibleInterval.lower)
        for rho in rhos {
            let result = try timed(repeats: 3) { try jacobian.logDeterminant(at: rho) }
            report("eigen-logdet(\(rho))", result.seconds, result.value)
        }
    default:
        FileHandle.standardError.write("unknown step \(step)\n".data(using: .utf8)!)
        exit(2)
    }
}
