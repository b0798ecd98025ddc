import Foundation
import Numerical

/// Cities, destinations and products of one replication (design note, "World").
public struct SpilloverWorld: Sendable {
    /// area_c in km², the denominator of eq. (14); indexed by city.
    public let cityArea: [Double]
    /// Province of each city, 0 ..< provinces; every province holds at least one city.
    public let cityProvince: [Int32]
    /// u_c, the city effect of n_cmt ~ Poisson(area_c e^{u_c + w_m}).
    public let cityDensityEffect: [Double]
    /// w_m, the destination effect of n_cmt.
    public let destinationDensityEffect: [Double]
    /// f_m = f e^{N(0, fixed_cost_sd²)}, the fixed export cost of cutoff (6).
    public let destinationFixedCost: [Double]
    /// Rauch flag of each product.
    public let productDifferentiated: [Bool]

    /// Draws the world from `stream` in this order: ln area_c for every city; u_c for every city;
    /// the province assignment (city c starts in province c mod P, then a Fisher–Yates shuffle
    /// from the last city down, one `nextInt(below: c + 1)` per city c ≥ 1); w_m for every
    /// destination; ln(f_m/f) for every destination; one uniform per product for its Rauch flag.
    /// Normal draws are standard normals scaled by the SD, so an SD of 0 is allowed.
    public static func draw(_ parameters: InformationSpilloverParameters, stream: RandomStream) throws -> SpilloverWorld {
        let p = parameters
        let normal = try NormalDistribution(mean: 0, standardDeviation: 1)
        let area = (0..<p.cityCount).map { _ in exp(p.areaLogMean + p.areaLogSD * normal.sample(stream)) }
        let cityEffect = (0..<p.cityCount).map { _ in p.densityLogMean + p.densityCitySD * normal.sample(stream) }
        var province = (0..<p.cityCount).map { Int32($0 % p.provinceCount) }
        if p.cityCount > 1 {
            for city in stride(from: p.cityCount - 1, through: 1, by: -1) {
                province.swapAt(city, stream.nextInt(below: city + 1))
            }
        }
        let destinationEffect = (0..<p.destinationCount).map { _ in p.densityDestinationSD * normal.sample(stream) }
        let fixedCost = (0..<p.destinationCount).map { _ in p.fixedCost * exp(p.fixedCostDispersion * normal.sample(stream)) }
        let differentiated = (0..<p.productCount).map { _ in stream.nextUniform() < p.differentiatedShare }
        return SpilloverWorld(cityArea: area, cityProvince: province, cityDensityEffect: cityEffect,
                              destinationDensityEffect: destinationEffect, destinationFixedCost: fixedCost,
                              productDifferentiated: differentiated)
    }
}
