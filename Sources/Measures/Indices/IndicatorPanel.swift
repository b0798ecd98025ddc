/// The input of every composite index: one row per region (or region-year), J indicator columns,
/// an optional year per row and the indicators whose direction is "smaller is better".
///
/// Arrays in, arrays out: the index methods return one value per row of `values`, in row order.
/// The initializer checks the shape and that every value is finite, and names the first offending
/// row and indicator.
public struct IndicatorPanel: Sendable {
    /// The J indicator names, in column order.
    public let indicatorNames: [String]
    /// `values[row][j]`: indicator j of one region (region-year).
    public let values: [[Double]]
    /// The year of each row; nil: all rows are one cross-section.
    public let years: [Int]?
    /// `negative[j]`: indicator j is negative-direction (larger is worse); its normalisation is
    /// reversed, (max − x)/(max − min), and its standardised value negated.
    public let negative: [Bool]

    public var rowCount: Int { values.count }
    public var indicatorCount: Int { indicatorNames.count }

    /// - Parameters:
    ///   - negativeIndicators: names from `indicatorNames`; an unknown name is an error.
    /// - Throws: ``IndexError/shapeMismatch(reason:)``, ``IndexError/missingValue(row:indicator:)``,
    ///   ``IndexError/nonFiniteValue(row:indicator:value:)``.
    public init(indicatorNames: [String], values: [[Double]], years: [Int]? = nil,
                negativeIndicators: Set<String> = []) throws {
        guard !indicatorNames.isEmpty else { throw IndexError.shapeMismatch(reason: "no indicators were given") }
        guard Set(indicatorNames).count == indicatorNames.count else {
            throw IndexError.shapeMismatch(reason: "an indicator is named twice in \(indicatorNames)")
        }
        for name in negativeIndicators.sorted() where !indicatorNames.contains(name) {
            throw IndexError.shapeMismatch(reason: "negative indicator '\(name)' is not one of the indicators \(indicatorNames)")
        }
        if let years, years.count != values.count {
            throw IndexError.shapeMismatch(reason: "\(years.count) years for \(values.count) rows")
        }
        for (row, entries) in values.enumerated() {
            guard entries.count == indicatorNames.count else {
                throw IndexError.shapeMismatch(reason: "row \(row + 1) has \(entries.count) values for \(indicatorNames.count) indicators")
            }
            for (column, value) in entries.enumerated() where !value.isFinite {
                if value.isNaN { throw IndexError.missingValue(row: row, indicator: indicatorNames[column]) }
                throw IndexError.nonFiniteValue(row: row, indicator: indicatorNames[column], value: value)
            }
        }
        self.indicatorNames = indicatorNames
        self.values = values
        self.years = years
        negative = indicatorNames.map { negativeIndicators.contains($0) }
    }

    /// The rows of each year in ascending year order (row order within a year), or one group of
    /// all rows (year nil) when there are no years or `pooled` is true.
    public func groups(pooled: Bool = false) -> [(year: Int?, rows: [Int])] {
        guard let years, !pooled else { return [(nil, Array(values.indices))] }
        var rowsByYear: [Int: [Int]] = [:]
        for (row, year) in years.enumerated() { rowsByYear[year, default: []].append(row) }
        return rowsByYear.keys.sorted().map { ($0, rowsByYear[$0] ?? []) }
    }

    /// Requires at least `required` rows in a group.
    func requireRows(_ rows: [Int], year: Int?, required: Int) throws {
        guard rows.count >= required else { throw IndexError.tooFewRegions(year: year, found: rows.count, required: required) }
    }

    /// Min–max normalisation over `rows` (eq. (14) of paper 000; step 1 of paper 001's entropy
    /// method): x′ = (x − min)/(max − min) for positive indicators, (max − x)/(max − min) for
    /// negative ones, plus `shift` (α of eq. (15)). Returns `rows.count` rows of J values.
    ///
    /// - Throws: ``IndexError/constantIndicator(indicator:year:value:)`` when max = min.
    public func minMaxNormalized(rows: [Int], year: Int?, shift: Double) throws -> [[Double]] {
        var result = rows.map { values[$0] }
        for column in indicatorNames.indices {
            var low = Double.infinity, high = -Double.infinity
            for row in rows {
                low = Swift.min(low, values[row][column])
                high = Swift.max(high, values[row][column])
            }
            guard high > low else {
                throw IndexError.constantIndicator(indicator: indicatorNames[column], year: year, value: low)
            }
            let range = high - low
            for index in rows.indices {
                let value = values[rows[index]][column]
                result[index][column] = (negative[column] ? (high - value) / range : (value - low) / range) + shift
            }
        }
        return result
    }
}
