import Estimation
import MonteCarlo
import PanelData
import Spatial

/// A scenario `[[estimate]] method = "spatial"` block: spatial ML (``SpatialMaximumLikelihood``) on
/// every panel, the units of `panel`'s unit column matched by value to those of the weight matrix read
/// once from `weights` (as `hetfirm spatial`). Returns one estimate per `recover` coefficient, named
/// "NAME: coefficient" (a regressor, "W*x" of a Durbin model, "rho" or "lambda", or an impact
/// "direct(x)", "indirect(x)", "total(x)" with its delta-method standard error), and the statistics
/// log-likelihood, σ² and whether the optimiser converged (1 or 0).
package struct PreparedSpatial: Sendable {
    package let request: EstimationRequest
    let settings: SpatialSettings
    let formula: Formula
    let layout: SpatialDataLayout
    let weights: SpatialWeights

    package init(_ request: EstimationRequest) throws {
        self.request = request
        guard let settings = request.spatial else {
            throw EstimationError.degenerate(estimator: request.name, reason: "method = \"spatial\" needs weights = \"W.gal\"")
        }
        guard let panel = request.panel else {
            throw EstimationError.degenerate(estimator: request.name, reason: "method = \"spatial\" needs panel = [\"unit\", \"time\"]")
        }
        self.settings = settings
        formula = try SpatialFormula.parse(request.formula, panel: true)
        layout = SpatialDataLayout(unitColumn: panel.unit, periodColumn: panel.time)
        weights = try SpatialWeightsReader.read(path: settings.weightsPath, format: settings.weightsFormat)
    }

    /// The fit on `data` (after the block's `sample` filter), and W as the fit used it.
    func fit(on data: Dataset) throws -> (fit: SpatialFit, weights: SpatialWeights) {
        var input = data
        if let text = request.sample {
            let rows = try SampleFilter(text).rows(of: input)
            guard !rows.isEmpty else { throw EmptySample(estimation: request.name, filter: text, rows: input.rowCount) }
            input = input.selectingRows(rows)
        }
        let prepared = try SpatialSamplePreparation.prepare(input, formula: formula, layout: layout, weights: weights,
                                                            effects: settings.effects, rowStandardize: settings.rowStandardize)
        return (try SpatialMaximumLikelihood.fit(prepared.sample, options: settings.options), prepared.sample.weights)
    }

    /// The impact `direct(x)`, `indirect(x)` or `total(x)` and its standard error.
    static func impact(_ key: String, in impacts: SpatialImpacts?) -> (estimate: Double, standardError: Double)? {
        guard let (kind, variable) = SpatialSettings.impact(in: key),
              let effect = impacts?.effects.first(where: { $0.variable == variable }) else { return nil }
        switch kind {
        case "direct": return (effect.direct, effect.directStandardError)
        case "indirect": return (effect.indirect, effect.indirectStandardError)
        default: return (effect.total, effect.totalStandardError)
        }
    }

    static let logLikelihood = "log-likelihood"
    static let sigma2 = "sigma2"
    static let converged = "converged"
}

extension PreparedSpatial: EstimatorBlock {
    package var name: String { request.name }
    package var panel: PanelSelection { request.data }
    package var activity: String { "spatial \(settings.model.rawValue.uppercased()) '\(request.name)'" }

    package func run(on data: Dataset, replication: Int, truth: (String) -> Double?, keepFits: Bool) throws -> BlockOutcome {
        let (fit, fitWeights) = try fit(on: data)
        let impacts = request.recover.contains { SpatialSettings.impact(in: $0.coefficient) != nil }
            ? try SpatialImpacts.estimate(fit, weights: fitWeights, inference: .deltaMethod) : nil
        var estimates: [ParameterEstimate] = []
        var statistics = [BlockStatistic(subject: name, statistic: Self.logLikelihood, value: fit.logLikelihood),
                          BlockStatistic(subject: name, statistic: Self.sigma2, value: fit.sigma2),
                          BlockStatistic(subject: name, statistic: Self.converged, value: fit.converged ? 1 : 0)]
        for recovery in request.recover {
            guard let estimate = fit.coefficient(named: recovery.coefficient) ?? Self.impact(recovery.coefficient, in: impacts) else {
                throw EstimationError.degenerate(estimator: name, reason: "\(recovery.coefficient) is not a coefficient of the fit "
                                                     + "(\(fit.coefficientNames.joined(separator: ", ")))")
            }
            guard let value = recovery.truth.value(truth: truth) else {
                throw EstimationError.degenerate(estimator: name, reason: "\(recovery.coefficient): no truth value (\(recovery.truth.text))")
            }
            let parameter = "\(name): \(recovery.coefficient)"
            estimates.append(ParameterEstimate(parameter: parameter, truth: value, estimate: estimate.estimate,
                                               standardError: estimate.standardError))
            statistics.append(BlockStatistic(subject: parameter, statistic: "z", value: estimate.estimate / estimate.standardError))
        }
        return BlockOutcome(estimates: estimates, statistics: statistics)
    }
}
