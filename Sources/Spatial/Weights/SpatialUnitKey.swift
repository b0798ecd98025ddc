/// The text by which a spatial unit is matched between a weight matrix and a data set.
///
/// Unit identifiers are compared by value, not by spelling: a text that reads as a finite decimal
/// number (optional sign, digits with an optional decimal point, optional exponent; spaces and tabs
/// around it ignored) becomes the canonical text of that number — an integral value below 2⁵³ in
/// magnitude is written without a decimal point ("01", "1", "1.0", "+1e0" and the data value 1.0
/// all become "1"; "-0" becomes "0"), any other value in Swift's shortest round-trip form ("1.5",
/// "1e+20"). Every other text (a name, "NA", "0x10", "inf") is kept as written, less the spaces and
/// tabs around it, and compared exactly (case matters).
///
/// Every reader, builder and the CLI pass ids through ``canonical(_:)-(String)``, and a data column
/// through ``keys(of:)``, so a W written with ids "01"…"31" matches a data column holding 1…31.
/// Two spellings of one number in the same file ("1" and "01") are the same unit, hence a duplicate.
public enum SpatialUnitKey {
    /// The canonical key of an identifier written as text.
    public static func canonical(_ text: String) -> String {
        let trimmed = trimmed(text)
        guard isDecimalNumber(trimmed), let value = Double(trimmed), value.isFinite else { return trimmed }
        return canonical(value)
    }

    /// The canonical key of a numeric identifier (a finite number; a non-finite value keeps Swift's text).
    public static func canonical(_ number: Double) -> String {
        guard number.isFinite else { return "\(number)" }
        if number == number.rounded(), abs(number) < 9_007_199_254_740_992 {
            return String(Int64(number))
        }
        return "\(number)"
    }

    /// The canonical key of an integer identifier.
    public static func canonical(_ number: Int) -> String { String(number) }

    /// Text without the spaces and tabs around it.
    static func trimmed(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var start = 0, end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        if start == 0 && end == bytes.count { return text }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// True for `[+-]digits[.digits][(e|E)[+-]digits]` with at least one digit in the mantissa
    /// (also `.5` and `5.`), and nothing else.
    static func isDecimalNumber(_ text: String) -> Bool {
        var iterator = text.utf8.makeIterator()
        var byte = iterator.next()
        if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") { byte = iterator.next() }
        var mantissaDigits = 0
        while let current = byte, current >= 0x30, current <= 0x39 { mantissaDigits += 1; byte = iterator.next() }
        if byte == UInt8(ascii: ".") {
            byte = iterator.next()
            while let current = byte, current >= 0x30, current <= 0x39 { mantissaDigits += 1; byte = iterator.next() }
        }
        guard mantissaDigits > 0 else { return false }
        if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            byte = iterator.next()
            if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") { byte = iterator.next() }
            var exponentDigits = 0
            while let current = byte, current >= 0x30, current <= 0x39 { exponentDigits += 1; byte = iterator.next() }
            guard exponentDigits > 0 else { return false }
        }
        return byte == nil
    }
}
