import ArgumentParser
import Foundation
import Scenario

extension Hetfirm {
    /// `hetfirm weights …`: build a spatial weight matrix and write it, or describe one.
    struct Weights: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build spatial weight matrices (W) for spatial models, or describe one.",
            discussion: """
                Examples:
                  hetfirm weights knn cities.csv --id city --x lon --y lat --k 10 --great-circle --out W.gal
                  hetfirm weights distance cities.csv --id city --x lon --y lat --great-circle --power 1 --cutoff 500 --out W.gwt
                  hetfirm weights contiguity borders.csv --out W.gal
                  hetfirm weights economic panel.csv --id province --value gdppc --out W.csv --format csv
                  hetfirm weights gravity cities.csv --id city --x lon --y lat --mass gdp --great-circle --out W.gwt
                  hetfirm weights flows rd_flows.csv --symmetrize --out W.gwt
                  hetfirm weights describe W.gal
                W is row-standardised unless --no-row-standardize. Unit ids match the data's id column by value
                (01, 1 and 1.0 are one unit). Islands (units without neighbours) are written but warned about
                (exit code 3): spatial models refuse them. See docs/estimators/spatial-weights.md.
                """,
            subcommands: [KNN.self, Distance.self, Contiguity.self, Economic.self, Gravity.self, Flows.self, Describe.self])
    }
}

/// Options every builder shares: the input's separator and where and how W is written.
struct WeightsOutputOptions: ParsableArguments {
    @Option(help: "Write W to this file (default: print it). Never replaces an existing file without --force.")
    var out: String?
    @Option(help: "gal, gwt, csv (a dense matrix) or edges (default: from --out's extension: .gal, .gwt; .csv → edges).")
    var format: String?
    @Flag(help: "Keep the raw weights (default: divide each row by its sum).")
    var noRowStandardize = false
    @Flag(help: "Replace an existing --out file (never a folder, a link or the input).")
    var force = false
    @Option(help: "Field separator of the input CSV: ',', ';', 'tab' or '|' (default: detected).")
    var delimiter: String?

    func apply(to request: inout DataWeights.Request) {
        request.output.path = out
        request.output.format = format
        request.output.rowStandardize = !noRowStandardize
        request.output.force = force
        request.delimiter = delimiter
    }

    /// Builds, writes or prints, and exits 0, 2 (bad input), 1 (failure) or 3 (islands).
    func run(_ request: DataWeights.Request) throws {
        var request = request
        apply(to: &request)
        try DataCommandOutcome.run({ try DataWeights.build(request) }, text: \.text, warnings: \.warnings)
    }
}

/// Coordinates shared by knn, distance and gravity.
struct WeightsCoordinateOptions: ParsableArguments {
    @Option(help: "The unit id column.") var id: String
    @Option(help: "The x coordinate (longitude in degrees with --great-circle).") var x: String
    @Option(help: "The y coordinate (latitude in degrees with --great-circle).") var y: String
    @Flag(help: "Great-circle (haversine) distances in km on a sphere of radius 6371 km; default: planar Euclidean.")
    var greatCircle = false

    func apply(to request: inout DataWeights.Request) {
        request.idColumn = id
        request.xColumn = x
        request.yColumn = y
        request.greatCircle = greatCircle
    }
}

