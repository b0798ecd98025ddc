import Pipelines
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension OutputFolder {
    /// The refusals of ``prepare(_:)``, and what the target holds when none applies.
    static func inspect(_ request: Request) throws(OutputError) -> (target: String, parent: String, existing: Existing) {
        func refuse(_ message: String, _ fix: String) -> OutputError {
            OutputError(path: request.path, origin: request.origin, message: message, fix: fix)
        }
        let how = switch request.origin {
        case "--out", "merge OUT": ""
        default: " with --out DIR (or [output] dir in the scenario)"
        }
        let elsewhere = "choose a new folder\(how), e.g. out/\(request.scenario)"
        guard !request.path.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw refuse("the path is empty", elsewhere)
        }
        guard !request.path.contains("\0") else { throw refuse("the path contains a NUL character", elsewhere) }
        let (parent, name, target) = OutputPaths.canonicalKeepingLast(request.path)
        let workingDirectory = OutputPaths.canonical(FileManager.default.currentDirectoryPath)
        if OutputPaths.contains(target, workingDirectory) {
            throw refuse("it is the current directory or contains it, and writing the output would replace it", elsewhere)
        }
        for item in request.protected where OutputPaths.contains(target, OutputPaths.canonical(item.path)) {
            let relation = OutputPaths.canonical(item.path) == target ? "is" : "contains"
            throw refuse("it \(relation) \(item.role) \(item.path)", elsewhere)
        }
        // Nor inside one: a merge into SHARD/sub would make the shard's own folder hold hetfirm's merged output.
        for item in request.protected where OutputPaths.contains(OutputPaths.canonical(item.path), target) {
            throw refuse("it is inside \(item.role) \(item.path)", elsewhere)
        }
        let longest = OutputPaths.maximumNameLength - ".checkpoint.csv".utf8.count
        if name.utf8.count > longest {
            throw refuse("its name is \(name.utf8.count) bytes long; an output folder's name may have at most \(longest) "
                         + "(the file system's \(OutputPaths.maximumNameLength), less 15 for the checkpoint OUT.checkpoint.csv beside it)",
                         "choose a shorter name")
        }
        var ancestor = parent
        while OutputPaths.entry(at: ancestor) == .nothing, ancestor != "/" {
            ancestor = (ancestor as NSString).deletingLastPathComponent
        }
        if OutputPaths.entry(at: ancestor) == .file {
            throw refuse("\(ancestor) is a file, so no folder can be made inside it", elsewhere)
        }
        switch OutputPaths.entry(at: target) {
        case .nothing:
            return (target, parent, .nothing)
        case .symbolicLink:
            throw refuse("it is a symbolic link; hetfirm writes only to a folder it can replace safely",
                         "give the path the link points to, or a new folder")
        case .file:
            throw refuse("it is an existing file, not a folder; hetfirm does not replace files", elsewhere)
        case .directory:
            break
        }
        guard let tree = OutputPaths.tree(target) else {
            throw refuse("it is a large folder that hetfirm did not write", elsewhere)
        }
        if tree.isEmpty { return (target, parent, .emptyFolder) }
        guard let marker = OutputMarker.read(folder: target), marker.kind != .staging else {
            throw refuse("it is a folder that hetfirm did not write (it has files and no \(OutputMarker.fileName) marker); "
                         + "hetfirm never replaces such a folder", elsewhere + ", or empty this one yourself")
        }
        let foreign = foreignEntries(tree, marker: marker)
        if !foreign.isEmpty {
            let listed = foreign.prefix(5).joined(separator: ", ") + (foreign.count > 5 ? " and \(foreign.count - 5) more" : "")
            throw refuse("it holds hetfirm's earlier output and also files hetfirm did not write: \(listed)",
                         "move those files out of the folder, or choose another folder")
        }
        if marker.scenario == request.scenario { return (target, parent, .earlierOutput(scenario: marker.scenario)) }
        guard request.force else {
            throw refuse("it holds the output of another scenario, '\(marker.scenario)'",
                         "pass --force to replace it, or choose another folder")
        }
        return (target, parent, .forced(scenario: marker.scenario))
    }

    /// Entries of a marked folder that its marker does not account for: files it does not list
    /// (plots rendered later by `hetfirm plot` from a listed `.gp` script count as listed) and
    /// folders that hold no listed file.
    static func foreignEntries(_ tree: [(path: String, isDirectory: Bool)], marker: OutputMarker) -> [String] {
        var owned = Set(marker.files)
        owned.insert(OutputMarker.fileName)
        for file in marker.files where file.hasSuffix(".gp") {
            let stem = String(file.dropLast(3))
            owned.insert("plots/\(stem).png")
            owned.insert("plots/\(stem).svg")
        }
        var folders: Set<String> = ["plots"]
        for file in owned {
            var components = file.split(separator: "/").dropLast()
            while !components.isEmpty {
                folders.insert(components.joined(separator: "/"))
                components = components.dropLast()
            }
        }
        return tree.filter { $0.isDirectory ? !folders.contains($0.path) : !owned.contains($0.path) }.map(\.path)
    }

    /// Deletes a folder hetfirm wrote: the files its marker lists (and plots of its scripts), then
    /// the marker and the emptied folders. Anything else is left in place and reported.
    static func removeOwned(_ folder: String) throws {
        guard let marker = OutputMarker.read(folder: folder), let tree = OutputPaths.tree(folder) else {
            throw RunFailure(stage: "cleaning up", reason: "\(folder) has no hetfirm marker; left in place")
        }
        // Everything in a staging folder was written by the run that made it.
        let foreign = marker.kind == .staging ? [] : Set(foreignEntries(tree, marker: marker))
        for entry in tree where !entry.isDirectory && !foreign.contains(entry.path) && entry.path != OutputMarker.fileName {
            unlink(folder + "/" + entry.path)
        }
        for entry in tree.reversed() where entry.isDirectory { rmdir(folder + "/" + entry.path) }
        let remaining = OutputPaths.tree(folder)?.filter { $0.path != OutputMarker.fileName } ?? []
        guard remaining.isEmpty else {
            throw RunFailure(stage: "cleaning up", reason: "\(folder) still holds \(remaining.map(\.path).prefix(5).joined(separator: ", "))")
        }
        unlink(folder + "/" + OutputMarker.fileName)
        rmdir(folder)
    }

    /// Removes `.hetfirm-staging-*` and `.hetfirm-replaced-*` folders in `parent` left by runs whose
    /// process is gone (interrupted with Ctrl-C or killed). Only marked folders are touched.
    static func removeAbandonedStaging(in parent: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        for name in names where name.hasPrefix(".hetfirm-staging-") || name.hasPrefix(".hetfirm-replaced-") {
            let parts = name.split(separator: "-")
            guard parts.count >= 4, let process = Int32(parts[2]), process != getpid() else { continue }
            if kill(process, 0) == 0 || errno != ESRCH { continue }
            let folder = parent + "/" + name
            guard OutputPaths.entry(at: folder) == .directory, OutputMarker.read(folder: folder) != nil else { continue }
            try? removeOwned(folder)
        }
    }
}
