/// The Dumitrescu–Hurlin (2012) panel Granger non-causality test of "x does not Granger-cause y
/// in any unit" against "x Granger-causes y in at least one unit".
///
/// With N units kept, each unit's Wald statistic W_i (``GrangerUnitResult``) and lag order K:
///
///     W̄ = (1/N) Σ W_i
///     Z̄ = √(N / (2K)) (W̄ − K)                                       (DH 2012, eq. 14)
///     Z̃ = √N (W̄ − (1/N) Σ E_i) / √((1/N) Σ V_i)                     (DH 2012, eq. 26; plm's unbalanced form)
///     E_i = K (n_i − 2K − 1) / (n_i − 2K − 3)
///     V_i = 2K (n_i − 2K − 1)² (n_i − K − 3) / ((n_i − 2K − 3)² (n_i − 2K − 5))
///
/// where n_i is unit i's number of regression rows (T_i − K on a series without gaps, T_i its
/// periods: plm's `Ti − 3·order` terms). E_i and V_i are the exact moments of K·F(K, n_i − 2K − 1).
/// Z̃ exists only when every kept unit has n_i > 2K + 5 (plm: `Ti > 5 + 3·order`, else it stops).
/// p-values are two-sided, 2Φ(−|z|), as plm's.
public struct DumitrescuHurlinResult: Sendable, Equatable {
    /// y, the effect (the formula's left side).
    public let effect: String
    /// x, the cause.
    public let cause: String
    /// The panel's unit and time columns.
    public let unitColumn: String
    public let timeColumn: String
    /// K, the lag order every unit's regression uses.
    public let lags: Int
    /// How K was chosen, when it was (`lag_selection`).
    public let lagSelection: GrangerLagSelectionReport?
    /// The units tested, in order of first appearance in the data.
    public let units: [GrangerUnitResult]
    /// Units left out because their regression cannot be estimated, in order of first appearance.
    public let droppedUnits: [GrangerDroppedUnit]
    /// Rows with a missing unit or time, which belong to no unit.
    public let rowsWithoutPanelKey: Int
    /// W̄.
    public let averageWald: Double
    /// Z̄ and its two-sided normal p-value.
    public let zBar: Double
    public let zBarPValue: Double
    /// Z̃ and its p-value; nil when some unit has n_i ≤ 2K + 5 (see `zTildeUnavailable`).
    public let zTilde: Double?
    public let zTildePValue: Double?
    /// Why Z̃ was not computed (the first unit with n_i ≤ 2K + 5 and how many there are), else nil.
    public let zTildeUnavailable: String?

    /// N, the units tested.
    public var unitCount: Int { units.count }

    /// Whether every tested unit has the same periods and regression rows and no gap.
    public var isBalanced: Bool {
        guard let first = units.first else { return true }
        return units.allSatisfy { $0.periods == first.periods && $0.observations == first.observations && $0.gaps == 0 }
    }

    /// The smallest and largest number of periods T_i among the tested units.
    public var periodRange: ClosedRange<Int> {
        let periods = units.map(\.periods)
        return (periods.min() ?? 0)...(periods.max() ?? 0)
    }

    /// The smallest and largest number of regression rows n_i among the tested units.
    public var observationRange: ClosedRange<Int> {
        let observations = units.map(\.observations)
        return (observations.min() ?? 0)...(observations.max() ?? 0)
    }

    /// Σ n_i, the rows of all units' regressions.
    public var totalObservations: Int { units.reduce(0) { $0 + $1.observations } }
}

/// One unit's Granger regression and Wald statistic.
public struct GrangerUnitResult: Sendable, Equatable {
    /// The unit's label as in the data.
    public let unit: String
    /// T_i, the unit's rows with a time (plm's `Ti`).
    public let periods: Int
    /// Missing periods inside the unit's span (last − first + 1 − T_i).
    public let gaps: Int
    /// n_i, the rows where y_t and all K lags of y and x exist.
    public let observations: Int
    /// W_i = β̂′ V̂(β̂)⁻¹ β̂ for the K lags of x, V̂ the OLS covariance s²(X′X)⁻¹ (the χ² form, K times the F statistic).
    public let wald: Double
    /// P(χ²_K > W_i), plm's per-unit p-value.
    public let pValue: Double
}

/// A unit left out of the test.
public struct GrangerDroppedUnit: Sendable, Equatable {
    public let unit: String
    /// T_i and n_i as in ``GrangerUnitResult``.
    public let periods: Int
    public let observations: Int
    public let reason: GrangerDropReason
}

/// Why a unit's regression cannot be estimated.
public enum GrangerDropReason: String, Sendable, Equatable {
    /// n_i ≤ 2K + 1: no residual degree of freedom.
    case tooFewObservations = "too few observations"
    /// A lag is a linear combination of the others and the constant (e.g. x constant in the unit).
    case collinearRegressors = "collinear regressors"
    /// The lags fit y exactly.
    case perfectFit = "perfect fit"
}

/// How the common lag order was chosen.
public struct GrangerLagSelectionReport: Sendable, Equatable {
    public let criterion: InformationCriterion
    /// The largest order considered.
    public let maximumLags: Int
    /// The mean criterion over the units used, for K = 1…maximumLags.
    public let meanCriterion: [Double]
    /// The units whose regressions at the maximum order could be estimated (the criterion's units).
    public let unitCount: Int
    /// The rows of all those units' regressions (the common sample: rows with `maximumLags` lags).
    public let observations: Int
}
