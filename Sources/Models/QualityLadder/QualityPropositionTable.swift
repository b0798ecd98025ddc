import Foundation

/// One claim of paper 004 and whether it holds at the given parameters (notes §2.4).
public struct QualityPropositionRow: Sendable, Codable, Equatable {
    /// The claim, with the paper's equation.
    public let claim: String
    /// The sign the paper prints for the quantity in `value`, e.g. "> 0".
    public let printedSign: String
    /// The quantity whose sign the claim is about, at these parameters (per unit of the positive
    /// factor named in `claim`; NaN when it is undefined).
    public let value: Double
    /// Whether the claim holds at these parameters (using the corrected derivatives).
    public let holds: Bool
    /// The condition under which it holds.
    public let condition: String
    /// Whether the stationary point of eq. (9) is a profit maximum here (D < 0).
    public let soc: Bool
}

/// The regime table of notes §2.4 for the as-printed variant: (12), (13), (14), Proposition 5 and
/// "φ_D falls as ϕ rises" (eq. 11), each with whether it holds, under which condition, and whether
/// the stationary point it describes is a profit maximum. A summary prints `rows` as a table.
public struct QualityPropositionTable: Sendable, Codable, Equatable {
    /// D = E(β−μ)² − 4γθ^{−2ρ}δ_λ^{−2}.
    public let secondOrderValue: Double
    /// ϕ of eq. (9).
    public let distanceCoefficient: Double
    public let rows: [QualityPropositionRow]

    /// Whether the stationary point is a profit maximum (D < 0).
    public var isProfitMaximum: Bool { secondOrderValue < 0 }

    /// The table at `model`'s parameters. Signs are for a surviving firm (φ_i < φ_D) with φ_i > 0.
    public init(model: PrintedQualityModel) {
        let p = model.parameters, k = p.paretoShape
        let d = model.secondOrderValue, phi = model.distanceCoefficient, soc = d < 0
        let defined = d != 0 && phi.isFinite
        secondOrderValue = d
        distanceCoefficient = phi
        let spill = defined ? model.spilloverSlope : .nan
        let capability = defined ? model.capabilitySlope : .nan
        let ladder = defined ? -phi * log(p.ladderCostFactor) : .nan
        let shape = (p.qualityMarginalCost - p.qualityPreference) * (6 - 2 * k * k)
        let slope = (try? model.thresholdSlope()) ?? .nan
        rows = [
            QualityPropositionRow(
                claim: "(12) ∂Δλ_i/∂Δφ_i = ϕ > 0", printedSign: "> 0", value: phi, holds: defined && phi > 0,
                condition: "(μ−β)/D > 0: β > μ with D < 0 (a maximum), or μ > β with D > 0 (a minimum)", soc: soc),
            QualityPropositionRow(
                claim: "(13) ∂Δλ_i/∂ρ < 0 (value: ∂ϕ/∂ρ, per unit of φ_D − φ_i)", printedSign: "< 0",
                value: spill, holds: defined && spill < 0,
                condition: "(β−μ) ln θ < 0: μ > β when θ > 1; with θ > 1 it cannot hold together with (12) at a maximum (D < 0 and ϕ > 0 need β > μ)",
                soc: soc),
            QualityPropositionRow(
                claim: "(14) ∂Δλ_i/∂θ < 0 (value: ∂ϕ/∂θ, per unit of φ_D − φ_i)", printedSign: "< 0",
                value: capability, holds: defined && capability < 0,
                condition: "ρ(β−μ) < 0: μ > β when ρ > 0 (the corrected derivative is 0 at ρ = 0); cannot hold together with (12) at a maximum",
                soc: soc),
            QualityPropositionRow(
                claim: "Proposition 5: Δλ of the n-th product falls in n (value: ∂Δλ_n/∂n per unit of φ_i ω^{n−1}, = −ϕ ln ω)",
                printedSign: "< 0", value: ladder, holds: defined && ladder < 0,
                condition: "ϕ < 0 (given 0 < ω < 1 and φ_i > 0), which contradicts (12)", soc: soc),
            QualityPropositionRow(
                claim: "eq. (11): φ_D falls as ϕ rises (value: ∂φ_D/∂ϕ)", printedSign: "< 0", value: slope,
                holds: defined && shape > 0 && model.thresholdBracket > 0,
                condition: "(μ−β)(6−2k²) > 0: k < √3 when μ > β, k > √3 when β > μ (and the bracket of (11) positive)",
                soc: soc),
        ]
    }
}

extension PrintedQualityModel {
    /// The regime table of notes §2.4 at these parameters.
    public var propositionTable: QualityPropositionTable { QualityPropositionTable(model: self) }

    /// (12), corrected (13) and (14), the eq. (4) elasticity and ∂φ_D/∂ϕ of (11): analytic beside
    /// central finite differences, holding φ_D fixed as the paper does, at φ_i = φ_D/2 of (11)
    /// unless `cost` is given; (13) and (14) carry the printed formula in `printed`.
    public func derivativeChecks(cost: Double? = nil, relativeStep: Double = 1e-5) throws -> [DerivativeCheck] {
        let p = parameters
        let threshold = try entryThreshold()
        let phiI = cost ?? threshold / 2
        let gap = threshold - phiI
        let point = "φ_i = \(phiI), φ_D = \(threshold)"
        func coefficient(_ parameters: QualityLadderParameters) -> Double {
            PrintedQualityModel(parameters: parameters).distanceCoefficient
        }
        func central(_ x: Double, _ f: (Double) -> Double) -> Double {
            let h = relativeStep * max(abs(x), 1)
            return (f(x + h) - f(x - h)) / (2 * h)
        }
        // Δλ_i = ϕ (φ_D − φ_F + Δφ_i) with Δφ_i = φ_F − φ_i, eq. (12).
        let distanceInProductivityGap = central(p.frontierCost - phiI) { productivityGap in
            distanceCoefficient * (threshold - p.frontierCost + productivityGap)
        }
        let rhoFD = central(p.spilloverLevel) { coefficient(p.with(spilloverLevel: $0)) * gap }
        let thetaFD = central(p.innovationCapability) { coefficient(p.with(innovationCapability: $0)) * gap }
        let elasticityFD = central(log(p.digitalInput)) { log(qualityDistance(digitalInput: exp($0))) }
        let phiSlopeFD = central(distanceCoefficient) { (try? entryThreshold(distanceCoefficient: $0)) ?? .nan }
        return [
            DerivativeCheck(name: "(12) ∂Δλ_i/∂Δφ_i = ϕ", point: point, analytic: distanceCoefficient,
                            finiteDifference: distanceInProductivityGap, printed: nil),
            DerivativeCheck(name: "(13) ∂Δλ_i/∂ρ", point: point, analytic: spilloverSlope * gap,
                            finiteDifference: rhoFD, printed: printedSpilloverSlope * gap),
            DerivativeCheck(name: "(14) ∂Δλ_i/∂θ", point: point, analytic: capabilitySlope * gap,
                            finiteDifference: thetaFD, printed: printedCapabilitySlope * gap),
            DerivativeCheck(name: "(4) ∂ ln Δλ_i / ∂ ln I", point: "I = \(p.digitalInput)",
                            analytic: Self.digitalInputElasticity, finiteDifference: elasticityFD, printed: nil),
            DerivativeCheck(name: "(11) ∂φ_D/∂ϕ", point: "ϕ = \(distanceCoefficient)", analytic: try thresholdSlope(),
                            finiteDifference: phiSlopeFD, printed: nil),
        ]
    }
}
