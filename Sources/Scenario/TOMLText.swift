/// Writing TOML values as text (for the resolved scenario and for messages).
enum TOMLText {
    /// A TOML basic string, escaped.
    static func basicString(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A TOML float that parses back to exactly `value` (shortest round-trip digits).
    static func float(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        let text = "\(value)"   // e.g. 4.0, 0.005, 1e-05, 1e+16
        if text.contains(".") || text.contains("e") || text.contains("E") { return text }
        return text + ".0"
    }

    static func floatArray(_ values: [Double]) -> String {
        "[" + values.map(float).joined(separator: ", ") + "]"
    }

    static func stringArray(_ values: [String]) -> String {
        "[" + values.map(basicString).joined(separator: ", ") + "]"
    }
}
