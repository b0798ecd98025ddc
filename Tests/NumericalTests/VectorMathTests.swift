import Dispatch
import Foundation
import Numerical
import Testing
import TestSupport

/// `VectorMath` (SLEEF's vector exp and log) against the C library's scalar `exp` and `log`, its
/// special values, and the independence of each result from the array's length and offset.
@Suite("vector math")
struct VectorMathTests {
    /// Distance in units in the last place between two non-NaN doubles: the number of representable
    /// doubles between them (+0 and −0 count as one; +∞ is one step above the largest finite double).
    static func ulpDistance(_ first: Double, _ second: Double) -> UInt64 {
        func ordered(_ value: Double) -> UInt64 {
            let magnitude = value.bitPattern & 0x7fff_ffff_ffff_ffff
            return value.sign == .minus ? (UInt64(1) << 63) &- magnitude : (UInt64(1) << 63) &+ magnitude
        }
        let (a, b) = (ordered(first), ordered(second))
        return a > b ? a - b : b - a
    }

    /// The largest ULP distance between `computed` and `reference` element by element; a NaN on one
    /// side only counts as `UInt64.max`.
    static func largestDistance(_ computed: [Double], _ reference: [Double]) -> UInt64 {
        zip(computed, reference).reduce(0) { largest, pair in
            if pair.0.isNaN || pair.1.isNaN { return pair.0.isNaN && pair.1.isNaN ? largest : UInt64.max }
            return max(largest, ulpDistance(pair.0, pair.1))
        }
    }

    /// A double with uniformly random bits (any sign, exponent and mantissa: subnormals, huge, ±∞, NaN).
    static func randomBits(_ generator: inout SplitMix64) -> Double {
        Double(bitPattern: generator.next())
    }

    static func uniform(_ generator: inout SplitMix64, _ low: Double, _ high: Double) -> Double {
        low + (high - low) * generator.uniform()
    }

    static let specialInputs: [Double] = [
        0, -0.0, .infinity, -.infinity, .nan, 1, -1, .leastNonzeroMagnitude, -.leastNonzeroMagnitude,
        .leastNormalMagnitude, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 709.78, 709.79, -745.13, -745.14,
    ]

    /// 300,000 exp arguments: uniform over [−750, 715] (overflow and the subnormal range included),
    /// uniformly random bit patterns (tiny, huge, ±∞, NaN), and dense samples near the overflow,
    /// subnormal and underflow thresholds.
    static func exponentInputs() -> [Double] {
        var generator = SplitMix64(seed: 20261207)
        var values = specialInputs
        for _ in 0..<200_000 { values.append(uniform(&generator, -750, 715)) }
        for _ in 0..<60_000 { values.append(randomBits(&generator)) }
        for center in [709.782712893384, -708.3964185322641, -745.1332191019411] {
            for _ in 0..<13_000 { values.append(uniform(&generator, center - 0.5, center + 0.5)) }
        }
        return values
    }

    /// 300,000 log arguments: uniformly random positive bit patterns (subnormal to huge, +∞ and NaN
    /// included), uniform over (0, 4), a dense band around 1, and negative values.
    static func logarithmInputs() -> [Double] {
        var generator = SplitMix64(seed: 20261208)
        var values = specialInputs
        for _ in 0..<180_000 { values.append(Double(bitPattern: generator.next() & 0x7fff_ffff_ffff_ffff)) }
        for _ in 0..<60_000 { values.append(uniform(&generator, 0, 4)) }
        for _ in 0..<50_000 { values.append(uniform(&generator, 1 - 1e-3, 1 + 1e-3)) }
        for _ in 0..<10_000 { values.append(-abs(randomBits(&generator))) }
        return values
    }

    @Test("exp is within 2 ULP of the C library's exp over the whole range")
    func exponentialAccuracy() {
        let inputs = Self.exponentInputs()
        #expect(inputs.count > 290_000)
        #expect(inputs.contains { $0.isNaN } && inputs.contains { $0 < -745.2 } && inputs.contains { $0 > 709.8 })
        let computed = VectorMath.exponentials(of: inputs)
        let reference = inputs.map { Foundation.exp($0) }
        #expect(reference.contains { $0.isSubnormal } && reference.contains { $0 == .infinity } && reference.contains { $0 == 0 })
        #expect(Self.largestDistance(computed, reference) <= 2)
    }

    @Test("log is within 2 ULP of the C library's log over the whole range")
    func logarithmAccuracy() {
        let inputs = Self.logarithmInputs()
        #expect(inputs.count > 290_000)
        #expect(inputs.contains { $0.isSubnormal } && inputs.contains { $0 > 1e300 } && inputs.contains { $0 < 0 })
        let computed = VectorMath.logarithms(of: inputs)
        let reference = inputs.map { Foundation.log($0) }
        #expect(Self.largestDistance(computed, reference) <= 2)
    }

