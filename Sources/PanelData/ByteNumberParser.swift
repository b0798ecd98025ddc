import Glibc

/// Parses integers and doubles directly from UTF-8 bytes, without creating Strings.
///
/// Grammar (ASCII spaces and tabs around the number are ignored):
/// - int: `[+-]?[0-9]+`, within the range of `Int` (64-bit);
/// - double: `[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?` with a finite value.
/// `inf`, `nan`, hexadecimal floats and values that overflow to infinity are not numbers.
/// Doubles are correctly rounded: an exact fast path (Clinger's: mantissa ≤ 2⁵³ and a power
/// of ten ≤ 10²²), then a 128-bit reciprocal product for negative exponents (`ReciprocalScaling`,
/// when it is unambiguous), then exact integer scaling (`ExactDecimalScaling`: at most 19 significant
/// digits and |exponent| ≤ 27), and `strtod` for everything else.
enum ByteNumberParser {
    private static let quote = UInt8(ascii: "\"")
    private static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// The bounds of `start..<end` without surrounding spaces and tabs.
    @inline(__always)
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (Int, Int) {
        var low = start
        var high = end
        while low < high, bytes[low] == 0x20 || bytes[low] == 0x09 { low += 1 }
        while high > low, bytes[high - 1] == 0x20 || bytes[high - 1] == 0x09 { high -= 1 }
        return (low, high)
    }

    /// The integer spelled by `bytes[start..<end]`, or `nil`.
    static func int(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        var (position, end) = trimmed(bytes, start, end)
        guard position < end else { return nil }
        var negative = false
        if bytes[position] == UInt8(ascii: "-") || bytes[position] == UInt8(ascii: "+") {
            negative = bytes[position] == UInt8(ascii: "-")
            position += 1
            guard position < end else { return nil }
        }
        let limit: UInt64 = negative ? UInt64(Int.max) + 1 : UInt64(Int.max)
        var value: UInt64 = 0
        while position < end {
            let digit = bytes[position] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            let (product, productOverflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, sumOverflow) = product.addingReportingOverflow(UInt64(digit))
            guard !productOverflow, !sumOverflow, sum <= limit else { return nil }
            value = sum
            position += 1
        }
        return negative ? Int(truncatingIfNeeded: 0 &- value) : Int(truncatingIfNeeded: value)
    }

