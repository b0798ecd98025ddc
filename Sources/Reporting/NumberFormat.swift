import Foundation

/// Number formatting for tables and plot labels. Not-a-number is shown as an em dash.
public enum NumberFormat {
    /// The dash shown for NaN.
    public static let missing = "—"

    /// `x` with `digits` digits after the decimal point (clamped to 0…17), e.g. `fixed(0.9512, digits: 3)`
    /// → `"0.951"`. Negative zero prints without sign; ±∞ prints as `"inf"` / `"-inf"`.
    public static func fixed(_ x: Double, digits: Int) -> String {
        if let special = nonFinite(x) { return special }
        let text = String(format: "%.*f", clampedDigits(digits, minimum: 0), x)
        return withoutNegativeZero(text)
    }

    /// `x` with `digits` significant digits (clamped to 1…17), keeping trailing zeros:
    /// `significant(0.5, digits: 3)` → `"0.500"`. Magnitudes below 10⁻⁴ or at least 10^max(digits, 6)
    /// use exponent notation (`"1.23e-05"`).
    public static func significant(_ x: Double, digits: Int) -> String {
        if let special = nonFinite(x) { return special }
        let precision = clampedDigits(digits, minimum: 1)
        if x == 0 { return fixed(0, digits: precision - 1) }
        // Round once in exponent notation to learn the decimal exponent after rounding.
        let scientific = String(format: "%.*e", precision - 1, x)
        guard let exponentText = scientific.split(separator: "e").last, let exponent = Int(exponentText) else {
            return scientific
        }
        if exponent < -4 || exponent >= max(precision, 6) {
            return withoutNegativeZero(scientific)
        }
        return fixed(x, digits: max(precision - 1 - exponent, 0))
    }

    /// `x` with at most `digits` significant digits and no trailing zeros (C's `%g`):
    /// `general(0.5, digits: 6)` → `"0.5"`, `general(0.0291736212, digits: 6)` → `"0.0291736"`.
    public static func general(_ x: Double, digits: Int) -> String {
        if let special = nonFinite(x) { return special }
        return withoutNegativeZero(String(format: "%.*g", clampedDigits(digits, minimum: 1), x))
    }

    private static func nonFinite(_ x: Double) -> String? {
        if x.isNaN { return missing }
        if x == .infinity { return "inf" }
        if x == -.infinity { return "-inf" }
        return nil
    }

    private static func clampedDigits(_ digits: Int, minimum: Int) -> Int {
        min(max(digits, minimum), 17)
    }

    private static func withoutNegativeZero(_ text: String) -> String {
        guard text.hasPrefix("-"), !text.contains(where: { ("1"..."9").contains($0) }) else { return text }
        return String(text.dropFirst())
    }
}