    @Test("special values are exact")
    func specialValues() {
        let exponentCases: [(Double, Double)] = [
            (0, 1), (-0.0, 1), (.infinity, .infinity), (-.infinity, 0), (710, .infinity), (1e300, .infinity),
            (.greatestFiniteMagnitude, .infinity), (-746, 0), (-1e300, 0), (-.greatestFiniteMagnitude, 0),
            (.leastNonzeroMagnitude, 1), (-.leastNonzeroMagnitude, 1),
        ]
        let exponentials = VectorMath.exponentials(of: exponentCases.map(\.0))
        for (index, (input, expected)) in exponentCases.enumerated() {
            #expect(exponentials[index].bitPattern == expected.bitPattern, "exp(\(input)) = \(exponentials[index])")
        }
        let logarithmCases: [(Double, Double)] = [
            (0, -.infinity), (-0.0, -.infinity), (.infinity, .infinity), (1, 0),
        ]
        let logarithms = VectorMath.logarithms(of: logarithmCases.map(\.0))
        for (index, (input, expected)) in logarithmCases.enumerated() {
            #expect(logarithms[index].bitPattern == expected.bitPattern, "log(\(input)) = \(logarithms[index])")
        }
        let invalid: [Double] = [-1, -.leastNonzeroMagnitude, -.greatestFiniteMagnitude, -.infinity, .nan, -.nan]
        #expect(VectorMath.logarithms(of: invalid).allSatisfy { $0.isNaN })
        #expect(VectorMath.exponentials(of: [.nan, -.nan]).allSatisfy { $0.isNaN })
    }

    /// 40 values mixing ordinary arguments with the special ones, so every lane position sees both.
    static func mixedInputs() -> [Double] {
        var generator = SplitMix64(seed: 7)
        return (0..<40).map { index in
            index.isMultiple(of: 3) ? specialInputs[index % specialInputs.count] : uniform(&generator, -20, 20)
        }
    }

    /// Applies `function` to `length` elements at `offset` of a copy of `inputs` (so the buffer's
    /// alignment changes with the offset) and checks those elements against `whole` bit for bit and
    /// every other element unchanged.
    static func checkSubranges(
        _ inputs: [Double], whole: [Double], _ function: (UnsafeMutableBufferPointer<Double>) -> Void,
        outOfPlace: (UnsafeBufferPointer<Double>, UnsafeMutableBufferPointer<Double>) -> Void
    ) {
        for offset in 0...17 {
            for length in 0...17 {
                var values = inputs
                values.withUnsafeMutableBufferPointer { buffer in
                    function(UnsafeMutableBufferPointer(rebasing: buffer[offset..<(offset + length)]))
                }
                for index in values.indices {
                    let expected = (offset..<(offset + length)).contains(index) ? whole[index] : inputs[index]
                    #expect(values[index].bitPattern == expected.bitPattern, "offset \(offset), length \(length), element \(index)")
                }
                // Out of place, into a destination with a guard element on each side.
                var destination = [Double](repeating: -123.5, count: length + 2)
                inputs.withUnsafeBufferPointer { source in
                    destination.withUnsafeMutableBufferPointer { target in
                        outOfPlace(UnsafeBufferPointer(rebasing: source[offset..<(offset + length)]),
                                   UnsafeMutableBufferPointer(rebasing: target[1..<(length + 1)]))
                    }
                }
                #expect(destination.first == -123.5 && destination.last == -123.5)
                #expect(zip(destination.dropFirst().dropLast(), whole[offset..<(offset + length)]).allSatisfy { $0.bitPattern == $1.bitPattern })
            }
        }
    }

    @Test("each result depends on its element only: not on the array's length, offset or alignment")
    func lengthAndOffsetIndependence() {
        let inputs = Self.mixedInputs()
        let exponentials = VectorMath.exponentials(of: inputs)
        Self.checkSubranges(inputs, whole: exponentials, { VectorMath.exponentiate($0) },
                            outOfPlace: { VectorMath.exponentiate($0, into: $1) })
        let logarithms = VectorMath.logarithms(of: inputs)
        Self.checkSubranges(inputs, whole: logarithms, { VectorMath.logarithm($0) },
                            outOfPlace: { VectorMath.logarithm($0, into: $1) })
        // One element at a time gives the same bits as the whole array.
        for index in inputs.indices {
            #expect(VectorMath.exponentials(of: [inputs[index]])[0].bitPattern == exponentials[index].bitPattern)
            #expect(VectorMath.logarithms(of: [inputs[index]])[0].bitPattern == logarithms[index].bitPattern)
        }
        var empty: [Double] = []
        VectorMath.exponentiate(&empty)
        VectorMath.logarithm(&empty)
        #expect(empty.isEmpty)
    }

    @Test("concurrent calls give the serial results")
    func concurrentCalls() {
        let inputs = Self.exponentInputs()
        let serial = VectorMath.exponentials(of: inputs)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            let concurrent = VectorMath.exponentials(of: inputs)
            #expect(zip(concurrent, serial).allSatisfy { $0.bitPattern == $1.bitPattern })
        }
    }

    @Test("the lane count is one SLEEF supports on this architecture")
    func lanes() {
        #if arch(x86_64)
        #expect([2, 4].contains(VectorMath.lanes))
        #elseif arch(arm64)
        #expect(VectorMath.lanes == 2)
        #else
        #expect(VectorMath.lanes == 1)
        #endif
    }
}
