import Estimation
import Foundation
import PanelData
import Reporting

/// `hetfirm granger DATA.csv --panel ID,TIME --y Y --x X --lags K`: the Dumitrescu–Hurlin panel
/// Granger non-causality test on a user's CSV.
public enum DataGranger {
    public struct Request: Sendable {
        public var dataPath: String
        /// `--panel ID,TIME` as given.
        public var panel: String
        /// y (the effect) and x (the cause).
        public var effect: String
        public var cause: String
        /// `--lags K`; nil with a lag selection.
        public var lags: Int?
        /// `--lag-selection aic|bic` and `--max-lags M`.
        public var lagSelection: String?
        public var maximumLags: Int?
        public var json = false
        /// `--delimiter` (`,` `;` `tab` `|`); nil detects it from the file.
        public var delimiter: String?

        public init(dataPath: String, panel: String, effect: String, cause: String) {
            self.dataPath = dataPath
            self.panel = panel
            self.effect = effect
            self.cause = cause
        }
    }

    /// The options from `--lags`, `--lag-selection` and `--max-lags`.
    public static func options(_ request: Request) throws -> GrangerOptions {
        guard let selection = request.lagSelection else {
            guard request.maximumLags == nil else {
                throw InvalidInput(description: "error: --max-lags goes with --lag-selection aic or bic")
            }
            guard let lags = request.lags else {
                throw InvalidInput(description: "error: give the lag order with --lags K, or --lag-selection aic|bic --max-lags M")
            }
            guard lags >= 1 else { throw InvalidInput(description: "error: --lags must be at least 1, not \(lags)") }
            return GrangerOptions(lags: lags)
        }
        guard let criterion = InformationCriterion(rawValue: selection.lowercased()) else {
            throw InvalidInput(description: "error: --lag-selection must be aic or bic, not '\(selection)'")
        }
        guard request.lags == nil else {
            throw InvalidInput(description: "error: give --lags K or --lag-selection with --max-lags, not both")
        }
        guard let maximum = request.maximumLags else {
            throw InvalidInput(description: "error: --lag-selection \(criterion.rawValue) needs --max-lags M (the largest order tried)")
        }
        guard maximum >= 1 else { throw InvalidInput(description: "error: --max-lags must be at least 1, not \(maximum)") }
        return GrangerOptions(lags: 1, lagSelection: .informationCriterion(criterion, maximumLags: maximum))
    }

    /// What `hetfirm granger` prints, with the seconds spent reading the file and testing.
    public struct Report: Sendable {
        public let text: String
        public let result: DumitrescuHurlinResult
        /// Units left out (exit code 3).
        public let warnings: [String]
        public let readingSeconds: Double
        public let testSeconds: Double
    }

    /// The summary (text or JSON), the test's result and the warnings (units left out).
    public static func run(_ request: Request) throws -> Report {
        let panel = try PanelDeclaration.parsingOption(request.panel)
        let (unit, time) = (panel.unit, panel.time)
        let options = try options(request)
        if request.effect == request.cause {
            throw InvalidInput(description: "error: --y and --x are both '\(request.effect)': the test needs two variables")
        }
        let clock = ContinuousClock()
        let readingStart = clock.now
        let file = try UserDataFile.read(path: request.dataPath, delimiter: request.delimiter)
        let data = file.data
        let readingSeconds = seconds(clock.now - readingStart)
        do {
            let testStart = clock.now
            for name in [unit, time, request.effect, request.cause] { _ = try data.column(named: name) }
            let structure = try PanelStructure(data, panel: panel)
            let result = try DumitrescuHurlin.test(data, panel: structure, effect: request.effect, cause: request.cause, options: options)
            let testSeconds = seconds(clock.now - testStart)
            let text = request.json ? try GrangerSummary.json(result) : GrangerSummary.text(result)
            return Report(text: text, result: result, warnings: GrangerSummary.warnings(result), readingSeconds: readingSeconds,
                          testSeconds: testSeconds)
        } catch let error as PanelDataError {
            throw InvalidInput(description: file.message(for: error))
        } catch EstimationError.notNumeric(let variable, let row, let value) {
            var message = "\(file.location(ofDataRow: row, column: variable)): error: '\(EstimationError.shortened(value))' is not a "
                + "number, so column '\(variable)' is read as text: --y and --x must be numeric (a missing value is an empty cell or NA)"
            if UserDataFile.hasDecimalComma(value) { message += ". Decimal commas are not read: write a decimal point" }
            throw InvalidInput(description: message)
        } catch let error as EstimationError {
            throw InvalidInput(description: file.message(for: error))
        } catch let error as GrangerError {
            throw InvalidInput(description: "error: \(error)")
        }
    }
}

private func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}
