import FixedEffects
import Foundation
import Numerical

/// The cluster (pairs) bootstrap of the indirect effects aₖ·bₖ.
///
/// Draw r = 0…B−1 uses its own `RandomStream(masterSeed: seed, replication: r, purpose: "mediation-bootstrap")`
/// to pick G clusters with replacement from the G clusters of the common sample (the first cluster variable of
/// the covariance; observations when errors are not clustered), stacks their rows, and re-fits the point estimates
/// aₖ (Mₖ ~ X + …) and b (Y ~ X + M + …) by least squares after demeaning by the fixed effects. A cluster drawn
/// twice keeps its fixed-effect levels (copies of one firm are one firm), which leaves the estimates of
/// effects nested in the clusters unchanged. Singletons are not removed again: they demean to zero and do
/// not affect the point estimates. Each draw writes only its own slot, so the result is bit-identical for any
/// thread count.
enum MediationBootstrap {
    static func run(
        sample: EstimationSample, treatment: String, mediators: [String], mediatorRegressions: [RegressionResult],
        outcomeRegression: RegressionResult, clusterVariable: String?, pointEstimates: [Double], options: MediationOptions
    ) throws -> [MediationBootstrapResult] {
        let n = sample.rows.count
        var members: [[Int]]
        if let codes = sample.clusters.first {
            members = Array(repeating: [], count: codes.levelCount)
            for (position, code) in codes.codes.enumerated() where code >= 0 { members[Int(code)].append(position) }
            members.removeAll { $0.isEmpty }
        } else {
            members = (0..<n).map { [$0] }
        }
        guard members.count >= max(options.minimumBootstrapClusters, 2) else {
            throw MediationError.tooFewClusters(
                variable: clusterVariable.map { "clusters of \($0)" } ?? "observations", clusters: members.count,
                needed: max(options.minimumBootstrapClusters, 2))
        }
        let names = sample.regressorNames
        func indices(_ regression: RegressionResult) -> [Int] {
            regression.coefficientNames.compactMap { names.firstIndex(of: $0) }
        }
        let plan = Plan(
            dependent: sample.dependent, regressors: sample.regressors, fixedEffects: sample.fixedEffects,
            members: members, outcomeDesign: indices(outcomeRegression),
            mediatorColumns: mediators.compactMap { names.firstIndex(of: $0) },
            mediatorDesigns: mediatorRegressions.map(indices),
            treatmentColumn: names.firstIndex(of: treatment) ?? -1, demeaning: options.estimation.demeaning,
            seed: options.seed)
        let draws = options.bootstrapReplications, k = mediators.count
        var slots = [Double](repeating: .nan, count: draws * k)
        let workers = max(1, min(options.threads ?? ProcessInfo.processInfo.activeProcessorCount, draws))
        slots.withUnsafeMutableBufferPointer { buffer in
            let shared = Slots(plan: plan, buffer: buffer, draws: draws, workers: workers)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in shared.work(worker) }
        }
        let normal = try NormalDistribution(mean: 0, standardDeviation: 1)
        return (0..<k).map { m in
            let estimates = (0..<draws).map { slots[$0 * k + m] }
            return summary(estimates, point: pointEstimates[m], clusterVariable: clusterVariable,
                           clusterCount: members.count, options: options, normal: normal)
        }
    }

    /// Percentile and bias-corrected intervals of the successful draws.
    static func summary(_ estimates: [Double], point: Double, clusterVariable: String?, clusterCount: Int,
                        options: MediationOptions, normal: NormalDistribution) -> MediationBootstrapResult {
        let sorted = estimates.filter(\.isFinite).sorted()
        let count = Double(sorted.count)
        let alpha = 1 - options.confidenceLevel
        let mean = sorted.reduce(0, +) / count
        let spread = sorted.count > 1 ? (sorted.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (count - 1)).squareRoot() : .nan
        let percentile = ClosedInterval(lower: quantile(sorted, alpha / 2), upper: quantile(sorted, 1 - alpha / 2))
        // Bias correction z₀ = Φ⁻¹(share of draws below θ̂, ties counted half).
        let below = Double(sorted.filter { $0 < point }.count) + 0.5 * Double(sorted.filter { $0 == point }.count)
        let share = below / count
        var biasCorrected = ClosedInterval(lower: .nan, upper: .nan)
        if share > 0, share < 1 {
            let z0 = normal.quantile(share)
            biasCorrected = ClosedInterval(
                lower: quantile(sorted, normal.cumulative(2 * z0 + normal.quantile(alpha / 2))),
                upper: quantile(sorted, normal.cumulative(2 * z0 + normal.quantile(1 - alpha / 2))))
        }
        return MediationBootstrapResult(
            replications: estimates.count, successfulReplications: sorted.count, clusterVariable: clusterVariable,
            clusterCount: clusterCount, confidenceLevel: options.confidenceLevel, seed: options.seed, estimates: estimates,
            standardError: spread, percentile: percentile, biasCorrected: biasCorrected)
    }

    /// The bootstrap quantile of Davison and Hinkley (1997, §5.2): the h-th order statistic θ*₍ₕ₎ of the B sorted
    /// draws with h = (B + 1)p, interpolated linearly between θ*₍⌊h⌋₎ and θ*₍⌊h⌋₊₁₎ when h is not an integer
    /// (R's quantile type 6) and clamped to [θ*₍₁₎, θ*₍B₎].
    ///
    /// For B = 199 and α = 0.05 the percentile bounds are θ*₍₅₎ and θ*₍₁₉₅₎ (B = 999: θ*₍₂₅₎ and θ*₍₉₇₅₎), whose
    /// expected content is exactly (195 − 5)/(B + 1) = 95%. R's default type 7, h = (B − 1)p + 1, moved them inward
    /// to θ*₍₅.₉₅₎ and θ*₍₁₉₄.₀₅₎ (expected content 94.05%): at n = 300 and B = 199 that cost about 1.3 points of
    /// coverage (validation/mediation_bootstrap_coverage.py).
    static func quantile(_ sorted: [Double], _ probability: Double) -> Double {
        guard !sorted.isEmpty, probability.isFinite else { return .nan }
        let h = min(max(Double(sorted.count + 1) * probability, 1), Double(sorted.count))
        let low = Int(h.rounded(.down)), high = min(low + 1, sorted.count)
        return sorted[low - 1] + (h - Double(low)) * (sorted[high - 1] - sorted[low - 1])
    }

    /// Everything a draw reads; immutable.
    struct Plan: Sendable {
        let dependent: [Double]
        let regressors: [[Double]]
        let fixedEffects: [FactorCodes]
        let members: [[Int]]
        /// Regressor indices of the outcome equation (kept regressors, in order).
        let outcomeDesign: [Int]
        /// Regressor index of each mediator.
        let mediatorColumns: [Int]
        /// Regressor indices of each mediator equation.
        let mediatorDesigns: [[Int]]
        let treatmentColumn: Int
        let demeaning: DemeaningOptions
        let seed: UInt64

        /// aₖ*·bₖ* of draw `replication` for every mediator; NaN where a regression cannot be solved.
        func draw(_ replication: Int) -> [Double] {
            let failed = [Double](repeating: .nan, count: mediatorColumns.count)
            let stream = RandomStream(masterSeed: seed, replication: replication, purpose: "mediation-bootstrap")
            var positions: [Int] = []
            positions.reserveCapacity(dependent.count)
            for _ in 0..<members.count { positions += members[stream.nextInt(below: members.count)] }
            var columns = [positions.map { dependent[$0] }] + regressors.map { column in positions.map { column[$0] } }
            if !fixedEffects.isEmpty {
                let factors = fixedEffects.map { $0.restricted(to: positions) }
                guard let solver = try? FixedEffectsSolver(factors: factors),
                      let demeaned = try? solver.demean(columns, options: demeaning) else { return failed }
                columns = demeaned.columns
            }
            let y = columns[0]
            func column(_ index: Int) -> [Double] { columns[index + 1] }
            guard let outcome = solve(outcomeDesign.map(column), y) else { return failed }
            return mediatorColumns.indices.map { m in
                guard let bPosition = outcomeDesign.firstIndex(of: mediatorColumns[m]),
                      let aPosition = mediatorDesigns[m].firstIndex(of: treatmentColumn),
                      let mediator = solve(mediatorDesigns[m].map(column), column(mediatorColumns[m])) else { return .nan }
                return mediator[aPosition] * outcome[bPosition]
            }
        }

        /// β = (XᵀX)⁻¹Xᵀy by Cholesky, or nil when XᵀX is not positive definite or β is not finite.
        func solve(_ design: [[Double]], _ y: [Double]) -> [Double]? {
            let gram = FixedEffectsOLS.crossProducts(design)
            guard let beta = try? gram.solveCholesky(design.map { FixedEffectsOLS.dot($0, y) }),
                  beta.allSatisfy(\.isFinite) else { return nil }
            return beta
        }
    }

    /// Output slots shared by the workers: worker w computes draws w, w + W, w + 2W, … and writes only
    /// their slots; the buffer outlives `concurrentPerform`.
    struct Slots: @unchecked Sendable {
        let plan: Plan
        let buffer: UnsafeMutableBufferPointer<Double>
        let draws: Int
        let workers: Int

        func work(_ worker: Int) {
            let k = plan.mediatorColumns.count
            var replication = worker
            while replication < draws {
                for (m, value) in plan.draw(replication).enumerated() { buffer[replication * k + m] = value }
                replication += workers
            }
        }
    }
}

extension MediationBootstrapResult {
    /// The summary of given draws a*·b* around the point estimate θ̂ (intervals at `options.confidenceLevel`);
    /// what `MediationAnalysis` reports for its own draws.
    public static func summarizing(_ estimates: [Double], pointEstimate: Double, clusterVariable: String? = nil,
                                   clusterCount: Int, options: MediationOptions) throws -> MediationBootstrapResult {
        MediationBootstrap.summary(estimates, point: pointEstimate, clusterVariable: clusterVariable, clusterCount: clusterCount,
                                   options: options, normal: try NormalDistribution(mean: 0, standardDeviation: 1))
    }
}
