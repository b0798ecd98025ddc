import Estimation
import Foundation
import PanelData
import Spatial

/// `hetfirm spatial DATA.csv "y ~ x1 + x2" --weights W.gal --model sar …`: spatial ML (SAR, SEM, SAC,
/// SDM, SDEM) on a user's cross-section (`--id ID`) or balanced panel (`--panel ID,TIME`), every bad
/// input a message located in the data file, the weight file or the formula.
public enum DataSpatial {
    /// The command line as written; checked by ``run(_:)``.
    public struct Request: Sendable {
        public var dataPath: String
        public var formula: String
        public var weightsPath: String
        /// `--weights-format gal|gwt|csv|edges`; nil: from the extension (CSV content decides dense or edges).
        public var weightsFormat: String?
        public var model = "sar"
        /// `--panel ID,TIME` (a panel) or nil.
        public var panel: String?
        /// `--id ID` (a cross-section) or nil.
        public var unit: String?
        public var effects = "none"
        public var leeYu = false
        public var rowStandardize = true
        public var json = false
        public var delimiter: String?
        /// `--impacts`: LeSage–Pace direct, indirect and total effects, SEs from `draws` simulated draws
        /// of the estimates (stream seed `seed`).
        public var impacts = false
        public var draws = 1000
        public var seed: UInt64 = 20_261_121
        /// `--logdet auto|eigen|sparse-lu|chebyshev|monte-carlo`: how ln|I − ρW| is computed.
        public var logDeterminant = "auto"
        /// `--rho-varies-with Z`: paper 000's eq. (25), ρ + ρ′·z_it (SAR only).
        public var rhoVariesWith: String?

        public init(dataPath: String, formula: String, weightsPath: String) {
            self.dataPath = dataPath
            self.formula = formula
            self.weightsPath = weightsPath
        }
    }

    /// What `run` returns: the printed text, the warnings the user must see, the fit and the timings.
    public struct Outcome: Sendable {
        public let text: String
        public let warnings: [String]
        public let fit: SpatialFit
        public let impacts: SpatialImpacts?
        public let readingSeconds: Double
        public let estimationSeconds: Double
    }

    /// The model options from `--model`, `--effects` and `--lee-yu`.
    public static func options(model: String, effects: String, leeYu: Bool) throws -> SpatialOptions {
        guard let kind = SpatialModelKind(rawValue: model.lowercased()) else {
            throw InvalidInput(description: "error: --model must be \(names(SpatialModelKind.allCases.map(\.rawValue))), not '\(model)'")
        }
        guard let chosenEffects = SpatialEffects(rawValue: effects.lowercased()) else {
            throw InvalidInput(description: "error: --effects must be \(names(SpatialEffects.allCases.map(\.rawValue))), not '\(effects)'")
        }
        if leeYu && chosenEffects == .none {
            throw InvalidInput(description: "error: --lee-yu corrects fixed-effects panels: give --effects individual, time or twoways with it")
        }
        return SpatialOptions(model: kind, effects: chosenEffects, approach: leeYu ? .leeYu : .direct)
    }

    /// `--weights-format`: gal, gwt, csv (a dense matrix) or edges.
    public static func weightsFormat(_ text: String?) throws -> SpatialWeightsFormat? {
        guard let text else { return nil }
        guard let format = SpatialWeightsFormat(rawValue: text.lowercased()) else {
            throw InvalidInput(description: "error: --weights-format must be \(names(SpatialWeightsFormat.allCases.map(\.rawValue))), not '\(text)'")
        }
        return format
    }

    /// `--panel ID,TIME` or `--id ID`, exactly one.
    static func layout(panel: String?, unit: String?) throws -> SpatialDataLayout {
        switch (panel, unit) {
        case (let panel?, nil):
            let declaration = try PanelDeclaration.parsingOption(panel)
            return SpatialDataLayout(unitColumn: declaration.unit, periodColumn: declaration.time)
        case (nil, let unit?):
            let name = unit.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, !name.contains(",") else {
                throw InvalidInput(description: "error: --id names one column, the unit id of a cross-section (for a panel give --panel ID,TIME), not '\(unit)'")
            }
            return SpatialDataLayout(unitColumn: name)
        case (nil, nil):
            throw InvalidInput(description: "error: name the unit column: --id ID for a cross-section, or --panel ID,TIME for a panel")
        case (_?, _?):
            throw InvalidInput(description: "error: give --id ID (a cross-section) or --panel ID,TIME (a panel), not both")
        }
    }

