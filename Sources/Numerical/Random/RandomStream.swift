import CGSL

/// Reproducible stream of random numbers: MT19937 from GSL, seeded from
/// `(masterSeed, replication, purpose)`.
///
/// Each replication of a Monte Carlo run owns its streams, one per purpose
/// (`"firm-productivity"`, `"demand-shocks"`, …), so results do not depend on the order
/// in which replications run or on how many threads run them.
///
/// ## Seed derivation
/// ``derivedSeed(masterSeed:replication:purpose:)`` computes a 64-bit seed as follows
/// (all arithmetic on `UInt64`, wrapping):
///
/// 1. `h` = FNV-1a-64 of the UTF-8 bytes of `purpose`: start from the offset basis
///    `0xcbf29ce484222325`; for each byte `b`, `h = (h ^ b) &* 0x100000001b3`.
/// 2. `mix(z)` is the SplitMix64 finalizer:
///    `z = (z ^ (z >> 30)) &* 0xbf58476d1ce4e5b9; z = (z ^ (z >> 27)) &* 0x94d049bb133111eb; z ^ (z >> 31)`,
///    and `γ = 0x9e3779b97f4a7c15` (the golden-ratio increment of SplitMix64).
/// 3. `s0 = mix(masterSeed &+ γ)`,
///    `s1 = mix((s0 ^ r) &+ γ)` where `r = UInt64(bitPattern: Int64(replication))`,
///    `s2 = mix((s1 ^ h) &+ γ)`. The derived seed is `s2`.
///
/// ## What GSL actually receives
/// GSL's MT19937 uses only the low 32 bits of the seed passed to `gsl_rng_set`, so the
/// 64-bit seed is folded explicitly: ``generatorSeed`` `= UInt32(truncatingIfNeeded: seed ^ (seed >> 32))`.
/// For seeds below 2³² the fold is the identity, so `RandomStream(seed: 42)` is
/// GSL's MT19937 seeded with 42. GSL replaces a zero seed by its default 4357, so the
/// folded seeds 0 and 4357 give the same stream.
///
/// Because only 2³² distinct streams exist, two different triples give the same stream
/// with probability 2⁻³² each; among `n` streams in one run the probability that some
/// pair coincides is about `n² / 2³³` (≈ 0.01 % for 1 000 streams, ≈ 1.2 % for 10 000,
/// ≈ 69 % for 100 000). A coincidence makes two streams identical, not merely correlated.
public final class RandomStream {
    /// The 64-bit seed: either the value given to ``init(seed:)`` or the derived seed.
    public let seed: UInt64
    /// The 32-bit value passed to `gsl_rng_set`: `seed ^ (seed >> 32)` truncated to 32 bits.
    public let generatorSeed: UInt32
    /// The GSL generator; owned by this stream and freed on deinitialization.
    let generator: UnsafeMutablePointer<gsl_rng>

    /// The 64-bit seed for `(masterSeed, replication, purpose)`; the recipe is in the type's documentation.
    public static func derivedSeed(masterSeed: UInt64, replication: Int, purpose: String) -> UInt64 {
        let golden: UInt64 = 0x9e37_79b9_7f4a_7c15
        var purposeHash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in purpose.utf8 {
            purposeHash = (purposeHash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        let replicationBits = UInt64(bitPattern: Int64(replication))
        let first = splitMixFinalizer(masterSeed &+ golden)
        let second = splitMixFinalizer((first ^ replicationBits) &+ golden)
        return splitMixFinalizer((second ^ purposeHash) &+ golden)
    }

    /// The SplitMix64 output finalizer (Steele, Lea and Flood 2014, variant 13 constants).
    static func splitMixFinalizer(_ value: UInt64) -> UInt64 {
        var mixed = value
        mixed = (mixed ^ (mixed >> 30)) &* 0xbf58_476d_1ce4_e5b9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94d0_49bb_1331_11eb
        return mixed ^ (mixed >> 31)
    }

    /// The 32-bit fold of a 64-bit seed used for `gsl_rng_set`: `UInt32(truncatingIfNeeded: seed ^ (seed >> 32))`.
    public static func foldedSeed(_ seed: UInt64) -> UInt32 {
        UInt32(truncatingIfNeeded: seed ^ (seed >> 32))
    }

    /// A stream for one purpose within one replication of a run with the given master seed.
    public convenience init(masterSeed: UInt64, replication: Int, purpose: String) {
        self.init(seed: RandomStream.derivedSeed(masterSeed: masterSeed, replication: replication, purpose: purpose))
    }

    /// A stream seeded directly; GSL receives ``foldedSeed(_:)`` of `seed`.
    ///
    /// Allocation of the 5 kB generator state is the only way this can fail; like any
    /// Swift allocation, running out of memory traps.
    public init(seed: UInt64) {
        GSLRuntime.prepare()
        guard let allocated = gsl_rng_alloc(hetfirm_rng_mt19937()) else {
            preconditionFailure("gsl_rng_alloc: out of memory")
        }
        self.seed = seed
        self.generatorSeed = RandomStream.foldedSeed(seed)
        self.generator = allocated
        gsl_rng_set(allocated, UInt(generatorSeed))
    }

    deinit {
        gsl_rng_free(generator)
    }

    /// A uniform draw on the open interval (0, 1) (`gsl_rng_uniform_pos`).
    public func nextUniform() -> Double {
        gsl_rng_uniform_pos(generator)
    }

    /// A uniform draw on `0..<upperBound`.
    ///
    /// Bounds below 2³² use `gsl_rng_uniform_int` (one or more 32-bit outputs with
    /// rejection, so no modulo bias); larger bounds combine two 32-bit outputs into a
    /// 64-bit value, again with rejection. Like `Int.random(in: 0..<0)`, an empty range is
    /// a programming error and traps.
    public func nextInt(below upperBound: Int) -> Int {
        precondition(upperBound > 0, "RandomStream.nextInt(below:) needs a positive upper bound")
        let bound = UInt64(upperBound)
        // GSL accepts bounds up to max − min = 2³² − 1 for MT19937.
        if bound < 1 << 32 {
            return Int(gsl_rng_uniform_int(generator, UInt(bound)))
        }
        // Largest multiple of `bound` that fits in 2^64, minus one: accept draws below it.
        let limit = UInt64.max - (UInt64.max % bound + 1) % bound
        while true {
            let high = UInt64(gsl_rng_get(generator) & 0xffff_ffff)
            let low = UInt64(gsl_rng_get(generator) & 0xffff_ffff)
            let combined = (high << 32) | low
            if combined <= limit {
                return Int(combined % bound)
            }
        }
    }
}

/// A stream carries mutable generator state and belongs to one replication at a time.
@available(*, unavailable)
extension RandomStream: Sendable {}
