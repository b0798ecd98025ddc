import Pipelines
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The folder a run, a shard or a merge writes, checked and claimed before any work starts.
///
/// hetfirm never deletes or replaces anything it did not create. ``prepare(_:)`` refuses (with an
/// ``OutputError``, exit code 2):
/// - the empty path, the current directory or any folder that contains it (`.`, `..`, `/`);
/// - a folder that is, contains or lies inside a protected path (the scenario file; for a merge, its shards);
/// - an existing file or symbolic link;
/// - a non-empty folder without a ``OutputMarker`` (`.hetfirm-output`), i.e. one hetfirm did not write;
/// - a marked folder that also holds files the marker does not list (the user's own files);
/// - a marked folder of another scenario, unless `force` is set.
///
/// A marked folder of the same scenario (the same `[scenario] name`) is replaced without `force`:
/// re-running an edited scenario into its folder is the normal loop. An empty folder is used as is.
///
/// The run is assembled in a staging folder created by ``prepare(_:)`` beside the target (so an
/// unwritable location fails at once, not after the Monte Carlo), and ``commit()`` renames it into
/// place. A replaced folder is first moved aside, and only the files its marker lists are deleted.
public struct OutputFolder: Sendable {
    /// What to write where, and what must not be touched.
    public struct Request: Sendable {
        /// The output path as given.
        public var path: String
        /// Where the path came from, for messages: `--out`, `[output] dir at FILE:LINE:COL`, `merge OUT`.
        public var origin: String
        public var kind: OutputMarker.Kind
        /// The scenario's `[scenario] name` and fingerprint, recorded in the marker.
        public var scenario: String
        public var fingerprint: String
        /// Paths the folder must neither be nor contain, with what they are ("the scenario file").
        public var protected: [(path: String, role: String)]
        /// Replace a marked folder of another scenario.
        public var force: Bool

        public init(path: String, origin: String, kind: OutputMarker.Kind, scenario: String, fingerprint: String,
                    protected: [(path: String, role: String)] = [], force: Bool = false) {
            self.path = path
            self.origin = origin
            self.kind = kind
            self.scenario = scenario
            self.fingerprint = fingerprint
            self.protected = protected
            self.force = force
        }
    }

    /// What is at the target when the folder is claimed.
    public enum Existing: Sendable, Equatable {
        case nothing
        case emptyFolder
        /// A marked folder of the same scenario.
        case earlierOutput(scenario: String)
        /// A marked folder of another scenario, replaced because of `force`.
        case forced(scenario: String)
    }

    public let request: Request
    /// The target's absolute path (parent resolved through symbolic links).
    public let target: String
    /// The folder the files are written to until ``commit()``.
    public let staging: String
    public let existing: Existing

    /// Checks the request without creating anything (what `validate` reports).
    public static func check(_ request: Request) throws(OutputError) -> Existing {
        try inspect(request).existing
    }

