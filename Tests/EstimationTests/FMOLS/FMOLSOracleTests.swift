import Estimation
import Foundation
import PanelData
import Testing
import TestSupport

/// Panel FMOLS against `arch`'s `FullyModifiedOLS` (validation/arch_fmols.py): every unit's coefficients
/// (1e-8 relative) and standard errors (1e-6) for each kernel and bandwidth, the group mean (the average of
/// arch's units) and the pooled estimator (an independent numpy reference), on a balanced and an
/// unbalanced, shuffled panel with two units too short to estimate.
@Suite("FMOLS against arch")
struct FMOLSOracleTests {
    static let fixtures = ["fmols_balanced", "fmols_unbalanced"]
    static let names = ["x1", "x2", "const"]

    static func relative(_ a: Double, _ b: Double) -> Double { abs(a - b) / max(abs(b), 1e-300) }

    static func options(_ entry: [String: Any], method: FMOLSMethod = .groupMean) throws -> FMOLSOptions {
        let kernelName = try #require(entry["kernel"] as? String)
        let kernel = try #require(LongRunKernel(rawValue: kernelName))
        let bandwidth: LongRunBandwidth = (entry["bandwidth"] as? Double).map { .fixed($0) } ?? .automatic
        return FMOLSOptions(kernel: kernel, bandwidth: bandwidth, method: method)
    }

    static func estimate(_ fixture: OracleFixture, _ options: FMOLSOptions) throws -> PanelFMOLSResult {
        let data = try CSVReader.read(path: fixture.csvPath())
        let panel = try PanelStructure(data, unit: "id", time: "year")
        return try PanelFMOLS.estimate(data, dependent: .variable("y"), regressors: [.variable("x1"), .variable("x2")],
                                       panel: panel, options: options)
    }

    @Test("unit, group-mean and pooled estimates", arguments: fixtures)
    func fixture(_ name: String) throws {
        let fixture = try OracleFixture(oracle: "arch", name: name)
        let cases = try fixture.cases()
        #expect(cases.count == 7)
        let dropped = try fixture.value("dropped_units", as: [[String: Any]].self)
        for entry in cases {
            let options = try Self.options(entry)
            let label = "\(name) \(options.kernel.rawValue) B=\(options.bandwidth)"
            let result = try Self.estimate(fixture, options)
            let units = try #require(entry["units"] as? [[String: Any]])
            #expect(result.units.count == units.count, "\(label): units")
            #expect(result.droppedUnits.map(\.unit) == dropped.compactMap { $0["unit"] as? String }, "\(label): dropped")
            #expect(result.droppedUnits.allSatisfy { $0.reason == .tooFewPeriods })
            let byLabel = Dictionary(uniqueKeysWithValues: result.units.map { ($0.unit, $0) })
            for expected in units {
                let unitName = try #require(expected["unit"] as? String)
                let ours = try #require(byLabel[unitName], "\(label): unit \(unitName)")
                #expect(ours.periods == expected["periods"] as? Int, "\(label) \(unitName): T")
                #expect(ours.firstTime == expected["first_time"] as? Int, "\(label) \(unitName): first time")
                #expect(ours.bandwidth == expected["bandwidth"] as? Double, "\(label) \(unitName): bandwidth")
                let coefficients = try #require(expected["coefficients"] as? [String: Double])
                let errors = try #require(expected["standard_errors"] as? [String: Double])
                for (index, coefficient) in Self.names.enumerated() {
                    let theirs = try #require(coefficients[coefficient]), se = try #require(errors[coefficient])
                    #expect(Self.relative(ours.coefficients[index], theirs) < 1e-8,
                            "\(label) \(unitName): β \(coefficient) \(ours.coefficients[index]) vs \(theirs)")
                    #expect(Self.relative(ours.standardErrors[index], se) < 1e-6,
                            "\(label) \(unitName): SE \(coefficient) \(ours.standardErrors[index]) vs \(se)")
                }
                let omega = try #require(expected["omega_1_2"] as? Double)
                #expect(Self.relative(ours.conditionalLongRunVariance, omega) < 1e-8, "\(label) \(unitName): ω₁.₂")
            }
            for (key, estimate) in [("group_mean", result.groupMean), ("pooled", result.pooled)] {
                let reference = try #require(entry[key] as? [String: Any])
                let coefficients = try #require(reference["coefficients"] as? [String: Double])
                let errors = try #require(reference["standard_errors"] as? [String: Double])
                for (index, coefficient) in ["x1", "x2"].enumerated() {
                    let theirs = try #require(coefficients[coefficient]), se = try #require(errors[coefficient])
                    #expect(Self.relative(estimate.coefficients[index], theirs) < 1e-8,
                            "\(label) \(key): β \(coefficient) \(estimate.coefficients[index]) vs \(theirs)")
                    #expect(Self.relative(estimate.standardErrors[index], se) < 1e-6,
                            "\(label) \(key): SE \(coefficient) \(estimate.standardErrors[index]) vs \(se)")
                }
                if let t = reference["tstat"] as? [String: Double] {
                    for (index, coefficient) in ["x1", "x2"].enumerated() {
                        #expect(Self.relative(estimate.tStatistics[index], try #require(t[coefficient])) < 1e-6,
                                "\(label) \(key): t \(coefficient)")
                    }
                }
            }
        }
    }

    /// With one unit the pooled estimator is that unit's FMOLS slopes and arch's covariance.
    @Test("pooled on one unit is arch's unit estimate")
    func pooledOneUnit() throws {
        let fixture = try OracleFixture(oracle: "arch", name: "fmols_balanced")
        let entry = try #require(try fixture.cases().first)
        let data = try CSVReader.read(path: fixture.csvPath())
        let whole = try PanelStructure(data, unit: "id", time: "year")
        let code = try #require(whole.unitLabels.firstIndex(of: "u03"))
        let unitData = data.selectingRows(Array(whole.rows(ofUnit: code)))
        let panel = try PanelStructure(unitData, unit: "id", time: "year")
        let result = try PanelFMOLS.estimate(unitData, dependent: .variable("y"), regressors: [.variable("x1"), .variable("x2")],
                                             panel: panel, options: try Self.options(entry, method: .pooled))
        let unit = try #require((entry["units"] as? [[String: Any]])?.first { $0["unit"] as? String == "u03" })
        let coefficients = try #require(unit["coefficients"] as? [String: Double])
        let errors = try #require(unit["standard_errors"] as? [String: Double])
        for (index, name) in ["x1", "x2"].enumerated() {
            #expect(Self.relative(result.pooled.coefficients[index], try #require(coefficients[name])) < 1e-8)
            #expect(Self.relative(result.pooled.standardErrors[index], try #require(errors[name])) < 1e-6)
        }
    }
}
