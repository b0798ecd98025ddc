/// A fingerprint of everything that determines a Monte Carlo's replication records: the resolved
/// scenario (every default filled in) with the seed and replication count, but not the output folder,
/// the thread count or the source file's path, which never change a result.
///
/// It is FNV-1a (64 bit) of that text, in 16 hex digits: enough to tell scenarios apart, not a
/// defence against deliberate collisions. Checkpoints and shard folders carry it so that a resumed
/// run or a merge refuses records from another scenario.
public enum ScenarioFingerprint {
    /// The fingerprint of `scenario` run with `replications` replications.
    public static func of(_ scenario: Scenario, replications: Int) -> String {
        let resolved = ResolvedScenarioWriter.toml(scenario.applying(outputDirectory: "", replications: replications, threads: 0))
        let content = resolved.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("#") }
            .joined(separator: "\n")
        return hex(fnv1a(content + "\nseed=\(scenario.seed)\nreplications=\(replications)\n"))
    }

    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 16 - digits.count)) + digits
    }
}
