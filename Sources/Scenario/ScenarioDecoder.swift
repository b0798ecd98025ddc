import Models

/// Turns a parsed TOML tree into a `Scenario`, collecting located errors and throwing the
/// first in file order. Stages: (1) sections and every key's own type and range; (2) the
/// model's cross-parameter constraints at the base point; (3) the same at every sweep point.
/// A later stage runs only when the earlier ones found nothing.
struct ScenarioDecoder {
    let fileName: String
    let locator: SourceLocator
    let registry: ModelRegistry
    private(set) var errors: [ScenarioError] = []
    /// `[sweep] montecarlo`: repeat the Monte Carlo at every sweep point (default true).
    var sweepMonteCarlo = true

    static let sections = ["scenario", "model", "montecarlo", "sweep", "output", "estimate", "mediate"]
    static let defaultSeed: UInt64 = 20_261_121
    /// Bounds memory and work: the sweep is checked point by point when the scenario is validated,
    /// and a run holds every point's parameters (about 1 kB each) and solves (or simulates) at each.
    /// 1,000,000 points took 3–7 s to validate alone.
    static let maximumSweepPoints = 100_000

    init(fileName: String, locator: SourceLocator, registry: ModelRegistry) {
        self.fileName = fileName
        self.locator = locator
        self.registry = registry
    }

    // MARK: errors

    func location(_ path: String) -> SourceLocation {
        locator.locate(path) ?? SourceLocation(file: fileName, line: 1, column: 1)
    }

    mutating func report(_ kind: ScenarioError.Kind, _ path: String, _ message: String, fix: String) {
        errors.append(ScenarioError(kind: kind, location: location(path), keyPath: path, message: message, fix: fix))
    }

    /// The first collected error in file order (ties: the order found).
    func firstError() -> ScenarioError? {
        errors.enumerated().min { lhs, rhs in
            let a = lhs.element.location, b = rhs.element.location
            let ka = (a?.line ?? Int.max, a?.column ?? Int.max, lhs.offset)
            let kb = (b?.line ?? Int.max, b?.column ?? Int.max, rhs.offset)
            return ka < kb
        }?.element
    }

    // MARK: tables

    /// The keys of `table` (at `path`) in the order they are written in the file.
    func orderedKeys(_ table: [String: TOMLNode], at path: String) -> [String] {
        table.keys.sorted { lhs, rhs in
            let a = locator.position(of: KeyPath.join(path, lhs))
            let b = locator.position(of: KeyPath.join(path, rhs))
            switch (a, b) {
            case let (a?, b?): return (a.line, a.column, lhs) < (b.line, b.column, rhs)
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return lhs < rhs
            }
        }
    }

    /// Reports every key of `table` not in `allowed`, with a suggestion.
    mutating func rejectUnknownKeys(_ table: [String: TOMLNode], at path: String, in label: String, allowed: [String]) {
        for key in orderedKeys(table, at: path) where !allowed.contains(key) {
            report(.unknownKey, KeyPath.join(path, key), "unknown key '\(key)' in \(label)",
                   fix: Suggestion.fix(for: key, among: allowed))
        }
    }

    /// The table under `key` of `parent`, reporting a type error when it is something else.
    mutating func table(_ node: TOMLNode?, at path: String, label: String) -> [String: TOMLNode]? {
        guard let node else { return nil }
        guard case .table(let table) = node else {
            report(.wrongType, path, "\(label) must be a table, not \(node.described)",
                   fix: "write it as a section header \(label) followed by key = value lines")
            return nil
        }
        return table
    }

    // MARK: typed values

    func name(of path: String) -> String {
        if case .key(let key)? = KeyPath.parse(path).last { return key }
        return path
    }

    mutating func string(_ node: TOMLNode, at path: String, example: String) -> String? {
        if case .string(let value) = node { return value }
        report(.wrongType, path, "\(name(of: path)) must be a string, not \(node.described)",
               fix: "write it in double quotes, e.g. \(name(of: path)) = \(example)")
        return nil
    }

    mutating func bool(_ node: TOMLNode, at path: String) -> Bool? {
        if case .bool(let value) = node { return value }
        var fix = "write \(name(of: path)) = true or \(name(of: path)) = false"
        if case .string(let text) = node, ["true", "false"].contains(text.lowercased()) {
            fix = "drop the quotes: \(name(of: path)) = \(text.lowercased())"
        }
        report(.wrongType, path, "\(name(of: path)) must be a boolean, not \(node.described)", fix: fix)
        return nil
    }

    mutating func integer(_ node: TOMLNode, at path: String, example: String) -> Int? {
        if case .integer(let value) = node { return value }
        var fix = "write an integer, e.g. \(name(of: path)) = \(example)"
        if case .float(let value) = node, value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            fix = "drop the decimal point: \(name(of: path)) = \(Int(value))"
        } else if case .string(let text) = node, let value = Int(text) {
            fix = "drop the quotes: \(name(of: path)) = \(value)"
        }
        report(.wrongType, path, "\(name(of: path)) must be an integer, not \(node.described)", fix: fix)
        return nil
    }

    /// An integer or float literal.
    mutating func number(_ node: TOMLNode, at path: String, example: String) -> Double? {
        if let value = node.number { return value }
        var fix = "write a number, e.g. \(name(of: path)) = \(example)"
        if case .string(let text) = node, let value = Double(text.trimmingSpaces), value.isFinite {
            fix = "drop the quotes: \(name(of: path)) = \(text.trimmingSpaces)"
        } else if case .array = node {
            fix = "give a single number, e.g. \(name(of: path)) = \(example) (grids go in [sweep])"
        }
        report(.wrongType, path, "\(name(of: path)) must be a number, not \(node.described)", fix: fix)
        return nil
    }

    mutating func numberArray(_ node: TOMLNode, at path: String, example: String) -> [(value: Double, node: TOMLNode)]? {
        guard case .array(let elements) = node else {
            var fix = "write an array of numbers, e.g. \(name(of: path)) = \(example)"
            if node.number != nil { fix = "put the value in brackets: \(name(of: path)) = [\(node.rendered)]" }
            report(.wrongType, path, "\(name(of: path)) must be an array of numbers, not \(node.described)", fix: fix)
            return nil
        }
        var values: [(value: Double, node: TOMLNode)] = []
        for (index, element) in elements.enumerated() {
            guard let value = element.number else {
                let elementPath = KeyPath.index(path, index)
                report(.wrongType, elementPath,
                       "\(name(of: path))[\(index)] must be a number, not \(element.described)",
                       fix: "write every element as a number, e.g. \(name(of: path)) = \(example)")
                return nil
            }
            values.append((value, element))
        }
        return values
    }
}

extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
