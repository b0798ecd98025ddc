import Numerical

/// A deterministic multi-start local optimiser of the projection index Q(a) (eq. (20) of paper
/// 000), the check on ``RealCodedAcceleratingGA``: no random numbers, so the same data give the
/// same maximum everywhere.
///
/// **Parametrisation.** Nelder–Mead (GSL's `nmsimplex2`, ``Minimizer/nelderMead(start:stepSizes:tolerance:maxIterations:_:)``)
/// minimises −Q(p(b)) over unconstrained b ∈ ℝ^J, with p(b) = |b|/‖b‖ (entrywise absolute value) when
/// a ∈ [0, 1]^J, or b/‖b‖ when negative entries are allowed; p maps every b ≠ 0 to a feasible unit
/// direction, so the constraint ‖a‖ = 1 of eq. (20) holds by construction.
///
/// **Starts.** The centre (1, …, 1)/√J, the J unit vectors, and ``Settings/haltonStarts`` points of
/// the Halton sequence (bases 2, 3, 5, …; indices 1, 2, …) in [0, 1]^J (or mapped to [−1, 1]^J).
///
/// **Kinks.** Q is continuous but not differentiable where a pair of projections is exactly R
/// apart or coincides (``ProjectionPursuitObjective``). Nelder–Mead needs no derivatives, but a
/// simplex straddling a kink can contract onto a point that is not a local maximum (the simplex
/// collapses along the kink). Each start is therefore **restarted** from its best point with a
/// fresh simplex of the initial size until a restart improves Q by less than 1e-12 relative (at
/// most ``Settings/restarts`` times), and the many starts cover the other local maxima of this
/// multimodal function.
public enum ProjectionPursuitMultiStart {
    public struct Settings: Sendable, Equatable, Codable {
        /// Halton starts besides the centre and the unit vectors (default 40).
        public var haltonStarts = 40
        /// Initial simplex edge along each coordinate (default 0.1).
        public var stepSize = 0.1
        /// Nelder–Mead stops when the simplex size is below this (default 1e-10).
        public var tolerance = 1e-10
        /// Iteration limit of one Nelder–Mead run (default 5,000).
        public var maximumIterations = 5_000
        /// Restarts of each start from its best point (default 4).
        public var restarts = 4

        public init() {}

        public func validate() throws {
            guard haltonStarts >= 0 else { throw IndexError.invalidOption(name: "haltonStarts", reason: "must be ≥ 0, not \(haltonStarts)") }
            guard stepSize > 0, stepSize.isFinite else { throw IndexError.invalidOption(name: "stepSize", reason: "must be finite and > 0") }
            guard tolerance > 0, tolerance.isFinite else { throw IndexError.invalidOption(name: "tolerance", reason: "must be finite and > 0") }
            guard maximumIterations >= 1 else { throw IndexError.invalidOption(name: "maximumIterations", reason: "must be ≥ 1") }
            guard restarts >= 0 else { throw IndexError.invalidOption(name: "restarts", reason: "must be ≥ 0") }
        }
    }

    public struct Result: Sendable, Equatable, Codable {
        /// The best unit direction found.
        public let direction: [Double]
        /// Q there.
        public let value: Double
        /// Starts run.
        public let starts: Int
        /// Starts whose final Q is within 1e-8 relative of the best (how often the maximum was found).
        public let startsReachingMaximum: Int
        /// Nelder–Mead runs (each start once, plus its restarts).
        public let localRuns: Int
    }

    /// The starting points (before the map p), in the order they are run.
    public static func starts(dimension: Int, count: Int, allowNegative: Bool) -> [[Double]] {
        var points: [[Double]] = [[Double](repeating: 1, count: dimension)]
        for axis in 0..<dimension { points.append((0..<dimension).map { $0 == axis ? 1 : 0 }) }
        let bases = primes(dimension)
        for index in 1...Swift.max(1, count) where count > 0 {
            let point = bases.map { radicalInverse(index, base: $0) }
            points.append(allowNegative ? point.map { 2 * $0 - 1 } : point)
        }
        return points
    }

    /// Maximises `objective` from every start; `allowNegative` selects the map p.
    public static func maximize(_ objective: ProjectionPursuitObjective, allowNegative: Bool,
                                settings: Settings = Settings()) throws -> Result {
        try settings.validate()
        let dimension = objective.indicatorCount
        var finals: [(direction: [Double], value: Double)] = []
        var runs = 0
        for start in starts(dimension: dimension, count: settings.haltonStarts, allowNegative: allowNegative) {
            let local = try localSearch(objective, from: start, allowNegative: allowNegative, settings: settings)
            runs += local.runs
            finals.append((local.direction, local.value))
        }
        guard let best = finals.max(by: { $0.value < $1.value }) else {
            throw IndexError.numericalFailure(year: nil, reason: "no start for the multi-start optimiser")
        }
        let reaching = finals.filter { best.value - $0.value <= 1e-8 * Swift.max(1, abs(best.value)) }.count
        return Result(direction: best.direction, value: best.value, starts: finals.count, startsReachingMaximum: reaching,
                      localRuns: runs)
    }

    /// Nelder–Mead with restarts from one start (used for every start here, and to polish RAGA's best
    /// point): the best unit direction, Q there, and the number of Nelder–Mead runs.
    public static func localSearch(_ objective: ProjectionPursuitObjective, from start: [Double], allowNegative: Bool,
                                   settings: Settings = Settings()) throws -> (direction: [Double], value: Double, runs: Int) {
        let dimension = objective.indicatorCount
        func direction(_ b: [Double]) -> [Double] {
            let mapped = allowNegative ? b : b.map { abs($0) }
            let norm = mapped.reduce(0) { $0 + $1 * $1 }.squareRoot()
            return norm > 0 && norm.isFinite ? mapped.map { $0 / norm } : mapped
        }
        func loss(_ b: [Double]) -> Double {
            let value = objective.objective(unnormalized: allowNegative ? b : b.map { abs($0) })
            return value.isFinite ? -value : 1e300
        }
        var point = direction(start)
        var value = -loss(point)
        var runs = 0
        for attempt in 0...settings.restarts {
            let run: MinimizationResult
            do {
                run = try Minimizer.nelderMead(start: point, stepSizes: [Double](repeating: settings.stepSize, count: dimension),
                                               tolerance: settings.tolerance, maxIterations: settings.maximumIterations, loss)
            } catch {
                throw IndexError.numericalFailure(year: nil, reason: "Nelder–Mead failed (\(error))")
            }
            runs += 1
            let improved = -run.value
            let gain = improved - value
            if improved > value {
                point = direction(run.point)
                value = improved
            }
            if attempt > 0, gain <= 1e-12 * Swift.max(1, abs(value)) { break }
        }
        return (point, value, runs)
    }

    /// The first `count` primes.
    static func primes(_ count: Int) -> [Int] {
        var found: [Int] = []
        var candidate = 2
        while found.count < count {
            if found.allSatisfy({ candidate % $0 != 0 }) { found.append(candidate) }
            candidate += 1
        }
        return found
    }

    /// The van der Corput radical inverse of `index` in `base`.
    static func radicalInverse(_ index: Int, base: Int) -> Double {
        var result = 0.0, fraction = 1.0 / Double(base), remaining = index
        while remaining > 0 {
            result += Double(remaining % base) * fraction
            remaining /= base
            fraction /= Double(base)
        }
        return result
    }
}
