import Testing
@testable import Numerical

@Suite("RandomStream")
struct RandomStreamTests {
    @Test("the derived seed of a fixed triple is pinned")
    func pinnedDerivedSeed() {
        // Computed independently in Python from the recipe in RandomStream's documentation.
        let seed = RandomStream.derivedSeed(masterSeed: 20_261_121, replication: 7, purpose: "firm-productivity")
        #expect(seed == 0xc36b_b044_9317_1141)
        #expect(RandomStream.foldedSeed(seed) == 0x507c_a105)
        #expect(RandomStream.derivedSeed(masterSeed: 0, replication: -1, purpose: "") == 0x6dfc_3f1b_23bf_5639)
        let stream = RandomStream(masterSeed: 20_261_121, replication: 7, purpose: "firm-productivity")
        #expect(stream.seed == seed)
        #expect(stream.generatorSeed == 0x507c_a105)
    }

    @Test("seeds below 2^32 reach GSL unchanged and give the reference MT19937 output")
    func referenceMersenneTwister() {
        // MT19937 with init_genrand(42): first 32-bit outputs (numpy RandomState(42) raw draws).
        let stream = RandomStream(seed: 42)
        #expect(stream.generatorSeed == 42)
        let first = stream.nextInt(below: 4_294_967_295)
        let second = stream.nextInt(below: 4_294_967_295)
        #expect(first == 1_608_637_542)
        #expect(second == 3_421_126_067)
        let uniform = RandomStream(seed: 42).nextUniform()
        #expect(uniform == 1_608_637_542.0 / 4_294_967_296.0)
    }

    @Test("the same triple gives the same sequence")
    func sameTripleSameSequence() {
        let first = RandomStream(masterSeed: 99, replication: 3, purpose: "shocks")
        let second = RandomStream(masterSeed: 99, replication: 3, purpose: "shocks")
        let drawsFirst = (0..<1000).map { _ in first.nextUniform() }
        let drawsSecond = (0..<1000).map { _ in second.nextUniform() }
        #expect(drawsFirst == drawsSecond)
    }

    @Test("a different replication, purpose or master seed gives a different sequence")
    func differentTriplesDiffer() {
        func draws(_ stream: RandomStream) -> [Double] { (0..<20).map { _ in stream.nextUniform() } }
        let base = draws(RandomStream(masterSeed: 99, replication: 3, purpose: "shocks"))
        #expect(base != draws(RandomStream(masterSeed: 99, replication: 4, purpose: "shocks")))
        #expect(base != draws(RandomStream(masterSeed: 99, replication: 3, purpose: "entry")))
        #expect(base != draws(RandomStream(masterSeed: 100, replication: 3, purpose: "shocks")))
    }

    @Test("derived seeds of many replications and purposes do not collide")
    func noCollisionsInPractice() {
        var folded = Set<UInt32>()
        for replication in 0..<2000 {
            for purpose in ["productivity", "demand", "entry"] {
                let seed = RandomStream.derivedSeed(masterSeed: 1, replication: replication, purpose: purpose)
                folded.insert(RandomStream.foldedSeed(seed))
            }
        }
        #expect(folded.count == 6000)
    }

    @Test("uniforms lie in the open unit interval and integers in range")
    func ranges() {
        let stream = RandomStream(seed: 7)
        for _ in 0..<10_000 {
            let uniform = stream.nextUniform()
            #expect(uniform > 0 && uniform < 1)
        }
        var counts = [Int](repeating: 0, count: 5)
        for _ in 0..<50_000 {
            counts[stream.nextInt(below: 5)] += 1
        }
        // Each count is Binomial(50 000, 0.2): sd ≈ 89.
        for count in counts {
            #expect(abs(count - 10_000) < 5 * 90)
        }
        #expect(stream.nextInt(below: 1) == 0)
        let large = 3 * (1 << 40)
        for _ in 0..<1000 {
            let value = stream.nextInt(below: large)
            #expect(value >= 0 && value < large)
        }
    }
}
