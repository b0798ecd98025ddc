/// Standardizations of an estimated quality (notes §3.1–§3.2).
///
/// KSW quality is a log residual and can be ≤ 0, so ratio distances (Distance_1 = F/q,
/// Distance_2 = (F − q)/F) are ill-defined or flip sign on it. hetfirm therefore defines them on a
/// **positive standardized quality**: the Shi (2014) min–max standardization within product,
/// shifted by a positive offset,
///
///     q⁺_ijmt = offset + (quality_ijmt − min_j)/(max_j − min_j) ∈ [offset, offset + 1],
///
/// with min_j and max_j over the product's defined qualities (all years, destinations, modes).
/// The default offset 1 gives q⁺ ∈ [1, 2], so Distance_1 ∈ [1, 2] and Distance_2 ∈ [0, ½]; the
/// difference Distance = F − q⁺ does not depend on the offset. A product whose defined qualities
/// are all equal gets q⁺ = offset. Undefined (NaN) qualities stay NaN.
public enum QualityStandardization {
    public static func minMaxWithinProduct(_ quality: [Double], products: [Int], offset: Double) -> [Double] {
        minMaxWithinProduct(quality, products: products, offset: offset, rangeOf: quality)
    }

    /// The same map with min_j and max_j taken over `reference` instead (e.g. a noise-free quality put on
    /// the observed quality's scale); values outside the reference range fall outside [offset, offset + 1].
    public static func minMaxWithinProduct(_ quality: [Double], products: [Int], offset: Double,
                                           rangeOf reference: [Double]) -> [Double] {
        var low: [Int: Double] = [:], high: [Int: Double] = [:]
        for (value, product) in zip(reference, products) where value.isFinite {
            low[product] = min(low[product] ?? value, value)
            high[product] = max(high[product] ?? value, value)
        }
        return zip(quality, products).map { value, product in
            guard value.isFinite, let lower = low[product], let upper = high[product] else { return .nan }
            return upper > lower ? offset + (value - lower) / (upper - lower) : offset
        }
    }
}
