/// The columns the quality measures read. Defaults match the quality-ladder simulator's panel.
public struct QualityColumnNames: Sendable, Equatable {
    public var quantity = "quantity"
    public var price = "price"
    public var value = "value"
    public var product = "product"
    public var destination = "dest"
    public var year = "year"
    public var firm = "firm"
    public var industry = "industry"

    public init() {}
}

/// How σ enters the KSW quality ε̂/(σ − 1).
public enum ElasticityChoice: Sendable, Equatable {
    /// A common σ imposed on every product; ln q + σ ln p is demeaned within cells.
    case imposed(Double)
    /// σ_j imposed per product code (every product in the data needs one).
    case imposedPerProduct([Int: Double])
    /// σ̂ = −(the coefficient on ln p) of ln q = χ_jmt − σ ln p + ε, by `FixedEffectsOLS` with the
    /// product × destination × year FE; pooled over products, or one regression per product.
    case estimated(byProduct: Bool)
}

/// Options of the Khandelwal–Schott–Wei quality measure (`KSWQuality`).
public struct KSWQualityOptions: Sendable, Equatable {
    public var columns = QualityColumnNames()
    public var elasticity: ElasticityChoice = .estimated(byProduct: false)
    /// Also compute the min–max standardized quality within product, shifted to be positive.
    public var standardize = true
    /// The offset of the positive standardized quality: offset + (x − min_j)/(max_j − min_j), in
    /// [offset, offset + 1]. It must be positive so that the ratio distances are defined.
    public var positiveOffset = 1.0

    public init(elasticity: ElasticityChoice = .estimated(byProduct: false)) { self.elasticity = elasticity }
}
