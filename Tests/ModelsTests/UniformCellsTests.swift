import Numerical
import Testing
@testable import Models

/// The integer thresholds of the allocation-efficiency simulator decide exactly as the uniforms do.
@Suite("uniform cells")
struct UniformCellsTests {
    @Test("cell ≤ atMost(B) ⇔ U ≤ B and cell ≥ atLeast(B) ⇔ U ≥ B, at and around every bound")
    func thresholdsMatchUniforms() {
        var stream = PhiloxStream(key0: 12, key1: 34)
        var bounds: [Double] = [0, 0x1p-54, 0x1p-53, 0x1p-52, 1 - 0x1p-53, 1 - 0x1p-54, 1, 1.5, -0.5, 0.3, 0.45, 0.7]
        for _ in 0..<200 { bounds.append(stream.nextUniform()) }
        // Bounds that are themselves uniforms, and the doubles next to them.
        let exact = bounds.filter { $0 > 0 && $0 < 1 }.map { PhiloxStream.uniform(UInt64($0 * 0x1p52) << 12) }
        bounds += exact + exact.map(\.nextUp) + exact.map(\.nextDown)
        for bound in bounds {
            let below = UniformCells.atMost(bound), above = UniformCells.atLeast(bound)
            var cells: [Int64] = [0, 1, (1 << 52) - 1, (1 << 52) - 2, below, below + 1, below - 1, above, above + 1, above - 1]
            for _ in 0..<50 { cells.append(UniformCells.cell(stream.next())) }
            for cell in cells where cell >= 0 && cell < 1 << 52 {
                let uniform = PhiloxStream.uniform(UInt64(cell) << 12)
                #expect((cell <= below) == (uniform <= bound), "atMost(\(bound)), cell \(cell)")
                #expect((cell >= above) == (uniform >= bound), "atLeast(\(bound)), cell \(cell)")
            }
        }
    }

    @Test("categories follow the cumulative probabilities; zero-probability categories are never chosen")
    func categories() {
        let cumulative = [0.3, 0.3, 0.75]  // P = (0.3, 0, 0.45, 0.25)
        let thresholds = cumulative.map(UniformCells.atLeast)
        var stream = PhiloxStream(key0: 1, key1: 2)
        var counts = [0, 0, 0, 0]
        for _ in 0..<100_000 {
            let bits = stream.next()
            let m = UniformCells.category(of: UniformCells.cell(bits), thresholds: thresholds)
            let uniform = PhiloxStream.uniform(bits)
            #expect(m == (cumulative.firstIndex { uniform < $0 } ?? 3) + 1)
            counts[m - 1] += 1
        }
        #expect(counts[1] == 0)
        #expect(abs(Double(counts[0]) / 100_000 - 0.3) < 0.01)
    }
}
