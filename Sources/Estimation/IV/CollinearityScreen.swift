import FixedEffects
import Numerical

/// ``Collinearity`` over any subset of a 2SLS sample's columns (exogenous regressors, endogenous
/// regressors, instruments): the same working columns and rule as OLS. Without fixed effects and with
/// an intercept, the intercept (sample column 0) is always kept and the other columns are judged centred.
struct CollinearityScreen {
    let sample: EstimationSample
    /// Every sample regressor after demeaning (the raw columns without fixed effects).
    let demeaned: [[Double]]
    let collinearity: Collinearity
    let interceptFirst: Bool

    init(sample: EstimationSample, demeaned: [[Double]], solver: FixedEffectsSolver?, hasIntercept: Bool,
         fixedEffectNames: [String], options: EstimationOptions) {
        self.sample = sample
        self.demeaned = demeaned
        interceptFirst = solver == nil && hasIntercept
        let absorption: Collinearity.Absorption
        if let solver { absorption = .fixedEffects(solver, options.demeaning, names: fixedEffectNames) }
        else { absorption = interceptFirst ? .intercept : .nothing }
        collinearity = Collinearity(absorption: absorption, tolerance: options.collinearityTolerance)
    }

    /// The sample column indices among `indices` to keep, in order, and the dropped ones with reasons.
    func select(_ indices: [Int]) throws -> (kept: [Int], dropped: [DroppedRegressor]) {
        let intercept = interceptFirst && indices.contains(0)
        let slopes = indices.filter { !(intercept && $0 == 0) }
        let working = slopes.map { interceptFirst ? Collinearity.centred(demeaned[$0]).values : demeaned[$0] }
        let (kept, dropped) = try collinearity.select(
            working: working, raw: slopes.map { sample.regressors[$0] }, names: slopes.map { sample.regressorNames[$0] })
        return ((intercept ? [0] : []) + kept.map { slopes[$0] }, dropped)
    }
}
