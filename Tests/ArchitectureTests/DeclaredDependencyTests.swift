import Foundation
import Testing
import TestSupport

/// Every `import` of a project module (a target or a dependency package's product) names a direct
/// dependency of the importing target in Package.swift: a module reached only through another target's
/// re-export or through the link graph is a dependency the manifest does not state.
@Suite("architecture: imports declared in Package.swift")
struct DeclaredDependencyTests {
    /// One import of a project module that the importing target does not declare.
    struct Undeclared: Equatable, CustomStringConvertible {
        let file: String
        let module: String
        let target: String

        var description: String {
            "\(file) imports \(module), but target \(target) does not list \"\(module)\" in its dependencies in Package.swift"
        }
    }

    /// The undeclared imports of every target of `manifest`, whose folders are read below `root`.
    static func undeclaredImports(_ manifest: PackageManifest, root: URL) throws -> [Undeclared] {
        let modules = manifest.modules
        var found: [Undeclared] = []
        for target in manifest.targets {
            let folder = root.appendingPathComponent(target.path)
            guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { continue }
            let files = enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
                .sorted { $0.path < $1.path }
            for file in files {
                for module in try ImportRulesTests.imports(of: file)
                where modules.contains(module) && module != target.name && !target.dependencies.contains(module) {
                    let relative = target.path + "/" + file.path.dropFirst(folder.path.count + 1)
                    found.append(Undeclared(file: relative, module: module, target: target.name))
                }
            }
        }
        return found
    }

    static func manifest() throws -> PackageManifest {
        PackageManifest(text: try String(contentsOf: Repository.url("Package.swift"), encoding: .utf8))
    }

    @Test("every project module a source file imports is a direct dependency of its target")
    func importsAreDeclared() throws {
        let manifest = try Self.manifest()
        #expect(manifest.targets.count >= 10, "Package.swift parsed to \(manifest.targets.map(\.name))")
        for undeclared in try Self.undeclaredImports(manifest, root: Repository.root) {
            Issue.record("\(undeclared)")
        }
    }

    @Test("the manifest parser reads this package's targets, products, test targets and paths")
    func readsThisManifest() throws {
        let targets = Dictionary(uniqueKeysWithValues: try Self.manifest().targets.map { ($0.name, $0) })
        #expect(targets["Scenario"]?.dependencies.isSuperset(of: ["Estimation", "TOMLKit"]) == true)
        #expect(targets["hetfirm"]?.dependencies.contains("ArgumentParser") == true)
        #expect(targets["hetfirm"]?.kind == "executableTarget")
        #expect(targets["Numerical"]?.path == "Sources/Numerical")
        #expect(targets["ScenarioTests"]?.path == "Tests/ScenarioTests")
        #expect(targets["TestSupport"]?.path == "Tests/TestSupport")
        #expect(targets["CSVReadBench"]?.path == "bench/csv-read/CSVReadBench")
        #expect(targets["CGSL"]?.kind == "systemLibrary")
    }

    @Test("a target added with a path, products, comments and nested calls is read")
    func parser() {
        let manifest = PackageManifest(text: """
            let package = Package(
                name: "p", // a comment with .target(name: "Ghost")
                dependencies: [.package(url: "https://example.org/x.git", from: "1.0.0")],
                targets: [
                    /* .target(name: "Hidden", dependencies: []), */
                    .target(name: "Core"),
                    .target(
                        name: "Pipelines",
                        dependencies: ["Core", .target(name: "Models"), .product(name: "TOMLKit", package: "TOMLKit")],
                        path: "Sources/Pipelines", exclude: ["README.md"], resources: [.copy("Data")]
                    ),
                    .testTarget(name: "PipelinesTests", dependencies: [.byName(name: "Pipelines")]),
                    .executableTarget(name: loopName, dependencies: [], path: "Tests/\\(loopName)"),
                ]
            )
            """)
        #expect(manifest.targets == [
            .init(name: "Core", kind: "target", dependencies: [], path: "Sources/Core"),
            .init(name: "Pipelines", kind: "target", dependencies: ["Core", "Models", "TOMLKit"], path: "Sources/Pipelines"),
            .init(name: "PipelinesTests", kind: "testTarget", dependencies: ["Pipelines"], path: "Tests/PipelinesTests"),
        ])
    }

    @Test("an import reached only through another target is reported with file, module and target")
    func reportsUndeclaredImport() throws {
        let root = URL(fileURLWithPath: TemporaryDirectory.path("manifest"))
        defer { try? FileManager.default.removeItem(at: root) }
        for (folder, text) in [("Sources/Core", "public let one = 1\n"),
                               ("Sources/Middle", "@_exported import Core\n"),
                               ("Sources/Top", "import Foundation\nimport Middle\nimport Core\n")] {
            let directory = root.appendingPathComponent(folder)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try text.write(to: directory.appendingPathComponent("File.swift"), atomically: true, encoding: .utf8)
        }
        let manifest = PackageManifest(text: """
            targets: [.target(name: "Core"), .target(name: "Middle", dependencies: ["Core"]),
                      .target(name: "Top", dependencies: ["Middle"])]
            """)
        let found = try Self.undeclaredImports(manifest, root: root)
        #expect(found == [Undeclared(file: "Sources/Top/File.swift", module: "Core", target: "Top")])
        #expect(found.first?.description
            == "Sources/Top/File.swift imports Core, but target Top does not list \"Core\" in its dependencies in Package.swift")
    }
}
