import Foundation
import Measures
import PanelData

/// `hetfirm sophistication DATA --region R --product H --time T --exports E --gdp-per-capita G`: RTV_ht
/// (PRODY, paper 000 eq. 12) and MET_it (EXPY, eq. 13) from a user's long CSV table, computed by
/// ``ExportSophistication`` (Measures). GDP per capita is a column of the same file, constant within each
/// region-period. Errors point at the file's line and column; see docs/estimators/export-sophistication.md.
public enum DataSophistication {
    public struct Request: Sendable {
        public var dataPath: String
        /// `--region`, `--product`, `--time`, `--exports`, `--gdp-per-capita` column names.
        public var regionColumn: String
        public var productColumn: String
        public var timeColumn: String
        public var exportsColumn: String
        public var gdpPerCapitaColumn: String
        /// `--unexported-products exclude|error`.
        public var unexportedProducts = ExportSophisticationOptions.UnexportedProducts.exclude
        /// `--json`: print the region-period table and the summary as JSON.
        public var json = false
        /// `--out`: write the region-period table (MET) as CSV.
        public var outPath: String?
        /// `--products-out`: write the product-period table (RTV) as CSV.
        public var productsOutPath: String?
        /// `--force`: replace an existing regular file at `--out` / `--products-out`.
        public var force = false
        /// `--delimiter` of DATA (`,` `;` `tab` `|`); nil detects it.
        public var delimiter: String?

        public init(dataPath: String, regionColumn: String, productColumn: String, timeColumn: String,
                    exportsColumn: String, gdpPerCapitaColumn: String) {
            self.dataPath = dataPath
            self.regionColumn = regionColumn
            self.productColumn = productColumn
            self.timeColumn = timeColumn
            self.exportsColumn = exportsColumn
            self.gdpPerCapitaColumn = gdpPerCapitaColumn
        }
    }

    /// One region-period: MET_it with E_it and PGDP_it.
    public struct RegionPeriod: Sendable, Equatable {
        public let region: String
        public let time: String
        public let totalExports: Double
        public let gdpPerCapita: Double
        /// MET_it (EXPY).
        public let met: Double
    }

    /// One product-period with a defined RTV_ht.
    public struct ProductPeriod: Sendable, Equatable {
        public let product: String
        public let time: String
        /// Σ_i e_iht.
        public let totalExports: Double
        /// Regions with e_iht > 0.
        public let exportingRegions: Int
        /// RTV_ht (PRODY).
        public let rtv: Double
    }

    /// What the command prints, and the tables it computed (ordered by period, then region or product
    /// in order of first appearance).
    public struct Report: Sendable {
        public let text: String
        public let warnings: [String]
        public let regionPeriods: [RegionPeriod]
        public let productPeriods: [ProductPeriod]
        /// Product-periods with rows but no exports (RTV undefined, left out): product, period, data row.
        public let unexportedProducts: [(product: String, time: String, row: Int)]
    }

    /// Reads DATA, computes RTV and MET, writes the requested files and returns what to print.
    ///
    /// - Throws: ``InvalidInput`` (exit code 2) naming the file, line and column.
    public static func run(_ request: Request) throws -> Report {
        let outputs = [request.outPath, request.productsOutPath].compactMap { $0 }
        if outputs.count == 2, standardized(outputs[0]) == standardized(outputs[1]) {
            throw InvalidInput(description: "error: --out and --products-out name the same file \(outputs[0])")
        }
        let input = try SophisticationInput.read(request)
        let result: ExportSophisticationResult
        do {
            result = try ExportSophistication.compute(
                exports: input.exports, income: input.income,
                options: ExportSophisticationOptions(unexportedProducts: request.unexportedProducts))
        } catch {
            throw InvalidInput(description: input.message(for: error))
        }
        let regions = result.regionPeriods.map { cell in
            let index = cell.time * result.regionCount + cell.region
            return RegionPeriod(region: input.regionLabels[cell.region], time: input.timeLabels[cell.time],
                                totalExports: result.totalExports[index], gdpPerCapita: result.gdpPerCapita[index],
                                met: result.regionSophistication[index])
        }
        let products = result.productPeriods.map { cell in
            let index = cell.time * result.productCount + cell.product
            return ProductPeriod(product: input.productLabels[cell.product], time: input.timeLabels[cell.time],
                                 totalExports: result.productExports[index], exportingRegions: result.exportingRegions[index],
                                 rtv: result.productSophistication[index])
        }
        let unexported = result.unexportedProducts.map {
            (product: input.productLabels[$0.product], time: input.timeLabels[$0.time], row: $0.firstRow)
        }
        let output = SophisticationOutput(request: request, input: input, regions: regions, products: products,
                                          unexported: unexported)
        var written: [String] = []
        if let path = request.outPath {
            try output.write(output.regionCSV(), to: path)
            written.append("wrote \(path) (\(regions.count) region-periods: MET)")
        }
        if let path = request.productsOutPath {
            try output.write(output.productCSV(), to: path)
            written.append("wrote \(path) (\(products.count) product-periods: RTV)")
        }
        let text = request.json ? try output.json() : output.text(written: written)
        return Report(text: text, warnings: [], regionPeriods: regions, productPeriods: products, unexportedProducts: unexported)
    }

    static func standardized(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}

extension DataSophistication {
    /// Parses `--unexported-products exclude|error`.
    public static func unexportedProducts(named name: String) throws -> ExportSophisticationOptions.UnexportedProducts {
        switch name.lowercased() {
        case "exclude": return .exclude
        case "error", "reject": return .reject
        default:
            throw InvalidInput(description: "error: --unexported-products must be exclude or error, not '\(name)'")
        }
    }
}
