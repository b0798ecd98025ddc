import Foundation

/// The as-printed variant of the `quality-ladder` model: paper 004's eqs. (4), (5), (9), (11) and
/// (12)–(14) exactly as printed (notes §2.2–§2.4), with the reviewer's corrected derivatives and
/// the second-order condition beside them.
///
/// The printed profit (8) is π = (E/4γ)[A + (β−μ)Δλ]² − c Δλ², A = α − ηQ^c − φ_i + (β−μ)λ_F,
/// c = θ^{−2ρ} δ_λ^{−2}. Its stationary point is Δλ = ϕ (φ_D − φ_i), eq. (9), and it is a maximum
/// only if D = E(β−μ)² − 4γc < 0. The cost draw φ (called "productivity" by the paper) is the
/// same Pareto draw on [0, φ_M] as c in the consistent variant (φ_M is the key `c_M`).
public struct PrintedQualityModel: Sendable {
    public let parameters: QualityLadderParameters

    public init(parameters: QualityLadderParameters) {
        self.parameters = parameters
    }

    /// c = θ^{−2ρ} δ_λ^{−2}, the printed coefficient of the quality-distance cost, eqs. (6)–(7).
    public var distanceCostCoefficient: Double { 1 / parameters.innovationPerformance }

    /// D = E(β−μ)² − 4γθ^{−2ρ}δ_λ^{−2}: ∂²π/∂Δλ² = D/(2γ), so the stationary point (9) is a profit
    /// maximum iff D < 0 (notes §2.2).
    public var secondOrderValue: Double {
        let p = parameters, b = p.netQualityValue
        return p.marketSize * b * b - 4 * p.productDifferentiation * distanceCostCoefficient
    }

    /// Whether the stationary point of eq. (9) is a profit maximum (D < 0).
    public var isProfitMaximum: Bool { secondOrderValue < 0 }

    /// ϕ = E(μ−β) / [E(μ−β)² − 4γθ^{−2ρ}δ_λ^{−2}], eqs. (9) and (12) (infinite when D = 0).
    public var distanceCoefficient: Double {
        parameters.marketSize * (parameters.qualityMarginalCost - parameters.qualityPreference) / secondOrderValue
    }

    /// Δλ_i = (1 − δ_λ) θ^{−ρ} I^{−1/2}, eq. (4).
    public func qualityDistance(digitalInput: Double) -> Double {
        let p = parameters
        return (1 - p.qualityInfluence) * pow(p.innovationCapability, -p.spilloverLevel) / digitalInput.squareRoot()
    }

    /// Δφ_i = (1 − δ_φ) θ^{−ρ} I^{−1/2}, eq. (5).
    public func productivityDistance(digitalInput: Double) -> Double {
        let p = parameters
        return (1 - p.productivityInfluence) * pow(p.innovationCapability, -p.spilloverLevel) / digitalInput.squareRoot()
    }

    /// ∂ ln Δλ_i / ∂ ln I = −1/2, from eq. (4) (notes §5: the elasticity a regression of the log
    /// distance on ln I should recover).
    public static let digitalInputElasticity = -0.5

    /// φ_i = φ_F − Δφ_i(I): the cost draw of a catch-up firm with digital input I, eqs. (5), (12).
    public func cost(digitalInput: Double) -> Double {
        parameters.frontierCost - productivityDistance(digitalInput: digitalInput)
    }

    /// (k+1)(k+2) + (μ−β) ϕ (6 − 2k²), the bracket of eq. (11) (φ_D exists iff it is positive).
    public var thresholdBracket: Double {
        let p = parameters, k = p.paretoShape
        return (k + 1) * (k + 2) + (p.qualityMarginalCost - p.qualityPreference) * distanceCoefficient * (6 - 2 * k * k)
    }

    /// φ_D by eq. (11) exactly as printed, at a given ϕ (default: the ϕ of eq. (9)):
    /// φ_D = {4γφ_M^k f_E (k+1)(k+2) / (E[(k+1)(k+2) + (μ−β)ϕ(6−2k²)])}^{1/(k+2)}.
    public func entryThreshold(distanceCoefficient phi: Double? = nil) throws -> Double {
        let p = parameters, k = p.paretoShape
        let phi = phi ?? distanceCoefficient
        let bracket = (k + 1) * (k + 2) + (p.qualityMarginalCost - p.qualityPreference) * phi * (6 - 2 * k * k)
        guard phi.isFinite else {
            throw ModelError.noEquilibrium(reason: "D = E(β−μ)² − 4γθ^{−2ρ}δ_λ^{−2} = 0, so ϕ of eq. (9) is undefined",
                                           keys: ["beta", "mu", "E", "gamma", "theta", "rho", "delta_lambda"])
        }
        guard bracket > 0 else {
            throw ModelError.noEquilibrium(
                reason: "the bracket of eq. (11), (k+1)(k+2) + (μ−β)ϕ(6−2k²) = \(bracket), is not positive, so φ_D is undefined",
                keys: ["k", "beta", "mu"])
        }
        let numerator = 4 * p.productDifferentiation * p.entryCost * (k + 1) * (k + 2)
        return exp((log(numerator / (p.marketSize * bracket)) + k * log(p.costUpperBound)) / (k + 2))
    }

