// Times the sparse log-determinants of hetfirm's Spatial target on a 10-nearest-neighbour W over n
// random points: SparseLUJacobian (ordering once, then one factorisation per ρ) and, when built,
// the approximate methods. Usage: SpatialLargeBench N [METHOD ...] with METHOD in lu, traces, mc, chebyshev.
// Prints "<label> <seconds> <value>" lines; bench/spatial-large/run.sh runs it beside the peers.
import Foundation
import Spatial

let arguments = CommandLine.arguments
let count = arguments.count > 1 ? Int(arguments[1]) ?? 50_000 : 50_000
let methods = arguments.count > 2 ? Array(arguments[2...]) : ["lu"]
let rhos = [-0.5, 0.2, 0.5, 0.8, 0.95]

func seconds(since start: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
func report(_ label: String, _ time: Double, _ value: Double) {
    print(label, String(format: "%.4f", time), String(format: "%.12g", value))
}

var start = DispatchTime.now().uptimeNanoseconds
let points = BenchmarkPoints.uniform(count: count, seed: 20261207)
let weights = try BenchmarkPoints.nearestNeighbourWeights(points: points, neighbours: 10)
report("build-weights", seconds(since: start), Double(weights.nonzeroCount))

for method in methods {
    switch method {
    case "lu", "traces":
        start = DispatchTime.now().uptimeNanoseconds
        let jacobian = try SparseLUJacobian(weights: weights, seed: 1)
        report("lu-setup", seconds(since: start), Double(jacobian.factorNonzeroCount))
        for rho in rhos {
            start = DispatchTime.now().uptimeNanoseconds
            let value = try jacobian.logDeterminant(at: rho)
            report("lu-logdet(\(rho))", seconds(since: start), value)
        }
        if method == "traces" {
            start = DispatchTime.now().uptimeNanoseconds
            let traces = try jacobian.traces(at: 0.5)
            report("lu-traces(0.5)", seconds(since: start), traces.traceOfGram)
        }
    default:
        FileHandle.standardError.write("unknown method \(method)\n".data(using: .utf8)!)
        exit(2)
    }
}
