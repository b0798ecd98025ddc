import Foundation

/// The `.hetfirm-output` file inside every folder hetfirm writes (a run's, a shard's or a merge's
/// output, and the staging folder a run assembles it in). It is how hetfirm tells its own folders
/// from the user's: only a folder that carries a marker may ever be replaced, and only the files
/// the marker lists may be deleted with it (see ``OutputFolder``).
public struct OutputMarker: Sendable, Codable, Equatable {
    /// What wrote the folder.
    public enum Kind: String, Sendable, Codable {
        /// `hetfirm run` (the whole Monte Carlo).
        case run
        /// `hetfirm run --shard K/N`.
        case shard
        /// `hetfirm merge`.
        case merge
        /// A folder being assembled; renamed into place when complete.
        case staging
    }

    /// Always ``formatName``.
    public var format: String
    public var version: Int
    public var kind: Kind
    /// The `[scenario] name` of the scenario that produced the folder.
    public var scenario: String
    /// ``ScenarioFingerprint`` of that scenario (with its replication count).
    public var fingerprint: String
    /// For a staging folder: the process that assembles it (a staging folder whose process is gone
    /// is removed by the next run into the same parent folder).
    public var process: Int32?
    /// For a staging folder: the output folder it becomes.
    public var target: String?
    /// Every file written into the folder, relative to it (the marker excluded), sorted.
    public var files: [String]

    public static let fileName = ".hetfirm-output"
    static let formatName = "hetfirm-output"

    public init(kind: Kind, scenario: String, fingerprint: String, files: [String] = [],
                process: Int32? = nil, target: String? = nil) {
        format = Self.formatName
        version = 1
        self.kind = kind
        self.scenario = scenario
        self.fingerprint = fingerprint
        self.files = files
        self.process = process
        self.target = target
    }

    /// Pretty-printed JSON with sorted keys.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}") + "\n"
    }

    /// The marker of `folder`, nil when it has none or the file is not a hetfirm marker (a file of
    /// that name written by someone else does not make a folder hetfirm's).
    public static func read(folder: String) -> OutputMarker? {
        let path = (folder as NSString).appendingPathComponent(fileName)
        var status = stat()
        guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_size < 16 << 20,
              let data = FileManager.default.contents(atPath: path),
              let marker = try? JSONDecoder().decode(OutputMarker.self, from: data),
              marker.format == formatName, marker.version == 1 else { return nil }
        return marker
    }
}