    /// The finite double spelled by `bytes[start..<end]` (correctly rounded), or `nil`.
    static func double(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        let (textStart, textEnd) = trimmed(bytes, start, end)
        var position = textStart
        guard position < textEnd else { return nil }
        var negative = false
        if bytes[position] == UInt8(ascii: "-") || bytes[position] == UInt8(ascii: "+") {
            negative = bytes[position] == UInt8(ascii: "-")
            position += 1
        }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var exponent = 0
        var sawDigit = false
        var truncated = false
        while position < textEnd {
            let digit = bytes[position] &- UInt8(ascii: "0")
            guard digit < 10 else { break }
            sawDigit = true
            if mantissa == 0 && digit == 0 {
                // leading zero: no significance
            } else if significantDigits < 19 {
                mantissa = mantissa &* 10 &+ UInt64(digit)
                significantDigits += 1
            } else {
                exponent += 1
                truncated = true
            }
            position += 1
        }
        if position < textEnd && bytes[position] == UInt8(ascii: ".") {
            position += 1
            // Leading zeros after the point (only while no significant digit was seen).
            if mantissa == 0 {
                while position < textEnd && bytes[position] == UInt8(ascii: "0") {
                    sawDigit = true
                    exponent -= 1
                    position += 1
                }
            }
            // Eight significant digits at a time while they fit in the 19 kept.
            if mantissa != 0 || (position < textEnd && bytes[position] &- UInt8(ascii: "1") < 9),
                let base = bytes.baseAddress
            {
                while textEnd - position >= 8 && significantDigits <= 11 {
                    guard let block = eightDigits(base + position) else { break }
                    mantissa = mantissa &* 100_000_000 &+ block
                    significantDigits += 8
                    exponent -= 8
                    sawDigit = true
                    position += 8
                }
            }
            while position < textEnd {
                let digit = bytes[position] &- UInt8(ascii: "0")
                guard digit < 10 else { break }
                sawDigit = true
                if mantissa == 0 && digit == 0 {
                    exponent -= 1
                } else if significantDigits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(digit)
                    significantDigits += 1
                    exponent -= 1
                } else if digit != 0 {
                    truncated = true
                }
                position += 1
            }
        }
        guard sawDigit else { return nil }
        if position < textEnd && (bytes[position] | 0x20) == UInt8(ascii: "e") {
            position += 1
            var exponentNegative = false
            if position < textEnd && (bytes[position] == UInt8(ascii: "-") || bytes[position] == UInt8(ascii: "+")) {
                exponentNegative = bytes[position] == UInt8(ascii: "-")
                position += 1
            }
            var written = 0
            var sawExponentDigit = false
            while position < textEnd {
                let digit = bytes[position] &- UInt8(ascii: "0")
                guard digit < 10 else { break }
                sawExponentDigit = true
                if written < 100_000 { written = written * 10 + Int(digit) }
                position += 1
            }
            guard sawExponentDigit else { return nil }
            exponent += exponentNegative ? -written : written
        }
        guard position == textEnd else { return nil }
        if mantissa == 0 && !truncated {
            return negative ? -0.0 : 0.0
        }
        if !truncated && mantissa <= (1 << 53) && exponent >= -22 && exponent <= 22 {
            var value = Double(mantissa)
            value = exponent >= 0 ? value * exactPowersOfTen[exponent] : value / exactPowersOfTen[-exponent]
            return negative ? -value : value
        }
        if !truncated && exponent < 0 && -exponent <= ExactDecimalScaling.maximumExponent,
            let value = ReciprocalScaling.value(mantissa: mantissa, exponent: exponent)
        {
            return negative ? -value : value
        }
        if !truncated && exponent.magnitude <= ExactDecimalScaling.maximumExponent {
            let value = ExactDecimalScaling.value(mantissa: mantissa, exponent: exponent)
            return negative ? -value : value
        }
        return slowDouble(bytes, textStart, textEnd)
    }

    /// The value of the eight ASCII digits at `pointer`, or `nil` if one of them is not a
    /// digit (SWAR: all eight bytes are checked and combined with three multiplications).
    @inline(__always)
    static func eightDigits(_ pointer: UnsafePointer<UInt8>) -> UInt64? {
        let raw = UInt64(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self))
        let check = (raw &+ 0x4646_4646_4646_4646) | (raw &- 0x3030_3030_3030_3030)
        guard check & 0x8080_8080_8080_8080 == 0 else { return nil }
        var value = raw &- 0x3030_3030_3030_3030
        value = (value &* 10) &+ (value >> 8)
        let low = (value & 0x0000_00FF_0000_00FF) &* (100 &+ (1_000_000 << 32))
        let high = ((value >> 16) & 0x0000_00FF_0000_00FF) &* (1 &+ (10_000 << 32))
        return (low &+ high) >> 32
    }

    /// `strtod` on a NUL-terminated copy of text already checked against the grammar.
    private static func slowDouble(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        let length = end - start
        let value: Double? = withUnsafeTemporaryAllocation(of: CChar.self, capacity: length + 1) { buffer in
            guard let base = buffer.baseAddress else { return nil }
            for offset in 0..<length {
                buffer[offset] = CChar(bitPattern: bytes[start + offset])
            }
            buffer[length] = 0
            var stop: UnsafeMutablePointer<CChar>?
            let parsed = strtod(base, &stop)
            guard stop == base + length else {
                // A locale with another decimal separator: use the locale-independent parser.
                return Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
            }
            return parsed
        }
        guard let value, value.isFinite else { return nil }
        return value
    }
}
