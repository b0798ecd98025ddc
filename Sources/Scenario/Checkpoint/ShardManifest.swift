import Foundation

/// `shard.json` of a shard folder: which scenario (``ScenarioFingerprint``) and which replications
/// the folder's `replications.csv` holds, so that ``ShardMerger`` can check that shards fit together.
public struct ShardManifest: Sendable, Codable, Equatable {
    /// Always `"hetfirm-shard"`.
    public var format: String
    public var version: Int
    public var scenario: String
    public var fingerprint: String
    /// K and N of `--shard K/N`.
    public var shard: Int
    public var shards: Int
    /// R, the scenario's replication count.
    public var totalReplications: Int
    /// Confidence level of the recovery intervals.
    public var level: Double
    /// The replications this shard ran (a failed replication is listed but has no rows).
    public var replications: [Int]

    static let formatName = "hetfirm-shard"

    public init(scenario: String, fingerprint: String, shard: ShardSpec, totalReplications: Int, level: Double) {
        format = Self.formatName
        version = 1
        self.scenario = scenario
        self.fingerprint = fingerprint
        self.shard = shard.index
        shards = shard.count
        self.totalReplications = totalReplications
        self.level = level
        replications = shard.replications(of: totalReplications)
    }

    /// Pretty-printed JSON with sorted keys.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return ((try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}") + "\n"
    }
}
