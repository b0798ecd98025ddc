import FixedEffects
import Numerical

/// Detection of regressors that are (numerically) linear combinations of the fixed effects, of the
/// intercept or of the regressors before them, in formula order: fixest's `collin.tol` idea applied to
/// the demeaned, scaled design, so that the decision does not depend on the units or the level of a
/// column (docs/estimators/ols-fixed-effects.md, "Collinearity").
///
/// Notation: x the raw column on the estimation sample, x̃ its *working* column: x demeaned by the
/// fixed effects (with fixed effects), x − x̄ (no fixed effects, with an intercept), or x itself.
///
/// 1. **Absorbed** (by the fixed effects or the intercept; "all zero" without either): x̃ is rounding
///    noise of x, ‖x̃‖² ≤ ``levelFloor`` · ‖x‖²; or x̃ is small, ‖x̃‖² ≤ ``recheckRatio`` · ‖x‖², and
///    absorbing u = x̃/‖x̃‖ a second time leaves ‖M u‖² ≤ ``reabsorbedFraction``. A column in the span of
///    the fixed effects has x̃ = D(α − α̂), the demeaning's own convergence error, which is again in the
///    span and disappears; a column with a small but real within variation (log(5e4 + noise)) keeps it.
/// 2. **Collinear with the regressors before it**: with z = x̃/‖x̃‖ the scaled working columns and
///    C = ZᵀZ their correlation-like cross-product matrix, regressor j is dropped when the part of z_j
///    the kept z before it do not explain, 1 − c_jKᵀ C_KK⁻¹ c_jK (the squared pivot of a Cholesky
///    factorization of C in formula order), is at most `tolerance`. This is the fraction of the
///    column's own within variation that is new, whatever its units or level.
struct Collinearity {
    /// ‖x̃‖² ≤ 1e-24 ‖x‖²: the working column is below 1e-12 of the column's level, i.e. within a few
    /// thousand units in the last place of the raw values.
    static let levelFloor = 1e-24
    /// Working columns this small relative to the raw column are absorbed a second time.
    static let recheckRatio = 1e-6
    /// The share of a normalized working column that must survive the second absorption.
    static let reabsorbedFraction = 1e-6

    /// What the working columns were cleared of.
    enum Absorption {
        /// Demeaned by these fixed effects (names as in the formula).
        case fixedEffects(FixedEffectsSolver, DemeaningOptions, names: [String])
        /// Centred: no fixed effects, an intercept.
        case intercept
        /// Neither fixed effects nor an intercept: the working columns are the raw ones.
        case nothing
    }

    let absorption: Absorption
    /// The largest unexplained fraction (step 2) at which a regressor still counts as collinear.
    let tolerance: Double

    /// The indices of `working` to keep, in order, and a reason for each one dropped.
    /// - Parameters:
    ///   - working: the working columns (see the type's documentation), the intercept excluded.
    ///   - raw: the same regressors before demeaning or centring.
    ///   - names: their names.
    ///   - gram: WᵀW of the working columns when the caller has it (computed here otherwise).
    func select(working: [[Double]], raw: [[Double]], names: [String], gram: Matrix? = nil) throws
        -> (kept: [Int], dropped: [DroppedRegressor]) {
        let absorbed = try absorbedColumns(working: working, raw: raw)
        let gram = gram ?? FixedEffectsOLS.crossProducts(working)
        var kept: [Int] = [], dropped: [DroppedRegressor] = []
        var cholesky: [[Double]] = []   // row a: the factor's column entries R[a][·] of the kept columns
        for j in working.indices {
            if absorbed[j] {
                dropped.append(DroppedRegressor(name: names[j], reason: absorbedReason))
                continue
            }
            let norm = gram[j, j].squareRoot()
            // r_a = (c_aj − Σ_{b<a} R_b,a R_b,j) / R_a,a over the kept columns, then 1 − Σ r_a².
            var column: [Double] = []
            var unexplained = 1.0
            for (position, index) in kept.enumerated() {
                var value = gram[index, j] / (gram[index, index].squareRoot() * norm)
                for earlier in 0..<position { value -= cholesky[earlier][position] * column[earlier] }
                value /= cholesky[position][position]
                column.append(value)
                unexplained -= value * value
            }
            if unexplained <= tolerance {
                dropped.append(DroppedRegressor(
                    name: names[j], reason: "collinear with \(kept.map { names[$0] }.joined(separator: ", "))"))
                continue
            }
            // Extend the factor: column `kept.count` of R is (column, √unexplained).
            for position in kept.indices { cholesky[position].append(column[position]) }
            cholesky.append([Double](repeating: 0, count: kept.count) + [unexplained.squareRoot()])
            kept.append(j)
        }
        return (kept, dropped)
    }

    /// Why an absorbed column is dropped.
    var absorbedReason: String {
        switch absorption {
        case .fixedEffects(_, _, let names): return "collinear with the fixed effects \(names.joined(separator: " + "))"
        case .intercept: return "is constant (collinear with the intercept)"
        case .nothing: return "has no variation (all zero)"
        }
    }

    /// Step 1 for every column.
    func absorbedColumns(working: [[Double]], raw: [[Double]]) throws -> [Bool] {
        var absorbed = [Bool](repeating: false, count: working.count)
        var recheck: [Int] = [], normalized: [[Double]] = []
        for j in working.indices {
            let own = FixedEffectsOLS.squaredNorm(working[j]), level = FixedEffectsOLS.squaredNorm(raw[j])
            if own <= Self.levelFloor * level || own == 0 {
                absorbed[j] = true
            } else if own <= Self.recheckRatio * level {
                let scale = 1 / own.squareRoot()
                recheck.append(j)
                normalized.append(working[j].map { $0 * scale })
            }
        }
        guard !recheck.isEmpty else { return absorbed }
        let again: [[Double]]
        switch absorption {
        case .fixedEffects(let solver, let options, _):
            do { again = try solver.demean(normalized, options: options).columns } catch {
                throw EstimationError.degenerate(estimator: "OLS", reason: "collinearity check: \(error)")
            }
        case .intercept:
            again = normalized.map { Self.centred($0).values }
        case .nothing:
            return absorbed
        }
        for (j, column) in zip(recheck, again) where FixedEffectsOLS.squaredNorm(column) <= Self.reabsorbedFraction {
            absorbed[j] = true
        }
        return absorbed
    }

    /// x − x̄ with the mean computed in two passes (the second corrects the first's rounding), so a
    /// constant column centres to exact zeros or to a few units in the last place.
    static func centred(_ column: [Double]) -> (values: [Double], mean: Double) {
        guard !column.isEmpty else { return ([], 0) }
        let count = Double(column.count)
        var mean = column.reduce(0, +) / count
        mean += column.reduce(0) { $0 + ($1 - mean) } / count
        return (column.map { $0 - mean }, mean)
    }
}
