import Dispatch
import Numerical

/// Paper 000's Internet index INTER (§3.2, eqs. (14)–(20)) by projection pursuit, year by year:
///
/// 1. min–max normalisation of each indicator j across the regions of year t (eq. 14; reversed for
///    negative indicators), shifted by α = 0.01 (eq. 15), so x ∈ [α, 1 + α];
/// 2. the projection index Q(a) = S_z · D_z (eqs. 16–18, ``ProjectionPursuitObjective``);
/// 3. a_t = argmax Q(a) s.t. ‖a‖ = 1 (eq. 20), by RAGA (``RealCodedAcceleratingGA``) over
///    b ∈ [0, 1]^J with a = b/‖b‖, each of ``Options/geneticRuns`` runs polished by Nelder–Mead with
///    restarts from its best point, the best kept (``Options/polish``; as scipy's differential evolution polishes: the maxima of Q sit
///    on kinks where several pairs of projections coincide, which random search approaches but
///    does not hit); checked by the deterministic ``ProjectionPursuitMultiStart``;
/// 4. INTER_it = z_it = Σ_j a_jt x_ijt (eq. 19).
///
/// **Why a ∈ [0, 1]^J by default.** Eqs. (26)–(27) use ln INTER, so INTER must be > 0. With
/// a_j ≥ 0 and x ≥ α = 0.01, INTER ≥ 0.01·Σ_j a_j > 0 (and ≤ 1.01·Σ_j a_j ≤ 1.01·√J). It also fixes
/// the sign: Q(a) = Q(−a), so over [−1, 1]^J every maximum has a mirror image and an index could
/// come out decreasing in all indicators. ``Options/allowNegativeDirections`` searches [−1, 1]^J
/// instead (the projection-pursuit literature's other choice), choosing among ±a the one with the
/// larger Σ_j a_j.
///
/// Years are independent: year t's RAGA draws from the Philox stream (seed, replication,
/// "projection-pursuit/<t>") (purpose "projection-pursuit" for a cross-section), so the result
/// does not depend on which other years are present, on their order, or on the thread count.
public enum ProjectionPursuitIndex {
    public struct Options: Sendable, Equatable, Codable {
        /// α of eq. (15) (default 0.01).
        public var shift = 0.01
        /// R of eq. (18) (default 0.1·S_z).
        public var radius = ProjectionPursuitObjective.WindowRadius.default
        /// Which pairs D_z sums over (default: all ordered pairs, i = k included).
        public var pairs = ProjectionPursuitObjective.PairConvention.allOrderedPairs
        /// Search a ∈ [−1, 1]^J rather than [0, 1]^J (default false).
        public var allowNegativeDirections = false
        /// The master seed of the RAGA streams.
        public var seed: UInt64 = 20_261_208
        /// The replication index of the streams (a Monte Carlo passes its replication).
        public var replication = 0
        public var genetic = RealCodedAcceleratingGA.Settings()
        public var multiStart = ProjectionPursuitMultiStart.Settings()
        /// Polish RAGA's best point by Nelder–Mead with restarts (default true).
        public var polish = true
        /// Independent RAGA runs per year, one after another on the year's stream, each polished; the
        /// best is kept (default 3: on the oracle panel one run ends in a wrong basin in about 1 year in 15).
        public var geneticRuns = 3
        /// Run the multi-start check (default true).
        public var runMultiStart = true
        /// With the multi-start check: when it finds a higher Q than RAGA, the index uses its direction (the
        /// year's result still reports RAGA's runs in `geneticRunValues`). Off by default: the index is RAGA's.
        public var keepBetterOfCheck = false
        /// |Q_RAGA − Q_multistart| ≤ tolerance · max(1, |Q|) counts as the same maximum (default 1e-6).
        public var agreementTolerance = 1e-6
        /// Years solved at once (default 1; the result is the same for any value).
        public var threads = 1

        public init() {}
    }

