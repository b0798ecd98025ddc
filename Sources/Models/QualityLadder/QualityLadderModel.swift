import Foundation
import Numerical

/// The consistent variant of the `quality-ladder` model (paper 004, completed as in
/// `docs/models/quality-ladder.md`).
///
/// Demand is Melitz–Ottaviano with quality (notes, eqs. (1)–(3) reconstructed):
/// p_i = α − γ q_i^c + β λ_i − η Q^c, q_i = E q_i^c. A firm draws c ~ G(c) = (c/c_M)^k on [0, c_M],
/// has marginal cost c + μλ and pays the quality cost ψ λ² with ψ = ψ0 / (θ^{2ρ} δ_λ² I).
/// Writing c_D ≡ α − η Q^c (the choke price), operating profit at quality λ is
/// (E/4γ)[c_D − c + (β−μ)λ]² − ψλ², so
/// - the FOC gives λ(c) = ϕ (c_D − c), ϕ = E(β−μ) / (4γψ − E(β−μ)²);
/// - the SOC is 4γψ > E(β−μ)²;
/// - the maximised profit is π(c) = Π (c_D − c)², Π = Eψ / (4γψ − E(β−μ)²);
/// - a firm produces iff c < c_D, whatever its ψ, so c_D is the cost cutoff.
///
/// With a ladder of up to N products, product n costing c/ω^{n−1}, free entry
/// Σ_n ∫ π_n dG = f_E gives the closed form
/// c_D^{k+2} = (k+1)(k+2) c_M^k f_E / (2 Π Ω), Ω = Σ_{n=1}^{N} ω^{k(n−1)}
/// (Ω = 1 for single-product firms: the notes' §2.3 form). c_D then fixes Q^c = (α − c_D)/η,
/// and Q^c fixes the mass of entrants.
public struct QualityLadderModel: Sendable {
    public let parameters: QualityLadderParameters

    public init(parameters: QualityLadderParameters) {
        self.parameters = parameters
    }

    /// ψ = ψ0 / (θ^{2ρ} δ_λ² I), the coefficient of the convex quality cost ψλ² (consistent
    /// reading of eq. (6); digital input, capability and spillovers make quality cheaper).
    public var qualityCostCoefficient: Double {
        parameters.qualityCostScale / (parameters.innovationPerformance * parameters.digitalInput)
    }

    /// 4γψ − E(β−μ)²: positive iff the quality FOC is a profit maximum (SOC).
    public var secondOrderMargin: Double {
        let p = parameters, b = p.netQualityValue
        return 4 * p.productDifferentiation * qualityCostCoefficient - p.marketSize * b * b
    }

    /// ϕ = E(β−μ) / (4γψ − E(β−μ)²), the quality-upgrading coefficient: λ(c) = ϕ (c_D − c).
    public var qualityCoefficient: Double {
        parameters.marketSize * parameters.netQualityValue / secondOrderMargin
    }

    /// Π = Eψ / (4γψ − E(β−μ)²): maximised profit is π(c) = Π (c_D − c)².
    public var profitCoefficient: Double {
        parameters.marketSize * qualityCostCoefficient / secondOrderMargin
    }

    /// Ω = Σ_{n=1}^{N} ω^{k(n−1)}: expected profit of an N-product ladder relative to one product.
    public var ladderWeight: Double {
        let p = parameters
        let step = pow(p.ladderCostFactor, p.paretoShape)
        return (0..<max(p.maximumProducts, 1)).reduce(0) { sum, n in sum + pow(step, Double(n)) }
    }

    /// c_D = [(k+1)(k+2) c_M^k f_E / (2 Π Ω)]^{1/(k+2)}: the free-entry cutoff in closed form
    /// (not checked against c_M, α or the SOC; `solve` checks those).
    public var closedFormCutoff: Double {
        let p = parameters, k = p.paretoShape
        let logPower = log((k + 1) * (k + 2) * p.entryCost / (2 * profitCoefficient * ladderWeight))
            + k * log(p.costUpperBound)
        return exp(logPower / (k + 2))
    }

    /// Expected profit of an entrant at cutoff `cutoff`, Σ_n ∫_0^{ω^{n−1} c_D} Π (c_D − c/ω^{n−1})² dG(c),
    /// by adaptive quadrature (one integral per product, so no integrand has a kink).
    public func expectedProfitByQuadrature(cutoff: Double) throws -> Double {
        let p = parameters, k = p.paretoShape, scale = p.costUpperBound
        let profit = profitCoefficient
        var total = 0.0
        for n in 0..<max(p.maximumProducts, 1) {
            let factor = pow(p.ladderCostFactor, Double(n))
            let upper = min(factor * cutoff, scale)
            let integral = try Quadrature.integrate(from: 0, to: upper, relativeTolerance: 1e-13) { c in
                let margin = cutoff - c / factor
                return profit * margin * margin * k * pow(c / scale, k - 1) / scale
            }
            total += integral.value
        }
        return total
    }

