import Numerical

/// A real-coded accelerating genetic algorithm (RAGA; Jin Juliang, Yang Xiaohua and Ding Jing,
/// 2000), the optimiser paper 000 names for eq. (20) without giving its settings. It maximises an
/// objective over a box [lower, upper]^J; every random number comes from one ``PhiloxStream``.
///
/// One **evolution** from a parent population P (sorted best first, size N):
/// 1. rank fitness: the individual of rank i (1 = best) gets F_i = q(1 − q)^{i−1}, q =
///    ``Settings/rankParameter``; selection probability F_i / Σ F;
/// 2. proportional (roulette) selection of N individuals → S;
/// 3. arithmetic crossover: each s ∈ S, with probability p_c, is replaced by u·s + (1 − u)·s′,
///    s′ a uniformly drawn member of S and u ~ U(0, 1) (one u per child) → C;
/// 4. mutation: each coordinate of each s ∈ S is, with probability p_m, replaced by a uniform draw
///    from the current interval → M;
/// 5. elitism: the N best distinct individuals of P ∪ C ∪ M (S ⊂ P adds nothing; exact duplicates are
///    dropped, so copies made by selection cannot fill the elite) are the next P; the best never leaves.
///
/// One **acceleration cycle**: a population of N uniform draws from the current interval (the
/// first cycle: the box), with the ``Settings/eliteCount`` best individuals found so far put in
/// place of the last ones, goes through ``Settings/evolutionsPerCycle`` evolutions; then the
/// interval of each coordinate **shrinks to the range [l, h] the elite span** (the acceleration),
/// widened by ``Settings/intervalExpansion`` · (h − l) on each side and clipped to the original box.
/// Jin's scheme has no widening (expansion 0); on the projection index, whose maxima sit on kinks
/// (``ProjectionPursuitObjective``), the bare elite range locks onto a neighbouring local maximum
/// (measured on the oracle panel: up to 3.5% below the global maximum, 2014; docs/estimators/indices.md),
/// so the default widens by 1.
/// The algorithm stops when the elite's range is narrower than ``Settings/intervalTolerance`` in every
/// coordinate or after
/// ``Settings/maximumCycles`` cycles. `repair` maps each new individual to the feasible set before
/// it is evaluated (for projection pursuit: a ← a/‖a‖), so the elite range is taken over feasible points.
///
/// Draw order is fixed (selection, then crossover, then mutation, individual by individual), so a
/// given stream gives the same result on every machine and thread count.
public enum RealCodedAcceleratingGA {
    /// The settings, all with documented defaults.
    public struct Settings: Sendable, Equatable, Codable {
        /// N, the population size (default 200).
        public var populationSize = 200
        /// p_c, the crossover probability (default 0.8).
        public var crossoverProbability = 0.8
        /// p_m, the per-coordinate mutation probability (default 0.2).
        public var mutationProbability = 0.2
        /// q of the rank fitness F_i = q(1 − q)^{i−1} (default 0.05).
        public var rankParameter = 0.05
        /// Evolutions between two accelerations (default 3).
        public var evolutionsPerCycle = 3
        /// The elite whose range becomes the next interval, and which is carried into the next cycle (default 10).
        public var eliteCount = 10
        /// The largest number of acceleration cycles (default 40).
        public var maximumCycles = 40
        /// Stop when every elite range is narrower than this (default 1e-10).
        public var intervalTolerance = 1e-10
        /// Each new interval is the elite range widened by this multiple of its width on both sides
        /// (default 1; Jin's original: 0).
        public var intervalExpansion = 1.0

        public init() {}

        /// Checks every setting's domain.
        public func validate() throws {
            func require(_ condition: Bool, _ name: String, _ reason: String) throws {
                if !condition { throw IndexError.invalidOption(name: name, reason: reason) }
            }
            try require(populationSize >= 4, "populationSize", "must be at least 4, not \(populationSize)")
            try require((0...1).contains(crossoverProbability), "crossoverProbability", "must lie in [0, 1], not \(crossoverProbability)")
            try require((0...1).contains(mutationProbability), "mutationProbability", "must lie in [0, 1], not \(mutationProbability)")
            try require(rankParameter > 0 && rankParameter < 1, "rankParameter", "must lie in (0, 1), not \(rankParameter)")
            try require(evolutionsPerCycle >= 1, "evolutionsPerCycle", "must be at least 1, not \(evolutionsPerCycle)")
            try require(eliteCount >= 2 && eliteCount <= populationSize, "eliteCount",
                        "must lie in [2, populationSize = \(populationSize)], not \(eliteCount)")
            try require(intervalExpansion >= 0 && intervalExpansion.isFinite, "intervalExpansion", "must be finite and ≥ 0, not \(intervalExpansion)")
            try require(maximumCycles >= 1, "maximumCycles", "must be at least 1, not \(maximumCycles)")
            try require(intervalTolerance > 0 && intervalTolerance.isFinite, "intervalTolerance", "must be finite and > 0, not \(intervalTolerance)")
        }
    }

    /// What the algorithm found.
    public struct Result: Sendable, Equatable, Codable {
        /// The best (repaired) point.
        public let point: [Double]
        /// The objective there.
        public let value: Double
        /// Objective evaluations.
        public let evaluations: Int
        /// Acceleration cycles run.
        public let cycles: Int
        /// The widest elite range at the end.
        public let finalIntervalWidth: Double
        /// The best value after each cycle (non-decreasing).
        public let bestByCycle: [Double]
    }

