import Foundation
import Numerical

/// The `information-spillover` model of paper 003: plants of multi-plant firms learn about each
/// destination's demand from the single-plant exporters of their own city and of their sister
/// plants' cities, eqs. (8)–(12), extended to years by the Kalman filter of
/// `docs/models/information-spillover.md`.
public struct InformationSpilloverModel: Sendable {
    public let parameters: InformationSpilloverParameters

    public init(parameters: InformationSpilloverParameters) {
        self.parameters = parameters
    }

    /// The Kalman step of the parameters (drift, v_d, v_z).
    public var kalmanStep: KalmanStep {
        KalmanStep(drift: parameters.demandDrift, demandVariance: parameters.demandVariance,
                   signalNoiseVariance: parameters.signalNoiseVariance)
    }

    /// Simulates replication `replication` of a run with master seed `seed`, drawing from
    /// `SpilloverStreams(masterSeed: seed, replication: replication)`.
    ///
    /// - Parameter keepingProducts: whether to store the plant × product panel (`SpilloverPanel.products`);
    ///   without it the products are drawn all the same, so everything else is unchanged, and the panel has no rows.
    public func simulate(seed: UInt64, replication: Int, keepingProducts: Bool = true) throws -> SpilloverPanel {
        try simulate(streams: SpilloverStreams(masterSeed: seed, replication: replication), keepingProducts: keepingProducts)
    }

    /// Simulates one replication. The parts are drawn in this order, each from its own stream:
    /// world, firms, demand (needs the plant count), sources (needs areas, density effects and
    /// g_mt), then the learning and entry loop, which draws row after row from `sales` (see
    /// `SpilloverRowWriter`), and finally the firm-year domestic ratios from `sales`.
    ///
    /// The loop runs over years, then firms, then the firm's plants, then destinations, so the rows
    /// come out sorted by (year, plant, dest). Every existing plant updates its belief about every
    /// destination each year, whether it exports there or not.
    public func simulate(streams: SpilloverStreams, keepingProducts: Bool = true) throws -> SpilloverPanel {
        let p = parameters
        let world = try SpilloverWorld.draw(p, stream: streams.world)
        let network = try SpilloverFirmNetwork.draw(p, stream: streams.firms)
        let demand = try SpilloverDemand.draw(p, plantCount: network.plantCount, stream: streams.demand)
        let sources = try SourceExporterDraw.draw(p, world: world, demand: demand, stream: streams.sources)
        var writer = try SpilloverRowWriter(parameters: p, stream: streams.sales, keepsProducts: keepingProducts)
        var accumulator = SpilloverTruthAccumulator()
        var loop = SpilloverLearningLoop(parameters: p, world: world, network: network, demand: demand, sources: sources)
        let largestShares = try loop.run(writer: &writer, accumulator: &accumulator)
        let grossOutput = writer.grossOutput(firmExports: loop.firmExports)

        let plantsPerFirm = (0..<network.firmCount).map { Int(network.firmFirstPlant[$0 + 1] - network.firmFirstPlant[$0]) }.sorted()
        let middle = plantsPerFirm.count / 2
        let median = plantsPerFirm.isEmpty ? Double.nan
            : plantsPerFirm.count % 2 == 1 ? Double(plantsPerFirm[middle]) : Double(plantsPerFirm[middle - 1] + plantsPerFirm[middle]) / 2
        let summary = SpilloverSummary(
            rowCount: writer.rowCount, productRowCount: writer.productRowCount,
            meanPlantsPerFirm: Double(network.plantCount) / Double(max(network.firmCount, 1)),
            medianPlantsPerFirm: median,
            meanLargestPlantShare: largestShares.count > 0 ? largestShares.sum / Double(largestShares.count) : .nan,
            shareWithSisterSignals: writer.rowCount > 0 ? Double(accumulator.count) / Double(writer.rowCount) : .nan)
        return SpilloverPanel(
            cityArea: world.cityArea, cityProvince: world.cityProvince, destinationIncomeGroup: demand.incomeGroup,
            productDifferentiated: world.productDifferentiated,
            destinationFixedCost: world.destinationFixedCost, demandLevel: demand.levels, yearCount: p.yearCount, destinationCount: p.destinationCount,
            plantFirm: network.plantFirm, plantCity: network.plantCity, plantEstablishmentYear: network.plantEstablishmentYear,
            plantProductivity: network.plantProductivity, sourceCount: sources.count, sourceGrowthSum: sources.growthSum,
            firmGrossOutput: grossOutput, rows: try writer.rows(), products: try writer.products(),
            truth: accumulator.truth(noiseRatio: p.noiseRatio), summary: summary)
    }
}
