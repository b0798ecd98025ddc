import CGSL

/// Carries a Swift objective (and optionally its gradient) into GSL's multimin routines
/// through the `params` pointer, recording problems that a C callback cannot throw.
/// One box per call, on the caller's stack: no global state.
struct VectorFunctionBox {
    /// The objective f(x).
    let objective: ([Double]) -> Double
    /// The gradient ∇f(x), for derivative-based methods.
    let gradient: (([Double]) -> [Double])?
    /// The number of variables.
    let dimension: Int
    /// The first point at which the objective returned NaN or ±∞.
    var firstNonFinitePoint: [Double]?
    /// The length of the first gradient that did not have `dimension` entries.
    var wrongGradientCount: Int?

    /// Copies a GSL vector (honouring its stride) into an array.
    static func array(from vector: UnsafePointer<gsl_vector>?) -> [Double] {
        guard let vector, let data = vector.pointee.data else { return [] }
        let stride = vector.pointee.stride
        return (0..<vector.pointee.size).map { data[$0 * stride] }
    }

    /// Evaluates the objective and records a non-finite value.
    mutating func evaluateObjective(_ point: [Double]) -> Double {
        let value = objective(point)
        if !value.isFinite, firstNonFinitePoint == nil {
            firstNonFinitePoint = point
        }
        return value
    }

    /// Evaluates the gradient into `output`, recording a wrong length (then writing NaN).
    mutating func evaluateGradient(_ point: [Double], into output: UnsafeMutablePointer<gsl_vector>?) {
        guard let output, let data = output.pointee.data else { return }
        let values = gradient?(point) ?? []
        let stride = output.pointee.stride
        if values.count != dimension {
            if wrongGradientCount == nil { wrongGradientCount = values.count }
            for index in 0..<output.pointee.size { data[index * stride] = .nan }
            return
        }
        for (index, value) in values.enumerated() { data[index * stride] = value }
    }

    /// The error to throw for what was recorded, if anything.
    func recordedError(_ method: String) -> NumericalError? {
        if let count = wrongGradientCount {
            return .dimensionMismatch("\(method): gradient returned \(count) entries for \(dimension) variables")
        }
        if let point = firstNonFinitePoint {
            return .invalidArgument("\(method): objective returned a non-finite value at \(point)")
        }
        return nil
    }

    /// `gsl_multimin_function.f` and `gsl_multimin_function_fdf.f`.
    static let objectiveTrampoline: @convention(c) (UnsafePointer<gsl_vector>?, UnsafeMutableRawPointer?) -> Double = {
        vector, parameters in
        guard let box = parameters?.assumingMemoryBound(to: VectorFunctionBox.self) else { return .nan }
        return box.pointee.evaluateObjective(array(from: vector))
    }

    /// `gsl_multimin_function_fdf.df`.
    static let gradientTrampoline: @convention(c) (
        UnsafePointer<gsl_vector>?, UnsafeMutableRawPointer?, UnsafeMutablePointer<gsl_vector>?
    ) -> Void = { vector, parameters, output in
        guard let box = parameters?.assumingMemoryBound(to: VectorFunctionBox.self) else { return }
        box.pointee.evaluateGradient(array(from: vector), into: output)
    }

    /// `gsl_multimin_function_fdf.fdf`.
    static let objectiveAndGradientTrampoline: @convention(c) (
        UnsafePointer<gsl_vector>?, UnsafeMutableRawPointer?, UnsafeMutablePointer<Double>?, UnsafeMutablePointer<gsl_vector>?
    ) -> Void = { vector, parameters, value, output in
        guard let box = parameters?.assumingMemoryBound(to: VectorFunctionBox.self) else { return }
        let point = array(from: vector)
        value?.pointee = box.pointee.evaluateObjective(point)
        box.pointee.evaluateGradient(point, into: output)
    }
}
