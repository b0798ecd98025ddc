import Estimation
import Numerical
import PanelData
import Testing
import TestSupport

/// The covariances panel FMOLS stores for functions of several slopes (a ratio's delta method): each
/// unit's ω₁.₂ (Z'Z)⁻¹, the group mean's N⁻² Σ V_i and the pooled sandwich, on `arch`'s fixture panels.
/// Each is symmetric and its diagonal is the square of the standard errors the oracle tests check.
@Suite("FMOLS covariance")
struct FMOLSCovarianceTests {
    static func relative(_ a: Double, _ b: Double) -> Double { abs(a - b) / max(abs(b), 1e-300) }

    static func isSymmetric(_ matrix: Matrix) -> Bool {
        (0..<matrix.rows).allSatisfy { a in (0..<matrix.columns).allSatisfy { b in matrix[a, b] == matrix[b, a] } }
    }

    @Test("unit, group-mean and pooled covariances are symmetric with diagonal SE² (1e-14), for every kernel and bandwidth",
          arguments: FMOLSOracleTests.fixtures)
    func diagonalIsSquaredStandardErrors(_ name: String) throws {
        let fixture = try OracleFixture(oracle: "arch", name: name)
        for entry in try fixture.cases() {
            for method in FMOLSMethod.allCases {
                let result = try FMOLSOracleTests.estimate(fixture, try FMOLSOracleTests.options(entry, method: method))
                for unit in result.units {
                    #expect(unit.covariance.rows == 3 && unit.covariance.columns == 3)
                    #expect(Self.isSymmetric(unit.covariance), "\(name) \(unit.unit)")
                    for j in 0..<3 {
                        // The unit SEs are the square roots of the diagonal, so the squares agree to one rounding.
                        #expect(Self.relative(unit.standardErrors[j] * unit.standardErrors[j], unit.covariance[j, j]) < 1e-14)
                        #expect(unit.standardErrors[j] == unit.covariance[j, j].squareRoot())
                    }
                }
                let units = Double(result.units.count)
                for (label, estimate) in [("group mean", result.groupMean), ("pooled", result.pooled)] {
                    #expect(estimate.covariance.rows == 2 && estimate.covariance.columns == 2)
                    #expect(Self.isSymmetric(estimate.covariance), "\(name) \(label)")
                    #expect(estimate.covariance[0, 1] != 0, "\(name) \(label): x1 and x2 are correlated")
                    for j in 0..<2 {
                        let squared = estimate.standardErrors[j] * estimate.standardErrors[j]
                        #expect(Self.relative(estimate.covariance[j, j], squared) < 1e-14,
                                "\(name) \(label) \(j): \(estimate.covariance[j, j]) vs \(squared)")
                    }
                }
                // The group mean's covariance is the unit covariances' slope blocks averaged with weights 1/N².
                for a in 0..<2 {
                    for b in 0..<2 {
                        let sum = result.units.reduce(0) { $0 + $1.covariance[a, b] }
                        #expect(Self.relative(result.groupMean.covariance[a, b], sum / (units * units)) < 1e-14)
                    }
                }
            }
        }
    }

    /// V_i = ω₁.₂ (Z_i'Z_i)⁻¹ with Z_i = [x1, x2, 1] on rows 2 … T of the unit, from the CSV and arch's ω₁.₂.
    @Test("a unit's covariance is arch's ω₁.₂ times the inverse cross product of its regressors on rows 2 … T")
    func unitCovarianceFromData() throws {
        let fixture = try OracleFixture(oracle: "arch", name: "fmols_balanced")
        let entry = try #require(try fixture.cases().first)
        let result = try FMOLSOracleTests.estimate(fixture, try FMOLSOracleTests.options(entry))
        let data = try CSVReader.read(path: fixture.csvPath())
        let panel = try PanelStructure(data, unit: "id", time: "year")
        let x1 = try data.doubles("x1"), x2 = try data.doubles("x2")
        let expectedUnits = try #require(entry["units"] as? [[String: Any]])
        #expect(!result.units.isEmpty)
        for unit in result.units {
            let code = try #require(panel.unitLabels.firstIndex(of: unit.unit))
            let rows = panel.rows(ofUnit: code).sorted { panel.timeOfRow[$0] < panel.timeOfRow[$1] }.dropFirst()
            var elements: [Double] = []
            for row in rows { elements += [x1[row], x2[row], 1] }
            let z = try Matrix(rows: rows.count, columns: 3, elements: elements)
            let inverse = try z.gram().inverse()
            let omega = try #require(expectedUnits.first { $0["unit"] as? String == unit.unit }?["omega_1_2"] as? Double)
            for a in 0..<3 {
                for b in 0..<3 {
                    let scale = omega * (inverse[a, a] * inverse[b, b]).squareRoot()
                    #expect(abs(unit.covariance[a, b] - omega * inverse[a, b]) < 1e-6 * scale,
                            "\(unit.unit) [\(a), \(b)]: \(unit.covariance[a, b]) vs \(omega * inverse[a, b])")
                }
            }
        }
    }
}
