/// Reads a dense weight matrix in CSV.
///
/// The header row holds the unit ids of the columns. Two layouts are accepted, told apart by the
/// number of rows:
/// - n + 1 header fields and n data rows: the first column holds each row's unit id (its header
///   cell is a label and may be empty, as R's `write.csv` and pandas write it); rows may come in
///   any order, and every row id must be one of the column ids (each once);
/// - n header fields and n data rows, every row n numbers: row i is the unit of column i.
/// Any other shape is a non-square matrix. Cells are finite decimal numbers ≥ 0 (an empty cell is an
/// error); the diagonal must be 0; zeros are not stored.
enum DenseMatrixWeightsReader {
    static func read(bytes: [UInt8], fileName: String, delimiter: UInt8, limits: SpatialWeightsLimits, dropDiagonal: Bool = false) throws -> SpatialWeights {
        var scanner = WeightsTextScanner(bytes: bytes, fileName: fileName, mode: .delimited(delimiter))
        var assembler = WeightsAssembler(fileName: fileName, limits: limits, dropsDiagonal: dropDiagonal)
        guard let header = try scanner.nextNonBlankRecord() else { throw assembler.error(1, nil, .emptyFile) }
        // First pass: count the rows (and check their widths) to tell the layout, keeping nothing, so
        // memory stays that of the stored weights rather than of every cell's text.
        var rowCount = 0
        var lastLine = header.line
        var counter = scanner
        while let record = try counter.nextNonBlankRecord() {
            guard record.fields.count == header.fields.count else {
                throw assembler.error(record.line, nil, .fieldCount(found: record.fields.count, expected: "\(header.fields.count), as in the header"))
            }
            rowCount += 1
            lastLine = record.line
        }
        let hasIdColumn: Bool
        if rowCount == header.fields.count - 1 {
            hasIdColumn = true
        } else if rowCount == header.fields.count {
            hasIdColumn = false
        } else {
            throw assembler.error(lastLine, nil, .nonSquare(rows: rowCount, columns: header.fields.count - (rowCount > header.fields.count ? 0 : 1)))
        }
        let offset = hasIdColumn ? 1 : 0
        for field in offset..<header.fields.count {
            try assembler.declare(header.fields[field], line: header.line, field: field + 1)
        }
        var seenRows = Set<Int>()
        var position = 0
        while let record = try scanner.nextNonBlankRecord() {
            let row: Int
            if hasIdColumn {
                guard let known = assembler.index(of: record.fields[0]) else {
                    throw assembler.error(record.line, 1, .unknownUnit(SpatialUnitKey.canonical(record.fields[0])))
                }
                guard seenRows.insert(known).inserted else {
                    throw assembler.error(record.line, 1, .duplicateUnit(assembler.identifiers[known]))
                }
                row = known
            } else {
                row = position
            }
            position += 1
            for field in offset..<record.fields.count {
                let weight = try assembler.weight(record.fields[field], line: record.line, field: field + 1)
                try assembler.add(row: row, column: field - offset, weight: weight, line: record.line, field: field + 1)
            }
        }
        return try assembler.build(headerLine: header.line)
    }
}
