import Foundation
import Numerical

/// The single-plant source exporters of every city, summarized per (city, destination, year):
/// all that eq. (13) needs (design note, "Two kinds of exporters"). Flat at (c M + m) T + t.
public struct SourceExporterDraw: Sendable {
    /// n_cmt, the number of sources exporting to m in both t − 1 and t.
    public let count: [Int32]
    /// S_cmt, the sum of their log export growth signals g_mt + e_j, e_j ~ N(0, v_z).
    public let growthSum: [Double]

    /// Draws from `stream`, for every (c, m, t) in index order: n_cmt ~ Poisson(area_c e^{u_c + w_m}),
    /// then, when n_cmt > 0, one standard normal z with S_cmt = n g_mt + √(n v_z) z (exact in
    /// distribution: the sum of n independent N(g_mt, v_z) signals).
    ///
    /// - Throws: `ModelError.simulationOutOfRange` when a Poisson mean is not a number or exceeds what the sampler accepts.
    public static func draw(_ parameters: InformationSpilloverParameters, world: SpilloverWorld, demand: SpilloverDemand,
                            stream: RandomStream) throws -> SourceExporterDraw {
        let p = parameters, cities = p.cityCount, destinations = p.destinationCount, years = p.yearCount
        let normal = try NormalDistribution(mean: 0, standardDeviation: 1)
        try AllocationGuard.check([cities, destinations, years], bytesPerElement: 12,
                                  what: "the source exporters of every city, destination and year",
                                  keys: ["cities", "destinations", "years"])
        var count = [Int32](repeating: 0, count: cities * destinations * years)
        var growthSum = [Double](repeating: 0, count: count.count)
        for c in 0..<cities {
            for m in 0..<destinations {
                let mean = world.cityArea[c] * exp(world.cityDensityEffect[c] + world.destinationDensityEffect[m])
                guard mean.isFinite, mean <= Double(Int32.max) / 4, let poisson = try? PoissonDistribution(mean: mean) else {
                    let size = mean.isNaN ? "is not a number"
                        : "is \(mean), more than the limit of about 5.4e8 per city, destination and year"
                    throw ModelError.simulationOutOfRange(
                        reason: "the expected number of source exporters of city \(c) to destination \(m) (area × e^{u_c + w_m}) \(size)",
                        keys: ["density_log_mean", "area_log_mean", "density_city_sd", "density_destination_sd", "area_log_sd"])
                }
                for t in 0..<years {
                    let index = (c * destinations + m) * years + t
                    let n = poisson.sample(stream)
                    count[index] = Int32(n)
                    if n > 0 {
                        let signals = Double(n)
                        growthSum[index] = signals * demand.growth[m * years + t]
                            + (signals * p.signalNoiseVariance).squareRoot() * normal.sample(stream)
                    }
                }
            }
        }
        return SourceExporterDraw(count: count, growthSum: growthSum)
    }
}
