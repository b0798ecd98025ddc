import FixedEffects

/// The dependent variable and the regressors of a sample after absorbing its fixed effects.
struct DemeanedSample {
    /// y first, then the regressors in sample order; the raw columns when there are no fixed effects.
    let columns: [[Double]]
    let solver: FixedEffectsSolver?
    let report: DemeaningReport?
    /// Set when the demeaning did not converge: the user must see it (exit code 3).
    let warning: String?

    var dependent: [Double] { columns[0] }
    var regressors: [[Double]] { Array(columns.dropFirst()) }
}

extension EstimationSample {
    /// The within transformation of y and every regressor by the sample's fixed effects (shared by OLS and 2SLS).
    func demeaned(options: DemeaningOptions, dependentName: String) throws -> DemeanedSample {
        let columns = [dependent] + regressors
        guard !fixedEffects.isEmpty else { return DemeanedSample(columns: columns, solver: nil, report: nil, warning: nil) }
        let solver = try FixedEffectsSolver(factors: fixedEffects)
        let result = try solver.demean(columns, options: options)
        var warning: String?
        if !result.report.converged {
            let names = result.report.nonConvergedColumns.map { $0 == 0 ? dependentName : regressorNames[$0 - 1] }
            warning = "the fixed effects did not converge within \(options.maximumIterations) iterations "
                + "(tolerance \(options.tolerance)) for \(names.joined(separator: ", ")): estimates are not reliable"
        }
        return DemeanedSample(columns: result.columns, solver: solver, report: result.report, warning: warning)
    }
}
