import Foundation
import Numerical

/// The multi-plant firms and their plants (design note, "Two kinds of exporters"). Plant ids are
/// consecutive within a firm: firm f owns plants `firmFirstPlant[f] ..< firmFirstPlant[f + 1]`,
/// and its plant `firmFirstPlant[f]` is the one that exists from before the panel.
public struct SpilloverFirmNetwork: Sendable {
    /// Offsets of each firm's plants, `firmCount + 1` entries.
    public let firmFirstPlant: [Int32]
    /// Firm of each plant.
    public let plantFirm: [Int32]
    /// City of each plant; the plants of a firm sit in distinct cities.
    public let plantCity: [Int32]
    /// First year the plant exists (it exists in every year ≥ this value; may be negative).
    public let plantEstablishmentYear: [Int32]
    /// φ ~ Pareto(k, 1).
    public let plantProductivity: [Double]

    public var firmCount: Int { firmFirstPlant.count - 1 }
    public var plantCount: Int { plantFirm.count }

    /// Draws from `stream`, firm after firm: the number of plants 2 + NegativeBinomial(mean
    /// `plants_extra_mean`, size `plants_dispersion`) truncated at `max_plants` (no draw when the
    /// mean is 0); the cities, by a partial Fisher–Yates shuffle of a persistent permutation of the
    /// cities (one `nextInt(below:)` per plant); the establishment year of every plant but the
    /// first, uniform on {−L, …, T−1} (the first gets −L − 1); φ of every plant.
    public static func draw(_ parameters: InformationSpilloverParameters, stream: RandomStream) throws -> SpilloverFirmNetwork {
        let p = parameters
        let productivity = try ParetoDistribution(shape: p.paretoShape, scale: 1)
        let extraPlants = p.extraPlantsMean > 0
            ? try NegativeBinomialDistribution(mean: p.extraPlantsMean, dispersion: p.plantsDispersion) : nil
        let plantLimit = min(p.maximumPlants, p.cityCount)
        let estimatedPlants = p.firmCount * min(plantLimit, 2 + Int(p.extraPlantsMean.rounded(.up)))
        var firstPlant = [Int32](), firm = [Int32](), city = [Int32](), established = [Int32](), phi = [Double]()
        firstPlant.reserveCapacity(p.firmCount + 1)
        firm.reserveCapacity(estimatedPlants)
        city.reserveCapacity(estimatedPlants)
        established.reserveCapacity(estimatedPlants)
        phi.reserveCapacity(estimatedPlants)
        var permutation = (0..<p.cityCount).map { Int32($0) }
        let yearSpan = p.establishmentLead + p.yearCount
        for f in 0..<p.firmCount {
            firstPlant.append(Int32(firm.count))
            let count = min(2 + (extraPlants?.sample(stream) ?? 0), plantLimit)
            for slot in 0..<count {
                let pick = slot + stream.nextInt(below: p.cityCount - slot)
                permutation.swapAt(slot, pick)
                city.append(permutation[slot])
                firm.append(Int32(f))
            }
            established.append(Int32(-p.establishmentLead - 1))
            for _ in 1..<count { established.append(Int32(stream.nextInt(below: yearSpan) - p.establishmentLead)) }
            for _ in 0..<count { phi.append(productivity.sample(stream)) }
        }
        firstPlant.append(Int32(firm.count))
        return SpilloverFirmNetwork(firmFirstPlant: firstPlant, plantFirm: firm, plantCity: city,
                                    plantEstablishmentYear: established, plantProductivity: phi)
    }
}
