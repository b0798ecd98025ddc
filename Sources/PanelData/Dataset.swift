/// A columnar table: named, typed columns of equal length with missing-value masks.
///
/// Rows are addressed by 0-based index. Every accessor that takes a column name throws
/// `PanelDataError.unknownColumn` (with a did-you-mean suggestion) for unknown names.
public struct Dataset: Sendable, Equatable {
    /// The columns, in order. Mutate through `add(_:)`.
    public private(set) var columns: [Column]

    /// An empty dataset with no columns and no rows.
    public init() {
        columns = []
    }

    /// A dataset from columns that must have equal lengths and unique names.
    ///
    /// - Throws: `lengthMismatch` or `duplicateColumn`.
    public init(columns: [Column]) throws {
        self.columns = []
        self.columns.reserveCapacity(columns.count)
        for column in columns {
            try add(column)
        }
    }

    /// Number of rows (0 for a dataset without columns).
    public var rowCount: Int { columns.first?.count ?? 0 }

    /// Column names, in order.
    public var columnNames: [String] { columns.map(\.name) }

    /// Appends a column.
    ///
    /// Factor codes outside `0..<labels.count` at non-missing rows are treated as missing
    /// (their mask entry is set and the code becomes −1), so a malformed factor cannot
    /// cause out-of-range access later.
    ///
    /// - Throws: `lengthMismatch` if the column (or its mask) has a different length from
    ///   the existing rows, `duplicateColumn` if the name is taken.
    public mutating func add(_ column: Column) throws {
        if columns.contains(where: { $0.name == column.name }) {
            throw PanelDataError.duplicateColumn(column.name)
        }
        let expected = columns.isEmpty ? column.count : rowCount
        guard column.count == expected else {
            throw PanelDataError.lengthMismatch(column: column.name, expected: expected, found: column.count)
        }
        if let missing = column.missing, missing.count != expected {
            throw PanelDataError.lengthMismatch(column: column.name, expected: expected, found: missing.count)
        }
        columns.append(Dataset.normalizedFactorCodes(column))
    }

    /// The column called `name`.
    ///
    /// - Throws: `unknownColumn` with the closest existing name as suggestion.
    public func column(named name: String) throws -> Column {
        if let column = columns.first(where: { $0.name == name }) {
            return column
        }
        throw PanelDataError.unknownColumn(
            name: name, suggestion: NameSuggestion.closest(to: name, among: columnNames))
    }

    /// The values of a numeric column as doubles: ints widen, missing values become `.nan`.
    ///
    /// - Throws: `unknownColumn`, or `wrongColumnType` for a factor.
    public func doubles(_ name: String) throws -> [Double] {
        let column = try column(named: name)
        var values: [Double]
        switch column.storage {
        case .double(let stored):
            values = stored
        case .int(let stored):
            values = stored.map { Double($0) }
        case .factor:
            throw PanelDataError.wrongColumnType(column: name, expected: "double or int", found: "factor")
        }
        if let missing = column.missing {
            for row in values.indices where missing[row] {
                values[row] = .nan
            }
        }
        return values
    }

    /// The values of an integer column.
    ///
    /// - Throws: `unknownColumn`, `wrongColumnType` for a double or factor column, and
    ///   `missingValue` (naming the first missing row) if any value is missing.
    public func ints(_ name: String) throws -> [Int] {
        let column = try column(named: name)
        guard case .int(let values) = column.storage else {
            throw PanelDataError.wrongColumnType(column: name, expected: "int", found: column.kind.description)
        }
        if let missing = column.missing, let row = missing.firstIndex(of: true) {
            throw PanelDataError.missingValue(column: name, row: row)
        }
        return values
    }

    /// The codes and labels of a factor column; missing rows have code −1.
    ///
    /// - Throws: `unknownColumn`, or `wrongColumnType` for a numeric column.
    public func factorCodes(_ name: String) throws -> (codes: [Int32], labels: [String]) {
        let column = try column(named: name)
        guard case .factor(var codes, let labels) = column.storage else {
            throw PanelDataError.wrongColumnType(column: name, expected: "factor", found: column.kind.description)
        }
        if let missing = column.missing {
            for row in codes.indices where missing[row] {
                codes[row] = -1
            }
        }
        return (codes, labels)
    }

    /// The rows at the given indices, in the given order (repeats allowed).
    ///
    /// Intended for indices computed by library code; an index outside `0..<rowCount`
    /// is skipped rather than trapping. Factor labels are kept as they are (unused labels
    /// are not dropped).
    public func selectingRows(_ rows: [Int]) -> Dataset {
        let count = rowCount
        let valid = rows.allSatisfy { $0 >= 0 && $0 < count } ? rows : rows.filter { $0 >= 0 && $0 < count }
        var result = Dataset()
        result.columns = columns.map { column in
            let storage: ColumnStorage
            switch column.storage {
            case .double(let values): storage = .double(valid.map { values[$0] })
            case .int(let values): storage = .int(valid.map { values[$0] })
            case .factor(let codes, let labels): storage = .factor(codes: valid.map { codes[$0] }, labels: labels)
            }
            let missing = column.missing.map { mask in valid.map { mask[$0] } }
            return Column(name: column.name, storage: storage, missing: missing)
        }
        return result
    }

    /// The rows for which `keep(row)` is true, in their original order.
    public func filter(_ keep: (Int) -> Bool) -> Dataset {
        selectingRows((0..<rowCount).filter(keep))
    }

    /// Marks factor codes outside the label range as missing.
    private static func normalizedFactorCodes(_ column: Column) -> Column {
        guard case .factor(var codes, let labels) = column.storage else { return column }
        let labelCount = labels.count
        var invalidRows = [Int]()
        for row in codes.indices where !column.isMissing(row) {
            let code = Int(codes[row])
            if code < 0 || code >= labelCount { invalidRows.append(row) }
        }
        guard !invalidRows.isEmpty else { return column }
        var missing = column.missing ?? [Bool](repeating: false, count: codes.count)
        for row in invalidRows {
            missing[row] = true
            codes[row] = -1
        }
        return Column(name: column.name, storage: .factor(codes: codes, labels: labels), missing: missing)
    }
}
