/// Writes a weight matrix in one of the formats ``SpatialWeightsReader`` reads, so that reading the
/// text back gives the same matrix (weights are written in Swift's shortest round-trip form).
///
/// - GAL: header `n`, then `id count` and the neighbour ids. GAL holds no weights, so only a W whose
///   every row has equal weights (binary, or a row-standardised binary W) can be written; reading
///   it back gives the binary W.
/// - GWT: header `0 n hetfirm id`, then `from to weight`. GWT cannot name an island, so a W with
///   islands is refused.
/// - edges: `from,to,weight`, one row per weight; an island is written as `id,,`.
/// - csv: a dense matrix with an empty corner cell, ids in the header row and first column; at
///   most 10,000 units.
/// GAL and GWT separate fields by spaces: an id containing a space or tab cannot be written there.
public enum SpatialWeightsWriter {
    /// The largest n written as a dense matrix (10⁸ cells).
    public static let maximumDenseUnits = 10_000

    public static func text(_ weights: SpatialWeights, format: SpatialWeightsFormat, delimiter: Character = ",") throws -> String {
        switch format {
        case .gal: return try gal(weights)
        case .gwt: return try gwt(weights)
        case .edges: return edges(weights, delimiter: delimiter)
        case .csv: return try dense(weights, delimiter: delimiter)
        }
    }

    static func checkSpaceFree(_ weights: SpatialWeights, format: String) throws {
        // Bytes, not characters: a space followed by a combining mark is one Character but still splits a GAL line.
        if let bad = weights.unitIdentifiers.first(where: { $0.utf8.contains(0x20) || $0.utf8.contains(0x09) || $0.isEmpty }) {
            throw SpatialError.formatCannotHold(format: format, reason: "unit id '\(bad)' is empty or holds a space or tab")
        }
    }

    static func gal(_ weights: SpatialWeights) throws -> String {
        try checkSpaceFree(weights, format: "GAL")
        var text = "\(weights.unitCount)\n"
        for row in 0..<weights.unitCount {
            let neighbours = weights.neighbours(of: row)
            if let first = neighbours.first?.weight,
               let unequal = neighbours.first(where: { abs($0.weight - first) > 1e-12 * first }) {
                throw SpatialError.formatCannotHold(
                    format: "GAL",
                    reason: "GAL stores no weights, and unit \(weights.unitIdentifiers[row]) has unequal weights "
                        + "(\(first) and \(unequal.weight)); write gwt, edges or csv")
            }
            text += "\(weights.unitIdentifiers[row]) \(neighbours.count)\n"
            text += neighbours.map { weights.unitIdentifiers[$0.column] }.joined(separator: " ") + "\n"
        }
        return text
    }

    static func gwt(_ weights: SpatialWeights) throws -> String {
        try checkSpaceFree(weights, format: "GWT")
        if let island = weights.islands.first {
            throw SpatialError.formatCannotHold(
                format: "GWT", reason: "unit \(weights.unitIdentifiers[island]) has no neighbours and GWT cannot name such a unit; write gal, edges or csv")
        }
        var text = "0 \(weights.unitCount) hetfirm id\n"
        for row in 0..<weights.unitCount {
            for (column, weight) in weights.neighbours(of: row) {
                text += "\(weights.unitIdentifiers[row]) \(weights.unitIdentifiers[column]) \(number(weight))\n"
            }
        }
        return text
    }

    static func edges(_ weights: SpatialWeights, delimiter: Character) -> String {
        let separator = String(delimiter)
        var text = ["from", "to", "weight"].joined(separator: separator) + "\n"
        for row in 0..<weights.unitCount {
            let id = quoted(weights.unitIdentifiers[row], delimiter: delimiter)
            let neighbours = weights.neighbours(of: row)
            if neighbours.isEmpty { text += id + separator + separator + "\n" }
            for (column, weight) in neighbours {
                text += id + separator + quoted(weights.unitIdentifiers[column], delimiter: delimiter) + separator + number(weight) + "\n"
            }
        }
        return text
    }

    static func dense(_ weights: SpatialWeights, delimiter: Character) throws -> String {
        guard weights.unitCount <= maximumDenseUnits else {
            throw SpatialError.tooLarge(what: "units for a dense CSV matrix", count: weights.unitCount, limit: maximumDenseUnits)
        }
        let separator = String(delimiter)
        let ids = weights.unitIdentifiers.map { quoted($0, delimiter: delimiter) }
        var text = "\"\"" + separator + ids.joined(separator: separator) + "\n"
        for row in 0..<weights.unitCount {
            var cells = [String](repeating: "0", count: weights.unitCount)
            for (column, weight) in weights.neighbours(of: row) { cells[column] = number(weight) }
            text += ids[row] + separator + cells.joined(separator: separator) + "\n"
        }
        return text
    }

    /// Shortest round-trip decimal text of a weight.
    static func number(_ value: Double) -> String { "\(value)" }

    /// A CSV field, quoted when it holds the delimiter, a quote, a line break or surrounding spaces.
    /// Works on UTF-8 bytes, as the reader does: a quote followed by a combining mark is one Swift
    /// Character, but still a quote byte the reader must see doubled.
    static func quoted(_ text: String, delimiter: Character) -> String {
        let bytes = Array(text.utf8)
        let separator = delimiter.asciiValue ?? UInt8(ascii: ",")
        let needsQuotes = bytes.isEmpty || bytes.first == 0x20 || bytes.last == 0x20 || bytes.first == 0x09 || bytes.last == 0x09
            || bytes.contains { $0 == separator || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else { return text }
        var quoted: [UInt8] = [0x22]
        for byte in bytes {
            quoted.append(byte)
            if byte == 0x22 { quoted.append(0x22) }
        }
        quoted.append(0x22)
        return String(decoding: quoted, as: UTF8.self)
    }
}
