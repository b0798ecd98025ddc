import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
    package let identity: String
    /// Replications read from the checkpoint on resume, by index.
    package let restored: [Int: CheckpointEntry]
    /// The line of the checkpoint file that holds each restored replication (for messages).
    private let restoredLines: [Int: Int]
    /// A checkpoint of an earlier run that a fresh (not resumed) run will replace.
    public let replacesExisting: Bool

    private let lock = NSLock()
    private var handle: FileHandle?
    private var started = false
    private var written: Set<Int> = []
    /// The first error met while writing, after which checkpointing stops (the run goes on).
    private var firstWriteError: String?

    /// The first error met while writing, after which checkpointing stopped (the run went on).
    package var writeError: String? {
        lock.lock()
        defer { lock.unlock() }
        return firstWriteError
    }

    package static let magic = "# hetfirm checkpoint 1"

    /// The checkpoint path of output folder `outputDirectory`: `OUT.checkpoint.csv` beside it.
    public static func path(forOutput outputDirectory: String) -> String {
        let target = URL(fileURLWithPath: outputDirectory).standardizedFileURL
        return target.deletingLastPathComponent().appendingPathComponent(target.lastPathComponent + ".checkpoint.csv").path
    }

    /// Opens the checkpoint of a run: with `resume`, reads the records of an existing file (none when
    /// there is no file) after checking its header and every record; without, checks that an existing
    /// file is a hetfirm checkpoint (which the first completed replication replaces).
    /// - Parameter replications: the replications this run (or shard) owns; a record of any other is an error.
    /// - Throws: ``CheckpointError`` when `resume` and the file belongs to another run or is malformed,
    ///   or when something that is not a hetfirm checkpoint is in the checkpoint's place.
    public init(path: String, fingerprint: String, shard: ShardSpec?, replications: [Int], resume: Bool) throws(CheckpointError) {
        self.path = path
        identity = "fingerprint \(fingerprint), shard \(shard?.description ?? "all")"
        switch FileSystemEntry.at(path) {
        case .nothing:
            restored = [:]
            restoredLines = [:]
            replacesExisting = false
        case .directory, .symbolicLink:
            throw .unreadable(path: path, reason: "it is a folder or a symbolic link, not a checkpoint file; "
                + "hetfirm will not replace it (move it away or choose another --out)")
        case .file:
            let text = try Self.text(of: path)
            if resume {
                let numbered = try Self.parseNumbered(text, path: path, identity: identity, replications: Set(replications))
                restored = numbered.mapValues(\.entry)
                restoredLines = numbered.mapValues(\.line)
                replacesExisting = false
            } else {
                guard text.hasPrefix(Self.magic + "\n") else {
                    throw .unreadable(path: path, reason: "this file is not a hetfirm checkpoint and hetfirm will not replace it "
                        + "(move it away or choose another --out)")
                }
                restored = [:]
                restoredLines = [:]
                replacesExisting = true
            }
        }
    }

    /// Appends `entry` unless its replication is already in the file. Thread-safe.
    package func append(_ entry: CheckpointEntry) {
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
    package var hasStarted: Bool {
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
        let temporary = path + ".tmp-\(getpid())"
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
        // Replaces only a hetfirm checkpoint: init refused anything else at this path.
        guard rename(temporary, path) == 0 else {
            let reason = FileSystemEntry.lastError()
            unlink(temporary)
            throw CheckpointError.unreadable(path: path, reason: "cannot write it: \(reason)")
        }
        guard let opened = FileHandle(forWritingAtPath: path) else {
            throw CheckpointError.unreadable(path: path, reason: "cannot open it for appending")
        }
        try opened.seekToEnd()
        handle = opened
    }

    /// The checkpoint's text: a regular file of UTF-8 text.
    private static func text(of path: String) throws(CheckpointError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "it cannot be read (\(FileSystemEntry.lastError()))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(path: path, reason: "it is not UTF-8 text, so not a checkpoint hetfirm wrote")
        }
        return text
    }

    /// Parses the text of a checkpoint file whose header must name `identity` (`path` only labels
    /// errors). Every complete line must be a record hetfirm could have written
    /// (``CheckpointEntry/parse(_:)``) of a replication in `replications` (when given); a replication
    /// may appear twice only as two identical lines. A torn last line (an interrupted write) is ignored.
    /// The entry point of the checkpoint fuzz target.
    package static func parse(_ text: String, path: String, identity: String,
                              replications: Set<Int>? = nil) throws(CheckpointError) -> [Int: CheckpointEntry] {
        try parseNumbered(text, path: path, identity: identity, replications: replications).mapValues(\.entry)
    }

    /// ``parse(_:path:identity:replications:)`` with the line (counted from 1) of each replication's record.
    private static func parseNumbered(_ text: String, path: String, identity: String,
                                      replications: Set<Int>?) throws(CheckpointError) -> [Int: (line: Int, entry: CheckpointEntry)] {
        let lines = text.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false)
        guard lines.count == 3, lines[0] == magic else {
            throw .unreadable(path: path, reason: "it is not a hetfirm checkpoint (no '\(magic)' header)")
        }
        let found = lines[1].hasPrefix("# ") ? String(lines[1].dropFirst(2)) : String(lines[1])
        guard found == identity else { throw .mismatch(path: path, expected: identity, found: CheckpointEntry.clipped(found)) }
        var entries: [Int: (line: Int, entry: CheckpointEntry)] = [:]
        for (line, fields) in ReplicationCSV.numberedRows(in: String(lines[2])).rows where fields != [""] {
            let number = line + 2
            let entry: CheckpointEntry
            switch CheckpointEntry.parse(fields) {
            case .success(let parsed): entry = parsed
            case .failure(let error): throw .unreadable(path: path, reason: "line \(number): \(error.reason)")
            }
            if let replications, !replications.contains(entry.replication) {
                throw .unreadable(path: path, reason: "line \(number): replication \(entry.replication) does not belong to this run "
                    + "(\(replications.count) replications\(replications.isEmpty ? "" : ", \(replications.min() ?? 0)–\(replications.max() ?? 0)"))")
            }
            if let earlier = entries[entry.replication] {
                guard earlier.entry.line() == entry.line() else {
                    throw .unreadable(path: path, reason: "line \(number): replication \(entry.replication) is recorded again with "
                        + "other values (first at line \(earlier.line))")
                }
                continue
            }
            entries[entry.replication] = (number, entry)
        }
        return entries
    }

    /// "line N: " for the record of `replication`, as the file holds it.
    private func located(_ replication: Int) -> String {
        restoredLines[replication].map { "line \($0): " } ?? ""
    }

    /// Checks restored records against the replications this run computed afresh: the first restored
    /// replication is always computed again and must give the very line the checkpoint holds, and
    /// every restored parameter must be one the fresh replications produce (none renamed or invented).
    /// - Throws: ``CheckpointError/unreadable(path:reason:)`` naming what differs.
    package func verify(recomputed replication: Int, line: String, freshParameters: Set<String>) throws(CheckpointError) {
        guard let entry = restored[replication] else { return }
        // Names first: a renamed parameter is reported as such whichever replication holds it, even
        // the one computed again (records are appended in completion order, which varies by machine).
        if !freshParameters.isEmpty {
            for (index, restoredEntry) in restored.sorted(by: { $0.key < $1.key }) {
                if let stray = restoredEntry.record.estimates.first(where: { !freshParameters.contains($0.parameter) }) {
                    throw .unreadable(path: path, reason: "\(located(index))replication \(index) records parameter '\(CheckpointEntry.clipped(stray.parameter))', "
                        + "which this scenario does not estimate")
                }
            }
        }
        guard entry.line() == line else {
            throw .unreadable(path: path, reason: "\(located(replication))replication \(replication) as recorded differs from the same replication "
                + "computed again, so the checkpoint was edited or written by another version of hetfirm")
        }
    }
}
