import CGSL

/// Adaptive Gauss–Kronrod quadrature with Wynn-ε extrapolation (QUADPACK via GSL).
///
/// Each call allocates and frees its own `gsl_integration_workspace`, and the integrand
/// travels through the `params` pointer, so concurrent calls from many threads are safe.
/// The requested accuracy is |result − I| ≤ max(`absoluteTolerance`, `relativeTolerance` · |I|).
/// When GSL cannot reach it (`GSL_EMAXITER`, `GSL_EROUND`, `GSL_ESING`, `GSL_EDIVERGE`)
/// the call throws ``NumericalError/gsl(function:status:reason:)`` with GSL's reason.
public enum Quadrature {
    /// ∫ from `lower` to `upper` of `integrand` (QAGS: 21-point Gauss–Kronrod with
    /// extrapolation, so integrable endpoint singularities such as x^(−1/2) are fine).
    /// The bounds must be finite; `lower > upper` gives the negated integral.
    public static func integrate(
        from lower: Double, to upper: Double, absoluteTolerance: Double = 0,
        relativeTolerance: Double = 1e-12, limit: Int = 1000, _ integrand: (Double) -> Double
    ) throws -> QuadratureResult {
        guard lower.isFinite, upper.isFinite else {
            throw NumericalError.invalidArgument("integrate: bounds must be finite, got [\(lower), \(upper)]; use integrateToInfinity")
        }
        if lower == upper { return QuadratureResult(value: 0, estimatedError: 0) }
        return try run("gsl_integration_qags", absoluteTolerance, relativeTolerance, limit, integrand) {
            function, workspace, value, error in
            gsl_integration_qags(function, lower, upper, absoluteTolerance, relativeTolerance, limit, workspace, value, error)
        }
    }

    /// ∫ from `lower` to +∞ of `integrand` (QAGIU: the map x = lower + (1 − t)/t onto (0, 1], then QAGS).
    public static func integrateToInfinity(
        from lower: Double, absoluteTolerance: Double = 0,
        relativeTolerance: Double = 1e-12, limit: Int = 1000, _ integrand: (Double) -> Double
    ) throws -> QuadratureResult {
        guard lower.isFinite else {
            throw NumericalError.invalidArgument("integrateToInfinity: lower bound must be finite, got \(lower)")
        }
        return try run("gsl_integration_qagiu", absoluteTolerance, relativeTolerance, limit, integrand) {
            function, workspace, value, error in
            gsl_integration_qagiu(function, lower, absoluteTolerance, relativeTolerance, limit, workspace, value, error)
        }
    }

    /// ∫ from −∞ to `upper` of `integrand` (QAGIL).
    public static func integrateFromNegativeInfinity(
        to upper: Double, absoluteTolerance: Double = 0,
        relativeTolerance: Double = 1e-12, limit: Int = 1000, _ integrand: (Double) -> Double
    ) throws -> QuadratureResult {
        guard upper.isFinite else {
            throw NumericalError.invalidArgument("integrateFromNegativeInfinity: upper bound must be finite, got \(upper)")
        }
        return try run("gsl_integration_qagil", absoluteTolerance, relativeTolerance, limit, integrand) {
            function, workspace, value, error in
            gsl_integration_qagil(function, upper, absoluteTolerance, relativeTolerance, limit, workspace, value, error)
        }
    }

    /// ∫ over the whole real line of `integrand` (QAGI: the map x = (1 − t)/t on both halves).
    public static func integrateOverRealLine(
        absoluteTolerance: Double = 0, relativeTolerance: Double = 1e-12, limit: Int = 1000,
        _ integrand: (Double) -> Double
    ) throws -> QuadratureResult {
        try run("gsl_integration_qagi", absoluteTolerance, relativeTolerance, limit, integrand) {
            function, workspace, value, error in
            gsl_integration_qagi(function, absoluteTolerance, relativeTolerance, limit, workspace, value, error)
        }
    }

    /// The GSL routine signature shared by the four entry points (bounds already bound in).
    private typealias Routine = (
        UnsafeMutablePointer<gsl_function>, UnsafeMutablePointer<gsl_integration_workspace>,
        UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>
    ) -> Int32

    /// Validates the settings, allocates a workspace for this call, runs `routine` and
    /// converts its status and the integrand's non-finite values into errors.
    private static func run(
        _ name: String, _ absoluteTolerance: Double, _ relativeTolerance: Double, _ limit: Int,
        _ integrand: (Double) -> Double, _ routine: Routine
    ) throws -> QuadratureResult {
        guard absoluteTolerance.isFinite, relativeTolerance.isFinite,
              absoluteTolerance >= 0, relativeTolerance >= 0 else {
            throw NumericalError.invalidArgument(
                "\(name): tolerances must be finite and non-negative (absolute \(absoluteTolerance), relative \(relativeTolerance))")
        }
        guard absoluteTolerance > 0 || relativeTolerance >= 50 * Double.ulpOfOne else {
            throw NumericalError.invalidArgument(
                "\(name): with absoluteTolerance 0, relativeTolerance must be at least 50ε ≈ 1.1e-14, got \(relativeTolerance)")
        }
        guard limit > 0 else {
            throw NumericalError.invalidArgument("\(name): limit must be positive, got \(limit)")
        }
        GSLRuntime.prepare()
        guard let workspace = gsl_integration_workspace_alloc(limit) else {
            throw NumericalError.fromGSL(function: "gsl_integration_workspace_alloc", status: Int32(GSL_ENOMEM))
        }
        defer { gsl_integration_workspace_free(workspace) }
        var value = 0.0
        var estimatedError = 0.0
        let status = try ScalarFunctionBox.withGSLFunction(integrand) { function, box in
            let status = routine(function, workspace, &value, &estimatedError)
            if let argument = box.pointee.firstNonFiniteArgument {
                throw NumericalError.invalidArgument("\(name): integrand returned a non-finite value at x = \(argument)")
            }
            return status
        }
        try GSLRuntime.check(status, name)
        guard value.isFinite else {
            throw NumericalError.invalidArgument("\(name): the integral evaluated to \(value)")
        }
        return QuadratureResult(value: value, estimatedError: estimatedError)
    }
}
