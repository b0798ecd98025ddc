/// Minimisation of a function of one variable on an interval.
public enum ScalarMinimizer {
    /// A local minimum of `function` on [lower, upper] by Brent's method (golden-section search
    /// with parabolic interpolation; Brent 1973, *Algorithms for Minimization without
    /// Derivatives*, ch. 5, procedure `localmin`).
    ///
    /// Stops when the bracket around the best point x satisfies
    /// |x − m| ≤ 2·tol − (b − a)/2 with tol = `relativeTolerance`·|x| + `absoluteTolerance`
    /// (m the bracket's midpoint), or after `maxIterations` (then `converged` is false). The
    /// end points themselves are never evaluated, so an objective that is infinite there (a
    /// log-determinant at the edge of an admissible interval) is safe. `function` must return a
    /// finite value at every interior point it is given; a non-finite value throws.
    public static func brent(
        lower: Double, upper: Double, relativeTolerance: Double = 1e-12, absoluteTolerance: Double = 1e-14,
        maxIterations: Int = 500, _ function: (Double) throws -> Double
    ) throws -> MinimizationResult {
        guard lower.isFinite, upper.isFinite, lower < upper else {
            throw NumericalError.invalidArgument("brent minimum: interval [\(lower), \(upper)] must be finite and non-empty")
        }
        guard relativeTolerance > 0, absoluteTolerance > 0, maxIterations > 0 else {
            throw NumericalError.invalidArgument("brent minimum: tolerances and maxIterations must be positive")
        }
        func evaluate(_ point: Double) throws -> Double {
            let value = try function(point)
            guard value.isFinite else {
                throw NumericalError.invalidArgument("brent minimum: f(\(point)) = \(value) is not finite")
            }
            return value
        }
        let golden = 0.5 * (3 - 5.0.squareRoot())
        var a = lower, b = upper
        var x = a + golden * (b - a), w = x, v = x
        var fx = try evaluate(x), fw = fx, fv = fx
        var step = 0.0, previousStep = 0.0
        for iteration in 1...maxIterations {
            let middle = 0.5 * (a + b)
            let tolerance = relativeTolerance * abs(x) + absoluteTolerance
            let twiceTolerance = 2 * tolerance
            if abs(x - middle) <= twiceTolerance - 0.5 * (b - a) {
                return MinimizationResult(point: [x], value: fx, iterations: iteration - 1, converged: true)
            }
            var useGolden = true
            if abs(previousStep) > tolerance {
                // Parabola through (v, fv), (w, fw), (x, fx).
                var r = (x - w) * (fx - fv)
                var q = (x - v) * (fx - fw)
                var p = (x - v) * q - (x - w) * r
                q = 2 * (q - r)
                if q > 0 { p = -p }
                q = abs(q)
                r = previousStep
                previousStep = step
                if abs(p) < abs(0.5 * q * r), p > q * (a - x), p < q * (b - x) {
                    step = p / q
                    let trial = x + step
                    if trial - a < twiceTolerance || b - trial < twiceTolerance {
                        step = x < middle ? tolerance : -tolerance
                    }
                    useGolden = false
                }
            }
            if useGolden {
                previousStep = (x < middle ? b : a) - x
                step = golden * previousStep
            }
            let trial = abs(step) >= tolerance ? x + step : x + (step > 0 ? tolerance : -tolerance)
            let fTrial = try evaluate(trial)
            if fTrial <= fx {
                if trial < x { b = x } else { a = x }
                v = w; fv = fw
                w = x; fw = fx
                x = trial; fx = fTrial
            } else {
                if trial < x { a = trial } else { b = trial }
                if fTrial <= fw || w == x {
                    v = w; fv = fw
                    w = trial; fw = fTrial
                } else if fTrial <= fv || v == x || v == w {
                    v = trial; fv = fTrial
                }
            }
        }
        return MinimizationResult(point: [x], value: fx, iterations: maxIterations, converged: false)
    }
}
