/// Key paths as they appear in errors and in `Scenario.location(of:)`: components joined by
/// `.`, array indices as `[n]`, and keys that are not bare TOML keys written in double quotes
/// (`model."a.b"`).
enum KeyPath {
    enum Segment: Equatable {
        case key(String)
        case index(Int)
    }

    static func isBare(_ key: String) -> Bool {
        !key.isEmpty && key.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "A"..."Z", "a"..."z", "0"..."9", "_", "-": return true
            default: return false
            }
        }
    }

    /// The key as written in a path (and in TOML): bare when possible, else a basic string.
    static func quoted(_ key: String) -> String {
        isBare(key) ? key : TOMLText.basicString(key)
    }

    static func join(_ parent: String, _ key: String) -> String {
        parent.isEmpty ? quoted(key) : parent + "." + quoted(key)
    }

    static func index(_ parent: String, _ index: Int) -> String { parent + "[\(index)]" }

    static func render(_ segments: [Segment]) -> String {
        var path = ""
        for segment in segments {
            switch segment {
            case .key(let key): path = join(path, key)
            case .index(let index): path = Self.index(path, index)
            }
        }
        return path
    }

    /// The enclosing path (`a.b[2]` → `a.b` → `a` → ``), or `nil` for the root.
    static func parent(of path: String) -> String? {
        let segments = parse(path)
        guard !segments.isEmpty else { return nil }
        return render(Array(segments.dropLast()))
    }

    /// Splits a path written by `render` back into segments; never fails (malformed input
    /// yields whatever segments could be read).
    static func parse(_ path: String) -> [Segment] {
        let scalars = Array(path.unicodeScalars)
        var segments: [Segment] = []
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == "." { i += 1; continue }
            if c == "[" {
                var digits = ""
                i += 1
                while i < scalars.count, scalars[i] != "]" { digits.unicodeScalars.append(scalars[i]); i += 1 }
                i += 1
                segments.append(.index(Int(digits) ?? 0))
            } else if c == "\"" {
                var key = ""
                i += 1
                while i < scalars.count, scalars[i] != "\"" {
                    if scalars[i] == "\\", i + 1 < scalars.count {
                        i += 1
                        switch scalars[i] {
                        case "n": key += "\n"
                        case "t": key += "\t"
                        case "r": key += "\r"
                        case "b": key += "\u{08}"
                        case "f": key += "\u{0C}"
                        case "u", "U":
                            let width = scalars[i] == "u" ? 4 : 8
                            var hex = ""
                            var j = i + 1
                            while j < scalars.count, j <= i + width { hex.unicodeScalars.append(scalars[j]); j += 1 }
                            if let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) {
                                key.unicodeScalars.append(scalar)
                            }
                            i = j - 1
                        default: key.unicodeScalars.append(scalars[i])
                        }
                    } else {
                        key.unicodeScalars.append(scalars[i])
                    }
                    i += 1
                }
                i += 1
                segments.append(.key(key))
            } else {
                var key = ""
                while i < scalars.count, scalars[i] != ".", scalars[i] != "[" {
                    key.unicodeScalars.append(scalars[i]); i += 1
                }
                segments.append(.key(key))
            }
        }
        return segments
    }
}
