import Numerical

/// A panel FMOLS estimate of the k slopes (the unit intercepts are not pooled).
public struct FMOLSPanelEstimate: Sendable, Equatable {
    /// β̂ (k).
    public let coefficients: [Double]
    /// Standard errors (k): group-mean √(Σ_i se_i²)/N; pooled the sandwich
    /// √diag(A⁻¹ (Σ_i ω₁.₂,i X̃_i'X̃_i) A⁻¹), A = Σ_i X̃_i'X̃_i.
    public let standardErrors: [Double]
    /// t statistics against 0 (k): group-mean Pedroni's N^{-1/2} Σ_i t_i; pooled β̂ / se.
    public let tStatistics: [Double]
    /// The covariance of `coefficients` (k × k, symmetric), whose diagonal is the square of `standardErrors`:
    /// group-mean N⁻² Σ_i V_i with V_i the slopes' block of unit i's ω₁.₂,i (Z_i'Z_i)⁻¹ (the units treated as
    /// independent, as the group-mean standard error does); pooled the sandwich A⁻¹ (Σ_i ω₁.₂,i X̃_i'X̃_i) A⁻¹.
    /// For functions of several slopes, e.g. a ratio's delta-method standard error.
    public let covariance: Matrix
}

/// A unit left out of the panel estimate, and why.
public struct DroppedFMOLSUnit: Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        /// Fewer than `FMOLSOptions.minimumPeriods` periods.
        case tooFewPeriods
        /// A singular design or long-run covariance (e.g. a regressor constant within the unit).
        case degenerate(String)
    }
    public let unit: String
    public let periods: Int
    public let reason: Reason

    public init(unit: String, periods: Int, reason: Reason) {
        self.unit = unit
        self.periods = periods
        self.reason = reason
    }
}

/// Panel FMOLS: every unit's estimate, Pedroni's group-mean and the pooled estimator.
public struct PanelFMOLSResult: Sendable, Equatable {
    /// The regressors' names (formula order); unit coefficients add `(Intercept)` last.
    public let regressorNames: [String]
    /// The dependent variable's name.
    public let dependentName: String
    public let options: FMOLSOptions
    /// The units estimated, in order of first appearance in the data.
    public let units: [UnitFMOLSResult]
    /// The units left out.
    public let droppedUnits: [DroppedFMOLSUnit]
    public let groupMean: FMOLSPanelEstimate
    public let pooled: FMOLSPanelEstimate

    /// The estimate `options.method` names.
    public var reported: FMOLSPanelEstimate { options.method == .groupMean ? groupMean : pooled }

    /// Observations used: Σ_i T_i over the units estimated (each unit's first row only enters the first stage).
    public var observations: Int { units.reduce(0) { $0 + $1.periods } }

    /// Periods per unit: (smallest, largest, mean).
    public var periodRange: (minimum: Int, maximum: Int, mean: Double) {
        let periods = units.map(\.periods)
        return (periods.min() ?? 0, periods.max() ?? 0, Double(observations) / Double(max(units.count, 1)))
    }
}
