extension CSVReader {
    /// The 1-based line of the file at `path` on which data row `row` (0-based, as in the
    /// `Dataset` that `read(path:options:)` returns) begins; `nil` if the file has fewer rows
    /// or cannot be tokenized up to that row.
    ///
    /// Rows and lines differ when the file has blank lines or quoted fields with line breaks,
    /// so messages about a dataset row use this to name the line the user sees.
    ///
    /// - Throws: `io` if the file cannot be read.
    public static func line(ofDataRow row: Int, path: String, options: CSVReadOptions = .init()) throws -> Int? {
        let bytes = try FileBytes.read(path: path)
        return line(ofDataRow: row, bytes: bytes, options: options)
    }

    /// `line(ofDataRow:path:options:)` for text held in memory.
    public static func line(ofDataRow row: Int, bytes: [UInt8], options: CSVReadOptions = .init()) -> Int? {
        guard row >= 0 else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            let start = buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            guard start < buffer.count else { return nil }
            var tokenizer = CSVTokenizer(
                bytes: buffer, delimiter: options.delimiter, fileName: "", position: start, line: 1)
            var ignoredStart = 0
            var ignoredEnd = 0
            guard let fieldCount = try? tokenizer.scanRecord(starts: &ignoredStart, ends: &ignoredEnd, capacity: 0),
                fieldCount > 0
            else { return nil }
            let capacity = 1024
            var starts = [Int](repeating: 0, count: capacity * fieldCount)
            var ends = [Int](repeating: 0, count: capacity * fieldCount)
            var lines = [Int](repeating: 0, count: capacity)
            var seen = 0
            while !tokenizer.isAtEnd {
                guard let count = try? tokenizer.nextChunk(
                    starts: &starts, ends: &ends, lines: &lines, fieldCount: fieldCount, capacity: capacity),
                    count > 0
                else { return nil }
                if row < seen + count { return lines[row - seen] }
                seen += count
            }
            return nil
        }
    }
}
