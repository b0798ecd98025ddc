import Foundation
import Models
import Testing
import TestSupport

/// The numerical equilibrium against an independent scipy solution
/// (fixture from validation/allocation_efficiency_equilibrium.py).
@Suite("equilibrium against scipy")
struct ScipyEquilibriumTests {
    @Test("A_d and welfare equal scipy's quad + brentq solution to 1e-8, in every regime")
    func matchesScipy() throws {
        let cases = try OracleFixture(oracle: "scipy", name: "allocation-efficiency-equilibrium").cases()
        #expect(cases.count == 6)
        for entry in cases {
            let overrides = try #require(entry["overrides"] as? [String: Double])
            var values: [String: ParameterValue] = [:]
            for (key, value) in overrides { values[key] = .real(value) }
            let parameters = try Fixtures.parameters(values)
            let equilibrium = try AllocationEfficiencyModel(parameters: parameters).solve()
            let demand = try #require(entry["domestic_demand"] as? Double)
            let welfare = try #require(entry["welfare_per_worker"] as? Double)
            #expect(abs(equilibrium.domesticDemand / demand - 1) < 1e-8, "\(overrides)")
            #expect(abs(equilibrium.welfarePerWorker / welfare - 1) < 1e-8, "\(overrides)")
        }
    }
}
