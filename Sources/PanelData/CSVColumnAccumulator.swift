/// Builds one column while a CSV file is read, inferring its type on the way.
///
/// Inference starts at `int`; the first non-missing field that does not parse moves the
/// column to `double` (if it parses as one) or to `factor`. On such a move the fields
/// already read are parsed again from the file bytes, so every value comes from its own
/// text (`-0` stays `-0.0`, `007` stays the label `007`). A column with an override type
/// never moves; a field that does not parse is an error.
struct CSVColumnAccumulator {
    let index: Int
    let name: String
    private(set) var kind: ColumnKind
    let isFixed: Bool
    private var ints: [Int] = []
    private var doubles: [Double] = []
    private var codes: [Int32] = []
    private var labels: [String] = []
    private var lookup: [String: Int32] = [:]
    /// The missing mask, kept only once a missing value was seen (`sawMissing`); then it
    /// has `rows` entries.
    private var missing: [Bool] = []
    private var rows = 0
    private var sawMissing = false
    private var sawValue = false
    /// Rows expected in the column (an estimate from the file size), for reserving storage.
    private var expectedRows = 0

    init(index: Int, name: String, override: ColumnKind?) {
        self.index = index
        self.name = name
        self.kind = override ?? .int
        self.isFixed = override != nil
    }

    /// Number of rows read so far.
    var rowCount: Int { rows }

    /// Records a non-missing row in the mask (when the mask is kept).
    @inline(__always)
    private mutating func appendPresent() {
        if sawMissing { missing.append(false) }
        rows += 1
    }

    /// Reserves storage for about `rows` rows in total, so that appending does not reallocate.
    mutating func reserve(rows: Int) {
        expectedRows = max(expectedRows, rows)
        switch kind {
        case .int: ints.reserveCapacity(rows)
        case .double: doubles.reserveCapacity(rows)
        case .factor: codes.reserveCapacity(rows)
        }
    }

    /// Reads field `index` of each record of a chunk.
    mutating func consume(
        starts: UnsafeBufferPointer<Int>, ends: UnsafeBufferPointer<Int>, lines: [Int],
        recordCount: Int, fieldCount: Int, source: CSVSource
    ) throws {
        var record = 0
        while record < recordCount {
            if kind == .double || kind == .int {
                record = consumeNumbers(
                    from: record, starts: starts, ends: ends, recordCount: recordCount, fieldCount: fieldCount,
                    source: source)
                guard record < recordCount else { break }
            }
            defer { record += 1 }
            let offset = record * fieldCount
            let start = starts[offset + index]
            let end = ends[offset + index]
            if !source.isQuoted(start, end) && source.isMissingToken(start, end) {
                appendMissing()
                continue
            }
            try append(start, end, recordStart: starts[offset], recordLine: lines[record], source: source)
        }
    }

    /// The fast path of `consume` for `int` and `double` columns: parses the fields of
    /// records `from...` into a scratch buffer while they are unquoted, not possibly missing
    /// tokens, and parse as `kind`, appends them, and returns the first record left for the
    /// general path (which handles it exactly as if this path did not exist).
    private mutating func consumeNumbers(
        from first: Int, starts: UnsafeBufferPointer<Int>, ends: UnsafeBufferPointer<Int>,
        recordCount: Int, fieldCount: Int, source: CSVSource
    ) -> Int {
        let bytes = source.bytes
        let shortest = max(source.longestMissingToken + 1, 1)
        let quote = CSVTokenizer.quote
        let column = index
        let record: Int
        if kind == .double {
            record = Self.parseRun(from: first, recordCount: recordCount, into: &doubles) { record in
                let start = starts[record * fieldCount + column], end = ends[record * fieldCount + column]
                guard end - start >= shortest, bytes[start] != quote else { return nil }
                return ByteNumberParser.double(bytes, start, end)
            }
        } else {
            record = Self.parseRun(from: first, recordCount: recordCount, into: &ints) { record in
                let start = starts[record * fieldCount + column], end = ends[record * fieldCount + column]
                guard end - start >= shortest, bytes[start] != quote else { return nil }
                return ByteNumberParser.int(bytes, start, end)
            }
        }
        if record > first {
            if sawMissing { missing.append(contentsOf: repeatElement(false, count: record - first)) }
            rows += record - first
            sawValue = true
        }
        return record
    }

