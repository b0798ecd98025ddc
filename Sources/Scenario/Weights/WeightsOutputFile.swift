import Foundation
import Spatial

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where and how `hetfirm weights` writes W, and the rule that protects the user's files.
///
/// Like a run's output folder (``OutputFolder``), hetfirm never replaces what it was not asked to:
/// an existing `--out` is refused unless `--force` is given, and even then only a regular file is
/// replaced (never a folder or a symbolic link), and never the input file itself. The text is
/// written to a temporary file beside the target and renamed into place, so an interrupted or
/// failed write leaves the old file (or nothing) — never half a matrix.
public enum WeightsOutputFile {
    public struct Request: Sendable {
        /// `--out`; nil prints W on standard output.
        public var path: String?
        /// `--format gal|gwt|csv|edges`; nil: from the extension of `--out` (`.gal`, `.gwt`; `.csv` and
        /// `.tsv` → edges), gal when printing.
        public var format: String?
        /// false with `--no-row-standardize`.
        public var rowStandardize = true
        /// `--force`: replace an existing regular file.
        public var force = false

        public init() {}

        func resolvedFormat() throws -> SpatialWeightsFormat {
            if let format { return try WeightsOutputFile.format(named: format) }
            guard let path else { return .gal }
            if let known = SpatialWeightsFormat.fromExtension(of: path) { return known }
            let lower = path.lowercased()
            if lower.hasSuffix(".csv") || lower.hasSuffix(".tsv") || lower.hasSuffix(".txt") { return .edges }
            throw InvalidInput(description: "error: cannot tell the format of --out \(path) from its name; give --format gal, gwt, csv or edges")
        }
    }

    static func format(named name: String) throws -> SpatialWeightsFormat {
        guard let format = SpatialWeightsFormat(rawValue: name.lowercased()) else {
            throw InvalidInput(description: "error: --format must be gal, gwt, csv (a dense matrix) or edges, not '\(name)'")
        }
        return format
    }

    /// Writes `text` to `path` under the rules above; `inputs` are the files the command read.
    static func write(_ text: String, request: Request, path: String, inputs: [String]) throws {
        let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        for input in inputs where URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path == target {
            throw InvalidInput(description: "error: --out \(path) is the input file; hetfirm never writes over its input")
        }
        var isDirectory: ObjCBool = false
        let manager = FileManager.default
        let linkTarget = try? manager.destinationOfSymbolicLink(atPath: path)
        if linkTarget != nil {
            throw InvalidInput(description: "error: --out \(path) is a symbolic link; hetfirm writes only to a regular file it can replace safely")
        }
        if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue {
                throw InvalidInput(description: "error: --out \(path) is a folder; give a file name")
            }
            guard request.force else {
                throw InvalidInput(description: "error: --out \(path) exists; hetfirm does not replace files it was not asked to: "
                                   + "pass --force to replace it, or choose another name")
            }
        }
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).hetfirm-\(ProcessInfo.processInfo.processIdentifier).tmp")
        // Only a temporary file this call created is ever removed: `.withoutOverwriting` refuses a
        // file of that name that is already there (hetfirm did not make it), and `created` records ours.
        var created = false
        do {
            try Data(text.utf8).write(to: temporary, options: .withoutOverwriting)
            created = true
            // rename(2) replaces the target atomically (the checks above decided that it may be replaced).
            guard rename(temporary.path, url.path) == 0 else {
                throw InvalidInput(description: String(cString: strerror(errno)))
            }
        } catch let error as InvalidInput {
            if created { try? manager.removeItem(at: temporary) }
            throw InvalidInput(description: "error: cannot write \(path): \(error.description)")
        } catch {
            if created { try? manager.removeItem(at: temporary) }
            throw InvalidInput(description: "error: cannot write \(path): \(error.localizedDescription)")
        }
    }
}
