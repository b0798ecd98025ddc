import Foundation
import Measures
import PanelData

/// `hetfirm index DATA --method projection-pursuit|entropy|pca --indicators A,B,…`: a composite
/// index of a user's CSV (paper 000's INTER by projection pursuit, paper 001's entropy-weight and
/// PCA indices), one value per row, with the weights (or directions) per year.
public enum DataIndex {
    public enum Method: String, Sendable, CaseIterable {
        case projectionPursuit = "projection-pursuit"
        case entropy
        case pca
    }

    public struct Request: Sendable {
        public var dataPath: String
        /// `--method` as given.
        public var method: String
        /// `--indicators A,B,…` as given.
        public var indicators: String
        /// `--id REGION`, `--by YEAR`, `--negative C,…`.
        public var idColumn: String?
        public var yearColumn: String?
        public var negative: String?
        /// `--seed`, `--radius`, `--pairs`, `--allow-negative-directions`, `--threads` (projection pursuit).
        public var seed: UInt64?
        public var radius: String?
        public var pairs: String?
        public var allowNegativeDirections = false
        public var threads = 1
        /// `--shift`: α (projection pursuit, default 0.01) or s (entropy, default 0).
        public var shift: Double?
        /// `--weights pooled|by-year` (entropy, pca).
        public var weights: String?
        /// `--components kaiser|share:C|count:K` (pca).
        public var components: String?
        public var json = false
        public var delimiter: String?
        /// `--out FILE` and `--force`.
        public var output = WeightsOutputFile.Request()

        public init(dataPath: String, method: String, indicators: String) {
            self.dataPath = dataPath
            self.method = method
            self.indicators = indicators
        }
    }

    /// What the command prints, and the warnings (exit code 3: the two optimisers disagree).
    public struct Report: Sendable {
        public let text: String
        public let warnings: [String]
        public let document: IndexDocument
    }

    public static func run(_ request: Request) throws -> Report {
        let method = try parseMethod(request.method)
        let names = try list(request.indicators, option: "--indicators")
        guard !names.isEmpty else { throw InvalidInput(description: "error: --indicators needs at least one column name") }
        let negative = try request.negative.map { try list($0, option: "--negative") } ?? []
        try checkOptions(request, method: method)
        let file = try UserDataFile.read(path: request.dataPath, delimiter: request.delimiter)
        let data = file.data
        let input = try readInput(file, request: request, names: names)
        do {
            let panel = try IndicatorPanel(indicatorNames: names, values: input.values, years: input.years,
                                           negativeIndicators: Set(negative))
            var document = try compute(method, panel: panel, request: request, identifiers: input.identifiers)
            document.idColumn = request.idColumn
            let text: String
            if let path = request.output.path {
                let content = path.lowercased().hasSuffix(".csv") ? IndexText.csv(document)
                    : (request.json || path.lowercased().hasSuffix(".json") ? try IndexText.json(document) : IndexText.text(document))
                try WeightsOutputFile.write(content, request: request.output, path: path, inputs: [request.dataPath])
                text = "wrote \(path) (\(document.rows.count) rows)\n" + (request.json ? "" : IndexText.text(document, rows: false))
            } else {
                text = request.json ? try IndexText.json(document) : IndexText.text(document)
            }
            return Report(text: text, warnings: document.warnings, document: document)
        } catch let error as IndexError {
            throw InvalidInput(description: message(for: error, file: file, data: data, yearColumn: request.yearColumn, method: method))
        }
    }

    static func parseMethod(_ text: String) throws -> Method {
        guard let method = Method(rawValue: text.lowercased()) else {
            throw InvalidInput(description: "error: --method must be projection-pursuit, entropy or pca, not '\(text)'")
        }
        return method
    }

    static func list(_ text: String, option: String) throws -> [String] {
        let names = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard !names.contains(where: \.isEmpty) else {
            throw InvalidInput(description: "error: \(option) must be comma-separated column names, not '\(text)'")
        }
        return names
    }

    /// Options that belong to another method are refused rather than ignored.
    static func checkOptions(_ request: Request, method: Method) throws {
        let projectionOnly: [(String, Bool)] = [("--seed", request.seed != nil), ("--radius", request.radius != nil),
                                                ("--pairs", request.pairs != nil),
                                                ("--allow-negative-directions", request.allowNegativeDirections)]
        if method != .projectionPursuit, let used = projectionOnly.first(where: \.1) {
            throw InvalidInput(description: "error: \(used.0) applies to --method projection-pursuit only")
        }
        if method == .projectionPursuit, request.weights != nil {
            throw InvalidInput(description: "error: --weights applies to entropy and pca; projection pursuit always works year by year (--by)")
        }
        if method != .pca, request.components != nil {
            throw InvalidInput(description: "error: --components applies to --method pca only")
        }
        if method == .pca, request.shift != nil {
            throw InvalidInput(description: "error: --shift applies to projection-pursuit (α) and entropy (s), not pca")
        }
        guard request.threads >= 1 else { throw InvalidInput(description: "error: --threads must be at least 1, not \(request.threads)") }
    }

