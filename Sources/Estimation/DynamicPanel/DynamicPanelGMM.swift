import Foundation
import Numerical
import PanelData

/// Arellano–Bond difference GMM and Blundell–Bond system GMM (`hetfirm gmm`), with plm `pgmm`'s conventions
/// throughout (docs/estimators/gmm.md): design (``DynamicPanelDesign``), estimation (``LinearGMM``), and
/// plm's `mtest`, `sargan` and Wald tests.
public enum DynamicPanelGMM {
    public static func estimate(_ formula: DynamicPanelFormula, data: Dataset, panel: PanelDeclaration,
                                options: DynamicPanelOptions = .init()) throws -> DynamicPanelResult {
        let design = try DynamicPanelDesign.build(formula, data: data, panel: panel, options: options)
        let blocks = design.blocks
        let gmm = try LinearGMM(blocks, twoSteps: options.twoSteps)
        let k = blocks.regressorCount, l = blocks.instrumentCount
        let observations = gmm.residuals.reduce(0) { $0 + ($1 != 0 ? 1 : 0) }
        let g = blocks.instrumentCross(gmm.residuals)
        let hansenWeights = try LinearGMM.quadratic(g, gmm.twoStepWeighting)
        let sarganWeights = try LinearGMM.quadratic(g, gmm.oneStepWeighting)
        let degrees = l - k
        let slopeCount = k - design.timeEffectCount
        var warnings: [String] = []
        if l > design.groupCount {
            warnings.append("\(l) instruments for \(design.groupCount) groups: with more instruments than groups the "
                + "Hansen test is weak and two-step estimates are biased towards OLS (Roodman 2009); consider --collapse or shorter lag ranges")
        }
        if gmm.usedGeneralizedInverse {
            warnings.append("a weighting matrix was singular and was replaced by its generalized inverse (as plm does)")
        }
        var differenceInHansen: DynamicPanelResult.Test?
        if options.transformation == .system, options.twoSteps, !design.levelInstrumentColumns.isEmpty {
            let keep = (0..<l).filter { !design.levelInstrumentColumns.contains($0) }
            if keep.count >= k {
                let restricted = try gmm.restrictedHansen(blocks, keep: keep)
                differenceInHansen = .init(statistic: hansenWeights - restricted, degreesOfFreedom: design.levelInstrumentColumns.count)
            }
        }
        let timeStart = slopeCount + (options.transformation == .system ? 1 : 0)
        return DynamicPanelResult(
            formula: formula.source, options: options, coefficientNames: design.coefficientNames,
            coefficients: gmm.coefficients, robustCovariance: gmm.robustCovariance,
            nonRobustCovariance: gmm.nonRobustCovariance, oneStepCoefficients: gmm.oneStepCoefficients,
            arTests: try [1, 2].map { try arTest(order: $0, design: design, gmm: gmm, covariance: gmm.robustCovariance) },
            hansen: .init(statistic: hansenWeights, degreesOfFreedom: degrees),
            sargan: .init(statistic: sarganWeights, degreesOfFreedom: degrees), differenceInHansen: differenceInHansen,
            waldCoefficients: try wald(gmm.coefficients, gmm.robustCovariance, Array(0..<slopeCount)),
            waldTimeEffects: design.timeEffectCount > 0 && timeStart < k
                ? try wald(gmm.coefficients, gmm.robustCovariance, Array(timeStart..<k)) : nil,
            instrumentCount: l, groupCount: design.groupCount, observationCount: observations, warnings: warnings)
    }

    /// Arellano–Bond's test of order-m autocorrelation in the differenced residuals (plm `mtest`):
    /// z = Σ_i ê_i′ê_{i,−m} / √(Σ_i (ê_i′ê_{i,−m})² − 2 a′B S′A c + a′V a), a = Σ_i X_i′ê_{i,−m},
    /// c = Σ_i Z_i′ê_i (ê_i′ê_{i,−m}), B the non-robust covariance, A the reported weighting, V the covariance
    /// used for inference; the lag is taken within each unit's differenced rows.
    static func arTest(order: Int, design: DynamicPanelDesign, gmm: LinearGMM, covariance: Matrix) throws -> DynamicPanelResult.Test {
        let blocks = design.blocks
        let r = blocks.rowsPerUnit, nd = design.differenceRows, k = blocks.regressorCount, l = blocks.instrumentCount
        var numerator = 0.0, sumSquares = 0.0
        var a = [Double](repeating: 0, count: k)
        var c = [Double](repeating: 0, count: l)
        let e = gmm.residuals
        for unit in 0..<blocks.unitCount {
            let base = unit * r
            var product = 0.0
            for row in order..<max(order, nd) { product += e[base + row] * e[base + row - order] }
            numerator += product
            sumSquares += product * product
            for row in order..<max(order, nd) {
                let lagged = e[base + row - order]
                if lagged == 0 { continue }
                for j in 0..<k { a[j] += lagged * blocks.regressors[(base + row) * k + j] }
            }
            if product != 0 {
                for row in 0..<nd where e[base + row] != 0 {
                    for q in 0..<l { c[q] += blocks.instruments[(base + row) * l + q] * e[base + row] * product }
                }
            }
        }
        let bsa = try gmm.nonRobustCovariance * gmm.instrumentRegressorCross.transposed * gmm.weighting  // k × L
        let cross = zip(a, try bsa * c).reduce(0) { $0 + $1.0 * $1.1 }
        let variance = sumSquares - 2 * cross + zip(a, try covariance * a).reduce(0) { $0 + $1.0 * $1.1 }
        let statistic = variance > 0 ? numerator / variance.squareRoot() : .nan
        return .init(statistic: statistic, degreesOfFreedom: nil)
    }

    /// b_R′ V_RR⁻¹ b_R for the coefficients R (plm's `wald`), χ² with |R| degrees of freedom.
    static func wald(_ coefficients: [Double], _ covariance: Matrix, _ indices: [Int]) throws -> DynamicPanelResult.Test {
        var block = Matrix(rows: indices.count, columns: indices.count)
        for (p, i) in indices.enumerated() { for (q, j) in indices.enumerated() { block[p, q] = covariance[i, j] } }
        let values = indices.map { coefficients[$0] }
        let solved = try block.solve(values)
        return .init(statistic: zip(values, solved).reduce(0) { $0 + $1.0 * $1.1 }, degreesOfFreedom: indices.count)
    }
}
