import Foundation
import Measures

/// What `hetfirm index` reports, in one shape for the three methods: the index per row (with its
/// id and year), and per sample (a year, or the pooled panel) the weights or direction and the
/// method's diagnostics. Encoded as the `--json` output.
public struct IndexDocument: Sendable, Codable {
    public struct Row: Sendable, Codable {
        public let id: String
        public let year: Int?
        public let index: Double
    }

    /// One year's (or the pooled sample's) weights.
    public struct Sample: Sendable, Codable {
        public let year: Int?
        public let rows: Int
        /// Projection pursuit: the direction a (unit norm). Entropy: w_j. PCA: β_j (the index per
        /// standardised indicator).
        public let weights: [Double]
        /// Projection pursuit: Q, S_z, D_z, R at a; RAGA's Q before the polish; the multi-start Q and
        /// direction; whether they agree.
        public let objective: Double?
        public let standardDeviation: Double?
        public let localDensity: Double?
        public let radius: Double?
        public let geneticObjective: Double?
        /// Projection pursuit: Q after each RAGA run's polish, in run order.
        public let geneticRunObjectives: [Double]?
        public let geneticEvaluations: Int?
        public let geneticCycles: Int?
        public let multiStartObjective: Double?
        public let multiStartDirection: [Double]?
        public let multiStartStartsReachingMaximum: Int?
        public let multiStartStarts: Int?
        public let optimisersAgree: Bool?
        /// Entropy: e_j.
        public let entropy: [Double]?
        /// PCA: all eigenvalues (descending), the retained loadings and component weights.
        public let eigenvalues: [Double]?
        public let loadings: [[Double]]?
        public let componentWeights: [Double]?
    }

    public let method: String
    public let indicators: [String]
    public let negativeIndicators: [String]
    public internal(set) var idColumn: String?
    public let yearColumn: String?
    /// The conventions in force, one line each (also printed in the text output).
    public let conventions: [String]
    public let samples: [Sample]
    public let rows: [Row]
    public let warnings: [String]

    static func rows(_ index: [Double], panel: IndicatorPanel, identifiers: [String]) -> [Row] {
        index.indices.map { Row(id: identifiers[$0], year: panel.years?[$0], index: index[$0]) }
    }

    static func negativeNames(_ panel: IndicatorPanel) -> [String] {
        zip(panel.indicatorNames, panel.negative).filter(\.1).map(\.0)
    }

    init(projectionPursuit result: ProjectionPursuitIndex.Result, panel: IndicatorPanel, identifiers: [String], yearColumn: String?) {
        let options = result.options
        let radius: String = switch options.radius {
        case .fractionOfStandardDeviation(let c): "R = \(c)·S_z"
        case .fractionOfMaximumDistance(let c): "R = \(c)·max|z_i − z_k|"
        case .fixed(let value): "R = \(value) (fixed)"
        }
        let genetic = options.genetic
        method = "projection-pursuit"
        indicators = panel.indicatorNames
        negativeIndicators = Self.negativeNames(panel)
        idColumn = nil
        self.yearColumn = yearColumn
        conventions = [
            "paper 000 eqs. (14)–(20): min–max per (indicator, year) across regions + α = \(options.shift); Q(a) = S_z·D_z, S_z with n − 1",
            "D_z = Σ_i Σ_k max(R − |z_i − z_k|, 0) over " + (options.pairs == .allOrderedPairs
                ? "all ordered pairs i, k = 1…n (i = k included)" : "pairs i < k") + "; \(radius)",
            "a: ‖a‖ = 1, a ∈ " + (options.allowNegativeDirections ? "[−1, 1]^J (sign: Σ_j a_j ≥ 0)" : "[0, 1]^J (so INTER > 0 for ln INTER)"),
            "RAGA: seed \(options.seed), \(options.geneticRuns) run(s) per year, N = \(genetic.populationSize), p_c = \(genetic.crossoverProbability), p_m = \(genetic.mutationProbability), "
                + "rank q = \(genetic.rankParameter), \(genetic.evolutionsPerCycle) evolutions per cycle, elite \(genetic.eliteCount), "
                + "interval expansion \(genetic.intervalExpansion), ≤ \(genetic.maximumCycles) cycles; "
                + (options.polish ? "each run polished by Nelder–Mead, the best kept" : "no polish"),
            "check: Nelder–Mead from \(1 + panel.indicatorCount + options.multiStart.haltonStarts) fixed starts (centre, unit vectors, Halton), "
                + "agreement within \(options.agreementTolerance) relative",
        ]
        samples = result.years.map { year in
            Sample(year: year.year, rows: year.rows.count, weights: year.direction, objective: year.evaluation.objective,
                   standardDeviation: year.evaluation.standardDeviation, localDensity: year.evaluation.localDensity,
                   radius: year.evaluation.radius, geneticObjective: year.genetic.value,
                   geneticRunObjectives: year.geneticRunValues, geneticEvaluations: year.genetic.evaluations,
                   geneticCycles: year.genetic.cycles, multiStartObjective: year.multiStart?.value,
                   multiStartDirection: year.multiStart?.direction, multiStartStartsReachingMaximum: year.multiStart?.startsReachingMaximum,
                   multiStartStarts: year.multiStart?.starts, optimisersAgree: year.optimisersAgree, entropy: nil, eigenvalues: nil,
                   loadings: nil, componentWeights: nil)
        }
        rows = Self.rows(result.index, panel: panel, identifiers: identifiers)
        warnings = result.years.filter { !$0.optimisersAgree }.map { year in
            "year \(year.year.map(String.init) ?? "(all)"): RAGA reached Q = \(year.evaluation.objective), the multi-start optimiser "
                + "Q = \(year.multiStart?.value ?? .nan); the maximum may not be global (try another --seed)"
        }
    }

