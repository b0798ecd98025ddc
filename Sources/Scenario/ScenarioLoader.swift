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
        // A UTF-8 byte-order mark is not part of the document (toml++ skips it too, but the
        // pre-scans would not see a header right after it); columns then match what editors show.
        var text = text
        if text.unicodeScalars.first == "\u{FEFF}" { text = String(text.unicodeScalars.dropFirst()) }
        let root = try parseTOML(text, fileName: fileName)
        let locator = SourceLocator(text: text, fileName: fileName)
        var decoder = ScenarioDecoder(fileName: fileName, locator: locator, registry: registry)
        let scenario = try decoder.decode(root)
        try EstimateValidation.check(scenario)
        try MediationValidation.check(scenario)
        return scenario
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
        // Nesting is bounded before anything recurses over the text (this scanner, toml++, TOMLNode).
        if let deep = SourceLocator.firstExcessiveNesting(in: text, fileName: fileName) {
            throw ScenarioError(
                kind: .malformedTOML, location: deep.location, keyPath: deep.keyPath,
                message: "the TOML nests deeper than \(SourceLocator.maximumNesting) levels of tables, keys and arrays",
                fix: "a scenario needs only a few levels (e.g. [model] then key = [1.0, 2.0]); remove the extra brackets or key parts")
        }
        // toml++ 3.4 asserts (debug) or assumes (release) on a few malformed inputs instead of
        // reporting them. Find the first such spot and neutralise it for toml++ (a header: parse
        // only the lines before it; otherwise: replace the offending character by '=', which
        // toml++ reports cleanly); an error toml++ finds before it still wins.
        var source = text
        var unsafeError: ScenarioError?
        if let unsafe = SourceLocator.firstUnsafeSyntax(in: text, fileName: fileName) {
            unsafeError = ScenarioError(
                kind: .malformedTOML, location: unsafe.location, keyPath: "",
                message: "malformed TOML: " + unsafe.message,
                fix: unsafe.inHeader
                    ? "write the header as [name] or [[name]] with a bare or quoted key"
                    : unsafe.message.hasPrefix("a date")
                        ? "write a number, a date (1979-05-27) or a full date-time (1979-05-27 07:32:00)"
                        : "remove the stray character: arrays hold values separated by commas, e.g. [1.0, 2.0]")
            var kept = String.UnicodeScalarView()
            var line = 1
            for (offset, scalar) in text.unicodeScalars.enumerated() {
                if unsafe.inHeader {
                    // Split on scalars: "\r\n" is one Character.
                    if line >= unsafe.location.line { break }
                    kept.append(scalar)
                    if scalar == "\n" { line += 1 }
                } else {
                    kept.append(offset == unsafe.scalarOffset ? "=" : scalar)
                }
            }
            source = String(kept)
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: source)
        } catch let error as TOMLParseError {
            let location = SourceLocation(file: fileName, line: max(error.source.begin.line, 1),
                                          column: max(error.source.begin.column, 1))
            if let unsafeError, let unsafe = unsafeError.location,
               (unsafe.line, unsafe.column) <= (location.line, location.column) {
                throw unsafeError
            }
            throw ScenarioError(
                kind: .malformedTOML,
                location: location,
                keyPath: "", message: "malformed TOML: " + error.description,
                fix: "correct the TOML syntax here (strings in double quotes, one key = value per line, "
                    + "arrays in [ ], tables as [name])")
        } catch {
            throw ScenarioError(kind: .malformedTOML, location: SourceLocation(file: fileName, line: 1, column: 1),
                                keyPath: "", message: "malformed TOML: \(error)", fix: "correct the TOML syntax")
        }
        if let unsafeError { throw unsafeError }
        guard case .table(let root) = TOMLNode(table: table) else { return [:] }
        return root
    }
}
