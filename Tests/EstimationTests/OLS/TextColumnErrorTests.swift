import Covariance
import Estimation
import PanelData
import Testing

/// A text column used as a number, and a cluster variable with one level: typed errors that name
/// the column, the first text cell, and what to do instead.
@Suite("text columns used as numbers; one-level clusters")
struct TextColumnErrorTests {
    static let data: Dataset = {
        let text = "y,x,state,mixed\n1,2,Ohio,1.5\n2,3,Utah,2\n3,5,Ohio,0x1A\n4,4,Utah,4\n5,1,Ohio,5\n6,2,Utah,6\n"
        return (try? CSVReader.read(bytes: Array(text.utf8))) ?? Dataset()
    }()

    func error(_ formula: String, vcov: VcovType? = nil) -> EstimationError? {
        do {
            _ = try FixedEffectsOLS.fit(FormulaParser.parse(formula), data: Self.data, options: EstimationOptions(vcov: vcov))
            return nil
        } catch let error as EstimationError {
            return error
        } catch {
            return nil
        }
    }

    @Test("as a regressor, in log(), I(), an interaction, or as y: the first text cell is named",
          arguments: ["y ~ state", "y ~ x + log(state)", "y ~ I(state^2)", "y ~ x:state", "state ~ x", "y ~ mixed"])
    func textAsNumber(_ formula: String) throws {
        let found = try #require(error(formula))
        let column = formula.contains("mixed") ? "mixed" : "state"
        let cell = column == "mixed" ? (2, "0x1A") : (0, "Ohio")
        #expect(found == .notNumeric(variable: column, row: cell.0, value: cell.1))
        #expect(found.description.contains("use it as a fixed effect after '|' (y ~ … | \(column))"))
        #expect(found.description.contains("i()"))
    }

    @Test("the same text columns work as fixed effects and clusters")
    func textAsFactor() throws {
        let result = try FixedEffectsOLS.fit(FormulaParser.parse("y ~ x | state"), data: Self.data,
                                             options: EstimationOptions(vcov: .heteroskedastic))
        #expect(result.fixedEffects.first?.levels == 2)
        let clustered = try FixedEffectsOLS.fit(FormulaParser.parse("y ~ x"), data: Self.data,
                                                options: EstimationOptions(vcov: .cluster(["state"])))
        #expect(clustered.coefficient("x") != nil)
    }

    @Test("a one-level first fixed effect names the variable and explains the default clustering")
    func oneCluster() throws {
        let oneState = Self.data.filter { (try? Self.data.factorCodes("state").codes[$0]) == 0 }
        func fit(_ vcov: VcovType?) -> EstimationError? {
            do {
                _ = try FixedEffectsOLS.fit(FormulaParser.parse("y ~ x | state"), data: oneState, options: EstimationOptions(vcov: vcov))
                return nil
            } catch { return error as? EstimationError }
        }
        let byDefault = try #require(fit(nil))
        #expect(byDefault == .tooFewClusters(variable: "state", count: 1, isDefault: true))
        #expect(byDefault.description.contains("clustered by the first fixed effect, 'state'"))
        #expect(byDefault.description.contains("the default when no covariance is given"))
        #expect(!byDefault.description.contains("dimension 0"))
        #expect(fit(.cluster(["state"])) == .tooFewClusters(variable: "state", count: 1, isDefault: false))
        #expect(fit(.iid) == nil)
    }
}