    /// `--logdet`: auto (by n), eigen, sparse-lu, chebyshev or monte-carlo.
    public static func logDeterminantMethod(_ text: String) throws -> SpatialJacobianMethod {
        switch text.lowercased() {
        case "auto", "automatic": return .automatic
        case "eigen", "eigenvalues": return .eigenvalues
        case "sparse-lu", "lu": return .sparseLU
        case "chebyshev": return .chebyshev
        case "monte-carlo", "mc": return .monteCarlo
        default:
            throw InvalidInput(description: "error: --logdet must be auto, eigen, sparse-lu, chebyshev or monte-carlo, not '\(text)'")
        }
    }

    public static func run(_ request: Request) throws -> Outcome {
        var options = try options(model: request.model, effects: request.effects, leeYu: request.leeYu)
        options.logDeterminant = try logDeterminantMethod(request.logDeterminant)
        options.seed = request.seed
        if request.impacts, !(2...1_000_000).contains(request.draws) {
            throw InvalidInput(description: "error: --draws must be between 2 and 1,000,000 (simulated draws for the impacts' standard errors), not \(request.draws)")
        }
        let loaded = try load(request, effects: options.effects)
        let prepared = loaded.prepared
        let fit = try estimate(prepared.sample, options: options)
        let impacts = request.impacts
            ? try SpatialImpacts.estimate(fit, weights: prepared.sample.weights, draws: request.draws, seed: request.seed) : nil
        let estimationSeconds = DataFMOLS.seconds(ContinuousClock.now - loaded.estimationStart)
        let context = SpatialReport.Context(formula: request.formula, weightsPath: request.weightsPath, layout: loaded.layout,
                                            rowStandardized: prepared.rowStandardized, periods: prepared.periods)
        let text = request.json ? try SpatialReport.json(fit, impacts: impacts, context: context)
            : SpatialReport.text(fit, impacts: impacts, context: context)
        return Outcome(text: text, warnings: fit.warnings, fit: fit, impacts: impacts, readingSeconds: loaded.readingSeconds,
                       estimationSeconds: estimationSeconds)
    }

    /// What every spatial run shares: the data layout, the data file and W read (timed), the formula's
    /// columns checked numeric, and the sample prepared; `estimationStart` is when reading ended.
    struct LoadedSample {
        let layout: SpatialDataLayout
        let file: UserDataFile
        let prepared: PreparedSpatialData
        let readingSeconds: Double
        let estimationStart: ContinuousClock.Instant
    }

    static func load(_ request: Request, effects: SpatialEffects) throws -> LoadedSample {
        let layout = try layout(panel: request.panel, unit: request.unit)
        if effects != .none && layout.periodColumn == nil {
            throw InvalidInput(description: "error: --effects \(effects.rawValue) needs a panel: give --panel ID,TIME instead of --id")
        }
        let format = try weightsFormat(request.weightsFormat)
        let formula: Formula
        do { formula = try SpatialFormula.parse(request.formula, panel: layout.periodColumn != nil) } catch let error as FormulaError {
            throw InvalidInput(description: error.description)
        }
        let clock = ContinuousClock()
        let readingStart = clock.now
        let file = try UserDataFile.read(path: request.dataPath, delimiter: request.delimiter)
        let weights = try readWeights(path: request.weightsPath, format: format)
        let readingSeconds = DataFMOLS.seconds(clock.now - readingStart)
        try checkNumeric(file, formula: formula)
        let estimationStart = clock.now
        let prepared = try prepare(file, formula: formula, layout: layout, weights: weights,
                                   effects: effects, rowStandardize: request.rowStandardize)
        return LoadedSample(layout: layout, file: file, prepared: prepared, readingSeconds: readingSeconds,
                            estimationStart: estimationStart)
    }

