import Covariance
import Estimation
import Measures
import MonteCarlo
import Numerical
import PanelData

/// The structural recovery of v_z/v_d for the information-spillover model (paper 003, eq. (9)).
///
/// Rows with a pooled signal are put in `binCount` quantile bins of n (the number of signals in the
/// plant's information set, `n_signals`). One HDFE regression
/// `lnexp ~ s_1 + … + s_B | it + mt + cm + bin`, with s_b = signal · 1[bin = b], gives a slope per bin;
/// the model says slope_b = mean over the bin of δ(n) = n/(ρ + n). The bin FE absorbs the parts of
/// expected sales that depend on n alone ((1 − δ)·drift and the variance term of eq. (11)); `it`,
/// `mt` and `cm` are the paper's FE. Standard errors are clustered by city × destination (`cm`), as
/// in the paper, and ``SignalWeightFit`` turns the slopes and their covariance into ρ̂ and its SE.
///
/// The signal is `pooled_signal` (the count-weighted mean of all signals, consistent variant) or
/// `dlnnear + dlnaffiliate` (the as-printed eq. (8), where each group mean gets weight δ; rows need both).
struct SpilloverStructuralFit {
    static let parameter = "noise_ratio"
    let binCount: Int
    let asPrinted: Bool

    /// The fit on one panel.
    func fit(_ data: Dataset) throws -> SignalWeightFit {
        let signal: [Double], present: [Bool]
        if asPrinted {
            let local = try data.column(named: "dlnnear"), other = try data.column(named: "dlnaffiliate")
            let localValues = try data.doubles("dlnnear"), otherValues = try data.doubles("dlnaffiliate")
            signal = zip(localValues, otherValues).map(+)
            present = (0..<data.rowCount).map { !local.isMissing($0) && !other.isMissing($0) }
        } else {
            let pooled = try data.column(named: "pooled_signal")
            signal = try data.doubles("pooled_signal")
            present = (0..<data.rowCount).map { !pooled.isMissing($0) }
        }
        let rows = present.indices.filter { present[$0] }
        guard rows.count > 10 * binCount else {
            throw EstimationError.insufficientData(estimator: "signal-weight fit", observations: rows.count, needed: 10 * binCount)
        }
        let allCounts = try data.doubles("n_signals")
        let counts = rows.map { allCounts[$0] }
        let bins = try Standardization.quantileBins(counts, count: binCount)
        let used = Array(Set(bins)).sorted()
        var columns = try ["lnexp", "it", "mt", "cm"].map { name in try data.column(named: name) }
            .map { column -> Column in
                switch column.storage {
                case .double(let values): return .double(column.name, rows.map { values[$0] })
                case .int(let values): return Column(name: column.name, storage: .int(rows.map { values[$0] }))
                case .factor(let codes, let labels):
                    return Column(name: column.name, storage: .factor(codes: rows.map { codes[$0] }, labels: labels))
                }
            }
        columns.append(Column(name: "signal_bin", storage: .int(bins)))
        for bin in used {
            columns.append(.double("s_\(bin)", zip(rows, bins).map { row, b in b == bin ? signal[row] : 0 }))
        }
        let binned = try Dataset(columns: columns)
        let formula = try FormulaParser.parse(
            "lnexp ~ " + used.map { "s_\($0)" }.joined(separator: " + ") + " | it + mt + cm + signal_bin")
        let result = try FixedEffectsOLS.fit(formula, data: binned, options: EstimationOptions(vcov: .cluster(["cm"])))
        let positions = try used.map { bin -> Int in
            guard let position = result.coefficientNames.firstIndex(of: "s_\(bin)") else {
                throw EstimationError.degenerate(estimator: "signal-weight fit", reason: "the slope of bin \(bin) is not estimated")
            }
            return position
        }
        let covariance = result.covariance.matrix
        let sub = try Matrix(rows: positions.count, columns: positions.count,
                             elements: positions.flatMap { a in positions.map { b in covariance[a, b] } })
        let members = used.map { bin in zip(counts, bins).filter { $0.1 == bin }.map(\.0) }
        return try SignalWeightFit.fit(slopes: positions.map { result.coefficients[$0] }, covariance: sub, signalCounts: members)
    }

    /// The fit as a recovery estimate of ρ = v_z/v_d.
    func estimate(_ data: Dataset, truth: Double) throws -> (estimate: ParameterEstimate, fit: SignalWeightFit) {
        let fit = try fit(data)
        return (ParameterEstimate(parameter: Self.parameter, truth: truth, estimate: fit.noiseRatio,
                                  standardError: fit.standardError), fit)
    }
}
