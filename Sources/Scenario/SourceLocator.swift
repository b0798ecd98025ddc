/// Maps key paths to the line and column where they are written in a TOML text.
///
/// TOMLKit reports positions only for parse errors, so this scans the text itself: table
/// headers `[a.b]`, arrays of tables `[[estimate]]` (→ `estimate[0]`, `estimate[1]`, …),
/// dotted and quoted keys, inline tables (`vcov = { cluster = ["a"] }` →
/// `estimate[0].vcov.cluster`), array elements (`model.m_probabilities[2]`), multi-line
/// arrays and strings, and comments. It never fails: on text it cannot follow it records
/// what it has read so far (the loader only runs it on text TOMLKit accepted).
public struct SourceLocator: Sendable {
    public let fileName: String
    private var positions: [String: SourceLocation] = [:]

    public init(text: String, fileName: String) {
        self.fileName = fileName
        var scanner = Scanner(text: text, fileName: fileName)
        scanner.run()
        positions = scanner.positions
    }

    /// Where `keyPath` itself is written (a key, a table header or an array element), or `nil`.
    public func position(of keyPath: String) -> SourceLocation? { positions[keyPath] }

    /// Where `keyPath` is written, else where its nearest enclosing table is; `nil` when
    /// neither it nor any parent is written.
    public func locate(_ keyPath: String) -> SourceLocation? {
        var path: String? = keyPath
        while let current = path, !current.isEmpty {
            if let location = positions[current] { return location }
            path = KeyPath.parent(of: current)
        }
        return nil
    }

    /// The first spot where toml++ 3.4 would assert (debug) or assume (release) instead of
    /// reporting a parse error, with what it expected: a table header whose key starts with
    /// a character that cannot start a key (`[{a]`, `[[ =`, `[` then a newline), or an array
    /// element that starts with `}` or a Unicode line separator (`x = [1, }`). The loader
    /// rejects these before calling toml++.
    static func firstUnsafeSyntax(in text: String, fileName: String)
        -> (location: SourceLocation, message: String, scalarOffset: Int, inHeader: Bool)? {
        var scanner = Scanner(text: text, fileName: fileName)
        scanner.stopAtUnsafeSyntax = true
        scanner.run()
        return scanner.unsafeSyntax
    }

    /// The deepest nesting a scenario may use: tables, dotted keys, arrays and inline tables
    /// together (`[model] sigma = 4` is 2 deep, `estimate[0].vcov.cluster[0]` is 4 deep).
    /// Deeper text is refused before toml++ sees it, so no reader recurses without bound.
    public static let maximumNesting = 64

    /// The first spot where `text` nests deeper than ``maximumNesting``: the location of the
    /// `[`, `{` or key that goes one level too deep and the key path it belongs to. Linear in
    /// the length of the text up to that spot; the scan stops there.
    static func firstExcessiveNesting(in text: String, fileName: String) -> (location: SourceLocation, keyPath: String)? {
        var scanner = Scanner(text: text, fileName: fileName)
        scanner.run()
        return scanner.excessiveNesting
    }

    /// Every recorded path, for tests and diagnostics.
    public var recordedPaths: [String] { positions.keys.sorted() }
}

private struct Scanner {
    let scalars: [Unicode.Scalar]
    let fileName: String
    var positions: [String: SourceLocation] = [:]
    var index = 0
    var line = 1
    var lineStart = 0
    /// How many elements each array of tables has so far, by resolved path.
    var arrayTableCounts: [String: Int] = [:]
    var stopAtUnsafeSyntax = false
    /// Where the text first nests deeper than `SourceLocator.maximumNesting`; the scan stops there.
    var excessiveNesting: (location: SourceLocation, keyPath: String)?
    /// Whether the scan has stopped (unsafe syntax or excessive nesting).
    var stopped: Bool { unsafeSyntax != nil || excessiveNesting != nil }
    var unsafeSyntax: (location: SourceLocation, message: String, scalarOffset: Int, inHeader: Bool)?

    func shown(_ c: Unicode.Scalar) -> String {
        switch c {
        case "\n": return "end of line"
        case "\r": return "carriage return"
        case "\u{85}", "\u{2028}", "\u{2029}": return "a Unicode line separator (U+\(String(c.value, radix: 16, uppercase: true)))"
        default: return "'\(c)'"
        }
    }

    init(text: String, fileName: String) {
        scalars = Array(text.unicodeScalars)
        self.fileName = fileName
    }

