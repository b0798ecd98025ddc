/// The value of one model parameter as written in a scenario file, before it is
/// turned into a model's typed `Parameters`.
public enum ParameterValue: Sendable, Equatable, Codable {
    case real(Double)
    case integer(Int)
    case realList([Double])
    case choice(String)

    /// The value as a Double when it is a scalar number (integers widen).
    public var realValue: Double? {
        switch self {
        case .real(let value): return value
        case .integer(let value): return Double(value)
        default: return nil
        }
    }
}

/// What kind of value a parameter takes. The scenario decoder accepts an integer
/// literal where a real is expected, and nothing else is converted.
public enum ParameterKind: Sendable, Equatable {
    case real
    case integer
    case realList
    case choice([String])

    /// How the kind is named in error messages and in `hetfirm describe`.
    public var description: String {
        switch self {
        case .real: return "a number"
        case .integer: return "an integer"
        case .realList: return "an array of numbers"
        case .choice(let options): return "one of " + options.map { "\"\($0)\"" }.joined(separator: ", ")
        }
    }
}

/// The admissible set of a scalar parameter, checked one parameter at a time.
/// Cross-parameter conditions (such as k > σ − 1) are `ParameterConstraint`s.
public struct ParameterDomain: Sendable, Equatable {
    public var lowerBound: Double?
    public var lowerInclusive: Bool
    public var upperBound: Double?
    public var upperInclusive: Bool

    public init(lowerBound: Double? = nil, lowerInclusive: Bool = true,
                upperBound: Double? = nil, upperInclusive: Bool = true) {
        self.lowerBound = lowerBound
        self.lowerInclusive = lowerInclusive
        self.upperBound = upperBound
        self.upperInclusive = upperInclusive
    }

    public static let unrestricted = ParameterDomain()
    public static func greaterThan(_ bound: Double) -> ParameterDomain { .init(lowerBound: bound, lowerInclusive: false) }
    public static func atLeast(_ bound: Double) -> ParameterDomain { .init(lowerBound: bound) }
    public static func within(_ lower: Double, _ upper: Double) -> ParameterDomain { .init(lowerBound: lower, upperBound: upper) }

    /// Whether `value` lies in the domain.
    public func contains(_ value: Double) -> Bool {
        guard value.isFinite else { return false }
        if let lower = lowerBound, lowerInclusive ? value < lower : value <= lower { return false }
        if let upper = upperBound, upperInclusive ? value > upper : value >= upper { return false }
        return true
    }

    /// The domain written the way an economist would, e.g. `σ > 1` or `0 ≤ s ≤ 1`.
    public func describe(symbol: String) -> String {
        func number(_ x: Double) -> String {
            x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
        }
        switch (lowerBound, upperBound) {
        case (nil, nil): return "any finite \(symbol)"
        case (let lower?, nil): return "\(symbol) \(lowerInclusive ? "≥" : ">") \(number(lower))"
        case (nil, let upper?): return "\(symbol) \(upperInclusive ? "≤" : "<") \(number(upper))"
        case (let lower?, let upper?):
            return "\(number(lower)) \(lowerInclusive ? "≤" : "<") \(symbol) \(upperInclusive ? "≤" : "<") \(number(upper))"
        }
    }
}

/// One parameter of a model, as listed by `hetfirm describe MODEL`.
public struct ParameterSpec: Sendable {
    /// The scenario key, the short symbol economists write (`sigma`, `k`, `f_x`).
    public let key: String
    /// The paper's symbol (`σ`).
    public let symbol: String
    /// The spelled-out Swift name (`elasticityOfSubstitution`).
    public let name: String
    /// One line on what the parameter means, with the paper's equation if any.
    public let meaning: String
    public let kind: ParameterKind
    /// `nil` when the parameter is required.
    public let defaultValue: ParameterValue?
    /// Applies to each scalar, and to each element of a list.
    public let domain: ParameterDomain

    public init(key: String, symbol: String, name: String, meaning: String, kind: ParameterKind = .real,
                defaultValue: ParameterValue?, domain: ParameterDomain = .unrestricted) {
        self.key = key
        self.symbol = symbol
        self.name = name
        self.meaning = meaning
        self.kind = kind
        self.defaultValue = defaultValue
        self.domain = domain
    }
}
