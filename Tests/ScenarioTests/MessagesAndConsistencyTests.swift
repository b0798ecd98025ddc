@testable import Pipelines
import Estimation
import Foundation
import Models
import Testing
import TestSupport
@testable import Scenario

/// Issue 10, §5: messages and small inconsistencies between the CLI and scenario files.
@Suite("messages and consistency")
struct MessagesAndConsistencyTests {
    static let root = Repository.root

    static func scenario(vcov: String) throws(ScenarioError) -> Scenario {
        try ScenarioLoader.parse(text: """
            [scenario]
            name  = "v"
            model = "allocation-efficiency"
            [[estimate]]
            name    = "tail"
            formula = "domestic_sales ~ 1"
            vcov    = \(vcov)
            """, fileName: "v.toml")
    }

    @Test("a scenario's vcov string accepts exactly the spellings of --vcov, case-insensitively", arguments: [
        ("iid", EstimationRequest.Vcov.iid), ("IID", .iid), ("hc1", .hetero), ("HC1", .hetero), ("hetero", .hetero),
        ("Heteroskedastic", .hetero), (" hc1 ", .hetero), ("cluster=region", .cluster(["region"])),
        ("CLUSTER=region, year", .cluster(["region", "year"])), ("cluster=region^year", .cluster(["region^year"])),
    ])
    func vcovSpellings(_ text: String, _ expected: EstimationRequest.Vcov) throws {
        let scenario = try Self.scenario(vcov: "\"\(text)\"")
        #expect(scenario.estimations.first?.vcov == expected)
        #expect(try DataEstimation.vcov(text) == expected.vcovType, "the CLI reads '\(text)' the same way")
    }

    @Test("a vcov string neither accepts is a located error in the scenario and bad input on the CLI", arguments: ["robust", "cluster=", "hc3", ""])
    func vcovRejected(_ text: String) {
        do {
            _ = try Self.scenario(vcov: "\"\(text)\"")
            Issue.record("vcov = \"\(text)\" should be rejected")
        } catch {
            #expect(error.keyPath == "estimate[0].vcov")
            #expect(error.location?.line == 7)
            #expect(error.fix.contains("\"hc1\""))
        }
        #expect(throws: InvalidInput.self) { try DataEstimation.vcov(text) }
    }

    @Test("the table form of vcov still works and the resolved scenario round-trips a string spelling")
    func vcovTableAndRoundTrip() throws {
        #expect(try Self.scenario(vcov: "{ cluster = [\"region\"] }").estimations.first?.vcov == .cluster(["region"]))
        let scenario = try Self.scenario(vcov: "\"HC1\"")
        let again = try ScenarioLoader.parse(text: ResolvedScenarioWriter.toml(scenario), fileName: "resolved.toml")
        #expect(again.estimations.first?.vcov == .hetero)
    }

    @Test("describe lists what every model can recover; none is followed by nothing")
    func describeRecoverable() throws {
        for key in ModelRegistry.standard.keys {
            let descriptor = try #require(ModelRegistry.standard.descriptor(for: key))
            let text = ModelDocumentation.markdown(descriptor)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let header = try #require(lines.firstIndex { $0.hasPrefix("Recoverable by Monte Carlo") })
            #expect(lines.indices.contains(header + 1) && lines[header + 1].hasPrefix("- "), "\(key): nothing under the header")
        }
        let quality = ModelDocumentation.markdown(QualityLadder.descriptor)
        #expect(quality.contains("- none built in"))
        #expect(quality.contains("truth.eco_effect"))
        #expect(quality.contains("pseudo-true") && quality.contains("distance"))
    }

    @Test("every shipped scenario's header names its own file in the command that runs it")
    func scenarioHeaders() throws {
        let folder = Self.root.appendingPathComponent("scenarios")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".toml") }
        #expect(names.count >= 10)
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let commands = text.split(separator: "\n").filter { $0.hasPrefix("#") && $0.contains(" run scenarios/") }
            #expect(!commands.isEmpty, "\(name) has no 'Run it with' line")
            for command in commands {
                #expect(command.hasSuffix("run scenarios/\(name)") || command.contains("run scenarios/\(name) "), "\(name): \(command)")
            }
        }
    }

    @Test("a mediate option that makes a bad formula is bad input with one 'error', located by a caret")
    func mediationFormulaErrors() throws {
        let data = Self.root.appendingPathComponent("Tests/Fixtures/pyfixest/data/unbalanced.csv").path
        for (fixedEffects, controls) in [(["x1"], [String]()), ([], ["log("])] {
            var request = DataMediation.Request(dataPath: data, treatment: "x1", mediators: ["x2"], outcome: "y")
            request.fixedEffects = fixedEffects
            request.controls = controls
            request.bootstrapReplications = 0
            do {
                _ = try DataMediation.run(request)
                Issue.record("fe \(fixedEffects), controls \(controls) should fail")
            } catch let error as InvalidInput {
                #expect(!error.description.contains("error: error"), "\(error.description)")
                #expect(error.description.components(separatedBy: "error").count == 2, "\(error.description)")
                #expect(error.description.contains("--fe") && error.description.contains("^"))
            }
        }
    }

    @Test("Foundation errors are told in words, without NSCocoaErrorDomain or EncodingError dumps")
    func foundationErrors() throws {
        struct Holder: Encodable { let fStatistic: Double }
        do {
            _ = try JSONEncoder().encode(Holder(fStatistic: .nan))
            Issue.record("NaN should not encode")
        } catch {
            let message = UserFacingError.message(for: error)
            #expect(message.contains("fStatistic") && message.contains("NaN"), "\(message)")
            #expect(!message.contains("EncodingError") && !message.contains("Debug description"))
        }
        do {
            _ = try Data(contentsOf: URL(fileURLWithPath: "/nonexistent-hetfirm-folder/file.csv"))
            Issue.record("reading a missing file should fail")
        } catch {
            let message = UserFacingError.message(for: error)
            #expect(message.contains("/nonexistent-hetfirm-folder/file.csv"), "\(message)")
            #expect(!message.contains("NSCocoaErrorDomain") && !message.contains("Code="), "\(message)")
        }
        do {
            _ = try JSONDecoder().decode([String: Int].self, from: Data("{\"a\": \"x\"}".utf8))
        } catch {
            let message = UserFacingError.message(for: error)
            #expect(message.contains("wrong type") && !message.contains("DecodingError"), "\(message)")
        }
        #expect(UserFacingError.message(for: RunFailure(stage: "s", reason: "r")) == RunFailure(stage: "s", reason: "r").description)
    }

    @Test("the version is one semantic-version string")
    func version() {
        let parts = HetfirmVersion.current.split(separator: ".")
        #expect(parts.count == 3 && parts.allSatisfy { Int($0) != nil })
    }
}
