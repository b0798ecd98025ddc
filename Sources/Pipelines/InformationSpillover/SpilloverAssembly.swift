import Foundation
import Measures
import Models
import Numerical
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
    /// Also build the plant × product × destination × year panel (`data = "products"`).
    public var withProducts = false

    public init(model: InformationSpilloverModel, seed: UInt64, weights: SpilloverMeasureOptions.SisterWeights = .overallShares,
                withProducts: Bool = false) {
        self.model = model
        self.seed = seed
        self.weights = weights
        self.withProducts = withProducts
    }

    public struct Replication: Sendable {
        public let data: Dataset
        /// The product panel when `withProducts` is set.
        public let products: Dataset?
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
        // The product panel is drawn either way (the streams do not depend on it) but kept only when read.
        let panel = try model.simulate(seed: seed, replication: index, keepingProducts: withProducts)
        let simulated = clock.now
        let rows = panel.rows
        let plant = try rows.ints("plant"), firm = try rows.ints("firm"), city = try rows.ints("city")
        let dest = try rows.ints("dest"), year = try rows.ints("year")
        func int32(_ values: [Int]) -> [Int32] {
            ColumnBuffers.build(1, length: values.count) { (buffers: [UnsafeMutablePointer<Int32>]) in
                for row in values.indices { buffers[0][row] = Int32(values[row]) }
            }[0]
        }
        let flows = try ExporterFlows(
            exporter: int32(plant), firm: int32(firm), city: int32(city), destination: int32(dest),
            year: int32(year), exports: rows.doubles("exports"))
        let roster = try PlantRoster(firm: panel.plantFirm, city: panel.plantCity, establishmentYear: panel.plantEstablishmentYear)
        let geography = try SpilloverGeography(cityArea: panel.cityArea, cityProvince: panel.cityProvince,
                                               destinationIncomeGroup: panel.destinationIncomeGroup, yearCount: panel.yearCount)
        let sources = try SourceAggregates(cityCount: panel.cityArea.count, destinationCount: panel.destinationCount,
                                           yearCount: panel.yearCount, count: panel.sourceCount, growthSum: panel.sourceGrowthSum)
        let measures = try SpilloverMeasures.construct(
            sample: flows, roster: roster, sources: sources, geography: geography, firmOutput: panel.firmGrossOutput,
            options: SpilloverMeasureOptions(weights: weights, sourcesIncludeSample: false),
            identifiers: SampleIdentifiers(plant: plant, firm: firm, city: city, destination: dest, year: year))
        // The measures repeat the id columns and lnexp; the simulated panel contributes the rest.
        let measured = Set(measures.columnNames)
        let columns = measures.columns + rows.columns.filter { !measured.contains($0.name) }
        let data = try Dataset(columns: columns)
        func seconds(_ duration: Duration) -> Double {
            Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
        }
        let products = withProducts ? try Self.productPanel(panel, rows: data) : nil
        return Replication(data: data, products: products, truth: panel.truth, summary: panel.summary,
                           simulationSeconds: seconds(simulated - start), constructionSeconds: seconds(clock.now - simulated))
    }

    /// One row per shipped product, with the product's own columns (`product`, `lnexp_product` = ln of its
    /// exports, `heter_dummy` = its Rauch flag, `cpt` = city × product × year) and every column of its plant ×
    /// destination × year row (`rows`, in the simulator's row order, which the product rows follow).
    static func productPanel(_ panel: SpilloverPanel, rows: Dataset) throws -> Dataset {
        let products = panel.products
        let productPlant = try products.ints("plant"), productDest = try products.ints("dest"), productYear = try products.ints("year")
        let product = try products.ints("product"), value = try products.doubles("exports")
        let plant = try rows.ints("plant"), dest = try rows.ints("dest"), year = try rows.ints("year"), city = try rows.ints("city")
        var parents = [Int](), row = 0
        parents.reserveCapacity(product.count)
        for j in product.indices {
            while row < plant.count, (plant[row], dest[row], year[row]) != (productPlant[j], productDest[j], productYear[j]) { row += 1 }
            guard row < plant.count else {
                throw RunFailure(stage: "product panel", reason: "product row \(j) has no plant row (plant \(productPlant[j]), destination \(productDest[j]), year \(productYear[j]))")
            }
            parents.append(row)
        }
        let productCount = panel.productDifferentiated.count, years = panel.yearCount
        let own: [Column] = [
            Column(name: "product", storage: .int(product)),
            .double("lnexp_product", value.map { log($0) }),
            .double("heter_dummy", product.map { panel.productDifferentiated[$0] ? 1 : 0 }),
            Column(name: "cpt", storage: .int(parents.indices.map { j in (city[parents[j]] * productCount + product[j]) * years + productYear[j] })),
        ]
        return try Dataset(columns: own + rows.selectingRows(parents).columns)
    }
}

