/// One shard of a Monte Carlo split over N processes: shard K (1-based) runs the replications r with
/// r mod N = K − 1 (round robin, so every shard gets early and late replications alike).
public struct ShardSpec: Sendable, Equatable, Codable, CustomStringConvertible {
    /// K, 1…N.
    public let index: Int
    /// N ≥ 1.
    public let count: Int

    /// Creates shard `index` of `count`, or nil unless 1 ≤ index ≤ count.
    public init?(index: Int, count: Int) {
        guard count >= 1, index >= 1, index <= count else { return nil }
        self.index = index
        self.count = count
    }

    /// Parses `"K/N"`, or nil when it is not of that form with 1 ≤ K ≤ N.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0].trimmingSpaces), let n = Int(parts[1].trimmingSpaces) else { return nil }
        self.init(index: k, count: n)
    }

    /// The replications of this shard among 0..<total, ascending.
    public func replications(of total: Int) -> [Int] {
        Array(stride(from: index - 1, to: max(total, 0), by: count))
    }

    public var description: String { "\(index)/\(count)" }
}

private extension Substring {
    package var trimmingSpaces: Substring {
        var text = self
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return text
    }
}
