/// Splits a weight file into lines of fields, with 1-based line numbers for messages.
///
/// Two modes: `delimited` follows the project's CSV conventions (RFC 4180 quotes: a quoted field
/// may hold the delimiter, doubled quotes and line breaks; LF, CRLF or lone CR line ends; a UTF-8
/// byte-order mark is skipped; fields are not trimmed here, ids are trimmed by ``SpatialUnitKey``);
/// `whitespace` splits GAL and GWT lines at runs of spaces and tabs (no quoting). The scanner reads
/// each byte once, so its work is linear in the file's size whatever the file holds.
struct WeightsTextScanner {
    enum Mode { case delimited(UInt8), whitespace }

    /// One line (a record) of the file: its 1-based line number and fields.
    struct Record {
        let line: Int
        let fields: [String]
        var isBlank: Bool { fields.allSatisfy { $0.isEmpty } }
    }

    let bytes: [UInt8]
    let fileName: String
    let mode: Mode
    private var position: Int
    private var line = 1

    init(bytes: [UInt8], fileName: String, mode: Mode) {
        self.bytes = bytes
        self.fileName = fileName
        self.mode = mode
        position = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    var isAtEnd: Bool { position >= bytes.count }

    /// The next record, blank lines included (a blank line has one empty field in delimited mode
    /// and no field in whitespace mode); nil at the end of the file.
    mutating func nextRecord() throws -> Record? {
        guard position < bytes.count else { return nil }
        switch mode {
        case .delimited(let delimiter): return try nextDelimited(delimiter)
        case .whitespace: return nextWhitespace()
        }
    }

    /// The next record that is not blank.
    mutating func nextNonBlankRecord() throws -> Record? {
        while let record = try nextRecord() {
            if !record.isBlank { return record }
        }
        return nil
    }

    /// Consumes a line end at `position` (LF, CRLF or CR) and counts the line; false if none.
    private mutating func consumeLineEnd() -> Bool {
        guard position < bytes.count else { return false }
        if bytes[position] == 0x0A {
            position += 1
        } else if bytes[position] == 0x0D {
            position += 1
            if position < bytes.count && bytes[position] == 0x0A { position += 1 }
        } else {
            return false
        }
        line += 1
        return true
    }

    private mutating func nextWhitespace() -> Record {
        let recordLine = line
        var fields: [String] = []
        var start = -1
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x0A || byte == 0x0D { break }
            if byte == 0x20 || byte == 0x09 {
                if start >= 0 { fields.append(String(decoding: bytes[start..<position], as: UTF8.self)); start = -1 }
            } else if start < 0 {
                start = position
            }
            position += 1
        }
        if start >= 0 { fields.append(String(decoding: bytes[start..<position], as: UTF8.self)) }
        _ = consumeLineEnd()
        return Record(line: recordLine, fields: fields)
    }

    private mutating func nextDelimited(_ delimiter: UInt8) throws -> Record {
        let recordLine = line
        var fields: [String] = []
        while true {
            if position < bytes.count && bytes[position] == 0x22 {
                let fieldLine = line
                var text: [UInt8] = []
                position += 1
                var closed = false
                while position < bytes.count {
                    let byte = bytes[position]
                    if byte == 0x22 {
                        if position + 1 < bytes.count && bytes[position + 1] == 0x22 {
                            text.append(0x22)
                            position += 2
                            continue
                        }
                        position += 1
                        closed = true
                        break
                    }
                    if byte == 0x0A || byte == 0x0D {
                        text.append(byte)
                        if byte == 0x0D && position + 1 < bytes.count && bytes[position + 1] == 0x0A {
                            text.append(0x0A)
                            position += 1
                        }
                        position += 1
                        line += 1
                        continue
                    }
                    text.append(byte)
                    position += 1
                }
                guard closed else {
                    throw SpatialError.weightsFile(file: fileName, line: fieldLine, field: fields.count + 1, problem: .unterminatedQuote)
                }
                fields.append(String(decoding: text, as: UTF8.self))
                if position < bytes.count, bytes[position] != delimiter, bytes[position] != 0x0A, bytes[position] != 0x0D {
                    throw SpatialError.weightsFile(file: fileName, line: line, field: fields.count, problem: .textAfterQuote)
                }
            } else {
                let start = position
                while position < bytes.count {
                    let byte = bytes[position]
                    if byte == delimiter || byte == 0x0A || byte == 0x0D { break }
                    position += 1
                }
                fields.append(String(decoding: bytes[start..<position], as: UTF8.self))
            }
            if position < bytes.count && bytes[position] == delimiter {
                position += 1
                continue
            }
            _ = consumeLineEnd()
            return Record(line: recordLine, fields: fields)
        }
    }
}
