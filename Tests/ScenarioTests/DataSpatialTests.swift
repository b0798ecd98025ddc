import Foundation
import Testing
import TestSupport
@testable import Scenario

/// `hetfirm spatial` on files: Columbus written as a CSV and a GAL file from the spatialreg fixture gives
/// spatialreg's numbers through the command's runner, and every bad input is a located message (the
/// command exits with code 2 on `InvalidInput`).
@Suite("hetfirm spatial: data input and messages")
struct DataSpatialTests {
    /// The Columbus fixture as `columbus.csv` (POLYID, CRIME, INC, HOVAL) and `columbus.gal`, in `folder`.
    static func columbusFiles(in folder: String, csvRows: (([String]) -> [String])? = nil,
                              galLines: (([String]) -> [String])? = nil, isolating island: Int? = nil) throws -> (csv: String, gal: String) {
        let fixture = try OracleFixture(oracle: "spatialreg", name: "columbus")
        let data: [String: Any] = try fixture.value("data")
        let ids = try #require(data["POLYID"] as? [Int])
        let columns = try ["CRIME", "INC", "HOVAL"].map { try #require(data[$0] as? [NSNumber]).map(\.doubleValue) }
        var rows = ids.indices.map { index in
            ([String(ids[index])] + columns.map { "\($0[index])" }).joined(separator: ",")
        }
        rows = csvRows?(rows) ?? rows
        let csv = folder + "/columbus.csv"
        try (["POLYID,CRIME,INC,HOVAL"] + rows).joined(separator: "\n").appending("\n").write(toFile: csv, atomically: true, encoding: .utf8)
        let weights: [String: Any] = try fixture.value("weights")
        let edges = try #require(weights["edges"] as? [[Int]]).filter { !$0.contains(island ?? -1) }
        var lines = ["\(ids.count)"]
        for id in ids {
            let neighbours = edges.filter { $0[0] == id }.map { String($0[1]) }
            lines += ["\(id) \(neighbours.count)", neighbours.joined(separator: " ")]
        }
        lines = galLines?(lines) ?? lines
        let gal = folder + "/columbus.gal"
        try lines.joined(separator: "\n").appending("\n").write(toFile: gal, atomically: true, encoding: .utf8)
        return (csv, gal)
    }

    static func request(_ files: (csv: String, gal: String), model: String = "sar") -> DataSpatial.Request {
        var request = DataSpatial.Request(dataPath: files.csv, formula: "CRIME ~ INC + HOVAL", weightsPath: files.gal)
        request.model = model
        request.unit = "POLYID"
        return request
    }

    static func failure(_ request: DataSpatial.Request) -> String? {
        do {
            _ = try DataSpatial.run(request)
            return nil
        } catch let error as InvalidInput {
            return error.description
        } catch {
            return "unexpected: \(error)"
        }
    }

    static func relative(_ value: Double, _ reference: Double) -> Double { abs(value - reference) / max(abs(reference), 1e-300) }

    @Test("Columbus through CSV + GAL matches spatialreg for every model, in the table and the JSON",
          arguments: ["sar", "sem", "sac", "sdm", "sdem"])
    func columbus(model: String) throws {
        let folder = try TemporaryDirectory.create("spatial-columbus")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let files = try Self.columbusFiles(in: folder)
        let models: [String: Any] = try OracleFixture(oracle: "spatialreg", name: "columbus").value("models")
        let reference = try #require(models[model] as? [String: Any])
        var request = Self.request(files, model: model)
        let outcome = try DataSpatial.run(request)
        #expect(outcome.warnings.isEmpty)
        let fit = outcome.fit
        for (name, value) in try #require(reference["coefficients"] as? [String: Double]) {
            let ours = try #require(fit.coefficient(named: name.replacingOccurrences(of: "lag.", with: "W*")), "\(name)")
            #expect(Self.relative(ours.estimate, value) < 1e-6, "\(model) \(name)")
        }
        for (name, value) in try #require(reference["standard_errors"] as? [String: Double]) {
            let ours = try #require(fit.coefficient(named: name.replacingOccurrences(of: "lag.", with: "W*")))
            #expect(Self.relative(ours.standardError, value) < 1e-4, "\(model) SE \(name)")
        }
        for parameter in ["rho", "lambda"] {
            guard let value = reference[parameter] as? Double else { continue }
            #expect(Self.relative(try #require(fit.coefficient(named: parameter)).estimate, value) < 1e-6)
            #expect(outcome.text.contains("\n\(parameter) "))
        }
        let logLikelihood = try #require(reference["log_likelihood"] as? Double)
        #expect(Self.relative(fit.logLikelihood, logLikelihood) < 1e-9)
        #expect(outcome.text.contains("Observations: 49 (cross-section of n = 49 units, id 'POLYID')"))
        #expect(outcome.text.contains((model == "sem" || model == "sdem" ? "ln|I − λW|" : "ln|I − ρW|") + ": exact, eigenvalues of a dense W (n = 49)"))
        request.json = true
        let object = try #require(try JSONSerialization.jsonObject(with: Data(DataSpatial.run(request).text.utf8)) as? [String: Any])
        #expect(object["model"] as? String == model)
        #expect(object["coefficientNames"] as? [String] == fit.coefficientNames)
        #expect(Self.relative(try #require(object["logLikelihood"] as? Double), logLikelihood) < 1e-9)
        #expect(Self.relative(try #require(object["aic"] as? Double), try #require(reference["aic"] as? Double)) < 1e-9)
        let coefficients = try #require(object["coefficients"] as? [String: [String: Any]])
        let intercept = try #require(coefficients["(Intercept)"])
        #expect(intercept["estimate"] as? Double == fit.coefficients[0] && intercept["z"] is Double && intercept["pValue"] is Double)
        #expect(object["unitCount"] as? Int == 49 && object["periodCount"] as? Int == 1)
    }

    @Test("the committed example (docs/estimators/spatial.md) gives spatialreg's SAR on Columbus")
    func committedExample() throws {
        let files = (csv: Repository.path("Tests/Fixtures/spatialreg/data/columbus.csv"),
                     gal: Repository.path("Tests/Fixtures/spatialreg/data/columbus.gal"))
        let outcome = try DataSpatial.run(Self.request(files))
        let models: [String: Any] = try OracleFixture(oracle: "spatialreg", name: "columbus").value("models")
        let sar = try #require(models["sar"] as? [String: Any])
        #expect(Self.relative(outcome.fit.rho, try #require(sar["rho"] as? Double)) < 1e-6)
        #expect(Self.relative(outcome.fit.logLikelihood, try #require(sar["log_likelihood"] as? Double)) < 1e-9)
        #expect(outcome.text.contains("Spatial lag model (SAR) by maximum likelihood, Dep. Var.: CRIME"))
    }

    @Test("--impacts: spatialreg's direct, indirect and total effects in the table and the JSON; seeded SEs",
          arguments: ["sar", "sac", "sdm"])
    func impacts(model: String) throws {
        let files = (csv: Repository.path("Tests/Fixtures/spatialreg/data/columbus.csv"),
                     gal: Repository.path("Tests/Fixtures/spatialreg/data/columbus.gal"))
        let models: [String: Any] = try OracleFixture(oracle: "spatialreg", name: "columbus").value("models")
        let reference = try #require((models[model] as? [String: Any])?["impacts"] as? [String: Any])
        var request = Self.request(files, model: model)
        request.impacts = true
        request.draws = 200
        request.seed = 11
        let outcome = try DataSpatial.run(request)
        let effects = try #require(outcome.impacts?.effects)
        #expect(effects.map(\.variable) == ["INC", "HOVAL"])
        for effect in effects {
            for (kind, value) in [("direct", effect.direct), ("indirect", effect.indirect), ("total", effect.total)] {
                let expected = try #require((reference[kind] as? [String: Double])?[effect.variable])
                #expect(Self.relative(value, expected) < 1e-6, "\(model) \(kind) \(effect.variable): \(value) vs \(expected)")
            }
            #expect(effect.directStandardError > 0 && effect.indirectStandardError > 0 && effect.totalStandardError > 0)
        }
        #expect(outcome.text.contains("Impacts (LeSage–Pace average effects; standard errors from 200 draws of the estimates (seed 11)):"))
        #expect(try DataSpatial.run(request).impacts?.effects == effects)
        request.seed = 12
        #expect(try DataSpatial.run(request).impacts?.effects != effects)
        request.json = true
        let object = try #require(try JSONSerialization.jsonObject(with: Data(DataSpatial.run(request).text.utf8)) as? [String: Any])
        let rows = try #require((object["impacts"] as? [String: Any])?["effects"] as? [[String: Any]])
        #expect(rows.map { $0["variable"] as? String } == ["INC", "HOVAL"] && rows.allSatisfy { $0["totalStandardError"] is Double })
        request.draws = 1
        #expect(Self.failure(request)?.hasPrefix("error: --draws must be between 2 and 1,000,000") == true)
    }

    @Test("bad data, weights and options are located errors (exit code 2)")
    func badInput() throws {
        let folder = try TemporaryDirectory.create("spatial-bad")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A missing value: INC of POLYID 5 (file line 6).
        var files = try Self.columbusFiles(in: folder) { rows in
            var rows = rows
            var fields = rows[4].split(separator: ",").map(String.init)
            fields[2] = "NA"
            rows[4] = fields.joined(separator: ",")
            return rows
        }
        #expect(Self.failure(Self.request(files)) == "\(files.csv):6:3 (column 'INC'): error: INC is missing or undefined for unit 5; "
            + "a spatial model needs every unit in every period (fill the value in, or drop the unit from the data and from W)")
        // A text cell in a formula variable: located, without the fixest advice to move it after '|'.
        files = try Self.columbusFiles(in: folder) { rows in
            var rows = rows
            rows[9] = rows[9].replacingOccurrences(of: ",", with: ",x", options: [], range: rows[9].range(of: ","))
            return rows
        }
        #expect(Self.failure(Self.request(files))?.hasPrefix("\(files.csv):11:2 (column 'CRIME'): error: 'x") == true)
        #expect(Self.failure(Self.request(files))?.contains("every variable of a spatial model's formula must be numeric") == true)
        // A unit of the data that W lacks (line 51), and W's unit the data lacks.
        files = try Self.columbusFiles(in: folder) { rows in Array(rows.dropFirst()) + ["50,1,2,3"] }
        #expect(Self.failure(Self.request(files)) == "\(files.csv):50:1 (column 'POLYID'): error: 1 unit(s) of the data are not in W (50); "
            + "1 unit(s) of W are not in the data (1); the data's unit ids and W's must be the same set (ids are compared by value: 1, 01 and 1.0 are one unit)")
        // A unit twice in a cross-section.
        files = try Self.columbusFiles(in: folder) { rows in rows + [rows[2]] }
        #expect(Self.failure(Self.request(files))?.hasPrefix("\(files.csv):51:1 (column 'POLYID'): error: unit 3 appears twice (first at data row 3)") == true)
        // An island: unit 49 loses its neighbours (and they lose it).
        files = try Self.columbusFiles(in: folder, isolating: 49)
        let island = Self.failure(Self.request(files))
        #expect(island == "error: unit 49 has no neighbours (an island); give it at least one neighbour or drop it from the data and W", "\(island ?? "")")
        // A malformed GAL file: located by line.
        files = try Self.columbusFiles(in: folder, galLines: { lines in var lines = lines; lines[1] = "1 x"; return lines })
        #expect(Self.failure(Self.request(files))?.hasPrefix("\(files.gal):2:2: error: 'x' is not a number") == true)
        // Options.
        files = try Self.columbusFiles(in: folder)
        var request = Self.request(files, model: "slx")
        #expect(Self.failure(request) == "error: --model must be sar, sem, sac, sdm or sdem, not 'slx'")
        request = Self.request(files)
        request.effects = "individual"
        #expect(Self.failure(request) == "error: --effects individual needs a panel: give --panel ID,TIME instead of --id")
        request = Self.request(files)
        request.leeYu = true
        #expect(Self.failure(request)?.contains("--lee-yu corrects fixed-effects panels") == true)
        request = Self.request(files)
        request.panel = "POLYID,year"
        #expect(Self.failure(request) == "error: give --id ID (a cross-section) or --panel ID,TIME (a panel), not both")
        request = Self.request(files)
        request.unit = nil
        #expect(Self.failure(request) == "error: name the unit column: --id ID for a cross-section, or --panel ID,TIME for a panel")
        request = Self.request(files)
        request.formula = "CRIME ~ INC | POLYID"
        #expect(Self.failure(request)?.contains("spatial models take no fixed-effect part: give the effects with --effects") == true)
        request = Self.request(files)
        request.weightsFormat = "shp"
        #expect(Self.failure(request) == "error: --weights-format must be gal, gwt, csv or edges, not 'shp'")
        request = Self.request(files)
        request.formula = "CRIME ~ INC + INC2"
        #expect(Self.failure(request)?.contains("INC2") == true)
    }

    /// spatialreg's panel fixture (a seeded 60-unit kNN panel, T = 6) as `panel.csv` in reversed row order and
    /// W as an edge list `edges.csv`.
    static func panelFiles(in folder: String) throws -> (csv: String, gal: String) {
        let fixture = try OracleFixture(oracle: "spreg", name: "panel_fe")
        let data: [String: Any] = try fixture.value("data")
        let columns = try #require(data["columns"] as? [String])
        let rows = try #require(data["rows"] as? [[NSNumber]])
        let lines = rows.reversed().map { row in
            row.enumerated().map { index, value in index < 2 ? String(value.intValue) : "\(value.doubleValue)" }.joined(separator: ",")
        }
        let csv = folder + "/panel.csv"
        try ([columns.joined(separator: ",")] + lines).joined(separator: "\n").appending("\n").write(toFile: csv, atomically: true, encoding: .utf8)
        let weights: [String: Any] = try fixture.value("weights")
        let edges = try #require(weights["edges"] as? [[Int]])
        let path = folder + "/edges.csv"
        try (["from,to"] + edges.map { "\($0[0]),\($0[1])" }).joined(separator: "\n").appending("\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        return (csv, path)
    }

    @Test("a scrambled CSV panel with an edge-list W gives spatialreg's unit-effects estimates (direct and Lee–Yu)",
          arguments: [("sar", "y_sar", "lag"), ("sem", "y_sem", "error"), ("sdm", "y_sdm", "sdm"), ("sdem", "y_sem", "sdem"), ("sac", "y_sac", "sac")])
    func panelOracle(model: String, response: String, key: String) throws {
        let folder = try TemporaryDirectory.create("spatial-panel-oracle")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let files = try Self.panelFiles(in: folder)
        let cases: [String: Any] = try OracleFixture(oracle: "spatialreg", name: "panel_fe").value("cases")
        for (name, leeYu) in [("direct_individual", false), ("lee_yu_individual", true)] {
            let reference = try #require((cases[name] as? [String: Any])?[key] as? [String: Any])
            var request = DataSpatial.Request(dataPath: files.csv, formula: "\(response) ~ x1 + x2", weightsPath: files.gal)
            request.model = model
            request.panel = "unit,time"
            request.effects = "individual"
            request.leeYu = leeYu
            let fit = try DataSpatial.run(request).fit
            #expect(fit.unitCount == 60 && fit.periodCount == 6)
            for (coefficient, value) in try #require(reference["coefficients"] as? [String: Double]) {
                let ours = try #require(fit.coefficient(named: coefficient.replacingOccurrences(of: "lag.", with: "W*")), "\(coefficient)")
                #expect(Self.relative(ours.estimate, value) < 1e-6, "\(name) \(model) \(coefficient): \(ours.estimate) vs \(value)")
            }
            for parameter in ["rho", "lambda"] {
                guard let value = reference[parameter] as? Double else { continue }
                // Relative 1e-6, on a scale of at least 0.1: SAC's λ ≈ 0.045 is where spatialreg's nlminb stops
                // (its direct and Lee–Yu fits, equal in theory, differ by 3.3e-8 in λ).
                let ours = try #require(fit.coefficient(named: parameter)).estimate
                #expect(abs(ours - value) < 1e-6 * max(abs(value), 0.1), "\(name) \(model) \(parameter): \(ours) vs \(value)")
            }
            let logLikelihood = try #require(reference["log_likelihood"] as? Double)
            #expect(Self.relative(fit.logLikelihood, logLikelihood) < 1e-8, "\(name) \(model) ℓ: \(fit.logLikelihood) vs \(logLikelihood)")
        }
    }

    @Test("panels: two-way effects on a balanced panel; an unbalanced one is refused naming the missing pair and the counts")
    func panels() throws {
        let folder = try TemporaryDirectory.create("spatial-panel")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Columbus twice, as periods 2001 and 2002, the second with CRIME perturbed so the periods differ.
        let stacked = { (rows: [String]) -> [String] in
            rows.map { $0 + ",2001" } + rows.enumerated().map { index, row in
                var fields = row.split(separator: ",").map(String.init)
                for (column, step) in [(1, 7), (2, 3), (3, 5)] {
                    fields[column] = String((Double(fields[column]) ?? 0) + Double((index * step) % 11))
                }
                return fields.joined(separator: ",") + ",2002"
            }
        }
        var files = try Self.columbusFiles(in: folder, csvRows: stacked)
        let text = try String(contentsOfFile: files.csv, encoding: .utf8).replacingOccurrences(of: "HOVAL\n", with: "HOVAL,year\n")
        try text.write(toFile: files.csv, atomically: true, encoding: .utf8)
        var request = Self.request(files, model: "sar")
        request.unit = nil
        request.panel = "POLYID,year"
        request.effects = "twoways"
        let outcome = try DataSpatial.run(request)
        #expect(outcome.fit.periodCount == 2 && outcome.fit.unitCount == 49 && outcome.fit.coefficientNames == ["INC", "HOVAL", "rho"])
        #expect(outcome.text.contains("N = 49 units × T = 2 periods, year 2001–2002"))
        request.leeYu = true
        #expect(try DataSpatial.run(request).text.contains("Lee–Yu (2010) transformation"))
        // Drop (POLYID 7, 2002): file line 2 + 49 + 6.
        files = try Self.columbusFiles(in: folder, csvRows: { rows in
            var all = stacked(rows)
            all.remove(at: 49 + 6)
            return all
        })
        try String(contentsOfFile: files.csv, encoding: .utf8).replacingOccurrences(of: "HOVAL\n", with: "HOVAL,year\n")
            .write(toFile: files.csv, atomically: true, encoding: .utf8)
        #expect(Self.failure(request) == "\(files.csv): error: the panel is unbalanced: unit 7 has no row in period 2002 "
            + "(49 units × 2 periods = 98 rows for a balanced panel, the data has 97); spatial panel models need every unit in every period: "
            + "drop the incomplete units (from the data and W) or periods")
    }
}
