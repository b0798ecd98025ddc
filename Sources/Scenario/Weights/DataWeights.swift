import Foundation
import PanelData
import Spatial

/// `hetfirm weights BUILDER …`: builds a spatial weight matrix from a user's CSV (coordinates, an
/// adjacency list, a unit attribute, masses or flows), row-standardises it unless asked not to,
/// and writes it (``WeightsOutputFile``) or prints it; `hetfirm weights describe W` summarises one.
public enum DataWeights {
    /// Which W to build, with its own parameters.
    public enum Builder: Sendable {
        /// k nearest neighbours from coordinates.
        case nearestNeighbours(k: Int)
        /// d^−power, with an optional cutoff, from coordinates.
        case inverseDistance(power: Double, cutoff: Double?)
        /// Binary contiguity from a CSV of unit pairs, symmetrised.
        case contiguity
        /// 1/|ḡ_i − ḡ_j| of each unit's mean of `--value` over its rows.
        case economicDistance
        /// M_i^a M_j^b / d^c from a mass column and coordinates.
        case gravity(originExponent: Double, destinationExponent: Double, distanceExponent: Double, cutoff: Double?)
        /// An observed flow matrix (any weight format; its diagonal is dropped), optionally symmetrised.
        case flows(symmetrize: Bool)
    }

    public struct Request: Sendable {
        public var builder: Builder
        /// The input file: coordinates, pairs, data or flows.
        public var inputPath: String
        /// `--id`, `--x`, `--y`, `--value`, `--mass` column names.
        public var idColumn: String?
        public var xColumn: String?
        public var yColumn: String?
        public var valueColumn: String?
        public var massColumn: String?
        /// `--great-circle`: x is longitude and y latitude in degrees, distances in km.
        public var greatCircle = false
        /// `--delimiter` of the input CSV (`,` `;` `tab` `|`); nil detects it.
        public var delimiter: String?
        public var output = WeightsOutputFile.Request()

        public init(builder: Builder, inputPath: String) {
            self.builder = builder
            self.inputPath = inputPath
        }
    }

    /// What the command prints (the summary, or W itself without `--out`) and the warnings (islands).
    public struct Report: Sendable {
        public let text: String
        public let warnings: [String]
        public let weights: SpatialWeights
    }

    /// Builds W, writes or prints it and summarises it.
    public static func build(_ request: Request) throws -> Report {
        let format = try request.output.resolvedFormat()
        let raw = try spatial { try buildRaw(request) }
        let weights = try spatial { request.output.rowStandardize ? try raw.rowStandardizedKeepingIslands() : raw }
        let text = try spatial { try SpatialWeightsWriter.text(weights, format: format) }
        guard let path = request.output.path else {
            return Report(text: text, warnings: islandWarnings(weights), weights: weights)
        }
        try WeightsOutputFile.write(text, request: request.output, path: path, inputs: [request.inputPath])
        let summary = "wrote \(path) (\(format.rawValue)\(request.output.rowStandardize ? ", row-standardised" : ""))\n"
            + describe(weights)
        return Report(text: summary, warnings: islandWarnings(weights), weights: weights)
    }

    /// `hetfirm weights describe`: reads W and summarises it.
    public static func describe(path: String, format: String?, delimiter: String?) throws -> Report {
        let parsedFormat = try format.map(WeightsOutputFile.format(named:))
        let separator = try delimiter.map { try UserDataFile.delimiter($0).byte }
        let weights = try spatial { try SpatialWeightsReader.read(path: path, format: parsedFormat, delimiter: separator) }
        return Report(text: describe(weights), warnings: islandWarnings(weights), weights: weights)
    }

    /// The summary lines of `describe` and of a build.
    static func describe(_ weights: SpatialWeights) -> String {
        let summary = weights.summary
        func number(_ value: Double) -> String { String(format: "%.6g", value) }
        let islands = summary.islands.isEmpty ? "none"
            : "\(summary.islands.count) (\(summary.islands.prefix(10).joined(separator: ", "))\(summary.islands.count > 10 ? ", …" : ""))"
        return """
            units            \(summary.units)
            non-zero weights \(summary.nonzeroWeights)
            neighbours       min \(summary.minimumNeighbours), mean \(number(summary.meanNeighbours)), max \(summary.maximumNeighbours)
            weights          min \(number(summary.minimumWeight)), max \(number(summary.maximumWeight))
            islands          \(islands)
            symmetric        \(summary.isSymmetric ? "yes" : "no")
            row-standardised \(summary.isRowStandardized ? "yes" : "no")
            eigenvalues      \(spectrumLine(weights))

            """
    }

    /// The eigenvalue range and admissible ρ interval of a W small enough for dense eigenvalues.
    static func spectrumLine(_ weights: SpatialWeights) -> String {
        func number(_ value: Double) -> String { String(format: "%.6g", value) }
        guard let spectrum = try? weights.spectrum() else {
            return weights.unitCount > SpatialWeights.maximumUnitsForSpectrum
                ? "not computed (more than \(SpatialWeights.maximumUnitsForSpectrum) units)" : "not computed (the eigenvalue routine failed)"
        }
        let complex = spectrum.largestImaginary > 1e-10 ? ", complex parts up to \(number(spectrum.largestImaginary))" : ""
        return "real parts in [\(number(spectrum.minimumReal)), \(number(spectrum.maximumReal))]\(complex); "
            + "I − ρW non-singular for ρ in (\(number(spectrum.admissibleRho.lower)), \(number(spectrum.admissibleRho.upper)))"
    }

    static func islandWarnings(_ weights: SpatialWeights) -> [String] {
        let islands = weights.islands.map { weights.unitIdentifiers[$0] }
        guard !islands.isEmpty else { return [] }
        return ["\(islands.count) unit(s) have no neighbours (islands: \(islands.prefix(10).joined(separator: ", "))\(islands.count > 10 ? ", …" : "")); "
                + "spatial models refuse W with islands: widen the cutoff, use k nearest neighbours, or drop these units"]
    }

    /// Runs `body`, turning the spatial layer's errors (bad input by nature) into located messages.
    static func spatial<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as SpatialError {
            throw InvalidInput(description: "error: \(error)")
        }
    }
}
