import Foundation

/// Byte counts for people: `512 B`, `3.2 MB`, `80 GB` (powers of 1000).
public enum ByteCount {
    public static func text(_ bytes: Double) -> String {
        guard bytes.isFinite else { return "an unbounded amount" }
        let units = ["B", "kB", "MB", "GB", "TB", "PB", "EB"]
        var value = max(bytes, 0), unit = 0
        while value >= 1000, unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        if unit == 0 { return "\(Int(value)) B" }
        return String(format: value < 10 ? "%.1f" : "%.0f", value) + " " + units[unit]
    }

    /// Parses `16G`, `500MB`, `2.5 GB`, `1T`, `800000000` (bytes); powers of 1000, and of 1024 with
    /// `Ki`/`Mi`/`Gi`/`Ti`. Nil for anything else, zero or negative.
    public static func parse(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.prefix { $0.isNumber || $0 == "." }
        guard let number = Double(digits), number > 0, number.isFinite else { return nil }
        var suffix = trimmed.dropFirst(digits.count).trimmingCharacters(in: .whitespaces).lowercased()
        if suffix.hasSuffix("b") { suffix.removeLast() }
        let factors: [String: Double] = [
            "": 1, "k": 1e3, "m": 1e6, "g": 1e9, "t": 1e12,
            "ki": 1024, "mi": 1_048_576, "gi": 1_073_741_824, "ti": 1_099_511_627_776,
        ]
        guard let factor = factors[suffix] else { return nil }
        return number * factor
    }
}
