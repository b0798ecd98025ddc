/// Per (city, destination, year) aggregates of the source exporters' export growth.
///
/// At flat index `(c * M + m) * T + t`: `count` is n_cmt, the number of exporters in city c
/// that export to m in both t−1 and t, and `growthSum` is S_cmt, the sum of their log export
/// growth ln x_t − ln x_{t−1} (the numerator of eq. (13) of paper 003, per city). Year 0
/// has no growth, so its entries are 0 when built by `from(_:geography:)`.
public struct SourceAggregates: Sendable, Equatable {
    /// C, the number of cities.
    public let cityCount: Int
    /// M, the number of destinations.
    public let destinationCount: Int
    /// T, the number of years.
    public let yearCount: Int
    /// n_cmt at `(c * M + m) * T + t`; ≥ 0.
    public var count: [Int32]
    /// S_cmt at `(c * M + m) * T + t`; finite.
    public var growthSum: [Double]

    /// Aggregates from given counts and growth sums.
    ///
    /// - Throws: `MeasuresError` when a dimension is negative, an array's length is not
    ///   C·M·T, a count is negative, a sum is not finite, or a sum is non-zero where the
    ///   count is zero.
    public init(cityCount: Int, destinationCount: Int, yearCount: Int, count: [Int32], growthSum: [Double]) throws {
        let input = "SourceAggregates"
        for (name, value) in [("cityCount", cityCount), ("destinationCount", destinationCount), ("yearCount", yearCount)]
        where value < 0 {
            throw MeasuresError.valueOutOfRange(input: input, column: name, row: 0, value: "\(value)", allowed: "0...")
        }
        let cells = cityCount * destinationCount * yearCount
        try InputValidation.requireLength(count.count, cells, input: input, column: "count")
        try InputValidation.requireLength(growthSum.count, cells, input: input, column: "growthSum")
        try InputValidation.requireIndices(count, below: nil, input: input, column: "count")
        for (index, sum) in growthSum.enumerated() where !sum.isFinite || (count[index] == 0 && sum != 0) {
            throw MeasuresError.valueOutOfRange(
                input: input, column: "growthSum", row: index, value: "\(sum)",
                allowed: "finite values, 0 where count is 0")
        }
        self.cityCount = cityCount
        self.destinationCount = destinationCount
        self.yearCount = yearCount
        self.count = count
        self.growthSum = growthSum
    }

    /// Empty aggregates (every count and sum zero) with the dimensions of `geography`.
    public init(geography: SpilloverGeography) {
        cityCount = geography.cityCount
        destinationCount = geography.destinationCount
        yearCount = geography.yearCount
        let cells = cityCount * destinationCount * yearCount
        count = [Int32](repeating: 0, count: cells)
        growthSum = [Double](repeating: 0, count: cells)
    }

    /// The flat index of (city, destination, year).
    @inline(__always)
    public func index(city: Int, destination: Int, year: Int) -> Int {
        (city * destinationCount + destination) * yearCount + year
    }

    /// The sum of two sets of aggregates with the same dimensions.
    ///
    /// - Throws: `MeasuresError.inconsistent` when the dimensions differ.
    public func adding(_ other: SourceAggregates) throws -> SourceAggregates {
        guard other.cityCount == cityCount, other.destinationCount == destinationCount, other.yearCount == yearCount
        else {
            throw MeasuresError.inconsistent(
                input: "SourceAggregates", row: nil,
                reason: "dimensions \(cityCount)×\(destinationCount)×\(yearCount) and "
                    + "\(other.cityCount)×\(other.destinationCount)×\(other.yearCount) differ")
        }
        var result = self
        for index in count.indices {
            result.count[index] += other.count[index]
            result.growthSum[index] += other.growthSum[index]
        }
        return result
    }

    /// Checks that the dimensions match `geography` and that the arrays are well formed
    /// (the stored properties are mutable, so this is repeated where the aggregates are used).
    func validate(against geography: SpilloverGeography) throws {
        guard cityCount == geography.cityCount, destinationCount == geography.destinationCount,
              yearCount == geography.yearCount
        else {
            throw MeasuresError.inconsistent(
                input: "SourceAggregates", row: nil,
                reason: "dimensions \(cityCount)×\(destinationCount)×\(yearCount) differ from the geography's "
                    + "\(geography.cityCount)×\(geography.destinationCount)×\(geography.yearCount)")
        }
        _ = try SourceAggregates(
            cityCount: cityCount, destinationCount: destinationCount, yearCount: yearCount,
            count: count, growthSum: growthSum)
    }
}