extension Hetfirm.Weights {
    struct KNN: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "knn", abstract: "k nearest neighbours from coordinates (ties: the unit listed first wins).")
        @Argument(help: "A CSV with one row per unit.") var coordinates: String
        @OptionGroup var points: WeightsCoordinateOptions
        @Option(help: "Neighbours per unit.") var k: Int
        @OptionGroup var output: WeightsOutputOptions

        func run() throws {
            var request = DataWeights.Request(builder: .nearestNeighbours(k: k), inputPath: coordinates)
            points.apply(to: &request)
            try output.run(request)
        }
    }

    struct Distance: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Inverse distance d^-power from coordinates, 0 beyond --cutoff.")
        @Argument(help: "A CSV with one row per unit.") var coordinates: String
        @OptionGroup var points: WeightsCoordinateOptions
        @Option(help: "The power of the inverse distance.") var power: Double = 1
        @Option(help: "Pairs farther apart than this get weight 0 (km with --great-circle). Default: none (a dense W).")
        var cutoff: Double?
        @OptionGroup var output: WeightsOutputOptions

        func run() throws {
            var request = DataWeights.Request(builder: .inverseDistance(power: power, cutoff: cutoff), inputPath: coordinates)
            points.apply(to: &request)
            try output.run(request)
        }
    }

    struct Contiguity: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Binary contiguity from a CSV of neighbouring pairs (header + from,to rows), symmetrised.")
        @Argument(help: "A CSV of unit pairs; a row 'id,' adds a unit without neighbours.") var pairs: String
        @OptionGroup var output: WeightsOutputOptions

        func run() throws {
            try output.run(DataWeights.Request(builder: .contiguity, inputPath: pairs))
        }
    }

    struct Economic: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Economic distance 1/|mean_i − mean_j| of a unit attribute (e.g. GDP per capita averaged over years).")
        @Argument(help: "A CSV (a panel: the mean is over each unit's rows).") var data: String
        @Option(help: "The unit id column.") var id: String
        @Option(help: "The attribute column.") var value: String
        @OptionGroup var output: WeightsOutputOptions

        func run() throws {
            var request = DataWeights.Request(builder: .economicDistance, inputPath: data)
            request.idColumn = id
            request.valueColumn = value
            try output.run(request)
        }
    }

    struct Gravity: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Gravity weights M_i^a · M_j^b / d_ij^c from masses and coordinates (defaults a = b = 1, c = 2).")
        @Argument(help: "A CSV with one row per unit.") var coordinates: String
        @OptionGroup var points: WeightsCoordinateOptions
        @Option(help: "The mass column (e.g. GDP, R&D personnel).") var mass: String
        @Option(help: "a, the exponent of the origin's mass.") var originExponent: Double = 1
        @Option(help: "b, the exponent of the destination's mass.") var destinationExponent: Double = 1
        @Option(help: "c, the exponent of the distance.") var distanceExponent: Double = 2
        @Option(help: "Pairs farther apart than this get weight 0.") var cutoff: Double?
        @OptionGroup var output: WeightsOutputOptions

        func run() throws {
            var request = DataWeights.Request(
                builder: .gravity(originExponent: originExponent, destinationExponent: destinationExponent,
                                  distanceExponent: distanceExponent, cutoff: cutoff),
                inputPath: coordinates)
            points.apply(to: &request)
            request.massColumn = mass
            try output.run(request)
        }
    }

    struct Flows: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Flow weights w_ij = f_ij from an observed flow matrix (dense CSV, edge list, GWT); the diagonal is dropped.")
        @Argument(help: "The flow matrix.") var flows: String
        @Flag(help: "Use (f_ij + f_ji)/2.") var symmetrize = false
        @OptionGroup var output: WeightsOutputOptions

        func run() throws {
            try output.run(DataWeights.Request(builder: .flows(symmetrize: symmetrize), inputPath: flows))
        }
    }

    struct Describe: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Units, non-zero weights, neighbours (min/mean/max), islands, symmetry and row standardisation of a W file.")
        @Argument(help: "A GAL, GWT, dense CSV or edge-list CSV file.") var weights: String
        @Option(help: "gal, gwt, csv or edges (default: from the extension; a CSV is an edge list when its header has 2 or 3 fields).")
        var format: String?
        @Option(help: "Field separator of a CSV: ',', ';', 'tab' or '|' (default: ',').") var delimiter: String?

        func run() throws {
            try DataCommandOutcome.run({ try DataWeights.describe(path: weights, format: format, delimiter: delimiter) },
                                       text: \.text, warnings: \.warnings)
        }
    }
}
