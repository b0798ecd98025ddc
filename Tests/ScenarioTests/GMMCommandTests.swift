import Estimation
import Foundation
import Testing
import TestSupport
@testable import Scenario

/// `hetfirm gmm` on a CSV: the Arellano–Bond estimates through the command's runner, and every kind of bad
/// input answered with a located message.
@Suite("hetfirm gmm: data input and messages")
struct GMMCommandTests {
    static let empluk = Repository.path("Tests/Fixtures/plm/data/empluk.csv")
    static let formula = "log(emp) ~ l(log(emp), 1:2) + l(log(wage), 0:1) + log(capital) + l(log(output), 0:1) | l(log(emp), 2:99)"

    static func failure(_ request: DataGMM.Request) -> String? {
        do {
            _ = try DataGMM.run(request)
            return nil
        } catch let error as InvalidInput {
            return error.description
        } catch {
            return "unexpected: \(error)"
        }
    }

    @Test func arellanoBondTwoStep() throws {
        let run = try DataGMM.run(DataGMM.Request(dataPath: Self.empluk, formula: Self.formula, panel: "firm,year"))
        // Arellano and Bond (1991) Table 4 col. (a2) as plm reproduces it (two-step, Windmeijer SEs).
        #expect(abs(run.result.coefficients[0] - 0.474151) < 1e-6)
        #expect(run.result.instrumentCount == 38 && run.result.groupCount == 140 && run.result.observationCount == 611)
        #expect(run.text.contains("Hansen J (two-step weights; plm sargan()): chi2(25) = 30.1125"))
        #expect(run.warnings.isEmpty)
        var json = DataGMM.Request(dataPath: Self.empluk, formula: Self.formula, panel: "firm,year")
        json.json = true
        let object = try #require(try JSONSerialization.jsonObject(with: Data(DataGMM.run(json).text.utf8)) as? [String: Any])
        #expect((object["coefficientNames"] as? [String])?.first == "l(log(emp), 1)")
        #expect(object["instrumentCount"] as? Int == 38)
    }

    @Test func convergenceFromTheGrowthForm() throws {
        var request = DataGMM.Request(dataPath: Self.empluk, formula: "d(log(emp)) ~ l(log(emp), 1) + log(wage) | l(log(emp), 2:4)",
                                      panel: "firm,year")
        request.convergence = ConvergenceOptions(coefficient: "l(log(emp), 1)")
        let run = try DataGMM.run(request)
        let beta = run.result.coefficients[0], error = run.result.standardErrors[0]
        let expected = ConvergenceSpeed(coefficient: beta, standardError: error, horizon: 1)
        #expect(run.text.contains("Convergence: β = l(log(emp), 1)"))
        request.json = true
        let object = try #require(try JSONSerialization.jsonObject(with: Data(DataGMM.run(request).text.utf8)) as? [String: Any])
        let reported = try #require(object["convergence"] as? [String: Any])
        #expect(abs((reported["beta"] as? Double ?? .nan) - beta) <= 1e-14 * abs(beta))
        if let speed = expected.speed {
            #expect(run.text.contains("speed λ = "))
            #expect(abs((reported["speed"] as? Double ?? .nan) - speed) <= 1e-14 * speed)
        } else {
            #expect(run.text.contains("no convergence speed") && reported["speed"] == nil)
        }
        request.json = false
        request.convergence = ConvergenceOptions(coefficient: "l(log(wage), 1)")
        #expect(Self.failure(request)?.contains("no coefficient 'l(log(wage), 1)'") == true)
    }

    @Test func roodmanWarning() throws {
        var request = DataGMM.Request(dataPath: Self.empluk, formula: Self.formula, panel: "firm,year")
        request.transformation = "system"
        request.formula = "log(emp) ~ l(log(emp), 1) + l(log(wage), 0:1) | l(log(emp), 2:99) + l(log(wage), 2:99) + l(log(capital), 2:99)"
        let run = try DataGMM.run(request)
        #expect(run.result.instrumentCount > run.result.groupCount || run.warnings.isEmpty)
        if run.result.instrumentCount > run.result.groupCount {
            #expect(run.warnings.contains { $0.contains("instruments for 140 groups") })
        }
    }

    @Test func badInputIsLocated() throws {
        func request(_ formula: String, panel: String = "firm,year") -> DataGMM.Request {
            DataGMM.Request(dataPath: Self.empluk, formula: formula, panel: panel)
        }
        #expect(Self.failure(request("log(emp) ~ l(log(emp), 1)"))?.contains("needs GMM instruments after '|'") == true)
        #expect(Self.failure(request(Self.formula, panel: "firm"))?.contains("--panel must name the unit and the time column") == true)
        #expect(Self.failure(request(Self.formula, panel: "firm,yr"))?.contains("no column 'yr' (did you mean 'year'?)") == true)
        #expect(Self.failure(request("log(emp) ~ l(log(emp), 1) | f(log(emp))"))?.contains("cannot be a lead") == true)
        var steps = request(Self.formula)
        steps.steps = "three"
        #expect(Self.failure(steps) == "error: --steps must be one or two, not 'three'")
        let duplicate = try UserDataInputTests.file("dup.csv", "id,t,y\n1,1,1\n1,2,2\n1,2,3\n1,3,1\n")
        #expect(Self.failure(DataGMM.Request(dataPath: duplicate, formula: "y ~ l(y) | l(y, 2:9)", panel: "id,t"))?
            .contains(":4: error: unit '1' has more than one row at time 2") == true)
        let short = try UserDataInputTests.file("short.csv", "id,t,y\n1,1,1\n1,2,2\n2,1,3\n2,2,1\n")
        #expect(Self.failure(DataGMM.Request(dataPath: short, formula: "y ~ l(y) | l(y, 2:9)", panel: "id,t"))?
            .contains("at least 3 periods are needed") == true)
        let text = try UserDataInputTests.file("text.csv", "id,t,y\n1,1,1\n1,2,2\n1,x,3\n")
        #expect(Self.failure(DataGMM.Request(dataPath: text, formula: "y ~ l(y) | l(y, 2:9)", panel: "id,t"))?
            .contains("the time column 't' holds 'x'") == true)
        let constant = try UserDataInputTests.file("constant.csv", (["id,t,y"] + (1...30).flatMap { i in (1...5).map { "\(i),\($0),1" } })
            .joined(separator: "\n") + "\n")
        #expect(Self.failure(DataGMM.Request(dataPath: constant, formula: "y ~ l(y) | l(y, 2:9)", panel: "id,t")) != nil)
    }
}