    /// The reviewer's corrected eq. (11) (notes §2.3):
    /// φ_D^{k+2} = (k+1)(k+2) φ_M^k f_E [4γ − E(β−μ)² θ^{2ρ} δ_λ²] / (2E). It needs D < 0 and equals
    /// the consistent variant's c_D at ψ0 = I = 1 with single-product firms.
    public func correctedEntryThreshold() throws -> Double {
        let p = parameters, k = p.paretoShape, b = p.netQualityValue
        let bracket = 4 * p.productDifferentiation - p.marketSize * b * b * p.innovationPerformance
        guard bracket > 0 else {
            throw ModelError.noEquilibrium(reason: "D ≥ 0: the stationary point of eq. (9) is not a profit maximum",
                                           keys: ["beta", "mu", "E", "gamma", "theta", "rho", "delta_lambda"])
        }
        let power = log((k + 1) * (k + 2) * p.entryCost * bracket / (2 * p.marketSize)) + k * log(p.costUpperBound)
        return exp(power / (k + 2))
    }

    /// Q^c = [α + (β−μ)λ_F − φ_D]/η, from φ_D ≡ α − ηQ^c + (β−μ)λ_F, eq. (9).
    public func aggregateConsumption(entryThreshold: Double) -> Double {
        let p = parameters
        return (p.demandIntercept + p.netQualityValue * p.frontierQuality - entryThreshold) / p.competitionIntensity
    }

    /// Δλ_i = ϕ (φ_D − φ_i), eq. (9); λ_i = λ_F − Δλ_i.
    public func optimalDistance(cost: Double, entryThreshold: Double) -> Double {
        distanceCoefficient * (entryThreshold - cost)
    }

    /// Δλ of the n-th product, ϕ (φ_D − σ^{n−1} φ_i) with σ = ω (notes §2.5, as printed).
    public func productDistance(product n: Int, cost: Double, entryThreshold: Double) -> Double {
        distanceCoefficient * (entryThreshold - pow(parameters.ladderCostFactor, Double(n - 1)) * cost)
    }

    /// ∂ϕ/∂ρ = 8Eγ lnθ θ^{−2ρ} δ_λ^{−2} (β−μ)/D² (reviewer's correction of (13)); ∂Δλ_i/∂ρ is this
    /// times (φ_D − φ_i).
    public var spilloverSlope: Double {
        let p = parameters, d = secondOrderValue
        return 8 * p.marketSize * p.productDifferentiation * log(p.innovationCapability)
            * distanceCostCoefficient * p.netQualityValue / (d * d)
    }

    /// Eq. (13) as printed, per unit of (φ_D − φ_i): 8E lnθ δ_λ^{−2}(β−μ)/D². It lacks the factor γθ^{−2ρ}.
    public var printedSpilloverSlope: Double {
        let p = parameters, d = secondOrderValue
        return 8 * p.marketSize * log(p.innovationCapability) / (p.qualityInfluence * p.qualityInfluence)
            * p.netQualityValue / (d * d)
    }

    /// ∂ϕ/∂θ = 8Eγρ θ^{−2ρ−1} δ_λ^{−2} (β−μ)/D² (reviewer's correction of (14)).
    public var capabilitySlope: Double {
        let p = parameters, d = secondOrderValue
        return 8 * p.marketSize * p.productDifferentiation * p.spilloverLevel
            * distanceCostCoefficient / p.innovationCapability * p.netQualityValue / (d * d)
    }

    /// Eq. (14) as printed, per unit of (φ_D − φ_i): 8Eγ θ^{−2ρ−1} δ_λ^{−2}(β−μ)/D². It lacks the factor ρ.
    public var printedCapabilitySlope: Double {
        let p = parameters, d = secondOrderValue
        return 8 * p.marketSize * p.productDifferentiation * distanceCostCoefficient / p.innovationCapability
            * p.netQualityValue / (d * d)
    }

    /// ∂φ_D/∂ϕ of eq. (11) with ϕ treated as a free coefficient, as the paper reads it:
    /// −φ_D (μ−β)(6−2k²) / ((k+2) [(k+1)(k+2) + (μ−β)ϕ(6−2k²)]).
    public func thresholdSlope() throws -> Double {
        let p = parameters, k = p.paretoShape
        let threshold = try entryThreshold()
        return -threshold * (p.qualityMarginalCost - p.qualityPreference) * (6 - 2 * k * k) / ((k + 2) * thresholdBracket)
    }
}
