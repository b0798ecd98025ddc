import Estimation
import MonteCarlo
import PanelData

/// A scenario `[[estimate]]` block with `method = "gmm"`: Arellano–Bond difference or Blundell–Bond system GMM
/// (``DynamicPanelGMM``, as `hetfirm gmm`) on every simulated panel.
///
///     [[estimate]]
///     name    = "dynamic"
///     method  = "gmm"
///     formula = "y ~ l(y, 1) + x | l(y, 2:99)"
///     panel   = ["unit", "year"]
///     transformation = "system"      # or "difference" (default)
///     steps   = "two"                # or "one"
///     effect  = "twoways"            # or "individual"
///     collapse = true
///     recover = { "l(y, 1)" = "truth.rho" }
///
/// Each `recover` coefficient becomes `NAME: coefficient` with plm's default standard error (robust one-step,
/// or Windmeijer's two-step); `statistics.csv` gets the AR(1), AR(2) and Hansen p-values and the instrument count.
package struct PreparedGMM: Sendable {
    package let request: EstimationRequest
    let formula: DynamicPanelFormula
    let panelDeclaration: PanelDeclaration

    package init(_ request: EstimationRequest) throws {
        self.request = request
        formula = try DynamicPanelFormula.parse(request.formula)
        guard let panel = request.panel else {
            throw EstimationError.degenerate(estimator: request.name, reason: "method = \"gmm\" needs panel = [\"unit\", \"time\"]")
        }
        panelDeclaration = panel
    }

    /// The statistic names this block reports.
    package static let statisticNames = (ar1: "AR(1) p-value", ar2: "AR(2) p-value", hansen: "Hansen p-value",
                                         instruments: "instruments")
}

extension PreparedGMM: EstimatorBlock {
    package var name: String { request.name }
    package var panel: PanelSelection { request.data }
    package var activity: String { "dynamic panel GMM '\(request.name)'" }

    package func run(on data: Dataset, replication: Int, truth: (String) -> Double?, keepFits: Bool) throws -> BlockOutcome {
        var input = data
        if let text = request.sample {
            let rows = try SampleFilter(text).rows(of: data)
            guard !rows.isEmpty else { throw EmptySample(estimation: request.name, filter: text, rows: data.rowCount) }
            input = data.selectingRows(rows)
        }
        let result = try DynamicPanelGMM.estimate(formula, data: input, panel: panelDeclaration, options: request.gmm)
        var estimates: [ParameterEstimate] = []
        let derived = [ConvergenceSpecification.speedName, ConvergenceSpecification.halfLifeName]
        if let convergence = request.convergence, request.recover.contains(where: { derived.contains($0.coefficient) }) {
            let speed = try convergence.evaluate(on: result)
            guard let lambda = speed.speed, let lambdaError = speed.speedStandardError,
                  let halfLife = speed.halfLife, let halfLifeError = speed.halfLifeStandardError else {
                throw EstimationError.degenerate(estimator: name, reason: "β = \(speed.beta) is outside (−1, 0): no convergence speed")
            }
            for recovery in request.recover where derived.contains(recovery.coefficient) {
                let isSpeed = recovery.coefficient == ConvergenceSpecification.speedName
                estimates.append(ParameterEstimate(parameter: "\(name): \(recovery.coefficient)", truth: recovery.truth.value(truth: truth) ?? .nan,
                                                   estimate: isSpeed ? lambda : halfLife, standardError: isSpeed ? lambdaError : halfLifeError))
            }
        }
        for recovery in request.recover where !derived.contains(recovery.coefficient) {
            guard let index = result.coefficientNames.firstIndex(of: recovery.coefficient) else {
                throw EstimationError.degenerate(estimator: name, reason: "\(recovery.coefficient) is not a coefficient of \(request.formula)")
            }
            guard let value = recovery.truth.value(truth: truth) else {
                throw EstimationError.degenerate(estimator: name, reason: "\(recovery.coefficient): no truth value (\(recovery.truth.text))")
            }
            estimates.append(ParameterEstimate(parameter: "\(name): \(recovery.coefficient)", truth: value,
                                               estimate: result.coefficients[index], standardError: result.standardErrors[index]))
        }
        let names = Self.statisticNames
        let statistics = [
            BlockStatistic(subject: name, statistic: names.ar1, value: result.arTests[0].pValue),
            BlockStatistic(subject: name, statistic: names.ar2, value: result.arTests[1].pValue),
            BlockStatistic(subject: name, statistic: names.hansen, value: result.hansen.pValue),
            BlockStatistic(subject: name, statistic: names.instruments, value: Double(result.instrumentCount)),
        ]
        return BlockOutcome(estimates: estimates, statistics: statistics)
    }
}
