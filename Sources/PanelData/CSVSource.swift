/// The parts of a CSV file that column accumulators need: the bytes, where the data
/// rows start, and how to recognise missing values and read field texts.
struct CSVSource {
    let bytes: UnsafeBufferPointer<UInt8>
    let delimiter: UInt8
    let fileName: String
    let columnNames: [String]
    /// Offset and line number of the first data record (just after the header).
    let dataStart: Int
    let dataStartLine: Int
    /// The missing tokens, sorted.
    let missingTokens: [String]
    /// Missing tokens, concatenated, with the range of each.
    let missingTokenBytes: [UInt8]
    let missingTokenRanges: [Range<Int>]
    /// Length of the longest missing token (longer fields are never missing).
    let longestMissingToken: Int
    /// Records per tokenizer chunk.
    static let chunkCapacity = 8192

    init(
        bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8, fileName: String, columnNames: [String],
        dataStart: Int, dataStartLine: Int, missingTokens: [String]
    ) {
        self.bytes = bytes
        self.delimiter = delimiter
        self.fileName = fileName
        self.columnNames = columnNames
        self.dataStart = dataStart
        self.dataStartLine = dataStartLine
        self.missingTokens = missingTokens
        var tokenBytes = [UInt8]()
        var ranges = [Range<Int>]()
        for token in missingTokens {
            let start = tokenBytes.count
            tokenBytes.append(contentsOf: token.utf8)
            ranges.append(start..<tokenBytes.count)
        }
        missingTokenBytes = tokenBytes
        missingTokenRanges = ranges
        longestMissingToken = ranges.map(\.count).max() ?? -1
    }

    /// Whether the field `start..<end` (unquoted) is a missing token.
    @inline(__always)
    func isMissingToken(_ start: Int, _ end: Int) -> Bool {
        let length = end - start
        guard length <= longestMissingToken else { return false }
        for range in missingTokenRanges where range.count == length {
            var equal = true
            for offset in 0..<length where bytes[start + offset] != missingTokenBytes[range.lowerBound + offset] {
                equal = false
                break
            }
            if equal { return true }
        }
        return false
    }

    /// Whether the field starting at `start` is quoted.
    @inline(__always)
    func isQuoted(_ start: Int, _ end: Int) -> Bool {
        start < end && bytes[start] == CSVTokenizer.quote
    }

    /// The text of a field: quotes removed and doubled quotes undone for quoted fields.
    func text(_ start: Int, _ end: Int) -> String {
        guard isQuoted(start, end), end - start >= 2 else {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        var unescaped = [UInt8]()
        unescaped.reserveCapacity(end - start - 2)
        var position = start + 1
        while position < end - 1 {
            let byte = bytes[position]
            unescaped.append(byte)
            position += byte == CSVTokenizer.quote ? 2 : 1
        }
        return String(decoding: unescaped, as: UTF8.self)
    }

    /// The 1-based line on which the field at `fieldStart` begins, given its record's
    /// first byte and line.
    func line(ofFieldAt fieldStart: Int, recordStart: Int, recordLine: Int) -> Int {
        var line = recordLine
        var position = recordStart
        while position < fieldStart {
            let byte = bytes[position]
            if byte == CSVTokenizer.lineFeed
                || (byte == CSVTokenizer.carriageReturn
                    && !(position + 1 < bytes.count && bytes[position + 1] == CSVTokenizer.lineFeed))
            {
                line += 1
            }
            position += 1
        }
        return line
    }

    /// A fresh tokenizer positioned at the first data record.
    func dataTokenizer() -> CSVTokenizer {
        CSVTokenizer(
            bytes: bytes, delimiter: delimiter, fileName: fileName, columnNames: columnNames,
            position: dataStart, line: dataStartLine)
    }
}
