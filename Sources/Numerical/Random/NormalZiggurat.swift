import Foundation

/// Standard normal draws from a ``PhiloxStream`` by the ziggurat method of Marsaglia and Tsang
/// ("The ziggurat method for generating random variables", J. Statistical Software 5(8), 2000),
/// with 256 layers.
///
/// ## Layers
/// With f(x) = e^{−x²/2}, r = 3.6541528853610088 and v = r f(r) + ∫_r^∞ f (the common area of every
/// layer, ≈ 0.0049286732339747), the edges are x₁ = r, x₀ = v / f(r), x_{i+1} = f⁻¹(f(xᵢ) + v / xᵢ)
/// for i = 1…254 and x₂₅₆ = 0. Layer i ≥ 1 is the rectangle [0, xᵢ] × [f(xᵢ), f(x_{i+1})]; layer 0
/// is the base [0, r] × [0, f(r)] together with the tail beyond r.
///
/// ## One draw
/// A 64-bit output b of the stream is split into disjoint bit fields: the layer i = b mod 256,
/// the sign from bit 8, and u = ⌊b / 2¹¹⌋ · 2⁻⁵³ in [0, 1) from the top 53 bits. With z = u xᵢ:
/// if z < x_{i+1} the point lies under the curve and ±z is returned (≈ 99% of draws). Otherwise,
/// for i ≥ 1, a fresh uniform U gives y = f(xᵢ) + U (f(x_{i+1}) − f(xᵢ)), and ±z is accepted when
/// y < f(z); for i = 0, the tail is sampled by Marsaglia's method (a = −ln U₁ / r, c = −ln U₂ until
/// 2c > a², then r + a). A rejection starts over with a new 64-bit output. Uniforms are
/// ``PhiloxStream/nextUniform()`` draws on (0, 1).
///
/// The edges are computed once, in `Double`, by the recursion above (the last layer closes to
/// within 4·10⁻¹⁵).
public struct NormalZiggurat: Sendable {
    /// x₀ … x₂₅₆.
    @usableFromInline let edges: [Double]
    /// f(x₀) … f(x₂₅₆), with f(x₀) = f(r) for the base layer.
    @usableFromInline let heights: [Double]

    /// The right edge r of the base layer's rectangle (the start of the tail).
    public static let tailStart = 3.6541528853610088

    /// The shared table.
    public static let standard = NormalZiggurat()

    private init() {
        let r = NormalZiggurat.tailStart
        func density(_ x: Double) -> Double { exp(-0.5 * x * x) }
        let area = r * density(r) + (Double.pi / 2).squareRoot() * erfc(r / 2.0.squareRoot())
        var edges = [Double](repeating: 0, count: 257)
        edges[0] = area / density(r)
        edges[1] = r
        for layer in 1..<255 {
            let height = density(edges[layer]) + area / edges[layer]
            edges[layer + 1] = (-2 * log(min(height, 1))).squareRoot()
        }
        edges[256] = 0
        self.edges = edges
        var heights = edges.map(density)
        heights[0] = density(r)
        self.heights = heights
    }

    /// One standard normal draw.
    @inlinable
    public func sample(_ stream: inout PhiloxStream) -> Double {
        while true {
            let bits = stream.next()
            let layer = Int(truncatingIfNeeded: bits & 0xff)
            let magnitude = Double(bits >> 11) * 0x1p-53 * edges[layer]
            let negative = bits & 0x100 != 0
            if magnitude < edges[layer + 1] { return negative ? -magnitude : magnitude }
            if let accepted = edgeCase(layer: layer, magnitude: magnitude, stream: &stream) {
                return negative ? -accepted : accepted
            }
        }
    }

    /// The rare path: the wedge test of layer ≥ 1, or the tail of layer 0; nil to start over.
    @usableFromInline
    func edgeCase(layer: Int, magnitude: Double, stream: inout PhiloxStream) -> Double? {
        if layer == 0 {
            let r = NormalZiggurat.tailStart
            while true {
                let excess = -log(stream.nextUniform()) / r
                let check = -log(stream.nextUniform())
                if check + check > excess * excess { return r + excess }
            }
        }
        let height = heights[layer] + stream.nextUniform() * (heights[layer + 1] - heights[layer])
        return height < exp(-0.5 * magnitude * magnitude) ? magnitude : nil
    }

    /// Fills `output` with standard normal draws, in order.
    public func fill(_ output: UnsafeMutableBufferPointer<Double>, from stream: inout PhiloxStream) {
        for index in output.indices { output[index] = sample(&stream) }
    }
}
