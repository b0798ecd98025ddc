import Foundation
import Measures
import Models
import PanelData

/// One replication of the quality-ladder model as the estimators see it: the simulated record panel
/// (`QualityLadderSimulator`) with the paper-004 measures that `Measures` builds from it.
///
/// Added columns:
/// - `ksw_quality`, `ksw_quality_std`: KSW quality ε̂/(σ_j − 1) with product × destination × year
///   cells (notes eq. (21)) and its positive min–max standardization within product (q⁺ ∈ [1, 2]).
///   σ_j is imposed per product, as the paper imposes outside elasticities; the values imposed are
///   the simulator's σ_j, so what remains is the misspecification of the demand layer (`demand`);
/// - `frontier`, `distance`, `distance_1`, `distance_2`: distances of q⁺ to the industry × year
///   maximum (eq. (22), ratio, relative gap);
/// - `distance_q`: the firm-year Distanceq (value-weighted q⁺, industry × year frontier) on every
///   record of the firm-year;
/// - `ln_distance`, `ln_true_distance`, `ln_digital_input`: ln Distance, ln Δλ (missing at the
///   frontier, where the distance is 0) and ln I_it, for the eq. (4) elasticity ∂ln Δλ/∂ln I;
/// - `variety`, `tfp_distance_cn`, `tfp_distance_us`, `knowledge_distance`, `variety_distance` (Tables 8–9,
///   `MechanismDistances`) and their noise-free counterparts `true_…` from `true_tfp`,
///   `true_tfp_external_frontier`, `true_knowledge_breadth` and `true_variety`;
/// - `labour_intensive`: 1 when the firm-year's labour intensity is at least the industry × year median of
///   firm-years, else 0 (Table 10 (5)–(6), `GroupMedianSplit`);
/// - with `noiseless`, the measured distances without noise (`QualityNoiselessMeasures`), the noise-free
///   outcomes of `"pseudo-true"` recoveries.
package struct QualityAssembly: Sendable {
    let equilibrium: QualityLadderEquilibrium
    let seed: UInt64
    /// Also build the noise-free measured distances (a second KSW pass; only when a block asks for pseudo-true).
    var noiseless = false
    /// Build the mechanism distances and the labour-intensity split (off when no block reads them, which saves
    /// about 1 GB at the paper's scale).
    var mechanisms = true

    /// Columns built only when `mechanisms` is on.
    static let mechanismColumns: Set<String> = [
        "variety", "tfp_distance_cn", "tfp_distance_us", "knowledge_distance", "variety_distance", "true_tfp_distance_cn",
        "true_tfp_distance_us", "true_knowledge_distance", "true_variety_distance", "labour_intensive",
    ]

    package struct Replication: Sendable {
        package let data: Dataset
        package let truth: QualityLadderTruth
        package let diagnostics: QualityDiagnostics
    }

    func replication(_ index: Int) throws -> Replication {
        let panel = try QualityLadderSimulator.simulate(equilibrium, masterSeed: seed, replication: index)
        let truth = panel.truth
        var elasticities: [Int: Double] = [:]
        for (position, sigma) in truth.productElasticities.enumerated() { elasticities[position + 1] = sigma }
        let choice: ElasticityChoice
        switch equilibrium.parameters.simulation.kswElasticity {
        case .imposed: choice = .imposedPerProduct(elasticities)
        case .estimated: choice = .estimated(byProduct: false)
        case .estimatedByProduct: choice = .estimated(byProduct: true)
        }
        let options = KSWQualityOptions(elasticity: choice)
        let ksw: KSWQualityResult
        do { ksw = try KSWQuality.estimate(panel.dataset, options: options) } catch let error as QualityMeasureError {
            guard case .invalidElasticity = error, equilibrium.parameters.simulation.kswElasticity != .imposed else { throw error }
            // Within a cell, price rises with quality, so ln q on ln p does not identify −σ without an instrument.
            throw RunFailure(stage: "KSW quality", reason: "\(error): the estimated σ is not a demand elasticity here, because "
                + "prices rise with quality within product × destination × year cells; set ksw_sigma = \"imposed\"")
        }
        var data = try FrontierDistances.adding(to: try ksw.adding(to: panel.dataset))
        let firmYears = try FirmYearQuality.aggregate(data)
        let groups = try data.groupIndex(by: ["firm", "year"])
        let firmYearDistance = try firmYears.doubles("distance_q")
        try data.add(Self.column("distance_q", groups.groupOfRow.map { $0 >= 0 ? firmYearDistance[Int($0)] : .nan }))
        let distance = try Self.present(data, "distance"), trueDistance = try data.doubles("true_distance")
        func logarithm(_ value: Double) -> Double { value > 0 ? log(value) : .nan }
        try data.add(Self.column("ln_distance", distance.map(logarithm)))
        try data.add(Self.column("ln_true_distance", trueDistance.map(logarithm)))
        try data.add(Self.column("ln_digital_input", try data.doubles("digital_input").map(logarithm)))
        if mechanisms {
            data = try MechanismDistances.adding(to: data)
            data = try MechanismDistances.adding(to: data, tfp: "true_tfp", externalFrontier: "true_tfp_external_frontier",
                                                 breadth: "true_knowledge_breadth", variety: "true_variety", prefix: "true_")
            try data.add(.int("labour_intensive", GroupMedianSplit.aboveMedian(
                try data.doubles("labour_intensity"), units: groups, groups: try data.groupIndex(by: ["industry", "year"]))))
        }
        if noiseless { data = try QualityNoiselessMeasures.adding(to: data, observedQuality: ksw.quality, options: options) }

        let trueLogQuality = try data.doubles("true_log_quality")
        let cells = try data.groupIndex(by: ["product", "dest", "year"])
        let diagnostics = QualityDiagnostics(
            replication: index, generatedRecords: truth.generatedRecords, keptRecords: truth.keptRecords,
            kswCorrelation: Self.correlation(ksw.quality, trueLogQuality),
            kswWithinCellCorrelation: Self.correlation(ksw.quality, Self.withinGroup(trueLogQuality, cells)),
            distanceCorrelation: Self.correlation(distance, trueDistance), firstStages: [])
        return Replication(data: data, truth: truth, diagnostics: diagnostics)
    }

    /// A double column whose non-finite entries are missing.
    static func column(_ name: String, _ values: [Double]) -> Column {
        let missing = values.map { !$0.isFinite }
        return .double(name, values, missing: missing.contains(true) ? missing : nil)
    }

    /// The column's values with missing entries as NaN.
    static func present(_ data: Dataset, _ name: String) throws -> [Double] {
        let values = try data.doubles(name), column = try data.column(named: name)
        return values.enumerated().map { column.isMissing($0.offset) ? .nan : $0.element }
    }

    /// `values` minus their group mean (NaN outside a group).
    static func withinGroup(_ values: [Double], _ groups: GroupIndex) -> [Double] {
        var sum = [Double](repeating: 0, count: groups.groupCount), count = [Double](repeating: 0, count: groups.groupCount)
        for (row, value) in values.enumerated() where value.isFinite && groups.groupOfRow[row] >= 0 {
            sum[Int(groups.groupOfRow[row])] += value
            count[Int(groups.groupOfRow[row])] += 1
        }
        return values.enumerated().map { row, value in
            let group = Int(groups.groupOfRow[row])
            return group >= 0 && value.isFinite ? value - sum[group] / count[group] : .nan
        }
    }

    /// Pearson correlation over the rows where both are finite (NaN with fewer than 3 rows or no variation).
    static func correlation(_ x: [Double], _ y: [Double]) -> Double {
        var n = 0.0, sx = 0.0, sy = 0.0
        for (a, b) in zip(x, y) where a.isFinite && b.isFinite { n += 1; sx += a; sy += b }
        guard n >= 3 else { return .nan }
        let mx = sx / n, my = sy / n
        var sxx = 0.0, syy = 0.0, sxy = 0.0
        for (a, b) in zip(x, y) where a.isFinite && b.isFinite {
            sxx += (a - mx) * (a - mx)
            syy += (b - my) * (b - my)
            sxy += (a - mx) * (b - my)
        }
        guard sxx > 0, syy > 0 else { return .nan }
        return sxy / (sxx * syy).squareRoot()
    }
}
