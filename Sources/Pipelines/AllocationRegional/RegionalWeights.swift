import Foundation
import Measures
import Models
import Spatial

/// The weight matrices `allocation-regional` supplies to spatial blocks (`weights = "model:NAME"`), unit
/// identifiers the `province` column's values "1" … "R":
/// - `contiguity`: the symmetrised 4-nearest-neighbour graph of the provinces' locations (the paper's
///   adjacency, Table 4 (1)–(2): on the unit square a province borders its nearest neighbours);
/// - `distance`: inverse geographic distance 1/d_ij (Table 4 (3)–(4));
/// - `economic`: economic distance 1/|ḡ_i − ḡ_j| of the provinces' mean PGDP on the noise-free path
///   (Table 4 (5)–(6));
/// - `personnel` and `funds`: the model's own W_FP and W_FC, the gravity flows of R&D personnel and funds
///   through which technology diffuses (Tables 5–6).
/// All row-standardised, as the block row-standardises by default. Fixed for a run: they depend on the
/// seed and the parameters only.
enum RegionalWeights {
    static func matrices(_ theory: AllocationRegionalTheory) throws -> [String: SpatialWeights] {
        let geography = theory.geography, regions = geography.regionCount, years = theory.parameters.yearCount
        let identifiers = (1...regions).map(String.init)
        let nearest = try SpatialWeightsBuilder.nearestNeighbours(identifiers: identifiers, x: geography.x, y: geography.y,
                                                                  k: min(4, regions - 1))
        let meanIncome = (0..<regions).map { r in (0..<years).reduce(0) { $0 + theory.economies.income[$1 * regions + r] } / Double(years) }
        return [
            "contiguity": try SpatialWeightsBuilder.contiguity(symmetrizing: nearest),
            "distance": try SpatialWeightsBuilder.inverseDistance(identifiers: identifiers, x: geography.x, y: geography.y),
            "economic": try SpatialWeightsBuilder.economicDistance(identifiers: identifiers, means: meanIncome),
            "personnel": try dense(geography.personnelFlows, identifiers: identifiers),
            "funds": try dense(geography.fundFlows, identifiers: identifiers),
        ]
    }

    /// A dense row-major R × R matrix as sparse weights (zeros left out).
    static func dense(_ matrix: [Double], identifiers: [String]) throws -> SpatialWeights {
        let regions = identifiers.count
        var triplets: [(row: Int, column: Int, weight: Double)] = []
        for i in 0..<regions {
            for j in 0..<regions where matrix[i * regions + j] != 0 { triplets.append((i, j, matrix[i * regions + j])) }
        }
        return try SpatialWeights(unitIdentifiers: identifiers, triplets: triplets)
    }
}
