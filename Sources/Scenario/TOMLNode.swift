import TOMLKit

/// A parsed TOML value as a plain Swift value, copied out of TOMLKit once after parsing.
indirect enum TOMLNode: Sendable {
    case table([String: TOMLNode])
    case array([TOMLNode])
    case string(String)
    case integer(Int)
    case float(Double)
    case bool(Bool)
    /// Dates and times: valid TOML, never valid in a scenario.
    case other(TOMLType.RawValue)

    init(_ value: TOMLValueConvertible) {
        switch value.type {
        case .table:
            var entries: [String: TOMLNode] = [:]
            if let table = value.table {
                for key in table.keys {
                    if let child = table[key] { entries[key] = TOMLNode(child) }
                }
            }
            self = .table(entries)
        case .array:
            var elements: [TOMLNode] = []
            if let array = value.array {
                for index in 0..<array.count { elements.append(TOMLNode(array[index])) }
            }
            self = .array(elements)
        case .string: self = .string(value.string ?? "")
        case .int: self = .integer(value.int ?? 0)
        case .double: self = .float(value.double ?? .nan)
        case .bool: self = .bool(value.bool ?? false)
        case .date: self = .other("date")
        case .time: self = .other("time")
        case .dateTime: self = .other("date-time")
        }
    }

    init(table: TOMLTable) {
        var entries: [String: TOMLNode] = [:]
        for key in table.keys {
            if let child = table[key] { entries[key] = TOMLNode(child) }
        }
        self = .table(entries)
    }

    /// How the value is named in a type error: `a string "high"`, `a float 10.5`.
    var described: String {
        switch self {
        case .table: return "a table"
        case .array: return "an array"
        case .string(let value): return "a string \(TOMLText.basicString(value))"
        case .integer(let value): return "an integer \(value)"
        case .float(let value): return "a float \(TOMLText.float(value))"
        case .bool(let value): return "a boolean \(value)"
        case .other(let name): return "a \(name)"
        }
    }

    /// The value as written in a message (`0.8`, `-1`, `"x"`).
    var rendered: String {
        switch self {
        case .integer(let value): return "\(value)"
        case .float(let value): return TOMLText.float(value)
        case .string(let value): return TOMLText.basicString(value)
        case .bool(let value): return "\(value)"
        default: return described
        }
    }

    var number: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .float(let value): return value
        default: return nil
        }
    }
}
