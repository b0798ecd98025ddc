import Estimation
import Models
import PanelData
import Pipelines
import Reporting

extension ScenarioDecoder {
    /// Validates the whole tree; throws the first error in file order.
    mutating func decode(_ root: [String: TOMLNode]) throws(ScenarioError) -> Scenario {
        checkSections(root)
        let header = decodeScenarioSection(root["scenario"])
        guard let header, let descriptor = header.model else {
            throw firstError() ?? ScenarioError(kind: .missingKey, location: location("scenario"), keyPath: "scenario",
                                                 message: "the scenario has no model", fix: "add model = \"…\" to [scenario]")
        }
        let parameters = decodeModelSection(root["model"], descriptor: descriptor)
        let montecarlo = decodeMonteCarloSection(root["montecarlo"], descriptor: descriptor)
        let sweep = decodeSweepSection(root["sweep"], descriptor: descriptor)
        let estimations = decodeEstimateSection(root["estimate"], descriptor: descriptor)
        let mediations = decodeMediateSection(root["mediate"], descriptor: descriptor)
        let output = decodeOutputSection(root["output"], scenarioName: header.name)
        if let error = firstError() { throw error }
        guard let parameters, let montecarlo, let sweep, let estimations, let mediations, let output else {
            throw ScenarioError(kind: .malformedTOML, location: location(""), keyPath: "",
                                message: "the scenario could not be decoded", fix: "report this as a bug in hetfirm")
        }

        checkConstraints(parameters, descriptor: descriptor)
        if let error = firstError() { throw error }
        checkSweepPoints(sweep, base: parameters, descriptor: descriptor)
        if let error = firstError() { throw error }

        return Scenario(sourcePath: fileName, name: header.name, model: descriptor, seed: header.seed,
                        parameters: parameters, montecarlo: montecarlo, sweep: sweep, estimations: estimations,
                        mediations: mediations, output: output, locator: locator, sweepMonteCarlo: sweepMonteCarlo)
    }

    // MARK: top level

    mutating func checkSections(_ root: [String: TOMLNode]) {
        for key in orderedKeys(root, at: "") where !Self.sections.contains(key) {
            let path = KeyPath.quoted(key)
            if case .table = root[key] {
                report(.unknownSection, path, "unknown section [\(key)]",
                       fix: Suggestion.fix(for: key, among: Self.sections, quote: { "[\($0)]" }, noun: "sections"))
            } else {
                // A key outside any section: say which section it belongs in, if any.
                let owner = sectionOwning(key)
                let fix = owner.map { "move it under [\($0)]" }
                    ?? Suggestion.fix(for: key, among: Self.sections, quote: { "[\($0)]" }, noun: "sections")
                report(.unknownSection, path, "key '\(key)' is outside any section", fix: fix)
            }
        }
    }

    func sectionOwning(_ key: String) -> String? {
        if ["name", "model", "seed"].contains(key) { return "scenario" }
        if ["replications", "threads", "recover", "level"].contains(key) { return "montecarlo" }
        if ["dir", "panel", "gnuplot", "format"].contains(key) { return "output" }
        if registry.keys.contains(where: { registry.descriptor(for: $0)?.parameter(key) != nil }) { return "model" }
        return nil
    }

    // MARK: [scenario]

    struct Header {
        var name: String
        var model: ModelDescriptor?
        var seed: UInt64
    }

