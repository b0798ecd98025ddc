import CGSL

/// Unconstrained multidimensional minimization (`gsl_multimin`).
///
/// Each call owns its GSL state and passes the closures through the `params` pointer,
/// so concurrent calls are safe. The objective must be finite wherever it is evaluated
/// (return a large finite penalty rather than ∞ outside a feasible region); a non-finite
/// value throws ``NumericalError/invalidArgument(_:)``. Reaching `maxIterations` is not
/// an error: the result reports `converged == false`.
public enum Minimizer {
    /// Nelder–Mead simplex minimization (`gsl_multimin_fminimizer_nmsimplex2`).
    ///
    /// Stops when the simplex size (`gsl_multimin_fminimizer_size`, the mean distance
    /// of the vertices from the centre) falls below `tolerance`. The initial simplex has
    /// edge `stepSizes[i]` along coordinate i; by default `0.1 · max(|start[i]|, 1)`.
    public static func nelderMead(
        start: [Double], stepSizes: [Double]? = nil, tolerance: Double = 1e-10,
        maxIterations: Int = 10_000, _ objective: ([Double]) -> Double
    ) throws -> MinimizationResult {
        try validate(start: start, tolerance: tolerance, maxIterations: maxIterations, method: "nelderMead")
        let steps = stepSizes ?? start.map { 0.1 * Swift.max(abs($0), 1) }
        guard steps.count == start.count else {
            throw NumericalError.dimensionMismatch("nelderMead: \(steps.count) step sizes for \(start.count) variables")
        }
        guard steps.allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw NumericalError.invalidArgument("nelderMead: step sizes must be finite and positive, got \(steps)")
        }
        GSLRuntime.prepare()
        guard let minimizer = gsl_multimin_fminimizer_alloc(hetfirm_multimin_nmsimplex2(), start.count) else {
            throw NumericalError.fromGSL(function: "gsl_multimin_fminimizer_alloc", status: Int32(GSL_ENOMEM))
        }
        defer { gsl_multimin_fminimizer_free(minimizer) }

