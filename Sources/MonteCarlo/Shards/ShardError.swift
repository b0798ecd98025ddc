/// Why shard folders cannot be merged (CLI exit code 2: bad input).
public enum ShardError: Error, Sendable, CustomStringConvertible {
    /// A folder has no readable `shard.json`, `scenario.toml` or `replications.csv`.
    case unreadable(folder: String, reason: String)
    /// Shards of different scenarios (fingerprints) or replication counts.
    case differentScenarios(String)
    /// Some replications are in more than one shard.
    case overlapping([Int])
    /// Some replications are in no shard.
    case missing([Int], total: Int)

    public var description: String {
        switch self {
        case .unreadable(let folder, let reason):
            return "error: \(folder) is not a readable shard folder: \(reason)"
        case .differentScenarios(let detail):
            return "error: the shards come from different runs: \(detail)"
        case .overlapping(let replications):
            return "error: replications in more than one shard: \(Self.ranges(replications)); merge each shard once"
        case .missing(let replications, let total):
            return "error: \(replications.count) of \(total) replications are in no shard: \(Self.ranges(replications)); "
                + "run the missing shards (hetfirm run SCENARIO --shard K/N) and merge again"
        }
    }

    /// `[0, 1, 2, 5, 7, 8]` → `"0–2, 5, 7–8"`, at most 20 runs shown.
    package static func ranges(_ values: [Int]) -> String {
        var runs: [String] = []
        var index = 0
        let sorted = values.sorted()
        while index < sorted.count {
            var end = index
            while end + 1 < sorted.count, sorted[end + 1] == sorted[end] + 1 { end += 1 }
            runs.append(end == index ? "\(sorted[index])" : "\(sorted[index])–\(sorted[end])")
            index = end + 1
        }
        return runs.prefix(20).joined(separator: ", ") + (runs.count > 20 ? ", …" : "")
    }
}
