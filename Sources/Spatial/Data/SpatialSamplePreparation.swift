import Estimation
import PanelData

/// What identifies a data set's rows for a spatial model: the unit column, and for a panel the
/// period column (`--panel ID,TIME`; a cross-section gives only `--id ID`).
public struct SpatialDataLayout: Sendable, Equatable {
    public var unitColumn: String
    /// nil for a cross-section (T = 1).
    public var periodColumn: String?

    public init(unitColumn: String, periodColumn: String? = nil) {
        self.unitColumn = unitColumn
        self.periodColumn = periodColumn
    }
}

/// A ``SpatialSample`` built from a data set, with the data row behind each stacked observation.
public struct PreparedSpatialData: Sendable {
    public let sample: SpatialSample
    /// `dataRows[t·n + i]` is the 0-based data row of unit i in period t.
    public let dataRows: [Int]
    /// True when W was row-standardised here.
    public let rowStandardized: Bool
    /// The period values in stacking order (empty for a cross-section).
    public let periods: [Int]
}

/// Builds a ``SpatialSample`` from a `Dataset`, a spatial formula and a weight matrix.
///
/// Units are matched to W's by value (``SpatialUnitKey``), periods ordered ascending, and the
/// sample stacked period by period in W's unit order. With no fixed effects an intercept is added
/// unless the formula says `0 +` (as fixest does without fixed effects). Bad input is refused, never
/// repaired: a missing id, period or value (naming the unit and period), a duplicate (unit, period),
/// an unbalanced panel (naming a missing pair and the counts), units of the data not in W or the
/// reverse, and islands. W is row-standardised unless `rowStandardize` is false.
public enum SpatialSamplePreparation {
    public static let interceptName = "(Intercept)"

