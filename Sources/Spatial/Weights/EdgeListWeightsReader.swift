/// Reads an edge list in CSV: a header row (any names, e.g. `from,to,weight`), then one row per weight.
///
/// Two columns (`from,to`): every listed pair has weight 1. Three columns: the third is the weight, a
/// finite decimal number ≥ 0 (an empty cell is an error, not 1). The list is directed: `a,b` gives
/// w(a → b) only (the contiguity builder symmetrises; a reader does not). The units are the ids
/// named, in order of first appearance; a row with an empty `to` (`a,` or `a,,`) declares unit `a`
/// without giving it a neighbour, so a W with islands can be written as an edge list. A weight of
/// 0 declares both units and stores nothing. A pair listed twice is an error.
enum EdgeListWeightsReader {
    static func read(bytes: [UInt8], fileName: String, delimiter: UInt8, limits: SpatialWeightsLimits, dropDiagonal: Bool = false) throws -> SpatialWeights {
        var scanner = WeightsTextScanner(bytes: bytes, fileName: fileName, mode: .delimited(delimiter))
        var assembler = WeightsAssembler(fileName: fileName, limits: limits, dropsDiagonal: dropDiagonal)
        guard let header = try scanner.nextNonBlankRecord() else { throw assembler.error(1, nil, .emptyFile) }
        let width = header.fields.count
        guard width == 2 || width == 3 else {
            throw assembler.error(header.line, nil, .badHeader(found: header.fields.joined(separator: ","),
                                                                expected: "an edge list header of two or three names (from,to[,weight])"))
        }
        while let record = try scanner.nextNonBlankRecord() {
            guard record.fields.count == width else {
                throw assembler.error(record.line, nil, .fieldCount(found: record.fields.count, expected: "\(width), as in the header"))
            }
            let row = try assembler.unit(record.fields[0], line: record.line, field: 1)
            if SpatialUnitKey.trimmed(record.fields[1]).isEmpty {
                if width == 3, !SpatialUnitKey.trimmed(record.fields[2]).isEmpty {
                    throw assembler.error(record.line, 2, .emptyIdentifier)
                }
                continue
            }
            let column = try assembler.unit(record.fields[1], line: record.line, field: 2)
            let weight = width == 3 ? try assembler.weight(record.fields[2], line: record.line, field: 3) : 1
            try assembler.add(row: row, column: column, weight: weight, line: record.line, field: width == 3 ? 3 : 2)
        }
        return try assembler.build(headerLine: header.line)
    }
}
