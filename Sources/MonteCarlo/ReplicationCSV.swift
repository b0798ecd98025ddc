/// The text form of replication records: `replications.csv` (one row per replication and estimate:
/// replication, parameter, truth, estimate, standard_error) and the field codec the checkpoint of a
/// resumable run reuses.
///
/// Numbers are written in Swift's shortest round-trip notation (`"\(x)"`), which `Double(String)`
/// parses back to the same bits; non-finite values are `NaN`, `Inf`, `-Inf`. Text fields are quoted
/// as in RFC 4180 when they contain a comma, quote or line break. So `records(fromCSV:)` of
/// `csv(_:)` gives back the same estimates, bit for bit (NaN payloads aside).
public enum ReplicationCSV {
    /// The header of `replications.csv`.
    public static let header = ["replication", "parameter", "truth", "estimate", "standard_error"]

    /// `replications.csv` for `records`, in the order given. Records without estimates (failed
    /// replications) have no rows.
    public static func csv(_ records: [ReplicationRecord]) -> String {
        var lines = [header.joined(separator: ",")]
        for record in records {
            for estimate in record.estimates {
                lines.append([
                    String(record.replication), text(estimate.parameter), number(estimate.truth),
                    number(estimate.estimate), number(estimate.standardError),
                ].joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Parses `replications.csv` back into records, one per replication in order of first
    /// appearance, estimates in row order. Strict: only what ``csv(_:)`` writes is accepted (numbers
    /// by ``parseWrittenNumber(_:)``, canonical replication indices, finite truths and estimates,
    /// finite standard errors ≥ 0: a run never records anything else), and each (replication, parameter) once; a repeated identical row is
    /// collapsed, a repeated row with other values is an error.
    /// - Throws: ``ReplicationCSVError`` naming the line (1-based, the header is line 1) and column.
    public static func records(fromCSV text: String) throws(ReplicationCSVError) -> [ReplicationRecord] {
        let parsed = numberedRows(in: text)
        guard let first = parsed.rows.first, first.fields == header else {
            throw ReplicationCSVError(row: 1, column: 1, message: "the header must be \(header.joined(separator: ","))")
        }
        if parsed.torn {
            throw ReplicationCSVError(row: (parsed.rows.last?.line ?? 1) + 1, column: 1, message: "the last line is incomplete (no line break)")
        }
        var order: [Int] = []
        var estimates: [Int: [ParameterEstimate]] = [:]
        var seen: [String: (line: Int, fields: [String])] = [:]
        for (row, fields) in parsed.rows.dropFirst() {
            if fields == [""] { continue }
            guard fields.count == header.count else {
                throw ReplicationCSVError(row: row, column: min(fields.count, header.count) + 1,
                                          message: "expected \(header.count) fields, found \(fields.count)")
            }
            guard let replication = Int(fields[0]), replication >= 0, String(replication) == fields[0] else {
                throw ReplicationCSVError(row: row, column: 1, message: "'\(clipped(fields[0]))' is not a replication index")
            }
            guard !fields[1].isEmpty else { throw ReplicationCSVError(row: row, column: 2, message: "the parameter name is empty") }
            var values: [Double] = []
            for column in 2...4 {
                guard let value = parseWrittenNumber(fields[column]) else {
                    throw ReplicationCSVError(row: row, column: column + 1,
                                              message: "'\(clipped(fields[column]))' is not a number as hetfirm writes it")
                }
                values.append(value)
            }
            for (offset, label) in ["truth", "estimate"].enumerated() where !values[offset].isFinite {
                throw ReplicationCSVError(row: row, column: 3 + offset, message: "the \(label) is \(fields[2 + offset]); hetfirm writes finite numbers only")
            }
            guard values[2].isFinite, values[2] >= 0 else {
                throw ReplicationCSVError(row: row, column: 5, message: "the standard error \(fields[4]) is not a finite number ≥ 0")
            }
            let key = fields[0] + "," + fields[1]
            if let earlier = seen[key] {
                guard earlier.fields == fields else {
                    throw ReplicationCSVError(row: row, column: 2, message: "replication \(replication), parameter "
                        + "'\(clipped(fields[1]))' is recorded again with other values (first on line \(earlier.line))")
                }
                continue
            }
            seen[key] = (row, fields)
            if estimates[replication] == nil { order.append(replication) }
            estimates[replication, default: []].append(
                ParameterEstimate(parameter: fields[1], truth: values[0], estimate: values[1], standardError: values[2]))
        }
        return order.map { ReplicationRecord(replication: $0, estimates: estimates[$0] ?? []) }
    }

    /// A field cut to 40 characters for a message.
    static func clipped(_ text: String) -> String {
        text.count <= 40 ? text : String(text.prefix(40)) + "…"
    }

    /// Shortest round-trip notation; `NaN`, `Inf`, `-Inf` for non-finite values.
    public static func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "Inf" : "-Inf" }
        return "\(value)"
    }

    /// The inverse of ``number(_:)`` (also accepts anything `Double(String)` accepts), or nil.
    public static func parseNumber(_ text: String) -> Double? {
        switch text {
        case "NaN": return .nan
        case "Inf": return .infinity
        case "-Inf": return -.infinity
        default: return Double(text)
        }
    }

    /// The inverse of ``number(_:)`` that accepts only what ``number(_:)`` writes (shortest
    /// round-trip notation, `NaN`, `Inf`, `-Inf`), or nil: `nan`, `0x10`, `1e308` (written `1e+308`)
    /// and `-1` (written `-1.0`) are not numbers hetfirm wrote.
    public static func parseWrittenNumber(_ text: String) -> Double? {
        guard let value = parseNumber(text), number(value) == text else { return nil }
        return value
    }

    /// `text` quoted when it contains a comma, quote or line break, inner quotes doubled (RFC 4180).
    public static func text(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Splits RFC 4180 text into rows of unquoted fields. A row is complete when its line break
    /// (outside quotes) was seen; `torn` is true when the text ends inside an unterminated row (the
    /// last, partial row is then *not* in `rows`), e.g. a file whose writer was interrupted.
    public static func rows(in text: String) -> (rows: [[String]], torn: Bool) {
        let numbered = numberedRows(in: text)
        return (numbered.rows.map(\.fields), numbered.torn)
    }

    /// ``rows(in:)`` with the 1-based line on which each row starts (a quoted field may span lines).
    public static func numberedRows(in text: String) -> (rows: [(line: Int, fields: [String])], torn: Bool) {
        var rows: [(line: Int, fields: [String])] = []
        var line = 1
        var rowLine = 1
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var pendingQuote = false  // a quote inside quotes: either the closing quote or half of ""
        var rowStarted = false
        for character in text {
            if inQuotes {
                if pendingQuote {
                    pendingQuote = false
                    if character == "\"" { field.append("\""); continue }
                    inQuotes = false  // the quote closed the field; handle `character` below
                } else if character == "\"" {
                    pendingQuote = true
                    continue
                } else {
                    if character.isNewline { line += 1 }
                    field.append(character)
                    continue
                }
            }
            switch character {
            case "\"":
                inQuotes = true
                rowStarted = true
            case ",":
                fields.append(field)
                field = ""
                rowStarted = true
            case "\n", "\r\n":
                fields.append(field)
                rows.append((rowLine, fields))
                fields = []
                field = ""
                rowStarted = false
                line += 1
                rowLine = line
            default:
                field.append(character)
                rowStarted = true
            }
        }
        return (rows, rowStarted || inQuotes)
    }
}
