import Foundation
import Numerical

/// The Pareto shape estimated from a sample, with its standard error.
public struct ParetoTailEstimate: Sendable, Codable, Equatable {
    /// α̂.
    public let shape: Double
    public let standardError: Double
    public let sampleSize: Int
    /// The sample minimum, the MLE of the scale x_m.
    public let scale: Double
}

/// Maximum likelihood for the shape α of a Pareto(α, x_m) sample with unknown scale.
///
/// With x_m estimated by the sample minimum, T = Σ ln(x_i / x_(1)) ~ Gamma(n − 1, α), so the MLE
/// n/T has mean nα/(n − 2). We report the unbiased α̂ = (n − 2)/T, whose exact variance is
/// α²/(n − 3); the standard error is α̂/√(n − 3).
public enum ParetoTailEstimator {
    public static let name = "Pareto tail MLE"

    public static func estimate(_ values: [Double]) throws -> ParetoTailEstimate {
        guard values.count >= 4 else {
            throw EstimationError.insufficientData(estimator: name, observations: values.count, needed: 4)
        }
        var minimum = Double.infinity, minimumRow = 0
        for (row, value) in values.enumerated() {
            guard value > 0, value.isFinite else {
                throw EstimationError.invalidValue(estimator: name, variable: "x", row: row, value: value)
            }
            if value < minimum { (minimum, minimumRow) = (value, row) }
        }
        // All logarithms from the same routine (VectorMath), so the minimum's own term is exactly 0.
        let logarithms = VectorMath.logarithms(of: values)
        let logMinimum = logarithms[minimumRow]
        let total = logarithms.reduce(0) { $0 + ($1 - logMinimum) }
        guard total > 0 else { throw EstimationError.degenerate(estimator: name, reason: "every value equals the minimum") }
        let n = Double(values.count)
        let shape = (n - 2) / total
        return ParetoTailEstimate(shape: shape, standardError: shape / (n - 3).squareRoot(),
                                  sampleSize: values.count, scale: minimum)
    }
}
