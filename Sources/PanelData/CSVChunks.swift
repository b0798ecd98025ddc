import Dispatch
import Glibc

/// Parallel reading: the data records are split at line breaks into one chunk per thread,
/// each chunk is read into its own accumulators, and the columns are joined in order.
///
/// A file is split only when its data has no quote (`memchr`), so that every line feed ends
/// a record; otherwise it is read by one thread. Chunks after the first count lines from 1;
/// their errors are moved to file lines once the lines before them are known, and the first
/// chunk with an error decides (errors are first by line within a chunk, so this is the
/// error a serial read throws). Joining converts a chunk whose column kind is below another
/// chunk's (int < double < factor) by re-reading that chunk's fields, as a serial read does
/// when it meets the first field of the higher kind, so kinds and values are identical.
enum CSVChunks {
    /// Data bytes per thread below which splitting does not pay.
    static let minimumChunkBytes = 1 << 20

    /// The sources for the chunks of `source`'s data (just `source` when not split).
    static func split(_ source: CSVSource, threads: Int) -> [CSVSource] {
        let bytes = source.bytes
        let dataCount = bytes.count - source.dataStart
        let automatic = min(2, max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))))
        // An explicit thread count is honoured even for small data (tests rely on this).
        let wanted = threads > 0 ? min(threads, max(1, dataCount)) : min(automatic, max(1, dataCount / minimumChunkBytes))
        guard wanted > 1, let base = bytes.baseAddress,
            memchr(base + source.dataStart, Int32(CSVTokenizer.quote), dataCount) == nil
        else { return [source] }
        var bounds = [source.dataStart]
        for part in 1..<wanted {
            let target = max(source.dataStart + dataCount * part / wanted, bounds[bounds.count - 1])
            guard target < bytes.count,
                let found = memchr(base + target, Int32(CSVTokenizer.lineFeed), bytes.count - target)
            else { break }
            let next = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
            if next < bytes.count && next > bounds[bounds.count - 1] { bounds.append(next) }
        }
        bounds.append(bytes.count)
        return (0..<(bounds.count - 1)).map { part in
            let start = bounds[part]
            let slice = UnsafeBufferPointer(start: base + start, count: bounds[part + 1] - start)
            return CSVSource(
                bytes: part == 0 ? UnsafeBufferPointer(start: base, count: bounds[1]) : slice,
                delimiter: source.delimiter, fileName: source.fileName, columnNames: source.columnNames,
                dataStart: part == 0 ? source.dataStart : 0, dataStartLine: part == 0 ? source.dataStartLine : 1,
                missingTokens: source.missingTokens)
        }
    }

    /// Reads the chunks (concurrently when more than one) and joins their columns.
    static func read(_ chunks: [CSVSource], overrides: [String: ColumnKind]) throws -> [CSVColumnAccumulator] {
        guard chunks.count > 1 else {
            var endLine = 0
            return try CSVReader.readRecords(chunks[0], overrides: overrides, endLine: &endLine)
        }
        var results = [Result<[CSVColumnAccumulator], Error>?](repeating: nil, count: chunks.count)
        var endLines = [Int](repeating: 0, count: chunks.count)
        results.withUnsafeMutableBufferPointer { resultBuffer in
            endLines.withUnsafeMutableBufferPointer { lineBuffer in
                let slots = ChunkSlots(chunks: chunks, overrides: overrides, results: resultBuffer, endLines: lineBuffer)
                DispatchQueue.concurrentPerform(iterations: chunks.count) { part in slots.read(part) }
            }
        }
        var joined: [CSVColumnAccumulator] = []
        var lineOffset = 0
        for part in chunks.indices {
            guard let result = results[part] else { continue }
            switch result {
            case .failure(let error as PanelDataError) where part > 0:
                throw error.movedDown(by: lineOffset)
            case .failure(let error):
                throw error
            case .success(let accumulators) where part == 0:
                joined = accumulators
            case .success(var accumulators):
                try joinColumns(&joined, &accumulators, sources: chunks[0..<part], later: chunks[part])
            }
            // Chunk `part + 1` starts on line endLines[part] of this chunk's numbering.
            lineOffset += endLines[part] - 1
        }
        return joined
    }
}

extension CSVChunks {
    /// Joins each column of `later` onto the same column of `earlier`, the columns
    /// concurrently (each join touches only its own column); the error thrown is the first
    /// column's, as in a column-by-column loop.
    static func joinColumns(
        _ earlier: inout [CSVColumnAccumulator], _ later: inout [CSVColumnAccumulator],
        sources: ArraySlice<CSVSource>, later laterSource: CSVSource
    ) throws {
        var errors = [Error?](repeating: nil, count: earlier.count)
        earlier.withUnsafeMutableBufferPointer { earlierBuffer in
            later.withUnsafeMutableBufferPointer { laterBuffer in
                errors.withUnsafeMutableBufferPointer { errorBuffer in
                    let slots = JoinSlots(
                        earlier: earlierBuffer, later: laterBuffer, errors: errorBuffer,
                        sources: sources, laterSource: laterSource)
                    DispatchQueue.concurrentPerform(iterations: earlierBuffer.count) { column in slots.join(column) }
                }
            }
        }
        if let error = errors.lazy.compactMap({ $0 }).first { throw error }
    }
}

/// The columns of a join, handed to the worker threads; each worker writes only its
/// column's slots, and the buffers outlive the `concurrentPerform` call.
private struct JoinSlots: @unchecked Sendable {
    let earlier: UnsafeMutableBufferPointer<CSVColumnAccumulator>
    let later: UnsafeMutableBufferPointer<CSVColumnAccumulator>
    let errors: UnsafeMutableBufferPointer<Error?>
    let sources: ArraySlice<CSVSource>
    let laterSource: CSVSource

    func join(_ column: Int) {
        do {
            try CSVColumnAccumulator.join(&earlier[column], &later[column], sources: sources, later: laterSource)
        } catch {
            errors[column] = error
        }
    }
}

/// The inputs and output slots of a parallel read, handed to the worker threads. Each
/// worker reads one chunk and writes only that chunk's slots, and the buffers outlive the
/// `concurrentPerform` call, so sharing them is safe.
private struct ChunkSlots: @unchecked Sendable {
    let chunks: [CSVSource]
    let overrides: [String: ColumnKind]
    let results: UnsafeMutableBufferPointer<Result<[CSVColumnAccumulator], Error>?>
    let endLines: UnsafeMutableBufferPointer<Int>

    func read(_ part: Int) {
        var endLine = 0
        // The first chunk's columns receive every later chunk's rows: reserve for all data.
        let reserveBytes = part == 0 ? chunks.reduce(0) { $0 + $1.bytes.count - $1.dataStart } : nil
        results[part] = Result {
            try CSVReader.readRecords(chunks[part], overrides: overrides, reserveBytes: reserveBytes, endLine: &endLine)
        }
        endLines[part] = endLine
    }
}

extension PanelDataError {
    /// Whether this `csv` error is located before `other` (by line, then column).
    func isEarlierLocation(than other: PanelDataError) -> Bool {
        guard case .csv(_, let row, let column, _, _) = self,
            case .csv(_, let otherRow, let otherColumn, _, _) = other
        else { return false }
        return (row, column) < (otherRow, otherColumn)
    }

    /// This error with its line moved `offset` lines down (other errors unchanged).
    func movedDown(by offset: Int) -> PanelDataError {
        guard case .csv(let file, let row, let column, let name, let reason) = self else { return self }
        return .csv(file: file, row: row + offset, column: column, columnName: name, reason: reason)
    }
}
