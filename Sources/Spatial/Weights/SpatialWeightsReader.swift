import Foundation

/// Reads spatial weight matrices from files: GAL, GWT, a dense CSV matrix or a CSV edge list.
///
/// Unit ids are canonicalised by ``SpatialUnitKey`` (so "01", "1" and "1.0" are one unit, matching
/// the data value 1). Every malformed input is a ``SpatialError/weightsFile(file:line:field:problem:)``
/// naming the file, the 1-based line and, where it is one field's fault, the 1-based field. Islands
/// (units without neighbours) are allowed when reading (see ``SpatialWeights/islands``); estimation
/// refuses them later. Sizes are bounded by ``SpatialWeightsLimits``; the work is linear in the file's
/// size (plus a sort of the weights), so no file can make a reader hang.
public enum SpatialWeightsReader {
    /// Reads the file at `path`. Without `format`, `.gal` and `.gwt` files are read as such and any
    /// other file as CSV, an edge list or a dense matrix as ``detectedCSVFormat(bytes:fileName:delimiter:)`` tells.
    /// `delimiter` (CSV only) defaults to a tab for `.tsv` files and a comma otherwise.
    public static func read(path: String, format: SpatialWeightsFormat? = nil, delimiter: UInt8? = nil,
                            limits: SpatialWeightsLimits = .standard, dropDiagonal: Bool = false) throws -> SpatialWeights {
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw SpatialError.weightsFile(file: path, line: 0, field: nil, problem: .unreadable(error.localizedDescription))
        }
        let separator = delimiter ?? (path.lowercased().hasSuffix(".tsv") ? 0x09 : UInt8(ascii: ","))
        return try read(bytes: bytes, fileName: path, format: format ?? SpatialWeightsFormat.fromExtension(of: path),
                        delimiter: separator, limits: limits, dropDiagonal: dropDiagonal)
    }

    /// Reads weights held in memory; `fileName` is used in messages. A nil `format` means CSV, as an
    /// edge list or a dense matrix as ``detectedCSVFormat(bytes:fileName:delimiter:)`` tells.
    /// `dropDiagonal` (for flow matrices, whose diagonal holds flows within a unit) drops a unit's
    /// weight to itself instead of refusing it.
    public static func read(bytes: [UInt8], fileName: String, format: SpatialWeightsFormat?,
                            delimiter: UInt8 = UInt8(ascii: ","),
                            limits: SpatialWeightsLimits = .standard, dropDiagonal: Bool = false) throws -> SpatialWeights {
        switch format {
        case .gal: return try GALWeightsReader.read(bytes: bytes, fileName: fileName, limits: limits, dropDiagonal: dropDiagonal)
        case .gwt: return try GWTWeightsReader.read(bytes: bytes, fileName: fileName, limits: limits, dropDiagonal: dropDiagonal)
        case .edges: return try EdgeListWeightsReader.read(bytes: bytes, fileName: fileName, delimiter: delimiter, limits: limits, dropDiagonal: dropDiagonal)
        case .csv: return try DenseMatrixWeightsReader.read(bytes: bytes, fileName: fileName, delimiter: delimiter, limits: limits, dropDiagonal: dropDiagonal)
        case nil:
            return try detectedCSVFormat(bytes: bytes, fileName: fileName, delimiter: delimiter) == .edges
                ? EdgeListWeightsReader.read(bytes: bytes, fileName: fileName, delimiter: delimiter, limits: limits, dropDiagonal: dropDiagonal)
                : DenseMatrixWeightsReader.read(bytes: bytes, fileName: fileName, delimiter: delimiter, limits: limits, dropDiagonal: dropDiagonal)
        }
    }

    /// `.edges` when the first non-blank record has two or three fields and its first is not empty,
    /// `.csv` (a dense matrix) otherwise: a dense matrix of two units with an id column (`,a,b`) has
    /// an empty corner cell; one of two or three units without an id column needs `format: .csv`.
    public static func detectedCSVFormat(bytes: [UInt8], fileName: String, delimiter: UInt8) throws -> SpatialWeightsFormat {
        var scanner = WeightsTextScanner(bytes: bytes, fileName: fileName, mode: .delimited(delimiter))
        guard let header = try scanner.nextNonBlankRecord() else { return .csv }
        let corner = SpatialUnitKey.trimmed(header.fields[0])
        return (2...3).contains(header.fields.count) && !corner.isEmpty ? .edges : .csv
    }
}
