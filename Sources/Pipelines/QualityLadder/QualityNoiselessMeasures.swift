import Foundation
import Measures
import PanelData

/// The measured distances without noise: what the three-step measures give on a replication when the
/// observed quantities and prices carry no noise (ε = 0, price noise 0, demand appeal ξ = 0), on the same
/// records and on the observed measures' scale. They are the noise-free outcomes of `"pseudo-true"`
/// recoveries of Distance, Distance_1, Distance_2 and Distanceq (`QualityLadder.descriptor.noiselessOutcomes`).
///
/// 1. KSW quality of the simulator's `true_price` and `noiseless_quantity` (same cells, σ_j imposed): under CES
///    demand it is ln λ minus its product × destination × year mean; under linear demand, what the
///    misspecified KSW makes of λ;
/// 2. min–max standardized within product with the *observed* KSW quality's min_j and max_j, so both are on
///    one scale (the noise widens the observed range; a noise-free range would rescale every distance);
/// 3. distances to the industry × year maximum and the value-weighted (noise-free values p × q) firm-year
///    Distanceq, as for the observed measures.
///
/// Added columns: `distance_noiseless`, `distance_1_noiseless`, `distance_2_noiseless`, `distance_q_noiseless`.
enum QualityNoiselessMeasures {
    static func adding(to data: Dataset, observedQuality: [Double], options: KSWQualityOptions) throws -> Dataset {
        var clean = data.columns.filter { $0.name != "quantity" && $0.name != "price" }
        let quantity = try data.column(named: "noiseless_quantity"), price = try data.column(named: "true_price")
        clean.append(Column(name: "quantity", storage: quantity.storage, missing: quantity.missing))
        clean.append(Column(name: "price", storage: price.storage, missing: price.missing))
        var cleanOptions = options
        cleanOptions.standardize = false
        let ksw = try KSWQuality.estimate(try Dataset(columns: clean), options: cleanOptions)
        let products = try data.ints("product")
        let standardized = QualityStandardization.minMaxWithinProduct(
            ksw.quality, products: products, offset: options.positiveOffset, rangeOf: observedQuality)
        let distances = FrontierDistances(quality: standardized, groups: try data.groupIndex(by: ["industry", "year"]))
        var output = data
        for (name, values) in [("distance_noiseless", distances.distance), ("distance_1_noiseless", distances.ratio),
                               ("distance_2_noiseless", distances.relativeGap)] {
            try output.add(QualityAssembly.column(name, values))
        }
        let value = zip(try data.doubles("true_price"), try data.doubles("noiseless_quantity")).map { $0 * $1 }
        let firmYear = try Dataset(columns: [
            try data.column(named: "firm"), try data.column(named: "year"), try data.column(named: "industry"),
            .double("value", value), QualityAssembly.column("quality", standardized),
        ])
        let aggregated = try FirmYearQuality.aggregate(firmYear, quality: "quality")
        let groups = try data.groupIndex(by: ["firm", "year"])
        let firmYearDistance = try QualityAssembly.present(aggregated, "distance_q")
        try output.add(QualityAssembly.column("distance_q_noiseless",
                                              groups.groupOfRow.map { $0 >= 0 ? firmYearDistance[Int($0)] : .nan }))
        return output
    }
}
