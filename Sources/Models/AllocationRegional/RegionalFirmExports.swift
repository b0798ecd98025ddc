import Foundation
import Numerical

/// Exports by product of every province-year, from firms drawn once per replication.
///
/// Entrant j of province r draws three uniforms from the replication's firm stream, in this order and
/// province by province: U₁ gives u = U₁^{−1/k}, so that φ0_rt = φ_min,rt u is Pareto(k, φ_min,rt) in
/// every year (the same firm, its scale moving with LAB); U₂ gives m by inverting the cumulative P(m);
/// U₃ gives its product, h = (m − 1) H + ⌊U₃ H⌋. In year t it exports when ψ_m,rt φ0_rt ≥ φ*_x,rt,
/// and its export sales are σ A_x,rt τ^{1−σ} (ψ_m,rt φ0_rt)^{σ−1}. e_rht sums them.
enum RegionalFirmExports {
    /// e_rht at `[(t * R + r) * P + h]`, P = M·H.
    static func draw(parameters p: AllocationRegionalParameters, economies: RegionalEconomyPanel,
                     stream: inout PhiloxStream) -> [Double] {
        let regions = p.regionCount, years = p.yearCount, products = p.productCount, classes = p.complexityCount
        let sigma = p.economy.elasticityOfSubstitution, inverseShape = 1 / p.economy.paretoShape
        var cumulative: [Double] = []
        var running = 0.0
        for probability in p.economy.complexityProbabilities {
            running += probability
            cumulative.append(running)
        }
        cumulative[cumulative.count - 1] = .infinity
        // Per province-year and class: the least u that exports, and the sales shifter σ A_x τ^{1−σ} (ψ φ_min)^{σ−1}.
        var threshold = [Double](repeating: 0, count: regions * years * classes)
        var shifter = threshold
        for cell in 0..<(regions * years) {
            let economy = economies.economies[cell], equilibrium = economies.equilibria[cell]
            let complexity = ComplexityEconomy(parameters: economy, internetLevel: equilibrium.internetLevel)
            for m in 1...classes {
                let psi = complexity.productivityMultiplier(m)
                threshold[cell * classes + m - 1] = equilibrium.effectiveExportCutoff / (psi * economy.paretoScale)
                shifter[cell * classes + m - 1] = sigma * complexity.exportShifter * pow(psi * economy.paretoScale, sigma - 1)
            }
        }
        var exports = [Double](repeating: 0, count: regions * years * products)
        for region in 0..<regions {
            for _ in 0..<p.entrantsPerRegion {
                let u = pow(stream.nextUniform(), -inverseShape)
                let draw = stream.nextUniform()
                let m = (cumulative.firstIndex { draw <= $0 } ?? (classes - 1)) + 1
                let product = (m - 1) * p.productsPerComplexity
                    + min(Int(stream.nextUniform() * Double(p.productsPerComplexity)), p.productsPerComplexity - 1)
                let power = pow(u, sigma - 1)
                for year in 0..<years {
                    let cell = year * regions + region
                    guard u >= threshold[cell * classes + m - 1] else { continue }
                    exports[cell * products + product] += shifter[cell * classes + m - 1] * power
                }
            }
        }
        return exports
    }
}
