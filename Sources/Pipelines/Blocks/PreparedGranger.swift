import Estimation
import MonteCarlo
import PanelData

/// A scenario `[[estimate]]` block with `method = "granger"`: the Dumitrescu–Hurlin panel Granger
/// non-causality test (``DumitrescuHurlin``, as `hetfirm granger`) on every simulated panel.
///
///     [[estimate]]
///     name    = "inter_causes_met"
///     method  = "granger"
///     formula = "met ~ inter"        # y ~ x: does x Granger-cause y?
///     panel   = ["province", "year"]
///     lags    = 2                    # or lag_selection = "bic" with max_lags = 4
///
/// **What the Monte Carlo recovers.** A test has no parameter, so the block reports its statistics
/// as estimates of their null distribution: `NAME: Z-bar` and `NAME: Z-tilde` (when every unit is
/// long enough for it), each with truth 0 and standard error 1 (Z̄ and Z̃ are N(0, 1) under H₀).
/// In `recovery.csv` the `size` column (share of replications with |Z| > z at the Monte Carlo
/// level, which is exactly the share where the two-sided p-value is below 1 − level) is then the
/// test's rejection rate: its empirical size when the simulated x does not cause y, its power when
/// it does; `power` is the same rate (truth 0). `coverage` = 1 − rejection rate, with the binomial
/// band of a test of nominal size; `bias` and `standardDeviation` show how far Z's finite-sample
/// distribution is from N(0, 1) (Z̄ is biased for short T; Z̃ corrects it).
/// `statistics.csv` gets W̄, both p-values, K, and the units tested and dropped per replication.
package struct PreparedGranger: Sendable {
    package let request: EstimationRequest
    /// y (the effect) and x (the cause) of `formula = "y ~ x"`.
    let effect: String
    let cause: String
    let panelDeclaration: PanelDeclaration
    let options: GrangerOptions

    /// Reads the request; the scenario validation has already reported each of these problems at its key.
    package init(_ request: EstimationRequest) throws {
        self.request = request
        switch Self.variables(of: request.formula) {
        case .success(let variables): (effect, cause) = variables
        case .failure(let problem): throw EstimationError.degenerate(estimator: request.name, reason: problem.description)
        }
        guard let panel = request.panel else {
            throw EstimationError.degenerate(estimator: request.name, reason: "method = \"granger\" needs panel = [\"unit\", \"time\"]")
        }
        guard let options = request.grangerLags else {
            throw EstimationError.degenerate(estimator: request.name, reason: "method = \"granger\" needs lags = K or lag_selection")
        }
        panelDeclaration = panel
        self.options = options
    }

    /// A formula that is not `y ~ x` with two plain columns.
    package struct FormulaProblem: Error, CustomStringConvertible {
        package let description: String
    }

    /// y and x of `text`, which must be `y ~ x`: one column on each side, no function, fixed effect or instrument.
    package static func variables(of text: String) -> Result<(effect: String, cause: String), FormulaProblem> {
        let formula: Formula
        do { formula = try FormulaParser.parse(text) } catch {
            return .failure(FormulaProblem(description: "the formula does not parse: \(error)"))
        }
        let shape = "method = \"granger\" takes formula = \"y ~ x\": the effect y on the left, the one cause x on the right"
        guard formula.fixedEffects.isEmpty, formula.instrumentSpecification == nil else {
            return .failure(FormulaProblem(description: "\(shape); fixed effects and instruments do not apply (each unit has its own constant)"))
        }
        guard formula.regressors.count == 1 else {
            return .failure(FormulaProblem(description: "\(shape); '\(text)' has \(formula.regressors.count) regressors"))
        }
        guard case .variable(let effect) = formula.dependent, case .variable(let cause) = formula.regressors[0] else {
            return .failure(FormulaProblem(description: "\(shape), both columns of the panel (the test lags them itself; "
                + "transform them in the model, not in the formula)"))
        }
        guard effect != cause else {
            return .failure(FormulaProblem(description: "\(shape); '\(effect)' cannot be both"))
        }
        return .success((effect, cause))
    }

    /// The statistic names of ``BlockStatistic`` this block reports.
    package static let statisticNames = (wBar: "W-bar", zBarPValue: "Z-bar p-value", zTildePValue: "Z-tilde p-value",
                                         lags: "lags", units: "units tested", dropped: "units dropped")
}

extension PreparedGranger: EstimatorBlock {
    package var name: String { request.name }
    package var panel: PanelSelection { request.data }
    package var activity: String { "Granger causality test '\(request.name)'" }

    package func run(on data: Dataset, replication: Int, truth: (String) -> Double?, keepFits: Bool) throws -> BlockOutcome {
        let result = try DumitrescuHurlin.test(data, unit: panelDeclaration.unit, time: panelDeclaration.time, effect: effect,
                                               cause: cause, options: options)
        var estimates = [ParameterEstimate(parameter: "\(name): Z-bar", truth: 0, estimate: result.zBar, standardError: 1)]
        let names = Self.statisticNames
        var statistics = [
            BlockStatistic(subject: name, statistic: names.wBar, value: result.averageWald),
            BlockStatistic(subject: name, statistic: names.zBarPValue, value: result.zBarPValue),
        ]
        if let zTilde = result.zTilde, let p = result.zTildePValue {
            estimates.append(ParameterEstimate(parameter: "\(name): Z-tilde", truth: 0, estimate: zTilde, standardError: 1))
            statistics.append(BlockStatistic(subject: name, statistic: names.zTildePValue, value: p))
        }
        statistics += [
            BlockStatistic(subject: name, statistic: names.lags, value: Double(result.lags)),
            BlockStatistic(subject: name, statistic: names.units, value: Double(result.unitCount)),
            BlockStatistic(subject: name, statistic: names.dropped, value: Double(result.droppedUnits.count)),
        ]
        return BlockOutcome(estimates: estimates, statistics: statistics)
    }
}
