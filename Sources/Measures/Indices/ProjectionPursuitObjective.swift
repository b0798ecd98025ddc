/// The projection index Q(a) = S_z · D_z of paper 000, eqs. (16)–(19), on one year's normalised
/// indicators x_ij (n regions × J indicators, eqs. (14)–(15)).
///
/// - z_i = Σ_j a_j x_ij (eq. (19)), the projection of region i on the direction a.
/// - S_z = √(Σ_i (z_i − E_z)² / (n − 1)) (eq. (17)), the sample standard deviation (n − 1).
/// - D_z = Σ_i Σ_k (R − r_ik) · u(R − r_ik) (eq. (18), corrected: the printed inner sum runs over
///   the four indicators; the projection-pursuit literature (Friedman–Tukey; Fu and Jin in the
///   RAGA papers) sums over pairs of samples), r_ik = |z_i − z_k|, u(t) = 1 for t ≥ 0 and 0
///   otherwise, so each term is max(R − r_ik, 0).
///
/// **Pairs.** By default (``PairConvention/allOrderedPairs``) both i and k run over 1…n, the
/// literal reading of the literature's Σ_{i=1}^{n} Σ_{k=1}^{n}: every unordered pair counts twice
/// and the n diagonal terms i = k each add R. ``PairConvention/distinctUnorderedPairs`` counts
/// each pair i < k once and no diagonal, so D_all = n·R + 2·D_distinct.
///
/// **Smoothness.** Each term max(R − |z_i − z_k|, 0) is continuous but has kinks at r_ik = R and
/// at z_i = z_k, and R = 0.1·S_z moves with a; so Q is continuous and piecewise smooth, not
/// differentiable on a union of hypersurfaces, and has many local maxima. Gradient methods do not
/// apply; see ``ProjectionPursuitMultiStart`` for what that means for a local optimiser.
public struct ProjectionPursuitObjective: Sendable {
    /// How the window radius R of eq. (18) is set (the paper does not give it).
    public enum WindowRadius: Sendable, Equatable, Codable {
        /// R = c · S_z (the customary R = 0.1·S_z with c = 0.1; the default).
        case fractionOfStandardDeviation(Double)
        /// R = c · max r_ik = c · (max z − min z) (Lou Wengao: c ∈ [1/5, 1/3]).
        case fractionOfMaximumDistance(Double)
        /// A fixed R in the units of z.
        case fixed(Double)

        public static let `default` = WindowRadius.fractionOfStandardDeviation(0.1)
    }

    /// Which pairs (i, k) D_z sums over.
    public enum PairConvention: String, Sendable, Equatable, Codable, CaseIterable {
        /// i, k = 1…n: ordered pairs, diagonal included (the default).
        case allOrderedPairs = "all-ordered-pairs"
        /// i < k: each unordered pair once, no diagonal.
        case distinctUnorderedPairs = "distinct-unordered-pairs"
    }

    /// The terms of Q at one direction.
    public struct Evaluation: Sendable, Equatable, Codable {
        /// Q(a) = S_z · D_z.
        public let objective: Double
        /// S_z (eq. 17).
        public let standardDeviation: Double
        /// D_z (eq. 18).
        public let localDensity: Double
        /// R.
        public let radius: Double
    }

    /// x_ij, row-major (n rows of J values).
    public let normalized: [Double]
    public let regionCount: Int
    public let indicatorCount: Int
    public let radius: WindowRadius
    public let pairs: PairConvention

    /// - Parameter normalized: n rows of J normalised values (n ≥ 2).
    public init(normalized rows: [[Double]], radius: WindowRadius = .default, pairs: PairConvention = .allOrderedPairs) {
        regionCount = rows.count
        indicatorCount = rows.first?.count ?? 0
        normalized = rows.flatMap { $0 }
        self.radius = radius
        self.pairs = pairs
    }

    /// Checks the radius option: a positive finite constant.
    public static func validate(_ radius: WindowRadius) throws {
        let value: Double
        switch radius {
        case .fractionOfStandardDeviation(let fraction), .fractionOfMaximumDistance(let fraction), .fixed(let fraction):
            value = fraction
        }
        guard value.isFinite, value > 0 else {
            throw IndexError.invalidOption(name: "radius", reason: "the window radius (or its fraction) must be finite and > 0, not \(value)")
        }
    }

