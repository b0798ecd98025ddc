import Foundation
import MonteCarlo

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Path arithmetic for ``OutputFolder``: absolute, symlink-resolved paths and containment.
enum OutputPaths {
    /// The longest file name the file systems hetfirm targets accept, in bytes.
    static let maximumNameLength = 255

    /// `path` made absolute (against the current directory), `.` and `..` removed lexically, and
    /// the longest existing prefix resolved through symbolic links, so two spellings of one place
    /// compare equal. The last component is resolved too when it exists.
    static func canonical(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var head = absolute
        var tail: [String] = []
        while true {
            if let resolved = realPath(head) {
                return tail.isEmpty ? resolved : (resolved == "/" ? "" : resolved) + "/" + tail.reversed().joined(separator: "/")
            }
            let url = URL(fileURLWithPath: head)
            let parent = url.deletingLastPathComponent().path
            if parent == head || head.isEmpty { return absolute }
            tail.append(url.lastPathComponent)
            head = parent
        }
    }

    /// The canonical parent of `path` joined with its own last component (not resolved), so that a
    /// symbolic link at the end stays visible to `lstat`.
    static func canonicalKeepingLast(_ path: String) -> (parent: String, name: String, full: String) {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL
        let name = absolute.lastPathComponent
        let parent = canonical(absolute.deletingLastPathComponent().path)
        return (parent, name, parent == "/" ? "/" + name : parent + "/" + name)
    }

    /// Whether `ancestor` is `path` or one of its ancestors (both canonical).
    static func contains(_ ancestor: String, _ path: String) -> Bool {
        if ancestor == path || ancestor == "/" { return true }
        return path.hasPrefix(ancestor.hasSuffix("/") ? ancestor : ancestor + "/")
    }

    /// What is at `path` without following a final symbolic link.
    typealias Entry = FileSystemEntry

    static func entry(at path: String) -> Entry { .at(path) }

    /// Every entry under `folder`, relative to it, with whether it is a directory; nil when there are
    /// more than `limit` (a folder that large is not hetfirm's output).
    static func tree(_ folder: String, limit: Int = 100_000) -> [(path: String, isDirectory: Bool)]? {
        var result: [(path: String, isDirectory: Bool)] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let absolute = relative.isEmpty ? folder : folder + "/" + relative
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: absolute) else { continue }
            for name in names.sorted() {
                let child = relative.isEmpty ? name : relative + "/" + name
                let isDirectory = entry(at: folder + "/" + child) == .directory
                result.append((child, isDirectory))
                if result.count > limit { return nil }
                if isDirectory { pending.append(child) }
            }
        }
        return result
    }

    /// The reason of the last failed system call.
    static func lastError() -> String { FileSystemEntry.lastError() }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
