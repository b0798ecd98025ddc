import Models
import Testing

/// Knowledge breadth of paper 004's Table 9, on hand-checked counts.
@Suite("knowledge breadth (Table 9)")
struct KnowledgeBreadthTests {
    @Test("knowledge breadth is 1 − HHI of the class counts")
    func knowledgeBreadth() {
        // Shares ½, ¼, ¼: HHI = ¼ + 1/16 + 1/16 = 3/8.
        #expect(abs(KnowledgeBreadth.oneMinusHHI([2, 1, 1, 0]) - 0.625) < 1e-15)
        #expect(KnowledgeBreadth.oneMinusHHI([5, 0, 0]) == 0)
        #expect(abs(KnowledgeBreadth.oneMinusHHI([1, 1, 1, 1]) - 0.75) < 1e-15)
        #expect(KnowledgeBreadth.oneMinusHHI([0, 0]).isNaN)
    }
}
