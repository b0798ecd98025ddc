import Foundation
import Numerical

/// The `allocation-regional` model: paper 000's province × year evidence generated from its firm
/// model. Provinces' latent Internet raises allocation efficiency θ (eq. 4), which with export
/// technology T sets each province-year's Melitz + complexity equilibrium; firms drawn from it export
/// products of known complexity, whose exports, income per worker, capital and Internet indicators
/// are what a researcher observes (docs/models/allocation-efficiency.md, "The province layer").
///
/// Model → ``theory(seed:)`` (the noise-free path, an immutable value) → ``simulate(_:replication:)``
/// from streams of (seed, replication, purpose).
public struct AllocationRegionalModel: Sendable {
    public let parameters: AllocationRegionalParameters

    public init(parameters: AllocationRegionalParameters) { self.parameters = parameters }

    /// The theory with the geography of `seed`: every shock zero, expected exports.
    public func theory(seed: UInt64) throws -> AllocationRegionalTheory {
        let geography = RegionalGeography(parameters: parameters, seed: seed)
        let paths = try RegionalPaths(parameters: parameters, geography: geography,
                                      normals: [Double](repeating: 0, count: RegionalPaths.drawCount(parameters)))
        let economies = try RegionalEconomyPanel(parameters: parameters, geography: geography, paths: paths)
        let accounts = RegionalAccounts(parameters: parameters, paths: paths, economies: economies)
        return AllocationRegionalTheory(parameters: parameters, seed: seed, geography: geography, paths: paths,
                                        economies: economies, accounts: accounts)
    }

    /// Replication r: paths from (seed, r, "allocation-regional/paths"), firms from ".../firms",
    /// indicators from ".../indicators".
    public func simulate(_ theory: AllocationRegionalTheory, replication: Int) throws -> AllocationRegionalReplication {
        let p = parameters
        var pathStream = PhiloxStream(masterSeed: theory.seed, replication: replication, purpose: "allocation-regional/paths")
        let normal = NormalZiggurat.standard
        let normals = (0..<RegionalPaths.drawCount(p)).map { _ in normal.sample(&pathStream) }
        let paths = try RegionalPaths(parameters: p, geography: theory.geography, normals: normals)
        let economies = try RegionalEconomyPanel(parameters: p, geography: theory.geography, paths: paths)
        var firmStream = PhiloxStream(masterSeed: theory.seed, replication: replication, purpose: "allocation-regional/firms")
        let exports = RegionalFirmExports.draw(parameters: p, economies: economies, stream: &firmStream)
        var indicatorStream = PhiloxStream(masterSeed: theory.seed, replication: replication, purpose: "allocation-regional/indicators")
        let indicators = InternetIndicators.draw(parameters: p, geography: theory.geography, internet: paths.internet,
                                                 stream: &indicatorStream)
        let accounts = RegionalAccounts(parameters: p, paths: paths, economies: economies)
        return AllocationRegionalReplication(paths: paths, economies: economies, productExports: exports,
                                             indicators: indicators, accounts: accounts)
    }
}

/// The noise-free path of the province panel at the run's geography.
public struct AllocationRegionalTheory: Sendable {
    public let parameters: AllocationRegionalParameters
    public let seed: UInt64
    public let geography: RegionalGeography
    public let paths: RegionalPaths
    public let economies: RegionalEconomyPanel
    public let accounts: RegionalAccounts
}

/// What one replication simulates, before any measure (MET, INTER) is computed from it.
public struct AllocationRegionalReplication: Sendable {
    public let paths: RegionalPaths
    public let economies: RegionalEconomyPanel
    /// e_rht at `[(t * R + r) * P + h]` (``RegionalFirmExports``).
    public let productExports: [Double]
    /// The four indicators at `[t * R + r]`, in the order of ``InternetIndicators/names``.
    public let indicators: [[Double]]
    public let accounts: RegionalAccounts
}

