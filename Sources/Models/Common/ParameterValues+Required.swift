extension ParameterValues {
    /// The real number under `key` (integers widen); `ModelError.missingParameter` when absent or not a number.
    public func requiredReal(_ key: String) throws -> Double {
        guard let value = real(key) else { throw ModelError.missingParameter(key) }
        return value
    }

    /// The integer under `key`; `ModelError.missingParameter` when absent or not an integer.
    public func requiredInteger(_ key: String) throws -> Int {
        guard let value = integer(key) else { throw ModelError.missingParameter(key) }
        return value
    }

    /// The list of numbers under `key`; `ModelError.missingParameter` when absent or not a list.
    public func requiredList(_ key: String) throws -> [Double] {
        guard let value = list(key) else { throw ModelError.missingParameter(key) }
        return value
    }

    /// The choice under `key` as a typed option; `ModelError.missingParameter` when absent or not one of its values.
    public func requiredChoice<Choice: RawRepresentable>(_ key: String, as type: Choice.Type = Choice.self) throws -> Choice
        where Choice.RawValue == String {
        guard let raw = choice(key), let value = Choice(rawValue: raw) else { throw ModelError.missingParameter(key) }
        return value
    }
}
