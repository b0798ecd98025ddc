import ArgumentParser
import Foundation
import Reporting
import Scenario

extension Hetfirm {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check a scenario file without running it.")

        @Argument(help: "The scenario file (TOML).")
        var scenario: String

        @Option(help: ArgumentHelp("Refuse the scenario when its estimated peak memory exceeds SIZE (default: 90% of the machine's memory).",
                                   valueName: "SIZE"))
        var maxMemory: String?

        @Option(help: ArgumentHelp("Refuse the scenario when its estimated work exceeds STEPS (default 1e14, a day or more of computing).",
                                   valueName: "STEPS"))
        var maxWork: String?

        func run() throws {
            let loaded = try loadScenario(scenario)
            var estimate = ""
            let resources = try RunBounds.checkResources(loaded, replications: nil, threads: nil, maxMemory: maxMemory,
                                                         maxWork: maxWork, show: { estimate = $0 })
            let monteCarlo = resources.replications > 0
                ? "\(resources.replications) replication\(resources.replications == 1 ? "" : "s")" : "theory only (no [[estimate]], [[mediate]] or recover: no Monte Carlo)"
            let output: String
            do {
                switch try ScenarioRunner.checkOutput(loaded) {
                case .nothing: output = "a new folder"
                case .emptyFolder: output = "an empty folder"
                case .earlierOutput(let name): output = "replaces the earlier output of '\(name)'"
                case .forced(let name): output = "holds the output of '\(name)' (needs --force)"
                }
            } catch {
                Console.error(error.description)
                throw ExitStatus.badInput
            }
            print("ok: \(loaded.name) (model \(loaded.model.key)), \(loaded.model.parameters.count) parameters, "
                + "\(loaded.sweepPointCount) sweep points, \(monteCarlo), output \(loaded.output.directory)/ (\(output))")
            print("  " + estimate)
        }
    }

    struct Models: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the available models.")

        func run() throws {
            for key in ModelRegistry.standard.keys {
                guard let descriptor = ModelRegistry.standard.descriptor(for: key) else { continue }
                print("\(key)\t\(descriptor.title)")
            }
        }
    }

    struct Describe: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List a model's parameters with symbol, meaning, default and domain.")

        @Argument(help: "A model key, as listed by `hetfirm models`.")
        var model: String

        func run() throws {
            let registry = ModelRegistry.standard
            guard let descriptor = registry.descriptor(for: model) else {
                throw badInput("unknown model '\(model)'; available: \(registry.keys.joined(separator: ", "))")
            }
            print(ModelDocumentation.markdown(descriptor), terminator: "")
        }
    }

    struct Plot: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Render every gnuplot script (.gp) in an output folder.")

        @Argument(help: "An output folder written by `hetfirm run`.")
        var directory: String

        func run() throws {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw badInput("no output folder at \(directory)")
            }
            // Rendering writes plots/*.png|svg: only into folders hetfirm wrote, never over a user's files.
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            guard !names.contains(where: { $0.hasSuffix(".gp") }) || OutputMarker.read(folder: directory) != nil else {
                throw badInput("\(directory) was not written by hetfirm (it has no \(OutputMarker.fileName) marker); "
                    + "hetfirm plot renders only the output folders of hetfirm run and merge")
            }
            let report: RenderReport
            do {
                report = try GnuplotRenderer.renderAll(in: directory)
            } catch let error as ReportingError where error == .noScripts(directory: directory) {
                throw badInput(error.description)
            } catch {
                Console.error("error: \(UserFacingError.message(for: error))")
                throw ExitStatus.runFailed
            }
            for file in report.rendered { print("rendered \(file)") }
            if !report.failures.isEmpty {
                for failure in report.failures { Console.error("warning: \(failure.script): \(failure.message)") }
                throw ExitStatus.warnings
            }
        }
    }
}
