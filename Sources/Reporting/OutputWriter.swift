import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes report files into one output directory, atomically: each file is written to a
/// temporary file in the same directory and renamed over the target, so readers never see a
/// half-written file.
public struct OutputWriter: Sendable {
    /// The output directory (as given).
    public let directory: String

    /// Creates the writer and the directory (with intermediate directories) if needed.
    /// - Throws: ``ReportingError/fileSystem(path:reason:)`` when it cannot be created or is a file.
    public init(directory: String) throws {
        guard !directory.isEmpty else { throw ReportingError.fileSystem(path: directory, reason: "empty directory path") }
        try Self.createDirectory(directory)
        self.directory = directory
    }

    /// Writes `text` (UTF-8) to `relativePath` inside the directory, creating subdirectories.
    /// - Throws: ``ReportingError/invalidRelativePath(_:)`` for an absolute path or one with `..`,
    ///   ``ReportingError/fileSystem(path:reason:)`` when writing fails.
    public func write(_ text: String, to relativePath: String) throws {
        let components = relativePath.split(separator: "/", omittingEmptySubsequences: true)
        guard !relativePath.hasPrefix("/"), !components.isEmpty, !components.contains(".."),
              !relativePath.contains("\0") else {
            throw ReportingError.invalidRelativePath(relativePath)
        }
        let target = path(for: relativePath)
        let parent = (target as NSString).deletingLastPathComponent
        try Self.createDirectory(parent)
        let fileName = String(components[components.count - 1])
        let temporary = (parent as NSString).appendingPathComponent(".\(fileName).tmp-\(UUID().uuidString)")
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
        } catch {
            throw ReportingError.fileSystem(path: temporary, reason: "cannot write: \(error.localizedDescription)")
        }
        guard rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw ReportingError.fileSystem(path: target, reason: "cannot move into place: \(reason)")
        }
    }

    /// Writes the series to `STEM.dat`.
    public func write(_ series: DataSeries) throws {
        try write(series.render(), to: "\(series.stem).dat")
    }

    /// Writes the script to `STEM.gp`.
    public func write(_ script: GnuplotScript) throws {
        try FileStem.validate(script.stem)
        try write(script.contents, to: "\(script.stem).gp")
    }

    /// The full path of `relativePath` inside the directory.
    public func path(for relativePath: String) -> String {
        (directory as NSString).appendingPathComponent(relativePath)
    }

    private static func createDirectory(_ path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw ReportingError.fileSystem(path: path, reason: "exists and is not a directory")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw ReportingError.fileSystem(path: path, reason: "cannot create directory: \(error.localizedDescription)")
        }
    }
}
