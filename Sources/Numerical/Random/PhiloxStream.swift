/// A counter-based stream of random numbers: Philox4x64-10 (Salmon, Moraes, Dror and Shaw,
/// "Parallel random numbers: as easy as 1, 2, 3", SC 2011), keyed by `(masterSeed, replication, purpose)`.
///
/// Philox is a keyed bijection of a 256-bit counter: the i-th block of four 64-bit outputs is
/// `philox(counter i, key)`. The whole state is the key (128 bits), the counter and a buffer of
/// the current block, so a stream costs nothing to create, needs no allocation, and any two keys
/// give independent streams (no seed folding: unlike ``RandomStream``, which feeds GSL's MT19937 a
/// 32-bit seed, two triples share a stream only if their 128-bit keys coincide).
///
/// ## Compatibility with numpy
/// The sequence of ``next()`` equals `numpy.random.Philox(key=[key0, key1]).random_raw()` bit for
/// bit: the counter starts at zero and is incremented *before* each block, so the first four
/// outputs are `philox((1, 0, 0, 0), key)`; ``nextUniform()`` is not numpy's `random()` (which
/// may return 0) but the midpoint rule below.
///
/// ## Key derivation
/// `key0` = ``RandomStream/derivedSeed(masterSeed:replication:purpose:)`` (the 64-bit SplitMix64
/// recipe documented there), `key1` = FNV-1a-64 of the UTF-8 bytes of `purpose`.
///
/// Blocks are computed four at a time (four independent counters interleaved, which the processor
/// overlaps; one Philox block alone is bound by the latency of its ten dependent multiplications),
/// so the stream buffers sixteen outputs. This changes nothing in the sequence.
///
/// The type is non-copyable: a copy would replay the same numbers, so a stream is passed `inout`.
public struct PhiloxStream: ~Copyable, Sendable {
    /// The two 64-bit key words.
    public let key0: UInt64, key1: UInt64
    /// The counter of the last block computed (256 bits, least significant word first).
    @usableFromInline var counter0: UInt64 = 0, counter1: UInt64 = 0, counter2: UInt64 = 0, counter3: UInt64 = 0
    /// Sixteen outputs: four consecutive blocks.
    @usableFromInline var buffer: Buffer = Buffer()
    /// Outputs of `buffer` already handed out; 16 means "compute new blocks first".
    @usableFromInline var position = PhiloxStream.bufferSize

    /// Outputs per refill.
    @usableFromInline static let bufferSize = 16

