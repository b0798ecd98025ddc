import Foundation
import Models
import Pipelines
import MonteCarlo
import Reporting

/// Runs a validated scenario end to end and writes its output folder.
///
/// The folder is assembled under a temporary sibling name and renamed into place only when every
/// file is written, so an interrupted or failed run never leaves a folder that looks complete.
/// Monte Carlo replications are checkpointed to `OUT.checkpoint.csv` as they complete (see
/// ``Checkpoint``), so `overrides.resume` continues an interrupted run with identical results; the
/// checkpoint is removed once the folder is in place. With `overrides.shard` only that shard's
/// replications run and the folder is a shard folder (``ShardOutput``) for ``ShardMerger``.
public enum ScenarioRunner {
    /// - Throws: ``ScenarioError`` and ``CheckpointError`` for bad input, ``RunFailure`` otherwise.
    public static func run(_ scenario: Scenario, overrides: RunOverrides = .init(),
                           progress: (@Sendable (RunProgress) -> Void)? = nil) throws -> RunSummary {
        let scenario = try scenario.recordingInputDigests()
        var settings = RunSettings(scenario: scenario, overrides: overrides)
        let fingerprint = ScenarioFingerprint.of(scenario, replications: settings.replications)
        let folder = try OutputFolder.prepare(outputRequest(scenario, settings: settings, overrides: overrides,
                                                            fingerprint: fingerprint))
        var notes: [String] = []
        let artifacts: RunArtifacts
        let checkpoint: Checkpoint
        let sweepCheckpoints = SweepCheckpoints(output: settings.outputDirectory, fingerprint: fingerprint,
                                                replications: settings.replications, resume: overrides.resume)
        do {
            checkpoint = try Checkpoint(path: Checkpoint.path(forOutput: settings.outputDirectory), fingerprint: fingerprint,
                                        shard: settings.shard, replications: settings.plan.selected, resume: overrides.resume)
            settings.checkpoint = checkpoint
            if overrides.resume, checkpoint.restored.isEmpty, settings.replications > 0 {
                notes.append("--resume: no completed replications in \(checkpoint.path), so every replication was run")
            }
            artifacts = try runPipeline(scenario, settings: settings, fingerprint: fingerprint, sweepCheckpoints: sweepCheckpoints,
                                        progress: progress)
        } catch {
            folder.abandon()
            throw error
        }
        if checkpoint.replacesExisting, checkpoint.hasStarted {
            notes.append("replaced the checkpoint of an earlier run at \(checkpoint.path) (use --resume to continue an interrupted run)")
        }
        if let failure = checkpoint.writeError {
            notes.append("could not write the checkpoint \(checkpoint.path) (\(failure)); an interruption would have lost the finished replications")
        }
        progress?(.stage("writing \(settings.outputDirectory)"))
        let written = try write(artifacts, scenario: scenario, settings: settings, into: folder, progress: progress)
        checkpoint.remove()
        sweepCheckpoints.removeAll()
        notes += sweepCheckpoints.notes()
        return RunSummary(outputDirectory: settings.outputDirectory, files: written.files,
                          warnings: artifacts.warnings + written.warnings, notes: notes + written.notes,
                          recovery: artifacts.recovery)
    }

    /// The model's pipeline (from the registry), and the shard folder's artifacts when the run is a shard.
    private static func runPipeline(_ scenario: Scenario, settings: RunSettings, fingerprint: String,
                                    sweepCheckpoints: SweepCheckpoints,
                                    progress: (@Sendable (RunProgress) -> Void)?) throws -> RunArtifacts {
        guard let registration = ModelRegistry.standard.registration(for: scenario.model.key) else {
            throw RunFailure(stage: "model", reason: "no pipeline for model '\(scenario.model.key)'")
        }
        var artifacts: RunArtifacts
        do {
            artifacts = try registration.run(try context(scenario, settings: settings, sweepCheckpoints: sweepCheckpoints,
                                                         progress: progress))
        } catch let empty as EmptySample {
            // A filter that empties every panel is bad input at its key, not a failed run.
            throw empty.located(in: scenario) ?? RunFailure(stage: "Monte Carlo", reason: empty.description)
        } catch let violation as DomainViolation {
            // Parameters outside the model's domain, or without an equilibrium: bad input at the key to change.
            throw ScenarioError.model(violation, in: scenario)
        }
        if let shard = settings.shard {
            artifacts = ShardOutput.artifacts(from: artifacts, scenario: scenario, shard: shard, settings: settings,
                                              fingerprint: fingerprint)
        }
        return artifacts
    }