    /// Checks the request, removes staging folders of earlier runs that died (their marker names a
    /// process that is gone), and creates this run's staging folder with its marker.
    public static func prepare(_ request: Request) throws(OutputError) -> OutputFolder {
        let (target, parent, existing) = try inspect(request)
        let refuse = { (message: String, fix: String) in
            OutputError(path: request.path, origin: request.origin, message: message, fix: fix)
        }
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw refuse("cannot create its parent folder \(parent): \(Self.reason(error))",
                         "choose a location you can write to")
        }
        removeAbandonedStaging(in: parent)
        let process = getpid()
        let staging = parent + "/.hetfirm-staging-\(process)-\(ScenarioFingerprint.hex(ScenarioFingerprint.fnv1a(target)))"
        let marker = OutputMarker(kind: .staging, scenario: request.scenario, fingerprint: request.fingerprint,
                                  process: process, target: target)
        if OutputPaths.entry(at: staging) != .nothing { try? removeOwned(staging) }
        guard mkdir(staging, 0o755) == 0 else {
            throw refuse("cannot create a folder in \(parent): \(OutputPaths.lastError())", "choose a location you can write to")
        }
        do {
            try Data(marker.json().utf8).write(to: URL(fileURLWithPath: staging + "/" + OutputMarker.fileName))
        } catch {
            rmdir(staging)
            throw refuse("cannot write in \(parent): \(Self.reason(error))", "choose a location you can write to")
        }
        ActiveStagingFolders.insert(staging)
        return OutputFolder(request: request, target: target, staging: staging, existing: existing)
    }

    /// Records every file of the staging folder in its marker and renames the staging folder to the
    /// target, replacing the folder found by ``prepare(_:)`` (checked again: it may have changed
    /// during the run). Returns a note when a replaced folder could not be removed completely.
    /// - Throws: ``OutputError`` when the target changed into something hetfirm must not replace;
    ///   the finished output then stays in the staging folder, which the message names.
    public func commit() throws -> String? {
        let files = (OutputPaths.tree(staging) ?? []).filter { !$0.isDirectory && $0.path != OutputMarker.fileName }.map(\.path)
        let marker = OutputMarker(kind: request.kind, scenario: request.scenario, fingerprint: request.fingerprint,
                                  files: files.sorted())
        try Data(marker.json().utf8).write(to: URL(fileURLWithPath: staging + "/" + OutputMarker.fileName))
        let now: Existing
        do { now = try Self.inspect(request).existing } catch {
            throw OutputError(path: request.path, origin: request.origin,
                              message: error.message + " (it changed during the run)",
                              fix: "the finished output is in \(staging); move it where you want it")
        }
        defer { if OutputPaths.entry(at: staging) == .nothing { ActiveStagingFolders.remove(staging) } }
        switch now {
        case .nothing:
            try move(staging, to: target)
            return nil
        case .emptyFolder:
            guard rmdir(target) == 0 else { throw failure("cannot replace the empty folder \(target)") }
            try move(staging, to: target)
            return nil
        case .earlierOutput, .forced:
            let aside = (target as NSString).deletingLastPathComponent
                + "/.hetfirm-replaced-\(getpid())-\(ScenarioFingerprint.hex(ScenarioFingerprint.fnv1a(target)))"
            if OutputPaths.entry(at: aside) != .nothing { try? Self.removeOwned(aside) }
            guard rename(target, aside) == 0 else { throw failure("cannot move the earlier output \(target) aside") }
            guard rename(staging, target) == 0 else {
                let reason = OutputPaths.lastError()
                _ = rename(aside, target)
                throw RunFailure(stage: "writing \(request.path)",
                                 reason: "cannot rename \(staging) to \(target): \(reason); the finished output is in \(staging)")
            }
            do { try Self.removeOwned(aside) } catch {
                return "the earlier output was moved to \(aside) and not removed completely: \(error)"
            }
            return nil
        }
    }

    /// Removes the staging folder (a run that failed before writing its output).
    public func abandon() {
        try? Self.removeOwned(staging)
        ActiveStagingFolders.remove(staging)
    }

    private func move(_ source: String, to destination: String) throws {
        guard rename(source, destination) == 0 else {
            throw failure("cannot rename \(source) to \(destination)")
        }
    }

    private func failure(_ what: String) -> RunFailure {
        RunFailure(stage: "writing \(request.path)",
                   reason: "\(what): \(OutputPaths.lastError()); the finished output is in \(staging)")
    }

    static func reason(_ error: any Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let underlying, underlying.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(underlying.code))) }
        return (error as NSError).localizedDescription
    }
}

/// The staging folders of this process's runs that are not yet committed or abandoned, so the CLI
/// can remove them when it is interrupted (Ctrl-C, SIGTERM) instead of leaving them behind.
public enum ActiveStagingFolders {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var folders: Set<String> = []

    static func insert(_ folder: String) {
        lock.lock()
        defer { lock.unlock() }
        folders.insert(folder)
    }

    static func remove(_ folder: String) {
        lock.lock()
        defer { lock.unlock() }
        folders.remove(folder)
    }

    /// Removes every registered staging folder (only what hetfirm wrote into it) and forgets them;
    /// returns whether there was any (a run was in progress).
    @discardableResult
    public static func removeAll() -> Bool {
        lock.lock()
        let current = folders
        folders = []
        lock.unlock()
        for folder in current { try? OutputFolder.removeOwned(folder) }
        return !current.isEmpty
    }
}
