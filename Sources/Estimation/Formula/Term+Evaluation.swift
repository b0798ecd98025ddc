import Foundation
import PanelData

extension Term {
    /// Values of the term on every row of `dataset` (Double or Int columns; Int widens).
    ///
    /// Missing values and undefined results (log of a non-positive value, sqrt of a
    /// negative, any non-finite result such as an overflowing `exp` or `I(x^-1)` at 0)
    /// are `.nan`, so the estimator drops the row as missing and can report how many rows
    /// each term lost.
    ///
    /// Panel operators (`l()`, `f()`, `d()`) shift within the units of `panel`, built from the same
    /// `dataset`: a lag whose period is absent (a gap, or before the unit's first period) is `.nan`.
    ///
    /// - Throws: `PanelDataError.unknownColumn` (with a did-you-mean suggestion) for an
    ///   unknown column, `TermEvaluationError.factorColumn` for a factor column,
    ///   `TermEvaluationError.panelRequired` for a panel operator without `panel`.
    public func evaluate(in dataset: Dataset, panel: PanelStructure? = nil) throws -> [Double] {
        do {
            return try values(in: dataset, panel: panel)
        } catch TermEvaluationError.factorColumn(let name, _) {
            throw TermEvaluationError.factorColumn(name: name, term: description)
        }
    }

    /// The values of the term; a factor error names the innermost term.
    private func values(in dataset: Dataset, panel: PanelStructure?) throws -> [Double] {
        switch self {
        case .variable(let name):
            let column = try dataset.column(named: name)
            if column.kind == .factor {
                throw TermEvaluationError.factorColumn(name: name, term: description)
            }
            return try dataset.doubles(name)
        case .interaction(let factors):
            var product = [Double](repeating: 1, count: dataset.rowCount)
            for factor in factors {
                let values = try factor.values(in: dataset, panel: panel)
                for row in product.indices { product[row] *= values[row] }
            }
            return product.map(Self.finiteOrNaN)
        case .function(let name, let argument):
            let values = try argument.values(in: dataset, panel: panel)
            let function = Self.elementwise(name)
            return values.map { Self.finiteOrNaN(function($0)) }
        case .power(let base, let exponent):
            let values = try base.values(in: dataset, panel: panel)
            return values.map { Self.finiteOrNaN(Self.integerPower($0, exponent)) }
        case .lag, .difference:
            if let stored = dataset.columns.first(where: { $0.name == panelColumnName }) {
                return try dataset.doubles(stored.name)
            }
            return try shifted(in: dataset, panel: panel)
        }
    }

    /// A panel operator's values computed from the panel's structure.
    private func shifted(in dataset: Dataset, panel: PanelStructure?) throws -> [Double] {
        switch self {
        case .lag(let argument, let periods):
            guard let panel, panel.rowCount == dataset.rowCount else { throw TermEvaluationError.panelRequired(term: description) }
            return panel.shift(try argument.values(in: dataset, panel: panel), by: periods)
        case .difference(let argument, let periods):
            guard let panel, panel.rowCount == dataset.rowCount else { throw TermEvaluationError.panelRequired(term: description) }
            let values = try argument.values(in: dataset, panel: panel)
            let lagged = panel.shift(values, by: periods)
            return zip(values, lagged).map { Self.finiteOrNaN($0 - $1) }
        default:
            return try values(in: dataset, panel: panel)
        }
    }

    /// The elementwise function called `name`, undefined inputs giving `.nan`.
    private static func elementwise(_ name: String) -> @Sendable (Double) -> Double {
        switch name {
        case "log": return { $0 > 0 ? Foundation.log($0) : .nan }
        case "exp": return { Foundation.exp($0) }
        case "sqrt": return { $0 >= 0 ? $0.squareRoot() : .nan }
        case "abs": return { Swift.abs($0) }
        default: return { _ in .nan }
        }
    }

    /// `value` raised to an integer power by repeated squaring (exact for small powers).
    private static func integerPower(_ value: Double, _ exponent: Int) -> Double {
        var result = 1.0
        var base = value
        var remaining = exponent.magnitude
        while remaining > 0 {
            if remaining & 1 == 1 { result *= base }
            base *= base
            remaining >>= 1
        }
        return exponent < 0 ? 1 / result : result
    }

    /// `value` if finite, else `.nan`.
    private static func finiteOrNaN(_ value: Double) -> Double {
        value.isFinite ? value : .nan
    }
}