    /// The projections z = X a (eq. 19) for a direction of J entries (used as given: not normalised).
    public func projections(_ direction: [Double]) -> [Double] {
        var z = [Double](repeating: 0, count: regionCount)
        for row in 0..<regionCount {
            var sum = 0.0
            for column in 0..<indicatorCount { sum += direction[column] * normalized[row * indicatorCount + column] }
            z[row] = sum
        }
        return z
    }

    /// Q and its parts at `direction` (used as given: the caller normalises it to ‖a‖ = 1).
    public func evaluate(_ direction: [Double]) -> Evaluation {
        direction.withUnsafeBufferPointer { evaluate(direction: $0) }
    }

    /// Q at b/‖b‖ (b ≠ 0); −∞ for b = 0 or a non-finite b, which no direction beats. The genetic
    /// algorithm's inner loop: the direction and the projections live in scratch space (no heap
    /// allocation), with the same arithmetic, in the same order, as ``evaluate(_:)`` on `b.map { $0 / ‖b‖ }`.
    public func objective(unnormalized b: [Double]) -> Double {
        var norm = 0.0
        for value in b { norm += value * value }
        norm = norm.squareRoot()
        guard norm > 0, norm.isFinite else { return -Double.infinity }
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: b.count) { direction in
            for index in b.indices { direction[index] = b[index] / norm }
            return evaluate(direction: UnsafeBufferPointer(direction)).objective
        }
    }

    /// Q and its parts, the projections computed and paired in scratch space.
    private func evaluate(direction: UnsafeBufferPointer<Double>) -> Evaluation {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: regionCount) { scratch in
            let z = scratch
            normalized.withUnsafeBufferPointer { x in
                for row in 0..<regionCount {
                    var sum = 0.0
                    for column in 0..<indicatorCount { sum += direction[column] * x[row * indicatorCount + column] }
                    z[row] = sum
                }
            }
            let n = Double(regionCount)
            var total = 0.0
            for row in 0..<regionCount { total += z[row] }
            let mean = total / n
            var squares = 0.0
            for row in 0..<regionCount { squares += (z[row] - mean) * (z[row] - mean) }
            let standardDeviation = (squares / (n - 1)).squareRoot()
            var lowest = Double.infinity, highest = -Double.infinity
            for row in 0..<regionCount {
                lowest = Swift.min(lowest, z[row])
                highest = Swift.max(highest, z[row])
            }
            let window: Double
            switch radius {
            case .fractionOfStandardDeviation(let fraction): window = fraction * standardDeviation
            case .fractionOfMaximumDistance(let fraction): window = fraction * (regionCount > 0 ? highest - lowest : 0)
            case .fixed(let value): window = value
            }
            // Σ_{i<k} max(R − |z_i − z_k|, 0) over every pair, four pairs at a time without branches (the
            // projections need no sorting; the sum's order is fixed, so the value does not depend on the
            // machine or the thread).
            var lanes = SIMD4<Double>(repeating: 0)
            let radiusLanes = SIMD4<Double>(repeating: window)
            var distinct = 0.0
            if let address = z.baseAddress {
                let base = UnsafeRawPointer(address)
                for first in 0..<regionCount {
                    let here = SIMD4<Double>(repeating: z[first])
                    var second = first + 1
                    while second + 4 <= regionCount {
                        let there = base.loadUnaligned(fromByteOffset: second * MemoryLayout<Double>.stride, as: SIMD4<Double>.self)
                        let gap = radiusLanes - (here - there).replacing(with: there - here, where: there .> here)
                        lanes += gap.replacing(with: 0, where: gap .< 0)
                        second += 4
                    }
                    while second < regionCount {
                        distinct += Swift.max(window - abs(z[first] - z[second]), 0)
                        second += 1
                    }
                }
            }
            distinct += (lanes[0] + lanes[1]) + (lanes[2] + lanes[3])
            let density: Double
            switch pairs {
            case .allOrderedPairs: density = n * window + 2 * distinct
            case .distinctUnorderedPairs: density = distinct
            }
            return Evaluation(objective: standardDeviation * density, standardDeviation: standardDeviation,
                              localDensity: density, radius: window)
        }
    }
}
