import CGSL

/// Carries a Swift closure `(Double) -> Double` into GSL through the `params` pointer of a
/// `gsl_function`, and records what the closure returned that GSL cannot use.
///
/// One box lives on the stack of each call (no global state), so concurrent calls are
/// independent.
struct ScalarFunctionBox {
    /// The closure being evaluated (escaping only for the duration of one GSL call).
    let function: (Double) -> Double
    /// The first argument at which the closure returned NaN or ±∞.
    var firstNonFiniteArgument: Double?
    /// The most recent argument at which the closure returned exactly zero.
    var exactZeroArgument: Double?

    /// The `gsl_function.function` trampoline: `params` points at a `ScalarFunctionBox`.
    static let trampoline: @convention(c) (Double, UnsafeMutableRawPointer?) -> Double = { argument, parameters in
        guard let box = parameters?.assumingMemoryBound(to: ScalarFunctionBox.self) else { return .nan }
        let value = box.pointee.function(argument)
        if !value.isFinite, box.pointee.firstNonFiniteArgument == nil {
            box.pointee.firstNonFiniteArgument = argument
        }
        if value == 0 {
            box.pointee.exactZeroArgument = argument
        }
        return value
    }

    /// Runs `body` with a `gsl_function` that calls `function` and a pointer to the box, so
    /// that `body` can inspect what was recorded after GSL returns.
    static func withGSLFunction<Result>(
        _ function: (Double) -> Double,
        _ body: (UnsafeMutablePointer<gsl_function>, UnsafeMutablePointer<ScalarFunctionBox>) throws -> Result
    ) throws -> Result {
        try withoutActuallyEscaping(function) { escapable in
            var box = ScalarFunctionBox(function: escapable, firstNonFiniteArgument: nil, exactZeroArgument: nil)
            return try withUnsafeMutablePointer(to: &box) { boxPointer in
                var gslFunction = gsl_function(function: trampoline, params: UnsafeMutableRawPointer(boxPointer))
                return try withUnsafeMutablePointer(to: &gslFunction) { try body($0, boxPointer) }
            }
        }
    }
}
