/// Reads CSV files into a `Dataset`.
///
/// Format: RFC 4180 quoting (quoted fields may hold delimiters, doubled quotes and
/// newlines), LF, CRLF or CR line ends, optional trailing newline, a UTF-8 byte-order mark
/// is skipped. The first record is the header and is required; names must be non-empty
/// and unique. Unquoted fields equal to a missing token (default: empty, `NA`) are missing.
///
/// Type inference per column (overridable with `CSVReadOptions.columnTypes`): `int` if
/// every non-missing field is a 64-bit integer, else `double` if every one is a finite
/// decimal number, else `factor` (labels in order of first appearance, texts kept
/// verbatim). Spaces and tabs around numbers are ignored. A column with no non-missing
/// value is `double`. Blank lines are skipped in files with more than one column.
///
/// Errors are `PanelDataError.csv` with the file, the 1-based line (header = line 1), the
/// 1-based column and the column's name.
public enum CSVReader {
    /// Reads the CSV file at `path`.
    ///
    /// - Throws: `io` if the file cannot be read, `csv` if it is malformed, `unknownColumn`
    ///   if `options.columnTypes` names a column the file does not have.
    public static func read(path: String, options: CSVReadOptions = .init()) throws -> Dataset {
        // Parse the file in place when it can be mapped; otherwise (or if it changed size
        // meanwhile) read it into memory.
        if let dataset = try FileBytes.withMapped(path: path, { buffer in
            try parse(buffer, fileName: path, options: options)
        }) {
            return dataset
        }
        let bytes = try FileBytes.read(path: path)
        return try read(bytes: bytes, fileName: path, options: options)
    }

    /// Reads CSV text held in memory; `fileName` is used in error messages.
    ///
    /// - Throws: `csv` if the text is malformed, `unknownColumn` if `options.columnTypes`
    ///   names a column the text does not have.
    public static func read(
        bytes: [UInt8], fileName: String = "<memory>", options: CSVReadOptions = .init()
    ) throws -> Dataset {
        try bytes.withUnsafeBufferPointer { buffer in
            try parse(buffer, fileName: fileName, options: options)
        }
    }

