import Foundation
import Numerical
import PanelData

/// Panel fully modified OLS: unit-by-unit FMOLS (``UnitFMOLSResult``, `arch`'s conventions), Pedroni's
/// (2001) group-mean (between-dimension) estimator and the pooled (within-dimension) estimator.
///
/// Each unit has its own intercept and its own long-run covariances. Units with fewer than
/// k + 3 periods, or whose design or Ω₂₂ is singular, are dropped and counted; a gap in a unit's
/// times or a missing value inside a unit's series is an error naming the row (missing values at
/// the start or end of a unit's series, such as the first period of `l(x, 1)`, are trimmed and
/// the unit's periods counted without them). Rows whose unit or time is missing belong to no unit
/// and are ignored.
public enum PanelFMOLS {
    /// Estimates `dependent ~ regressors` on `data` with the units and times of `panel`.
    ///
    /// - Throws: ``FMOLSError``; `PanelDataError.unknownColumn` / `TermEvaluationError` for terms
    ///   that do not evaluate; `EstimationError.degenerate` when the pooled normal equations are singular.
    public static func estimate(_ data: Dataset, dependent: Term, regressors: [Term], panel: PanelStructure,
                                options: FMOLSOptions = .init()) throws -> PanelFMOLSResult {
        guard !regressors.isEmpty else { throw FMOLSError.noRegressors }
        if case .fixed(let value) = options.bandwidth, !(value >= 0) || !value.isFinite {
            throw FMOLSError.invalidBandwidth(value)
        }
        let k = regressors.count
        let names = [dependent.description] + regressors.map(\.description)
        let columns = try ([dependent] + regressors).map { try $0.evaluate(in: data, panel: panel) }
        let minimum = FMOLSOptions.minimumPeriods(regressors: k)
        let longest = (0..<panel.unitCount).map { panel.rows(ofUnit: $0).count }.max() ?? 0
        if longest <= 1 { throw FMOLSError.onePeriod(timeColumn: panel.timeColumn, units: panel.unitCount) }

        var units = [UnitFMOLSResult](), dropped = [DroppedFMOLSUnit]()
        for unit in 0..<panel.unitCount {
            let label = panel.unitLabels[unit]
            // Leading and trailing periods with a missing value (e.g. the first period of l(x, 1)) are
            // trimmed; a missing value inside the series is an error below.
            let allRows = panel.rows(ofUnit: unit)
            let complete = { (row: Int) in columns.allSatisfy { $0[row].isFinite } }
            let first = allRows.firstIndex(where: complete) ?? allRows.endIndex
            let last = allRows.lastIndex(where: complete).map { $0 + 1 } ?? allRows.endIndex
            let rows = first < last ? allRows[first..<last] : allRows[allRows.endIndex...]
            guard rows.count >= minimum else {
                dropped.append(DroppedFMOLSUnit(unit: label, periods: rows.count, reason: .tooFewPeriods))
                continue
            }
            var y = [Double](), x = [Double]()
            y.reserveCapacity(rows.count)
            x.reserveCapacity(rows.count * k)
            var previous: Int?
            for row in rows {
                let time = panel.timeOfRow[row]
                if let previous, time != previous + 1 {
                    throw FMOLSError.gap(unit: label, row: row, previousTime: previous, time: time)
                }
                previous = time
                for (index, column) in columns.enumerated() where !column[row].isFinite {
                    throw FMOLSError.missingValue(variable: names[index], row: row, unit: label, time: time)
                }
                y.append(columns[0][row])
                for j in 1...k { x.append(columns[j][row]) }
            }
            do {
                units.append(try UnitFMOLS.estimate(unit: label, firstTime: panel.timeOfRow[rows.first!], y: y, x: x,
                                                    regressors: k, kernel: options.kernel, bandwidth: options.bandwidth))
            } catch {
                dropped.append(DroppedFMOLSUnit(unit: label, periods: rows.count, reason: .degenerate(error.reason)))
            }
        }
        guard !units.isEmpty else {
            let degenerate = dropped.filter { $0.reason != .tooFewPeriods }.count
            throw FMOLSError.noUsableUnit(units: panel.unitCount, minimumPeriods: minimum, longest: longest,
                                          degenerate: degenerate)
        }
        return PanelFMOLSResult(regressorNames: Array(names.dropFirst()), dependentName: names[0], options: options,
                                units: units, droppedUnits: dropped, groupMean: groupMean(units, k: k),
                                pooled: try pooled(units, k: k))
    }