    public static func prepare(
        _ data: Dataset, formula: Formula, layout: SpatialDataLayout, weights: SpatialWeights,
        effects: SpatialEffects, rowStandardize: Bool = true
    ) throws -> PreparedSpatialData {
        try SpatialFormula.check(formula, panel: layout.periodColumn != nil)
        guard data.rowCount > 0 else { throw SpatialDataError.empty }
        let unitKeys = SpatialUnitKey.keys(of: try data.column(named: layout.unitColumn))
        let periodOfRow = try layout.periodColumn.map { try periods(of: data, column: $0) }

        // Units in first-appearance order, periods ascending, one row per pair.
        var firstRowOfUnit: [String: Int] = [:]
        var unitsInDataOrder: [String] = []
        var keys: [String] = []
        keys.reserveCapacity(data.rowCount)
        for row in 0..<data.rowCount {
            guard let key = unitKeys[row] else { throw SpatialDataError.missingUnit(column: layout.unitColumn, row: row) }
            keys.append(key)
            if firstRowOfUnit[key] == nil {
                firstRowOfUnit[key] = row
                unitsInDataOrder.append(key)
            }
        }
        var periodValues = periodOfRow.map { Array(Set($0)).sorted() } ?? []
        var periodCount = max(periodValues.count, 1)
        let periodIndex = Dictionary(uniqueKeysWithValues: periodValues.enumerated().map { ($1, $0) })

        // The data's units against W's.
        let weightsIndex = Dictionary(uniqueKeysWithValues: weights.unitIdentifiers.enumerated().map { ($1, $0) })
        let dataOnly = unitsInDataOrder.filter { weightsIndex[$0] == nil }
        let weightsOnly = weights.unitIdentifiers.filter { firstRowOfUnit[$0] == nil }
        guard dataOnly.isEmpty, weightsOnly.isEmpty else {
            throw SpatialDataError.unitMismatch(
                inDataNotWeights: Array(dataOnly.prefix(5)), firstRow: dataOnly.first.flatMap { firstRowOfUnit[$0] },
                inWeightsNotData: Array(weightsOnly.prefix(5)), counts: [dataOnly.count, weightsOnly.count])
        }

        // Stack period-major in W's unit order; a position filled twice is a duplicate.
        let units = weights.unitCount
        var dataRows = [Int](repeating: -1, count: units * periodCount)
        for row in 0..<data.rowCount {
            // Every period and unit is indexed above, and every unit is in W (checked).
            guard let unit = weightsIndex[keys[row]], let period = periodOfRow.map({ periodIndex[$0[row]] }) ?? 0 else {
                throw SpatialError.invalidSample("row \(row + 1) could not be placed in the panel")
            }
            let position = period * units + unit
            if dataRows[position] >= 0 {
                throw SpatialDataError.duplicateObservation(
                    row: row, firstRow: dataRows[position], unit: keys[row], period: periodOfRow.map { String($0[row]) })
            }
            dataRows[position] = row
        }
        if let hole = dataRows.firstIndex(of: -1) {
            throw SpatialDataError.unbalanced(
                unit: weights.unitIdentifiers[hole % units], period: String(periodValues[hole / units]),
                units: units, periods: periodCount, observations: data.rowCount)
        }

        if let island = weights.islands.first { throw SpatialError.island(weights.unitIdentifiers[island]) }
        let matrix = rowStandardize ? try weights.rowStandardized() : weights

        // Panel operators: evaluate every term on the panel, then drop the leading and trailing periods in
        // which every unit lacks a value (a lag's first periods, a lead's last); anything else missing is
        // refused below, naming the unit and period.
        let terms = [formula.dependent] + formula.regressors
        var evaluated: [Term: [Double]] = [:]
        if let periodColumn = layout.periodColumn, terms.contains(where: \.usesPanelOperator) {
            let panel = try PanelStructure(data, unit: layout.unitColumn, time: periodColumn)
            for term in terms { evaluated[term] = try term.evaluate(in: data, panel: panel) }
            let complete = (0..<periodCount).map { period in
                (0..<units).contains { unit in
                    let row = dataRows[period * units + unit]
                    return terms.allSatisfy { evaluated[$0]?[row].isFinite ?? false }
                }
            }
            guard let first = complete.firstIndex(of: true), let last = complete.lastIndex(of: true) else {
                throw SpatialError.invalidSample(
                    "the panel operators of \(formula.source) leave no period with values (\(periodCount) period(s) in the data)")
            }
            dataRows = Array(dataRows[(first * units)..<((last + 1) * units)])
            periodValues = Array(periodValues[first...last])
            periodCount = last - first + 1
        }

        func label(_ position: Int) -> (unit: String, period: String?) {
            (weights.unitIdentifiers[position % units], periodOfRow == nil ? nil : String(periodValues[position / units]))
        }
        func stacked(_ term: Term) throws -> [Double] {
            let values = try evaluated[term] ?? term.evaluate(in: data)
            var column = [Double](repeating: 0, count: dataRows.count)
            for (position, row) in dataRows.enumerated() {
                let value = values[row]
                guard value.isFinite else {
                    let place = label(position)
                    let missingColumn = term.variables.first { name in
                        (try? data.column(named: name))?.isMissing(row) ?? false
                    } ?? (term.variables.count == 1 ? term.variables[0] : nil)
                    throw SpatialDataError.missingValue(
                        term: term.description, column: missingColumn, row: row, unit: place.unit, period: place.period)
                }
                column[position] = value
            }
            return column
        }
        let response = try stacked(formula.dependent)
        var names: [String] = []
        var columns: [[Double]] = []
        if effects == .none && formula.hasIntercept {
            names.append(interceptName)
            columns.append([Double](repeating: 1, count: dataRows.count))
        }
        for term in formula.regressors {
            names.append(term.description)
            columns.append(try stacked(term))
        }
        guard !columns.isEmpty else { throw SpatialDataError.noRegressor(formula: formula.source) }
        let sample = try SpatialSample(
            responseName: formula.dependent.description, response: response, regressorNames: names, regressors: columns,
            weights: matrix, periodCount: periodCount, periodLabels: periodOfRow == nil ? nil : periodValues.map(String.init))
        return PreparedSpatialData(sample: sample, dataRows: dataRows, rowStandardized: rowStandardize, periods: periodValues)
    }

    /// The period of every row: an integer column, or a double column of whole numbers.
    static func periods(of data: Dataset, column name: String) throws -> [Int] {
        let column = try data.column(named: name)
        switch column.storage {
        case .int(let values):
            if let row = values.indices.first(where: { column.isMissing($0) }) {
                throw SpatialDataError.invalidPeriod(column: name, row: row, value: "NA")
            }
            return values
        case .double(let values):
            return try values.indices.map { row in
                let value = values[row]
                guard !column.isMissing(row), value.isFinite, value == value.rounded(), abs(value) < 1e15 else {
                    throw SpatialDataError.invalidPeriod(column: name, row: row, value: column.isMissing(row) ? "NA" : "\(value)")
                }
                return Int(value)
            }
        case .factor(let codes, let labels):
            let row = codes.indices.first { !column.isMissing($0) } ?? 0
            let code = Int(codes[row])
            throw SpatialDataError.invalidPeriod(
                column: name, row: row, value: column.isMissing(row) || code < 0 || code >= labels.count ? "NA" : labels[code])
        }
    }
}