/// Output, capital and the Solow residual a researcher computes (paper 000 §3.3), `[t * R + r]`:
/// Y = PGDP · L; K_{r,−1} = s_I Y_{r,0} / (δ + 0.1), K_t = (1 − δ) K_{t−1} + s_I Y_t;
/// ALLO = ln Y − α_K ln K − (1 − α_K) ln L. `allocationShare` = 1 − α_K s_I Y / K is ∂ALLO/∂ln Y
/// within the year (this year's investment enters this year's capital).
public struct RegionalAccounts: Sendable {
    public let output: [Double], capital: [Double], allo: [Double]
    /// ∂ALLO_rt/∂ln Y_rt.
    public let alloOutputElasticity: [Double]

    init(parameters p: AllocationRegionalParameters, paths: RegionalPaths, economies: RegionalEconomyPanel) {
        let regions = p.regionCount, cells = regions * p.yearCount
        var output = [Double](repeating: 0, count: cells), capital = output, allo = output, elasticity = output
        for cell in 0..<cells { output[cell] = economies.income[cell] * economies.labourForce[cell] }
        for r in 0..<regions {
            var stock = p.investmentRate * output[r] / (p.depreciation + 0.1)
            for t in 0..<p.yearCount {
                let cell = t * regions + r
                stock = (1 - p.depreciation) * stock + p.investmentRate * output[cell]
                capital[cell] = stock
                allo[cell] = log(output[cell]) - p.capitalShare * log(stock) - (1 - p.capitalShare) * log(economies.labourForce[cell])
                elasticity[cell] = 1 - p.capitalShare * p.investmentRate * output[cell] / stock
            }
        }
        self.output = output
        self.capital = capital
        self.allo = allo
        alloOutputElasticity = elasticity
    }
}

/// The four observed Internet indicators of §3.2, noisy increasing functions of latent I_rt in
/// realistic units (s_q scales every noise SD; ℓ_r = ln(L_r / L) adds province size, since the totals
/// grow with a province's size as the paper's do):
/// - postal: postal and telecom business volume, 10⁸ yuan: exp(4 + 10 I + 0.2 ℓ + 0.15 s_q ε);
/// - penetration: Internet users per 100 people: 100 / (1 + exp(−(13.75 I − 4.1) − 0.2 s_q ε)), on average
///   11 in 2004 and 33 in 2016 at the defaults (China: 7 and 53);
/// - cable: long-distance optical cable, 10⁴ km: exp(0.5 + 8 I + 0.2 ℓ + 0.2 s_q ε);
/// - exchange: switch capacity, 10⁴ lines: exp(6 + 6 I + 0.2 ℓ + 0.15 s_q ε).
/// The loadings are large against the provinces' spread of I (about 0.04 within a year at the
/// defaults), so that INTER is a usable, if distorted, measure of I.
public enum InternetIndicators {
    public static let names = ["postal", "penetration", "cable", "exchange"]

    static func draw(parameters p: AllocationRegionalParameters, geography: RegionalGeography, internet: [Double],
                     stream: inout PhiloxStream) -> [[Double]] {
        let normal = NormalZiggurat.standard, s = p.indicatorNoise, regions = p.regionCount
        return internet.indices.map { cell in
            let level = internet[cell]
            let size = log(geography.labourForce[cell % regions] / p.economy.labourForce)
            let postal = exp(4 + 10 * level + 0.2 * size + 0.15 * s * normal.sample(&stream))
            let penetration = 100 / (1 + exp(-(13.75 * level - 4.1) - 0.2 * s * normal.sample(&stream)))
            let cable = exp(0.5 + 8 * level + 0.2 * size + 0.2 * s * normal.sample(&stream))
            let exchange = exp(6 + 6 * level + 0.2 * size + 0.15 * s * normal.sample(&stream))
            return [postal, penetration, cable, exchange]
        }
    }
}
