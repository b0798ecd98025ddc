import Foundation
import Measures
import Models
import PanelData

/// One replication of the information-spillover model as the estimators see it: the simulated plant
/// panel (`SpilloverPanel.rows`) joined, row by row, with the paper-003 regressors that `Measures`
/// builds from it and from the source aggregates. Public so that benchmarks and library users can
/// build the panel a scenario run estimates on.
public struct SpilloverAssembly: Sendable {
    public let model: InformationSpilloverModel
    public let seed: UInt64
    /// Sister weights of eqs. (16)–(17).
    public var weights: SpilloverMeasureOptions.SisterWeights = .overallShares

    public init(model: InformationSpilloverModel, seed: UInt64, weights: SpilloverMeasureOptions.SisterWeights = .overallShares) {
        self.model = model
        self.seed = seed
        self.weights = weights
    }

    public struct Replication: Sendable {
        public let data: Dataset
        public let truth: InformationSpilloverTruth
        public let summary: SpilloverSummary
        /// Seconds spent simulating and building the regressors.
        public let simulationSeconds: Double
        public let constructionSeconds: Double
    }

    /// Replication `index`: its streams depend on (seed, index) only.
    public func replication(_ index: Int) throws -> Replication {
        let clock = ContinuousClock()
        let start = clock.now
        let panel = try model.simulate(seed: seed, replication: index)
        let simulated = clock.now
        let rows = panel.rows
        func int32(_ name: String) throws -> [Int32] { try rows.ints(name).map { Int32($0) } }
        let flows = try ExporterFlows(
            exporter: int32("plant"), firm: int32("firm"), city: int32("city"), destination: int32("dest"),
            year: int32("year"), exports: rows.doubles("exports"))
        let roster = try PlantRoster(firm: panel.plantFirm, city: panel.plantCity, establishmentYear: panel.plantEstablishmentYear)
        let geography = try SpilloverGeography(cityArea: panel.cityArea, cityProvince: panel.cityProvince,
                                               destinationIncomeGroup: panel.destinationIncomeGroup, yearCount: panel.yearCount)
        let sources = try SourceAggregates(cityCount: panel.cityArea.count, destinationCount: panel.destinationCount,
                                           yearCount: panel.yearCount, count: panel.sourceCount, growthSum: panel.sourceGrowthSum)
        let measures = try SpilloverMeasures.construct(
            sample: flows, roster: roster, sources: sources, geography: geography, firmOutput: panel.firmGrossOutput,
            options: SpilloverMeasureOptions(weights: weights, sourcesIncludeSample: false))
        // The measures repeat the id columns and lnexp; the simulated panel contributes the rest.
        let measured = Set(measures.columnNames)
        let columns = measures.columns + rows.columns.filter { !measured.contains($0.name) }
        let data = try Dataset(columns: columns)
        func seconds(_ duration: Duration) -> Double {
            Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
        }
        return Replication(data: data, truth: panel.truth, summary: panel.summary,
                           simulationSeconds: seconds(simulated - start), constructionSeconds: seconds(clock.now - simulated))
    }
}
