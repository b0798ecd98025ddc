import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a path names, without following a symbolic link in its last component: what checkpoints and
/// output folders check before they write, so that nothing hetfirm did not create is replaced.
package enum FileSystemEntry: Sendable, Equatable {
    case nothing, directory, symbolicLink, file

    /// The entry at `path` (`lstat`): `.nothing` when there is none or it cannot be examined.
    package static func at(_ path: String) -> FileSystemEntry {
        var status = stat()
        guard lstat(path, &status) == 0 else { return .nothing }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFLNK: return .symbolicLink
        default: return .file
        }
    }

    /// The text of the last system error (`errno`).
    package static func lastError() -> String { String(cString: strerror(errno)) }
}