    /// The indicator values, years and identifiers of every row, with located errors.
    static func readInput(_ file: UserDataFile, request: Request, names: [String])
        throws -> (values: [[Double]], years: [Int]?, identifiers: [String]) {
        let data = file.data
        var columns: [[Double]] = []
        do {
            for name in names {
                let column = try data.column(named: name)
                if let cell = column.firstTextCell() {
                    var message = "\(file.location(ofDataRow: cell.row, column: name)): error: '\(cell.text)' is not a number, "
                        + "so indicator '\(name)' is read as text (a missing value is an empty cell or NA)"
                    if UserDataFile.hasDecimalComma(cell.text) { message += ". Decimal commas are not read: write a decimal point" }
                    throw InvalidInput(description: message)
                }
                columns.append(try data.doubles(name))
            }
        } catch let error as PanelDataError {
            throw InvalidInput(description: file.message(for: error))
        }
        let values = (0..<data.rowCount).map { row in columns.map { $0[row] } }
        var years: [Int]?
        if let yearColumn = request.yearColumn {
            let raw: [Double]
            do {
                let column = try data.column(named: yearColumn)
                if let cell = column.firstTextCell() {
                    throw InvalidInput(description: "\(file.location(ofDataRow: cell.row, column: yearColumn)): error: the year column "
                                       + "'\(yearColumn)' holds '\(cell.text)'; years must be whole numbers")
                }
                raw = try data.doubles(yearColumn)
            } catch let error as PanelDataError {
                throw InvalidInput(description: file.message(for: error))
            }
            var parsed: [Int] = []
            for (row, value) in raw.enumerated() {
                guard value.isFinite, value == value.rounded(), abs(value) < 1e15 else {
                    throw InvalidInput(description: "\(file.location(ofDataRow: row, column: yearColumn)): error: the year is "
                                       + (value.isNaN ? "missing" : "\(value)") + "; years must be whole numbers")
                }
                parsed.append(Int(value))
            }
            years = parsed
        }
        var identifiers = (0..<data.rowCount).map { String($0 + 1) }
        if let idColumn = request.idColumn {
            let column: Column
            do { column = try data.column(named: idColumn) } catch let error as PanelDataError {
                throw InvalidInput(description: file.message(for: error))
            }
            for row in 0..<data.rowCount {
                guard !column.isMissing(row) else {
                    throw InvalidInput(description: "\(file.location(ofDataRow: row, column: idColumn)): error: the region id is missing")
                }
                identifiers[row] = label(column, row: row)
            }
            var seen: [String: Int] = [:]
            for row in 0..<data.rowCount {
                let key = identifiers[row] + "\u{1F}" + (years.map { String($0[row]) } ?? "")
                if let first = seen[key] {
                    throw InvalidInput(description: "\(file.location(ofDataRow: row, column: idColumn)): error: region '\(identifiers[row])' "
                                       + (years.map { "has a second row in year \($0[row])" } ?? "appears twice")
                                       + " (first at \(file.location(ofDataRow: first)))")
                }
                seen[key] = row
            }
        }
        return (values, years, identifiers)
    }

    static func label(_ column: Column, row: Int) -> String {
        switch column.storage {
        case .factor(let codes, let labels):
            let code = Int(codes[row])
            return labels.indices.contains(code) ? labels[code] : ""
        case .int(let values):
            return String(values[row])
        case .double(let values):
            return values[row] == values[row].rounded() && abs(values[row]) < 1e15 ? String(Int(values[row])) : String(values[row])
        }
    }

    /// The located message of an index error: rows become file lines.
    static func message(for error: IndexError, file: UserDataFile, data: Dataset, yearColumn: String?, method: Method) -> String {
        switch error {
        case .missingValue(let row, let indicator):
            return "\(file.location(ofDataRow: row, column: indicator)): error: indicator '\(indicator)' is missing; "
                + "every indicator is needed in every row (drop or impute the row first)"
        case .nonFiniteValue(let row, let indicator, let value):
            return "\(file.location(ofDataRow: row, column: indicator)): error: indicator '\(indicator)' is \(value)"
        case .constantIndicator(let indicator, let year, let value):
            let scope = year.map { "in year \($0) (column '\(yearColumn ?? "year")')" } ?? "over all rows"
            return "\(file.path): error: indicator '\(indicator)' is constant (\(value)) \(scope); it cannot be normalised: drop it"
                + (year == nil || method == .projectionPursuit ? "" : " or use --weights pooled")
        case .invalidOption:
            return "error: \(error)"
        default:
            return "\(file.path): error: \(error)"
        }
    }

