import PanelData

/// Standardized variables for the paper's Table 3 col. (5), and quantile bins.
public enum Standardization {
    /// Replaces each listed Double column by (x − mean) / sd over its non-missing rows.
    ///
    /// The SD is the sample SD (divisor n − 1, as Stata's `summarize`). Missing rows stay
    /// missing; non-finite values are treated as missing. Other columns are kept as they are,
    /// in their order. An interaction is standardized as a product variable: list the product
    /// column itself.
    ///
    /// - Throws: `MeasuresError.unknownColumn`, `.wrongColumnType` for a non-Double column, or
    ///   `.undefinedStatistic` when a column has fewer than two values or zero SD.
    public static func zScores(_ columns: [String], in dataset: Dataset) throws -> Dataset {
        let names = Set(columns)
        for name in columns where !dataset.columnNames.contains(name) {
            throw MeasuresError.unknownColumn(name)
        }
        var result = [Column]()
        result.reserveCapacity(dataset.columns.count)
        for column in dataset.columns {
            guard names.contains(column.name) else {
                result.append(column)
                continue
            }
            guard case .double(let values) = column.storage else {
                throw MeasuresError.wrongColumnType(column: column.name, expected: "double")
            }
            var count = 0.0, sum = 0.0
            for row in values.indices where !column.isMissing(row) && values[row].isFinite {
                count += 1
                sum += values[row]
            }
            guard count >= 2 else {
                throw MeasuresError.undefinedStatistic(column: column.name, reason: "fewer than two non-missing values")
            }
            let mean = sum / count
            var squares = 0.0
            for row in values.indices where !column.isMissing(row) && values[row].isFinite {
                squares += (values[row] - mean) * (values[row] - mean)
            }
            let sd = (squares / (count - 1)).squareRoot()
            guard sd > 0 else {
                throw MeasuresError.undefinedStatistic(column: column.name, reason: "standard deviation is zero")
            }
            var standardized = [Double](repeating: .nan, count: values.count)
            var missing = [Bool](repeating: true, count: values.count)
            for row in values.indices where !column.isMissing(row) && values[row].isFinite {
                standardized[row] = (values[row] - mean) / sd
                missing[row] = false
            }
            result.append(.double(column.name, standardized, missing: missing))
        }
        return try Dataset(columns: result)
    }

    /// Bin codes `0..<count` by empirical quantiles, e.g. to bin `n_signals` for a
    /// structural fit.
    ///
    /// A value's bin is ⌊count · L / N⌋, where L is the number of values strictly below it and
    /// N the number of values: bin k holds the values whose rank starts in the k-th
    /// count-quantile. Ties therefore always share a bin, so with heavy ties some bins are
    /// larger than N / count and some may be empty.
    ///
    /// - Throws: `MeasuresError.valueOutOfRange` for `count < 1` or a non-finite value.
    public static func quantileBins(_ values: [Double], count: Int) throws -> [Int] {
        guard count >= 1 else {
            throw MeasuresError.valueOutOfRange(
                input: "quantileBins", column: "count", row: 0, value: "\(count)", allowed: "1...")
        }
        for (row, value) in values.enumerated() where !value.isFinite {
            throw MeasuresError.valueOutOfRange(
                input: "quantileBins", column: "values", row: row, value: "\(value)", allowed: "finite values")
        }
        let order = values.indices.sorted { values[$0] < values[$1] }
        var bins = [Int](repeating: 0, count: values.count)
        var below = 0
        for (position, row) in order.enumerated() {
            if position > 0 && values[row] != values[order[position - 1]] { below = position }
            bins[row] = min(count - 1, count * below / values.count)
        }
        return bins
    }
}