    /// One year's solution.
    public struct YearResult: Sendable, Equatable, Codable {
        /// The year; nil for a cross-section.
        public let year: Int?
        /// The input rows of this year (0-based), in the order of `index`.
        public let rows: [Int]
        /// a_t by RAGA, polished (unit norm): the direction the index uses.
        public let direction: [Double]
        /// Q, S_z, D_z and R at a_t.
        public let evaluation: ProjectionPursuitObjective.Evaluation
        /// The kept RAGA run before the polish (its `value` is Q at its best point).
        public let genetic: RealCodedAcceleratingGA.Result
        /// Q after each run's polish (before it, without the polish), in run order.
        public let geneticRunValues: [Double]
        /// The multi-start check (nil when switched off).
        public let multiStart: ProjectionPursuitMultiStart.Result?
        /// Q_RAGA − Q_multistart (nil without the check); negative: RAGA fell short.
        public var objectiveGap: Double? { multiStart.map { evaluation.objective - $0.value } }
        /// Whether the two reach the same maximum within the tolerance (true without the check).
        public let optimisersAgree: Bool
    }

    public struct Result: Sendable, Equatable, Codable {
        public let indicatorNames: [String]
        /// INTER per input row (eq. 19).
        public let index: [Double]
        /// One entry per year, ascending.
        public let years: [YearResult]
        public let options: Options
    }

    /// Builds the index; rows are grouped by `panel.years` (each year normalised and optimised on its own).
    public static func compute(_ panel: IndicatorPanel, options: Options = Options()) throws -> Result {
        try ProjectionPursuitObjective.validate(options.radius)
        try options.genetic.validate()
        try options.multiStart.validate()
        guard options.shift.isFinite, options.shift >= 0 else {
            throw IndexError.invalidOption(name: "shift", reason: "α must be finite and ≥ 0, not \(options.shift)")
        }
        guard options.geneticRuns >= 1 else {
            throw IndexError.invalidOption(name: "geneticRuns", reason: "must be ≥ 1, not \(options.geneticRuns)")
        }
        guard options.threads >= 1 else { throw IndexError.invalidOption(name: "threads", reason: "must be ≥ 1, not \(options.threads)") }
        let groups = panel.groups()
        // Check every year first, so the first error is the same whatever the thread count.
        var objectives: [ProjectionPursuitObjective] = []
        for group in groups {
            try panel.requireRows(group.rows, year: group.year, required: 3)
            let normalized = try panel.minMaxNormalized(rows: group.rows, year: group.year, shift: options.shift)
            objectives.append(ProjectionPursuitObjective(normalized: normalized, radius: options.radius, pairs: options.pairs))
        }
        let problems = objectives
        let outcomes = Outcomes(count: groups.count)
        let workers = Swift.min(options.threads, groups.count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var position = worker
            while position < groups.count {
                outcomes.store(position, Result_(catching: { try solve(problems[position], year: groups[position].year,
                                                                           rows: groups[position].rows, options: options) }))
                position += workers
            }
        }
        var years: [YearResult] = []
        for position in groups.indices { years.append(try outcomes.value(position).get()) }
        var index = [Double](repeating: .nan, count: panel.rowCount)
        for (year, objective) in zip(years, objectives) {
            let z = objective.projections(year.direction)
            for (position, row) in year.rows.enumerated() { index[row] = z[position] }
        }
        return Result(indicatorNames: panel.indicatorNames, index: index, years: years, options: options)
    }

    /// The stream purpose of a year.
    public static func purpose(year: Int?) -> String {
        year.map { "projection-pursuit/\($0)" } ?? "projection-pursuit"
    }

