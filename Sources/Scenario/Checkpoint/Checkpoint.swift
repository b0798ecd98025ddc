import Foundation
import MonteCarlo

/// The checkpoint of a resumable Monte Carlo: a file `OUT.checkpoint.csv` next to the output folder
/// `OUT`, to which every completed replication is appended as one whole line (``CheckpointEntry``)
/// the moment it finishes, with one unbuffered write, so an interrupted run (Ctrl-C, a crash, a
/// killed job) leaves every finished replication on disk. A torn last line is ignored on resume.
///
/// The header records the ``ScenarioFingerprint`` and the shard, and a resumed run refuses a
/// checkpoint whose header differs. The file is created at the first completed replication (a run
/// that fails before its Monte Carlo leaves an existing checkpoint untouched) and removed once the
/// output folder is written.
public final class Checkpoint: @unchecked Sendable {
    /// Path of the checkpoint file.
    public let path: String
    /// What the header must say: fingerprint and shard.
    let identity: String
    /// Replications read from the checkpoint on resume, by index.
    let restored: [Int: CheckpointEntry]
    /// A checkpoint of an earlier run that a fresh (not resumed) run will replace.
    public let replacesExisting: Bool

    private let lock = NSLock()
    private var handle: FileHandle?
    private var started = false
    private var written: Set<Int> = []
    /// The first error met while writing, after which checkpointing stops (the run goes on).
    private var firstWriteError: String?

    /// The first error met while writing, after which checkpointing stopped (the run went on).
    var writeError: String? {
        lock.lock()
        defer { lock.unlock() }
        return firstWriteError
    }

    static let magic = "# hetfirm checkpoint 1"

    /// The checkpoint path of output folder `outputDirectory`: `OUT.checkpoint.csv` beside it.
    public static func path(forOutput outputDirectory: String) -> String {
        let target = URL(fileURLWithPath: outputDirectory).standardizedFileURL
        return target.deletingLastPathComponent().appendingPathComponent(target.lastPathComponent + ".checkpoint.csv").path
    }

    /// Opens the checkpoint of a run: with `resume`, reads the records of an existing file (none when
    /// there is no file) after checking its header; without, ignores any existing file, which the
    /// first completed replication replaces.
    /// - Throws: ``CheckpointError`` when `resume` and the file belongs to another run or is malformed.
    public init(path: String, fingerprint: String, shard: ShardSpec?, resume: Bool) throws(CheckpointError) {
        self.path = path
        identity = "fingerprint \(fingerprint), shard \(shard?.description ?? "all")"
        let exists = FileManager.default.fileExists(atPath: path)
        if resume, exists {
            restored = try Self.read(path: path, identity: identity)
            replacesExisting = false
        } else {
            restored = [:]
            replacesExisting = exists
        }
    }

    /// Appends `entry` unless its replication is already in the file. Thread-safe.
    func append(_ entry: CheckpointEntry) {
        lock.lock()
        defer { lock.unlock() }
        guard firstWriteError == nil, restored[entry.replication] == nil, !written.contains(entry.replication) else { return }
        do {
            if !started { try start() }
            try handle?.write(contentsOf: Data(entry.line().utf8))
            written.insert(entry.replication)
        } catch {
            firstWriteError = "\(error)"
            try? handle?.close()
            handle = nil
        }
    }

    /// Whether this run has written the file (so a replaced checkpoint is gone).
    var hasStarted: Bool {
        lock.lock()
        defer { lock.unlock() }
        return started
    }

    /// Closes and deletes the checkpoint file (after the output folder is written).
    public func remove() {
        lock.lock()
        defer { lock.unlock() }
        try? handle?.close()
        handle = nil
        if started || !restored.isEmpty { try? FileManager.default.removeItem(atPath: path) }
    }

    /// Writes the header and the restored entries (dropping a torn line or a replaced file) to a
    /// temporary file, renames it into place and opens it for appending.
    private func start() throws {
        started = true
        var text = Self.magic + "\n# " + identity + "\n"
        for replication in restored.keys.sorted() {
            if let entry = restored[replication] { text += entry.line() }
        }
        let temporary = path + ".tmp"
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        try FileManager.default.moveItem(atPath: temporary, toPath: path)
        guard let opened = FileHandle(forWritingAtPath: path) else {
            throw CheckpointError.unreadable(path: path, reason: "cannot open it for appending")
        }
        try opened.seekToEnd()
        handle = opened
    }

    private static func read(path: String, identity: String) throws(CheckpointError) -> [Int: CheckpointEntry] {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw .unreadable(path: path, reason: "\(error)")
        }
        return try parse(text, path: path, identity: identity)
    }

    /// Parses the text of a checkpoint file whose header must name `identity` (`path` only labels errors).
    /// The entry point of the checkpoint fuzz target.
    package static func parse(_ text: String, path: String, identity: String) throws(CheckpointError) -> [Int: CheckpointEntry] {
        var lines = text.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false)
        guard lines.count == 3, lines[0] == magic else {
            throw .unreadable(path: path, reason: "it is not a hetfirm checkpoint (no '\(magic)' header)")
        }
        let found = lines[1].hasPrefix("# ") ? String(lines[1].dropFirst(2)) : String(lines[1])
        guard found == identity else { throw .mismatch(path: path, expected: identity, found: found) }
        let body = String(lines.removeLast())
        var entries: [Int: CheckpointEntry] = [:]
        for (index, fields) in ReplicationCSV.rows(in: body).rows.enumerated() where fields != [""] {
            switch CheckpointEntry.parse(fields) {
            case .success(let entry): entries[entry.replication] = entry
            case .failure(let error): throw .unreadable(path: path, reason: "record \(index + 1): \(error.reason)")
            }
        }
        return entries
    }
}