    /// What the model's run reads: the scenario's settings, its estimator blocks, and the checkpointed
    /// replication plans of the main Monte Carlo and of every sweep point (none for a shard, which skips the
    /// sweep's Monte Carlo: a shard folder keeps only the main run's replications).
    static func context(_ scenario: Scenario, settings: RunSettings, sweepCheckpoints: SweepCheckpoints,
                        progress: (@Sendable (RunProgress) -> Void)?) throws -> RunContext {
        let regressions = try scenario.estimations.map {
            try EstimatorBlockKinds.block(for: $0, noiselessOutcomes: scenario.model.noiselessOutcomes)
        }
        let mediations: [any EstimatorBlock] = scenario.mediations.map { PreparedMediation($0, seed: scenario.seed) }
        var sweepPlan: (@Sendable (Int) throws -> ReplicationPlan)?
        if settings.shard == nil {
            let total = settings.replications, interruptSweep = settings.interruptSweep
            sweepPlan = { index in
                ReplicationPlan(total: total, checkpoint: try sweepCheckpoints.checkpoint(point: index),
                                interruptAfter: interruptSweep?.point == index ? interruptSweep?.replications : nil)
            }
        }
        return RunContext(
            scenarioName: scenario.name, seed: scenario.seed, parameters: scenario.parameters,
            sweep: SweepGrid(axes: scenario.sweep, points: scenario.sweepPoints), sweepMonteCarlo: scenario.sweepMonteCarlo,
            recover: scenario.montecarlo.recover, level: scenario.montecarlo.level, replications: settings.replications,
            threads: settings.threads, estimations: scenario.estimations, mediations: scenario.mediations,
            blocks: regressions + mediations, writePanel: scenario.output.writePanel,
            plotFormat: scenario.output.format, plan: settings.plan, sweepPlan: sweepPlan,
            progress: progress)
    }

    /// Checks, without writing anything, that a run of `scenario` may write its output folder
    /// (``OutputFolder``), and says what it would replace: what `hetfirm validate` reports.
    /// - Throws: ``OutputError`` when the run would be refused.
    public static func checkOutput(_ scenario: Scenario, overrides: RunOverrides = .init()) throws(OutputError) -> OutputFolder.Existing {
        let settings = RunSettings(scenario: scenario, overrides: overrides)
        // Unreadable or changed inputs are reported by validation; the fingerprint uses what can be read.
        let scenario = (try? scenario.recordingInputDigests()) ?? scenario
        let fingerprint = ScenarioFingerprint.of(scenario, replications: settings.replications)
        return try OutputFolder.check(outputRequest(scenario, settings: settings, overrides: overrides, fingerprint: fingerprint))
    }

    /// What the run's output folder is checked against: the scenario file must stay outside it.
    static func outputRequest(_ scenario: Scenario, settings: RunSettings, overrides: RunOverrides,
                              fingerprint: String) -> OutputFolder.Request {
        let origin: String
        if overrides.outputDirectory != nil {
            origin = "--out"
        } else if let location = scenario.explicitLocation(of: "output.dir") {
            origin = "[output] dir at \(location)"
        } else {
            origin = "the default of [output] dir"
        }
        return OutputFolder.Request(
            path: settings.outputDirectory, origin: origin, kind: settings.shard == nil ? .run : .shard,
            scenario: scenario.name, fingerprint: fingerprint,
            protected: [(path: scenario.sourcePath, role: "the scenario file")], force: overrides.force)
    }

