import Foundation
import PanelData
import Testing
import TestSupport
@testable import Measures

/// The composite indices against the numpy/scipy oracle (validation/indices_numpy.py,
/// Tests/Fixtures/indices/indices.json): entropy and PCA indices and the projection index Q(a)
/// to 1e-10 relative; the RAGA and multi-start maxima at least scipy's maximum less 1e-9 relative.
@Suite struct CompositeIndexOracleTests {
    static let names = ["postal", "penetration", "cable", "exchange"]

    /// The fixture and the panel it was computed on (read through the CSV reader, as the CLI does).
    static func load() throws -> (fixture: OracleFixture, values: [[Double]], years: [Int]) {
        let fixture = try OracleFixture(oracle: "indices", name: "indices")
        let data = try CSVReader.read(path: try fixture.csvPath())
        let columns = try names.map { try data.doubles($0) }
        let values = (0..<data.rowCount).map { row in columns.map { $0[row] } }
        return (fixture, values, try data.ints("year"))
    }

    static func close(_ actual: Double, _ expected: Double, relative: Double = 1e-10) -> Bool {
        abs(actual - expected) <= relative * max(1, abs(expected))
    }

    static func closeAll(_ actual: [Double], _ expected: [Double], relative: Double = 1e-10) -> Bool {
        actual.count == expected.count && zip(actual, expected).allSatisfy { close($0, $1, relative: relative) }
    }

    @Test func entropyIndexMatchesNumpy() throws {
        let (fixture, values, years) = try Self.load()
        let cases: [[String: Any]] = try fixture.value("entropy")
        #expect(cases.count == 2)
        for item in cases {
            let panel = try IndicatorPanel(indicatorNames: Self.names, values: values, years: years,
                                           negativeIndicators: Set(item["negative"] as? [String] ?? []))
            var options = EntropyWeightIndex.Options()
            options.shift = try #require(item["shift"] as? Double)
            options.byYear = try #require(item["by_year"] as? Bool)
            let result = try EntropyWeightIndex.compute(panel, options: options)
            let name = item["name"] as? String ?? "?"
            #expect(Self.closeAll(result.index, try #require(item["index"] as? [Double])), "entropy \(name): index")
            let samples = try #require(item["samples"] as? [[String: Any]])
            #expect(samples.count == result.samples.count)
            for (expected, actual) in zip(samples, result.samples) {
                #expect(Self.closeAll(actual.weights, try #require(expected["weights"] as? [Double])), "entropy \(name): weights")
                #expect(Self.closeAll(actual.entropy, try #require(expected["entropy"] as? [Double])), "entropy \(name): e_j")
                #expect(actual.year == expected["year"] as? Int)
            }
        }
    }

