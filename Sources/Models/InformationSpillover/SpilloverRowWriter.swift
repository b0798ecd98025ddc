import Foundation
import Numerical
import PanelData

/// Accumulates the plant and product rows of a `SpilloverPanel` in row order, with the row-level
/// draws from the `sales` stream.
///
/// Draw order per row: one standard normal for u_imt (always, even when `sales_noise` is 0); one
/// uniform for the import flag, and one standard normal for the import value when it imports;
/// the number of extra products (one Poisson draw when `extra_products` > 0); one
/// `nextInt(below: H)` per product, redrawn while it repeats a product of the row; one uniform per
/// product for the flat Dirichlet split when the row ships more than one product.
///
/// Without `keepsProducts` the product draws are made all the same (so every other draw, and so the
/// plant panel, is unchanged) but no product row is stored; only their number is counted.
struct SpilloverRowWriter {
    let stream: RandomStream
    let normal: NormalDistribution
    let extraProducts: PoissonDistribution?
    let salesNoiseSD: Double
    let importShare: Double
    /// Imports are lognormal: ln imports ~ N(ln(σ f), 1), independent of the plant's demand.
    let importLogMean: Double
    let productCount: Int
    /// Whether the product rows are stored (the plant × product panel); they are drawn either way.
    let keepsProducts: Bool

    var plant = [Int](), firm = [Int](), city = [Int](), destination = [Int](), year = [Int]()
    var exports = [Double](), logExports = [Double](), imports = [Double](), logImports = [Double]()
    /// ln r̄_imt of eq. (11): expected log sales, without the plant's own demand component and the transitory noise.
    var expectedLogExports = [Double]()
    var delta = [Double](), localCount = [Double](), otherCount = [Double](), slopeOther = [Double](), slopeLocal = [Double]()
    var productPlant = [Int](), productId = [Int](), productDestination = [Int](), productYear = [Int]()
    var productExports = [Double]()
    private var chosen = [Int](), weights = [Double]()
    /// `chosenInRow[h]` is the number of the last row that chose product h: an O(1) membership test,
    /// so drawing k distinct products costs O(k) and not O(k²). Allocated at the first row.
    private var chosenInRow = [Int](), productRowNumber = 0
    /// Plant × product × destination × year rows drawn so far (stored or not).
    private(set) var productRowCount = 0

    init(parameters: InformationSpilloverParameters, stream: RandomStream, keepsProducts: Bool = true) throws {
        self.stream = stream
        normal = try NormalDistribution(mean: 0, standardDeviation: 1)
        extraProducts = parameters.extraProductsMean > 0 ? try PoissonDistribution(mean: parameters.extraProductsMean) : nil
        salesNoiseSD = parameters.salesNoiseSD
        importShare = parameters.importShare
        importLogMean = log(parameters.elasticityOfSubstitution * parameters.fixedCost)
        productCount = parameters.productCount
        self.keepsProducts = keepsProducts
    }

    var rowCount: Int { plant.count }

    /// Reserves room for about `rows` rows and their products (an allocation hint; no effect on the output).
    /// Huge pages are advised on the reserved storage (`ColumnBuffers.reserve`).
    mutating func reserve(rows: Int) {
        for column in [\SpilloverRowWriter.plant, \.firm, \.city, \.destination, \.year] {
            ColumnBuffers.reserve(&self[keyPath: column], capacity: rows)
        }
        for column in [\SpilloverRowWriter.exports, \.logExports, \.expectedLogExports, \.imports, \.logImports, \.delta, \.localCount, \.otherCount,
                       \.slopeOther, \.slopeLocal] {
            ColumnBuffers.reserve(&self[keyPath: column], capacity: rows)
        }
        guard keepsProducts else { return }
        let perRow = min(1 + (extraProducts?.mean ?? 0), Double(productCount))
        let products = Int(min(Double(rows) * perRow * 1.05, Double(Int32.max)))
        for column in [\SpilloverRowWriter.productPlant, \.productId, \.productDestination, \.productYear] {
            ColumnBuffers.reserve(&self[keyPath: column], capacity: products)
        }
        ColumnBuffers.reserve(&productExports, capacity: products)
    }

