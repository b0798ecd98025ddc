import Glibc

/// Whole-file reads and atomic writes with `PanelDataError.io` errors.
enum FileBytes {
    /// The contents of the file at `path`.
    static func read(path: String) throws -> [UInt8] {
        let (descriptor, size) = try openRegularFile(path)
        defer { close(descriptor) }
        var failure: Int32 = 0
        let expected = size
        var result = [UInt8](unsafeUninitializedCapacity: expected) { buffer, initialized in
            initialized = 0
            guard let base = buffer.baseAddress else { return }
            while initialized < expected {
                let got = Glibc.read(descriptor, base + initialized, expected - initialized)
                if got < 0 && errno == EINTR { continue }
                if got < 0 { failure = errno }
                if got <= 0 { return }
                initialized += got
            }
        }
        // The file may have grown since `fstat`: read on until end of file.
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while failure == 0 {
            let got = chunk.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            }
            if got < 0 && errno == EINTR { continue }
            if got < 0 { failure = errno }
            if got <= 0 { break }
            result.append(contentsOf: chunk[0..<got])
        }
        if failure != 0 { throw PanelDataError.io(path: path, reason: String(cString: strerror(failure))) }
        return result
    }

    /// At most the first `count` bytes of the regular file at `path` (fewer at end of file).
    static func readPrefix(path: String, count: Int) throws -> [UInt8] {
        let (descriptor, size) = try openRegularFile(path)
        defer { close(descriptor) }
        var failure: Int32 = 0
        let result = [UInt8](unsafeUninitializedCapacity: max(count, 0)) { buffer, initialized in
            initialized = 0
            guard let base = buffer.baseAddress else { return }
            while initialized < buffer.count {
                let got = Glibc.read(descriptor, base + initialized, buffer.count - initialized)
                if got < 0 && errno == EINTR { continue }
                if got < 0 { failure = errno }
                if got <= 0 { return }
                initialized += got
            }
        }
        if failure != 0 { throw PanelDataError.io(path: path, reason: String(cString: strerror(failure))) }
        return result
    }

    /// Calls `body` with the contents of the regular file at `path` mapped into memory
    /// (read-only, pages populated up front, so no copy and few page faults), then unmaps
    /// it. Returns `nil` without calling `body` when the file is empty or cannot be mapped,
    /// or when its size changed while `body` ran (the caller then reads it with `read`).
    ///
    /// - Throws: `io` if the file cannot be opened or is not a regular file; whatever
    ///   `body` throws.
    static func withMapped<Result>(
        path: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
    ) throws -> Result? {
        let (descriptor, size) = try openRegularFile(path)
        defer { close(descriptor) }
        guard size > 0,
            let address = mmap(nil, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, descriptor, 0),
            address != UnsafeMutableRawPointer(bitPattern: -1)
        else { return nil }
        defer { munmap(address, size) }
        let result = try body(UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: size))
        var after = stat()
        guard fstat(descriptor, &after) == 0, Int(after.st_size) == size else { return nil }
        return result
    }

    /// Writes `bytes` to a temporary file in the directory of `path`, flushes it to disk
    /// and renames it over `path`, so readers never see a half-written file.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let baseName = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let temporary = "\(directory).\(baseName).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw ioError(path) }
        var written = 0
        var failure: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            while written < buffer.count {
                let count = write(descriptor, base + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                written += count
            }
        }
        if failure == 0 && fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0 && failure == 0 { failure = errno }
        if failure == 0 && rename(temporary, path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw PanelDataError.io(path: path, reason: String(cString: strerror(failure)))
        }
    }

    /// Opens the regular file at `path` for reading: its descriptor (the caller closes it) and size.
    private static func openRegularFile(_ path: String) throws -> (descriptor: Int32, size: Int) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ioError(path) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let error = ioError(path)
            close(descriptor)
            throw error
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            throw PanelDataError.io(path: path, reason: "not a regular file")
        }
        return (descriptor, max(Int(status.st_size), 0))
    }

    private static func ioError(_ path: String) -> PanelDataError {
        .io(path: path, reason: String(cString: strerror(errno)))
    }
}
