import PanelData

/// A row filter written in an `[[estimate]]` block, such as `sample = "new_dummy == 0 && num >= 4"`:
/// comparisons of a column with a number, joined by `&&`. Rows where a named column is missing
/// fail the filter. This is how the paper-003 sub-samples (Tables 4–6) are written.
public struct SampleFilter: Sendable, Equatable, CustomStringConvertible {
    public enum Comparison: String, Sendable, CaseIterable {
        case equal = "==", notEqual = "!=", lessOrEqual = "<=", greaterOrEqual = ">=", less = "<", greater = ">"

        func holds(_ left: Double, _ right: Double) -> Bool {
            switch self {
            case .equal: return left == right
            case .notEqual: return left != right
            case .lessOrEqual: return left <= right
            case .greaterOrEqual: return left >= right
            case .less: return left < right
            case .greater: return left > right
            }
        }
    }

    public struct Clause: Sendable, Equatable {
        public let column: String
        public let comparison: Comparison
        public let value: Double
        /// Offset of the column name in the filter text (for error carets).
        public let offset: Int
    }

    /// A parse or evaluation problem, with the character offset it points at.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public let message: String
        public let offset: Int
        public let text: String

        /// The message, the filter text and a caret under the offending character.
        public var description: String {
            "\(message)\n    \(text)\n    \(String(repeating: " ", count: offset))^"
        }
    }

    public let text: String
    public let clauses: [Clause]

    public var description: String { text }

    /// Parses `text`; throws a ``Problem`` pointing at the first character that does not fit.
    public init(_ text: String) throws {
        self.text = text
        var clauses: [Clause] = []
        let characters = Array(text)
        var position = 0
        func skipSpaces() { while position < characters.count, characters[position] == " " { position += 1 } }
        func problem(_ message: String) -> Problem { Problem(message: message, offset: position, text: text) }
        while true {
            skipSpaces()
            let nameStart = position
            while position < characters.count, characters[position].isLetter || characters[position].isNumber
                || characters[position] == "_" || characters[position] == "." {
                position += 1
            }
            guard position > nameStart else { throw problem("expected a column name") }
            let column = String(characters[nameStart..<position])
            skipSpaces()
            guard let comparison = Comparison.allCases.first(where: { operatorText in
                let symbol = Array(operatorText.rawValue)
                return position + symbol.count <= characters.count && Array(characters[position..<position + symbol.count]) == symbol
            }) else { throw problem("expected a comparison (==, !=, <, <=, >, >=) after '\(column)'") }
            position += comparison.rawValue.count
            skipSpaces()
            let valueStart = position
            while position < characters.count, "+-.0123456789eE".contains(characters[position]) { position += 1 }
            guard let value = Double(String(characters[valueStart..<position])), value.isFinite else {
                position = valueStart
                throw problem("expected a number after '\(comparison.rawValue)'")
            }
            clauses.append(Clause(column: column, comparison: comparison, value: value, offset: nameStart))
            skipSpaces()
            if position == characters.count { break }
            guard position + 1 < characters.count, characters[position] == "&", characters[position + 1] == "&" else {
                throw problem("expected '&&' or the end of the filter")
            }
            position += 2
        }
        self.clauses = clauses
    }

    /// The rows of `data` that pass every clause, in order. Throws a ``Problem`` at the clause whose
    /// column does not exist or is not numeric.
    public func rows(of data: Dataset) throws -> [Int] {
        var keep = Array(repeating: true, count: data.rowCount)
        for clause in clauses {
            guard let column = try? data.column(named: clause.column) else {
                throw Problem(message: "no column '\(clause.column)' in the panel", offset: clause.offset, text: text)
            }
            let values: [Double]
            switch column.storage {
            case .double(let doubles): values = doubles
            case .int(let ints): values = ints.map(Double.init)
            default:
                throw Problem(message: "column '\(clause.column)' is not numeric", offset: clause.offset, text: text)
            }
            for row in 0..<keep.count where keep[row] {
                keep[row] = !column.isMissing(row) && clause.comparison.holds(values[row], clause.value)
            }
        }
        return keep.indices.filter { keep[$0] }
    }
}