    var atEnd: Bool { index >= scalars.count }
    func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        let position = index + offset
        return position < scalars.count ? scalars[position] : nil
    }

    mutating func advance() {
        guard index < scalars.count else { return }
        if scalars[index] == "\n" {
            line += 1
            lineStart = index + 1
        }
        index += 1
    }

    var here: SourceLocation { SourceLocation(file: fileName, line: line, column: index - lineStart + 1) }

    mutating func record(_ path: String, _ location: SourceLocation) {
        if positions[path] == nil { positions[path] = location }
    }

    // MARK: whitespace and comments

    mutating func skipSpaces() {
        while let c = peek(), c == " " || c == "\t" || c == "\r" { advance() }
    }

    mutating func skipComment() {
        guard peek() == "#" else { return }
        while let c = peek(), c != "\n" { advance() }
    }

    /// Spaces, newlines and comments (inside arrays and between statements).
    mutating func skipBlank() {
        while let c = peek() {
            if c == " " || c == "\t" || c == "\r" || c == "\n" { advance() }
            else if c == "#" { skipComment() }
            else { break }
        }
    }

    mutating func skipRestOfLine() {
        while let c = peek(), c != "\n" { advance() }
        advance()
    }

    // MARK: statements

    mutating func run() {
        var table: [KeyPath.Segment] = []
        while !stopped {
            skipBlank()
            guard let c = peek() else { return }
            let start = here
            let startIndex = index
            if c == "[" {
                let isArray = peek(1) == "["
                advance()
                if isArray { advance() }
                while let c = peek(), c == " " || c == "\t" { advance() }
                if stopAtUnsafeSyntax, let next = peek(),
                   !(isBareKeyCharacter(next) || next == "\"" || next == "'" || next == "]") {
                    unsafeSyntax = (here, "expected a table name after '[', saw \(shown(next))", index, true)
                    return
                }
                skipSpaces()
                let keys = parseKey()
                if keys.count + (isArray ? 1 : 0) > SourceLocator.maximumNesting {
                    excessiveNesting = (start, keys.prefix(3).joined(separator: ".") + "…")
                    return
                }
                skipSpaces()
                if keys.isEmpty || peek() != "]" || (isArray && peek(1) != "]") {
                    skipRestOfLine()
                    continue
                }
                advance()
                if isArray { advance() }
                table = resolveHeader(keys, isArray: isArray, at: start)
                skipSpaces()
                skipComment()
            } else {
                let keys = parseKey()
                skipSpaces()
                guard !keys.isEmpty, peek() == "=" else {
                    if index == startIndex { advance() }
                    skipRestOfLine()
                    continue
                }
                advance()
                if table.count + keys.count > SourceLocator.maximumNesting {
                    excessiveNesting = (start, KeyPath.render(table) + "." + keys.prefix(3).joined(separator: ".") + "…")
                    return
                }
                let path = recordKeys(keys, under: table, at: start)
                skipSpaces()
                parseValue(path: path, depth: table.count + keys.count)
                skipSpaces()
                skipComment()
            }
            if index == startIndex { advance() }
        }
    }

    /// Resolves `[a.b]` / `[[a.b]]` against the arrays of tables seen so far: a component that
    /// names an array of tables refers to its latest element.
    mutating func resolveHeader(_ keys: [String], isArray: Bool, at location: SourceLocation) -> [KeyPath.Segment] {
        var resolved: [KeyPath.Segment] = []
        for (offset, key) in keys.enumerated() {
            resolved.append(.key(key))
            let path = KeyPath.render(resolved)
            record(path, location)
            let isLast = offset == keys.count - 1
            if isArray && isLast {
                let count = arrayTableCounts[path, default: 0]
                arrayTableCounts[path] = count + 1
                resolved.append(.index(count))
                record(KeyPath.render(resolved), location)
            } else if let count = arrayTableCounts[path], count > 0 {
                resolved.append(.index(count - 1))
            }
        }
        return resolved
    }

    /// Records a (possibly dotted) key and its implicit parent tables; returns its full path.
    mutating func recordKeys(_ keys: [String], under table: [KeyPath.Segment], at location: SourceLocation) -> String {
        var segments = table
        for key in keys {
            segments.append(.key(key))
            record(KeyPath.render(segments), location)
        }
        return KeyPath.render(segments)
    }

    // MARK: keys

    /// `a`, `"a b"`, `'a'`, `a . "b" . c`; empty on anything else.
    mutating func parseKey() -> [String] {
        var keys: [String] = []
        while true {
            skipSpaces()
            guard let c = peek() else { return keys }
            if c == "\"" {
                advance()
                keys.append(readBasicString())
            } else if c == "'" {
                advance()
                keys.append(readLiteralString())
            } else if isBareKeyCharacter(c) {
                var key = ""
                while let c = peek(), isBareKeyCharacter(c) { key.unicodeScalars.append(c); advance() }
                keys.append(key)
            } else {
                return keys
            }
            skipSpaces()
            guard peek() == "." else { return keys }
            advance()
        }
    }

    func isBareKeyCharacter(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "A"..."Z", "a"..."z", "0"..."9", "_", "-": return true
        default: return false
        }
    }

    /// After the opening `"`: reads to the closing quote (or end of line), decoding escapes.
    mutating func readBasicString() -> String {
        var value = ""
        while let c = peek(), c != "\n" {
            advance()
            if c == "\"" { return value }
            if c == "\\", let escaped = peek() {
                advance()
                switch escaped {
                case "n": value += "\n"
                case "t": value += "\t"
                case "r": value += "\r"
                case "b": value += "\u{08}"
                case "f": value += "\u{0C}"
                case "e": value += "\u{1B}"
                case "u", "U", "x":
                    let width = escaped == "u" ? 4 : escaped == "U" ? 8 : 2
                    var hex = ""
                    for _ in 0..<width {
                        guard let digit = peek(), digit.properties.isASCIIHexDigit else { break }
                        hex.unicodeScalars.append(digit)
                        advance()
                    }
                    if let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) {
                        value.unicodeScalars.append(scalar)
                    }
                default: value.unicodeScalars.append(escaped)
                }
            } else {
                value.unicodeScalars.append(c)
            }
        }
        return value
    }

    /// After the opening `'`.
    mutating func readLiteralString() -> String {
        var value = ""
        while let c = peek(), c != "\n" {
            advance()
            if c == "'" { return value }
            value.unicodeScalars.append(c)
        }
        return value
    }

    // MARK: values

    /// Reads one value of `path`, which is `depth` levels deep; stops the scan at a `[` or `{`
    /// that would nest deeper than `SourceLocator.maximumNesting`, so recursion stays bounded.
    mutating func parseValue(path: String, depth: Int) {
        guard let c = peek() else { return }
        if c == "[" || c == "{", depth >= SourceLocator.maximumNesting {
            excessiveNesting = (here, path)
            return
        }
        switch c {
        case "\"":
            if peek(1) == "\"", peek(2) == "\"" {
                skipMultiline(quote: "\"", escapes: true)
            } else {
                advance()
                _ = readBasicString()
            }
        case "'":
            if peek(1) == "'", peek(2) == "'" {
                skipMultiline(quote: "'", escapes: false)
            } else {
                advance()
                _ = readLiteralString()
            }
        case "[":
            advance()
            var element = 0
            while true {
                skipBlank()
                guard let next = peek() else { return }
                if next == "]" { advance(); return }
                if stopAtUnsafeSyntax, next == "}" || next == "\u{85}" || next == "\u{2028}" || next == "\u{2029}" {
                    if unsafeSyntax == nil {
                        unsafeSyntax = (here, "expected a value or ']' in the array, saw \(shown(next))", index, false)
                    }
                    return
                }
                let elementPath = KeyPath.index(path, element)
                record(elementPath, here)
                let before = index
                parseValue(path: elementPath, depth: depth + 1)
                if stopped { return }
                element += 1
                skipBlank()
                if peek() == "," { advance(); continue }
                if peek() == "]" { advance(); return }
                if index == before { advance() }
                return
            }
        case "{":
            advance()
            while true {
                skipBlank()
                guard let next = peek() else { return }
                if next == "}" { advance(); return }
                let start = here
                let keys = parseKey()
                skipSpaces()
                guard !keys.isEmpty, peek() == "=" else { return }
                advance()
                if depth + keys.count > SourceLocator.maximumNesting {
                    excessiveNesting = (start, path)
                    return
                }
                var segments = KeyPath.parse(path)
                for key in keys {
                    segments.append(.key(key))
                    record(KeyPath.render(segments), start)
                }
                skipSpaces()
                parseValue(path: KeyPath.render(segments), depth: depth + keys.count)
                if stopped { return }
                skipBlank()
                if peek() == "," { advance(); continue }
                if peek() == "}" { advance(); return }
                return
            }
        default:
            // toml++ 3.4 asserts on a date, a space and one digit before a terminator ("1979-05-27 5").
            if stopAtUnsafeSyntax, unsafeSyntax == nil, isDateSpaceDigit(at: index) {
                unsafeSyntax = (here, "a date followed by a space and a single digit is neither a date nor a date-time",
                                index + 10, false)
            }
            // Numbers, booleans, dates (which may contain a space): up to a delimiter.
            while let c = peek(), c != ",", c != "]", c != "}", c != "#", c != "\n" { advance() }
        }
    }

    /// `DDDD-DD-DD D` followed by whitespace, `]`, `}`, `,` or `#`.
    func isDateSpaceDigit(at start: Int) -> Bool {
        guard start + 12 < scalars.count else { return false }
        for offset in 0..<10 {
            let c = scalars[start + offset]
            let ok = offset == 4 || offset == 7 ? c == "-" : ("0"..."9").contains(c)
            if !ok { return false }
        }
        guard scalars[start + 10] == " ", ("0"..."9").contains(scalars[start + 11]) else { return false }
        let next = scalars[start + 12]
        return next.properties.isWhitespace || next == "]" || next == "}" || next == "," || next == "#"
    }

    mutating func skipMultiline(quote: Unicode.Scalar, escapes: Bool) {
        advance(); advance(); advance()
        while let c = peek() {
            if escapes && c == "\\" {
                advance()
                advance()
                continue
            }
            if c == quote, peek(1) == quote, peek(2) == quote {
                advance(); advance(); advance()
                // Up to two more quotes belong to the content (`""""` ends with a quote).
                if peek() == quote { advance() }
                if peek() == quote { advance() }
                return
            }
            advance()
        }
    }
}
