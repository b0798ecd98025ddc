/// Which separator a delimited text file uses, and why.
///
/// Rules, in order: a `.tsv` or `.tab` file name is tab-separated; otherwise the commas,
/// semicolons, tabs and pipes of the header record are counted outside quotes (a UTF-8
/// byte-order mark is skipped) and the most frequent wins. When none appears (a one-column
/// file) or two are equally frequent, the file is read as comma-separated and the choice is
/// marked ambiguous, so a message about a missing column can say how the file was split.
public struct CSVDelimiterDetection: Sendable, Equatable {
    /// The separator chosen.
    public let delimiter: CSVDelimiter
    /// Why it was chosen, e.g. `"detected from the header (4 tabs)"`.
    public let explanation: String
    /// Whether the header did not decide (no separator, or a tie): comma was used.
    public let isAmbiguous: Bool

    /// A separator the user gave.
    public init(given delimiter: CSVDelimiter) {
        self.delimiter = delimiter
        explanation = "as given with --delimiter"
        isAmbiguous = false
    }

    init(delimiter: CSVDelimiter, explanation: String, isAmbiguous: Bool) {
        self.delimiter = delimiter
        self.explanation = explanation
        self.isAmbiguous = isAmbiguous
    }

    /// Bytes of the file read to find its header record.
    static let headerWindow = 1 << 16

    /// The separator of the file at `path`, from its name and the start of its contents.
    ///
    /// - Throws: `io` if the file cannot be read.
    public static func detect(path: String) throws -> CSVDelimiterDetection {
        let head = try FileBytes.readPrefix(path: path, count: headerWindow)
        return detect(header: head, fileName: path)
    }

    /// The separator of a file named `fileName` whose contents start with `bytes`.
    public static func detect(header bytes: [UInt8], fileName: String) -> CSVDelimiterDetection {
        let lowered = fileName.lowercased()
        if lowered.hasSuffix(".tsv") || lowered.hasSuffix(".tab") {
            return CSVDelimiterDetection(
                delimiter: .tab, explanation: "from the file name's .\(lowered.hasSuffix(".tsv") ? "tsv" : "tab") extension",
                isAmbiguous: false)
        }
        let counts = headerCounts(bytes)
        let most = counts.map(\.count).max() ?? 0
        let leaders = counts.filter { $0.count == most }
        func plural(_ entry: (delimiter: CSVDelimiter, count: Int)) -> String {
            let noun = entry.delimiter.name
            return "\(entry.count) \(noun)\(entry.count == 1 ? "" : (noun.hasSuffix("h") ? "es" : "s"))"
        }
        if most == 0 {
            return CSVDelimiterDetection(
                delimiter: .comma, explanation: "because the header has no comma, semicolon, tab or pipe", isAmbiguous: true)
        }
        if leaders.count > 1 {
            let tied = leaders.map(plural).joined(separator: " and ")
            return CSVDelimiterDetection(
                delimiter: .comma, explanation: "because the header is ambiguous (\(tied))", isAmbiguous: true)
        }
        return CSVDelimiterDetection(
            delimiter: leaders[0].delimiter, explanation: "detected from the header (\(plural(leaders[0])))",
            isAmbiguous: false)
    }

    /// How often each separator occurs outside quotes in the first record of `bytes`.
    static func headerCounts(_ bytes: [UInt8]) -> [(delimiter: CSVDelimiter, count: Int)] {
        var counts = [Int](repeating: 0, count: CSVDelimiter.allCases.count)
        var position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var quoted = false
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if byte == CSVTokenizer.quote {
                quoted.toggle()  // a doubled quote toggles twice
                continue
            }
            if quoted { continue }
            if byte == CSVTokenizer.lineFeed || byte == CSVTokenizer.carriageReturn { break }
            if let index = CSVDelimiter.allCases.firstIndex(where: { $0.byte == byte }) { counts[index] += 1 }
        }
        return CSVDelimiter.allCases.enumerated().map { ($1, counts[$0]) }
    }
}
