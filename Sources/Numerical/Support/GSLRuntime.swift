import CGSL

/// One-time GSL set-up and status checking shared by every entry point of the target.
///
/// GSL's default error handler aborts the process. `gsl_set_error_handler_off()` is
/// called exactly once, the first time any entry point touches ``prepare()``; Swift
/// initializes `static let` storage lazily under `swift_once`, so the call is made exactly
/// once even when many threads arrive at the same time.
enum GSLRuntime {
    /// Evaluated once, lazily and thread-safely; turning the handler off is its side effect.
    private static let errorHandlerDisabled: Bool = {
        _ = gsl_set_error_handler_off()
        return true
    }()

    /// Makes sure GSL reports errors by status code instead of aborting.
    /// Every function that calls into GSL calls this first.
    @inline(__always)
    static func prepare() {
        _ = errorHandlerDisabled
    }

    /// Throws ``NumericalError/gsl(function:status:reason:)`` unless `status` is `GSL_SUCCESS`.
    static func check(_ status: Int32, _ function: String) throws(NumericalError) {
        if status != Int32(GSL_SUCCESS) {
            throw NumericalError.fromGSL(function: function, status: status)
        }
    }
}
