import Foundation
import Testing
import TestSupport
@testable import Numerical

/// PhiloxStream against numpy's Philox (validation/philox_streams.py) and its own contracts.
@Suite("PhiloxStream")
struct PhiloxStreamTests {
    static func hex(_ text: Any?) -> UInt64 { UInt64(text as? String ?? "", radix: 16) ?? 0 }

    static func fixture() throws -> OracleFixture { try OracleFixture(oracle: "numpy", name: "philox_streams") }

    @Test("Random123's known answer: counter 0, key 0")
    func knownAnswer() {
        // Philox4x64-10 test vector of the Random123 distribution (kat_vectors: philox4x64 10, zeros).
        let block = PhiloxStream.philox(counter: (0, 0, 0, 0), key: (0, 0))
        #expect(block.0 == 0x1655_4d9e_ca36_314c)
        #expect(block.1 == 0xdb20_fe9d_672d_0fdc)
        #expect(block.2 == 0xd7e7_72ce_e186_176b)
        #expect(block.3 == 0x7e68_b68a_ec7b_a23b)
    }

    @Test("next() equals numpy.random.Philox(key=…).random_raw() bit for bit")
    func matchesNumpy() throws {
        let streams = try #require(try Self.fixture()["streams"] as? [[String: Any]])
        #expect(streams.count == 6)
        for case let entry in streams {
            let key = try #require(entry["key"] as? [String])
            var stream = PhiloxStream(key0: Self.hex(key[0]), key1: Self.hex(key[1]))
            let first = (0..<40).map { _ in stream.next() }
            #expect(first == (entry["first40"] as? [String] ?? []).map(Self.hex), "key \(key)")
            for _ in 40..<1000 { _ = stream.next() }
            let later = (0..<9).map { _ in stream.next() }
            #expect(later == (entry["from1000"] as? [String] ?? []).map(Self.hex), "key \(key)")
        }
    }

    @Test("keys of (master seed, replication, purpose) follow the documented recipe")
    func derivedKeys() throws {
        let derived = try #require(try Self.fixture()["derivedKeys"] as? [[String: Any]])
        for entry in derived {
            let seed = try #require(entry["masterSeed"] as? Int), replication = try #require(entry["replication"] as? Int)
            let purpose = try #require(entry["purpose"] as? String), key = try #require(entry["key"] as? [String])
            let stream = PhiloxStream(masterSeed: UInt64(seed), replication: replication, purpose: purpose)
            #expect(stream.key0 == Self.hex(key[0]) && stream.key1 == Self.hex(key[1]), "\(entry)")
        }
    }

    @Test("fill(_:) gives exactly the outputs of as many next() calls, from any position and for any length")
    func fillMatchesNext() {
        for offset in [0, 1, 3, 4, 15, 16, 17, 31] {
            for length in [0, 1, 5, 16, 17, 48, 63, 100] {
                var sequential = PhiloxStream(key0: 9, key1: UInt64(offset))
                var bulk = PhiloxStream(key0: 9, key1: UInt64(offset))
                for _ in 0..<offset {
                    _ = sequential.next()
                    _ = bulk.next()
                }
                let expected = (0..<length).map { _ in sequential.next() }
                var filled = [UInt64](repeating: 0, count: length)
                filled.withUnsafeMutableBufferPointer { bulk.fill($0) }
                #expect(filled == expected, "offset \(offset), length \(length)")
                #expect(bulk.next() == sequential.next(), "after fill: offset \(offset), length \(length)")
            }
        }
    }

    @Test("the counter carries across its 64-bit words like numpy's")
    func counterCarry() {
        // Near the end of the first counter word the blocks are computed one at a time; the
        // sequence must still be philox(counter + 1), philox(counter + 2), … with the carry.
        var stream = PhiloxStream(key0: 5, key1: 6)
        stream.counter0 = UInt64.max - 5
        var outputs: [UInt64] = []
        for _ in 0..<(4 * 12) { outputs.append(stream.next()) }
        var expected: [UInt64] = []
        var counter: (UInt64, UInt64) = (UInt64.max - 5, 0)
        for _ in 0..<12 {
            counter.0 &+= 1
            if counter.0 == 0 { counter.1 += 1 }
            let block = PhiloxStream.philox(counter: (counter.0, counter.1, 0, 0), key: (5, 6))
            expected += [block.0, block.1, block.2, block.3]
        }
        #expect(outputs == expected)
    }