    /// Pedroni's group mean: β̂_GM = N⁻¹ Σ β̂_i, t_GM = N^{-1/2} Σ t_i, se = √(Σ se_i²)/N
    /// (the standard error of a mean of independent unit estimates), and the covariance
    /// V_GM = N⁻² Σ V_i of the slopes (units independent, as the standard error assumes; its diagonal is se²).
    static func groupMean(_ units: [UnitFMOLSResult], k: Int) -> FMOLSPanelEstimate {
        let count = Double(units.count)
        var coefficients = [Double](repeating: 0, count: k)
        var variances = [Double](repeating: 0, count: k)
        var tSums = [Double](repeating: 0, count: k)
        var covarianceSum = Matrix(rows: k, columns: k)
        for unit in units {
            for j in 0..<k {
                coefficients[j] += unit.coefficients[j]
                variances[j] += unit.standardErrors[j] * unit.standardErrors[j]
                tSums[j] += unit.coefficients[j] / unit.standardErrors[j]
                for b in 0..<k { covarianceSum[j, b] += unit.covariance[j, b] }
            }
        }
        var covariance = covarianceSum
        for index in covariance.elements.indices { covariance.elements[index] /= count * count }
        return FMOLSPanelEstimate(coefficients: coefficients.map { $0 / count },
                                  standardErrors: variances.map { $0.squareRoot() / count },
                                  tStatistics: tSums.map { $0 / count.squareRoot() }, covariance: covariance)
    }

    /// The pooled (within) estimator with unit-specific corrections:
    /// β̂_P = A⁻¹ Σ_i (X̃_i'y⁺_i − n_i λ⁺_i'), A = Σ_i X̃_i'X̃_i, Var = A⁻¹ (Σ_i ω₁.₂,i X̃_i'X̃_i) A⁻¹
    /// (``FMOLSPanelEstimate/covariance``; the standard errors are the square roots of its diagonal).
    static func pooled(_ units: [UnitFMOLSResult], k: Int) throws -> FMOLSPanelEstimate {
        var crossProduct = Matrix(rows: k, columns: k)
        var meat = Matrix(rows: k, columns: k)
        var moment = [Double](repeating: 0, count: k)
        for unit in units {
            for a in 0..<k {
                moment[a] += unit.correctedMoment[a]
                for b in 0..<k {
                    crossProduct.elements[a * k + b] += unit.demeanedCrossProduct[a * k + b]
                    meat.elements[a * k + b] += unit.conditionalLongRunVariance * unit.demeanedCrossProduct[a * k + b]
                }
            }
        }
        do {
            let inverse = try crossProduct.inverse()
            let coefficients = try inverse * moment
            let variance = try inverse * meat * inverse
            let standardErrors = (0..<k).map { variance[$0, $0].squareRoot() }
            // The sandwich made exactly symmetric; its diagonal is untouched (the standard errors' squares).
            var covariance = variance
            for a in 0..<k { for b in 0..<k where a != b { covariance[a, b] = (variance[a, b] + variance[b, a]) / 2 } }
            return FMOLSPanelEstimate(coefficients: coefficients, standardErrors: standardErrors,
                                      tStatistics: zip(coefficients, standardErrors).map { $0 / $1 }, covariance: covariance)
        } catch {
            throw EstimationError.degenerate(estimator: "pooled FMOLS", reason: "the pooled design is singular: \(error)")
        }
    }
}