    @Test func principalComponentIndexMatchesNumpy() throws {
        let (fixture, values, years) = try Self.load()
        let cases: [[String: Any]] = try fixture.value("pca")
        #expect(cases.count == 3)
        for item in cases {
            let panel = try IndicatorPanel(indicatorNames: Self.names, values: values, years: years,
                                           negativeIndicators: Set(item["negative"] as? [String] ?? []))
            var options = PrincipalComponentIndex.Options()
            options.byYear = try #require(item["by_year"] as? Bool)
            switch item["rule"] as? String {
            case "eigenvalue": options.retention = .eigenvalueAbove(try #require(item["parameter"] as? Double))
            case "share": options.retention = .cumulativeShare(try #require(item["parameter"] as? Double))
            default: options.retention = .count(try #require(item["parameter"] as? Int))
            }
            let result = try PrincipalComponentIndex.compute(panel, options: options)
            let name = item["name"] as? String ?? "?"
            #expect(Self.closeAll(result.index, try #require(item["index"] as? [Double])), "pca \(name): index")
            let samples = try #require(item["samples"] as? [[String: Any]])
            #expect(samples.count == result.samples.count)
            for (expected, actual) in zip(samples, result.samples) {
                #expect(Self.closeAll(actual.eigenvalues, try #require(expected["eigenvalues"] as? [Double])), "pca \(name): λ")
                let loadings = try #require(expected["loadings"] as? [[Double]])
                #expect(loadings.count == actual.loadings.count, "pca \(name): retained components")
                for (row, other) in zip(actual.loadings, loadings) { #expect(Self.closeAll(row, other), "pca \(name): loadings") }
                #expect(Self.closeAll(actual.indicatorWeights, try #require(expected["indicator_weights"] as? [Double])))
            }
        }
    }

    @Test func projectionIndexMatchesNumpyAtFixedDirections() throws {
        let (fixture, values, years) = try Self.load()
        let panel = try IndicatorPanel(indicatorNames: Self.names, values: values, years: years)
        let groups = Dictionary(uniqueKeysWithValues: panel.groups().map { ($0.year ?? 0, $0.rows) })
        let cases: [[String: Any]] = try fixture.value("objective")
        #expect(cases.count == 5 * 4 * 4 * 2)
        for item in cases {
            let year = try #require(item["year"] as? Int)
            let normalized = try panel.minMaxNormalized(rows: try #require(groups[year]), year: year, shift: 0.01)
            let constant = try #require(item["radius_value"] as? Double)
            let radius: ProjectionPursuitObjective.WindowRadius = switch item["radius"] as? String {
            case "sd": .fractionOfStandardDeviation(constant)
            case "max": .fractionOfMaximumDistance(constant)
            default: .fixed(constant)
            }
            let pairs: ProjectionPursuitObjective.PairConvention = item["pairs"] as? String == "all" ? .allOrderedPairs : .distinctUnorderedPairs
            let objective = ProjectionPursuitObjective(normalized: normalized, radius: radius, pairs: pairs)
            let evaluation = objective.evaluate(try #require(item["direction"] as? [Double]))
            let label = "\(year) \(item["radius"] ?? "") \(constant) \(item["pairs"] ?? "")"
            #expect(Self.close(evaluation.objective, try #require(item["objective"] as? Double)), "Q \(label)")
            #expect(Self.close(evaluation.localDensity, try #require(item["local_density"] as? Double)), "D_z \(label)")
            #expect(Self.close(evaluation.standardDeviation, try #require(item["standard_deviation"] as? Double)), "S_z \(label)")
            #expect(Self.close(evaluation.radius, try #require(item["window"] as? Double)), "R \(label)")
        }
        // Eq. (14)–(15): the first region of each year, normalised, as numpy has it.
        let maximum: [String: Any] = try fixture.value("maximum")
        for item in try #require(maximum["years"] as? [[String: Any]]) {
            let year = try #require(item["year"] as? Int)
            let normalized = try panel.minMaxNormalized(rows: try #require(groups[year]), year: year, shift: 0.01)
            #expect(Self.closeAll(normalized[0], try #require(item["normalized_first_row"] as? [Double])))
        }
    }

    /// RAGA (default settings) and the multi-start optimiser each reach scipy's maximum of Q per year
    /// (differential evolution and 200-start Nelder–Mead, the best of both) to 1e-9 relative, and agree.
    @Test func bothOptimisersReachScipyMaximum() throws {
        let (fixture, values, years) = try Self.load()
        let panel = try IndicatorPanel(indicatorNames: Self.names, values: values, years: years)
        let result = try ProjectionPursuitIndex.compute(panel)
        let maximum: [String: Any] = try fixture.value("maximum")
        let expected = try #require(maximum["years"] as? [[String: Any]])
        #expect(expected.count == result.years.count)
        for (item, year) in zip(expected, result.years) {
            let scipyMaximum = try #require(item["objective"] as? Double)
            #expect(year.year == item["year"] as? Int)
            let tolerance = 1e-9 * scipyMaximum
            #expect(year.evaluation.objective >= scipyMaximum - tolerance, "RAGA \(year.year ?? 0): \(year.evaluation.objective) < \(scipyMaximum)")
            let check = try #require(year.multiStart)
            #expect(check.value >= scipyMaximum - tolerance, "multi-start \(year.year ?? 0): \(check.value) < \(scipyMaximum)")
            #expect(year.optimisersAgree)
            #expect(year.direction.allSatisfy { $0 >= 0 })
            #expect(Self.close(year.direction.reduce(0) { $0 + $1 * $1 }, 1, relative: 1e-12))
            #expect(Self.closeAll(year.direction, try #require(item["direction"] as? [Double]), relative: 1e-5),
                    "direction \(year.year ?? 0): \(year.direction)")
        }
        // INTER = z = X a (eq. 19), positive since a ≥ 0 and x ≥ 0.01.
        #expect(result.index.allSatisfy { $0 > 0 && $0.isFinite })
    }
}