    mutating func decodeScenarioSection(_ node: TOMLNode?) -> Header? {
        guard node != nil else {
            report(.missingKey, "scenario", "missing section [scenario]",
                   fix: "start the file with [scenario], name = \"…\" and model = \"\(registry.keys.first ?? "…")\"")
            return nil
        }
        guard let table = table(node, at: "scenario", label: "[scenario]") else { return nil }
        rejectUnknownKeys(table, at: "scenario", in: "[scenario]", allowed: ["name", "model", "seed"])

        var name: String?
        if let node = table["name"] {
            if let value = string(node, at: "scenario.name", example: "\"baseline\"") {
                if value.trimmingSpaces.isEmpty {
                    report(.outOfDomain, "scenario.name", "scenario name is empty",
                           fix: "give the scenario a name, e.g. name = \"baseline\"")
                } else {
                    name = value
                }
            }
        } else {
            report(.missingKey, "scenario.name", "missing key 'name' in [scenario]",
                   fix: "add name = \"…\" to [scenario] (it names the output directory)")
        }

        var model: ModelDescriptor?
        if let node = table["model"] {
            if let key = string(node, at: "scenario.model", example: "\"\(registry.keys.first ?? "…")\"") {
                if let descriptor = registry.descriptor(for: key) {
                    model = descriptor
                } else {
                    report(.unknownModel, "scenario.model", "unknown model '\(key)'",
                           fix: Suggestion.fix(for: key, among: registry.keys, quote: { "\"\($0)\"" }, noun: "models"))
                }
            }
        } else {
            report(.missingKey, "scenario.model", "missing key 'model' in [scenario]",
                   fix: "add model = \"…\"; models: " + registry.keys.map { "\"\($0)\"" }.joined(separator: ", "))
        }

        var seed = Self.defaultSeed
        if let node = table["seed"], let value = integer(node, at: "scenario.seed", example: "\(Self.defaultSeed)") {
            if value < 0 {
                report(.outOfDomain, "scenario.seed", "seed = \(value) is negative",
                       fix: "use an integer ≥ 0, e.g. seed = \(Self.defaultSeed)")
            } else {
                seed = UInt64(value)
            }
        }
        return Header(name: name ?? "", model: model, seed: seed)
    }

    // MARK: [montecarlo]

    mutating func decodeMonteCarloSection(_ node: TOMLNode?, descriptor: ModelDescriptor) -> MonteCarloSettings? {
        let recoverable = descriptor.recoverable.map(\.key)
        let defaults = MonteCarloSettings(recover: recoverable)
        guard let node else { return defaults }
        guard let table = table(node, at: "montecarlo", label: "[montecarlo]") else { return nil }
        rejectUnknownKeys(table, at: "montecarlo", in: "[montecarlo]",
                          allowed: ["replications", "threads", "recover", "level"])
        var replications = defaults.replications, threads = defaults.threads
        var recover = defaults.recover, level = defaults.level

        if let node = table["replications"], let value = integer(node, at: "montecarlo.replications", example: "200") {
            let range = MonteCarloSettings.replicationRange
            if range.contains(value) {
                replications = value
            } else {
                report(.outOfDomain, "montecarlo.replications",
                       "replications = \(value) is outside \(range.lowerBound)…\(range.upperBound)",
                       fix: "use between \(range.lowerBound) and \(range.upperBound) replications (default 200)")
            }
        }
        if let node = table["threads"], let value = integer(node, at: "montecarlo.threads", example: "0") {
            if (0...MonteCarloSettings.maximumThreads).contains(value) {
                threads = value
            } else {
                report(.outOfDomain, "montecarlo.threads",
                       "threads = \(value) is outside 0…\(MonteCarloSettings.maximumThreads)",
                       fix: "use threads = 0 for all cores, or a count up to \(MonteCarloSettings.maximumThreads)")
            }
        }
        if let node = table["recover"] {
            let path = "montecarlo.recover"
            let example = TOMLText.stringArray(recoverable)
            if case .array(let elements) = node {
                var keys: [String] = []
                for (index, element) in elements.enumerated() {
                    let elementPath = KeyPath.index(path, index)
                    guard case .string(let key) = element else {
                        report(.wrongType, elementPath, "recover[\(index)] must be a string, not \(element.described)",
                               fix: "name parameters in double quotes, e.g. recover = \(example)")
                        continue
                    }
                    if !recoverable.contains(key) {
                        report(.outOfDomain, elementPath,
                               "'\(key)' is not a recoverable parameter of \(descriptor.key)",
                               fix: Suggestion.fix(for: key, among: recoverable, quote: { "\"\($0)\"" },
                                                   noun: "targets"))
                    } else if keys.contains(key) {
                        report(.outOfDomain, elementPath, "'\(key)' is listed twice in recover",
                               fix: "list each parameter once")
                    } else {
                        keys.append(key)
                    }
                }
                recover = keys
            } else {
                report(.wrongType, path, "recover must be an array of strings, not \(node.described)",
                       fix: "write recover = \(example)")
            }
        }
        if let node = table["level"], let value = number(node, at: "montecarlo.level", example: "0.95") {
            if value > 0 && value < 1 {
                level = value
            } else {
                report(.outOfDomain, "montecarlo.level", "level = \(node.rendered) is outside (0, 1)",
                       fix: "use a confidence level strictly between 0 and 1, e.g. level = 0.95")
            }
        }
        return MonteCarloSettings(replications: replications, threads: threads, recover: recover, level: level)
    }

