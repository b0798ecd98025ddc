import Foundation
import Testing
import TestSupport

/// Enforces the import rules of DESIGN.md by reading the `import` lines of every source file.
@Suite("architecture")
struct ImportRulesTests {
    /// Project targets each target may import (DESIGN.md, "Targets"). Targets not yet built are
    /// listed so the rules are complete when they arrive.
    static let allowed: [String: Set<String>] = [
        "Numerical": ["CGSL", "CVectorMath"],
        "PanelData": ["Numerical"],
        "FixedEffects": ["Numerical"],
        "Covariance": ["Numerical"],
        "Estimation": ["Numerical", "PanelData", "FixedEffects", "Covariance"],
        "Spatial": ["Numerical", "PanelData", "Estimation"],
        "Measures": ["Numerical", "PanelData", "Estimation"],
        "Models": ["Numerical", "PanelData"],
        "MonteCarlo": ["Numerical"],
        "Reporting": ["PanelData", "Estimation", "MonteCarlo"],
        // The seam: the generic run and one folder per model with its pipeline (what the model contributes).
        "Pipelines": ["Numerical", "PanelData", "Covariance", "Estimation", "Spatial", "Measures", "Models", "MonteCarlo",
                      "Reporting"],
        "Scenario": ["Numerical", "PanelData", "FixedEffects", "Covariance", "Estimation", "Spatial", "Measures",
                     "Models", "MonteCarlo", "Reporting", "Pipelines", "TOMLKit"],
        // CAllocator: the C shim that sets glibc's allocator thresholds (mallopt) at start-up.
        "hetfirm": ["Scenario", "Reporting", "MonteCarlo", "Pipelines", "ArgumentParser", "CAllocator"],
    ]

    /// C targets (no Swift sources): the system libraries, the C loops over SLEEF and the allocator shim.
    static let cTargets: Set<String> = ["CGSL", "CSleef", "CVectorMath", "CAllocator"]

    /// Modules of the platform every target may use.
    static let system: Set<String> = ["Foundation", "FoundationEssentials", "Glibc", "Musl", "Darwin", "Dispatch", "Synchronization"]

    static var sourcesDirectory: URL {
        Repository.url("Sources")
    }

    static func swiftFiles(in target: String) -> [URL] {
        let root = sourcesDirectory.appendingPathComponent(target)
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        return enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
    }

    static func imports(of file: URL) throws -> [String] {
        try String(contentsOf: file, encoding: .utf8).split(separator: "\n").compactMap { line in
            let words = line.trimmingCharacters(in: .whitespaces).split(separator: " ")
            // `import X`, `@testable import X`, `public import X`, `import struct X.Y`.
            guard let index = words.firstIndex(of: "import"), index + 1 < words.count else { return nil }
            guard words[..<index].allSatisfy({ $0.hasPrefix("@") || ["public", "internal", "package", "private", "fileprivate"].contains($0) })
            else { return nil }
            var module = words[index + 1]
            if ["struct", "class", "enum", "protocol", "func", "var", "let", "typealias"].contains(module), index + 2 < words.count {
                module = words[index + 2]
            }
            return String(module.split(separator: ".").first ?? module)
        }
    }

    @Test("every target imports only what DESIGN.md allows")
    func importRules() throws {
        let targets = try FileManager.default.contentsOfDirectory(atPath: Self.sourcesDirectory.path)
            .filter { !Self.cTargets.contains($0) }
        #expect(targets.count >= 8)
        for target in targets {
            let allowed = try #require(Self.allowed[target], "target \(target) has no import rule in this test")
            for file in Self.swiftFiles(in: target) {
                for module in try Self.imports(of: file) where !Self.system.contains(module) {
                    #expect(allowed.contains(module), "\(target)/\(file.lastPathComponent) imports \(module)")
                }
            }
        }
    }

    @Test("only Numerical imports CGSL and CVectorMath, nobody imports CSleef, and FixedEffects and Covariance never import each other")
    func specialRules() throws {
        #expect(Self.allowed.filter { $0.value.contains("CGSL") }.map(\.key) == ["Numerical"])
        #expect(Self.allowed.filter { $0.value.contains("CVectorMath") }.map(\.key) == ["Numerical"])
        #expect(Self.allowed.filter { $0.value.contains("CSleef") }.isEmpty)
        #expect(!(Self.allowed["FixedEffects"] ?? []).contains("Covariance"))
        #expect(!(Self.allowed["Covariance"] ?? []).contains("FixedEffects"))
        #expect(!(Self.allowed["Models"] ?? []).contains("Estimation"))
    }

    @Test("library targets never print")
    func librariesDoNotPrint() throws {
        for target in Self.allowed.keys where target != "hetfirm" {
            for file in Self.swiftFiles(in: target) {
                let text = try String(contentsOf: file, encoding: .utf8)
                let printing = text.split(separator: "\n").filter { line in
                    let code = line.split(separator: "//").first.map(String.init) ?? ""
                    return code.contains("print(") || code.contains("FileHandle.standardError") || code.contains("FileHandle.standardOutput")
                }
                #expect(printing.isEmpty, "\(target)/\(file.lastPathComponent) prints: \(printing.first ?? "")")
            }
        }
    }

    @Test("the import parser reads the forms Swift allows")
    func parser() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("imports-\(UUID().uuidString).swift")
        try "import Foundation\n@testable import Models\npublic import struct Numerical.Matrix\n// import Nothing\nlet x = 1\n"
            .write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(try Self.imports(of: file) == ["Foundation", "Models", "Numerical"])
    }
}