    /// Parses records `first...` with `parse` into a scratch buffer until it returns nil, appends the values
    /// to `storage` in one go, and returns the first record not parsed.
    @inline(__always)
    private static func parseRun<Value>(from first: Int, recordCount: Int, into storage: inout [Value],
                                        _ parse: (Int) -> Value?) -> Int {
        withUnsafeTemporaryAllocation(of: Value.self, capacity: recordCount - first) { buffer in
            var record = first, count = 0
            while record < recordCount, let value = parse(record) {
                buffer.initializeElement(at: count, to: value)
                count += 1
                record += 1
            }
            storage.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[0..<count]))
            return record
        }
    }

    /// The finished column. A column with no non-missing value (and no override) is
    /// `double`, all missing.
    func makeColumn() -> Column {
        let mask = sawMissing ? missing : nil
        switch kind {
        case .int where !isFixed && !sawValue:
            return Column(name: name, storage: .double([Double](repeating: .nan, count: rows)), missing: mask)
        case .int:
            return Column(name: name, storage: .int(ints), missing: mask)
        case .double:
            return Column(name: name, storage: .double(doubles), missing: mask)
        case .factor:
            return Column(name: name, storage: .factor(codes: codes, labels: labels), missing: mask)
        }
    }

    private mutating func appendMissing() {
        if !sawMissing {
            missing.reserveCapacity(max(rows + 1, expectedRows))
            missing.append(contentsOf: repeatElement(false, count: rows))
            sawMissing = true
        }
        missing.append(true)
        rows += 1
        switch kind {
        case .int: ints.append(0)
        case .double: doubles.append(.nan)
        case .factor: codes.append(-1)
        }
    }

    /// Appends a non-missing field, changing the column's kind if needed.
    private mutating func append(
        _ start: Int, _ end: Int, recordStart: Int, recordLine: Int, source: CSVSource
    ) throws {
        func line() -> Int {
            source.line(ofFieldAt: start, recordStart: recordStart, recordLine: recordLine)
        }
        let quoted = source.isQuoted(start, end)
        let contentStart = quoted ? start + 1 : start
        let contentEnd = quoted ? end - 1 : end
        let bytes = source.bytes
        if kind == .int {
            if let value = ByteNumberParser.int(bytes, contentStart, contentEnd) {
                ints.append(value)
                appendPresent()
                sawValue = true
                return
            }
            guard !isFixed else { throw parseError(start, end, source: source, line: line()) }
            let parsesAsDouble = ByteNumberParser.double(bytes, contentStart, contentEnd) != nil
            try convert(to: parsesAsDouble ? .double : .factor, sources: [source])
        }
        if kind == .double {
            if let value = ByteNumberParser.double(bytes, contentStart, contentEnd) {
                doubles.append(value)
                appendPresent()
                sawValue = true
                return
            }
            guard !isFixed else { throw parseError(start, end, source: source, line: line()) }
            try convert(to: .factor, sources: [source])
        }
        appendLabel(source.text(start, end))
        appendPresent()
        sawValue = true
    }

    private mutating func appendLabel(_ label: String) {
        if let code = lookup[label] {
            codes.append(code)
        } else {
            let code = Int32(truncatingIfNeeded: labels.count)
            lookup[label] = code
            labels.append(label)
            codes.append(code)
        }
    }

    /// Re-reads the rows read so far as `newKind` (which every earlier field parses as),
    /// from `sources` in order (one source, or the chunks of a parallel read).
    mutating func convert(to newKind: ColumnKind, sources: [CSVSource]) throws {
        let rows = rowCount
        kind = newKind
        ints = []
        doubles = []
        if newKind == .double { doubles.reserveCapacity(max(rows, expectedRows)) }
        if newKind == .factor { codes.reserveCapacity(max(rows, expectedRows)) }
        var row = 0
        for source in sources where row < rows {
            let fieldCount = source.columnNames.count
            let capacity = CSVSource.chunkCapacity
            var tokenizer = source.dataTokenizer()
            var starts = [Int](repeating: 0, count: capacity * fieldCount)
            var ends = [Int](repeating: 0, count: capacity * fieldCount)
            var lines = [Int](repeating: 0, count: capacity)
            while row < rows {
                let count = try tokenizer.nextChunk(
                    starts: &starts, ends: &ends, lines: &lines, fieldCount: fieldCount, capacity: capacity)
                guard count > 0 else { break }
                for record in 0..<min(count, rows - row) {
                    let start = starts[record * fieldCount + index]
                    let end = ends[record * fieldCount + index]
                    let isMissing = sawMissing && missing[row + record]
                    if newKind == .double {
                        let quoted = source.isQuoted(start, end)
                        let value = isMissing
                            ? nil
                            : ByteNumberParser.double(source.bytes, quoted ? start + 1 : start, quoted ? end - 1 : end)
                        doubles.append(value ?? .nan)
                    } else if isMissing {
                        codes.append(-1)
                    } else {
                        appendLabel(source.text(start, end))
                    }
                }
                row += min(count, rows - row)
            }
        }
    }

    /// Appends the rows of `later` (read from chunk `laterSource`) to `earlier` (read from
    /// `sources`), first bringing both to the higher of their kinds, as a serial read would.
    static func join(
        _ earlier: inout CSVColumnAccumulator, _ later: inout CSVColumnAccumulator,
        sources: ArraySlice<CSVSource>, later laterSource: CSVSource
    ) throws {
        func rank(_ kind: ColumnKind) -> Int { kind == .int ? 0 : kind == .double ? 1 : 2 }
        let target = rank(earlier.kind) >= rank(later.kind) ? earlier.kind : later.kind
        if earlier.kind != target { try earlier.convert(to: target, sources: Array(sources)) }
        if later.kind != target { try later.convert(to: target, sources: [laterSource]) }
        switch target {
        case .int:
            earlier.ints.reserveCapacity(earlier.ints.count + later.ints.count)
            earlier.ints.append(contentsOf: later.ints)
        case .double:
            earlier.doubles.reserveCapacity(earlier.doubles.count + later.doubles.count)
            earlier.doubles.append(contentsOf: later.doubles)
        case .factor:
            var recode = [Int32]()
            recode.reserveCapacity(later.labels.count)
            for label in later.labels {
                if let code = earlier.lookup[label] {
                    recode.append(code)
                } else {
                    let code = Int32(truncatingIfNeeded: earlier.labels.count)
                    earlier.lookup[label] = code
                    earlier.labels.append(label)
                    recode.append(code)
                }
            }
            earlier.codes.append(contentsOf: later.codes.lazy.map { $0 < 0 ? $0 : recode[Int($0)] })
        }
        if earlier.sawMissing || later.sawMissing {
            earlier.missing.reserveCapacity(earlier.rows + later.rows)
            if !earlier.sawMissing { earlier.missing.append(contentsOf: repeatElement(false, count: earlier.rows)) }
            if later.sawMissing {
                earlier.missing.append(contentsOf: later.missing)
            } else {
                earlier.missing.append(contentsOf: repeatElement(false, count: later.rows))
            }
        }
        earlier.rows += later.rows
        earlier.sawMissing = earlier.sawMissing || later.sawMissing
        earlier.sawValue = earlier.sawValue || later.sawValue
    }

    private func parseError(_ start: Int, _ end: Int, source: CSVSource, line: Int) -> PanelDataError {
        var text = source.text(start, end)
        if text.count > 40 { text = String(text.prefix(40)) + "…" }
        return .csv(
            file: source.fileName, row: line, column: index + 1, columnName: name,
            reason: "cannot read \"\(text)\" as \(kind)")
    }
}