    /// Runs the method and collects rows, per-year weights and warnings.
    static func compute(_ method: Method, panel: IndicatorPanel, request: Request, identifiers: [String]) throws -> IndexDocument {
        let byYear = try parseWeights(request.weights)
        switch method {
        case .projectionPursuit:
            var options = ProjectionPursuitIndex.Options()
            if let seed = request.seed { options.seed = seed }
            if let radius = request.radius { options.radius = try parseRadius(radius) }
            if let pairs = request.pairs {
                switch pairs.lowercased() {
                case "all", "all-ordered-pairs": options.pairs = .allOrderedPairs
                case "distinct", "distinct-unordered-pairs": options.pairs = .distinctUnorderedPairs
                default: throw InvalidInput(description: "error: --pairs must be all (ordered pairs, i = k included) or distinct (i < k), not '\(pairs)'")
                }
            }
            if let shift = request.shift { options.shift = shift }
            options.allowNegativeDirections = request.allowNegativeDirections
            options.threads = request.threads
            let result = try ProjectionPursuitIndex.compute(panel, options: options)
            return IndexDocument(projectionPursuit: result, panel: panel, identifiers: identifiers, yearColumn: request.yearColumn)
        case .entropy:
            var options = EntropyWeightIndex.Options()
            options.byYear = byYear
            if let shift = request.shift { options.shift = shift }
            let result = try EntropyWeightIndex.compute(panel, options: options)
            return IndexDocument(entropy: result, panel: panel, identifiers: identifiers, yearColumn: request.yearColumn)
        case .pca:
            var options = PrincipalComponentIndex.Options()
            options.byYear = byYear
            if let components = request.components { options.retention = try parseComponents(components) }
            let result = try PrincipalComponentIndex.compute(panel, options: options)
            return IndexDocument(pca: result, panel: panel, identifiers: identifiers, yearColumn: request.yearColumn)
        }
    }

    static func parseWeights(_ text: String?) throws -> Bool {
        switch text?.lowercased() {
        case nil, "pooled": return false
        case "by-year", "year", "byyear": return true
        default: throw InvalidInput(description: "error: --weights must be pooled or by-year, not '\(text ?? "")'")
        }
    }

    /// `sd:C` (R = C·S_z), `max:C` (R = C·max r) or a number (a fixed R).
    static func parseRadius(_ text: String) throws -> ProjectionPursuitObjective.WindowRadius {
        let parts = text.lowercased().split(separator: ":", maxSplits: 1).map(String.init)
        let invalid = InvalidInput(description: "error: --radius must be sd:C (R = C·S_z, default sd:0.1), max:C (R = C·max|z_i − z_k|) "
                                   + "or a positive number (a fixed R), not '\(text)'")
        let radius: ProjectionPursuitObjective.WindowRadius
        if parts.count == 2, let value = Double(parts[1]) {
            switch parts[0] {
            case "sd": radius = .fractionOfStandardDeviation(value)
            case "max": radius = .fractionOfMaximumDistance(value)
            default: throw invalid
            }
        } else if parts.count == 1, let value = Double(parts[0]) {
            radius = .fixed(value)
        } else {
            throw invalid
        }
        do { try ProjectionPursuitObjective.validate(radius) } catch { throw invalid }
        return radius
    }

    /// `kaiser` (λ > 1), `eigenvalue:T`, `share:C` or `count:K`.
    static func parseComponents(_ text: String) throws -> PrincipalComponentIndex.Retention {
        let parts = text.lowercased().split(separator: ":", maxSplits: 1).map(String.init)
        let invalid = InvalidInput(description: "error: --components must be kaiser (eigenvalue > 1), eigenvalue:T, share:C "
                                   + "(cumulative share, e.g. share:0.85) or count:K, not '\(text)'")
        switch (parts.first, parts.count) {
        case ("kaiser", 1): return .eigenvalueAbove(1)
        case ("eigenvalue", 2): guard let value = Double(parts[1]) else { throw invalid }; return .eigenvalueAbove(value)
        case ("share", 2): guard let value = Double(parts[1]) else { throw invalid }; return .cumulativeShare(value)
        case ("count", 2): guard let value = Int(parts[1]) else { throw invalid }; return .count(value)
        default: throw invalid
        }
    }
}
