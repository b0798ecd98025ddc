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
    /// appearance, estimates in row order.
    /// - Throws: ``ReplicationCSVError`` naming the row (1-based, the header is row 1) and column.
    public static func records(fromCSV text: String) throws(ReplicationCSVError) -> [ReplicationRecord] {
        let parsed = rows(in: text)
        guard let first = parsed.rows.first, first == header else {
            throw ReplicationCSVError(row: 1, column: 1, message: "the header must be \(header.joined(separator: ","))")
        }
        var order: [Int] = []
        var estimates: [Int: [ParameterEstimate]] = [:]
        for (index, fields) in parsed.rows.enumerated().dropFirst() {
            let row = index + 1
            if fields == [""] { continue }
            guard fields.count == header.count else {
                throw ReplicationCSVError(row: row, column: min(fields.count, header.count) + 1,
                                          message: "expected \(header.count) fields, found \(fields.count)")
            }
            guard let replication = Int(fields[0]), replication >= 0 else {
                throw ReplicationCSVError(row: row, column: 1, message: "'\(fields[0])' is not a replication index")
            }
            var values: [Double] = []
            for column in 2...4 {
                guard let value = parseNumber(fields[column]) else {
                    throw ReplicationCSVError(row: row, column: column + 1, message: "'\(fields[column])' is not a number")
                }
                values.append(value)
            }
            if estimates[replication] == nil { order.append(replication) }
            estimates[replication, default: []].append(
                ParameterEstimate(parameter: fields[1], truth: values[0], estimate: values[1], standardError: values[2]))
        }
        return order.map { ReplicationRecord(replication: $0, estimates: estimates[$0] ?? []) }
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

    /// `text` quoted when it contains a comma, quote or line break, inner quotes doubled (RFC 4180).
    public static func text(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Splits RFC 4180 text into rows of unquoted fields. A row is complete when its line break
    /// (outside quotes) was seen; `torn` is true when the text ends inside an unterminated row (the
    /// last, partial row is then *not* in `rows`), e.g. a file whose writer was interrupted.
    public static func rows(in text: String) -> (rows: [[String]], torn: Bool) {
        var rows: [[String]] = []
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
                rows.append(fields)
                fields = []
                field = ""
                rowStarted = false
            default:
                field.append(character)
                rowStarted = true
            }
        }
        return (rows, rowStarted || inQuotes)
    }
}