    init(entropy result: EntropyWeightIndex.Result, panel: IndicatorPanel, identifiers: [String], yearColumn: String?) {
        method = "entropy"
        indicators = panel.indicatorNames
        negativeIndicators = Self.negativeNames(panel)
        idColumn = nil
        self.yearColumn = yearColumn
        conventions = [
            "paper 001 entropy method: z = min–max (reversed for negative indicators) + s = \(result.options.shift); p = z/Σz; "
                + "e_j = −Σ p ln p / ln m (0 ln 0 = 0); w_j = (1 − e_j)/Σ_k (1 − e_k); index = Σ_j w_j z_j",
            result.options.byYear ? "weights year by year" : "weights pooled over all rows",
        ]
        samples = result.samples.map {
            Sample(year: $0.year, rows: $0.rows.count, weights: $0.weights, objective: nil, standardDeviation: nil, localDensity: nil,
                   radius: nil, geneticObjective: nil, geneticRunObjectives: nil, geneticEvaluations: nil, geneticCycles: nil, multiStartObjective: nil,
                   multiStartDirection: nil, multiStartStartsReachingMaximum: nil, multiStartStarts: nil, optimisersAgree: nil,
                   entropy: $0.entropy, eigenvalues: nil, loadings: nil, componentWeights: nil)
        }
        rows = Self.rows(result.index, panel: panel, identifiers: identifiers)
        warnings = []
    }

    init(pca result: PrincipalComponentIndex.Result, panel: IndicatorPanel, identifiers: [String], yearColumn: String?) {
        let rule: String = switch result.options.retention {
        case .eigenvalueAbove(let threshold): "components with eigenvalue > \(threshold)"
        case .cumulativeShare(let share): "the fewest components reaching a cumulative share of \(share)"
        case .count(let count): "the first \(count) components"
        }
        method = "pca"
        indicators = panel.indicatorNames
        negativeIndicators = Self.negativeNames(panel)
        idColumn = nil
        self.yearColumn = yearColumn
        conventions = [
            "paper 001 PCA index: z-scores (n − 1; negated for negative indicators); correlation-matrix eigenvectors, each with Σ_j v_j > 0",
            "\(rule) (at least one); index = Σ_c (λ_c/Σ_retained λ)·score_c; weights below are β_j per standardised indicator",
            result.options.byYear ? "components year by year" : "components pooled over all rows",
        ]
        samples = result.samples.map {
            Sample(year: $0.year, rows: $0.rows.count, weights: $0.indicatorWeights, objective: nil, standardDeviation: nil,
                   localDensity: nil, radius: nil, geneticObjective: nil, geneticRunObjectives: nil, geneticEvaluations: nil, geneticCycles: nil,
                   multiStartObjective: nil, multiStartDirection: nil, multiStartStartsReachingMaximum: nil, multiStartStarts: nil,
                   optimisersAgree: nil, entropy: nil, eigenvalues: $0.eigenvalues, loadings: $0.loadings,
                   componentWeights: $0.componentWeights)
        }
        rows = Self.rows(result.index, panel: panel, identifiers: identifiers)
        warnings = []
    }
}
