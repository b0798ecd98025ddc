import MonteCarlo
import Foundation
@testable import Scenario
import Testing
import TestSupport

/// hetfirm never deletes or replaces what it did not create: every data-loss case of issue 10 runs
/// against a temporary folder full of canary files, which must all survive byte for byte.
@Suite("output folders never destroy user data", .serialized)
struct OutputSafetyTests {
    static let scenario = AllocationEfficiencyPipelineTests.scenario(replications: 2, regions: 2, years: 2, firms: 600, sweep: "I = [0.1, 0.2]")

    /// A temporary workspace with the scenario file and canary files in it.
    struct Workspace {
        let root = TemporaryDirectory.path()
        var scenarioPath: String { root + "/scenario.toml" }
        var canaries: [String: String] = [:]

        init() throws {
            try FileManager.default.createDirectory(atPath: root + "/thesis/chapters", withIntermediateDirectories: true)
            try OutputSafetyTests.scenario.write(toFile: scenarioPath, atomically: true, encoding: .utf8)
            for (path, text) in ["thesis/main.tex": "precious", "thesis/chapters/one.tex": "chapter", "results.txt": "numbers",
                                 "data/panel.csv": "y,x\n1,2\n"] {
                try FileManager.default.createDirectory(atPath: (root + "/" + path as NSString).deletingLastPathComponent,
                                                        withIntermediateDirectories: true)
                try text.write(toFile: root + "/" + path, atomically: true, encoding: .utf8)
                canaries[path] = text
            }
            canaries["scenario.toml"] = OutputSafetyTests.scenario
        }

        func run(out: String, force: Bool = false, shard: ShardSpec? = nil) throws -> RunSummary {
            let loaded = try ScenarioLoader.load(path: scenarioPath)
            return try ScenarioRunner.run(loaded, overrides: RunOverrides(outputDirectory: out, threads: 1, shard: shard, force: force))
        }

        /// Every canary is still there with its contents.
        func expectCanariesIntact(sourceLocation: Testing.SourceLocation = #_sourceLocation) {
            for (path, text) in canaries {
                let found = try? String(contentsOfFile: root + "/" + path, encoding: .utf8)
                #expect(found == text, "canary \(path) was changed or deleted", sourceLocation: sourceLocation)
            }
        }

        func remove() { try? FileManager.default.removeItem(atPath: root) }
    }

    static func request(_ path: String, scenario: String = "pipeline-test", protected: [(path: String, role: String)] = [])
        -> OutputFolder.Request {
        OutputFolder.Request(path: path, origin: "--out", kind: .run, scenario: scenario, fingerprint: "0123456789abcdef",
                             protected: protected)
    }

    @Test("., .., the empty path, ./ and / are refused without touching anything")
    func currentAndParentDirectory() {
        for path in [".", "..", "", "./", "/", "../..", "   ", "out/..", "./."] {
            #expect(throws: OutputError.self, "\(path)") { try OutputFolder.check(Self.request(path)) }
        }
    }

