import Foundation
import Testing
import TestSupport

/// Every oracle fixture under Tests/Fixtures carries a complete provenance header naming a script that
/// exists, and the shared loader resolves paths from the repository root.
@Suite("oracle fixtures")
struct OracleFixtureTests {
    /// Every `Tests/Fixtures/<oracle>/<name>.json` (data folders excluded).
    static func fixtureFiles() throws -> [(oracle: String, name: String)] {
        let root = Repository.url("Tests/Fixtures")
        return try FileManager.default.contentsOfDirectory(atPath: root.path).sorted().flatMap { oracle in
            let folder = root.appendingPathComponent(oracle).path
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            return names.filter { $0.hasSuffix(".json") }.sorted().map { (oracle, String($0.dropLast(".json".count))) }
        }
    }

    @Test("every fixture has package, version, script and data hash, and its script is in validation/")
    func provenance() throws {
        let files = try Self.fixtureFiles()
        #expect(files.count >= 20, "found \(files.count) fixtures")
        for (oracle, name) in files {
            let fixture = try OracleFixture(oracle: oracle, name: name)
            let script = Repository.path(fixture.provenance.script)
            #expect(FileManager.default.fileExists(atPath: script), "\(oracle)/\(name): \(fixture.provenance.script) does not exist")
            #expect(fixture.provenance.dataSHA256.count == 64, "\(oracle)/\(name): data_sha256 is not a SHA-256")
            if let csv = fixture["csv"] as? String {
                #expect(FileManager.default.fileExists(atPath: try fixture.csvPath()), "\(oracle)/\(name): \(csv) does not exist")
            }
        }
    }

    @Test("a fixture without a provenance header, or with an empty field, is refused with its file name")
    func incompleteHeader() throws {
        let missing = #expect(throws: FixtureError.self) { try FixtureProvenance(fixture: ["cases": []], file: "x.json") }
        #expect(missing?.description == "x.json: no \"provenance\" header")
        let header: [String: Any] = ["package": "pyfixest", "version": "", "script": "validation/a.py", "data_sha256": "00"]
        let empty = #expect(throws: FixtureError.self) { try FixtureProvenance(fixture: ["provenance": header], file: "y.json") }
        #expect(empty?.description == "y.json: provenance has no \"version\"")
        #expect(throws: FixtureError.self) { try OracleFixture(oracle: "pyfixest", name: "does-not-exist") }
    }

    @Test("paths are found from the repository root, wherever the tests run from")
    func paths() {
        #expect(FileManager.default.fileExists(atPath: Repository.path("Package.swift")))
        #expect(Repository.fixtureData("pyfixest", "balanced.csv").hasSuffix("Tests/Fixtures/pyfixest/data/balanced.csv"))
        #expect(FileManager.default.fileExists(atPath: Repository.fixtureData("pyfixest", "balanced.csv")))
    }

    @Test("SplitMix64 reproduces the reference sequence for seed 0")
    func splitMix() {
        var generator = SplitMix64(seed: 0)
        // Reference outputs of SplitMix64 from state 0 (Vigna's splitmix64.c).
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
        let temporary = TemporaryDirectory.path("support")
        #expect(!FileManager.default.fileExists(atPath: temporary) && temporary.contains("hetfirm-support-"))
    }
}
