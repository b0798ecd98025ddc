import Covariance
import Foundation
import Numerical

/// Computes ``IVDiagnostics`` from the demeaned variables of a 2SLS fit (see the formulas there). With fixed
/// effects the statistics are the within versions: projections are on FE-demeaned columns, and the absorbed
/// parameters A enter the degrees of freedom as dummies would.
struct IVDiagnosticsBuilder {
    let y: [Double]
    let exogenous: [[Double]]
    let endogenous: [[Double]]
    let instruments: [[Double]]
    /// 2SLS residuals û = y − [X, W]β̂.
    let residuals: [Double]
    /// First-stage residuals V̂.
    let firstResiduals: [[Double]]
    let context: StageContext

    var n: Int { y.count }
    var p: Int { endogenous.count }
    var instrumentCount: Int { instruments.count }

    /// The diagnostics, and a warning for each one that is undefined because a matrix it inverts is singular
    /// (the control-function Wald test, Hansen J): those are NaN or nil, the estimate is kept.
    func build() throws -> (diagnostics: IVDiagnostics, warnings: [String]) {
        let full = try LeastSquaresFit(columns: instruments + exogenous)
        let overidentified = instrumentCount > p
        let uu = FixedEffectsOLS.squaredNorm(residuals)
        let projected = try full.projectedSquaredNorm(residuals)
        let sargan = overidentified
            ? IVTestStatistic(statistic: Double(n) * projected / uu, degreesOfFreedom: instrumentCount - p, denominatorDegrees: nil)
            : nil
        let (durbin, wuHausman) = try endogeneity(projectedIV: projected)
        var warnings: [String] = []
        let controlFunctionF: IVTestStatistic
        do {
            controlFunctionF = try controlFunction()
        } catch let error as EstimationError {
            controlFunctionF = IVTestStatistic(statistic: .nan, degreesOfFreedom: p, denominatorDegrees: nil)
            warnings.append("the control-function endogeneity test is undefined (NaN): \(error)")
        }
        var hansen: IVTestStatistic?
        if overidentified {
            do {
                hansen = try hansenJ(full)
            } catch let error as EstimationError {
                warnings.append("Hansen's J is undefined (left out): \(error)")
            }
        }
        let diagnostics = IVDiagnostics(
            craggDonaldF: try craggDonaldF(), sargan: sargan, hansenJ: hansen,
            durbin: durbin, wuHausman: wuHausman, controlFunctionF: controlFunctionF,
            kleibergenPaap: try kleibergenPaap())
        return (diagnostics, warnings)
    }

    /// Kleibergen–Paap rk LM and rk Wald F (see ``KleibergenPaapRankTest``) on M_X W and M_X Z; `nil` when a
    /// cross-product or the covariance Ω of the rank restriction is singular (e.g. a non-PSD multi-way meat).
    func kleibergenPaap() throws -> (lm: IVTestStatistic, waldF: Double)? {
        let partial = try LeastSquaresFit(columns: exogenous)
        let w = try endogenous.map { try partial.regress($0).residuals }
        let z = try instruments.map { try partial.regress($0).residuals }
        do {
            return try KleibergenPaapRankTest(endogenous: w, instruments: z, exogenous: exogenous, context: context).compute()
        } catch is EstimationError {
            return nil
        }
    }

    /// Durbin and Wu–Hausman (iid) in linearmodels' form: δ = e₀ᵀP_[Z_f,W]e₀ − ûᵀP_{Z_f}û.
    func endogeneity(projectedIV: Double) throws -> (IVTestStatistic, IVTestStatistic) {
        let e0 = try LeastSquaresFit(columns: exogenous + endogenous).regress(y).residuals
        let e0e0 = FixedEffectsOLS.squaredNorm(e0)
        let delta = try LeastSquaresFit(columns: instruments + exogenous + endogenous).projectedSquaredNorm(e0) - projectedIV
        let denominator = n - exogenous.count - context.absorbed - 2 * p
        return (IVTestStatistic(statistic: delta / (e0e0 / Double(n)), degreesOfFreedom: p, denominatorDegrees: nil),
                IVTestStatistic(statistic: (delta / Double(p)) / ((e0e0 - delta) / Double(denominator)),
                                degreesOfFreedom: p, denominatorDegrees: denominator))
    }

