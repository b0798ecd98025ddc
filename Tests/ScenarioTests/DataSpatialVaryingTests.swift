import Foundation
import Testing
import TestSupport
@testable import Scenario

/// `hetfirm spatial … --rho-varies-with Z` (paper 000, eq. 25) on the committed synthetic panel
/// (validation/spatial_varying_panel.py: ρ = 0.4, ρ′ = 0.25, β = (1, −0.5), unit effects).
@Suite("hetfirm spatial --rho-varies-with")
struct DataSpatialVaryingTests {
    static func request() -> DataSpatial.Request {
        var request = DataSpatial.Request(
            dataPath: Repository.path("Tests/Fixtures/spatial-varying/panel.csv"), formula: "y ~ x1 + x2",
            weightsPath: Repository.path("Tests/Fixtures/spatial-varying/w.gal"))
        request.panel = "region,year"
        request.effects = "individual"
        request.rhoVariesWith = "inter"
        return request
    }

    @Test("estimates ρ and ρ′ near the truth, with impacts at the quartiles of z growing with z")
    func estimates() throws {
        var request = Self.request()
        request.impacts = true
        let outcome = try DataSpatial.runVarying(request)
        let fit = outcome.fit
        #expect(fit.converged, "\(fit.warnings)")
        #expect(fit.coefficientNames == ["x1", "x2", "rho", "rho_prime"])
        let rhoPrime = try #require(fit.coefficient(named: "rho_prime"))
        #expect(abs(rhoPrime.estimate - 0.25) < 3 * rhoPrime.standardError)
        let rho = try #require(fit.coefficient(named: "rho"))
        #expect(abs(rho.estimate - 0.4) < 3 * rho.standardError)
        #expect(fit.largestMultiplierEigenvalue < 1)
        let totals = try #require(outcome.impacts).rows.filter { $0.variable == "x1" }.map(\.total)
        #expect(totals.count == 3 && totals == totals.sorted())
        #expect(outcome.text.contains("rho_prime (× inter)"))
        request.json = true
        let json = try DataSpatial.runVarying(request).text
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["model"] as? String == "sar-varying")
    }

    @Test("other models, Lee–Yu, a missing column and a text column are refused with the reason")
    func badInput() throws {
        var request = Self.request()
        request.model = "sem"
        #expect(throws: InvalidInput.self) { try DataSpatial.runVarying(request) }
        request = Self.request()
        request.leeYu = true
        #expect(throws: InvalidInput.self) { try DataSpatial.runVarying(request) }
        request = Self.request()
        request.rhoVariesWith = "nosuch"
        #expect(throws: InvalidInput.self) { try DataSpatial.runVarying(request) }
        request = Self.request()
        request.rhoVariesWith = "region"
        do {
            _ = try DataSpatial.runVarying(request)
            Issue.record("a text column was accepted")
        } catch let error as InvalidInput {
            #expect(error.description.contains("not a number"))
        }
    }
}
