import Foundation
import Numerical

/// The closed-form building blocks of one region's economy at a given Internet level I.
///
/// Notation (docs/models/allocation-efficiency.md): θ = e^I, g = ln(θ/κ) = I − ln κ,
/// ψ_m = e^{g m} so that effective productivity is φ = ψ_m φ0. A firm's domestic and
/// export operating profits are
///   π_d = A_d φ^{σ−1} − f,   π_x = A_x τ^{1−σ} φ^{σ−1} − f_x,
/// with A_d = (R/σ)(ρP)^{σ−1} (eq. (9) with φ0 restored). A firm produces when π_d ≥ 0 and
/// exports when it produces and π_x ≥ 0 (serving the home market is a precondition of exporting).
struct ComplexityEconomy: Sendable {
    let parameters: AllocationEfficiencyParameters
    /// I.
    let internetLevel: Double

    init(parameters: AllocationEfficiencyParameters, internetLevel: Double) {
        self.parameters = parameters
        self.internetLevel = internetLevel
    }

    var sigma: Double { parameters.elasticityOfSubstitution }
    var shape: Double { parameters.paretoShape }
    var scale: Double { parameters.paretoScale }
    /// g = ln(θ/κ).
    var logEfficiencyRatio: Double { internetLevel - log(parameters.complexityDilution) }
    /// 1…M.
    var complexities: [Int] { (0..<parameters.maximumComplexity).map { $0 + 1 } }

    /// ψ_m = (θ/κ)^m.
    func productivityMultiplier(_ complexity: Int) -> Double { exp(logEfficiencyRatio * Double(complexity)) }

    /// Export demand shifter net of trade costs, A_x τ^{1−σ}.
    var exportShifter: Double { parameters.foreignDemand * pow(parameters.icebergCost, 1 - sigma) }

    /// Effective domestic cutoff φ*_d = (f/A_d)^{1/(σ−1)} (the same for every m).
    func effectiveDomesticCutoff(domesticDemand: Double) -> Double {
        pow(parameters.fixedCost / domesticDemand, 1 / (sigma - 1))
    }

    /// Effective productivity at which exporting breaks even, (f_x/(A_x τ^{1−σ}))^{1/(σ−1)}.
    var effectiveExportBreakEven: Double { pow(parameters.exportFixedCost / exportShifter, 1 / (sigma - 1)) }

    /// Effective export cutoff: exporters must also serve the home market.
    func effectiveExportCutoff(domesticDemand: Double) -> Double {
        max(effectiveExportBreakEven, effectiveDomesticCutoff(domesticDemand: domesticDemand))
    }

    /// ∫_a^∞ (B φ0^{σ−1} − F) dG(φ0) for φ0 ~ Pareto(k, φ_min) and a lower limit a, in closed form:
    /// B k a^{σ−1} (φ_min/a)^k / (k−σ+1) − F (φ_min/a)^k, evaluated through logarithms so that large
    /// φ_min, k or a do not overflow. Zero when a = +∞ (no firm clears the cutoff).
    func paretoProfitIntegral(shifter: Double, fixedCost: Double, lowerLimit: Double) -> Double {
        guard lowerLimit < .infinity else { return 0 }
        let a = max(lowerLimit, scale)
        let logSurvival = shape * log(scale / a)
        let revenue = exp(log(shifter) + (sigma - 1) * log(a) + logSurvival) * shape / (shape - sigma + 1)
        return revenue - fixedCost * exp(logSurvival)
    }

    /// The same integral by GSL's QAGIU quadrature of the Pareto density k φ_min^k / φ^{k+1} (the
    /// numerical route), with the integrand written as (B φ^{σ−1} − F) (k/φ) (φ_min/φ)^k.
    func paretoProfitIntegralByQuadrature(shifter: Double, fixedCost: Double, lowerLimit: Double) throws -> Double {
        guard lowerLimit < .infinity else { return 0 }
        let a = max(lowerLimit, scale)
        let k = shape, logShifter = log(shifter), exponent = sigma - 1, lowerBound = scale
        let result = try Quadrature.integrateToInfinity(from: a, relativeTolerance: 1e-13) { phi in
            let logTail = k * log(lowerBound / phi)
            return (exp(logShifter + exponent * log(phi) + logTail) - fixedCost * exp(logTail)) * k / phi
        }
        return result.value
    }

    /// Expected operating profit of an entrant, E_m E_φ0[max(π_d, 0) + 1{π_d ≥ 0} max(π_x, 0)], and
    /// how many of its 2M integrals fell back from quadrature to the closed form because GSL's QAGIU
    /// failed (k close to σ − 1, or magnitudes near the floating-point limits).
    func expectedProfit(domesticDemand: Double, byQuadrature: Bool) -> (value: Double, quadratureFallbacks: Int) {
        let domesticCutoff = effectiveDomesticCutoff(domesticDemand: domesticDemand)
        let exportCutoff = effectiveExportCutoff(domesticDemand: domesticDemand)
        var total = 0.0, fallbacks = 0
        func integral(shifter: Double, fixedCost: Double, lowerLimit: Double) -> Double {
            guard byQuadrature else {
                return paretoProfitIntegral(shifter: shifter, fixedCost: fixedCost, lowerLimit: lowerLimit)
            }
            do {
                return try paretoProfitIntegralByQuadrature(shifter: shifter, fixedCost: fixedCost, lowerLimit: lowerLimit)
            } catch {
                fallbacks += 1
                return paretoProfitIntegral(shifter: shifter, fixedCost: fixedCost, lowerLimit: lowerLimit)
            }
        }
        for (index, probability) in parameters.complexityProbabilities.enumerated() where probability > 0 {
            let psi = productivityMultiplier(index + 1)
            let psiPower = pow(psi, sigma - 1)
            let domestic = integral(shifter: domesticDemand * psiPower, fixedCost: parameters.fixedCost,
                                    lowerLimit: domesticCutoff / psi)
            let export = integral(shifter: exportShifter * psiPower, fixedCost: parameters.exportFixedCost,
                                  lowerLimit: exportCutoff / psi)
            total += probability * (domestic + export)
        }
        return (total, fallbacks)
    }

    /// S = Σ_m P(m) ψ_m^k.
    var complexityMoment: Double {
        zip(complexities, parameters.complexityProbabilities).reduce(0) { sum, pair in
            sum + pair.1 * pow(productivityMultiplier(pair.0), shape)
        }
    }

    /// X = (A_x τ^{1−σ} / f_x)^{k/(σ−1)}.
    var exportAccessTerm: Double { pow(exportShifter / parameters.exportFixedCost, shape / (sigma - 1)) }

    /// Q = f (A_d/f)^{k/(σ−1)} from free entry when every cutoff is interior (φ*_d(m) ≥ φ_min) and
    /// exporting is partitioned (φ*_x > φ*_d):
    ///   (σ−1)/(k−σ+1) · φ_min^k · S · [f (A_d/f)^{k/(σ−1)} + f_x X] = f_e.
    var freeEntryDomesticTerm: Double {
        let k = shape
        return parameters.entryCost * (k - sigma + 1) / ((sigma - 1) * pow(scale, k) * complexityMoment)
            - parameters.exportFixedCost * exportAccessTerm
    }

    /// A_d in closed form, or nil when Q ≤ 0 (export profits alone would cover entry).
    var closedFormDomesticDemand: Double? {
        let q = freeEntryDomesticTerm
        guard q > 0, q.isFinite else { return nil }
        return parameters.fixedCost * pow(q / parameters.fixedCost, (sigma - 1) / shape)
    }
}
