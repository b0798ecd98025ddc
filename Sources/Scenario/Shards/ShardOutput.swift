import MonteCarlo
import Pipelines
import Reporting

/// The folder of one shard (`hetfirm run --shard K/N`): `replications.csv`, `shard.json`,
/// `scenario.toml` and a `summary.md` clearly labelled partial. Tables, plots and series that need
/// every replication are left to `hetfirm merge`.
enum ShardOutput {
    static func artifacts(from full: RunArtifacts, scenario: Scenario, shard: ShardSpec, settings: RunSettings,
                          fingerprint: String) -> RunArtifacts {
        let records = full.records ?? []
        let manifest = ShardManifest(scenario: scenario.name, fingerprint: fingerprint, shard: shard,
                                     totalReplications: settings.replications, level: scenario.montecarlo.level, records: records)
        var artifacts = RunArtifacts()
        artifacts.warnings = full.warnings
        // No recovery in the run summary: the CLI would print it as if it were the scenario's result.
        artifacts.records = full.records
        artifacts.texts = [
            (path: "replications.csv", contents: ReplicationCSV.csv(records)),
            (path: "shard.json", contents: manifest.json()),
            (path: "summary.md", contents: summary(scenario: scenario, manifest: manifest, recovery: full.recovery)),
        ]
        return artifacts
    }

    static func summary(scenario: Scenario, manifest: ShardManifest, recovery: RecoveryReport?) -> String {
        var text = """
            # \(scenario.name): shard \(manifest.shard)/\(manifest.shards) (partial results)

            This folder holds the replications r with r mod \(manifest.shards) = \(manifest.shard - 1): \
            \(manifest.replications.count) of \(manifest.totalReplications) (scenario fingerprint `\(manifest.fingerprint)`). \
            Merge every shard folder with `hetfirm merge OUT SHARD_DIR...` for the scenario's recovery table.

            """
        if let recovery, !recovery.rows.isEmpty {
            text += "\n## Recovery over this shard only (partial, not the scenario's result)\n\n" + RecoveryTables.markdown(recovery)
        } else {
            text += "\nNo Monte Carlo estimates in this shard.\n"
        }
        return text
    }
}
