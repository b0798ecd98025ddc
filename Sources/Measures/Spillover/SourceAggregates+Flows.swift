import Foundation

extension SourceAggregates {
    /// Aggregates built from exporter-level flows (eq. (13) of paper 003, per city).
    ///
    /// An exporter counts in n_cmt when it has a row for destination m in both t−1 and t;
    /// it adds ln x_t − ln x_{t−1} to S_cmt, where c is the city of its year-t row.
    ///
    /// - Throws: `MeasuresError` when a city, destination or year lies outside `geography`,
    ///   or two rows share an (exporter, destination, year) key.
    public static func from(_ flows: ExporterFlows, geography: SpilloverGeography) throws -> SourceAggregates {
        try flows.validate(against: geography, input: "ExporterFlows")
        var result = SourceAggregates(geography: geography)
        let destinations = UInt64(geography.destinationCount)
        let years = UInt64(geography.yearCount)
        var keyed = [(key: UInt64, row: Int)]()
        keyed.reserveCapacity(flows.count)
        for row in 0..<flows.count {
            let key = (UInt64(flows.exporter[row]) * destinations + UInt64(flows.destination[row])) * years
                + UInt64(flows.year[row])
            keyed.append((key, row))
        }
        keyed.sort { $0.key < $1.key }
        for position in keyed.indices.dropFirst() {
            let previous = keyed[position - 1]
            let current = keyed[position]
            if current.key == previous.key {
                let row = max(current.row, previous.row)
                throw MeasuresError.duplicateRow(
                    input: "ExporterFlows", row: row,
                    key: "(exporter \(flows.exporter[row]), destination \(flows.destination[row]), year \(flows.year[row]))")
            }
            // Same exporter and destination, consecutive years.
            guard current.key == previous.key + 1, flows.year[current.row] > 0 else { continue }
            let cell = result.index(
                city: Int(flows.city[current.row]), destination: Int(flows.destination[current.row]),
                year: Int(flows.year[current.row]))
            result.count[cell] += 1
            result.growthSum[cell] += log(flows.exports[current.row]) - log(flows.exports[previous.row])
        }
        return result
    }
}
