/// Splits CSV bytes into records and fields in one pass (RFC 4180).
///
/// A field is recorded as the byte range `start..<end` it occupies in the file; a quoted
/// field's range includes its quotes (so `bytes[start] == "` tells it was quoted). Records
/// end at LF, CRLF or a lone CR. Line numbers are 1-based and count the physical lines
/// of the file, including newlines inside quoted fields.
struct CSVTokenizer {
    static let quote = UInt8(ascii: "\"")
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")

    let bytes: UnsafeBufferPointer<UInt8>
    let delimiter: UInt8
    let fileName: String
    /// Header names for error messages (empty while reading the header).
    var columnNames: [String] = []
    /// Offset of the next unread byte.
    var position: Int
    /// Line number of the next unread byte.
    var line: Int
    /// When `nextChunk` throws: the number of complete records it stored before the bad one.
    private(set) var recordsBeforeError = 0

    var isAtEnd: Bool { position >= bytes.count }

    /// Scans one record from `position`, storing the ranges of at most `capacity` fields
    /// in `starts`/`ends`, and returns the number of fields in the record.
    ///
    /// - Throws: `csv` for an unterminated quote or text after a closing quote.
    mutating func scanRecord(
        starts: UnsafeMutablePointer<Int>, ends: UnsafeMutablePointer<Int>, capacity: Int
    ) throws -> Int {
        let end = bytes.count
        var cursor = position
        var field = 0
        while true {
            let fieldStart = cursor
            if cursor < end && bytes[cursor] == CSVTokenizer.quote {
                let fieldLine = line
                cursor += 1
                var closed = false
                while cursor < end {
                    let byte = bytes[cursor]
                    if byte == CSVTokenizer.quote {
                        if cursor + 1 < end && bytes[cursor + 1] == CSVTokenizer.quote {
                            cursor += 2
                            continue
                        }
                        cursor += 1
                        closed = true
                        break
                    }
                    if byte == CSVTokenizer.lineFeed
                        || (byte == CSVTokenizer.carriageReturn
                            && !(cursor + 1 < end && bytes[cursor + 1] == CSVTokenizer.lineFeed))
                    {
                        line += 1
                    }
                    cursor += 1
                }
                guard closed else {
                    throw error(
                        line: fieldLine, field: field, reason: "unterminated quoted field \(excerpt(from: fieldStart))")
                }
                if cursor < end {
                    let byte = bytes[cursor]
                    if byte != delimiter && byte != CSVTokenizer.lineFeed && byte != CSVTokenizer.carriageReturn {
                        throw error(
                            line: line, field: field,
                            reason: "unexpected character after closing quote in \(excerpt(from: fieldStart))")
                    }
                }
            } else {
                cursor = scanUnquoted(from: cursor, to: end)
                while cursor < end {
                    let byte = bytes[cursor]
                    if byte == delimiter || byte == CSVTokenizer.lineFeed || byte == CSVTokenizer.carriageReturn {
                        break
                    }
                    cursor += 1
                }
            }
            if field < capacity {
                starts[field] = fieldStart
                ends[field] = cursor
            }
            field += 1
            if cursor < end && bytes[cursor] == delimiter {
                cursor += 1
                continue
            }
            if cursor < end {
                if bytes[cursor] == CSVTokenizer.carriageReturn {
                    cursor += 1
                    if cursor < end && bytes[cursor] == CSVTokenizer.lineFeed { cursor += 1 }
                } else {
                    cursor += 1
                }
                line += 1
            }
            position = cursor
            return field
        }
    }

    /// The offset of the first delimiter, LF or CR at or after `start`, or a position at
    /// most 7 bytes before `end` from which the caller's byte loop goes on. Eight bytes at a
    /// time: a byte equal to the target gives a zero byte in `word ^ pattern`, and the lowest
    /// flagged byte of the zero-byte test is exact (borrows only flag bytes above a zero).
    @inline(__always)
    private func scanUnquoted(from start: Int, to end: Int) -> Int {
        guard let base = bytes.baseAddress else { return start }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let delimiters = UInt64(delimiter) &* ones
        let lineFeeds = UInt64(CSVTokenizer.lineFeed) &* ones
        let returns = UInt64(CSVTokenizer.carriageReturn) &* ones
        var cursor = start
        while end - cursor >= 8 {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + cursor).loadUnaligned(as: UInt64.self))
            let a = word ^ delimiters
            let b = word ^ lineFeeds
            let c = word ^ returns
            let found = ((a &- ones) & ~a | (b &- ones) & ~b | (c &- ones) & ~c) & highs
            if found != 0 { return cursor + found.trailingZeroBitCount >> 3 }
            cursor += 8
        }
        return cursor
    }

    /// Tokenizes up to `capacity` data records of exactly `fieldCount` fields into the
    /// flat arrays (`fieldCount` entries per record) and records each record's first line.
    /// Blank lines are skipped when `fieldCount > 1` (a blank line in a one-column file is
    /// a record with one empty field). Returns the number of records read.
    ///
    /// - Throws: `csv` for malformed quoting or a record with the wrong number of fields.
    mutating func nextChunk(
        starts: inout [Int], ends: inout [Int], lines: inout [Int], fieldCount: Int, capacity: Int
    ) throws -> Int {
        var records = 0
        try starts.withUnsafeMutableBufferPointer { startBuffer in
            try ends.withUnsafeMutableBufferPointer { endBuffer in
                guard let startBase = startBuffer.baseAddress, let endBase = endBuffer.baseAddress else { return }
                while records < capacity && position < bytes.count {
                    let first = bytes[position]
                    if fieldCount > 1 && (first == CSVTokenizer.lineFeed || first == CSVTokenizer.carriageReturn) {
                        position += 1
                        if first == CSVTokenizer.carriageReturn && position < bytes.count
                            && bytes[position] == CSVTokenizer.lineFeed
                        {
                            position += 1
                        }
                        line += 1
                        continue
                    }
                    let recordLine = line
                    let recordStart = position
                    let offset = records * fieldCount
                    recordsBeforeError = records
                    let found = try scanRecord(
                        starts: startBase + offset, ends: endBase + offset, capacity: fieldCount)
                    guard found == fieldCount else {
                        let column = found > fieldCount ? fieldCount + 1 : found + 1
                        throw error(
                            line: recordLine, field: column - 1,
                            reason: "expected \(fieldCount) fields, found \(found) in \(excerpt(from: recordStart))")
                    }
                    lines[records] = recordLine
                    records += 1
                }
            }
        }
        return records
    }

    /// The text from `start` to the end of its line, quoted with `'`, cut to 40 characters
    /// (marked `…`), for messages.
    func excerpt(from start: Int) -> String {
        var end = max(start, 0)
        let limit = min(bytes.count, end + 200)
        while end < limit && bytes[end] != CSVTokenizer.lineFeed && bytes[end] != CSVTokenizer.carriageReturn { end += 1 }
        let cut = end < bytes.count && end == limit
        var text = String(decoding: UnsafeBufferPointer(rebasing: bytes[min(max(start, 0), end)..<end]), as: UTF8.self)
        if text.count > 40 { text = String(text.prefix(40)) + "…" } else if cut { text += "…" }
        return "'\(text)'"
    }

    /// A located CSV error; `field` is 0-based.
    func error(line: Int, field: Int, reason: String) -> PanelDataError {
        let name = field >= 0 && field < columnNames.count ? columnNames[field] : nil
        return .csv(file: fileName, row: line, column: field + 1, columnName: name, reason: reason)
    }
}
