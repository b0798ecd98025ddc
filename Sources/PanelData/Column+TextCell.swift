extension Column {
    /// The first row of a factor column whose label is not a number as `CSVReader` reads numbers
    /// (so not `1.5` or `007`, but `abc`, `inf`, `nan`, `0x1A`, `1,5`), with that label; `nil` for
    /// numeric columns and for factors whose every present label is a number.
    ///
    /// A column read from a CSV file is a factor exactly when it has such a cell, so this is the
    /// cell to name when the column is used as a number.
    public func firstTextCell() -> (row: Int, text: String)? {
        guard case .factor(let codes, let labels) = storage else { return nil }
        var isNumber = [Bool?](repeating: nil, count: labels.count)
        for (row, code) in codes.enumerated() where code >= 0 && Int(code) < labels.count && !isMissing(row) {
            let index = Int(code)
            if isNumber[index] == nil { isNumber[index] = Self.readsAsNumber(labels[index]) }
            if isNumber[index] == false { return (row, labels[index]) }
        }
        return nil
    }

    /// Whether `text` is a number under the CSV reader's grammar.
    static func readsAsNumber(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in ByteNumberParser.double(buffer, 0, buffer.count) != nil }
    }
}
