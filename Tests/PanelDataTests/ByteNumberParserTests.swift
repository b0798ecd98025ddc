import Testing
import TestSupport
@testable import PanelData

@Suite struct ByteNumberParserTests {
    func parse(_ text: String) -> Double? {
        Array(text.utf8).withUnsafeBufferPointer { ByteNumberParser.double($0, 0, $0.count) }
    }

    /// Every path (Clinger, exact integer scaling, strtod) must agree bit for bit with
    /// Swift's correctly rounded `Double(String)`.
    @Test func agreesWithCorrectlyRoundedParsing() {
        var generator = SplitMix64(seed: 20_261_121)
        for index in 0..<40_000 {
            let text: String
            switch index % 4 {
            case 0:
                text = Double(bitPattern: generator.next() % 0x7FF0_0000_0000_0000).description
            case 1:
                text = "\(generator.next() % 10_000_000_000_000_000_000)e\(Int(generator.next() % 81) - 40)"
            case 2:
                text = "-0.\(generator.next() >> 1)"
            default:
                let mantissa = generator.next() % (1 << 54)
                text = "\(mantissa / 1000).\(mantissa % 1000)e\(Int(generator.next() % 55) - 27)"
            }
            guard let reference = Double(text), reference.isFinite else { continue }
            #expect(parse(text)?.bitPattern == reference.bitPattern, "\(text)")
        }
    }

    /// The reciprocal product either declines or agrees bit for bit with exact division,
    /// and it declines rarely.
    @Test func reciprocalScalingAgreesWithExactDivision() {
        var generator = SplitMix64(seed: 42)
        var declined = 0
        let trials = 200_000
        for index in 0..<trials {
            let digits = [19, 17, 16, 12, 3][index % 5]
            var limit: UInt64 = 1
            for _ in 0..<digits { limit = limit &* 10 }
            let mantissa = generator.next() % (limit - 1) + 1
            let exponent = -Int(generator.next() % 27) - 1
            let exact = ExactDecimalScaling.value(mantissa: mantissa, exponent: exponent)
            guard let fast = ReciprocalScaling.value(mantissa: mantissa, exponent: exponent) else {
                declined += 1
                continue
            }
            #expect(fast.bitPattern == exact.bitPattern, "\(mantissa)e\(exponent)")
        }
        #expect(declined < trials / 100)
        // Exact ties and values just around them decline or round to even.
        for text in ["9007199254740993e-5", "1.00000000000000011102230246251565404236316680908203125", "4503599627370497.5e-3"] {
            #expect(parse(text)?.bitPattern == Double(text)?.bitPattern, "\(text)")
        }
    }

    /// Full-precision `repr` texts of the kind the benchmark writes.
    @Test func shortestRoundTripTextsParseExactly() {
        var generator = SplitMix64(seed: 7)
        for _ in 0..<50_000 {
            let value = Double(Int64(bitPattern: generator.next() >> 11)) / Double(1 << 40) * 1e-3
            for scaled in [value, -value * 1e4, value * 1e-3] {
                #expect(parse(scaled.description)?.bitPattern == scaled.bitPattern, "\(scaled)")
            }
        }
    }

    @Test func halfwayCasesRoundToEven() {
        // 2^53 + 1 and 2^53 + 3 are halfway between doubles.
        #expect(parse("9007199254740993") == 9_007_199_254_740_992)
        #expect(parse("9007199254740995") == 9_007_199_254_740_996)
        #expect(parse("9007199254740993.0000000001") == 9_007_199_254_740_994)
        #expect(parse("0.1e1") == 1)
    }

    /// Long fractions (eight digits at a time), leading zeros, 19/20 significant digits and
    /// non-digits inside an eight-byte block agree with `Double(String)` or are rejected.
    @Test func longFractionsAndBlocksWithNonDigits() {
        var generator = SplitMix64(seed: 7)
        for index in 0..<20_000 {
            let zeros = String(repeating: "0", count: Int(generator.next() % 6))
            let digits = String(generator.next() % 10_000_000_000_000_000_000)
            let cut = digits.prefix(Int(generator.next() % 21))
            let integer = ["0", "1", "12", "123456", "000"][index % 5]
            let text = (index % 3 == 0 ? "-" : "") + integer + "." + zeros + cut
            guard let reference = Double(text) else {
                #expect(parse(text) == nil, "\(text)")
                continue
            }
            #expect(parse(text)?.bitPattern == reference.bitPattern, "\(text)")
        }
        for text in ["1.2345678x", "1.234567x9", "0.12345678.9", "1.1234567e1", "1.12345678e1", "1.123456781234567 ", "0.000000001234567891234567891"] {
            #expect(parse(text)?.bitPattern == Double(String(text.filter { $0 != " " }))?.bitPattern, "\(text)")
        }
    }

    /// The literal reciprocal table is the computed one.
    @Test func reciprocalTableLiteralsAreRight() {
        let literal = ReciprocalScaling.literalReciprocals
        let computed = ReciprocalScaling.computedReciprocals()
        #expect(literal.count == computed.count)
        for (a, b) in zip(literal, computed) {
            #expect(a.high == b.high && a.low == b.low && a.bits == b.bits)
        }
    }
}