    // MARK: [output]

    mutating func decodeOutputSection(_ node: TOMLNode?, scenarioName: String) -> OutputSettings? {
        let defaults = OutputSettings(directory: "out/" + scenarioName)
        guard let node else { return defaults }
        guard let table = table(node, at: "output", label: "[output]") else { return nil }
        rejectUnknownKeys(table, at: "output", in: "[output]", allowed: ["dir", "panel", "gnuplot", "format"])
        var directory = defaults.directory, panel = defaults.writePanel
        var gnuplot = defaults.gnuplot, format = defaults.format
        if let node = table["dir"], let value = string(node, at: "output.dir", example: "\"out/\(scenarioName)\"") {
            if value.trimmingSpaces.isEmpty {
                report(.outOfDomain, "output.dir", "dir is empty", fix: "name a directory, e.g. dir = \"out/\(scenarioName)\"")
            } else {
                directory = value
            }
        }
        if let node = table["panel"], let value = bool(node, at: "output.panel") { panel = value }
        if let node = table["gnuplot"], let value = bool(node, at: "output.gnuplot") { gnuplot = value }
        if let node = table["format"], let value = string(node, at: "output.format", example: "\"png\"") {
            if let known = PlotFormat(rawValue: value) {
                format = known
            } else {
                report(.outOfDomain, "output.format", "format = \(TOMLText.basicString(value)) is not \"png\" or \"svg\"",
                       fix: Suggestion.fix(for: value, among: OutputSettings.formats, quote: { "\"\($0)\"" },
                                           noun: "formats"))
            }
        }
        return OutputSettings(directory: directory, writePanel: panel, gnuplot: gnuplot, format: format)
    }

    // MARK: [[estimate]]

    mutating func decodeEstimateSection(_ node: TOMLNode?, descriptor: ModelDescriptor) -> [EstimationRequest]? {
        guard let node else { return [] }
        guard case .array(let elements) = node else {
            report(.wrongType, "estimate", "estimate must be an array of tables, not \(node.described)",
                   fix: "write each estimation under its own [[estimate]] header")
            return nil
        }
        var requests: [EstimationRequest] = []
        var ok = true
        for (index, element) in elements.enumerated() {
            let path = KeyPath.index("estimate", index)
            guard case .table(let table) = element else {
                report(.wrongType, path, "estimate[\(index)] must be a table, not \(element.described)",
                       fix: "write each estimation under its own [[estimate]] header")
                ok = false
                continue
            }
            if let request = decodeEstimate(table, at: path, previous: requests, descriptor: descriptor) {
                requests.append(request)
            } else {
                ok = false
            }
        }
        return ok ? requests : nil
    }

