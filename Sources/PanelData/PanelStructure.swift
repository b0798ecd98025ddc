/// The (unit, time) structure of a panel: dense unit codes, integer times, and each unit's
/// rows in time order.
///
/// Built once per dataset and panel declaration (`--panel ID,TIME`, `panel = ["id", "year"]`)
/// and shared by the panel operators `l()`, `f()`, `d()` and the panel estimators
/// (Dumitrescu–Hurlin, FMOLS, dynamic GMM). Times are integers: an `int` column, or a `double`
/// column whose values are all whole numbers (a CSV written with `2004.0`). Shifts match the
/// exact time value, so a gap in a unit's series gives a missing value and never a lag across it.
///
/// Rows whose unit or time is missing belong to no unit (`unitOfRow` −1): they are kept in the
/// dataset but every shifted value on them is missing.
public struct PanelStructure: Sendable, Equatable {
    /// The unit (individual) column's name.
    public let unitColumn: String
    /// The time column's name.
    public let timeColumn: String
    /// Dense unit code of each row (order of first appearance), −1 when unit or time is missing.
    public let unitOfRow: [Int32]
    /// The time of each row (0 where `unitOfRow` is −1).
    public let timeOfRow: [Int]
    /// Each unit's label as it appears in the data (text, or the number printed).
    public let unitLabels: [String]
    /// Start of each unit's rows in `rowsByUnit`; `unitCount + 1` entries.
    public let unitOffsets: [Int]
    /// Row indices grouped by unit, each unit's rows in increasing time.
    public let rowsByUnit: [Int]

    /// Number of units with at least one row.
    public var unitCount: Int { unitLabels.count }

    /// Number of rows in the dataset the structure was built from.
    public var rowCount: Int { unitOfRow.count }

    /// Builds the structure of `dataset` for the unit column `unit` and time column `time`.
    ///
    /// - Throws: `unknownColumn`; `invalidTime` naming the first row whose time is text or not a
    ///   whole number; `duplicatePanelKey`
    ///   naming the 0-based row where a (unit, time) pair repeats.
    public init(_ dataset: Dataset, unit: String, time: String) throws {
        let unitValues = try dataset.column(named: unit)
        let times = try PanelStructure.integerTimes(dataset, time)
        let (codes, count) = Dataset.denseCodes(of: unitValues)
        var unitOfRow = codes
        for row in unitOfRow.indices where times[row] == nil { unitOfRow[row] = -1 }
        var labels = [String](repeating: "", count: count)
        var labelled = [Bool](repeating: false, count: count)
        for row in unitOfRow.indices where unitOfRow[row] >= 0 && !labelled[Int(unitOfRow[row])] {
            labels[Int(unitOfRow[row])] = unitValues.text(atRow: row) ?? "NA"
            labelled[Int(unitOfRow[row])] = true
        }
        // Units whose every row lost its time have no rows: renumber the rest densely.
        var renumber = [Int32](repeating: -1, count: count)
        var kept = [String]()
        for code in 0..<count where labelled[code] {
            renumber[code] = Int32(kept.count)
            kept.append(labels[code])
        }
        for row in unitOfRow.indices where unitOfRow[row] >= 0 { unitOfRow[row] = renumber[Int(unitOfRow[row])] }
        let layout = GroupIndex(groupOfRow: unitOfRow)
        let timeOfRow = times.map { $0 ?? 0 }
        var sorted = layout.rowsByGroup
        for group in 0..<layout.groupCount {
            let range = layout.groupOffsets[group]..<layout.groupOffsets[group + 1]
            sorted[range].sort { timeOfRow[$0] < timeOfRow[$1] || (timeOfRow[$0] == timeOfRow[$1] && $0 < $1) }
            for position in range.dropFirst() where timeOfRow[sorted[position]] == timeOfRow[sorted[position - 1]] {
                let row = max(sorted[position], sorted[position - 1])
                throw PanelDataError.duplicatePanelKey(
                    row: row, unit: kept[group], time: timeOfRow[row].description)
            }
        }
        self.unitColumn = unit
        self.timeColumn = time
        self.unitOfRow = unitOfRow
        self.timeOfRow = timeOfRow
        self.unitLabels = kept
        self.unitOffsets = layout.groupOffsets
        self.rowsByUnit = sorted
    }

    /// The rows of `unit` in increasing time (empty for a code outside `0..<unitCount`).
    public func rows(ofUnit unit: Int) -> ArraySlice<Int> {
        guard unit >= 0, unit < unitCount else { return [] }
        return rowsByUnit[unitOffsets[unit]..<unitOffsets[unit + 1]]
    }

    /// The row of the same unit at time `timeOfRow[row] − lag` (a negative `lag` is a lead),
    /// or nil when there is none (a gap, the series' edge, or a row outside any unit).
    public func row(_ row: Int, shiftedBy lag: Int) -> Int? {
        guard row >= 0, row < rowCount, unitOfRow[row] >= 0 else { return nil }
        if lag == 0 { return row }
        let (target, overflow) = timeOfRow[row].subtractingReportingOverflow(lag)
        if overflow { return nil }
        let rows = self.rows(ofUnit: Int(unitOfRow[row]))
        var low = rows.startIndex
        var high = rows.endIndex
        while low < high {
            let middle = (low + high) / 2
            if timeOfRow[rows[middle]] < target { low = middle + 1 } else { high = middle }
        }
        return low < rows.endIndex && timeOfRow[rows[low]] == target ? rows[low] : nil
    }

    /// For every row, the row holding its value lagged by `lag` (−1 when there is none).
    public func sourceRows(shiftedBy lag: Int) -> [Int] {
        var sources = [Int](repeating: -1, count: rowCount)
        for unit in 0..<unitCount {
            let rows = self.rows(ofUnit: unit)
            // Times increase strictly within a unit, so the source of each row moves forward
            // with it: one merge-like pass per unit.
            var candidate = rows.startIndex
            for row in rows {
                let (target, overflow) = timeOfRow[row].subtractingReportingOverflow(lag)
                if overflow { continue }
                while candidate < rows.endIndex && timeOfRow[rows[candidate]] < target { candidate += 1 }
                if candidate < rows.endIndex && timeOfRow[rows[candidate]] == target { sources[row] = rows[candidate] }
            }
        }
        return sources
    }

    /// `values` lagged by `lag` within units: `.nan` where there is no source row or its value is
    /// `.nan`. A negative `lag` is a lead.
    public func shift(_ values: [Double], by lag: Int) -> [Double] {
        precondition(values.count == rowCount, "shift: \(values.count) values for \(rowCount) rows")
        return sourceRows(shiftedBy: lag).map { $0 < 0 ? .nan : values[$0] }
    }

    /// The times of `dataset[time]` as integers; nil for a missing value.
    private static func integerTimes(_ dataset: Dataset, _ name: String) throws -> [Int?] {
        let column = try dataset.column(named: name)
        switch column.storage {
        case .int(let values):
            return values.indices.map { column.isMissing($0) ? nil : values[$0] }
        case .double(let values):
            return try values.indices.map { row in
                if column.isMissing(row) || values[row].isNaN { return nil }
                guard let whole = Int(exactly: values[row]) else {
                    throw PanelDataError.invalidTime(column: name, row: row, value: "\(values[row])")
                }
                return whole
            }
        case .factor:
            let cell = column.firstTextCell() ?? (row: 0, text: column.text(atRow: 0) ?? "")
            throw PanelDataError.invalidTime(column: name, row: cell.row, value: cell.text)
        }
    }
}
