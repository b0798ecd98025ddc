/// Writes a `Dataset` as comma-separated text that `CSVReader` reads back bit-exactly.
///
/// Header: the column names. Doubles use Swift's shortest round-trip spelling
/// (`description`, so `0.1`, `1e-300`, `-0.0`), which reads back to the same bits,
/// including the sign of zero. Ints are written in decimal, factor labels as text.
/// Missing values are written as `NA`; so are NaN and ±infinity, which CSV cannot carry
/// portably (they read back as missing). A field is quoted (with doubled inner quotes)
/// when it contains a comma, a quote, CR or LF, or when it is empty or `NA`, so that a
/// label is never read back as missing. Lines end with LF, including the last.
///
/// Reading back recovers names, values and missing positions. Kinds are recovered
/// except that a factor whose labels all look like numbers, or an all-missing int or
/// factor column, is re-inferred (pass `CSVReadOptions.columnTypes` to keep the kind),
/// and factor labels come back in order of first appearance, without unused labels.
public enum CSVWriter {
    /// Writes `dataset` to `path` through a temporary file in the same directory that is
    /// renamed into place, so no half-written file is left behind.
    ///
    /// - Throws: `io` if the file cannot be written.
    public static func write(_ dataset: Dataset, to path: String) throws {
        try FileBytes.writeAtomically(bytes(dataset), to: path)
    }

    /// The CSV text of `dataset`.
    public static func string(_ dataset: Dataset) -> String {
        String(decoding: bytes(dataset), as: UTF8.self)
    }

    /// The CSV text of `dataset` as UTF-8 bytes.
    static func bytes(_ dataset: Dataset) -> [UInt8] {
        var output = [UInt8]()
        output.reserveCapacity(dataset.rowCount * max(dataset.columns.count, 1) * 12 + 256)
        let missing = Array("NA".utf8)
        for (index, name) in dataset.columnNames.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            appendField(name, to: &output)
        }
        output.append(CSVTokenizer.lineFeed)
        for row in 0..<dataset.rowCount {
            for (index, column) in dataset.columns.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                if column.isMissing(row) {
                    output.append(contentsOf: missing)
                    continue
                }
                switch column.storage {
                case .double(let values):
                    let value = values[row]
                    if value.isFinite {
                        output.append(contentsOf: value.description.utf8)
                    } else {
                        output.append(contentsOf: missing)
                    }
                case .int(let values):
                    output.append(contentsOf: values[row].description.utf8)
                case .factor(let codes, let labels):
                    let code = Int(codes[row])
                    if code >= 0 && code < labels.count {
                        appendField(labels[code], to: &output)
                    } else {
                        output.append(contentsOf: missing)
                    }
                }
            }
            output.append(CSVTokenizer.lineFeed)
        }
        return output
    }

    /// Appends a text field, quoted when needed.
    private static func appendField(_ text: String, to output: inout [UInt8]) {
        let utf8 = text.utf8
        let needsQuotes =
            text.isEmpty || text == "NA"
            || utf8.contains { byte in
                byte == UInt8(ascii: ",") || byte == CSVTokenizer.quote || byte == CSVTokenizer.lineFeed
                    || byte == CSVTokenizer.carriageReturn
            }
        guard needsQuotes else {
            output.append(contentsOf: utf8)
            return
        }
        output.append(CSVTokenizer.quote)
        for byte in utf8 {
            output.append(byte)
            if byte == CSVTokenizer.quote { output.append(CSVTokenizer.quote) }
        }
        output.append(CSVTokenizer.quote)
    }
}
