import Foundation
import Models
import TOMLKit

/// Reads a scenario file into a validated `Scenario`, or throws the first problem in file
/// order as a located `ScenarioError`.
public enum ScenarioLoader {
    public static func load(path: String, registry: ModelRegistry = .standard) throws(ScenarioError) -> Scenario {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ScenarioError(
                kind: .fileNotFound, location: nil, keyPath: "",
                message: "no scenario file at '\(path)'",
                fix: "check the path (relative paths start from \(FileManager.default.currentDirectoryPath))")
        }
        guard !isDirectory.boolValue else {
            throw ScenarioError(kind: .unreadable, location: nil, keyPath: "",
                                message: "'\(path)' is a directory, not a scenario file",
                                fix: "name a .toml file inside it")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScenarioError(kind: .unreadable, location: nil, keyPath: "",
                                message: "cannot read '\(path)'", fix: "check the file's permissions")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ScenarioError(kind: .unreadable, location: nil, keyPath: "",
                                message: "'\(path)' is not UTF-8 text", fix: "save the file as UTF-8")
        }
        return try parse(text: text, fileName: path, registry: registry)
    }

    /// Validates scenario `text`; `fileName` is used in locations and as `sourcePath`.
    public static func parse(text: String, fileName: String,
                             registry: ModelRegistry = .standard) throws(ScenarioError) -> Scenario {
        let root = try parseTOML(text, fileName: fileName)
        let locator = SourceLocator(text: text, fileName: fileName)
        var decoder = ScenarioDecoder(fileName: fileName, locator: locator, registry: registry)
        return try decoder.decode(root)
    }

    static func parseTOML(_ text: String, fileName: String) throws(ScenarioError) -> [String: TOMLNode] {
        // toml++ reads a C string: a NUL would silently end the document early.
        if let nul = text.unicodeScalars.firstIndex(of: "\0") {
            let before = text.unicodeScalars[..<nul]
            let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
            let column = before.count - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
            throw ScenarioError(kind: .malformedTOML, location: SourceLocation(file: fileName, line: line, column: column),
                                keyPath: "", message: "malformed TOML: NUL character in the file",
                                fix: "remove the NUL byte (the file may not be a text file)")
        }
        // toml++ 3.4 asserts (debug) or assumes (release) that a table header's key starts
        // with a key character; check that first, but let an earlier syntax error win.
        var source = text
        var headerError: ScenarioError?
        if let invalid = SourceLocator.firstInvalidHeader(in: text, fileName: fileName) {
            headerError = ScenarioError(
                kind: .malformedTOML, location: invalid.location, keyPath: "",
                message: "malformed TOML: expected a table name after '[', saw \(invalid.found)",
                fix: "write the header as [name] or [[name]] with a bare or quoted key")
            // Parse only the lines before it (split on scalars: "\r\n" is one Character).
            var kept = String.UnicodeScalarView()
            var line = 1
            for scalar in text.unicodeScalars {
                if line >= invalid.location.line { break }
                kept.append(scalar)
                if scalar == "\n" { line += 1 }
            }
            source = String(kept)
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: source)
        } catch let error as TOMLParseError {
            throw ScenarioError(
                kind: .malformedTOML,
                location: SourceLocation(file: fileName, line: max(error.source.begin.line, 1),
                                         column: max(error.source.begin.column, 1)),
                keyPath: "", message: "malformed TOML: " + error.description,
                fix: "correct the TOML syntax here (strings in double quotes, one key = value per line, "
                    + "arrays in [ ], tables as [name])")
        } catch {
            throw ScenarioError(kind: .malformedTOML, location: SourceLocation(file: fileName, line: 1, column: 1),
                                keyPath: "", message: "malformed TOML: \(error)", fix: "correct the TOML syntax")
        }
        if let headerError { throw headerError }
        guard case .table(let root) = TOMLNode(table: table) else { return [:] }
        return root
    }
}