    private static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, fileName: String, options: CSVReadOptions
    ) throws -> Dataset {
        let delimiter = options.delimiter
        guard delimiter != CSVTokenizer.quote, delimiter != CSVTokenizer.lineFeed,
            delimiter != CSVTokenizer.carriageReturn
        else {
            throw PanelDataError.csv(
                file: fileName, row: 1, column: 1, columnName: nil,
                reason: "the delimiter cannot be a quote or a line break")
        }
        var start = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            start = 3
        }
        guard start < bytes.count else {
            throw PanelDataError.csv(
                file: fileName, row: 1, column: 1, columnName: nil, reason: "empty file (a header row is required)")
        }
        var tokenizer = CSVTokenizer(bytes: bytes, delimiter: delimiter, fileName: fileName, position: start, line: 1)
        let names = try readHeader(&tokenizer)
        tokenizer.columnNames = names
        for name in options.columnTypes.keys.sorted() where !names.contains(name) {
            throw PanelDataError.unknownColumn(name: name, suggestion: NameSuggestion.closest(to: name, among: names))
        }
        let source = CSVSource(
            bytes: bytes, delimiter: delimiter, fileName: fileName, columnNames: names,
            dataStart: tokenizer.position, dataStartLine: tokenizer.line,
            missingTokens: options.missingTokens.sorted())
        let chunks = CSVChunks.split(source, threads: options.threads)
        let accumulators = try CSVChunks.read(chunks, overrides: options.columnTypes)
        return try Dataset(columns: accumulators.map { $0.makeColumn() })
    }

    /// Reads every data record of `source` (all of it, or one chunk) into one accumulator
    /// per column.
    ///
    /// The error thrown is the first by line, then by column: a record is tokenized before
    /// any of its fields is parsed, and when fields of several records fail, the earliest
    /// record's wins. So the error does not depend on how the records are batched.
    /// `endLine` is set to the line number just after the last record.
    /// `reserveBytes` is the number of data bytes the columns will eventually hold (this
    /// chunk's, or the whole file's for the first chunk of a parallel read): storage for the
    /// rows they are estimated to hold is reserved after the first batch.
    static func readRecords(
        _ source: CSVSource, overrides: [String: ColumnKind], reserveBytes: Int? = nil, endLine: inout Int
    ) throws -> [CSVColumnAccumulator] {
        let names = source.columnNames
        var accumulators = names.enumerated().map { index, name in
            CSVColumnAccumulator(index: index, name: name, override: overrides[name])
        }
        var tokenizer = source.dataTokenizer()
        let fieldCount = names.count
        let capacity = CSVSource.chunkCapacity
        var starts = [Int](repeating: 0, count: capacity * fieldCount)
        var ends = [Int](repeating: 0, count: capacity * fieldCount)
        var lines = [Int](repeating: 0, count: capacity)
        var reserved = false
        while !tokenizer.isAtEnd {
            // A malformed record ends the batch; the records before it are parsed first.
            var malformed: PanelDataError?
            let count: Int
            do {
                count = try tokenizer.nextChunk(
                    starts: &starts, ends: &ends, lines: &lines, fieldCount: fieldCount, capacity: capacity)
            } catch let error as PanelDataError {
                malformed = error
                count = tokenizer.recordsBeforeError
            }
            var first: PanelDataError?
            starts.withUnsafeBufferPointer { startBuffer in
                ends.withUnsafeBufferPointer { endBuffer in
                    for index in accumulators.indices {
                        do {
                            try accumulators[index].consume(
                                starts: startBuffer, ends: endBuffer, lines: lines,
                                recordCount: count, fieldCount: fieldCount, source: source)
                        } catch let error as PanelDataError {
                            if first.map({ error.isEarlierLocation(than: $0) }) ?? true { first = error }
                        } catch {}
                    }
                }
            }
            if let error = first ?? malformed { throw error }
            guard count > 0 else { break }
            if !reserved {
                reserved = true
                let consumed = tokenizer.position - source.dataStart
                if consumed > 0 && !tokenizer.isAtEnd {
                    let total = reserveBytes ?? (source.bytes.count - source.dataStart)
                    let estimate = Int(Double(total) / Double(consumed) * Double(count) * 1.02) + 64
                    for index in accumulators.indices { accumulators[index].reserve(rows: estimate) }
                }
            }
        }
        endLine = tokenizer.line
        return accumulators
    }

    /// Reads the header record and checks its names.
    private static func readHeader(_ tokenizer: inout CSVTokenizer) throws -> [String] {
        let headerStart = tokenizer.position
        var ignoredStart = 0
        var ignoredEnd = 0
        let fieldCount = try tokenizer.scanRecord(starts: &ignoredStart, ends: &ignoredEnd, capacity: 0)
        tokenizer.position = headerStart
        tokenizer.line = 1
        var starts = [Int](repeating: 0, count: fieldCount)
        var ends = [Int](repeating: 0, count: fieldCount)
        _ = try starts.withUnsafeMutableBufferPointer { startBuffer in
            try ends.withUnsafeMutableBufferPointer { endBuffer in
                guard let startBase = startBuffer.baseAddress, let endBase = endBuffer.baseAddress else { return 0 }
                return try tokenizer.scanRecord(starts: startBase, ends: endBase, capacity: fieldCount)
            }
        }
        let text = CSVSource(
            bytes: tokenizer.bytes, delimiter: tokenizer.delimiter, fileName: tokenizer.fileName,
            columnNames: [], dataStart: 0, dataStartLine: 1, missingTokens: [])
        var names = [String]()
        var firstColumn = [String: Int]()
        for field in 0..<fieldCount {
            let name = text.text(starts[field], ends[field])
            guard !name.isEmpty else {
                throw tokenizer.error(line: 1, field: field, reason: "empty column name in header")
            }
            if let earlier = firstColumn[name] {
                throw tokenizer.error(
                    line: 1, field: field, reason: "duplicate column name '\(name)' (also column \(earlier + 1))")
            }
            firstColumn[name] = field
            names.append(name)
        }
        return names
    }
}
