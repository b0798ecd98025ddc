import Foundation

/// Typed parameters of the `quality-ladder` model (paper 004, notes §2; the consistent
/// completion is documented in `docs/models/quality-ladder.md`). Scenario keys are listed by
/// `hetfirm describe quality-ladder`.
///
/// The cost draw is called c in the consistent variant and φ in the as-printed one: the paper
/// calls φ "productivity" but it enters as marginal cost (notes §2.2), so both are the same
/// Pareto draw on [0, c_M] with G(c) = (c/c_M)^k.
public struct QualityLadderParameters: Sendable, Codable, Equatable, ModelParameters {
    /// `variant`: which reading is reported.
    public var variant: QualityLadderVariant
    /// α > 0, demand intercept (utility from differentiated goods), eqs. (1)–(2).
    public var demandIntercept: Double
    /// β, consumers' preference for quality, eqs. (1)–(2).
    public var qualityPreference: Double
    /// γ > 0, product differentiation (γ = 0: perfect substitutes), eqs. (1)–(3).
    public var productDifferentiation: Double
    /// η > 0, substitutability among differentiated goods (competition), eqs. (1)–(2).
    public var competitionIntensity: Double
    /// E > 0, market size (number of consumers), eq. (3).
    public var marketSize: Double
    /// μ, marginal cost of quality: marginal cost c + μλ, eq. (6).
    public var qualityMarginalCost: Double
    /// k > 0, Pareto shape of the cost draw, G(c) = (c/c_M)^k, §2.2.
    public var paretoShape: Double
    /// c_M > 0 (φ_M in the as-printed variant), upper bound of the cost draw, §2.2.
    public var costUpperBound: Double
    /// f_E > 0, sunk entry cost, eq. (10).
    public var entryCost: Double
    /// θ > 0, independent innovation capability, eqs. (4)–(7).
    public var innovationCapability: Double
    /// ρ ≥ 0, technology-spillover level, eqs. (4)–(7).
    public var spilloverLevel: Double
    /// δ_λ, influence coefficient on the quality distance, eqs. (4), (6)–(7).
    public var qualityInfluence: Double
    /// δ_φ, influence coefficient on the productivity distance, eq. (5).
    public var productivityInfluence: Double
    /// I > 0, the firm's (in the consistent variant: the industry's common) digital-innovation
    /// input, eqs. (4)–(5); in the consistent variant it lowers the quality cost ψ.
    public var digitalInput: Double
    /// ψ0 > 0, scale of the consistent variant's quality cost ψ = ψ0 / (θ^{2ρ} δ_λ² I)
    /// (ψ0 = I = 1 gives the paper's printed cost θ^{−2ρ} δ_λ^{−2}, eq. (6)).
    public var qualityCostScale: Double
    /// λ_F, the frontier's quality in the as-printed variant, eqs. (8)–(9).
    public var frontierQuality: Double
    /// φ_F, the frontier's cost draw in the as-printed variant: φ_i = φ_F − Δφ_i, eq. (12).
    public var frontierCost: Double
    /// 0 < ω < 1, cost-ladder factor of multi-product firms (the paper's σ, eq. (15)): in the
    /// consistent variant product n costs c/ω^{n−1}.
    public var ladderCostFactor: Double
    /// N ≥ 1, the longest product ladder a firm may have (`products`).
    public var maximumProducts: Int
    /// The simulator's settings (panel sizes, demand layer, patents, instruments, noise, filters).
    public var simulation: QualityLadderSimulationSettings

    /// Reads the parameters from validated scenario values (every default filled in).
    public init(_ values: ParameterValues) throws {
        guard let name = values.choice("variant"), let variant = QualityLadderVariant(rawValue: name) else {
            throw ModelError.missingParameter("variant")
        }
        guard let products = values.integer("products") else { throw ModelError.missingParameter("products") }
        self.variant = variant
        demandIntercept = try values.requiredReal("alpha")
        qualityPreference = try values.requiredReal("beta")
        productDifferentiation = try values.requiredReal("gamma")
        competitionIntensity = try values.requiredReal("eta")
        marketSize = try values.requiredReal("E")
        qualityMarginalCost = try values.requiredReal("mu")
        paretoShape = try values.requiredReal("k")
        costUpperBound = try values.requiredReal("c_M")
        entryCost = try values.requiredReal("f_E")
        innovationCapability = try values.requiredReal("theta")
        spilloverLevel = try values.requiredReal("rho")
        qualityInfluence = try values.requiredReal("delta_lambda")
        productivityInfluence = try values.requiredReal("delta_phi")
        digitalInput = try values.requiredReal("I")
        qualityCostScale = try values.requiredReal("psi0")
        frontierQuality = try values.requiredReal("lambda_F")
        frontierCost = try values.requiredReal("phi_F")
        ladderCostFactor = try values.requiredReal("omega")
        maximumProducts = products
        simulation = try QualityLadderSimulationSettings(values)
    }

    /// The defaults of `QualityLadder.descriptor` (a valid consistent equilibrium).
    public static var defaults: QualityLadderParameters {
        get throws { try QualityLadderParameters(QualityLadder.descriptor.defaults) }
    }

    /// β − μ, the net value of quality: a unit of quality raises willingness to pay by β and
    /// marginal cost by μ.
    public var netQualityValue: Double { qualityPreference - qualityMarginalCost }

    /// θ^{2ρ} δ_λ², the innovation-performance factor of the quality cost, eqs. (6)–(7).
    public var innovationPerformance: Double {
        pow(innovationCapability, 2 * spilloverLevel) * qualityInfluence * qualityInfluence
    }

    /// The same parameters with another digital input I.
    public func with(digitalInput value: Double) -> QualityLadderParameters {
        var copy = self
        copy.digitalInput = value
        return copy
    }

    /// The same parameters with another innovation capability θ.
    public func with(innovationCapability value: Double) -> QualityLadderParameters {
        var copy = self
        copy.innovationCapability = value
        return copy
    }

    /// The same parameters with another spillover level ρ.
    public func with(spilloverLevel value: Double) -> QualityLadderParameters {
        var copy = self
        copy.spilloverLevel = value
        return copy
    }
}
