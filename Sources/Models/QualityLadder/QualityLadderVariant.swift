/// Which reading of paper 004's quality model is reported (scenario key `variant`).
public enum QualityLadderVariant: String, Sendable, Codable, CaseIterable {
    /// Eqs. (4)–(9), (11) and (12)–(14) exactly as printed, with the letter reconstruction of
    /// (1)–(3) in the notes, plus the second-order condition and the regime table.
    case asPrinted = "as-printed"
    /// The well-posed completion: Melitz–Ottaviano demand with quality, convex quality cost
    /// ψ_i λ², the SOC-valid optimum λ_i = ϕ_i (c_D − c_i) and a derived free-entry cutoff.
    case consistent
}
