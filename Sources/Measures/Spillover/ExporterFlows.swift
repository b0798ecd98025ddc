/// Exporter × destination × year flows with positive exports, in levels: one row each.
///
/// For the estimation sample `exporter` is the plant id of a `PlantRoster` and `firm`,
/// `city` repeat the roster's values; for source exporters `exporter` is any id ≥ 0 that is
/// unique to the exporter and `firm` is informative only.
public struct ExporterFlows: Sendable, Equatable {
    /// Exporter id (plant id for the estimation sample), ≥ 0.
    public let exporter: [Int32]
    /// Firm of the exporter, ≥ 0.
    public let firm: [Int32]
    /// City c of the exporter, ≥ 0.
    public let city: [Int32]
    /// Destination m, ≥ 0.
    public let destination: [Int32]
    /// Year t, ≥ 0.
    public let year: [Int32]
    /// Export value x (level, not log), finite and > 0.
    public let exports: [Double]

    /// - Throws: `MeasuresError` naming the column (and row) when the columns differ in
    ///   length, a code is negative, or an export value is not finite and positive. Ranges
    ///   against a geography are checked where the flows are used.
    public init(
        exporter: [Int32], firm: [Int32], city: [Int32], destination: [Int32], year: [Int32], exports: [Double]
    ) throws {
        let input = "ExporterFlows"
        let count = exporter.count
        try InputValidation.requireLength(firm.count, count, input: input, column: "firm")
        try InputValidation.requireLength(city.count, count, input: input, column: "city")
        try InputValidation.requireLength(destination.count, count, input: input, column: "destination")
        try InputValidation.requireLength(year.count, count, input: input, column: "year")
        try InputValidation.requireLength(exports.count, count, input: input, column: "exports")
        try InputValidation.requireIndices(exporter, below: nil, input: input, column: "exporter")
        try InputValidation.requireIndices(firm, below: nil, input: input, column: "firm")
        try InputValidation.requireIndices(city, below: nil, input: input, column: "city")
        try InputValidation.requireIndices(destination, below: nil, input: input, column: "destination")
        try InputValidation.requireIndices(year, below: nil, input: input, column: "year")
        try InputValidation.requirePositive(exports, input: input, column: "exports")
        self.exporter = exporter
        self.firm = firm
        self.city = city
        self.destination = destination
        self.year = year
        self.exports = exports
    }

    /// Number of rows.
    public var count: Int { exporter.count }

    /// Checks cities, destinations and years against `geography`.
    func validate(against geography: SpilloverGeography, input: String) throws {
        try InputValidation.requireIndices(city, below: geography.cityCount, input: input, column: "city")
        try InputValidation.requireIndices(
            destination, below: geography.destinationCount, input: input, column: "destination")
        try InputValidation.requireIndices(year, below: geography.yearCount, input: input, column: "year")
    }
}