    /// Throws the located message for the first variable of the formula whose column holds text.
    static func checkNumeric(_ file: UserDataFile, formula: Formula) throws {
        for name in formula.numericVariables {
            guard let column = try? file.data.column(named: name), let cell = column.firstTextCell() else { continue }
            var message = "\(file.location(ofDataRow: cell.row, column: name)): error: '\(EstimationError.shortened(cell.text))' is not a number, "
                + "so column '\(name)' is read as text; every variable of a spatial model's formula must be numeric "
                + "(fixed effects come from --effects, not from a column in the formula)"
            if UserDataFile.hasDecimalComma(cell.text) { message += ". Decimal commas are not read: write a decimal point" }
            throw InvalidInput(description: message)
        }
    }

    /// W from its file; a malformed file is `FILE:LINE[:FIELD]: error: …`.
    static func readWeights(path: String, format: SpatialWeightsFormat?) throws -> SpatialWeights {
        do {
            return try SpatialWeightsReader.read(path: path, format: format)
        } catch let error as SpatialError {
            throw InvalidInput(description: weightsMessage(error, path: path))
        }
    }

    /// `FILE:LINE[:FIELD]: error: …` for a malformed weight file; `error: cannot read …` for a missing one.
    static func weightsMessage(_ error: SpatialError, path: String) -> String {
        guard case .weightsFile(let file, let line, let field, let problem) = error else { return "\(path): error: \(error)" }
        if line == 0, case .badHeader(_, let expected) = problem {
            return "error: cannot read the weights file \(file): expected \(expected)"
        }
        return "\(file):\(line)\(field.map { ":\($0)" } ?? ""): error: \(problem)"
    }

    /// The sample, every data problem located in the file (`FILE:LINE:COLUMN (column 'x'): error: …`).
    static func prepare(_ file: UserDataFile, formula: Formula, layout: SpatialDataLayout, weights: SpatialWeights,
                        effects: SpatialEffects, rowStandardize: Bool) throws -> PreparedSpatialData {
        do {
            return try SpatialSamplePreparation.prepare(file.data, formula: formula, layout: layout, weights: weights,
                                                        effects: effects, rowStandardize: rowStandardize)
        } catch let error as SpatialDataError {
            guard let row = error.row else { throw InvalidInput(description: "\(file.path): error: \(error)") }
            throw InvalidInput(description: "\(file.location(ofDataRow: row, column: error.column ?? layout.unitColumn)): error: \(error)")
        } catch let error as SpatialError {
            throw InvalidInput(description: "error: \(error)")
        } catch let error as PanelDataError {
            throw InvalidInput(description: file.message(for: error))
        } catch TermEvaluationError.factorColumn(let name, let term) {
            throw InvalidInput(description: "error: column '\(name)' in term '\(term)' is text (a factor); every variable of a spatial "
                + "model's formula must be numeric (fixed effects come from --effects)")
        } catch let error as TermEvaluationError {
            throw InvalidInput(description: "error: \(error)")
        } catch let error as FormulaError {
            throw InvalidInput(description: error.description)
        }
    }

    /// The fit; a specification the data cannot support (collinear regressors, too few observations,
    /// Lee–Yu time effects without a row-standardised W) is bad input, a numerical failure a failed run.
    static func estimate(_ sample: SpatialSample, options: SpatialOptions) throws -> SpatialFit {
        do {
            return try SpatialMaximumLikelihood.fit(sample, options: options)
        } catch let error as SpatialError {
            switch error {
            case .invalidSample, .unsupportedSpecification, .island, .tooLargeForDense, .invalidWeights:
                throw InvalidInput(description: "error: \(error)")
            default:
                throw error
            }
        }
    }

    /// "a, b or c".
    static func names(_ values: [String]) -> String {
        guard let last = values.last, values.count > 1 else { return values.joined() }
        return values.dropLast().joined(separator: ", ") + " or " + last
    }
}
