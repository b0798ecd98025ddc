import Estimation
import Foundation
import PanelData
import Reporting

/// `hetfirm gmm DATA.csv "FORMULA" --panel ID,TIME …`: Arellano–Bond / Blundell–Bond GMM on a user's panel.
public enum DataGMM {
    /// The command line as written; checked by ``run(_:)``.
    public struct Request: Sendable {
        public var dataPath: String
        public var formula: String
        public var panel: String
        public var transformation = "difference"
        public var steps = "two"
        public var effect = "twoways"
        public var collapse = false
        public var json = false
        public var delimiter: String?
        /// `--convergence TERM` and its options: the speed and half-life from the slope on TERM.
        public var convergence = ConvergenceOptions()

        public init(dataPath: String, formula: String, panel: String) {
            self.dataPath = dataPath
            self.formula = formula
            self.panel = panel
        }
    }

    /// The printed result and the warnings the user must see.
    public static func run(_ request: Request) throws -> (text: String, warnings: [String], result: DynamicPanelResult,
                                                          readingSeconds: Double, estimationSeconds: Double) {
        let panel = try PanelDeclaration.parsingOption(request.panel)
        let convergence = try request.convergence.specification()
        var options = DynamicPanelOptions()
        guard let transformation = DynamicPanelOptions.Transformation(rawValue: request.transformation) else {
            throw InvalidInput(description: "error: --transformation must be difference or system, not '\(request.transformation)'")
        }
        guard let effect = DynamicPanelOptions.Effect(rawValue: request.effect) else {
            throw InvalidInput(description: "error: --effect must be individual or twoways, not '\(request.effect)'")
        }
        guard ["one", "two"].contains(request.steps) else {
            throw InvalidInput(description: "error: --steps must be one or two, not '\(request.steps)'")
        }
        options.transformation = transformation
        options.effect = effect
        options.twoSteps = request.steps == "two"
        options.collapse = request.collapse
        let formula: DynamicPanelFormula
        do { formula = try DynamicPanelFormula.parse(request.formula) } catch { throw InvalidInput(description: "\(error)") }
        let clock = ContinuousClock()
        let readingStart = clock.now
        let file = try UserDataFile.read(path: request.dataPath, delimiter: request.delimiter)
        let estimationStart = clock.now
        let result: DynamicPanelResult
        do {
            result = try DynamicPanelGMM.estimate(formula, data: file.data, panel: panel, options: options)
        } catch let error as TermEvaluationError {
            throw InvalidInput(description: "error: \(error)")
        } catch let error as EstimationError {
            throw InvalidInput(description: file.message(for: error))
        } catch let error as PanelDataError {
            throw InvalidInput(description: file.message(for: error))
        }
        let estimationEnd = clock.now
        let speed: ConvergenceSpeed?
        do { speed = try convergence.map { try $0.evaluate(on: result) } } catch { throw InvalidInput(description: "error: \(error)") }
        var text = request.json ? try json(result, convergence: speed) : DynamicPanelSummary.text(result)
        if !request.json, let convergence, let speed { text += ConvergenceText.text(convergence, speeds: [speed]) }
        return (text, result.warnings, result, seconds(estimationStart - readingStart), seconds(estimationEnd - estimationStart))
    }

    /// The result as JSON (sorted keys): coefficients, robust and non-robust SEs and covariances, tests, counts.
    static func json(_ result: DynamicPanelResult, convergence: ConvergenceSpeed? = nil) throws -> String {
        func test(_ value: DynamicPanelResult.Test) -> [String: Any] {
            var object: [String: Any] = ["statistic": finite(value.statistic), "pValue": finite(value.pValue)]
            if let degrees = value.degreesOfFreedom { object["degreesOfFreedom"] = degrees }
            return object
        }
        var object: [String: Any] = [
            "formula": result.formula,
            "transformation": result.options.transformation.rawValue,
            "steps": result.options.twoSteps ? "two" : "one",
            "effect": result.options.effect.rawValue,
            "collapse": result.options.collapse,
            "coefficientNames": result.coefficientNames,
            "coefficients": result.coefficients.map(finite),
            "standardErrors": result.standardErrors.map(finite),
            "nonRobustStandardErrors": result.nonRobustStandardErrors.map(finite),
            "robustCovariance": result.robustCovariance.elements.map(finite),
            "nonRobustCovariance": result.nonRobustCovariance.elements.map(finite),
            "ar1": test(result.arTests[0]), "ar2": test(result.arTests[1]),
            "hansen": test(result.hansen), "sargan": test(result.sargan),
            "waldCoefficients": test(result.waldCoefficients),
            "instrumentCount": result.instrumentCount, "groupCount": result.groupCount,
            "observationCount": result.observationCount, "warnings": result.warnings,
        ]
        if let time = result.waldTimeEffects { object["waldTimeEffects"] = test(time) }
        if let difference = result.differenceInHansen { object["differenceInHansen"] = test(difference) }
        if let speed = convergence {
            var fields: [String: Any] = ["beta": finite(speed.beta), "betaStandardError": finite(speed.betaStandardError),
                                         "horizon": speed.horizon]
            if let value = speed.speed, let error = speed.speedStandardError { fields["speed"] = value; fields["speedStandardError"] = error }
            if let value = speed.halfLife, let error = speed.halfLifeStandardError { fields["halfLife"] = value; fields["halfLifeStandardError"] = error }
            object["convergence"] = fields
        }
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    /// JSON has no NaN: a non-finite number is null.
    private static func finite(_ value: Double) -> Any { value.isFinite ? value : NSNull() }
}
