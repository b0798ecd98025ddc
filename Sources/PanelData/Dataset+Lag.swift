extension Dataset {
    /// The column `name` shifted in time within each panel unit.
    ///
    /// Row r of the result holds the value of `name` at the row with the same unit and
    /// time `time[r] − lag` (so a negative `lag` is a lead). Matching is on the exact time
    /// value (`PanelStructure`), so gaps in a unit's time series give missing values rather
    /// than shifting across the gap. Rows whose unit or time is missing, or whose matched
    /// source value is missing, are missing in the result. The result has the same kind as
    /// the source (factor labels are kept) and is named `L<lag>.<name>` for `lag >= 0` and
    /// `F<−lag>.<name>` for leads, e.g. `L1.x`, `F2.x`.
    ///
    /// - Parameters:
    ///   - unit: the panel unit column (any kind).
    ///   - time: the time column: `int`, or `double` holding whole numbers.
    /// - Throws: `unknownColumn`; `invalidTime` for a text time or a fractional time;
    ///   `duplicatePanelKey` naming the 0-based row where a (unit, time) pair repeats.
    public func lag(_ name: String, unit: String, time: String, by lag: Int = 1) throws -> Column {
        let source = try column(named: name)
        let panel = try PanelStructure(self, unit: unit, time: time)
        let sourceRow = panel.sourceRows(shiftedBy: lag).map { $0 >= 0 && !source.isMissing($0) ? $0 : -1 }
        let resultName = lag >= 0 ? "L\(lag).\(name)" : "F\(lag.magnitude).\(name)"
        let missing = sourceRow.map { $0 < 0 }
        switch source.storage {
        case .double(let values):
            return .double(resultName, sourceRow.map { $0 < 0 ? .nan : values[$0] }, missing: missing)
        case .int(let values):
            return .int(resultName, sourceRow.map { $0 < 0 ? 0 : values[$0] }, missing: missing)
        case .factor(let codes, let labels):
            let shifted = sourceRow.map { $0 < 0 ? Int32(-1) : codes[$0] }
            return Column(name: resultName, storage: .factor(codes: shifted, labels: labels), missing: missing)
        }
    }
}
