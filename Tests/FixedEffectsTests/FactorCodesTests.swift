import FixedEffects
import Testing
import TestSupport

@Suite("FactorCodes")
struct FactorCodesTests {
    @Test func encodesIntegersInIncreasingOrder() {
        let factor = FactorCodes.encode(name: "year", integers: [2003, 2001, 2003, 1999, 2001])
        #expect(factor.codes == [2, 1, 2, 0, 1])
        #expect(factor.levelCount == 3)
        #expect(factor.levelSizes == [1, 2, 2])
    }

    @Test func encodesWideIntegerRangesByHashingWithTheSameOrder() {
        let factor = FactorCodes.encode(
            name: "id", integers: [Int.max, -5, Int.min, -5, 7], missing: [false, false, false, true, false])
        #expect(factor.codes == [3, 1, 0, -1, 2])
        #expect(factor.levelCount == 4)
    }

    @Test func encodesLabelsInSortedOrderWithMissing() {
        let factor = FactorCodes.encode(
            name: "city", labels: ["b", "a", "c", "a", "z"], missing: [false, false, false, false, true])
        #expect(factor.codes == [1, 0, 2, 0, -1])
        #expect(factor.levelCount == 3)
        #expect(factor.levelSizes == [2, 1, 1])
    }

    @Test func interactionEqualsEncodingTheConcatenation() {
        var generator = SplitMix64(seed: 1)
        let a = (0..<500).map { _ in generator.integer(below: 10) }
        let b = (0..<500).map { _ in generator.integer(below: 7) }
        let fa = FactorCodes.encode(name: "a", integers: a)
        let fb = FactorCodes.encode(name: "b", integers: b)
        let product = fa.interacted(with: fb)
        let concatenated = FactorCodes.encode(name: "a^b", labels: zip(a, b).map { "\($0)_\($1)" })
        #expect(product.name == "a^b")
        // Single-digit codes: the sorted strings are in pair order, so the codes agree exactly.
        #expect(product.codes == concatenated.codes)
        #expect(product.levelCount == concatenated.levelCount)
    }

    @Test func interactionOfLargeSpacesUsesSortedKeysWithTheSameResult() {
        var generator = SplitMix64(seed: 2)
        let a = (0..<300).map { _ in 1000 * generator.integer(below: 20) + 17 }
        let b = (0..<300).map { _ in generator.integer(below: 13) * 31 }
        let fa = FactorCodes.encode(name: "a", integers: a)
        let fb = FactorCodes.encode(name: "b", integers: b)
        let dense = fa.interacted(with: fb)
        // Same codes but declared with huge level counts: the lookup table would exceed the bound.
        let sparseA = FactorCodes(name: "a", codes: fa.codes, levelCount: 1_000_000)
        let sparseB = FactorCodes(name: "b", codes: fb.codes, levelCount: 1_000)
        let sparse = sparseA.interacted(with: sparseB)
        #expect(sparse.codes == dense.codes)
        let labels = FactorCodes.encode(name: "a^b", labels: zip(a, b).map { "\($0)_\($1)" })
        #expect(samePartition(dense.codes, labels.codes))
        #expect(dense.levelCount == labels.levelCount)
    }

    @Test func interactionIsMissingWhenEitherIs() {
        let a = FactorCodes(name: "a", codes: [0, -1, 1, 1], levelCount: 2)
        let b = FactorCodes(name: "b", codes: [1, 0, -1, 0], levelCount: 2)
        let product = a.interacted(with: b)
        #expect(product.codes == [0, -1, -1, 1])
        #expect(product.levelCount == 2)
    }

    @Test func restrictionRenumbersDenselyPreservingOrder() {
        let factor = FactorCodes(name: "f", codes: [3, 1, 1, 0, 3, -1], levelCount: 5)
        let restricted = factor.restricted(to: [0, 1, 4, 5])
        #expect(restricted.codes == [1, 0, 1, -1])
        #expect(restricted.levelCount == 2)
        #expect(restricted.name == "f")
    }
}
