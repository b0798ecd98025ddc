import Foundation
import Numerical

/// The CES elasticity recovered from the markup, with standard errors.
public struct MarkupEstimate: Sendable, Codable, Equatable {
    /// μ̂ = exp(mean ln(revenue / variable cost)).
    public let markup: Double
    /// σ̂ = μ̂ / (μ̂ − 1).
    public let elasticity: Double
    /// SE of σ̂ by the delta method: μ̂/(μ̂ − 1)² · SE(ln μ̂).
    public let standardError: Double
    /// SD(ln(revenue / variable cost)) / √n.
    public let logMarkupStandardError: Double
    public let sampleSize: Int
}

/// Under CES with constant marginal cost, price = μ · marginal cost with μ = σ/(σ − 1), so revenue ÷
/// variable cost = μ for every firm. When variable cost (production employment, w = 1) is measured
/// with a log error ε of mean zero, ln(revenue/cost) = ln μ − ε, and the mean of the log ratio is
/// unbiased for ln μ (the ratio of means is not: it is off by E[e^ε]).
public enum MarkupEstimator {
    public static let name = "markup (revenue ÷ variable cost)"

    public static func estimate(revenue: [Double], variableCost: [Double]) throws -> MarkupEstimate {
        guard revenue.count == variableCost.count else {
            throw EstimationError.degenerate(estimator: name, reason: "revenue and variable cost differ in length")
        }
        guard revenue.count >= 2 else {
            throw EstimationError.insufficientData(estimator: name, observations: revenue.count, needed: 2)
        }
        var logRatios: [Double] = []
        logRatios.reserveCapacity(revenue.count)
        // The ratios first, then their logarithms over the whole column (VectorMath, SLEEF).
        for row in revenue.indices {
            guard revenue[row] > 0, revenue[row].isFinite else {
                throw EstimationError.invalidValue(estimator: name, variable: "revenue", row: row, value: revenue[row])
            }
            guard variableCost[row] > 0, variableCost[row].isFinite else {
                throw EstimationError.invalidValue(estimator: name, variable: "variable cost", row: row, value: variableCost[row])
            }
            logRatios.append(revenue[row] / variableCost[row])
        }
        VectorMath.logarithm(&logRatios)
        let n = Double(logRatios.count)
        let mean = logRatios.reduce(0, +) / n
        let variance = logRatios.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        let markup = exp(mean)
        guard markup > 1 else {
            throw EstimationError.degenerate(estimator: name, reason: "estimated markup \(markup) ≤ 1 implies no finite σ")
        }
        let logStandardError = (variance / n).squareRoot()
        return MarkupEstimate(markup: markup, elasticity: markup / (markup - 1),
                              standardError: markup / ((markup - 1) * (markup - 1)) * logStandardError,
                              logMarkupStandardError: logStandardError, sampleSize: logRatios.count)
    }
}
