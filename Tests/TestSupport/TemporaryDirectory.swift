import Foundation

/// Unique folders under the system's temporary directory for tests that write files.
public enum TemporaryDirectory {
    /// A unique path `…/hetfirm-<label>-<UUID>` that does not exist yet (for code that must create it itself).
    public static func path(_ label: String = "test") -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("hetfirm-\(label)-\(UUID().uuidString)").path
    }

    /// A unique folder `…/hetfirm-<label>-<UUID>`, created empty.
    public static func create(_ label: String) throws -> String {
        let path = path(label)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
