import CVectorMath

/// The exponential and the natural logarithm over whole arrays, one call per column instead of one
/// scalar `exp`/`log` per element. The work is done by SLEEF's vector functions (`expd4_u10`,
/// `logd4_u10`: four doubles per call on x86-64 with AVX, two otherwise; see ``lanes``).
///
/// **Accuracy.** SLEEF's `u10` functions are within 1.0 ULP of the exact result over the whole
/// double range, subnormal results included (glibc's `exp` and `log` are within 1 ULP too, so the two
/// agree to 2 ULP and most often exactly).
///
/// **Special values** follow C's `exp` and `log`: e^(±0) = 1, e^(+∞) = +∞, e^(−∞) = +0, e^x = +∞
/// for x > 709.78 (overflow) and +0 for x < −745.13 (underflow); log(±0) = −∞, log(+∞) = +∞,
/// log(1) = +0, log(x) = NaN for x < 0 (−∞ included). NaN stays NaN.
///
/// **Reproducibility.** Element i's result is a function of element i alone: it does not depend
/// on the array's length, its alignment, or where in a larger buffer it sits (a trailing partial
/// vector is padded and goes through the same routine). Results are deterministic on one machine.
/// SLEEF's dispatcher picks the instruction set at run time, so another processor may use other
/// code: with FMA (AVX2 here) or without (AVX, SSE2/SSE4.1) the last bit differs for about one
/// exp result in ten and a few log results per million, as glibc's own `libm`, which also
/// dispatches on FMA, can differ between machines. Two machines that both have AVX2 and FMA give
/// identical bits (the 2- and 4-lane FMA codes agree bit for bit).
///
/// Calls are thread-safe; the functions keep no state beyond the one-time choice of ``lanes``.
public enum VectorMath {
    /// Doubles per SLEEF call on this machine: 4 on x86-64 with AVX, 2 on x86-64 without AVX and on
    /// AArch64, 1 elsewhere (SLEEF's scalar code). Informative only: results do not depend on it
    /// beyond the FMA/non-FMA difference described on ``VectorMath``.
    public static var lanes: Int { Int(hetfirm_vector_lanes()) }

    // MARK: e^x

    /// Replaces every element x by e^x (SLEEF `expd*_u10`, ≤ 1.0 ULP).
    public static func exponentiate(_ values: inout [Double]) {
        values.withUnsafeMutableBufferPointer { exponentiate($0) }
    }

    /// Replaces every element x of the buffer by e^x (SLEEF `expd*_u10`, ≤ 1.0 ULP).
    public static func exponentiate(_ values: UnsafeMutableBufferPointer<Double>) {
        inPlace(values, hetfirm_vector_exp)
    }

    /// Writes e^(source[i]) to destination[i] for every i (SLEEF `expd*_u10`, ≤ 1.0 ULP). The two
    /// buffers must have the same count and must not overlap.
    public static func exponentiate(_ source: UnsafeBufferPointer<Double>, into destination: UnsafeMutableBufferPointer<Double>) {
        apply(source, into: destination, hetfirm_vector_exp, name: "exponentiate")
    }

    /// e^x of every element, as a new array (SLEEF `expd*_u10`, ≤ 1.0 ULP).
    public static func exponentials(of values: [Double]) -> [Double] {
        var result = values
        exponentiate(&result)
        return result
    }

    // MARK: log x

    /// Replaces every element x by its natural logarithm (SLEEF `logd*_u10`, ≤ 1.0 ULP).
    public static func logarithm(_ values: inout [Double]) {
        values.withUnsafeMutableBufferPointer { logarithm($0) }
    }

    /// Replaces every element x of the buffer by its natural logarithm (SLEEF `logd*_u10`, ≤ 1.0 ULP).
    public static func logarithm(_ values: UnsafeMutableBufferPointer<Double>) {
        inPlace(values, hetfirm_vector_log)
    }

    /// Writes log(source[i]) to destination[i] for every i (SLEEF `logd*_u10`, ≤ 1.0 ULP). The two
    /// buffers must have the same count and must not overlap.
    public static func logarithm(_ source: UnsafeBufferPointer<Double>, into destination: UnsafeMutableBufferPointer<Double>) {
        apply(source, into: destination, hetfirm_vector_log, name: "logarithm")
    }

    /// The natural logarithm of every element, as a new array (SLEEF `logd*_u10`, ≤ 1.0 ULP).
    public static func logarithms(of values: [Double]) -> [Double] {
        var result = values
        logarithm(&result)
        return result
    }

    // MARK: shared

    /// One of CVectorMath's loops, `kernel(input, output, count)`.
    private typealias Kernel = (UnsafePointer<Double>?, UnsafeMutablePointer<Double>?, Int) -> Void

    private static func inPlace(_ values: UnsafeMutableBufferPointer<Double>, _ kernel: Kernel) {
        guard let base = values.baseAddress else { return }
        kernel(base, base, values.count)
    }

    private static func apply(_ source: UnsafeBufferPointer<Double>, into destination: UnsafeMutableBufferPointer<Double>,
                              _ kernel: Kernel, name: String) {
        precondition(source.count == destination.count, "VectorMath.\(name): \(source.count) inputs, \(destination.count) outputs")
        guard let input = source.baseAddress, let output = destination.baseAddress else { return }
        kernel(input, output, source.count)
    }
}
