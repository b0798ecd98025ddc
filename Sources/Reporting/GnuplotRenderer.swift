import Foundation

/// Runs gnuplot on the scripts of an output directory.
public struct GnuplotRenderer {
    /// What to tell the user when gnuplot is missing.
    public static let installHint =
        "gnuplot is not installed: apt-get install -y gnuplot-nox (Debian/Ubuntu) or brew install gnuplot (macOS); "
        + "the .dat and .gp files are written anyway and can be rendered later with `gnuplot FILE.gp`"

    /// The path of the first executable `gnuplot` on `PATH`, or nil.
    public static func locate() -> String? {
        let searchPath = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for directory in searchPath.split(separator: ":") where !directory.isEmpty {
            let candidate = (String(directory) as NSString).appendingPathComponent("gnuplot")
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Renders every `.gp` file in `directory`, in name order, with `directory` as working
    /// directory (scripts write into `directory/plots/`, which is created).
    ///
    /// A script fails when gnuplot exits with a non-zero status or an image named by one of its
    /// `set output` lines is missing or empty; its standard error is kept in the report.
    /// - Throws: ``ReportingError/noScripts(directory:)`` when `directory` holds no `.gp` file (nothing is
    ///   created then), ``ReportingError/gnuplotNotFound(hint:)`` without gnuplot,
    ///   ``ReportingError/fileSystem(path:reason:)`` when the directory cannot be read.
    public static func renderAll(in directory: String) throws -> RenderReport {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".gp") }.sorted()
        } catch {
            throw ReportingError.fileSystem(path: directory, reason: "cannot list: \(error.localizedDescription)")
        }
        guard !names.isEmpty else { throw ReportingError.noScripts(directory: directory) }
        guard let gnuplot = locate() else { throw ReportingError.gnuplotNotFound(hint: installHint) }
        _ = try OutputWriter(directory: (directory as NSString).appendingPathComponent("plots"))

        var rendered: [String] = []
        var failures: [RenderReport.Failure] = []
        for name in names {
            let scriptPath = (directory as NSString).appendingPathComponent(name)
            let outputs = (try? String(contentsOfFile: scriptPath, encoding: .utf8)).map(outputPaths) ?? []
            let result: (status: Int32, standardError: String)
            do {
                result = try run(gnuplot, script: name, in: directory)
            } catch {
                failures.append(.init(script: name, message: "cannot run gnuplot: \(error.localizedDescription)"))
                continue
            }
            let missing = outputs.filter { !isNonEmptyFile((directory as NSString).appendingPathComponent($0)) }
            if result.status != 0 || !missing.isEmpty {
                var message = result.standardError.trimmingCharacters(in: .whitespacesAndNewlines)
                if result.status != 0 { message = "gnuplot exited with status \(result.status)\n" + message }
                if !missing.isEmpty { message += "\nmissing or empty output: " + missing.joined(separator: ", ") }
                failures.append(.init(script: name, message: message.trimmingCharacters(in: .whitespacesAndNewlines)))
            } else {
                rendered += outputs
            }
        }
        return RenderReport(rendered: rendered, failures: failures)
    }

    /// Runs `gnuplot script` in `directory`, returning the exit status and standard error.
    private static func run(_ gnuplot: String, script: String, in directory: String) throws -> (status: Int32, standardError: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: gnuplot)
        process.arguments = [script]
        process.currentDirectoryURL = URL(fileURLWithPath: directory, isDirectory: true)
        let errorPipe = Pipe()
        process.standardError = errorPipe
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read until EOF before waiting, so a chatty script cannot block on a full pipe.
        let errorData = errorPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: errorData, as: UTF8.self))
    }

    /// Paths named by `set output "…"` lines of a script.
    static func outputPaths(_ script: String) -> [String] {
        script.split(whereSeparator: \.isNewline).compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("set output \"") else { return nil }
            let rest = trimmed.dropFirst("set output \"".count)
            guard let end = rest.firstIndex(of: "\"") else { return nil }
            let path = String(rest[..<end])
            return path.isEmpty ? nil : path
        }
    }

    private static func isNonEmptyFile(_ path: String) -> Bool {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        return ((attributes?[.size] as? NSNumber)?.intValue ?? 0) > 0
    }
}
