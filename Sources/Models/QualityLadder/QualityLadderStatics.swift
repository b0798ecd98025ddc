import Foundation

/// A parameter the quality-ladder statics differentiate with respect to.
public enum QualityLadderShifter: String, Sendable, Codable, CaseIterable {
    /// I, digital-innovation input.
    case digitalInput = "I"
    /// θ, independent innovation capability.
    case innovationCapability = "θ"
    /// ρ, technology-spillover level.
    case spilloverLevel = "ρ"
}

/// Comparative statics of the consistent variant at one parameter point, analytic and by central
/// finite differences side by side.
///
/// With b = β − μ, S = 4γψ − E b² and ψ = ψ0/(θ^{2ρ} δ_λ² I):
/// ∂ψ/∂I = −ψ/I, ∂ψ/∂θ = −2ρψ/θ, ∂ψ/∂ρ = −2ψ ln θ;
/// ∂ϕ/∂x = −(4γEb/S²) ∂ψ/∂x, ∂Π/∂x = −(E²b²/S²) ∂ψ/∂x, ∂c_D/∂x = −c_D/(k+2) · (∂Π/∂x)/Π.
public struct QualityLadderStatics: Sendable, Codable, Equatable {
    /// The cost draw c at which firm quantities are evaluated (c_D/2 unless given).
    public let cost: Double
    /// A firm's own I_i, θ_i or ρ_i moves (c_D and the frontier fixed: the firm is measure zero):
    /// ∂ϕ/∂x, ∂λ_i/∂x = (∂ϕ/∂x)(c_D − c_i) and ∂Δλ_i/∂x = −(∂ϕ/∂x)(c_D − c_i), the catch-up effect.
    public let firmLevel: [DerivativeCheck]
    /// The common I, θ or ρ of every firm moves (c_D and λ_F adjust by free entry):
    /// ∂c_D/∂x, ∂λ_F/∂x = (∂ϕ/∂x) c_D + ϕ ∂c_D/∂x, ∂λ_i/∂x = (∂ϕ/∂x)(c_D − c_i) + ϕ ∂c_D/∂x and
    /// ∂Δλ_i/∂x = (∂ϕ/∂x) c_i (Δλ_i = ϕ c_i: the frontier upgrades too).
    public let industryLevel: [DerivativeCheck]

    /// Every check, firm level first.
    public var all: [DerivativeCheck] { firmLevel + industryLevel }
}

extension QualityLadderModel {
    /// ∂ψ/∂x at the parameters.
    public func qualityCostDerivative(_ shifter: QualityLadderShifter) -> Double {
        let p = parameters, psi = qualityCostCoefficient
        switch shifter {
        case .digitalInput: return -psi / p.digitalInput
        case .innovationCapability: return -2 * p.spilloverLevel * psi / p.innovationCapability
        case .spilloverLevel: return -2 * psi * log(p.innovationCapability)
        }
    }

    /// ∂ϕ/∂x = −(4γE(β−μ)/S²) ∂ψ/∂x.
    public func qualityCoefficientDerivative(_ shifter: QualityLadderShifter) -> Double {
        let p = parameters, s = secondOrderMargin
        return -4 * p.productDifferentiation * p.marketSize * p.netQualityValue / (s * s) * qualityCostDerivative(shifter)
    }

    /// ∂c_D/∂x = −c_D/(k+2) · (∂Π/∂x)/Π with ∂Π/∂x = −(E²(β−μ)²/S²) ∂ψ/∂x, at the closed-form c_D.
    public func cutoffDerivative(_ shifter: QualityLadderShifter) -> Double {
        let p = parameters, s = secondOrderMargin, b = p.netQualityValue
        let profitSlope = -p.marketSize * p.marketSize * b * b / (s * s) * qualityCostDerivative(shifter)
        return -closedFormCutoff / (p.paretoShape + 2) * profitSlope / profitCoefficient
    }

