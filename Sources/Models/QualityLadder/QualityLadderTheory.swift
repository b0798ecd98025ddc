import Foundation

/// The static results of paper 004 at one parameter point, for both readings of the model
/// (`docs/models/quality-ladder.md`):
/// - consistent: the free-entry equilibrium in closed form beside Brent + quadrature (c_D, ϕ, Π, λ_F),
///   the conditions it needs, the comparative statics w.r.t. I, θ, ρ (analytic beside finite
///   differences) and the product ladder of a firm at c_D/4 (Proposition 5 stated honestly);
/// - as-printed: eqs. (9) and (11), the corrected (11), the derivative checks of (12)–(14) and (4),
///   and the regime table of notes §2.4 (`QualityPropositionTable`).
public struct QualityLadderTheory: Sendable {
    public let parameters: QualityLadderParameters

    /// The consistent equilibrium, or why there is none.
    public enum Consistent: Sendable {
        case solved(closedForm: QualityLadderEquilibrium, numerical: QualityLadderEquilibrium,
                    statics: QualityLadderStatics, ladder: ProductLadder)
        case noEquilibrium(reason: String, keys: [String])
    }

    public let consistent: Consistent
    public let printed: PrintedQualityModel
    public let propositionTable: QualityPropositionTable
    /// φ_D of eq. (11) as printed, or why it is undefined.
    public let printedThreshold: Result<Double, ModelError>
    /// The reviewer's corrected (11), or why it is undefined.
    public let correctedThreshold: Result<Double, ModelError>
    /// (12)–(14), (4) and (11) analytic beside finite differences (empty when φ_D is undefined).
    public let printedChecks: [DerivativeCheck]

    /// Solves both readings. Errors other than "no equilibrium" (quadrature, root finding) are rethrown.
    public init(parameters: QualityLadderParameters) throws {
        self.parameters = parameters
        let model = QualityLadderModel(parameters: parameters)
        do {
            let closed = try model.solve(method: .closedForm)
            let numerical = try model.solve(method: .numerical)
            consistent = .solved(closedForm: closed, numerical: numerical, statics: try model.comparativeStatics(),
                                 ladder: numerical.productLadder(cost: numerical.costCutoff / 4))
        } catch ModelError.noEquilibrium(let reason, let keys) {
            consistent = .noEquilibrium(reason: reason, keys: keys)
        }
        printed = PrintedQualityModel(parameters: parameters)
        propositionTable = printed.propositionTable
        printedThreshold = Self.result { try PrintedQualityModel(parameters: parameters).entryThreshold() }
        correctedThreshold = Self.result { try PrintedQualityModel(parameters: parameters).correctedEntryThreshold() }
        printedChecks = (try? printed.derivativeChecks()) ?? []
    }

    private static func result(_ body: () throws -> Double) -> Result<Double, ModelError> {
        do { return .success(try body()) } catch let error as ModelError { return .failure(error) } catch {
            return .failure(.numerical("\(error)"))
        }
    }

    /// The consistent equilibrium (numerical), if there is one.
    public var equilibrium: QualityLadderEquilibrium? {
        if case .solved(_, let numerical, _, _) = consistent { return numerical }
        return nil
    }

    /// Per unit of the firm's margin: ∂ϕ/∂ρ and ∂ϕ/∂θ of the consistent variant (NaN without an
    /// equilibrium). The firm-level ∂Δλ_i/∂x = −(∂ϕ/∂x)(c_D − c_i).
    public var consistentSlopes: (phi: Double, spillover: Double, capability: Double, margin: Double) {
        let model = QualityLadderModel(parameters: parameters)
        guard equilibrium != nil else { return (.nan, .nan, .nan, model.secondOrderMargin) }
        return (model.qualityCoefficient, model.qualityCoefficientDerivative(.spilloverLevel),
                model.qualityCoefficientDerivative(.innovationCapability), model.secondOrderMargin)
    }

    /// The conditions of the consistent variant, each with whether it holds here.
    public var conditions: [(condition: String, holds: Bool, detail: String)] {
        let model = QualityLadderModel(parameters: parameters)
        var blocked = false
        return QualityLadderCondition.allCases.map { condition in
            if blocked { return (condition.rawValue, false, "not checked: an earlier condition fails") }
            if let violation = condition.violation(in: model) {
                blocked = true
                return (condition.rawValue, false, violation.reason + "; " + violation.fix)
            }
            return (condition.rawValue, true, "")
        }
    }
}

extension QualityLadderModel: HeterogeneousFirmModel {
    public static var descriptor: ModelDescriptor { QualityLadder.descriptor }

    /// Both readings at the model's parameters; "no consistent equilibrium" is part of the theory, not an error.
    public func theory() throws -> QualityLadderTheory { try QualityLadderTheory(parameters: parameters) }
}
