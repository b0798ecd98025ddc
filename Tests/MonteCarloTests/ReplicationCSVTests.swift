import Foundation
import Testing
@testable import MonteCarlo

/// `replications.csv` and its field codec round-trip records exactly, and the runner reports each
/// completed replication of an arbitrary index list.
@Suite("replication records as CSV")
struct ReplicationCSVTests {
    static let awkwardNames = ["k", "a, b", "say \"hi\"", "line\nbreak", "\"quoted, both\"", "", "ü ∆ 中"]

    static let awkwardNumbers: [Double] = [
        0, -0.0, 1, -1, 0.1, 1.0 / 3.0, .pi, 1e300, -1e-300, .leastNonzeroMagnitude, .leastNormalMagnitude,
        .greatestFiniteMagnitude, 123_456_789.123_456_789, 2.000_000_000_000_000_4, .infinity, -.infinity, .nan,
    ]

    static func sameBits(_ a: Double, _ b: Double) -> Bool {
        a.isNaN ? b.isNaN : a.bitPattern == b.bitPattern
    }

    @Test("numbers round-trip bit for bit, including NaN, ±Inf, −0 and subnormals")
    func numbers() {
        var generator = SystemRandomNumberGenerator()
        let random = (0..<2_000).map { _ in Double(bitPattern: generator.next()) }
        for value in Self.awkwardNumbers + random {
            let text = ReplicationCSV.number(value)
            let back = ReplicationCSV.parseNumber(text)
            #expect(back.map { Self.sameBits($0, value) } == true, "\(value) → \(text)")
        }
    }

    @Test("records with awkward parameter names and extreme finite numbers round-trip through replications.csv")
    func records() throws {
        var records: [ReplicationRecord] = []
        let finite = Self.awkwardNumbers.filter(\.isFinite)
        for replication in 0..<5 {
            let estimates = Self.awkwardNames.filter { !$0.isEmpty }.enumerated().map { index, name in
                let number = finite[(index + replication) % finite.count]
                return ParameterEstimate(parameter: name, truth: number, estimate: number / 1.5 - 0.25,
                                         standardError: abs(finite[(index * 3 + replication) % finite.count]))
            }
            records.append(ReplicationRecord(replication: replication * 7, estimates: estimates))
        }
        let text = ReplicationCSV.csv(records)
        let back = try ReplicationCSV.records(fromCSV: text)
        #expect(back.count == records.count)
        for (a, b) in zip(records, back) {
            #expect(a.replication == b.replication)
            #expect(a.estimates.map(\.parameter) == b.estimates.map(\.parameter))
            for (x, y) in zip(a.estimates, b.estimates) {
                #expect(Self.sameBits(x.truth, y.truth) && Self.sameBits(x.estimate, y.estimate)
                    && Self.sameBits(x.standardError, y.standardError))
            }
        }
        #expect(ReplicationCSV.csv(back) == text)
    }

    @Test("a torn last row is reported and left out; quoted line breaks are not row ends")
    func tornRows() {
        let complete = ReplicationCSV.rows(in: "a,\"b\nc\",d\n1,2,3\n")
        #expect(complete.rows == [["a", "b\nc", "d"], ["1", "2", "3"]])
        #expect(!complete.torn)
        let torn = ReplicationCSV.rows(in: "a,b\n1,\"2")
        #expect(torn.rows == [["a", "b"]])
        #expect(torn.torn)
        #expect(ReplicationCSV.rows(in: "a,b\n1,2").torn)
    }

    @Test("malformed rows name their row and column")
    func errors() throws {
        let header = ReplicationCSV.header.joined(separator: ",")
        #expect(throws: ReplicationCSVError(row: 2, column: 4, message: "'x' is not a number as hetfirm writes it")) {
            try ReplicationCSV.records(fromCSV: header + "\n0,k,1.0,x,2.0\n")
        }
        // Only what hetfirm writes: canonical numbers, finite values, SE ≥ 0, canonical indices, one row per key.
        for (row, column) in [("0,k,1.0,nan,2.0", 4), ("0,k,1.0,NaN,2.0", 4), ("0,k,Inf,1.0,2.0", 3), ("0,k,1.0,0x10,2.0", 4),
                              ("0,k,1.0,1e308,2.0", 4), ("0,k,1.0,1,2.0", 4), ("0,k,1.0,2.0,-1.0", 5), ("0,k,1.0,2.0,NaN", 5),
                              ("00,k,1.0,2.0,1.0", 1), ("+0,k,1.0,2.0,1.0", 1), ("0,,1.0,2.0,1.0", 2)] {
            do {
                _ = try ReplicationCSV.records(fromCSV: header + "\n" + row + "\n")
                Issue.record("\(row) was accepted")
            } catch {
                #expect(error.row == 2 && error.column == column, "\(row): \(error)")
            }
        }
        #expect(throws: ReplicationCSVError.self) {
            try ReplicationCSV.records(fromCSV: header + "\n0,k,1.0,2.0,1.0\n0,k,1.0,2.5,1.0\n")
        }
        #expect(try ReplicationCSV.records(fromCSV: header + "\n0,k,1.0,2.0,1.0\n0,k,1.0,2.0,1.0\n").first?.estimates.count == 1)
        #expect(throws: ReplicationCSVError.self) { try ReplicationCSV.records(fromCSV: header + "\n0,k,1.0,2.0,1.0") }
        #expect(throws: ReplicationCSVError.self) { try ReplicationCSV.records(fromCSV: "r,p\n") }
        #expect(throws: ReplicationCSVError.self) { try ReplicationCSV.records(fromCSV: header + "\n0,k,1\n") }
    }

    @Test("the runner runs any index list, reports each completed replication once, and returns in list order")
    func runnerCompletion() throws {
        let indices = [9, 2, 17, 4, 0, 33]
        let seen = Seen()
        let results = try ReplicationRunner(threads: 3).run(replications: indices, completed: { replication, value in
            seen.add(replication, value)
        }) { replication in replication * replication }
        #expect(results == indices.map { $0 * $0 })
        #expect(seen.pairs.sorted { $0.0 < $1.0 }.map(\.0) == indices.sorted())
        #expect(seen.pairs.allSatisfy { $0.1 == $0.0 * $0.0 })
    }
}

private final class Seen: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [(Int, Int)] = []
    func add(_ replication: Int, _ value: Int) {
        lock.lock()
        stored.append((replication, value))
        lock.unlock()
    }
    var pairs: [(Int, Int)] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
