import Foundation

/// One oracle fixture, `Tests/Fixtures/<oracle>/<name>.json`: the decoded JSON object and its checked
/// provenance header. Tests read the payload with the subscript and `csvPath()`.
public struct OracleFixture {
    /// The oracle folder, e.g. `"pyfixest"`.
    public let oracle: String
    /// The file name without `.json`.
    public let name: String
    /// Where the fixture lives.
    public let url: URL
    /// The whole JSON object.
    public let object: [String: Any]
    /// Its provenance header.
    public let provenance: FixtureProvenance

    /// Reads `Tests/Fixtures/<oracle>/<name>.json`; fails when the file is missing, is not a JSON object,
    /// or its provenance header is incomplete.
    public init(oracle: String, name: String) throws {
        self.oracle = oracle
        self.name = name
        url = Repository.fixtures(oracle).appendingPathComponent("\(name).json")
        let file = "Tests/Fixtures/\(oracle)/\(name).json"
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw FixtureError("\(file): cannot be read")
        }
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw FixtureError("\(file): not a JSON object")
        }
        self.object = object
        provenance = try FixtureProvenance(fixture: object, file: file)
    }

    /// The value of a top-level key.
    public subscript(key: String) -> Any? { object[key] }

    /// The value of a top-level key as `T`; fails with the fixture's name when it is missing or of another type.
    public func value<T>(_ key: String, as type: T.Type = T.self) throws -> T {
        guard let value = object[key] as? T else {
            throw FixtureError("Tests/Fixtures/\(oracle)/\(name).json: no \"\(key)\" of type \(T.self)")
        }
        return value
    }

    /// The fixture's `cases` array.
    public func cases() throws -> [[String: Any]] {
        try value("cases")
    }

    /// The path of the data file named by the fixture's `csv` key (relative to the repository root).
    public func csvPath() throws -> String {
        Repository.path(try value("csv", as: String.self))
    }
}