    /// Writes every artifact into the claimed folder's staging folder, renders the plots there when
    /// gnuplot is installed, then renames it to the output folder (``OutputFolder/commit()``).
    static func write(_ artifacts: RunArtifacts, scenario: Scenario, settings: RunSettings, into folder: OutputFolder,
                      progress: (@Sendable (RunProgress) -> Void)?) throws -> (files: [String], warnings: [String], notes: [String]) {
        var files: [String] = []
        var warnings: [String] = [], notes: [String] = []
        do {
            let writer = try OutputWriter(directory: folder.staging)
            var texts = artifacts.texts
            texts.append((path: "scenario.toml", contents: settings.resolvedTOML(scenario)))
            for text in texts {
                try writer.write(text.contents, to: text.path)
                files.append(text.path)
            }
            for series in artifacts.series {
                try writer.write(series)
                files.append(series.stem + ".dat")
            }
            for script in artifacts.scripts {
                try writer.write(script)
                files.append(script.stem + ".gp")
            }
            if scenario.output.gnuplot, !artifacts.scripts.isEmpty {
                if GnuplotRenderer.locate() == nil {
                    notes.append("plots not rendered: \(GnuplotRenderer.installHint); then run `hetfirm plot \(settings.outputDirectory)`")
                } else {
                    progress?(.stage("rendering \(artifacts.scripts.count) plots with gnuplot"))
                    do {
                        let report = try GnuplotRenderer.renderAll(in: folder.staging)
                        files += report.rendered
                        warnings += report.failures.map { "gnuplot failed on \($0.script): \($0.message)" }
                    } catch {
                        // A plot that cannot be made never costs the run its results.
                        warnings.append("plots not rendered: \(error)")
                    }
                }
            }
        } catch {
            throw RunFailure(stage: "writing \(settings.outputDirectory)",
                             reason: "\(error); what was written so far is in \(folder.staging)")
        }
        if let note = try folder.commit() { notes.append(note) }
        switch folder.existing {
        case .earlierOutput(let name):
            notes.append("replaced the earlier output of scenario '\(name)' in \(settings.outputDirectory)")
        case .forced(let name):
            notes.append("replaced the output of scenario '\(name)' in \(settings.outputDirectory) (--force)")
        case .nothing, .emptyFolder:
            break
        }
        return (files.sorted(), warnings, notes)
    }
}

/// The scenario's settings after command-line overrides.
struct RunSettings: Sendable {
    let outputDirectory: String
    let replications: Int
    let threads: Int
    /// Only this shard's replications run.
    var shard: ShardSpec?
    /// Where completed replications are kept while the Monte Carlo runs.
    var checkpoint: Checkpoint?
    /// Test hook (``RunOverrides/interruptAfter``).
    var interruptAfter: Int?
    /// Test hook (``RunOverrides/interruptSweep``).
    var interruptSweep: (point: Int, replications: Int)?

    init(scenario: Scenario, overrides: RunOverrides) {
        outputDirectory = overrides.outputDirectory ?? scenario.output.directory
        replications = overrides.replications ?? scenario.montecarlo.replications
        threads = overrides.threads ?? scenario.montecarlo.threads
        shard = overrides.shard
        interruptAfter = overrides.interruptAfter
        interruptSweep = overrides.interruptSweep
    }

    init(outputDirectory: String, replications: Int, threads: Int) {
        self.outputDirectory = outputDirectory
        self.replications = replications
        self.threads = threads
    }

    /// The main Monte Carlo's replications: the shard's (or all), checkpointed.
    var plan: ReplicationPlan { ReplicationPlan(total: replications, shard: shard, checkpoint: checkpoint, interruptAfter: interruptAfter) }

    /// The resolved scenario, with overrides applied, so that the run can be repeated exactly.
    func resolvedTOML(_ scenario: Scenario) -> String {
        ResolvedScenarioWriter.toml(scenario.applying(outputDirectory: outputDirectory, replications: replications, threads: threads))
    }
}
