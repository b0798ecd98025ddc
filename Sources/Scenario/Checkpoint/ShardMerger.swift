import Foundation
import MonteCarlo
import Reporting

/// `hetfirm merge OUT SHARD_DIR...`: checks that shard folders come from the same scenario (same
/// ``ScenarioFingerprint``), are disjoint and together hold every replication, then writes OUT with
/// `replications.csv` (all records, sorted by replication), `recovery.csv` (identical to a
/// single-process run's), `summary.md` (the recovery table) and `scenario.toml`.
///
/// Model-specific outputs of a single run (theory, regression tables of replication 0, sampling
/// and δ(n) plots, quality diagnostics) are not rebuilt: rerun the scenario with
/// `--replications 1` for the theory and tables.
public enum ShardMerger {
    /// - Throws: ``ShardError`` or ``ScenarioError`` for bad input, ``RunFailure`` when writing fails.
    public static func merge(shards folders: [String], into outputDirectory: String,
                             progress: (@Sendable (RunProgress) -> Void)? = nil) throws -> RunSummary {
        guard let firstFolder = folders.first else { throw ShardError.differentScenarios("no shard folders given") }
        let manifests = try folders.map(readManifest)
        let scenario = try ScenarioLoader.load(path: firstFolder + "/scenario.toml")
        let total = manifests[0].totalReplications
        let fingerprint = ScenarioFingerprint.of(scenario, replications: total)
        for (folder, manifest) in zip(folders, manifests) where manifest.fingerprint != fingerprint || manifest.totalReplications != total {
            throw ShardError.differentScenarios(
                "\(folder) has fingerprint \(manifest.fingerprint) and \(manifest.totalReplications) replications; "
                    + "\(firstFolder)/scenario.toml has fingerprint \(fingerprint) and \(total)")
        }
        var owner: [Int: Int] = [:]
        var overlapping: Set<Int> = []
        for (index, manifest) in manifests.enumerated() {
            for replication in manifest.replications {
                if owner[replication] != nil { overlapping.insert(replication) }
                owner[replication] = index
            }
        }
        if !overlapping.isEmpty { throw ShardError.overlapping(overlapping.sorted()) }
        let missing = (0..<total).filter { owner[$0] == nil }
        if !missing.isEmpty { throw ShardError.missing(missing, total: total) }

        progress?(.stage("merging \(folders.count) shards of \(scenario.name) (\(total) replications)"))
        var records: [ReplicationRecord] = []
        for (folder, manifest) in zip(folders, manifests) {
            let listed = Set(manifest.replications)
            let shardRecords = try readRecords(folder)
            if let stray = shardRecords.first(where: { !listed.contains($0.replication) }) {
                throw ShardError.unreadable(folder: folder, reason: "replications.csv has replication \(stray.replication), "
                    + "which shard.json does not list")
            }
            records += shardRecords
        }
        records.sort { $0.replication < $1.replication }
        let report = RecoveryReport.summarize(records, level: manifests[0].level)
        var artifacts = RunArtifacts()
        artifacts.recovery = report
        artifacts.records = records
        artifacts.texts = [
            (path: "recovery.csv", contents: RecoveryTables.csv(report)),
            (path: "replications.csv", contents: ReplicationCSV.csv(records)),
            (path: "summary.md", contents: summary(scenario: scenario, shards: manifests, report: report)),
        ]
        let settings = RunSettings(outputDirectory: outputDirectory, replications: total, threads: scenario.montecarlo.threads)
        progress?(.stage("writing \(outputDirectory)"))
        let written = try ScenarioRunner.write(artifacts, scenario: scenario, settings: settings, progress: progress)
        return RunSummary(outputDirectory: outputDirectory, files: written.files, warnings: written.warnings,
                          notes: written.notes, recovery: report)
    }

    static func readManifest(_ folder: String) throws -> ShardManifest {
        let path = folder + "/shard.json"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ShardError.unreadable(folder: folder, reason: "no shard.json (write shard folders with hetfirm run --shard K/N)")
        }
        return try parseManifest(data, folder: folder)
    }

    /// Decodes and checks the bytes of `folder/shard.json` (`folder` only labels errors).
    /// The entry point of the shard fuzz target.
    package static func parseManifest(_ data: Data, folder: String) throws -> ShardManifest {
        do {
            let manifest = try JSONDecoder().decode(ShardManifest.self, from: data)
            guard manifest.format == ShardManifest.formatName, manifest.version == 1 else {
                throw ShardError.unreadable(folder: folder, reason: "shard.json is not a version-1 hetfirm shard manifest")
            }
            return manifest
        } catch let error as ShardError {
            throw error
        } catch {
            throw ShardError.unreadable(folder: folder, reason: "shard.json: \(error)")
        }
    }

    static func readRecords(_ folder: String) throws -> [ReplicationRecord] {
        let path = folder + "/replications.csv"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ShardError.unreadable(folder: folder, reason: "no replications.csv")
        }
        return try parseRecords(data, folder: folder)
    }

    /// Parses the bytes of `folder/replications.csv` (`folder` only labels errors).
    /// The entry point of the shard fuzz target.
    package static func parseRecords(_ data: Data, folder: String) throws -> [ReplicationRecord] {
        do { return try ReplicationCSV.records(fromCSV: String(decoding: data, as: UTF8.self)) } catch {
            throw ShardError.unreadable(folder: folder, reason: "replications.csv \(error)")
        }
    }

    static func summary(scenario: Scenario, shards: [ShardManifest], report: RecoveryReport) -> String {
        let total = shards.first?.totalReplications ?? 0
        return """
            # \(scenario.name): merged Monte Carlo

            Model `\(scenario.model.key)`, seed \(scenario.seed), \(total) replications merged from \(shards.count) \
            shard folders (scenario fingerprint `\(shards.first?.fingerprint ?? "")`). The records and this table are \
            identical to a single-process run; theory, regression tables and plots are not part of a merge.

            ## Recovery

            """ + RecoveryTables.markdown(report)
    }
}
