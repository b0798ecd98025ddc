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

        func run() throws {
            let loaded = try loadScenario(scenario)
            var estimate = ""
            let resources = try RunBounds.checkResources(loaded, replications: nil, threads: nil, maxMemory: maxMemory,
                                                         show: { estimate = $0 })
            let monteCarlo = resources.replications > 0
                ? "\(resources.replications) replication\(resources.replications == 1 ? "" : "s")" : "theory only (no [[estimate]], [[mediate]] or recover: no Monte Carlo)"
            print("ok: \(loaded.name) (model \(loaded.model.key)), \(loaded.model.parameters.count) parameters, "
                + "\(loaded.sweepPointCount) sweep points, \(monteCarlo), output \(loaded.output.directory)/")
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
            guard GnuplotRenderer.locate() != nil else {
                Console.error(GnuplotRenderer.installHint)
                throw ExitStatus.runFailed
            }
            let report = try GnuplotRenderer.renderAll(in: directory)
            for file in report.rendered { print("rendered \(file)") }
            if !report.failures.isEmpty {
                for failure in report.failures { Console.error("warning: \(failure.script): \(failure.message)") }
                throw ExitStatus.warnings
            }
        }
    }
}
