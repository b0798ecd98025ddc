import Estimation
import Foundation
import Models
import MonteCarlo
import PanelData

/// The recovery step of the allocation-efficiency Monte Carlo: estimates from one simulated panel,
/// set beside the truth. This is the only place where estimates and truth meet.
enum AllocationEfficiencyRecovery {
    /// Estimates k, σ and α = k/(σ−1) from one panel.
    ///
    /// - α̂: Pareto tail MLE of domestic sales in the final year (one cross-section, so that no firm
    ///   is counted twice; sales of producers are Pareto(k/(σ−1), σf) in every region).
    /// - σ̂: from the markup, mean ln(revenue ÷ production employment) over all firm-years.
    /// - k̂ = α̂ (σ̂ − 1), SE by the delta method; α̂ and σ̂ are independent (σ̂ depends only on the
    ///   measurement errors), so Var(k̂) ≈ (σ̂−1)² Var(α̂) + α̂² Var(σ̂).
    static func estimates(from panel: AllocationEfficiencyPanel, finalYear: Int, recover: [String]) throws -> [ParameterEstimate] {
        let data = panel.dataset
        let years = try data.ints("year")
        let domestic = try data.doubles("domestic_sales")
        let exports = try data.doubles("export_sales")
        let employment = try data.doubles("employment")
        let finalSales = zip(years, domestic).compactMap { $0.0 == finalYear ? $0.1 : nil }
        let tail = try ParetoTailEstimator.estimate(finalSales)
        let revenue = zip(domestic, exports).map { $0 + $1 }
        let markup = try MarkupEstimator.estimate(revenue: revenue, variableCost: employment)
        let sigmaHat = markup.elasticity
        let kHat = tail.shape * (sigmaHat - 1)
        let kStandardError = (pow(sigmaHat - 1, 2) * pow(tail.standardError, 2)
            + pow(tail.shape, 2) * pow(markup.standardError, 2)).squareRoot()
        let truth = panel.truth
        let all: [String: ParameterEstimate] = [
            "k": ParameterEstimate(parameter: "k", truth: truth.paretoShape, estimate: kHat, standardError: kStandardError),
            "sigma": ParameterEstimate(parameter: "sigma", truth: truth.elasticityOfSubstitution,
                                       estimate: sigmaHat, standardError: markup.standardError),
            "sales_shape": ParameterEstimate(parameter: "sales_shape", truth: truth.salesShape,
                                             estimate: tail.shape, standardError: tail.standardError),
        ]
        return recover.compactMap { all[$0] }
    }
}
