import FixedEffects
import Testing
import TestSupport

@Suite("Singletons, components and absorbed parameters")
struct GraphStructureTests {
    @Test func singletonRemovalIteratesUntilNoneIsLeft() {
        // Round 1 drops row 4 (a2 alone); then b1 is alone (row 3); then a1 is alone (row 2).
        let a = FactorCodes(name: "a", codes: [0, 0, 1, 1, 2], levelCount: 3)
        let b = FactorCodes(name: "b", codes: [0, 0, 0, 1, 1], levelCount: 2)
        let result = SingletonRemoval.nonSingletonRows([a, b])
        #expect(result.keep == [true, true, false, false, false])
        #expect(result.removed == 3)
    }

    @Test func missingRowsAreNotKeptNorCountedAsSingletons() {
        let a = FactorCodes(name: "a", codes: [0, 0, -1, 1, 1], levelCount: 2)
        let result = SingletonRemoval.nonSingletonRows([a])
        #expect(result.keep == [true, true, false, true, true])
        #expect(result.removed == 0)
    }

    @Test func countsThreeComponents() {
        let first = FactorCodes(name: "a", codes: [0, 1, 1, 2, 3, 4, 5, 4], levelCount: 6)
        let second = FactorCodes(name: "b", codes: [0, 0, 1, 2, 2, 3, 4, 4], levelCount: 6)  // b5 empty
        #expect(ConnectedComponents.count(first, second) == 3)
    }

    @Test func absorbedParametersForOneTwoAndThreeFactors() throws {
        var generator = SplitMix64(seed: 3)
        let a = generator.factor("a", rows: 400, levels: 12)
        let one = try FixedEffectsSolver(factors: [a]).absorbedParameterCount
        #expect(one.levelsPerFactor == [12] && one.redundantPerFactor == [0] && one.total == 12)

        // Two blocks that share no level: components of (a, b) = 2.
        let blockA = (0..<200).map { i in i < 100 ? i % 5 : 5 + i % 4 }
        let blockB = (0..<200).map { i in i < 100 ? (i / 5) % 3 : 3 + (i / 4) % 6 }
        let fa = FactorCodes.encode(name: "a", integers: blockA)
        let fb = FactorCodes.encode(name: "b", integers: blockB)
        let two = try FixedEffectsSolver(factors: [fa, fb])
        #expect(two.absorbedParameterCount.levelsPerFactor == [9, 9])
        #expect(two.absorbedParameterCount.redundantPerFactor == [0, 2])
        #expect(two.absorbedParameterCount.total == 16)
        #expect(two.absorbedParameters(rule: .oneReferencePerFactor).total == 17)

        let b = generator.factor("b", rows: 400, levels: 7)
        let c = generator.factor("c", rows: 400, levels: 5)
        let three = try FixedEffectsSolver(factors: [a, b, c]).absorbedParameterCount
        #expect(three.redundantPerFactor == [0, 1, 1])
        #expect(three.total == 12 + 7 + 5 - 2)
    }

    @Test func nestingInClusters() {
        let plant = FactorCodes(name: "plant", codes: [0, 0, 1, 1, 2, 2], levelCount: 3)
        #expect(AbsorbedParameters.isNested(plant, within: [7, 7, 7, 7, 9, 9]))
        #expect(!AbsorbedParameters.isNested(plant, within: [7, 8, 7, 7, 9, 9]))
    }

    @Test func solverRejectsBadInput() {
        let a = FactorCodes(name: "a", codes: [0, -1, 1], levelCount: 2)
        #expect(throws: FixedEffectsError.missingCode(factor: "a", row: 1)) {
            try FixedEffectsSolver(factors: [a])
        }
        let b = FactorCodes(name: "b", codes: [0, 1], levelCount: 2)
        let c = FactorCodes(name: "c", codes: [0, 1, 1], levelCount: 2)
        #expect(throws: FixedEffectsError.lengthMismatch(name: "c", expected: 2, actual: 3)) {
            try FixedEffectsSolver(factors: [b, c])
        }
        #expect(throws: FixedEffectsError.invalidWeight(row: 1, value: -1)) {
            try FixedEffectsSolver(factors: [b], weights: [1, -1])
        }
        #expect(throws: FixedEffectsError.noFactors) { try FixedEffectsSolver(factors: []) }
    }
}
