import ArgumentParser
import Foundation
import Scenario

extension Hetfirm {
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge the shard folders of `hetfirm run --shard K/N` into one Monte Carlo result.",
            discussion: """
                Checks that the shards come from the same scenario, are disjoint and complete (exit 2 naming the \
                missing or duplicated replications otherwise), then writes OUT with replications.csv, recovery.csv \
                (identical to a single-process run), summary.md (the recovery table) and scenario.toml.
                """)

        @Argument(help: "The merged output folder.")
        var output: String

        @Argument(help: "The shard folders (at least one).")
        var shards: [String] = []

        @Flag(help: "Replace an output folder that holds another scenario's output. hetfirm never replaces a folder it did not write.")
        var force = false

        func run() throws {
            guard !shards.isEmpty else { throw badInput("give the shard folders to merge after the output folder") }
            let summary: RunSummary
            let display = ProgressDisplay()
            do {
                summary = try ShardMerger.merge(shards: shards, into: output, force: force, progress: display.handler)
                display.stop()
            } catch {
                display.stop()
                throw reportFailure(error)
            }
            try report(summary)
        }
    }
}
