/// One named column of a `Dataset`: typed storage plus an optional missing-value mask.
public struct Column: Sendable {
    /// The column's name, unique within a dataset.
    public var name: String
    /// The column's values.
    public var storage: ColumnStorage
    /// `missing[row] == true` marks a missing value; `nil` means no value is missing.
    ///
    /// The initializers store `nil` when the mask has no `true` entry, and equality treats
    /// `nil` and an all-`false` mask alike.
    public var missing: [Bool]?

    /// Creates a column from storage and an optional missing mask (one entry per row).
    public init(name: String, storage: ColumnStorage, missing: [Bool]? = nil) {
        self.name = name
        self.storage = storage
        if let missing, missing.contains(true) {
            self.missing = missing
        } else {
            self.missing = nil
        }
    }

    /// A double column. Values at missing rows are kept as given but never read.
    public static func double(_ name: String, _ values: [Double], missing: [Bool]? = nil) -> Column {
        Column(name: name, storage: .double(values), missing: missing)
    }

    /// An integer column. Values at missing rows are kept as given but never read.
    public static func int(_ name: String, _ values: [Int], missing: [Bool]? = nil) -> Column {
        Column(name: name, storage: .int(values), missing: missing)
    }

    /// A factor column encoded from one label per row; codes follow order of first
    /// appearance. Rows marked missing get code −1 and their labels are not encoded.
    public static func factor(_ name: String, labels perRow: [String], missing: [Bool]? = nil) -> Column {
        var codes = [Int32]()
        codes.reserveCapacity(perRow.count)
        var labels = [String]()
        var lookup = [String: Int32]()
        for (row, label) in perRow.enumerated() {
            if let missing, row < missing.count, missing[row] {
                codes.append(-1)
                continue
            }
            if let code = lookup[label] {
                codes.append(code)
            } else {
                let code = Int32(truncatingIfNeeded: labels.count)
                lookup[label] = code
                labels.append(label)
                codes.append(code)
            }
        }
        return Column(name: name, storage: .factor(codes: codes, labels: labels), missing: missing)
    }

    /// Number of rows.
    public var count: Int { storage.count }

    /// The column's kind (`double`, `int` or `factor`).
    public var kind: ColumnKind { storage.kind }

    /// Whether the value at `row` is missing. Rows outside the mask count as present.
    public func isMissing(_ row: Int) -> Bool {
        guard let missing, row >= 0, row < missing.count else { return false }
        return missing[row]
    }

    /// Number of missing values.
    public var missingCount: Int {
        guard let missing else { return 0 }
        var total = 0
        for flag in missing where flag { total += 1 }
        return total
    }

    /// The value at `row` as text, as the CSV writer would spell it before quoting;
    /// `nil` when missing or not finite. `row` must be in range.
    func text(atRow row: Int) -> String? {
        if isMissing(row) { return nil }
        switch storage {
        case .double(let values):
            let value = values[row]
            return value.isFinite ? value.description : nil
        case .int(let values):
            return values[row].description
        case .factor(let codes, let labels):
            let code = Int(codes[row])
            return code >= 0 && code < labels.count ? labels[code] : nil
        }
    }
}
