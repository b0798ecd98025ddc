import Foundation

/// A textual reading of Package.swift's target list: each `.target`, `.executableTarget`, `.testTarget`,
/// `.systemLibrary`, `.macro` or `.plugin` with a literal `name:`, its direct `dependencies:` (target names,
/// and product names for `.product(name:package:)`) and its source folder (`path:`, or the SwiftPM default
/// `Sources/<name>`, `Tests/<name>` for test targets). Targets whose name is not a string literal (built in
/// a loop, like the fuzz harnesses) are not listed.
struct PackageManifest {
    struct Target: Equatable {
        let name: String
        let kind: String
        let dependencies: Set<String>
        /// The source folder relative to the package root.
        let path: String
    }

    let targets: [Target]

    /// Module names a `.product(name:package:)` dependency brings in, where they differ from the product name.
    static let productModules: [String: String] = [:]

    init(text: String) {
        let code = Self.withoutComments(text)
        var targets: [Target] = []
        var index = code.startIndex
        let kinds = ["target", "executableTarget", "testTarget", "systemLibrary", "macro", "plugin"]
        while let dot = code[index...].firstIndex(of: ".") {
            let rest = code[code.index(after: dot)...]
            guard let kind = kinds.first(where: { rest.hasPrefix($0 + "(") }) else {
                index = code.index(after: dot)
                continue
            }
            let open = code.index(dot, offsetBy: kind.count + 1)
            let close = Self.matching(code, open: open)
            let arguments = String(code[code.index(after: open)..<close])
            if let target = Self.target(kind: kind, arguments: arguments) { targets.append(target) }
            index = close < code.endIndex ? code.index(after: close) : close
        }
        self.targets = targets
    }

    /// Every module name the package itself defines or takes from a dependency package.
    var modules: Set<String> {
        Set(targets.map(\.name)).union(targets.flatMap(\.dependencies))
    }

    /// The target parsed from the argument text of one `.kind(...)` call, when its name is a literal.
    static func target(kind: String, arguments: String) -> Target? {
        let top = topLevelArguments(arguments)
        guard let name = top["name"].flatMap(stringLiteral) else { return nil }
        var dependencies: Set<String> = []
        if let list = top["dependencies"], list.hasPrefix("["), list.hasSuffix("]") {
            for element in splitTopLevel(String(list.dropFirst().dropLast())) {
                if let literal = stringLiteral(element) {
                    dependencies.insert(literal)
                } else if let open = element.firstIndex(of: "("), element.hasSuffix(")") {
                    let inner = topLevelArguments(String(element[element.index(after: open)..<element.index(before: element.endIndex)]))
                    if let dependency = inner["name"].flatMap(stringLiteral) {
                        dependencies.insert(productModules[dependency] ?? dependency)
                    }
                }
            }
        }
        let path = top["path"].flatMap(stringLiteral) ?? (kind == "testTarget" ? "Tests/\(name)" : "Sources/\(name)")
        return Target(name: name, kind: kind, dependencies: dependencies, path: path)
    }

    /// `label: value` pairs of an argument list, split at top-level commas.
    static func topLevelArguments(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for argument in splitTopLevel(text) {
            guard let colon = argument.firstIndex(of: ":") else { continue }
            let label = argument[..<colon].trimmingCharacters(in: .whitespacesAndNewlines)
            guard !label.isEmpty, label.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { continue }
            result[label] = argument[argument.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return result
    }

    /// `text` split at the commas outside brackets, parentheses, braces and string literals, trimmed.
    static func splitTopLevel(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        var inString = false
        var previous: Character = " "
        for character in text {
            if inString {
                if character == "\"" && previous != "\\" { inString = false }
            } else if character == "\"" {
                inString = true
            } else if "([{".contains(character) {
                depth += 1
            } else if ")]}".contains(character) {
                depth -= 1
            } else if character == "," && depth == 0 {
                parts.append(current.trimmingCharacters(in: .whitespacesAndNewlines))
                current = ""
                previous = character
                continue
            }
            current.append(character)
            previous = character
        }
        let last = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !last.isEmpty { parts.append(last) }
        return parts
    }

    /// The contents of a plain string literal without interpolation (`"Scenario"` → `Scenario`).
    static func stringLiteral(_ text: String) -> String? {
        guard text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") else { return nil }
        let inner = String(text.dropFirst().dropLast())
        guard !inner.contains("\""), !inner.contains("\\(") else { return nil }
        return inner
    }

    /// The index of the parenthesis closing the one at `open` (skipping string literals), or the end.
    static func matching(_ code: String, open: String.Index) -> String.Index {
        var depth = 0
        var inString = false
        var previous: Character = " "
        var index = open
        while index < code.endIndex {
            let character = code[index]
            if inString {
                if character == "\"" && previous != "\\" { inString = false }
            } else if character == "\"" {
                inString = true
            } else if character == "(" {
                depth += 1
            } else if character == ")" {
                depth -= 1
                if depth == 0 { return index }
            }
            previous = character
            index = code.index(after: index)
        }
        return code.endIndex
    }

    /// `text` without `//` line comments and `/* */` block comments (string literals kept intact).
    static func withoutComments(_ text: String) -> String {
        var result = ""
        var inString = false
        var previous: Character = " "
        var characters = Array(text)[...]
        while let character = characters.first {
            if inString {
                if character == "\"" && previous != "\\" { inString = false }
            } else if character == "\"" {
                inString = true
            } else if character == "/" && characters.dropFirst().first == "/" {
                while let next = characters.first, next != "\n" { characters = characters.dropFirst() }
                continue
            } else if character == "/" && characters.dropFirst().first == "*" {
                characters = characters.dropFirst(2)
                while !characters.isEmpty && !(characters.first == "*" && characters.dropFirst().first == "/") {
                    characters = characters.dropFirst()
                }
                characters = characters.dropFirst(2)
                continue
            }
            result.append(character)
            previous = character
            characters = characters.dropFirst()
        }
        return result
    }
}