        return try withoutActuallyEscaping(objective) { escapable in
            var box = VectorFunctionBox(objective: escapable, gradient: nil, dimension: start.count)
            return try withUnsafeMutablePointer(to: &box) { boxPointer in
                var function = gsl_multimin_function(
                    f: VectorFunctionBox.objectiveTrampoline, n: start.count, params: UnsafeMutableRawPointer(boxPointer))
                // GSL keeps this pointer between calls, so it must stay valid for the whole loop.
                return try withUnsafeMutablePointer(to: &function) { functionPointer in
                    var startCopy = start
                    var stepCopy = steps
                    let setStatus = Matrix.withGSLVector(&startCopy) { startVector in
                        Matrix.withGSLVector(&stepCopy) { stepVector in
                            gsl_multimin_fminimizer_set(minimizer, functionPointer, startVector, stepVector)
                        }
                    }
                    if let error = boxPointer.pointee.recordedError("nelderMead") { throw error }
                    try GSLRuntime.check(setStatus, "gsl_multimin_fminimizer_set")
                    var iterations = 0
                    var converged = false
                    while iterations < maxIterations, !converged {
                        iterations += 1
                        let status = gsl_multimin_fminimizer_iterate(minimizer)
                        if let error = boxPointer.pointee.recordedError("nelderMead") { throw error }
                        try GSLRuntime.check(status, "gsl_multimin_fminimizer_iterate")
                        let size = gsl_multimin_fminimizer_size(minimizer)
                        converged = gsl_multimin_test_size(size, tolerance) == Int32(GSL_SUCCESS)
                    }
                    return MinimizationResult(
                        point: VectorFunctionBox.array(from: gsl_multimin_fminimizer_x(minimizer)),
                        value: gsl_multimin_fminimizer_minimum(minimizer),
                        iterations: iterations, converged: converged)
                }
            }
        }
    }

    /// BFGS quasi-Newton minimization with Fletcher's line search (`gsl_multimin_fdfminimizer_vector_bfgs2`).
    ///
    /// Stops when ‖∇f‖ < `gradientTolerance` (`gsl_multimin_test_gradient`). When the line
    /// search can make no further progress (`GSL_ENOPROG`), the method restarts once from
    /// the current point with the identity as Hessian approximation
    /// (`gsl_multimin_fdfminimizer_restart`); if it is stuck again straight away the
    /// iteration ends with `converged == false`.
    /// `gradient` must return one entry per variable (otherwise ``NumericalError/dimensionMismatch(_:)``).
    public static func bfgs(
        start: [Double], initialStepSize: Double = 0.01, lineSearchTolerance: Double = 0.1,
        gradientTolerance: Double = 1e-8, maxIterations: Int = 1000,
        objective: ([Double]) -> Double, gradient: ([Double]) -> [Double]
    ) throws -> MinimizationResult {
        try validate(start: start, tolerance: gradientTolerance, maxIterations: maxIterations, method: "bfgs")
        guard initialStepSize.isFinite, initialStepSize > 0 else {
            throw NumericalError.invalidArgument("bfgs: initialStepSize must be finite and positive, got \(initialStepSize)")
        }
        guard lineSearchTolerance.isFinite, lineSearchTolerance > 0, lineSearchTolerance < 1 else {
            throw NumericalError.invalidArgument("bfgs: lineSearchTolerance must be in (0, 1), got \(lineSearchTolerance)")
        }
        GSLRuntime.prepare()
        guard let minimizer = gsl_multimin_fdfminimizer_alloc(hetfirm_multimin_bfgs2(), start.count) else {
            throw NumericalError.fromGSL(function: "gsl_multimin_fdfminimizer_alloc", status: Int32(GSL_ENOMEM))
        }
        defer { gsl_multimin_fdfminimizer_free(minimizer) }

        return try withoutActuallyEscaping(objective) { escapableObjective in
            try withoutActuallyEscaping(gradient) { escapableGradient in
                var box = VectorFunctionBox(objective: escapableObjective, gradient: escapableGradient, dimension: start.count)
                return try withUnsafeMutablePointer(to: &box) { boxPointer in
                    var function = gsl_multimin_function_fdf(
                        f: VectorFunctionBox.objectiveTrampoline, df: VectorFunctionBox.gradientTrampoline,
                        fdf: VectorFunctionBox.objectiveAndGradientTrampoline, n: start.count,
                        params: UnsafeMutableRawPointer(boxPointer))
                    // GSL keeps this pointer between calls, so it must stay valid for the whole loop.
                    return try withUnsafeMutablePointer(to: &function) { functionPointer in
                        var startCopy = start
                        let setStatus = Matrix.withGSLVector(&startCopy) { startVector in
                            gsl_multimin_fdfminimizer_set(minimizer, functionPointer, startVector, initialStepSize, lineSearchTolerance)
                        }
                        if let error = boxPointer.pointee.recordedError("bfgs") { throw error }
                        try GSLRuntime.check(setStatus, "gsl_multimin_fdfminimizer_set")
                        var iterations = 0
                        var converged = gradientConverged(minimizer, gradientTolerance)
                        var restartedWithoutProgress = false
                        while iterations < maxIterations, !converged {
                            iterations += 1
                            let status = gsl_multimin_fdfminimizer_iterate(minimizer)
                            if let error = boxPointer.pointee.recordedError("bfgs") { throw error }
                            if status == Int32(GSL_ENOPROG) {
                                // Stuck: reset the Hessian approximation to the identity once;
                                // a second failure in a row ends the iteration.
                                if restartedWithoutProgress { break }
                                restartedWithoutProgress = true
                                try GSLRuntime.check(gsl_multimin_fdfminimizer_restart(minimizer), "gsl_multimin_fdfminimizer_restart")
                                continue
                            }
                            try GSLRuntime.check(status, "gsl_multimin_fdfminimizer_iterate")
                            restartedWithoutProgress = false
                            converged = gradientConverged(minimizer, gradientTolerance)
                        }
                        return MinimizationResult(
                            point: VectorFunctionBox.array(from: gsl_multimin_fdfminimizer_x(minimizer)),
                            value: gsl_multimin_fdfminimizer_minimum(minimizer),
                            iterations: iterations, converged: converged)
                    }
                }
            }
        }
    }

    /// Whether ‖∇f‖ at the current point is below `tolerance`.
    private static func gradientConverged(
        _ minimizer: UnsafeMutablePointer<gsl_multimin_fdfminimizer>, _ tolerance: Double
    ) -> Bool {
        guard let gradient = gsl_multimin_fdfminimizer_gradient(minimizer) else { return false }
        return gsl_multimin_test_gradient(gradient, tolerance) == Int32(GSL_SUCCESS)
    }

    /// Checks the arguments shared by both methods.
    private static func validate(start: [Double], tolerance: Double, maxIterations: Int, method: String) throws {
        guard !start.isEmpty else {
            throw NumericalError.invalidArgument("\(method): the start point has no coordinates")
        }
        guard start.allSatisfy(\.isFinite) else {
            throw NumericalError.invalidArgument("\(method): start point \(start) is not finite")
        }
        guard tolerance.isFinite, tolerance > 0 else {
            throw NumericalError.invalidArgument("\(method): tolerance must be finite and positive, got \(tolerance)")
        }
        guard maxIterations > 0 else {
            throw NumericalError.invalidArgument("\(method): maxIterations must be positive, got \(maxIterations)")
        }
    }
}