    @Test("uniforms lie strictly inside (0, 1), at the midpoints of 2⁻⁵² cells")
    func uniformRange() {
        #expect(PhiloxStream.uniform(0) == 0x1p-53)
        #expect(PhiloxStream.uniform(.max) == 1 - 0x1p-53)
        #expect(PhiloxStream.uniform(1 << 12) == 1.5 * 0x1p-52)
        #expect(PhiloxStream.uniform(.max) < 1)
        var stream = PhiloxStream(key0: 1, key1: 1)
        var sum = 0.0
        for _ in 0..<100_000 {
            let u = stream.nextUniform()
            #expect(u > 0 && u < 1)
            sum += u
        }
        // Mean of 100,000 uniforms: SD 0.29/√n ≈ 0.0009; 5 SD.
        #expect(abs(sum / 100_000 - 0.5) < 0.0046)
    }

    @Test("the stream of a triple does not depend on other streams or on threads")
    func independentOfThreads() async {
        func draws(_ replication: Int) -> [UInt64] {
            var stream = PhiloxStream(masterSeed: 3, replication: replication, purpose: "p")
            return (0..<50).map { _ in stream.next() }
        }
        let serial = (0..<8).map(draws)
        let parallel = await withTaskGroup(of: (Int, [UInt64]).self) { group in
            for replication in 0..<8 { group.addTask { (replication, draws(replication)) } }
            var result = [[UInt64]](repeating: [], count: 8)
            for await (replication, values) in group { result[replication] = values }
            return result
        }
        #expect(serial == parallel)
        #expect(Set(serial.map { $0[0] }).count == 8)
    }
}

@Suite("NormalZiggurat")
struct NormalZigguratTests {
    @Test("normals and their consumption of the stream equal the independent Python transcription")
    func matchesTranscription() throws {
        let fixture = try OracleFixture(oracle: "numpy", name: "philox_streams")
        let normals = try #require(fixture["normals"] as? [String: Any])
        let key = try #require(normals["key"] as? [String])
        let values = try #require(normals["values"] as? [String]).compactMap(Double.init)
        var stream = PhiloxStream(key0: PhiloxStreamTests.hex(key[0]), key1: PhiloxStreamTests.hex(key[1]))
        var counting = PhiloxStream(key0: PhiloxStreamTests.hex(key[0]), key1: PhiloxStreamTests.hex(key[1]))
        #expect(values.count == 5000)
        var worst = 0.0
        for expected in values {
            let drawn = NormalZiggurat.standard.sample(&stream)
            worst = max(worst, abs(drawn - expected) / max(abs(expected), 1e-300))
        }
        #expect(worst <= 1e-15)
        // The next output tells how many the 5,000 draws consumed.
        let consumed = try #require(normals["outputsConsumed"] as? Int)
        for _ in 0..<consumed { _ = counting.next() }
        #expect(stream.next() == PhiloxStreamTests.hex(normals["nextOutput"]))
        #expect(counting.next() == PhiloxStreamTests.hex(normals["nextOutput"]))
    }

    @Test("the layers close: x₂₅₅ > 0 and the last layer's top is 1 to within 1e-14")
    func tableCloses() {
        let table = NormalZiggurat.standard
        #expect(table.edges[1] == NormalZiggurat.tailStart)
        #expect(table.edges[255] > 0 && table.edges[256] == 0)
        let area = table.edges[0] * table.heights[0]
        #expect(abs(exp(-0.5 * table.edges[255] * table.edges[255]) + area / table.edges[255] - 1) < 1e-14)
        for layer in 1..<256 { #expect(table.edges[layer + 1] < table.edges[layer]) }
    }

    @Test("200,000 draws: moments and a Kolmogorov–Smirnov distance consistent with N(0, 1)")
    func distribution() {
        var stream = PhiloxStream(masterSeed: 11, replication: 0, purpose: "ziggurat-test")
        let n = 200_000
        var draws = (0..<n).map { _ in NormalZiggurat.standard.sample(&stream) }
        let mean = draws.reduce(0, +) / Double(n)
        let variance = draws.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1)
        let kurtosis = draws.reduce(0) { $0 + pow($1 - mean, 4) } / Double(n) / (variance * variance)
        #expect(abs(mean) < 5 / Double(n).squareRoot())          // SD of the mean: 1/√n
        #expect(abs(variance - 1) < 5 * (2 / Double(n)).squareRoot())
        #expect(abs(kurtosis - 3) < 5 * (24 / Double(n)).squareRoot())
        draws.sort()
        var distance = 0.0
        for (index, value) in draws.enumerated() {
            let cdf = 0.5 * erfc(-value / 2.0.squareRoot())
            distance = max(distance, abs(cdf - Double(index) / Double(n)), abs(cdf - Double(index + 1) / Double(n)))
        }
        // The 0.1% critical value of the KS distance is about 1.95/√n.
        #expect(distance < 1.95 / Double(n).squareRoot())
        // The tail beyond r = 3.654 has probability 2.58e-4 on each side: about 52 draws per side.
        let beyond = draws.filter { $0 > NormalZiggurat.tailStart }.count
        #expect(beyond > 20 && beyond < 90)
    }
}