    /// RAGA and the multi-start check on one year.
    static func solve(_ objective: ProjectionPursuitObjective, year: Int?, rows: [Int], options: Options) throws -> YearResult {
        let dimension = objective.indicatorCount
        var stream = PhiloxStream(masterSeed: options.seed, replication: options.replication, purpose: purpose(year: year))
        let lowerBound = options.allowNegativeDirections ? -1.0 : 0.0
        var best: (genetic: RealCodedAcceleratingGA.Result, direction: [Double], value: Double)?
        var runValues: [Double] = []
        for _ in 0..<options.geneticRuns {
            let genetic = try RealCodedAcceleratingGA.maximize(
                lower: [Double](repeating: lowerBound, count: dimension), upper: [Double](repeating: 1, count: dimension),
                settings: options.genetic, stream: &stream, repair: unitDirection, objective: objective.objective(unnormalized:))
            var direction = genetic.point
            var value = genetic.value
            if options.polish, value.isFinite {
                do {
                    let polished = try ProjectionPursuitMultiStart.localSearch(
                        objective, from: genetic.point, allowNegative: options.allowNegativeDirections, settings: options.multiStart)
                    if polished.value > value { (direction, value) = (polished.direction, polished.value) }
                } catch IndexError.numericalFailure(_, let reason) {
                    throw IndexError.numericalFailure(year: year, reason: reason)
                }
            }
            runValues.append(value)
            if value > (best?.value ?? -Double.infinity) { best = (genetic, direction, value) }
        }
        guard let kept = best, kept.value.isFinite else {
            throw IndexError.numericalFailure(year: year, reason: "RAGA found no direction with a finite projection index")
        }
        let genetic = kept.genetic
        var direction = kept.direction
        var multiStart: ProjectionPursuitMultiStart.Result?
        if options.runMultiStart {
            do {
                let check = try ProjectionPursuitMultiStart.maximize(objective, allowNegative: options.allowNegativeDirections,
                                                                      settings: options.multiStart)
                multiStart = ProjectionPursuitMultiStart.Result(
                    direction: orient(check.direction), value: check.value, starts: check.starts,
                    startsReachingMaximum: check.startsReachingMaximum, localRuns: check.localRuns)
            } catch IndexError.numericalFailure(_, let reason) {
                throw IndexError.numericalFailure(year: year, reason: reason)
            }
        }
        if options.keepBetterOfCheck, let check = multiStart, check.value > objective.evaluate(direction).objective {
            direction = check.direction
        }
        direction = orient(direction)
        let evaluation = objective.evaluate(direction)
        let agree = multiStart.map {
            abs(evaluation.objective - $0.value) <= options.agreementTolerance * Swift.max(1, abs($0.value))
        } ?? true
        return YearResult(year: year, rows: rows, direction: direction, evaluation: evaluation, genetic: genetic,
                          geneticRunValues: runValues, multiStart: multiStart, optimisersAgree: agree)
    }

    /// b/‖b‖ (b unchanged when it is 0).
    static func unitDirection(_ b: [Double]) -> [Double] {
        let norm = b.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return norm > 0 && norm.isFinite ? b.map { $0 / norm } : b
    }

    /// Of a and −a (equal Q), the one with Σ_j a_j ≥ 0; non-negative directions are unchanged.
    static func orient(_ direction: [Double]) -> [Double] {
        direction.reduce(0, +) < 0 ? direction.map { -$0 } : direction
    }
}

/// `Result` with a name that does not clash with ``ProjectionPursuitIndex/Result``.
private typealias Result_ = Swift.Result<ProjectionPursuitIndex.YearResult, Error>

/// Per-year outcomes written by the workers, each slot by exactly one worker.
private final class Outcomes: @unchecked Sendable {
    private var slots: [Result_?]
    private let lock = SemaphoreLock()

    init(count: Int) { slots = [Result_?](repeating: nil, count: count) }

    func store(_ position: Int, _ outcome: Result_) {
        lock.withLock { slots[position] = outcome }
    }

    func value(_ position: Int) -> Result_ {
        lock.withLock { slots[position] } ?? .failure(IndexError.numericalFailure(year: nil, reason: "a year was not solved"))
    }
}

/// A minimal mutex on a dispatch semaphore (Measures does not import Foundation here).
private final class SemaphoreLock: @unchecked Sendable {
    private let semaphore = DispatchSemaphore(value: 1)
    func withLock<T>(_ body: () -> T) -> T {
        semaphore.wait()
        defer { semaphore.signal() }
        return body()
    }
}
