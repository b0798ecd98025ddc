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
    /// The replications this shard ran.
    public var replications: [Int]
    /// The replications among them that produced no estimates (they have no rows in replications.csv).
    public var failedReplications: [Int]
    /// Every parameter name the shard's replications.csv uses, sorted.
    public var parameters: [String]
    /// The number of estimates in the shard's replications.csv (its data rows): a lost or added
    /// row, which no other check can see when a replication legitimately lacks some parameters
    /// (a block that failed), changes it.
    public var estimateCount: Int

    package static let formatName = "hetfirm-shard"
    package static let currentVersion = 3
    /// The most replications a manifest may claim (the scenario file's own bound).
    package static let maximumReplications = 1_000_000

    public init(scenario: String, fingerprint: String, shard: ShardSpec, totalReplications: Int, level: Double,
                records: [ReplicationRecord] = []) {
        format = Self.formatName
        version = Self.currentVersion
        self.scenario = scenario
        self.fingerprint = fingerprint
        self.shard = shard.index
        shards = shard.count
        self.totalReplications = totalReplications
        self.level = level
        replications = shard.replications(of: totalReplications)
        let estimated = Set(records.filter { !$0.estimates.isEmpty }.map(\.replication))
        failedReplications = replications.filter { !estimated.contains($0) }
        parameters = Set(records.flatMap { $0.estimates.map(\.parameter) }).sorted()
        estimateCount = records.reduce(0) { $0 + $1.estimates.count }
    }

    /// What makes a decoded manifest one hetfirm could not have written, or nil.
    package var problem: String? {
        guard format == Self.formatName else { return "format is '\(format)', not \(Self.formatName)" }
        guard version == Self.currentVersion else {
            return "version \(version) is not \(Self.currentVersion) (written by another version of hetfirm: run the shard again)"
        }
        guard (0...Self.maximumReplications).contains(totalReplications) else {
            return "totalReplications = \(totalReplications) is outside 0…\(Self.maximumReplications)"
        }
        guard let spec = ShardSpec(index: shard, count: shards) else {
            return "shard = \(shard), shards = \(shards): need 1 ≤ shard ≤ shards"
        }
        guard level > 0, level < 1 else { return "level = \(level) is not in (0, 1)" }
        guard fingerprint.count == 16, fingerprint.allSatisfy(\.isHexDigit) else {
            return "fingerprint '\(fingerprint.prefix(40))' is not 16 hexadecimal digits"
        }
        guard replications == spec.replications(of: totalReplications) else {
            return "replications do not match shard \(shard)/\(shards) of \(totalReplications)"
        }
        let listed = Set(replications)
        guard failedReplications.allSatisfy(listed.contains), Set(failedReplications).count == failedReplications.count else {
            return "failedReplications must be distinct replications of this shard"
        }
        guard Set(parameters).count == parameters.count, !parameters.contains("") else {
            return "parameters must be distinct, non-empty names"
        }
        guard estimateCount >= 0 else { return "estimateCount = \(estimateCount) is negative" }
        return nil
    }

    /// A decoding error in the user's terms: which key, and what was expected.
    package static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.isEmpty ? "the top level" : "'" + codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
                .joined(separator: ".").replacingOccurrences(of: ".[", with: "[") + "'"
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "key '\(key.stringValue)' is missing at \(path(context.codingPath))"
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)) is not \(type == String.self ? "text" : type == Int.self ? "an integer" : "a \(type)")"
        case .valueNotFound(_, let context):
            return "\(path(context.codingPath)) is null"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "it is not valid JSON" : "\(path(context.codingPath)) is not valid"
        @unknown default:
            return "it is not a hetfirm shard manifest"
        }
    }

    /// Pretty-printed JSON with sorted keys.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return ((try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}") + "\n"
    }
}
