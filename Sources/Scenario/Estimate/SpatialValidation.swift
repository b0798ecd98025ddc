import Estimation
import Foundation
import Pipelines
import Spatial

/// The checks of `[[estimate]] method = "spatial"` before anything runs: one model in spatial formula
/// syntax (no fixed-effect or IV part, no panel operators), `panel` naming columns of the simulated panel,
/// the formula's columns in that panel, W's file readable (its errors located at `weights`, with the
/// file's own line and field) and, when `weights_digest` is given, unchanged — or, with
/// `weights = "model:NAME"`, NAME one of the matrices the model supplies (no file is read) —,
/// `rho_varies_with` a column of the panel, no key the spatial models do not use, and each `recover`
/// key one of the fit's coefficients (a regressor, "W*x" of a Durbin model, "rho" or "lambda", or
/// "rho" and "rho_prime" of eq. 25), and a `ratio` of two coefficients (``RatioValidation``).
enum SpatialValidation {
    /// - Parameters:
    ///   - modelWeights: the names of the weight matrices the model supplies (``ModelDescriptor/spatialWeights``).
    ///   - fail: the located error at the block's key (a key path below the block, e.g. `"panel"`).
    static func check(_ request: EstimationRequest, columns: [String], model: String, modelWeights: [String],
                      fail: (_ key: [String], _ message: String, _ fix: String) -> ScenarioError) throws(ScenarioError) {
        guard let settings = request.spatial else {
            throw fail(["method"], "method = \"spatial\" needs the weight matrix W", "add weights = \"W.gal\"")
        }
        let models: [Formula]
        do { models = try FormulaParser.expand(request.formula) } catch {
            throw fail(["formula"], "the formula does not parse: \(error)", "write \"y ~ x1 + x2\"")
        }
        guard models.count == 1, let formula = models.first else {
            throw fail(["formula"], "method = \"spatial\" estimates one model, and \(request.formula) expands to \(models.count)",
                       "write a single formula, e.g. \"y ~ x1 + x2\"")
        }
        do { try SpatialFormula.check(formula, panel: true) } catch {
            throw fail(["formula"], "\(error)", "write \"y ~ x1 + x2\" and give the fixed effects with effects = \"individual\", \"time\" or \"twoways\"")
        }
        guard let panel = request.panel else {
            throw fail(["method"], "method = \"spatial\" needs the panel's unit and time columns",
                       "add panel = [\"unit\", \"time\"] to this [[estimate]], naming the simulated panel's columns (the unit ids must be W's)")
        }
        if !columns.isEmpty {
            if let column = [panel.unit, panel.time].first(where: { !columns.contains($0) }) {
                throw fail(["panel"], "'\(column)' is not a column of the simulated \(model) panel",
                           Suggestion.fix(for: column, among: columns, noun: "columns"))
            }
            if let column = formula.variables.first(where: { !columns.contains($0) }) {
                throw fail(["formula"], "'\(column)' is not a column of the simulated \(model) panel",
                           Suggestion.fix(for: column, among: columns, noun: "columns"))
            }
            if let column = settings.rhoVariesWith, !columns.contains(column) {
                throw fail(["rho_varies_with"], "'\(column)' is not a column of the simulated \(model) panel",
                           Suggestion.fix(for: column, among: columns, noun: "columns"))
            }
        }
        let unused: [(key: String, present: Bool)] = [("vcov", request.vcov != nil), ("split", request.split != nil),
                                                       ("standardize", request.standardize), ("convergence", request.convergence != nil)]
        if let key = unused.first(where: \.present)?.key {
            throw fail([key], "\(key) does not apply to method = \"spatial\"",
                       "remove \(key): the spatial models' standard errors come from the information matrix")
        }
        if let name = settings.modelWeightsName {
            guard modelWeights.contains(name) else {
                throw fail(["weights"], modelWeights.isEmpty ? "the \(model) model supplies no weight matrix, and weights = \"\(settings.weightsFile)\" names one"
                                : "the \(model) model supplies no weight matrix '\(name)'",
                           modelWeights.isEmpty ? "give W's file instead, e.g. weights = \"W.gal\" (hetfirm describe \(model) lists what the model supplies)"
                                : Suggestion.fix(for: name, among: modelWeights, quote: { "\"model:\($0)\"" }, noun: "weight matrices"))
            }
        } else {
            try checkFile(settings, fail: fail)
        }
        let regressors = formula.regressors.map(\.description)
        let names = settings.recoverableNames(regressors: regressors, hasIntercept: formula.hasIntercept)
        try RatioValidation.check(request, models: [settings.coefficientNames(regressors: regressors, hasIntercept: formula.hasIntercept)],
                                  reserved: names, fail: fail)
        for recovery in request.recover where recovery.coefficient != request.ratio?.name {
            guard names.contains(recovery.coefficient) else {
                let model = settings.rhoVariesWith.map { "varying-ρ sar (ρ + ρ′·\($0))" } ?? settings.model.rawValue
                throw fail(["recover", recovery.coefficient], "'\(recovery.coefficient)' is not a coefficient or impact of the \(model) model",
                           Suggestion.fix(for: recovery.coefficient, among: names, noun: "coefficients"))
            }
            if recovery.truth == .pseudoTrue {
                throw fail(["recover", recovery.coefficient], "\"pseudo-true\" is not defined for method = \"spatial\"",
                           "use a truth of the model (truth.NAME) or a number")
            }
        }
    }

    /// W's file readable (errors at `weights`, with the file's own line and field) and, when
    /// `weights_digest` is given, unchanged.
    private static func checkFile(_ settings: SpatialSettings,
                                  fail: (_ key: [String], _ message: String, _ fix: String) -> ScenarioError) throws(ScenarioError) {
        do {
            _ = try SpatialWeightsReader.read(path: settings.weightsPath, format: settings.weightsFormat)
        } catch {
            let detail = (error as? SpatialError).map { DataSpatial.weightsMessage($0, path: settings.weightsPath) } ?? "\(error)"
            throw fail(["weights"], "the weight matrix cannot be read: \(detail)",
                       "give a .gal or .gwt file, a dense CSV matrix or a CSV edge list, relative to the scenario file")
        }
        if let recorded = settings.weightsDigest, let digest = InputDigest.of(path: settings.weightsPath), digest != recorded {
            throw fail(["weights_digest"], "W's file \(settings.weightsPath) has changed since this scenario recorded it (digest \(recorded), now \(digest))",
                       "restore the file, or remove weights_digest to run with the new W (as a new scenario)")
        }
    }
}
