import PanelData

/// fixest's `split` / `fsplit`: estimate every model on each value of a column (and, for
/// `fsplit`, on the full sample first).
public struct SampleSplit: Sendable, Equatable {
    /// The column whose distinct values define the samples.
    public let column: String
    /// Whether the full sample comes first (fixest's `fsplit`).
    public let includesFullSample: Bool

    public init(column: String, includesFullSample: Bool = false) {
        self.column = column
        self.includesFullSample = includesFullSample
    }

    /// One estimation sample: its label and the rows of the data it keeps (nil = all rows).
    public struct Sample: Sendable {
        /// "Full sample" or "COLUMN = VALUE".
        public let label: String
        /// The data rows of this sample, in file order; nil for the full sample.
        public let rows: [Int]?

        public init(label: String, rows: [Int]?) {
            self.label = label
            self.rows = rows
        }
    }

    /// The samples of `data`: the full sample first for `fsplit`, then one per distinct
    /// non-missing value of the column, sorted (numerically for numbers, by label for text).
    /// Rows whose split value is missing belong to no split sample.
    ///
    /// - Throws: `PanelDataError.unknownColumn` (with a suggestion) for an unknown column.
    public func samples(of data: Dataset) throws -> [Sample] {
        let column = try data.column(named: self.column)
        var samples = includesFullSample ? [Sample(label: "Full sample", rows: nil)] : []
        let present = (0..<column.count).filter { !column.isMissing($0) }
        func add<Key: Comparable & Hashable>(_ key: (Int) -> Key?, _ label: (Key) -> String) {
            var groups: [Key: [Int]] = [:]
            for row in present { if let value = key(row) { groups[value, default: []].append(row) } }
            for value in groups.keys.sorted() {
                samples.append(Sample(label: "\(self.column) = \(label(value))", rows: groups[value] ?? []))
            }
        }
        switch column.storage {
        case .int(let values):
            add({ values[$0] }, { String($0) })
        case .double(let values):
            add({ values[$0].isNaN ? nil : values[$0] }, Self.label)
        case .factor(let codes, let labels):
            add({ codes[$0] >= 0 && Int(codes[$0]) < labels.count ? labels[Int(codes[$0])] : nil }, { $0 })
        }
        return samples
    }

    /// A number as written in a CSV: integral values without a decimal point.
    package static func label(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    /// The data of one sample.
    package static func data(_ sample: Sample, of data: Dataset) -> Dataset {
        guard let rows = sample.rows else { return data }
        return data.selectingRows(rows)
    }
}
