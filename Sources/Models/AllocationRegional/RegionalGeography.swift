import Foundation
import Numerical

/// What stays fixed across replications, as real provinces do: locations, the coastal label, labour
/// forces, R&D personnel and funds, the provinces' Internet and control effects, initial technology,
/// and the weight matrices built from them. Drawn once per run from the stream
/// (seed, 0, "allocation-regional/geography").
///
/// Weights (dense R × R, zero diagonal, row-standardised):
/// - W_geo: inverse distance, w_ij ∝ 1/d_ij (Internet diffusion, ψ);
/// - W_FP, W_FC: gravity flows of R&D personnel and funds, w_ij ∝ P_i P_j / d_ij² and F_i F_j / d_ij²
///   (paper 000 §3.8 names the gravity model of R&D-factor flows without a formula; this is the
///   textbook form). Export technology diffuses through W_FP.
public struct RegionalGeography: Sendable, Equatable {
    /// Coordinates on the unit square.
    public let x: [Double], y: [Double]
    /// 1 for the ⌈R/2⌉ easternmost provinces (largest x), 0 otherwise.
    public let coastal: [Bool]
    /// L_r, each province's labour force before urbanisation (L × lognormal).
    public let labourForce: [Double]
    /// P_r and F_r: R&D personnel and funds (lognormal, correlation 0.8).
    public let researchPersonnel: [Double], researchFunds: [Double]
    /// μ_r, the provinces' Internet effects.
    public let internetEffect: [Double]
    /// Z_{r,−1}, local technology before the first year.
    public let initialTechnology: [Double]
    /// Province effects of the four controls, in the order of ``RegionalControl``.
    public let controlEffects: [[Double]]
    /// Row-standardised weights, `matrix[i * R + j]`.
    public let inverseDistance: [Double], personnelFlows: [Double], fundFlows: [Double]

    public var regionCount: Int { x.count }

    /// The geography of `parameters`, from (seed, 0, "allocation-regional/geography").
    public init(parameters p: AllocationRegionalParameters, seed: UInt64) {
        let regions = p.regionCount
        var stream = PhiloxStream(masterSeed: seed, replication: 0, purpose: "allocation-regional/geography")
        let normal = NormalZiggurat.standard
        let x = (0..<regions).map { _ in stream.nextUniform() }
        let y = (0..<regions).map { _ in stream.nextUniform() }
        self.x = x
        self.y = y
        let coastalCount = (regions + 1) / 2
        let eastward = x.indices.sorted { x[$0] != x[$1] ? x[$0] > x[$1] : $0 < $1 }
        var coastal = [Bool](repeating: false, count: regions)
        for region in eastward.prefix(coastalCount) { coastal[region] = true }
        self.coastal = coastal
        labourForce = (0..<regions).map { _ in p.economy.labourForce * exp(p.labourSpread * normal.sample(&stream)) }
        var personnel: [Double] = [], funds: [Double] = []
        for _ in 0..<regions {
            let common = normal.sample(&stream), own = normal.sample(&stream)
            personnel.append(exp(common))
            funds.append(exp(0.8 * common + 0.6 * own))
        }
        researchPersonnel = personnel
        researchFunds = funds
        internetEffect = (0..<regions).map { _ in p.internetRegionSpread * normal.sample(&stream) }
        initialTechnology = (0..<regions).map { _ in p.technologyInitialSpread * normal.sample(&stream) }
        controlEffects = RegionalControl.allCases.map { control in
            (0..<regions).map { _ in control.regionSpread * normal.sample(&stream) }
        }
        func distance(_ i: Int, _ j: Int) -> Double { max(((x[i] - x[j]) * (x[i] - x[j]) + (y[i] - y[j]) * (y[i] - y[j])).squareRoot(), 1e-6) }
        inverseDistance = Self.rowStandardized(regions) { i, j in 1 / distance(i, j) }
        personnelFlows = Self.rowStandardized(regions) { i, j in personnel[i] * personnel[j] / (distance(i, j) * distance(i, j)) }
        fundFlows = Self.rowStandardized(regions) { i, j in funds[i] * funds[j] / (distance(i, j) * distance(i, j)) }
    }

    /// An R × R matrix with entries `weight(i, j)` off the diagonal, each row divided by its sum.
    static func rowStandardized(_ regions: Int, weight: (Int, Int) -> Double) -> [Double] {
        var matrix = [Double](repeating: 0, count: regions * regions)
        for i in 0..<regions {
            var total = 0.0
            for j in 0..<regions where j != i {
                matrix[i * regions + j] = weight(i, j)
                total += matrix[i * regions + j]
            }
            if total > 0 { for j in 0..<regions { matrix[i * regions + j] /= total } }
        }
        return matrix
    }

    /// W v for a row-standardised `matrix`.
    static func product(_ matrix: [Double], _ vector: [Double]) -> [Double] {
        let regions = vector.count
        return (0..<regions).map { i in
            var sum = 0.0
            for j in 0..<regions { sum += matrix[i * regions + j] * vector[j] }
            return sum
        }
    }
}

/// The paper's four controls (§3.4), each an AR(1) around a trend with province effects, clamped to a
/// plausible range, acting on the economy through one channel with its own elasticity.
public enum RegionalControl: Int, Sendable, CaseIterable {
    /// GOV, local fiscal expenditure / GDP → the domestic fixed cost f.
    case government
    /// LAB, average years of schooling → φ_min.
    case labourQuality
    /// OPEN, FDI / GDP → foreign demand A_x.
    case openness
    /// URBAN, urban / total population → the labour force L.
    case urbanisation

    /// The panel column.
    public var column: String { ["GOV", "LAB", "OPEN", "URBAN"][rawValue] }
    /// The level the channel's elasticity is measured from (the mean in the first year).
    public var mean: Double { [0.2, 8.0, 0.025, 0.45][rawValue] }
    /// Yearly trend.
    var trend: Double { [0.004, 0.1, -0.0005, 0.012][rawValue] }
    /// SD of the province effects.
    var regionSpread: Double { [0.05, 0.8, 0.012, 0.1][rawValue] }
    /// SD of the AR(1) innovations.
    var innovationScale: Double { [0.01, 0.1, 0.004, 0.01][rawValue] }
    /// The clamp.
    var range: ClosedRange<Double> { [0.05...1.5, 3.0...14.0, 0.0...0.3, 0.1...0.95][rawValue] }
}
