import Foundation
import MonteCarlo
import Pipelines
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
    public static func merge(shards folders: [String], into outputDirectory: String, force: Bool = false,
                             progress: (@Sendable (RunProgress) -> Void)? = nil) throws -> RunSummary {
        guard let firstFolder = folders.first else { throw ShardError.differentScenarios("no shard folders given") }
        let manifests = try folders.map(readManifest)
        let scenarios = try folders.map { folder in
            do { return try ScenarioLoader.load(path: folder + "/scenario.toml") } catch {
                throw ShardError.unreadable(folder: folder, reason: "its scenario.toml does not load:\n\(error)")
            }
        }
        let scenario = scenarios[0]
        let total = manifests[0].totalReplications
        for (folder, (manifest, shardScenario)) in zip(folders, zip(manifests, scenarios)) {
            let own = ScenarioFingerprint.of(shardScenario, replications: manifest.totalReplications)
            guard own == manifest.fingerprint else {
                throw ShardError.unreadable(folder: folder, reason: "shard.json has fingerprint \(manifest.fingerprint) but its "
                    + "scenario.toml has fingerprint \(own): one of them was edited")
            }
            guard manifest.fingerprint == manifests[0].fingerprint, manifest.totalReplications == total else {
                throw ShardError.differentScenarios(
                    "\(folder) has fingerprint \(manifest.fingerprint) and \(manifest.totalReplications) replications; "
                        + "\(firstFolder) has fingerprint \(manifests[0].fingerprint) and \(total)")
            }
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

        let fingerprint = manifests[0].fingerprint
        let folder = try OutputFolder.prepare(OutputFolder.Request(
            path: outputDirectory, origin: "merge OUT", kind: .merge, scenario: scenario.name, fingerprint: fingerprint,
            protected: folders.map { (path: $0, role: "the shard folder") }, force: force))
        do {
            progress?(.stage("merging \(folders.count) shards of \(scenario.name) (\(total) replications)"))
            var records: [ReplicationRecord] = []
            for (shardFolder, manifest) in zip(folders, manifests) {
                records += try readRecords(shardFolder, manifest: manifest)
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
            let written = try ScenarioRunner.write(artifacts, scenario: scenario, settings: settings, into: folder, progress: progress)
            return RunSummary(outputDirectory: outputDirectory, files: written.files, warnings: written.warnings,
                              notes: written.notes, recovery: report)
        } catch {
            if FileManager.default.fileExists(atPath: folder.staging) { folder.abandon() }
            throw error
        }
    }

    static func readManifest(_ folder: String) throws -> ShardManifest {
        let path = folder + "/shard.json"
        guard OutputPaths.entry(at: path) == .file, let data = FileManager.default.contents(atPath: path) else {
            throw ShardError.unreadable(folder: folder, reason: "no readable shard.json (write shard folders with hetfirm run --shard K/N)")
        }
        return try parseManifest(data, folder: folder)
    }

    /// Decodes and checks the bytes of `folder/shard.json` (`folder` only labels errors): a version-3
    /// hetfirm manifest whose shard, replication count, level and replication lists are consistent.
    /// The entry point of the shard fuzz target.
    package static func parseManifest(_ data: Data, folder: String) throws -> ShardManifest {
        let manifest: ShardManifest
        do {
            manifest = try JSONDecoder().decode(ShardManifest.self, from: data)
        } catch let error as DecodingError {
            throw ShardError.unreadable(folder: folder, reason: "shard.json: \(ShardManifest.describe(error))")
        } catch {
            throw ShardError.unreadable(folder: folder, reason: "shard.json is not JSON")
        }
        if let problem = manifest.problem {
            throw ShardError.unreadable(folder: folder, reason: "shard.json: \(problem)")
        }
        return manifest
    }

    /// The records of `folder/replications.csv`, checked against the shard's manifest.
    static func readRecords(_ folder: String, manifest: ShardManifest) throws -> [ReplicationRecord] {
        let path = folder + "/replications.csv"
        guard OutputPaths.entry(at: path) == .file, let data = FileManager.default.contents(atPath: path) else {
            throw ShardError.unreadable(folder: folder, reason: "no readable replications.csv")
        }
        let records = try parseRecords(data, folder: folder)
        let listed = Set(manifest.replications), failed = Set(manifest.failedReplications)
        let parameters = Set(manifest.parameters)
        for record in records {
            guard listed.contains(record.replication), !failed.contains(record.replication) else {
                throw ShardError.unreadable(folder: folder, reason: "replications.csv has replication \(record.replication), which "
                    + (listed.contains(record.replication) ? "shard.json lists as failed" : "is not in this shard"))
            }
            if let stray = record.estimates.first(where: { !parameters.contains($0.parameter) }) {
                throw ShardError.unreadable(folder: folder, reason: "replications.csv has parameter '\(CheckpointEntry.clipped(stray.parameter))' "
                    + "in replication \(record.replication), which shard.json does not list")
            }
        }
        let present = Set(records.map(\.replication))
        let absent = manifest.replications.filter { !present.contains($0) && !failed.contains($0) }
        if !absent.isEmpty {
            throw ShardError.unreadable(folder: folder, reason: "replications.csv has no rows for \(absent.count) of the "
                + "\(manifest.replications.count) replications shard.json lists (\(ShardError.ranges(absent))); it is incomplete")
        }
        // shard.json lists exactly the parameters of the shard's records: one without a row was deleted.
        let recorded = Set(records.flatMap { $0.estimates.map(\.parameter) })
        if let missing = manifest.parameters.first(where: { !recorded.contains($0) }) {
            throw ShardError.unreadable(folder: folder, reason: "replications.csv has no row for parameter "
                + "'\(CheckpointEntry.clipped(missing))', which shard.json lists; it is incomplete")
        }
        let estimates = records.reduce(0) { $0 + $1.estimates.count }
        if estimates != manifest.estimateCount {
            throw ShardError.unreadable(folder: folder, reason: "replications.csv has \(estimates) estimate rows (identical "
                + "duplicates counted once) but shard.json records \(manifest.estimateCount): rows were "
                + (estimates < manifest.estimateCount ? "lost (a truncated or edited file)" : "added"))
        }
        return records
    }

    /// Parses the bytes of `folder/replications.csv` strictly (`folder` only labels errors): UTF-8,
    /// the header hetfirm writes, numbers as hetfirm writes them, each (replication, parameter) once.
    /// The entry point of the shard fuzz target.
    package static func parseRecords(_ data: Data, folder: String) throws -> [ReplicationRecord] {
        guard let text = String(data: data, encoding: .utf8) else {
            throw ShardError.unreadable(folder: folder, reason: "replications.csv is not UTF-8 text")
        }
        do { return try ReplicationCSV.records(fromCSV: text) } catch {
            throw ShardError.unreadable(folder: folder, reason: "replications.csv:\(error.row):\(error.column): \(error.message)")
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
