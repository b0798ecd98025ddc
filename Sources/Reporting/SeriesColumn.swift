/// A column of a gnuplot data file.
public struct SeriesColumn: Sendable, Equatable {
    /// Column name, written in the file header and used to select columns in plots.
    public let name: String
    /// Unit of the values, e.g. `"log points"` or `"replications"`; empty when dimensionless.
    public let unit: String
    /// The values, one per row.
    public let values: [Double]

    /// Creates a column.
    /// - Parameters:
    ///   - name: column name (validated by ``DataSeries/init(stem:title:columns:)``).
    ///   - unit: unit of the values, empty when dimensionless.
    ///   - values: the values, one per row.
    public init(name: String, unit: String, values: [Double]) {
        self.name = name
        self.unit = unit
        self.values = values
    }
}
