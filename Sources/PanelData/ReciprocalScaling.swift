/// A fast, correctly rounded `mantissa × 10^−k` for 1 ≤ k ≤ 27 that multiplies by a
/// 128-bit reciprocal of 5^k instead of dividing (the idea of Eisel and Lemire's algorithm).
///
/// The reciprocal `T = ⌊2^(127+L) / 5^k⌋` (L = bit length of 5^k) lies in (2^127, 2^128). The
/// top 128 bits of the 192-bit product `w·T` (w = mantissa shifted to use all 64 bits)
/// undercount the exact scaled value by less than 2 units of their last bit. The result is
/// returned only when that error cannot change the rounding (the bits below the 53-bit
/// significand are neither within the error of all ones nor exactly a half); otherwise
/// `nil` tells the caller to use the exact division of `ExactDecimalScaling`.
enum ReciprocalScaling {
    /// (high, low) words of each reciprocal, and its `L`, for k = 0…27 (k = 0 unused).
    private static let reciprocals: [(high: UInt64, low: UInt64, bits: Int)] = {
        var table: [(high: UInt64, low: UInt64, bits: Int)] = [(0, 0, 0)]
        var power: UInt64 = 1
        for _ in 1...ExactDecimalScaling.maximumExponent {
            power *= 5
            let bits = 64 - power.leadingZeroBitCount
            // 2^(127+L) / 5^k in two long-division steps: high = ⌊2^(63+L) / 5^k⌋, then the
            // remainder's next 64 bits. 2^(L−1) < 5^k, so neither step overflows.
            let (high, remainder) = power.dividingFullWidth((UInt64(1) << UInt64(bits - 1), 0))
            let (low, _) = power.dividingFullWidth((remainder, 0))
            table.append((high, low, bits))
        }
        return table
    }()

    /// `mantissa × 10^exponent` correctly rounded, or `nil` when the fast product is too
    /// close to a rounding boundary. Requires `mantissa > 0` and −27 ≤ exponent ≤ −1.
    @inline(__always)
    static func value(mantissa: UInt64, exponent: Int) -> Double? {
        let k = -exponent
        let entry = reciprocals[k]
        let shift = mantissa.leadingZeroBitCount
        let w = mantissa << UInt64(shift)
        // Top 128 bits of w · (high·2^64 + low).
        let (productHigh, productLow) = w.multipliedFullWidth(by: entry.high)
        let (carryHigh, _) = w.multipliedFullWidth(by: entry.low)
        let (low, overflow) = productLow.addingReportingOverflow(carryHigh)
        let high = productHigh &+ (overflow ? 1 : 0)
        // high ∈ [2^62, 2^64): keep 54 bits (53 + a rounding bit).
        let drop = 9 + Int(high >> 63)
        let rest = high & ((UInt64(1) << UInt64(drop)) &- 1)
        let restMask = (UInt64(1) << UInt64(drop)) &- 1
        let kept = high >> UInt64(drop)
        let roundBit = kept & 1
        // Bits below the rounding bit: near all ones (a carry could reach the kept bits) or
        // zero with the rounding bit set (possibly an exact tie): decide exactly instead.
        if rest == restMask && low >= UInt64.max - 2 { return nil }
        if roundBit == 1 && rest == 0 && low <= 2 { return nil }
        let significand = (kept >> 1) &+ roundBit
        let binaryExponent = 2 + drop - entry.bits - k - shift
        // significand ∈ [2^52, 2^53] (2^53 carries into the exponent field), far from
        // subnormals and overflow: build the bit pattern directly.
        let biased = UInt64(truncatingIfNeeded: binaryExponent + 52 + 1023)
        return Double(bitPattern: (biased << 52) &+ (significand &- (1 << 52)))
    }
}
