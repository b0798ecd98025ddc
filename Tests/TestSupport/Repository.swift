import Foundation

/// Paths inside the repository, found from this file's compile-time location
/// (`Tests/TestSupport/Repository.swift`), so a fresh clone finds its fixtures wherever it lives
/// and whatever directory `swift test` runs from.
public enum Repository {
    /// The repository root (the folder holding Package.swift).
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The URL of `relativePath` below the repository root, e.g. `"Tests/Fixtures/pyfixest/data/balanced.csv"`.
    public static func url(_ relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }

    /// The file-system path of `relativePath` below the repository root.
    public static func path(_ relativePath: String) -> String {
        url(relativePath).path
    }

    /// `Tests/Fixtures/<oracle>`: the fixtures one oracle package wrote (pyfixest, scipy, plm, …).
    public static func fixtures(_ oracle: String) -> URL {
        url("Tests/Fixtures/\(oracle)")
    }

    /// `Tests/Fixtures/<oracle>/data/<file>`: a data file the oracle's fixtures were computed on.
    public static func fixtureData(_ oracle: String, _ file: String) -> String {
        fixtures(oracle).appendingPathComponent("data/\(file)").path
    }
}
