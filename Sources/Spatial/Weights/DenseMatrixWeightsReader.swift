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
        // Rows are kept as text until their count tells the layout (the file bounds their size).
        var rows: [WeightsTextScanner.Record] = []
        while let record = try scanner.nextNonBlankRecord() {
            guard record.fields.count == header.fields.count else {
                throw assembler.error(record.line, nil, .fieldCount(found: record.fields.count, expected: "\(header.fields.count), as in the header"))
            }
            rows.append(record)
        }
        let hasIdColumn: Bool
        if rows.count == header.fields.count - 1 {
            hasIdColumn = true
        } else if rows.count == header.fields.count {
            hasIdColumn = false
        } else {
            let line = rows.last?.line ?? header.line
            throw assembler.error(line, nil, .nonSquare(rows: rows.count, columns: header.fields.count - (rows.count > header.fields.count ? 0 : 1)))
        }
        let offset = hasIdColumn ? 1 : 0
        for field in offset..<header.fields.count {
            try assembler.declare(header.fields[field], line: header.line, field: field + 1)
        }
        var seenRows = Set<Int>()
        for (position, record) in rows.enumerated() {
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
            for field in offset..<record.fields.count {
                let weight = try assembler.weight(record.fields[field], line: record.line, field: field + 1)
                try assembler.add(row: row, column: field - offset, weight: weight, line: record.line, field: field + 1)
            }
        }
        return try assembler.build(headerLine: header.line)
    }
}
