import Estimation
import MonteCarlo
import Numerical
import PanelData
import Spatial

/// A scenario `[[estimate]] method = "spatial"` block: spatial ML (``SpatialMaximumLikelihood``) on
/// every panel, the units of `panel`'s unit column matched by value to those of the weight matrix read
/// once from `weights` (as `hetfirm spatial`), or, with `weights = "model:NAME"`, of the matrix the model
/// supplies (bound by the generic run once the simulator is made, ``ModelSuppliedBlock``). With
/// `rho_varies_with = "z"` the fit is paper 000's eq. (25), ρ + ρ′·z (``VaryingSpatialLag``).
/// Returns one estimate per `recover` coefficient, named "NAME: coefficient" (a regressor, "W*x" of a
/// Durbin model, "rho" or "lambda", "rho_prime" of eq. 25, or an impact "direct(x)", "indirect(x)",
/// "total(x)" with its delta-method standard error; with `ratio`, β_num/β_den of two coefficients with
/// its delta-method standard error from the information-matrix covariance), and the statistics log-likelihood, σ² and whether
/// the optimiser converged (1 or 0).
package struct PreparedSpatial: Sendable {
    package let request: EstimationRequest
    let settings: SpatialSettings
    let formula: Formula
    let layout: SpatialDataLayout
    /// W: read from the file when prepared; nil for a model's W until ``binding(_:)``.
    let weights: SpatialWeights?

    package init(_ request: EstimationRequest) throws {
        self.request = request
        guard let settings = request.spatial else {
            throw EstimationError.degenerate(estimator: request.name, reason: "method = \"spatial\" needs weights = \"W.gal\"")
        }
        guard let panel = request.panel else {
            throw EstimationError.degenerate(estimator: request.name, reason: "method = \"spatial\" needs panel = [\"unit\", \"time\"]")
        }
        if let modifier = settings.rhoVariesWith, settings.model != .sar || settings.leeYu {
            throw EstimationError.degenerate(estimator: request.name, reason: "rho_varies_with = \"\(modifier)\" extends the spatial lag "
                                                 + "model fitted by the direct approach (model = \"sar\", no lee_yu)")
        }
        self.settings = settings
        formula = try SpatialFormula.parse(request.formula, panel: true)
        layout = SpatialDataLayout(unitColumn: panel.unit, periodColumn: panel.time)
        weights = settings.modelWeightsName == nil
            ? try SpatialWeightsReader.read(path: settings.weightsPath, format: settings.weightsFormat) : nil
    }

    private init(_ block: PreparedSpatial, weights: SpatialWeights) {
        request = block.request
        settings = block.settings
        formula = block.formula
        layout = block.layout
        self.weights = weights
    }

    /// `data` after the block's `sample` filter, prepared against W (units matched, periods stacked).
    func prepared(_ data: Dataset) throws -> (input: Dataset, prepared: PreparedSpatialData) {
        guard let weights else {
            throw RunFailure(stage: "estimate '\(request.name)'",
                             reason: "weights = \"\(settings.weightsFile)\" is the model's W, and the run did not supply it")
        }
        var input = data
        if let text = request.sample {
            let rows = try SampleFilter(text).rows(of: input)
            guard !rows.isEmpty else { throw EmptySample(estimation: request.name, filter: text, rows: input.rowCount) }
            input = input.selectingRows(rows)
        }
        return (input, try SpatialSamplePreparation.prepare(input, formula: formula, layout: layout, weights: weights,
                                                            effects: settings.effects, rowStandardize: settings.rowStandardize))
    }

    /// The fit on `data` (after the block's `sample` filter), and W as the fit used it.
    func fit(on data: Dataset) throws -> (fit: SpatialFit, weights: SpatialWeights) {
        let prepared = try prepared(data).prepared
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
        if let modifier = settings.rhoVariesWith { return try runVarying(on: data, modifier: modifier, truth: truth) }
        let (fit, fitWeights) = try fit(on: data)
        let impacts = request.recover.contains { SpatialSettings.impact(in: $0.coefficient) != nil }
            ? try SpatialImpacts.estimate(fit, weights: fitWeights, inference: .deltaMethod) : nil
        return try outcome(logLikelihood: fit.logLikelihood, sigma2: fit.sigma2, converged: fit.converged,
                           coefficientNames: fit.coefficientNames, coefficients: fit.coefficients, covariance: fit.covariance,
                           truth: truth) { fit.coefficient(named: $0) ?? Self.impact($0, in: impacts) }
    }

    /// The recovered estimates and the statistics of one fit; with `ratio`, "NAME: RATIO" from the fit's coefficients
    /// and information-matrix covariance (`coefficientNames` orders both).
    func outcome(logLikelihood: Double, sigma2: Double, converged: Bool, coefficientNames: [String], coefficients: [Double],
                 covariance: Matrix, truth: (String) -> Double?,
                 estimate coefficient: (String) -> (estimate: Double, standardError: Double)?) throws -> BlockOutcome {
        var estimates: [ParameterEstimate] = []
        var statistics = [BlockStatistic(subject: name, statistic: Self.logLikelihood, value: logLikelihood),
                          BlockStatistic(subject: name, statistic: Self.sigma2, value: sigma2),
                          BlockStatistic(subject: name, statistic: Self.converged, value: converged ? 1 : 0)]
        for recovery in request.recover where recovery.coefficient != request.ratio?.name {
            guard let estimate = coefficient(recovery.coefficient) else {
                throw EstimationError.degenerate(estimator: name, reason: "\(recovery.coefficient) is not a coefficient of the fit "
                                                     + "(\(coefficientNames.joined(separator: ", ")))")
            }
            guard let value = recovery.truth.value(truth: truth) else {
                throw EstimationError.degenerate(estimator: name, reason: "\(recovery.coefficient): no truth value (\(recovery.truth.text))")
            }
            let parameter = "\(name): \(recovery.coefficient)"
            estimates.append(ParameterEstimate(parameter: parameter, truth: value, estimate: estimate.estimate,
                                               standardError: estimate.standardError))
            statistics.append(BlockStatistic(subject: parameter, statistic: "z", value: estimate.estimate / estimate.standardError))
        }
        if let ratio = try request.ratioEstimate(label: name, names: coefficientNames, coefficients: coefficients,
                                                 covariance: covariance, truth: truth) {
            estimates.append(ratio)
            statistics.append(BlockStatistic(subject: ratio.parameter, statistic: "z", value: ratio.estimate / ratio.standardError))
        }
        return BlockOutcome(estimates: estimates, statistics: statistics)
    }
}

extension PreparedSpatial: ModelSuppliedBlock {
    package var needsModelSupplies: Bool { weights == nil }

    /// The block with the model's W named by `weights = "model:NAME"`.
    package func binding(_ supplies: ModelSupplies) throws -> any EstimatorBlock {
        guard let name = settings.modelWeightsName else { return self }
        guard let weights = supplies.spatialWeights[name] else {
            let supplied = supplies.spatialWeights.keys.sorted()
            throw RunFailure(stage: "estimate '\(request.name)'",
                             reason: "weights = \"\(settings.weightsFile)\": the model supplied no weight matrix '\(name)' "
                                + (supplied.isEmpty ? "(it supplied none)" : "(it supplied \(supplied.joined(separator: ", ")))"))
        }
        return PreparedSpatial(self, weights: weights)
    }
}
