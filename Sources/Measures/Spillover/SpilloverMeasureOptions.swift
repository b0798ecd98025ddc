/// Choices the paper-003 constructed regressors leave open (§3.2 of the notes).
public struct SpilloverMeasureOptions: Sendable, Equatable {
    /// The sister-plant weights of eqs. (16)–(17).
    public enum SisterWeights: String, Sendable, Equatable, CaseIterable {
        /// exp_i′c′mt / Σ exp_i′c′mt: each sister plant's share of the sister plants' exports
        /// to m in t, as the subscripts of (16) suggest. Undefined when no sister exports to m.
        case destinationShares
        /// Each sister plant's share of the sister plants' total exports in t, all
        /// destinations together (what the paper's near-unchanged N suggests it used).
        case overallShares
    }

    /// Weights for `dlnaffiliate1` and `lndensity1`.
    public var weights: SisterWeights
    /// When true, the sample plants themselves are added to the sources first: a plant that
    /// exports to m in t−1 and t adds 1 to n_cmt and its log growth to S_cmt. Each plant's own
    /// contribution is then removed from its own-city measures, and its firm's other plants'
    /// contributions from its sister-city measures (the footnote to eq. (13): the information
    /// "is unrelated to the sister plants themselves"). When false the sources are exactly the
    /// `SourceAggregates` given, taken to contain no sample plant.
    public var sourcesIncludeSample: Bool

    public init(weights: SisterWeights = .destinationShares, sourcesIncludeSample: Bool = false) {
        self.weights = weights
        self.sourcesIncludeSample = sourcesIncludeSample
    }
}
