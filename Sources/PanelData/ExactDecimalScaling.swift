/// Correctly rounded `mantissa × 10^exponent` for mantissas up to 64 bits and
/// |exponent| ≤ 27, with integer arithmetic only (no `strtod`).
///
/// For exponent ≥ 0 the product `mantissa × 5^exponent` is formed exactly in 128 bits;
/// for exponent < 0 the quotient `(mantissa · 2^s) / 5^−exponent` is formed with at least
/// 63 significant bits and the remainder kept as a sticky bit. Either way the result is
/// rounded once, to nearest with ties to even, and scaled by the power of two. All
/// results lie well inside the normal range, so no subnormal or overflow handling is needed.
enum ExactDecimalScaling {
    /// Largest |exponent| handled: 5^27 is the largest power of five below 2^64.
    static let maximumExponent = 27

    private static let powersOfFive: [UInt64] = {
        var powers: [UInt64] = [1]
        for _ in 0..<maximumExponent { powers.append((powers.last ?? 1) * 5) }
        return powers
    }()

    /// `mantissa × 10^exponent`, correctly rounded. Requires `mantissa > 0` and
    /// `|exponent| ≤ maximumExponent`.
    static func value(mantissa: UInt64, exponent: Int) -> Double {
        if exponent >= 0 {
            let (high, low) = mantissa.multipliedFullWidth(by: powersOfFive[exponent])
            return rounded(high: high, low: low, sticky: false, binaryExponent: exponent)
        }
        let divisor = powersOfFive[-exponent]
        let mantissaBits = 64 - mantissa.leadingZeroBitCount
        let divisorBits = 64 - divisor.leadingZeroBitCount
        // (mantissa · 2^shift) / divisor then lies in [2^62, 2^64).
        let shift = 64 - mantissaBits + divisorBits - 1
        let high: UInt64
        let low: UInt64
        if shift >= 64 {
            high = mantissa << (shift - 64)
            low = 0
        } else if shift == 0 {
            high = 0
            low = mantissa
        } else {
            high = mantissa >> (64 - shift)
            low = mantissa << shift
        }
        let (quotient, remainder) = divisor.dividingFullWidth((high, low))
        return rounded(high: 0, low: quotient, sticky: remainder != 0, binaryExponent: exponent - shift)
    }

    /// `(high · 2^64 + low + ε) × 2^binaryExponent` rounded to nearest, ties to even,
    /// where ε ∈ (0, 1) when `sticky` and 0 otherwise.
    private static func rounded(high: UInt64, low: UInt64, sticky: Bool, binaryExponent: Int) -> Double {
        let bitLength = high != 0 ? 128 - high.leadingZeroBitCount : 64 - low.leadingZeroBitCount
        guard bitLength > 53 else {
            // Exact integer part; only the sticky bit (below one unit) could remain, and it
            // never arises here because quotients have at least 63 bits.
            return Double(sign: .plus, exponent: binaryExponent, significand: Double(low))
        }
        let drop = bitLength - 53
        var significand = shiftedRight(high, low, by: drop)
        let halfBit = shiftedRight(high, low, by: drop - 1) & 1 == 1
        let belowHalf = drop - 1
        var lowerBits = sticky
        if belowHalf >= 64 {
            lowerBits = lowerBits || low != 0 || (high & ((1 << UInt64(belowHalf - 64)) &- 1)) != 0
        } else if belowHalf > 0 {
            lowerBits = lowerBits || (low & ((1 << UInt64(belowHalf)) &- 1)) != 0
        }
        if halfBit && (lowerBits || significand & 1 == 1) {
            significand += 1
        }
        return Double(sign: .plus, exponent: binaryExponent + drop, significand: Double(significand))
    }

    /// The low 64 bits of the 128-bit value `high · 2^64 + low` shifted right by `count`.
    private static func shiftedRight(_ high: UInt64, _ low: UInt64, by count: Int) -> UInt64 {
        if count == 0 { return low }
        if count < 64 { return (high << UInt64(64 - count)) | (low >> UInt64(count)) }
        if count < 128 { return high >> UInt64(count - 64) }
        return 0
    }
}