    /// Solves the consistent variant's free-entry equilibrium at the parameters' common I.
    ///
    /// `.closedForm` uses `closedFormCutoff`; `.numerical` finds c_D in (0, c_M] by Brent's method on
    /// E[π](c_D) − f_E with E[π] by quadrature. Both throw `ModelError.noEquilibrium` naming the
    /// violated condition (β ≤ μ, SOC, c_D ≥ c_M, c_D ≥ α).
    public func solve(method: SolutionMethod = .numerical) throws -> QualityLadderEquilibrium {
        for condition in [QualityLadderCondition.qualityUpgrading, .secondOrder] {
            if let violation = condition.violation(in: self) { throw violation.error }
        }
        let cutoff: Double
        switch method {
        case .closedForm:
            cutoff = closedFormCutoff
        case .numerical:
            cutoff = try numericalCutoff()
        }
        for condition in [QualityLadderCondition.interiorCutoff, .positiveDemand] {
            if let violation = condition.violation(in: self, cutoff: cutoff) { throw violation.error }
        }
        return describe(cutoff: cutoff, method: method)
    }

    private func numericalCutoff() throws -> Double {
        let p = parameters
        var failure: Error?
        func excess(_ cutoff: Double) -> Double {
            do {
                return try expectedProfitByQuadrature(cutoff: cutoff) / p.entryCost - 1
            } catch {
                failure = failure ?? error
                return .nan
            }
        }
        let upper = p.costUpperBound
        let atUpper = excess(upper)
        if let failure { throw ModelError.numerical("free entry at c_D = c_M: \(failure)") }
        guard atUpper >= 0 else {
            let reason = QualityLadderCondition.interiorCutoff.violation(in: self, cutoff: closedFormCutoff)
            throw reason?.error ?? ModelError.noEquilibrium(
                reason: "expected profit at c_D = c_M is below f_E, so c_D > c_M", keys: ["f_E", "c_M"])
        }
        do {
            let root = try RootFinder.brent(bracket: 0...upper, absoluteTolerance: 1e-15 * upper,
                                            relativeTolerance: 1e-15) { excess($0) }
            if let failure { throw ModelError.numerical("free entry: \(failure)") }
            return root
        } catch let error as ModelError {
            throw error
        } catch {
            throw ModelError.numerical("free entry: \(error)")
        }
    }

    /// Every reported quantity at cutoff c_D.
    func describe(cutoff: Double, method: SolutionMethod) -> QualityLadderEquilibrium {
        let p = parameters, k = p.paretoShape
        let phi = qualityCoefficient, psi = qualityCostCoefficient, margin = secondOrderMargin
        let aggregate = (p.demandIntercept - cutoff) / p.competitionIntensity
        // Q^c = N_E Ω ∫ q^c dG with q^c(c) = (2ψ/S)(c_D − c) and ∫_0^{c_D} (c_D − c) dG = c_D^{k+1}/((k+1) c_M^k).
        let perEntrant = 2 * psi / margin * ladderWeight
            * exp((k + 1) * log(cutoff) - k * log(p.costUpperBound)) / (k + 1)
        let entrants = aggregate / perEntrant
        let expected = profitCoefficient * ladderWeight * 2
            * exp((k + 2) * log(cutoff) - k * log(p.costUpperBound)) / ((k + 1) * (k + 2))
        return QualityLadderEquilibrium(
            parameters: p, method: method,
            qualityCostCoefficient: psi, secondOrderMargin: margin,
            qualityCoefficient: phi, profitCoefficient: profitCoefficient, ladderWeight: ladderWeight,
            costCutoff: cutoff, aggregateConsumption: aggregate,
            entrantMass: entrants, producerMass: entrants * pow(cutoff / p.costUpperBound, k),
            frontierQuality: phi * cutoff,
            freeEntryResidual: abs(expected / p.entryCost - 1))
    }

    /// ϕ_i of a firm whose own digital input is `digitalInput` while everything else is at the
    /// parameters: its quality is ϕ_i (c_D − c_i) at the industry's c_D.
    public func qualityCoefficient(digitalInput: Double) -> Double {
        QualityLadderModel(parameters: parameters.with(digitalInput: digitalInput)).qualityCoefficient
    }
}