    /// Appends one exporting plant-destination-year and its products; returns its export value.
    mutating func append(plant i: Int, firm f: Int, city c: Int, destination m: Int, year t: Int,
                         expectedLogSales: Double, ownComponent: Double, truth: RowTruth) -> Double {
        let logSales = expectedLogSales + ownComponent + salesNoiseSD * normal.sample(stream)
        let value = exp(logSales)
        plant.append(i); firm.append(f); city.append(c); destination.append(m); year.append(t)
        exports.append(value)
        logExports.append(logSales)
        expectedLogExports.append(expectedLogSales)
        if stream.nextUniform() < importShare {
            let imported = exp(importLogMean + normal.sample(stream))
            imports.append(imported)
            logImports.append(log1p(imported))
        } else {
            imports.append(0)
            logImports.append(0)
        }
        delta.append(truth.delta)
        localCount.append(truth.localCount)
        otherCount.append(truth.otherCount)
        slopeOther.append(truth.slopeOther)
        slopeLocal.append(truth.slopeLocal)
        appendProducts(plant: i, destination: m, year: t, value: value)
        return value
    }

    private mutating func appendProducts(plant i: Int, destination m: Int, year t: Int, value: Double) {
        let count = min(1 + (extraProducts?.sample(stream) ?? 0), productCount)
        chosen.removeAll(keepingCapacity: true)
        if chosenInRow.isEmpty { chosenInRow = [Int](repeating: 0, count: productCount) }
        productRowNumber += 1
        while chosen.count < count {
            let candidate = stream.nextInt(below: productCount)
            if chosenInRow[candidate] != productRowNumber {
                chosenInRow[candidate] = productRowNumber
                chosen.append(candidate)
            }
        }
        productRowCount += count
        guard keepsProducts else {
            // The Dirichlet split's uniforms, drawn and not used.
            if count > 1 { for _ in 0..<count { _ = stream.nextUniform() } }
            return
        }
        weights.removeAll(keepingCapacity: true)
        var total = 0.0
        if count == 1 {
            weights.append(1)
            total = 1
        } else {
            for _ in 0..<count {
                let weight = -log(stream.nextUniform())
                weights.append(weight)
                total += weight
            }
        }
        for index in 0..<count {
            productPlant.append(i); productId.append(chosen[index]); productDestination.append(m); productYear.append(t)
            productExports.append(value * weights[index] / total)
        }
    }

    /// Gross output of every firm-year, flat at f T + t: exports × (1 + ρ), ln ρ ~ N(0, 1) drawn for
    /// every firm-year in that order after all rows.
    func grossOutput(firmExports: [Double]) -> [Double] {
        firmExports.map { $0 * (1 + exp(normal.sample(stream))) }
    }

    /// The scenario keys that move ln r of eq. (11): the demand level, its growth and variances, and the noise.
    static let logSalesKeys = ["demand_log_mean", "demand_log_sd", "drift", "v_d", "v_z", "sales_noise"]

    /// - Throws: `ModelError.simulationOutOfRange` naming the first row whose export value e^{ln r} is not a
    ///   finite positive double (ln r above about 709 or below about −745, or not a number).
    func rows() throws -> Dataset {
        if let row = exports.firstIndex(where: { !($0.isFinite && $0 > 0) }) {
            let logValue = logExports[row]
            let size = logValue.isNaN ? "not a number"
                : logValue > 0 ? "e^\(Self.rounded(logValue)), more than the largest number a double holds (about e^709)"
                : "e^\(Self.rounded(logValue)), less than the smallest positive double (about e^−745)"
            throw ModelError.simulationOutOfRange(
                reason: "the simulated exports of plant \(plant[row]) to destination \(destination[row]) in year \(year[row]) are \(size)",
                keys: Self.logSalesKeys)
        }
        return try Dataset(columns: [
            .int("plant", plant), .int("firm", firm), .int("city", city), .int("dest", destination), .int("year", year),
            .double("exports", exports), .double("lnexp", logExports), .double("lnexp_expected", expectedLogExports), .double("imports", imports), .double("lnimp", logImports),
            .double("delta", delta), .double("n_nb", localCount), .double("n_oth", otherCount),
            .double("slope_oth", slopeOther), .double("slope_nb", slopeLocal),
        ])
    }

    func products() throws -> Dataset {
        try Dataset(columns: [
            .int("plant", productPlant), .int("product", productId), .int("dest", productDestination),
            .int("year", productYear), .double("exports", productExports),
        ])
    }

    private static func rounded(_ value: Double) -> String {
        value.isFinite ? String(format: "%.4g", value) : "\(value)"
    }
}
