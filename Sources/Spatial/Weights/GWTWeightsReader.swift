/// Reads PySAL/GeoDa GWT files: a header, then one `from to weight` line per weight.
///
/// Line 1: `0 n` followed by optional shapefile and key-variable names (what PySAL and GeoDa write),
/// or just `n`. The units are the ids the lines name, in order of first appearance (from before
/// to); there must be exactly n of them. GWT cannot name a unit without neighbours, so a W with
/// islands must come as GAL, an edge list or a dense matrix.
enum GWTWeightsReader {
    static func read(bytes: [UInt8], fileName: String, limits: SpatialWeightsLimits, dropDiagonal: Bool = false) throws -> SpatialWeights {
        var scanner = WeightsTextScanner(bytes: bytes, fileName: fileName, mode: .whitespace)
        var assembler = WeightsAssembler(fileName: fileName, limits: limits, dropsDiagonal: dropDiagonal)
        guard let header = try scanner.nextNonBlankRecord() else {
            throw assembler.error(1, nil, .emptyFile)
        }
        let declared = try unitCount(header, assembler: assembler, format: "GWT")
        while let record = try scanner.nextNonBlankRecord() {
            guard record.fields.count == 3 else {
                throw assembler.error(record.line, nil, .fieldCount(found: record.fields.count, expected: "3 (from, to, weight)"))
            }
            let row = try assembler.unit(record.fields[0], line: record.line, field: 1)
            let column = try assembler.unit(record.fields[1], line: record.line, field: 2)
            guard assembler.unitCount <= declared else {
                throw assembler.error(record.line, assembler.unitCount == row + 1 ? 1 : 2,
                                      .countMismatch(what: "units", declared: declared, found: assembler.unitCount))
            }
            let weight = try assembler.weight(record.fields[2], line: record.line, field: 3)
            try assembler.add(row: row, column: column, weight: weight, line: record.line, field: 3)
        }
        guard assembler.unitCount == declared else {
            throw assembler.error(header.line, nil, .countMismatch(what: "units", declared: declared, found: assembler.unitCount))
        }
        return try assembler.build(headerLine: header.line)
    }

    /// The n of a GAL or GWT header: `n`, or `0 n [shapefile [key]]`.
    static func unitCount(_ header: WeightsTextScanner.Record, assembler: WeightsAssembler, format: String) throws -> Int {
        let expected = "'n' or '0 n [shapefile key]' (the number of units)"
        let fields = header.fields
        let text: String
        if fields.count == 1 {
            text = fields[0]
        } else if fields.count <= 4, fields[0] == "0" {
            text = fields[1]
        } else {
            throw assembler.error(header.line, nil, .badHeader(found: fields.joined(separator: " "), expected: "\(format) header \(expected)"))
        }
        guard let count = WeightsAssembler.count(text) else {
            throw assembler.error(header.line, fields.count == 1 ? 1 : 2, .badHeader(found: text, expected: "\(format) header \(expected)"))
        }
        guard count <= assembler.limits.maximumUnits else {
            throw assembler.error(header.line, fields.count == 1 ? 1 : 2, .tooManyUnits(count: count, limit: assembler.limits.maximumUnits))
        }
        return count
    }
}
