import Estimation
import MonteCarlo
import PanelData
import Spatial

/// `rho_varies_with = "z"`: paper 000's eq. (25), y_t = ρWy_t + ρ′D_tWy_t + X_tβ + μ + ε_t with
/// D_t = diag(z_t), so unit i responds to its neighbours with ρ + ρ′·z_it (``VaryingSpatialLag``, the
/// fit of `hetfirm spatial --model sar --rho-varies-with z`). The block recovers "rho", "rho_prime"
/// and the regressors, and reports the log-likelihood, σ² and convergence as the SAR block does.
extension PreparedSpatial {
    func runVarying(on data: Dataset, modifier name: String, truth: (String) -> Double?) throws -> BlockOutcome {
        let fit = try varyingFit(on: data, modifier: name)
        return try outcome(logLikelihood: fit.logLikelihood, sigma2: fit.sigma2, converged: fit.converged,
                           coefficientNames: fit.coefficientNames, coefficients: fit.coefficients, covariance: fit.covariance,
                           truth: truth) { fit.coefficient(named: $0) }
    }

    /// The fit of eq. (25) on `data` (after the block's `sample` filter), z stacked like the sample.
    func varyingFit(on data: Dataset, modifier name: String) throws -> VaryingLagFit {
        let (input, prepared) = try prepared(data)
        let values = try input.doubles(name)
        let modifier = prepared.dataRows.map { values[$0] }
        if let position = modifier.firstIndex(where: { !$0.isFinite }) {
            throw EstimationError.degenerate(estimator: request.name, reason: "\(name) is missing or not finite in row \(prepared.dataRows[position] + 1); "
                                                 + "ρ + ρ′·\(name) needs a value for every unit and period")
        }
        return try VaryingSpatialLag.fit(prepared.sample, modifierName: name, modifier: modifier, effects: settings.effects)
    }
}
