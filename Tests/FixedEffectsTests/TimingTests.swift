import FixedEffects
import Foundation
import Testing
import TestSupport

/// Timing of the paper-003-like problem at 1M rows, run only on request (tag `timing`):
/// `bash scripts/test.sh --tags timing -c release --filter TimingTests`.
/// Prints the seconds; there is deliberately no threshold (shared build machines vary).
@Suite("Timing", .tags(.timing), .optIn)
struct TimingTests {
    @Test func demeanTwoColumnsWithThreeFactorsOfOneMillionRows() throws {
        var generator = SplitMix64(seed: 2026)
        let rows = 1_000_000
        var plant = [Int](), year = [Int](), destination = [Int](), city = [Int]()
        for _ in 0..<rows {
            let p = generator.integer(below: 25_000)
            plant.append(p)
            city.append(p % 300)
            year.append(generator.integer(below: 12))
            destination.append(generator.integer(below: 120))
        }
        let plantYear = FactorCodes.encode(name: "plant", integers: plant)
            .interacted(with: FactorCodes.encode(name: "year", integers: year))
        let destinationYear = FactorCodes.encode(name: "dest", integers: destination)
            .interacted(with: FactorCodes.encode(name: "year", integers: year))
        let cityDestination = FactorCodes.encode(name: "city", integers: city)
            .interacted(with: FactorCodes.encode(name: "dest", integers: destination))
        let factors = [plantYear, destinationYear, cityDestination]
        let y = (0..<rows).map { i in Double(year[i]) * 0.1 + generator.normal() }
        let x = (0..<rows).map { i in Double(destination[i]) * 0.01 + generator.normal() }

        let setupStart = Date()
        let solver = try FixedEffectsSolver(factors: factors)
        let setup = Date().timeIntervalSince(setupStart)
        let start = Date()
        let (demeaned, report) = try solver.demean([y, x])
        let elapsed = Date().timeIntervalSince(start)
        print("FE timing: rows \(rows), levels \(factors.map(\.levelCount)), setup \(setup) s, demean 2 columns \(elapsed) s, iterations \(report.iterations)")
        #expect(report.converged)
        #expect(largestGroupSum(demeaned[0], factors: factors) < 1e-4)
    }
}
