import ArgumentParser
import Foundation
import Scenario

extension Hetfirm {
    /// `hetfirm sophistication DATA …`: RTV (PRODY) per product-period and MET (EXPY) per region-period.
    struct Sophistication: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sophistication",
            abstract: "Export sophistication: RTV/PRODY per product-period and MET/EXPY per region-period (paper 000 eqs. 12-13).",
            discussion: """
                Example: hetfirm sophistication exports.csv --region province --product hs4 --time year --exports value --gdp-per-capita pgdp
                DATA is a long table, one row per (region, product, time), with the region-period's GDP per capita on \
                every row (the same value on each). Ids are text as written (product codes keep leading zeros); times \
                are ordered by value when they are numbers.
                Exports must be ≥ 0; a region-period whose exports are all 0 is an error; a product exported by no \
                region in a period has no RTV and is left out (it weighs 0 in every MET), or is an error with \
                --unexported-products error.
                --out and --products-out never replace an existing file without --force.
                See docs/estimators/export-sophistication.md.
                """)

        @Argument(help: "A CSV file with a header row (NA or empty = missing).") var data: String
        @Option(help: "The region id column (i).") var region: String
        @Option(help: "The product or industry id column (h).") var product: String
        @Option(help: "The time column (t).") var time: String
        @Option(help: "The exports column (e_iht, ≥ 0).") var exports: String
        @Option(help: "The GDP per capita column (PGDP_it, > 0, constant within each region-period).") var gdpPerCapita: String
        @Option(help: "exclude (default) or error: what to do with a product that no region exports in a period.")
        var unexportedProducts = "exclude"
        @Flag(help: "Print the region-period table and the summary as JSON.") var json = false
        @Option(help: "Write MET per region-period to this CSV file (then only a summary is printed).") var out: String?
        @Option(help: "Write RTV per product-period to this CSV file.") var productsOut: String?
        @Flag(help: "Replace an existing --out or --products-out file (never a folder, a link or the input).") var force = false
        @Option(help: "Field separator of DATA: ',', ';', 'tab' or '|' (default: detected).") var delimiter: String?

        func run() throws {
            var request = DataSophistication.Request(dataPath: data, regionColumn: region, productColumn: product, timeColumn: time,
                                                     exportsColumn: exports, gdpPerCapitaColumn: gdpPerCapita)
            try DataCommandOutcome.run({
                request.unexportedProducts = try DataSophistication.unexportedProducts(named: unexportedProducts)
                request.json = json
                request.outPath = out
                request.productsOutPath = productsOut
                request.force = force
                request.delimiter = delimiter
                return try DataSophistication.run(request)
            }, text: \.text, warnings: \.warnings)
        }
    }
}
