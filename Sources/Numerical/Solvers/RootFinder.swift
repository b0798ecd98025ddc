import CGSL

/// Scalar root finding.
public enum RootFinder {
    /// A root of `function` in `bracket` by Brent's method (`gsl_root_fsolver_brent`).
    ///
    /// Iterates until the bracket [a, b] satisfies |b − a| < `absoluteTolerance` +
    /// `relativeTolerance` · min(|a|, |b|) (`gsl_root_test_interval`; the min is 0 when the
    /// bracket contains 0), until the bracket holds no double strictly inside it, or until
    /// `function` returns exactly 0. With the default `absoluteTolerance` of 0, a root at
    /// exactly 0 is found only in the last two ways; pass a positive `absoluteTolerance`
    /// when the root may be 0.
    ///
    /// - Throws: ``NumericalError/noSignChange(lower:upper:valueAtLower:valueAtUpper:)`` when
    ///   f(a) and f(b) have the same sign; ``NumericalError/invalidArgument(_:)`` for
    ///   non-finite bounds or tolerances, or when `function` returns a non-finite value;
    ///   ``NumericalError/notConverged(method:iterations:)`` after `maxIterations`.
    public static func brent(
        bracket: ClosedRange<Double>, absoluteTolerance: Double = 0, relativeTolerance: Double = 1e-14,
        maxIterations: Int = 500, _ function: (Double) -> Double
    ) throws -> Double {
        let lower = bracket.lowerBound
        let upper = bracket.upperBound
        guard lower.isFinite, upper.isFinite else {
            throw NumericalError.invalidArgument("brent: bracket [\(lower), \(upper)] must be finite")
        }
        guard absoluteTolerance >= 0, relativeTolerance >= 0, absoluteTolerance.isFinite, relativeTolerance.isFinite,
              absoluteTolerance > 0 || relativeTolerance > 0 else {
            throw NumericalError.invalidArgument(
                "brent: tolerances must be finite, non-negative and not both zero (absolute \(absoluteTolerance), relative \(relativeTolerance))")
        }
        guard maxIterations > 0 else {
            throw NumericalError.invalidArgument("brent: maxIterations must be positive, got \(maxIterations)")
        }
        let valueAtLower = function(lower)
        let valueAtUpper = function(upper)
        for (point, value) in [(lower, valueAtLower), (upper, valueAtUpper)] where !value.isFinite {
            throw NumericalError.invalidArgument("brent: f(\(point)) = \(value) is not finite")
        }
        if valueAtLower == 0 { return lower }
        if valueAtUpper == 0 { return upper }
        guard (valueAtLower < 0) != (valueAtUpper < 0) else {
            throw NumericalError.noSignChange(
                lower: lower, upper: upper, valueAtLower: valueAtLower, valueAtUpper: valueAtUpper)
        }

        GSLRuntime.prepare()
        guard let solver = gsl_root_fsolver_alloc(hetfirm_root_fsolver_brent()) else {
            throw NumericalError.fromGSL(function: "gsl_root_fsolver_alloc", status: Int32(GSL_ENOMEM))
        }
        defer { gsl_root_fsolver_free(solver) }

        return try ScalarFunctionBox.withGSLFunction(function) { gslFunction, box in
            func nonFiniteError() -> NumericalError? {
                box.pointee.firstNonFiniteArgument.map {
                    NumericalError.invalidArgument("brent: function returned a non-finite value at x = \($0)")
                }
            }
            let setStatus = gsl_root_fsolver_set(solver, gslFunction, lower, upper)
            if let error = nonFiniteError() { throw error }
            try GSLRuntime.check(setStatus, "gsl_root_fsolver_set")
            for _ in 0..<maxIterations {
                let status = gsl_root_fsolver_iterate(solver)
                if let error = nonFiniteError() { throw error }
                try GSLRuntime.check(status, "gsl_root_fsolver_iterate")
                if let exactRoot = box.pointee.exactZeroArgument {
                    return exactRoot
                }
                let newLower = gsl_root_fsolver_x_lower(solver)
                let newUpper = gsl_root_fsolver_x_upper(solver)
                let converged = gsl_root_test_interval(newLower, newUpper, absoluteTolerance, relativeTolerance)
                if converged == Int32(GSL_SUCCESS) || newUpper <= newLower.nextUp {
                    return gsl_root_fsolver_root(solver)
                }
            }
            throw NumericalError.notConverged(method: "brent", iterations: maxIterations)
        }
    }
}