    /// OLS of y on [X, W, V̂] with the chosen covariance; Wald test of the V̂ coefficients / p.
    func controlFunction() throws -> IVTestStatistic {
        let columns = exogenous + endogenous + firstResiduals
        let fit = try LeastSquaresFit(columns: columns)
        let (b, _, e) = try fit.regress(y)
        let covariance = try context.covariance(columns: columns, residuals: e, bread: fit.inverseGram)
        let tested = Array((columns.count - p)..<columns.count)
        let wald = try LeastSquaresFit.wald(b, covariance: covariance.matrix, indices: tested)
        return IVTestStatistic(statistic: wald / Double(p), degreesOfFreedom: p,
                               denominatorDegrees: covariance.tDegreesOfFreedom)
    }

    /// Cragg–Donald F: r²_min the smallest eigenvalue of (W̃ᵀW̃)^{-1/2} W̃ᵀP_Z̃W̃ (W̃ᵀW̃)^{-1/2}, W̃ = M_X W, Z̃ = M_X Z.
    func craggDonaldF() throws -> Double {
        let partial = try LeastSquaresFit(columns: exogenous)
        let w = try endogenous.map { try partial.regress($0).residuals }
        let z = try LeastSquaresFit(columns: try instruments.map { try partial.regress($0).residuals })
        let projected = try w.map { try z.regress($0).fitted }
        var a = Matrix(rows: p, columns: p), b = Matrix(rows: p, columns: p)
        for i in 0..<p {
            for j in 0..<p {
                a[i, j] = FixedEffectsOLS.dot(w[i], w[j])
                b[i, j] = FixedEffectsOLS.dot(w[i], projected[j])
            }
        }
        do {
            let (values, vectors) = try a.symmetricEigen()
            let root = try vectors * Matrix.diagonal(values.map { 1 / $0.squareRoot() }) * vectors.transposed
            let r2 = try (root * b * root).symmetricEigen().values.min() ?? .nan
            let degrees = Double(n - instrumentCount - exogenous.count - context.absorbed)
            return degrees * r2 / (1 - r2) / Double(instrumentCount)
        } catch {
            throw EstimationError.degenerate(estimator: "2SLS", reason: "Cragg–Donald eigenvalues: \(error)")
        }
    }

    /// Hansen J from two-step efficient GMM (robust or one-way clustered moment covariance from the 2SLS residuals).
    func hansenJ(_ full: LeastSquaresFit) throws -> IVTestStatistic? {
        let groups: [Int32]?
        switch context.vcov {
        // Hansen J is reported for robust and one-way clustered moments; not for iid or panel HAC.
        case .iid, .neweyWest, .driscollKraay: return nil
        case .heteroskedastic: groups = nil
        case .cluster(let names):
            guard names.count == 1, let codes = context.sample.clusters.first?.codes else { return nil }
            groups = codes
        }
        let z = full.columns, regressors = exogenous + endogenous
        let m = z.count, k = regressors.count
        var scores = [[Double]](repeating: [Double](repeating: 0, count: m), count: groups.map { Int(($0.max() ?? 0)) + 1 } ?? n)
        for row in 0..<n {
            let target = groups.map { Int($0[row]) } ?? row
            for j in 0..<m { scores[target][j] += z[j][row] * residuals[row] }
        }
        var s = Matrix(rows: m, columns: m)
        for score in scores {
            for a in 0..<m { for b in 0..<m { s[a, b] += score[a] * score[b] } }
        }
        var zx = Matrix(rows: m, columns: k)
        for a in 0..<m { for b in 0..<k { zx[a, b] = FixedEffectsOLS.dot(z[a], regressors[b]) } }
        let zy = z.map { FixedEffectsOLS.dot($0, y) }
        // Fewer clusters than moments leave S singular (rank ≤ G); rounding can hide that from the LU.
        if let rank = LeastSquaresFit.scaledRank(s), rank < m {
            throw EstimationError.degenerate(estimator: "2SLS", reason: "Hansen J: singular moment covariance (\(scores.count) score groups for \(m) moments)")
        }
        do {
            let weight = try s.inverse()
            let xzw = try zx.transposed * weight
            let beta = try (try xzw * zx).solve(try xzw * zy)
            var u = y
            for (column, coefficient) in zip(regressors, beta) {
                for row in 0..<n { u[row] -= coefficient * column[row] }
            }
            let g = z.map { FixedEffectsOLS.dot($0, u) }
            let j = zip(g, try weight * g).reduce(0) { $0 + $1.0 * $1.1 }
            return IVTestStatistic(statistic: j, degreesOfFreedom: instrumentCount - p, denominatorDegrees: nil)
        } catch {
            throw EstimationError.degenerate(estimator: "2SLS", reason: "Hansen J: singular moment covariance: \(error)")
        }
    }
}
