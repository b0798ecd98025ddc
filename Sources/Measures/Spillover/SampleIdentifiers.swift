/// The sample's identifier columns as the caller already holds them (`Int`, one per sample row), so
/// that `SpilloverMeasures.construct` returns these arrays as its `plant`, `firm`, `city`, `dest`
/// and `year` columns instead of writing copies of them. They must repeat the sample's values row
/// for row (`construct` checks it).
public struct SampleIdentifiers: Sendable {
    public let plant: [Int]
    public let firm: [Int]
    public let city: [Int]
    public let destination: [Int]
    public let year: [Int]

    public init(plant: [Int], firm: [Int], city: [Int], destination: [Int], year: [Int]) {
        self.plant = plant
        self.firm = firm
        self.city = city
        self.destination = destination
        self.year = year
    }

    /// The arrays by output column, with the sample's column each must repeat.
    func columns(of sample: ExporterFlows) -> [(column: SpilloverColumns.IntColumn, values: [Int], sample: [Int32], name: String)] {
        [(.plant, plant, sample.exporter, "exporter"), (.firm, firm, sample.firm, "firm"), (.city, city, sample.city, "city"),
         (.dest, destination, sample.destination, "destination"), (.year, year, sample.year, "year")]
    }

    /// - Throws: `MeasuresError` when an array's length or a value differs from the sample's.
    func validate(against sample: ExporterFlows) throws {
        for (_, values, expected, name) in columns(of: sample) {
            try InputValidation.requireLength(values.count, sample.count, input: "SampleIdentifiers", column: name)
            for row in 0..<sample.count where values[row] != Int(expected[row]) {
                throw MeasuresError.inconsistent(
                    input: "SampleIdentifiers", row: row,
                    reason: "column '\(name)' is \(values[row]) but the sample's is \(expected[row])")
            }
        }
    }
}
