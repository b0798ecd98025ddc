/// Reads PySAL/GeoDa GAL files (binary contiguity: every listed neighbour has weight 1).
///
/// Line 1: `n`, or `0 n` followed by optional shapefile and key-variable names (GeoDa's form).
/// Then for each of the n units a line `id count` and, when count > 0, the next line with exactly
/// `count` neighbour ids separated by spaces or tabs. A unit with count 0 (an island) may be
/// followed by an empty line, as PySAL writes it. Blank lines between units are ignored; neighbour
/// ids must be units of the file (they may be declared later in it).
enum GALWeightsReader {
    static func read(bytes: [UInt8], fileName: String, limits: SpatialWeightsLimits, dropDiagonal: Bool = false) throws -> SpatialWeights {
        var scanner = WeightsTextScanner(bytes: bytes, fileName: fileName, mode: .whitespace)
        var assembler = WeightsAssembler(fileName: fileName, limits: limits, dropsDiagonal: dropDiagonal)
        guard let header = try scanner.nextNonBlankRecord() else {
            throw assembler.error(1, nil, .emptyFile)
        }
        let declared = try GWTWeightsReader.unitCount(header, assembler: assembler, format: "GAL")
        // Neighbour lists wait until every unit is declared: (row, neighbour ids with their places).
        var lists: [(row: Int, line: Int, ids: [String])] = []
        while let record = try scanner.nextRecord() {
            if record.isBlank {
                continue
            }
            guard record.fields.count == 2 else {
                throw assembler.error(record.line, nil, .fieldCount(found: record.fields.count, expected: "2 (a unit id and its neighbour count)"))
            }
            guard assembler.unitCount < declared else {
                throw assembler.error(record.line, 1, .countMismatch(what: "units", declared: declared, found: assembler.unitCount + 1))
            }
            let row = try assembler.declare(record.fields[0], line: record.line, field: 1)
            guard let count = WeightsAssembler.count(record.fields[1]) else {
                throw assembler.error(record.line, 2, .badNumber(record.fields[1]))
            }
            if count == 0 {
                continue
            }
            guard count < limits.maximumUnits else {
                throw assembler.error(record.line, 2, .tooManyUnits(count: count, limit: limits.maximumUnits))
            }
            guard let neighbours = try scanner.nextRecord() else {
                throw assembler.error(record.line + 1, nil,
                                      .countMismatch(what: "neighbours of \(assembler.identifiers[row])", declared: count, found: 0))
            }
            guard neighbours.fields.count == count else {
                throw assembler.error(neighbours.line, nil,
                                      .countMismatch(what: "neighbours of \(assembler.identifiers[row])", declared: count, found: neighbours.fields.count))
            }
            lists.append((row, neighbours.line, neighbours.fields))
        }
        guard assembler.unitCount == declared else {
            throw assembler.error(header.line, nil, .countMismatch(what: "units", declared: declared, found: assembler.unitCount))
        }
        for list in lists {
            for (offset, id) in list.ids.enumerated() {
                guard let column = assembler.index(of: id) else {
                    throw assembler.error(list.line, offset + 1, .unknownUnit(SpatialUnitKey.canonical(id)))
                }
                try assembler.add(row: list.row, column: column, weight: 1, line: list.line, field: offset + 1)
            }
        }
        return try assembler.build(headerLine: header.line)
    }
}
