/// Why a constructed measure could not be computed. Each case names what the user would change.
public enum QualityMeasureError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An option is outside its domain (e.g. σ ≤ 1, a non-positive offset).
    case invalidOption(String)
    /// σ for a product is missing, not finite or ≤ 1 (quality = residual/(σ − 1) needs σ > 1).
    case invalidElasticity(product: Int, value: Double?)
    /// The demand regression could not be run (e.g. no variation in ln p within cells).
    case estimationFailed(product: Int?, reason: String)

    public var description: String {
        switch self {
        case .invalidOption(let message): return "invalid option: \(message)"
        case .invalidElasticity(let product, let value):
            let shown = value.map { "\($0)" } ?? "missing"
            return "σ for product \(product) is \(shown); KSW quality needs σ > 1"
        case .estimationFailed(let product, let reason):
            return "the KSW demand regression failed\(product.map { " for product \($0)" } ?? ""): \(reason)"
        }
    }
}
