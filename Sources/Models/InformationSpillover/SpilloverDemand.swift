import Foundation
import Numerical

/// Destination demand and the plants' own demand components (design note, "Demand and learning").
public struct SpilloverDemand: Sendable {
    /// T, the number of years.
    public let yearCount: Int
    /// d_m,t for t = −1 … T−1, flat at m (T + 1) + t + 1: a random walk with drift.
    public let levels: [Double]
    /// g_mt = d_mt − d_m,t−1, flat at m T + t.
    public let growth: [Double]
    /// Income group 0–3 (high, upper-middle, lower-middle, low) by quartile of d_m,−1.
    public let incomeGroup: [Int32]
    /// z_im ~ N(0, v_z), the plant's own time-invariant component (A3, A4), flat at plant M + m.
    public let ownComponent: [Double]

    /// d_m,t−1, the level published at the end of year t − 1 (t = 0 gives d_m,−1).
    @inline(__always)
    public func previousLevel(destination: Int, year: Int) -> Double { levels[destination * (yearCount + 1) + year] }

    /// Draws from `stream` in this order: d_m,−1 for every destination; g_mt for every destination
    /// and year (destination-major); z_im for every plant and destination (plant-major).
    public static func draw(_ parameters: InformationSpilloverParameters, plantCount: Int, stream: RandomStream) throws -> SpilloverDemand {
        let p = parameters, years = p.yearCount, destinations = p.destinationCount
        let normal = try NormalDistribution(mean: 0, standardDeviation: 1)
        let initial = (0..<destinations).map { _ in p.initialDemandLogMean + p.initialDemandLogSD * normal.sample(stream) }
        let growthSD = p.demandVariance.squareRoot()
        var levels = [Double](repeating: 0, count: destinations * (years + 1))
        var growth = [Double](repeating: 0, count: destinations * years)
        for m in 0..<destinations {
            levels[m * (years + 1)] = initial[m]
            for t in 0..<years {
                let g = p.demandDrift + growthSD * normal.sample(stream)
                growth[m * years + t] = g
                levels[m * (years + 1) + t + 1] = levels[m * (years + 1) + t] + g
            }
        }
        let ranked = (0..<destinations).sorted { initial[$0] > initial[$1] || (initial[$0] == initial[$1] && $0 < $1) }
        var group = [Int32](repeating: 0, count: destinations)
        for (rank, m) in ranked.enumerated() { group[m] = Int32(min(3, rank * 4 / destinations)) }
        let ownSD = p.signalNoiseVariance.squareRoot()
        try AllocationGuard.check([plantCount, destinations], bytesPerElement: 8,
                                  what: "the own demand component of every plant and destination", keys: ["firms", "destinations"])
        let own = ColumnBuffers.build(1, length: plantCount * destinations) { (buffers: [UnsafeMutablePointer<Double>]) in
            for index in 0..<plantCount * destinations { buffers[0][index] = ownSD * normal.sample(stream) }
        }[0]
        return SpilloverDemand(yearCount: years, levels: levels, growth: growth, incomeGroup: group, ownComponent: own)
    }
}
