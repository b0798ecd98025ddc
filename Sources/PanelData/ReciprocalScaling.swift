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
    /// High and low words of each reciprocal, and its `L`, for k = 0…27 (k = 0 unused), as
    /// literals so that reading them needs no lazy initialization (`computedReciprocals`
    /// derives them; a test checks they agree).
    private static let reciprocalHighs: [UInt64] = [0, 0xcccccccccccccccc, 0xa3d70a3d70a3d70a, 0x83126e978d4fdf3b, 0xd1b71758e219652b, 0xa7c5ac471b478423, 0x8637bd05af6c69b5, 0xd6bf94d5e57a42bc, 0xabcc77118461cefc, 0x89705f4136b4a597, 0xdbe6fecebdedd5be, 0xafebff0bcb24aafe, 0x8cbccc096f5088cb, 0xe12e13424bb40e13, 0xb424dc35095cd80f, 0x901d7cf73ab0acd9, 0xe69594bec44de15b, 0xb877aa3236a4b449, 0x9392ee8e921d5d07, 0xec1e4a7db69561a5, 0xbce5086492111aea, 0x971da05074da7bee, 0xf1c90080baf72cb1, 0xc16d9a0095928a27, 0x9abe14cd44753b52, 0xf79687aed3eec551, 0xc612062576589dda, 0x9e74d1b791e07e48]
    private static let reciprocalLows: [UInt64] = [0, 0xcccccccccccccccc, 0x3d70a3d70a3d70a3, 0x645a1cac083126e9, 0xd3c36113404ea4a8, 0xfcf80dc33721d53, 0xa63f9a49c2c1b10f, 0x3d32907604691b4c, 0xfdc20d2b36ba7c3d, 0x31680a88f8953030, 0xb573440e5a884d1b, 0xf78f69a51539d748, 0xf93f87b7442e45d3, 0x2865a5f206b06fb9, 0x538484c19ef38c94, 0xf9d37014bf60a10, 0x4c2ebe687989a9b3, 0x9befeb9fad487c2, 0x3aff322e62439fcf, 0x2b31e9e3d06c32e5, 0x88f4bb1ca6bcf584, 0xd3f6fc16ebca5e03, 0x5324c68b12dd6338, 0x75b7053c0f178293, 0xc4926a9672793542, 0x3a83ddbd83f52204, 0x95364afe032a819d, 0x775ea264cf55347d]
    private static let reciprocalBits: [Int] = [0, 3, 5, 7, 10, 12, 14, 17, 19, 21, 24, 26, 28, 31, 33, 35, 38, 40, 42, 45, 47, 49, 52, 54, 56, 59, 61, 63]

    /// The table `(high, low, bits)` for k = 0…27, computed.
    static func computedReciprocals() -> [(high: UInt64, low: UInt64, bits: Int)] {
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
    }

    /// The literal table, for the test against `computedReciprocals`.
    static var literalReciprocals: [(high: UInt64, low: UInt64, bits: Int)] {
        reciprocalHighs.indices.map { (reciprocalHighs[$0], reciprocalLows[$0], reciprocalBits[$0]) }
    }

    /// `mantissa × 10^exponent` correctly rounded, or `nil` when the fast product is too
    /// close to a rounding boundary. Requires `mantissa > 0` and −27 ≤ exponent ≤ −1.
    @inline(__always)
    static func value(mantissa: UInt64, exponent: Int) -> Double? {
        let k = -exponent
        let entry = (high: reciprocalHighs[k], low: reciprocalLows[k], bits: reciprocalBits[k])
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
