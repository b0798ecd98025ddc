import Estimation
import Testing
import TestSupport

@Suite("formula parser: fuzzing")
struct FormulaFuzzTests {
    static let seeds = [
        "lnexp ~ dlnaffiliate + dlnaffiliate:lndensity + lndensity | plant^year + dest^year + city^dest",
        "log(y) ~ I(x^2) + sqrt(z)*abs(w) - 1 | fe | d1 + d2 ~ z1 + `z 2`",
        "y ~ x | d ~ z",
        "y ~ 0 + a*b*c",
    ]
    static let pieces: [String] = [
        "~", "|", "+", "-", ":", "*", "^", "(", ")", ",", "`", " ", "0", "1", "2.5", "-1", "x", "I(", "log(",
        "é", "😀", "e\u{301}", "\n", "[", "..", "9999999999999999999999", "^-", "``",
    ]

    @Test("random mutations of valid formulas parse or throw a located FormulaError")
    func mutations() {
        var generator = SplitMix64(state: 20_240_601)
        var parsed = 0
        var rejected = 0
        for iteration in 0..<3000 {
            var characters = Array(Self.seeds[iteration % Self.seeds.count])
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let position = Int.random(in: 0...characters.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0 where position < characters.count:
                    characters.remove(at: position)
                case 1:
                    let piece = Self.pieces.randomElement(using: &generator) ?? "x"
                    characters.insert(contentsOf: Array(piece), at: position)
                default:
                    let end = min(characters.count, position + Int.random(in: 1...6, using: &generator))
                    characters.insert(contentsOf: characters[position..<end], at: position)
                }
            }
            let text = String(characters)
            do {
                let formula = try FormulaParser.parse(text)
                parsed += 1
                let again = try FormulaParser.parse(formula.description)
                #expect(again.regressors == formula.regressors, "round trip of \(text)")
                #expect(again.fixedEffects == formula.fixedEffects, "round trip of \(text)")
            } catch let error as FormulaError {
                rejected += 1
                #expect(error.source == text)
                #expect(error.offset >= 0 && error.offset <= text.count, "offset of \(text)")
                #expect(error.length >= 0 && error.offset + error.length <= text.count, "length of \(text)")
                #expect(!error.description.isEmpty)
            } catch {
                Issue.record("unexpected error type for \(text): \(error)")
            }
        }
        // Both outcomes must be exercised for the test to mean anything.
        #expect(parsed > 100)
        #expect(rejected > 100)
    }
}