    private mutating func decodeEstimate(_ table: [String: TOMLNode], at path: String, previous: [EstimationRequest],
                                         descriptor: ModelDescriptor) -> EstimationRequest? {
        let label = "[[estimate]]"
        let before = errors.count
        rejectUnknownKeys(table, at: path, in: label, allowed: ["name", "method", "formula", "vcov", "recover", "split", "sample", "standardize", "data",
                                   "panel", "weights", "convergence", "ratio"] + Self.grangerKeys + Self.fmolsKeys + Self.gmmKeys
                                   + Self.spatialKeys)
        var name: String?, formula: String?, vcov: EstimationRequest.Vcov?, split: String?, sample: String?
        var standardize = false
        var data = PanelSelection.main
        var recover: [EstimationRequest.Recovery] = []
        if let node = table["name"] {
            if let value = string(node, at: KeyPath.join(path, "name"), example: "\"baseline\"") {
                if previous.contains(where: { $0.name == value }) {
                    report(.outOfDomain, KeyPath.join(path, "name"), "two [[estimate]] tables are named '\(value)'",
                           fix: "give each estimation its own name")
                }
                name = value
            }
        } else {
            report(.missingKey, path, "missing key 'name' in \(label)", fix: "add name = \"…\" to this [[estimate]]")
        }
        if let node = table["formula"] {
            formula = string(node, at: KeyPath.join(path, "formula"), example: "\"y ~ x | fe\"")
        } else {
            report(.missingKey, path, "missing key 'formula' in \(label)",
                   fix: "add formula = \"y ~ x | fe\" (fixest syntax) to this [[estimate]]")
        }
        if let node = table["vcov"] { vcov = decodeVcov(node, at: KeyPath.join(path, "vcov")) }
        if let node = table["recover"] {
            let recoverPath = KeyPath.join(path, "recover")
            if case .table(let pairs) = node {
                for coefficient in orderedKeys(pairs, at: recoverPath) {
                    guard let value = pairs[coefficient] else { continue }
                    let truthPath = KeyPath.join(recoverPath, coefficient)
                    if let text = string(value, at: truthPath, example: "\"truth.delta\""),
                       let truth = truthTarget(text, at: truthPath, descriptor: descriptor, wording: .estimate) {
                        recover.append(.init(coefficient: coefficient, truth: truth))
                    }
                }
            } else {
                report(.wrongType, recoverPath, "recover must be an inline table, not \(node.described)",
                       fix: "write recover = { coefficient = \"truth.name\" }")
            }
        }
        if let node = table["split"] {
            split = string(node, at: KeyPath.join(path, "split"), example: "\"region\"")
        }
        if let node = table["sample"], let text = string(node, at: KeyPath.join(path, "sample"), example: "\"num >= 4\"") {
            do {
                _ = try SampleFilter(text)
                sample = text
            } catch let problem as SampleFilter.Problem {
                report(.outOfDomain, KeyPath.join(path, "sample"), "the sample filter does not parse: \(problem)",
                       fix: "write comparisons of a column with a number joined by &&, e.g. \"new_dummy == 0 && num >= 4\"")
            } catch {}
        }
        if let node = table["standardize"], let value = bool(node, at: KeyPath.join(path, "standardize")) { standardize = value }
        if let node = table["data"], let name = string(node, at: KeyPath.join(path, "data"), example: "\"products\""),
           let selection = panelSelection(name, at: KeyPath.join(path, "data"), descriptor: descriptor) {
            data = selection
        }
        let panel = table["panel"].flatMap { panelDeclaration($0, at: KeyPath.join(path, "panel")) }
        var weights: String?
        if let node = table["weights"] {
            weights = string(node, at: KeyPath.join(path, "weights"), example: "\"w\"")
            if weights?.isEmpty == true {
                report(.outOfDomain, KeyPath.join(path, "weights"), "weights is empty", fix: "name the weight column, e.g. weights = \"w\"")
            }
        }
        let convergence = table["convergence"].flatMap { convergenceSpecification($0, at: KeyPath.join(path, "convergence")) }
        var method = EstimationMethod.ols
        if let node = table["method"], let text = string(node, at: KeyPath.join(path, "method"), example: "\"ols\"") {
            if let known = EstimationMethod(rawValue: text) {
                method = known
            } else {
                let available = EstimationMethod.allCases.map(\.rawValue)
                let planned = EstimationMethod.planned.contains(text) ? "'\(text)' is planned but not implemented yet; " : ""
                report(.outOfDomain, KeyPath.join(path, "method"), "unknown estimation method '\(text)'",
                       fix: planned + Suggestion.fix(for: text, among: available, quote: { "\"\($0)\"" }, noun: "methods"))
            }
        }
        let ratio = table["ratio"].flatMap { coefficientRatio($0, at: KeyPath.join(path, "ratio"), method: method) }
        let grangerLags = decodeGrangerLags(table, at: path, method: method)
        let fmols = decodeFMOLSSettings(table, at: path, method: method)
        let gmm = decodeGMMOptions(table, at: path, method: method)
        let spatial = decodeSpatialSettings(table, at: path, method: method, weights: weights)
        if method == .spatial { weights = nil }
        guard errors.count == before, let name, let formula else { return nil }
        return EstimationRequest(name: name, method: method, formula: formula, vcov: vcov, recover: recover, split: split,
                                 sample: sample, standardize: standardize, data: data, panel: panel, weights: weights, convergence: convergence,
                                 ratio: ratio, grangerLags: grangerLags, fmols: fmols, gmm: gmm, spatial: spatial)
    }
}