    private struct Individual {
        var point: [Double]
        var value: Double
    }

    /// Maximises `objective` over [lower, upper] (one entry per coordinate, lower ≤ upper).
    public static func maximize(lower: [Double], upper: [Double], settings: Settings = Settings(),
                                stream: inout PhiloxStream, repair: ([Double]) -> [Double] = { $0 },
                                objective: ([Double]) -> Double) throws -> Result {
        try settings.validate()
        guard !lower.isEmpty, lower.count == upper.count, zip(lower, upper).allSatisfy({ $0.isFinite && $1.isFinite && $0 <= $1 }) else {
            throw IndexError.invalidOption(name: "bounds", reason: "lower and upper must be finite, of one length ≥ 1, with lower ≤ upper")
        }
        let size = settings.populationSize
        let dimension = lower.count
        var low = lower, high = upper
        var evaluations = 0
        func make(_ point: [Double]) -> Individual {
            let repaired = repair(point)
            evaluations += 1
            let value = objective(repaired)
            return Individual(point: repaired, value: value.isNaN ? -Double.infinity : value)
        }
        // Selection probabilities by rank (best first), as cumulative sums.
        var cumulative = [Double](repeating: 0, count: size)
        var running = 0.0
        for rank in 0..<size {
            running += settings.rankParameter * pow1(1 - settings.rankParameter, rank)
            cumulative[rank] = running
        }
        for rank in 0..<size { cumulative[rank] /= running }

        var elite: [Individual] = []
        var bestByCycle: [Double] = []
        var cycles = 0
        var width = zip(low, high).map { $1 - $0 }.max() ?? 0
        while cycles < settings.maximumCycles {
            cycles += 1
            var population: [Individual] = []
            population.reserveCapacity(size)
            for _ in 0..<(size - elite.count) {
                population.append(make((0..<dimension).map { low[$0] + stream.nextUniform() * (high[$0] - low[$0]) }))
            }
            population += elite
            sortBestFirst(&population)
            for _ in 0..<settings.evolutionsPerCycle {
                var selected: [Individual] = []
                selected.reserveCapacity(size)
                for _ in 0..<size {
                    let draw = stream.nextUniform()
                    var rank = 0
                    while rank < size - 1, cumulative[rank] < draw { rank += 1 }
                    selected.append(population[rank])
                }
                var offspring: [Individual] = []
                offspring.reserveCapacity(2 * size)
                for index in 0..<size {
                    guard stream.nextUniform() < settings.crossoverProbability else { continue }
                    let partner = selected[Swift.min(size - 1, Int(stream.nextUniform() * Double(size)))]
                    let weight = stream.nextUniform()
                    let point = (0..<dimension).map { weight * selected[index].point[$0] + (1 - weight) * partner.point[$0] }
                    offspring.append(make(point))
                }
                for index in 0..<size {
                    var point = selected[index].point
                    var changed = false
                    for coordinate in 0..<dimension where stream.nextUniform() < settings.mutationProbability {
                        point[coordinate] = low[coordinate] + stream.nextUniform() * (high[coordinate] - low[coordinate])
                        changed = true
                    }
                    if changed { offspring.append(make(point)) }
                }
                population += offspring
                sortBestFirst(&population)
                population = withoutRepeatedPoints(population)
                if population.count > size { population.removeLast(population.count - size) }
            }
            elite = Array(population.prefix(settings.eliteCount))
            bestByCycle.append(elite[0].value)
            // Acceleration: the next interval is the range of the elite, widened and clipped to the box.
            width = 0
            for coordinate in 0..<dimension {
                let lowest = elite.map { $0.point[coordinate] }.min() ?? low[coordinate]
                let highest = elite.map { $0.point[coordinate] }.max() ?? high[coordinate]
                let margin = settings.intervalExpansion * (highest - lowest)
                low[coordinate] = Swift.max(lower[coordinate], lowest - margin)
                high[coordinate] = Swift.min(upper[coordinate], highest + margin)
                width = Swift.max(width, highest - lowest)
            }
            if width < settings.intervalTolerance { break }
        }
        return Result(point: elite[0].point, value: elite[0].value, evaluations: evaluations, cycles: cycles,
                      finalIntervalWidth: width, bestByCycle: bestByCycle)
    }

    /// `population` (sorted best first) without the later copies of a point already present. Equal points
    /// have equal objective values, so after the sort they lie in one run of equal values: only that run is
    /// searched (what a set of every point would keep, without hashing arrays).
    private static func withoutRepeatedPoints(_ population: [Individual]) -> [Individual] {
        var kept: [Individual] = []
        kept.reserveCapacity(population.count)
        var runStart = 0
        for individual in population {
            if let last = kept.last, last.value == individual.value {
                if kept[runStart...].contains(where: { $0.point == individual.point }) { continue }
            } else {
                runStart = kept.count
            }
            kept.append(individual)
        }
        return kept
    }

    /// Best first; ties keep their order (a stable sort, so the result does not depend on the sort's internals).
    private static func sortBestFirst(_ population: inout [Individual]) {
        let order = population.indices.sorted { first, second in
            let a = population[first].value, b = population[second].value
            return a != b ? a > b : first < second
        }
        population = order.map { population[$0] }
    }

    /// base^exponent for a whole exponent, by repeated multiplication (no libm dependence).
    private static func pow1(_ base: Double, _ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<exponent { result *= base }
        return result
    }
}
