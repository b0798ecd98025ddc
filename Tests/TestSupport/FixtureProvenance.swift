/// The provenance header every oracle fixture starts with (written by validation/provenance.py or its
/// R counterpart): which package and version computed the numbers, which script, and a SHA-256 of the
/// data, so a failing comparison can be traced to its exact inputs.
public struct FixtureProvenance: Equatable, Sendable {
    /// The oracle package, e.g. `"pyfixest"`.
    public let package: String
    /// The oracle package's version, e.g. `"0.60.0"`.
    public let version: String
    /// The script that wrote the fixture, relative to the repository root (`validation/…`).
    public let script: String
    /// SHA-256 of the data the numbers were computed on.
    public let dataSHA256: String

    /// Reads the `provenance` object of a fixture; every field must be a non-empty string and the script
    /// must live in `validation/`.
    public init(fixture object: [String: Any], file: String) throws {
        guard let header = object["provenance"] as? [String: Any] else {
            throw FixtureError("\(file): no \"provenance\" header")
        }
        func field(_ key: String) throws -> String {
            guard let value = header[key] as? String, !value.isEmpty else {
                throw FixtureError("\(file): provenance has no \"\(key)\"")
            }
            return value
        }
        package = try field("package")
        version = try field("version")
        script = try field("script")
        dataSHA256 = try field("data_sha256")
        guard script.hasPrefix("validation/") else {
            throw FixtureError("\(file): provenance script \(script) is not in validation/")
        }
    }
}

/// A fixture that cannot be read, or lacks what a test needs from it.
public struct FixtureError: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }
}
