import Foundation

/// One product on a multi-product firm's cost ladder (consistent variant).
public struct ProductLadderRung: Sendable, Codable, Equatable {
    /// n = 1, 2, …: the core product is n = 1.
    public let product: Int
    /// c/ω^{n−1}: the marginal cost draw of product n (rises in n because ω < 1).
    public let cost: Double
    /// λ_n = ϕ (c_D − c/ω^{n−1}).
    public let quality: Double
    /// Δλ_n = λ_F − λ_n = ϕ c/ω^{n−1}.
    public let distance: Double
}

/// The products a firm with core cost c makes, their qualities and their distances to the frontier
/// (the paper's multi-product extension, eq. (15), consistent reading).
///
/// Product n costs c/ω^{n−1} with 0 < ω < 1, so later (non-core) products are costlier, and it is
/// made while c/ω^{n−1} < c_D and n ≤ N. Each product's quality solves the single-product problem,
/// λ_n = ϕ (c_D − c/ω^{n−1}), and the frontier (c → 0) makes every product at λ_F = ϕ c_D.
///
/// **Proposition 5, stated honestly.** Δλ_n = ϕ c/ω^{n−1} *rises* in n whenever ϕ > 0 and c > 0:
/// a firm's added products lie further from the frontier, not closer, so adding varieties does
/// not narrow the quality distance product by product. (The paper's claim that Δλ falls in n
/// needs ϕ < 0, which contradicts its own (12); notes §2.5.) The paper's eq. (15) also scales μλ
/// by σ^{n−1}; here only the cost draw moves along the ladder, so ϕ is the same for every product.
public struct ProductLadder: Sendable, Codable, Equatable {
    /// c, the firm's core cost draw.
    public let coreCost: Double
    /// The products made, n = 1…productCount (empty when c ≥ c_D).
    public let rungs: [ProductLadderRung]

    /// How many products the firm makes: the largest n ≤ N with c/ω^{n−1} < c_D.
    public var productCount: Int { rungs.count }
    public var qualities: [Double] { rungs.map(\.quality) }
    public var distances: [Double] { rungs.map(\.distance) }

    /// The ladder of a firm with core cost `coreCost` in `equilibrium`.
    public init(coreCost: Double, equilibrium: QualityLadderEquilibrium) {
        let p = equilibrium.parameters
        self.coreCost = coreCost
        var rungs: [ProductLadderRung] = []
        var cost = coreCost
        for n in 1...max(p.maximumProducts, 1) {
            guard cost < equilibrium.costCutoff else { break }
            let quality = equilibrium.quality(cost: cost)
            rungs.append(ProductLadderRung(product: n, cost: cost, quality: quality,
                                           distance: equilibrium.frontierQuality - quality))
            cost /= p.ladderCostFactor
        }
        self.rungs = rungs
    }
}

extension QualityLadderEquilibrium {
    /// The product ladder of a firm with core cost `cost`.
    public func productLadder(cost: Double) -> ProductLadder {
        ProductLadder(coreCost: cost, equilibrium: self)
    }
}
