import Foundation

/// How an equilibrium was computed.
public enum SolutionMethod: String, Sendable, Codable {
    /// The explicit free-entry formula for A_d (valid when every cutoff is interior and exporting is partitioned).
    case closedForm = "closed-form"
    /// Brent root finding on ln A_d, with expected profits by GSL QAGIU quadrature (valid everywhere).
    case numerical
}

/// Cutoffs and masses for one product complexity m.
public struct ComplexityCutoffs: Sendable, Codable, Equatable {
    /// m.
    public let complexity: Int
    /// P(m).
    public let probability: Double
    /// φ*_d(m): the initial productivity φ0 at which π_d = 0 (may lie below φ_min, then every firm of m produces).
    public let domesticCutoff: Double
    /// φ*_x(m): the φ0 above which a firm of complexity m exports.
    public let exportCutoff: Double
    /// Share of entrants of complexity m that produce, (φ_min / max(φ*_d(m), φ_min))^k.
    public let activeShare: Double
    /// Share of entrants of complexity m that export.
    public let exporterShare: Double
}

/// Which closed forms apply at an equilibrium.
public struct EquilibriumRegime: Sendable, Codable, Equatable {
    /// φ*_d(m) ≥ φ_min and φ*_x(m) ≥ φ_min for every m: the Pareto tail is untruncated,
    /// so active firms' domestic sales are exactly Pareto(k/(σ−1), σf).
    public let interiorCutoffs: Bool
    /// The export break-even productivity exceeds the domestic cutoff (only some producers export).
    public let partitioned: Bool
    /// Both: the closed-form A_d and the analytic statics apply.
    public var closedFormApplies: Bool { interiorCutoffs && partitioned }
}

/// The equilibrium of one region's economy at Internet level I: an immutable value.
public struct AllocationEfficiencyEquilibrium: Sendable, Codable, Equatable {
    public let parameters: AllocationEfficiencyParameters
    /// I.
    public let internetLevel: Double
    /// θ = e^I, eq. (4).
    public var allocationEfficiency: Double { exp(internetLevel) }
    /// A_d = (L/σ)(ρP)^{σ−1}, pinned down by zero cutoff profit and free entry.
    public let domesticDemand: Double
    public let method: SolutionMethod
    /// Integrals at the solution computed in closed form because QAGIU quadrature failed (0 normally).
    public let quadratureFallbacks: Int
    /// |E[π] − f_e| / f_e at the solution.
    public let freeEntryResidual: Double
    /// Effective-productivity cutoffs φ*_d and φ*_x (the same for every m).
    public let effectiveDomesticCutoff: Double
    public let effectiveExportCutoff: Double
    /// Cutoffs by complexity, m = 1…M.
    public let cutoffs: [ComplexityCutoffs]
    public let regime: EquilibriumRegime
    /// Share of producing firms that export.
    public let exporterShare: Double
    /// Mean complexity of exporters, Σ m · mass_x(m) / Σ mass_x(m).
    public let meanExporterComplexity: Double
    /// Mean complexity of producing firms.
    public let meanActiveComplexity: Double
    /// m*_x(φ0_ref, I): the (continuous) complexity at which a firm with φ0 = φ0_ref starts to export;
    /// +∞ when θ ≤ κ (complexity does not raise productivity).
    public let referenceExportCutoffComplexity: Double
    /// φ̃ = (E[φ^{σ−1} | producing])^{1/(σ−1)}, Melitz's aggregate (effective) productivity.
    public let aggregateProductivity: Double
    /// W = 1/P = ρ (L / (σ A_d))^{1/(σ−1)}: the real wage, welfare per worker (domestic varieties only).
    public let welfarePerWorker: Double
}
