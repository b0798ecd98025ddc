extension InformationSpilloverParameters {
    /// How eq. (8) of paper 003 is read (`variant`).
    public enum Variant: String, Sendable, Codable, CaseIterable {
        /// The count-weighted normal–normal posterior of §2.4 of the notes; ∂ln r/∂ȳ^oth = δ n^oth/n.
        case consistent
        /// Eq. (8) literally with group means; ∂ln r/∂ȳ^oth = δ as printed in (12), not a posterior.
        case asPrinted = "as-printed"
    }

    /// Whether the level d_m,t−1 becomes public at the end of each year (`revelation`).
    public enum Revelation: String, Sendable, Codable, CaseIterable {
        /// Published yearly: P_i,t−1 = 0, every year is the paper's static problem.
        case annual
        /// Never published: the level variance P accumulates along the Kalman filter.
        case none
    }

    /// Whether the plant's own variance v_z enters the lognormal correction of eq. (11) (`own_variance`).
    public enum OwnVariance: String, Sendable, Codable, CaseIterable {
        /// V = P_it, eq. (11) as printed.
        case exclude
        /// V = P_it + v_z, the plant's own z_im (§2.4 of the notes).
        case include
    }

    /// Which constant ξ of eq. (1) (`xi`).
    public enum XiConvention: String, Sendable, Codable, CaseIterable {
        /// ξ = (σ−1)^{σ−1}/σ^σ, the Melitz-consistent constant.
        case melitz
        /// ξ = [σ((σ−1)/σ)^{σ−1}]^{−1}, as the extracted text reads.
        case asPrinted = "as-printed"
    }
}
