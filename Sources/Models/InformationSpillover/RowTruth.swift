/// The truth columns of one row.
struct RowTruth {
    /// δ, eq. (9).
    var delta: Double
    /// n^nb.
    var localCount: Double
    /// n^oth.
    var otherCount: Double
    /// ∂ ln r/∂ȳ^oth.
    var slopeOther: Double
    /// ∂ ln r/∂ȳ^nb.
    var slopeLocal: Double
}