    /// Storage for sixteen outputs.
    @usableFromInline
    struct Buffer: Sendable {
        @usableFromInline var words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                                      UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)
            = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        @usableFromInline init() {}
    }

    /// A stream with an explicit key (numpy: `Philox(key=[key0, key1])`).
    public init(key0: UInt64, key1: UInt64) {
        self.key0 = key0
        self.key1 = key1
    }

    /// The stream for one purpose within one replication of a run with the given master seed.
    public init(masterSeed: UInt64, replication: Int, purpose: String) {
        self.init(key0: RandomStream.derivedSeed(masterSeed: masterSeed, replication: replication, purpose: purpose),
                  key1: PhiloxStream.purposeHash(purpose))
    }

    /// FNV-1a-64 of the UTF-8 bytes of `purpose`.
    public static func purposeHash(_ purpose: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in purpose.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash
    }

    /// The next 64 random bits.
    @inlinable @inline(__always)
    public mutating func next() -> UInt64 {
        if position == PhiloxStream.bufferSize { refill() }
        let index = position
        position = index + 1
        return withUnsafeBytes(of: &buffer.words) { $0.load(fromByteOffset: index &* 8, as: UInt64.self) }
    }

    /// A uniform draw on the open interval (0, 1): ``uniform(_:)`` of ``next()``.
    @inlinable @inline(__always)
    public mutating func nextUniform() -> Double {
        PhiloxStream.uniform(next())
    }

    /// The uniform on (0, 1) made from 64 random bits: the top 52 bits b give (b + ½) · 2⁻⁵², the
    /// midpoint of one of 2⁵² equal cells, so neither 0 nor 1 can occur (from 2⁻⁵³ to 1 − 2⁻⁵³) and
    /// b + ½ is exact in binary64. (With 53 bits, b + ½ would round to 2⁵³ for the largest b and
    /// give exactly 1.)
    @inlinable @inline(__always)
    public static func uniform(_ bits: UInt64) -> Double {
        (Double(bits >> 12) + 0.5) * 0x1p-52
    }

    /// Fills `output` with the next `output.count` outputs: exactly what as many ``next()`` calls
    /// would return, with whole groups of four blocks written directly.
    public mutating func fill(_ output: UnsafeMutableBufferPointer<UInt64>) {
        var index = 0
        while index < output.count, position < PhiloxStream.bufferSize {
            output[index] = next()
            index += 1
        }
        while output.count - index >= PhiloxStream.bufferSize {
            let target = UnsafeMutableRawPointer(output.baseAddress! + index)
            computeBlocks(into: target)
            index += PhiloxStream.bufferSize
        }
        while index < output.count {
            output[index] = next()
            index += 1
        }
    }

    /// Computes the next four blocks into `buffer`.
    @usableFromInline
    mutating func refill() {
        var words = buffer.words
        withUnsafeMutableBytes(of: &words) { computeBlocks(into: $0.baseAddress!) }
        buffer.words = words
        position = 0
    }

    /// Advances the counter by four and writes the blocks for the four new counter values (16
    /// outputs) to `target`.
    private mutating func computeBlocks(into target: UnsafeMutableRawPointer) {
        let output = target.assumingMemoryBound(to: UInt64.self)
        if counter0 <= UInt64.max - 4 {
            // No carry: the four counters differ in their first word only; compute them interleaved.
            PhiloxStream.philoxFour(firstWord: counter0 &+ 1, counter1, counter2, counter3, key: (key0, key1), into: output)
            counter0 &+= 4
            return
        }
        for block in 0..<4 {
            advanceCounter()
            let values = PhiloxStream.philox(counter: (counter0, counter1, counter2, counter3), key: (key0, key1))
            output[4 * block] = values.0
            output[4 * block + 1] = values.1
            output[4 * block + 2] = values.2
            output[4 * block + 3] = values.3
        }
    }

    /// The 256-bit counter plus one.
    private mutating func advanceCounter() {
        counter0 &+= 1
        if counter0 == 0 {
            counter1 &+= 1
            if counter1 == 0 {
                counter2 &+= 1
                if counter2 == 0 { counter3 &+= 1 }
            }
        }
    }

    /// Multipliers of Philox4x64 (Salmon et al. 2011, table 2).
    static let multiplier0: UInt64 = 0xD2E7_470E_E14C_6C93, multiplier1: UInt64 = 0xCA5A_8263_9512_1157
    /// Weyl increments of the key between rounds.
    static let weyl0: UInt64 = 0x9E37_79B9_7F4A_7C15, weyl1: UInt64 = 0xBB67_AE85_84CA_A73B

    /// Philox4x64 with 10 rounds: the block for one counter value under one key.
    public static func philox(counter: (UInt64, UInt64, UInt64, UInt64), key: (UInt64, UInt64))
        -> (UInt64, UInt64, UInt64, UInt64)
    {
        var (x0, x1, x2, x3) = counter
        var (k0, k1) = key
        for round in 0..<10 {
            if round > 0 {
                k0 &+= weyl0
                k1 &+= weyl1
            }
            let product0 = multiplier0.multipliedFullWidth(by: x0)
            let product1 = multiplier1.multipliedFullWidth(by: x2)
            (x0, x1, x2, x3) = (product1.high ^ x1 ^ k0, product1.low, product0.high ^ x3 ^ k1, product0.low)
        }
        return (x0, x1, x2, x3)
    }

    /// Four Philox4x64-10 blocks, for the counters (first + j, c1, c2, c3), j = 0…3, computed
    /// round by round side by side; block j goes to output[4j…4j+3].
    private static func philoxFour(firstWord first: UInt64, _ c1: UInt64, _ c2: UInt64, _ c3: UInt64,
                                   key: (UInt64, UInt64), into output: UnsafeMutablePointer<UInt64>) {
        var a = (first, c1, c2, c3), b = (first &+ 1, c1, c2, c3)
        var c = (first &+ 2, c1, c2, c3), d = (first &+ 3, c1, c2, c3)
        var (k0, k1) = key
        @inline(__always)
        func round(_ x: inout (UInt64, UInt64, UInt64, UInt64), _ k0: UInt64, _ k1: UInt64) {
            let product0 = multiplier0.multipliedFullWidth(by: x.0)
            let product1 = multiplier1.multipliedFullWidth(by: x.2)
            x = (product1.high ^ x.1 ^ k0, product1.low, product0.high ^ x.3 ^ k1, product0.low)
        }
        for roundIndex in 0..<10 {
            if roundIndex > 0 {
                k0 &+= weyl0
                k1 &+= weyl1
            }
            round(&a, k0, k1)
            round(&b, k0, k1)
            round(&c, k0, k1)
            round(&d, k0, k1)
        }
        for (block, x) in [a, b, c, d].enumerated() {
            output[4 * block] = x.0
            output[4 * block + 1] = x.1
            output[4 * block + 2] = x.2
            output[4 * block + 3] = x.3
        }
    }
}
