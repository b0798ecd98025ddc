import Estimation
import MonteCarlo
import PanelData

/// A scenario `[[estimate]] method = "fmols"` block: panel FMOLS (``PanelFMOLS``) on every simulated
/// panel with the unit and time columns of `panel`, returning one estimate per `recover` coefficient,
/// named "NAME: coefficient", from the variant `fmols` names (group-mean or pooled). The block's
/// statistics are each recovered coefficient's t (Pedroni's N^{-1/2} Σ t_i for the group mean), and the
/// numbers of units estimated and dropped. With `ratio`, also "NAME: RATIO", β_num/β_den with the delta-method
/// standard error from the variant's covariance (``FMOLSPanelEstimate/covariance``), and its t.
package struct PreparedFMOLS: Sendable {
    package let request: EstimationRequest
    let formula: Formula
    let panelDeclaration: PanelDeclaration

    package init(_ request: EstimationRequest) throws {
        self.request = request
        formula = try FormulaParser.parse(request.formula)
        try FMOLSFormula.check(formula)
        guard let panel = request.panel else {
            throw EstimationError.degenerate(estimator: request.name, reason: "method = \"fmols\" needs panel = [\"unit\", \"time\"]")
        }
        panelDeclaration = panel
    }

    /// FMOLS on `data` (after the block's `sample` filter; panel operators evaluated on the whole panel first).
    func result(on data: Dataset) throws -> PanelFMOLSResult {
        var input = try PanelOperatorColumns.adding(to: data, for: [formula], panel: panelDeclaration)
        if let text = request.sample {
            let rows = try SampleFilter(text).rows(of: input)
            guard !rows.isEmpty else { throw EmptySample(estimation: request.name, filter: text, rows: input.rowCount) }
            input = input.selectingRows(rows)
        }
        let panel = try PanelStructure(input, panel: panelDeclaration)
        return try PanelFMOLS.estimate(input, dependent: formula.dependent, regressors: formula.regressors,
                                       panel: panel, options: request.fmols.options)
    }

    static let unitsEstimated = "units estimated"
    static let unitsDropped = "units dropped"
}

extension PreparedFMOLS: EstimatorBlock {
    package var name: String { request.name }
    package var panel: PanelSelection { request.data }
    package var activity: String { "FMOLS '\(request.name)'" }

    package func run(on data: Dataset, replication: Int, truth: (String) -> Double?, keepFits: Bool) throws -> BlockOutcome {
        let result = try result(on: data)
        let reported = result.reported
        var estimates: [ParameterEstimate] = []
        var statistics = [BlockStatistic(subject: name, statistic: Self.unitsEstimated, value: Double(result.units.count)),
                          BlockStatistic(subject: name, statistic: Self.unitsDropped, value: Double(result.droppedUnits.count))]
        for recovery in request.recover where recovery.coefficient != request.ratio?.name {
            guard let index = result.regressorNames.firstIndex(of: recovery.coefficient) else {
                throw EstimationError.degenerate(estimator: name, reason: "\(recovery.coefficient) is not a regressor of \(request.formula)")
            }
            guard let value = recovery.truth.value(truth: truth) else {
                throw EstimationError.degenerate(estimator: name, reason: "\(recovery.coefficient): no truth value (\(recovery.truth.text))")
            }
            let parameter = "\(name): \(recovery.coefficient)"
            estimates.append(ParameterEstimate(parameter: parameter, truth: value, estimate: reported.coefficients[index],
                                               standardError: reported.standardErrors[index]))
            statistics.append(BlockStatistic(subject: parameter, statistic: "t", value: reported.tStatistics[index]))
        }
        if let ratio = try request.ratioEstimate(label: name, names: result.regressorNames, coefficients: reported.coefficients,
                                                 covariance: reported.covariance, truth: truth) {
            estimates.append(ratio)
            statistics.append(BlockStatistic(subject: ratio.parameter, statistic: "t", value: ratio.estimate / ratio.standardError))
        }
        return BlockOutcome(estimates: estimates, statistics: statistics)
    }
}