    /// The parameters with x moved to `value`.
    func parameters(_ shifter: QualityLadderShifter, _ value: Double) -> QualityLadderParameters {
        switch shifter {
        case .digitalInput: return parameters.with(digitalInput: value)
        case .innovationCapability: return parameters.with(innovationCapability: value)
        case .spilloverLevel: return parameters.with(spilloverLevel: value)
        }
    }

    func value(of shifter: QualityLadderShifter) -> Double {
        switch shifter {
        case .digitalInput: return parameters.digitalInput
        case .innovationCapability: return parameters.innovationCapability
        case .spilloverLevel: return parameters.spilloverLevel
        }
    }

    /// The statics of ϕ, λ_i, Δλ_i and c_D in I, θ and ρ at cost `cost` (default c_D/2); finite
    /// differences use the step `relativeStep` · max(|x|, 1) and the closed-form equilibrium.
    public func comparativeStatics(cost: Double? = nil, relativeStep: Double = 1e-5) throws -> QualityLadderStatics {
        let center = try solve(method: .closedForm)
        let c = cost ?? center.costCutoff / 2
        let cD = center.costCutoff, phi = center.qualityCoefficient
        var firm: [DerivativeCheck] = [], industry: [DerivativeCheck] = []
        for shifter in QualityLadderShifter.allCases {
            let x = value(of: shifter), h = relativeStep * max(abs(x), 1)
            let below = QualityLadderModel(parameters: parameters(shifter, x - h))
            let above = QualityLadderModel(parameters: parameters(shifter, x + h))
            let symbol = shifter.rawValue
            let point = "\(symbol) = \(x), c = \(c)"
            let dPhi = qualityCoefficientDerivative(shifter)
            let phiFD = (above.qualityCoefficient - below.qualityCoefficient) / (2 * h)
            firm.append(DerivativeCheck(name: "∂ϕ/∂\(symbol)", point: point, analytic: dPhi,
                                        finiteDifference: phiFD, printed: nil))
            firm.append(DerivativeCheck(name: "∂λ_i/∂\(symbol)_i (own \(symbol); c_D, λ_F fixed)", point: point,
                                        analytic: dPhi * (cD - c), finiteDifference: phiFD * (cD - c), printed: nil))
            firm.append(DerivativeCheck(name: "∂Δλ_i/∂\(symbol)_i (own \(symbol); c_D, λ_F fixed)", point: point,
                                        analytic: -dPhi * (cD - c), finiteDifference: -phiFD * (cD - c), printed: nil))

            let low = try below.solve(method: .closedForm), high = try above.solve(method: .closedForm)
            func difference(_ value: (QualityLadderEquilibrium) -> Double) -> Double {
                (value(high) - value(low)) / (2 * h)
            }
            let dCutoff = cutoffDerivative(shifter)
            industry.append(DerivativeCheck(name: "∂c_D/∂\(symbol) (common \(symbol))", point: point,
                                            analytic: dCutoff, finiteDifference: difference(\.costCutoff), printed: nil))
            industry.append(DerivativeCheck(name: "∂λ_F/∂\(symbol) (common \(symbol))", point: point,
                                            analytic: dPhi * cD + phi * dCutoff,
                                            finiteDifference: difference(\.frontierQuality), printed: nil))
            industry.append(DerivativeCheck(name: "∂λ_i/∂\(symbol) (common \(symbol))", point: point,
                                            analytic: dPhi * (cD - c) + phi * dCutoff,
                                            finiteDifference: difference { $0.quality(cost: c) }, printed: nil))
            industry.append(DerivativeCheck(name: "∂Δλ_i/∂\(symbol) (common \(symbol))", point: point,
                                            analytic: dPhi * c,
                                            finiteDifference: difference { $0.distance(cost: c) }, printed: nil))
        }
        return QualityLadderStatics(cost: c, firmLevel: firm, industryLevel: industry)
    }
}