    @Test("an existing folder, a file, a folder holding the scenario: refused with exit-2 errors, canaries intact")
    func refusals() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        for out in ["thesis", "thesis/chapters", "results.txt", "results.txt/sub", workspace.root, workspace.root + "/",
                    workspace.root + "/data", workspace.root + "/thesis/..", "data/../thesis"] {
            let path = out.hasPrefix("/") ? out : workspace.root + "/" + out
            #expect(throws: OutputError.self, "\(out)") { try workspace.run(out: path) }
        }
        workspace.expectCanariesIntact()
        let siblings = try FileManager.default.contentsOfDirectory(atPath: workspace.root)
        #expect(!siblings.contains { $0.hasPrefix(".hetfirm-staging") }, "a refused run leaves no staging folder")
    }

    @Test("a marked folder of the same scenario is replaced; of another only with force; never with user files in it")
    func markedFolders() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let out = workspace.root + "/out"
        _ = try workspace.run(out: out)
        let marker = try #require(OutputMarker.read(folder: out))
        #expect(marker.kind == .run && marker.scenario == "pipeline-test" && marker.files.contains("recovery.csv"))
        let again = try workspace.run(out: out)
        #expect(again.notes.contains { $0.contains("replaced the earlier output of scenario 'pipeline-test'") })

        try "mine".write(toFile: out + "/notes.txt", atomically: true, encoding: .utf8)
        #expect(throws: OutputError.self) { try workspace.run(out: out) }
        #expect(throws: OutputError.self) { try workspace.run(out: out, force: true) }
        #expect(try String(contentsOfFile: out + "/notes.txt", encoding: .utf8) == "mine")
        try FileManager.default.removeItem(atPath: out + "/notes.txt")

        var other = marker
        other.scenario = "someone-else"
        try other.json().write(toFile: out + "/" + OutputMarker.fileName, atomically: true, encoding: .utf8)
        do {
            _ = try workspace.run(out: out)
            Issue.record("another scenario's folder was replaced without --force")
        } catch let error as OutputError {
            #expect(error.description.contains("--force") && error.description.contains("someone-else"))
        }
        let forced = try workspace.run(out: out, force: true)
        #expect(forced.notes.contains { $0.contains("(--force)") })
        #expect(OutputMarker.read(folder: out)?.scenario == "pipeline-test")
        workspace.expectCanariesIntact()
    }

    @Test("an empty folder is used; a symbolic link is refused")
    func emptyFolderAndLink() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let empty = workspace.root + "/empty"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: false)
        _ = try workspace.run(out: empty)
        #expect(FileManager.default.fileExists(atPath: empty + "/recovery.csv"))
        try FileManager.default.createSymbolicLink(atPath: workspace.root + "/link", withDestinationPath: workspace.root + "/thesis")
        #expect(throws: OutputError.self) { try workspace.run(out: workspace.root + "/link") }
        workspace.expectCanariesIntact()
    }

    @Test("an unwritable location fails before the Monte Carlo, with a message, not a raw Cocoa error")
    func unwritable() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        for out in [workspace.root + "/results.txt/sub/out", workspace.root + "/" + String(repeating: "a", count: 300)] {
            do {
                _ = try workspace.run(out: out)
                Issue.record("\(out.suffix(20)) was accepted")
            } catch let error as OutputError {
                #expect(!error.description.contains("NSCocoaErrorDomain"))
            }
        }
        workspace.expectCanariesIntact()
    }

    @Test("merge refuses an OUT that is, contains or lies inside a shard, or that hetfirm did not write")
    func mergeTargets() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let first = workspace.root + "/s1", second = workspace.root + "/s2"
        _ = try workspace.run(out: first, shard: ShardSpec(index: 1, count: 2))
        _ = try workspace.run(out: second, shard: ShardSpec(index: 2, count: 2))
        let shardFiles = try FileManager.default.contentsOfDirectory(atPath: first).sorted()
        for out in [first, second, first + "/merged", workspace.root, workspace.root + "/thesis", workspace.root + "/results.txt"] {
            #expect(throws: OutputError.self, "\(out)") { try ShardMerger.merge(shards: [first, second], into: out) }
            #expect(throws: OutputError.self, "\(out)") { try ShardMerger.merge(shards: [second, first], into: out, force: true) }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: first).sorted() == shardFiles)
        _ = try ShardMerger.merge(shards: [first, second], into: workspace.root + "/merged")
        let again = try ShardMerger.merge(shards: [first, second], into: workspace.root + "/merged")
        #expect(again.notes.contains { $0.contains("replaced the earlier output") })
        workspace.expectCanariesIntact()
    }

    @Test("a file in the checkpoint's place that hetfirm did not write is never replaced")
    func checkpointPlace() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let out = workspace.root + "/out"
        try "my own table".write(toFile: out + ".checkpoint.csv", atomically: true, encoding: .utf8)
        #expect(throws: CheckpointError.self) { try workspace.run(out: out) }
        #expect(try String(contentsOfFile: out + ".checkpoint.csv", encoding: .utf8) == "my own table")
        try FileManager.default.removeItem(atPath: out + ".checkpoint.csv")
        try FileManager.default.createDirectory(atPath: out + ".checkpoint.csv", withIntermediateDirectories: false)
        #expect(throws: CheckpointError.self) { try workspace.run(out: out) }
        workspace.expectCanariesIntact()
    }

    @Test("staging folders of runs that died are removed; unmarked look-alikes are not")
    func abandonedStaging() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let dead = workspace.root + "/.hetfirm-staging-999999-0000000000000000"
        let lookalike = workspace.root + "/.hetfirm-staging-999998-0000000000000000"
        for folder in [dead, lookalike] { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false) }
        try "partial".write(toFile: dead + "/summary.md", atomically: true, encoding: .utf8)
        let marker = OutputMarker(kind: .staging, scenario: "pipeline-test", fingerprint: "0123456789abcdef", process: 999_999)
        try marker.json().write(toFile: dead + "/" + OutputMarker.fileName, atomically: true, encoding: .utf8)
        try "user".write(toFile: lookalike + "/keep.txt", atomically: true, encoding: .utf8)
        _ = try workspace.run(out: workspace.root + "/out")
        #expect(!FileManager.default.fileExists(atPath: dead))
        #expect(FileManager.default.fileExists(atPath: lookalike + "/keep.txt"))
        workspace.expectCanariesIntact()
    }
}
