import FixedEffects

/// The dependent variable and the regressors of a sample after absorbing its fixed effects.
struct DemeanedSample {
    /// y first, then the regressors in sample order; the raw columns when there are no fixed effects.
    let columns: [[Double]]
    let solver: FixedEffectsSolver?
    let report: DemeaningReport?
    /// Set when the demeaning did not converge: the user must see it (exit code 3).
    let warning: String?
    /// √w of every sample row when the estimation is weighted: every column above has been multiplied
    /// by it (after weighted demeaning), so least squares on them is weighted least squares and their
    /// residuals are √w·û (the sandwich then needs no weights: its scores are √w·û·√w·x̃ = w·û·x̃).
    var rootWeights: [Double]? = nil

    var dependent: [Double] { columns[0] }
    var regressors: [[Double]] { Array(columns.dropFirst()) }
}

extension EstimationSample {
    /// The within transformation of y and every regressor by the sample's fixed effects (shared by OLS and 2SLS).
    func demeaned(options: DemeaningOptions, dependentName: String) throws -> DemeanedSample {
        let columns = [dependent] + regressors
        let roots = weights?.map { $0.squareRoot() }
        guard !fixedEffects.isEmpty else {
            return DemeanedSample(columns: Self.scaled(columns, by: roots), solver: nil, report: nil, warning: nil, rootWeights: roots)
        }
        let solver = try FixedEffectsSolver(factors: fixedEffects, weights: weights)
        let result = try solver.demean(columns, options: options)
        var warning: String?
        if !result.report.converged {
            let names = result.report.nonConvergedColumns.map { $0 == 0 ? dependentName : regressorNames[$0 - 1] }
            warning = "the fixed effects did not converge within \(options.maximumIterations) iterations "
                + "(tolerance \(options.tolerance)) for \(names.joined(separator: ", ")): estimates are not reliable"
        }
        return DemeanedSample(columns: Self.scaled(result.columns, by: roots), solver: solver, report: result.report,
                              warning: warning, rootWeights: roots)
    }

    /// Every column multiplied row by row by `roots` (unchanged without weights).
    static func scaled(_ columns: [[Double]], by roots: [Double]?) -> [[Double]] {
        guard let roots else { return columns }
        return columns.map { column in zip(column, roots).map { $0 * $1 } }
    }
}