extension ScenarioDecoder {
    /// `panel = ["unit", "time"]`: exactly two different, non-empty column names.
    mutating func panelDeclaration(_ node: TOMLNode, at path: String) -> PanelDeclaration? {
        let fix = "write panel = [\"firm\", \"year\"] (the unit column, then the integer time column)"
        guard case .array(let elements) = node else {
            report(.wrongType, path, "panel must be an array of two column names, not \(node.described)", fix: fix)
            return nil
        }
        let names = elements.compactMap { element -> String? in
            if case .string(let name) = element, !name.isEmpty { return name }
            return nil
        }
        guard names.count == 2, elements.count == 2 else {
            report(.wrongType, path, "panel must name two columns (unit and time), found \(node.rendered)", fix: fix)
            return nil
        }
        guard names[0] != names[1] else {
            report(.outOfDomain, path, "panel names '\(names[0])' as both unit and time", fix: fix)
            return nil
        }
        return PanelDeclaration(unit: names[0], time: names[1])
    }
}

extension ScenarioDecoder {
    /// `convergence = { coefficient = "…", horizon = T, growth = "total" | "per-period", at = { "TERM" = z } }`.
    mutating func convergenceSpecification(_ node: TOMLNode, at path: String) -> ConvergenceSpecification? {
        let example = "convergence = { coefficient = \"l(log(y), 1)\", horizon = 1 }"
        guard case .table(let table) = node else {
            report(.wrongType, path, "convergence must be an inline table, not \(node.described)", fix: "write \(example)")
            return nil
        }
        let before = errors.count
        rejectUnknownKeys(table, at: path, in: "convergence", allowed: ["coefficient", "horizon", "growth", "at"])
        var coefficient: String?
        if let value = table["coefficient"] {
            coefficient = string(value, at: KeyPath.join(path, "coefficient"), example: "\"l(log(y), 1)\"")
        } else {
            report(.missingKey, path, "convergence needs the coefficient on the initial log level", fix: "write \(example)")
        }
        var horizon = 1.0
        if let value = table["horizon"], let number = number(value, at: KeyPath.join(path, "horizon"), example: "1") {
            if number > 0 && number.isFinite { horizon = number } else {
                report(.outOfDomain, KeyPath.join(path, "horizon"), "horizon = \(value.rendered) is not a positive number of periods",
                       fix: "write the periods the growth is measured over, e.g. horizon = 1")
            }
        }
        var form = ConvergenceSpeed.GrowthForm.total
        if let value = table["growth"], let text = string(value, at: KeyPath.join(path, "growth"), example: "\"total\"") {
            if let known = ConvergenceSpeed.GrowthForm(rawValue: text) { form = known } else {
                report(.outOfDomain, KeyPath.join(path, "growth"), "growth = \(TOMLText.basicString(text)) is not \"total\" or \"per-period\"",
                       fix: Suggestion.fix(for: text, among: ConvergenceSpeed.GrowthForm.allCases.map(\.rawValue), quote: { "\"\($0)\"" }, noun: "forms"))
            }
        }
        var evaluations: [ConvergenceSpecification.Evaluation] = []
        if let value = table["at"] {
            let atPath = KeyPath.join(path, "at")
            if case .table(let pairs) = value {
                for term in orderedKeys(pairs, at: atPath) {
                    if let node = pairs[term], let z = number(node, at: KeyPath.join(atPath, term), example: "0.5") {
                        evaluations.append(.init(coefficient: term, value: z))
                    }
                }
            } else {
                report(.wrongType, atPath, "at must be an inline table of interaction terms and values, not \(value.described)",
                       fix: "write at = { \"l(log(y), 1):z\" = 0.5 }")
            }
        }
        guard errors.count == before, let coefficient else { return nil }
        return ConvergenceSpecification(coefficient: coefficient, at: evaluations, horizon: horizon, form: form)
    }
}
