import Foundation
import Numerical

/// The latent province-year processes of one replication, every array indexed `[t * R + r]`:
///
///     I_rt  = (1 − ψ)[I₀ + μ_r + c·coastal_r + g·t + s·1(year ≥ t_s)] + ψ (W_geo I_{t−1})_r + σ_ν ν_rt,
///             I_{r,−1} = I₀ + μ_r + c·coastal_r
///     ln θ_rt = λ I_rt + a_rt,   a_rt = ϱ_a a_{r,t−1} + σ_a ε_rt,  a_{r,−1} = 0        (θ = e^I: eq. 4)
///     X_k,rt = X̄_k + trend_k·t + effect_k,r + d_k,rt,  d = ϱ_X d_{t−1} + sd_k ε   (clamped to a range)
///     Z_rt  = Z_{r,t−1} + γ + α1 (Z_{r,t−1} − Z^F_{t−1}) + α3 I_rt (Z_{r,t−1} − Z^F_{t−1}) + σ_η η_rt
///     T_t   = (ρ + ρ′ diag(I_t)) W_FP T_t + Z_t,   i.e. T_t = A_t⁻¹ Z_t,  A_t = I − (ρ + ρ′ diag(I_t)) W_FP
///
/// Z^F_{t−1} = max_r Z_{r,t−1} is the frontier. T_rt, export technology, adds to ln θ_rt in the firm
/// economy's efficiency per unit of complexity: φ = (θ e^{T}/κ)^m φ0. The normal draws come in one
/// block from the replication's stream (or are all zero: the noise-free path): for each year, R
/// Internet innovations, R allocation innovations, 4 × R control innovations, R technology innovations.
public struct RegionalPaths: Sendable, Equatable {
    public let internet: [Double]
    public let logTheta: [Double]
    public let localTechnology: [Double]
    public let technology: [Double]
    /// The four controls in the order of ``RegionalControl``.
    public let controls: [[Double]]
    /// ∂T_rt/∂I_rt = [A_t⁻¹]_rr ρ′ (W_FP T_t)_r, the contemporaneous own effect of Internet on technology.
    public let technologyInternetSlope: [Double]

    /// The number of standard normals one replication's paths use.
    static func drawCount(_ p: AllocationRegionalParameters) -> Int { p.yearCount * p.regionCount * 7 }

    /// Builds the paths from `normals` (``drawCount(_:)`` of them, or all zero).
    /// - Throws: ``ModelError/simulationOutOfRange(reason:keys:)`` when ρ + ρ′ I_rt leaves (−1, 1), so
    ///   that A_t may not be invertible.
    init(parameters p: AllocationRegionalParameters, geography: RegionalGeography, normals: [Double]) throws {
        let regions = p.regionCount, years = p.yearCount
        precondition(normals.count == Self.drawCount(p))
        var internet = [Double](repeating: 0, count: regions * years)
        var logTheta = internet, local = internet, technology = internet, slope = internet
        var controls = RegionalControl.allCases.map { _ in internet }
        let provinceBase = (0..<regions).map { r in
            p.baseInternet + geography.internetEffect[r] + (geography.coastal[r] ? p.coastalInternet : 0)
        }
        var previousInternet = provinceBase
        var shock = [Double](repeating: 0, count: regions)
        var deviations = RegionalControl.allCases.map { _ in [Double](repeating: 0, count: regions) }
        var previousLocal = geography.initialTechnology
        var cursor = 0
        func nextNormals() -> ArraySlice<Double> {
            defer { cursor += regions }
            return normals[cursor..<(cursor + regions)]
        }
        for t in 0..<years {
            let shifted = p.calendarYear(t) >= p.internetShiftYear ? p.internetShift : 0
            let neighbours = RegionalGeography.product(geography.inverseDistance, previousInternet)
            let internetInnovations = Array(nextNormals())
            let level = (0..<regions).map { r in
                (1 - p.internetDiffusion) * (provinceBase[r] + p.internetTrend * Double(t) + shifted)
                    + p.internetDiffusion * neighbours[r] + p.internetNoise * internetInnovations[r]
            }
            let allocationInnovations = Array(nextNormals())
            for r in 0..<regions {
                shock[r] = p.allocationShockPersistence * shock[r] + p.allocationShockScale * allocationInnovations[r]
                internet[t * regions + r] = level[r]
                logTheta[t * regions + r] = p.thetaInternet * level[r] + shock[r]
            }
            for control in RegionalControl.allCases {
                let innovations = Array(nextNormals())
                for r in 0..<regions {
                    deviations[control.rawValue][r] = p.controlPersistence * deviations[control.rawValue][r]
                        + control.innovationScale * innovations[r]
                    let value = control.mean + control.trend * Double(t) + geography.controlEffects[control.rawValue][r]
                        + deviations[control.rawValue][r]
                    controls[control.rawValue][t * regions + r] = min(max(value, control.range.lowerBound), control.range.upperBound)
                }
            }
            let frontier = previousLocal.max() ?? 0
            let technologyInnovations = Array(nextNormals())
            let currentLocal = (0..<regions).map { r in
                let gap = previousLocal[r] - frontier
                return previousLocal[r] + p.technologyGrowth + p.catchUp * gap + p.catchUpInternet * level[r] * gap
                    + p.technologyNoise * technologyInnovations[r]
            }
            let (levels, slopes) = try Self.diffuse(currentLocal, internet: level, parameters: p, weights: geography.personnelFlows)
            for r in 0..<regions {
                local[t * regions + r] = currentLocal[r]
                technology[t * regions + r] = levels[r]
                slope[t * regions + r] = slopes[r]
            }
            previousLocal = currentLocal
            previousInternet = level
        }
        self.internet = internet
        self.logTheta = logTheta
        localTechnology = local
        self.technology = technology
        self.controls = controls
        technologyInternetSlope = slope
    }

    /// T = A⁻¹ Z with A = I − (ρ + ρ′ diag(I)) W, and ∂T_r/∂I_r = [A⁻¹]_rr ρ′ (W T)_r.
    static func diffuse(_ local: [Double], internet: [Double], parameters p: AllocationRegionalParameters,
                        weights: [Double]) throws -> (levels: [Double], slopes: [Double]) {
        let regions = local.count
        var elements = [Double](repeating: 0, count: regions * regions)
        for i in 0..<regions {
            let strength = p.technologyDiffusion + p.technologyDiffusionInternet * internet[i]
            guard abs(strength) < 1 else {
                throw ModelError.simulationOutOfRange(
                    reason: "ρ + ρ′ I = \(strength) in province \(i + 1): technology diffusion needs |ρ + ρ′ I_rt| < 1",
                    keys: ["rho", "rho_internet", "I_trend"])
            }
            for j in 0..<regions { elements[i * regions + j] = (i == j ? 1 : 0) - strength * weights[i * regions + j] }
        }
        let inverse: Matrix
        do { inverse = try Matrix(rows: regions, columns: regions, elements: elements).inverse() } catch {
            throw ModelError.numerical("technology diffusion: I − (ρ + ρ′ diag(I)) W_FP is singular (\(error))")
        }
        let levels = try inverse * local
        let neighbours = RegionalGeography.product(weights, levels)
        let slopes = (0..<regions).map { r in inverse[r, r] * p.technologyDiffusionInternet * neighbours[r] }
        return (levels, slopes)
    }
}
