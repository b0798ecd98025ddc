import Covariance
import FixedEffects
import PanelData

/// The rows an estimation uses and its variables on those rows, after dropping rows with a missing
/// or undefined value and, repeatedly, fixed-effect singletons.
struct EstimationSample {
    /// Dataset rows in the sample, ascending.
    let rows: [Int]
    let dependent: [Double]
    /// Regressor columns on `rows`, the intercept ("(Intercept)") first when the formula has one.
    let regressors: [[Double]]
    let regressorNames: [String]
    /// Fixed effects restricted to `rows`, in formula order.
    let fixedEffects: [FactorCodes]
    /// Cluster variables restricted to `rows`.
    let clusters: [FactorCodes]
    let droppedMissing: Int
    let droppedSingletons: Int
    /// Analytic weights of the sample rows (all > 0), nil when unweighted.
    var weights: [Double]? = nil
    /// Rows left out because their weight is 0.
    var droppedZeroWeight = 0
    /// Unit and time of every sample row, for the panel HAC covariances (nil unless asked for).
    var panelCodes: PanelCodes? = nil

    /// - Parameter defaultClustering: the cluster variable is the first fixed effect because no
    ///   covariance was given (only changes the message when it has fewer than two levels).
    /// - Parameter panel: with a panel structure (of `dataset`), rows outside any unit (missing unit or
    ///   time) are left out and the sample keeps each row's unit and time (``panelCodes``).
    static func build(formula: Formula, dataset: Dataset, clusterNames: [String], removeSingletons: Bool,
                      defaultClustering: Bool = false, panel: PanelStructure? = nil,
                      weights weightName: String? = nil) throws -> EstimationSample {
        let weightValues = try weightName.map { try Self.weights($0, in: dataset) }
        let dependent = try numeric(formula.dependent, in: dataset)
        var names: [String] = [], columns: [[Double]] = []
        if formula.hasIntercept {
            names.append("(Intercept)")
            columns.append([Double](repeating: 1, count: dataset.rowCount))
        }
        for term in formula.regressors {
            names.append(term.description)
            columns.append(try numeric(term, in: dataset))
        }
        var fixedEffects = try formula.fixedEffects.map { try CategoricalVariable.codes($0.description, in: dataset) }
        var clusters = try clusterNames.map { try CategoricalVariable.codes($0, in: dataset) }

        var keep = [Bool](repeating: true, count: dataset.rowCount)
        for row in 0..<dataset.rowCount {
            if dependent[row].isNaN || !dependent[row].isFinite { keep[row] = false; continue }
            if columns.contains(where: { !$0[row].isFinite }) { keep[row] = false; continue }
            if fixedEffects.contains(where: { $0.codes[row] < 0 }) || clusters.contains(where: { $0.codes[row] < 0 }) {
                keep[row] = false
            }
            if let panel, panel.unitOfRow[row] < 0 { keep[row] = false }
        }
        var droppedZeroWeight = 0
        if let weightValues {
            for row in keep.indices where keep[row] && weightValues[row] == 0 {
                keep[row] = false
                droppedZeroWeight += 1
            }
        }
        var rows = keep.indices.filter { keep[$0] }
        let droppedMissing = dataset.rowCount - rows.count - droppedZeroWeight
        guard !rows.isEmpty else {
            throw EstimationError.emptySample(reason: "all \(dataset.rowCount) rows have a missing or undefined value in \(formula.variables.joined(separator: ", "))")
        }
        fixedEffects = fixedEffects.map { $0.restricted(to: rows) }
        clusters = clusters.map { $0.restricted(to: rows) }

        var droppedSingletons = 0
        if removeSingletons, !fixedEffects.isEmpty {
            let (nonSingleton, removed) = SingletonRemoval.nonSingletonRows(fixedEffects)
            if removed > 0 {
                guard removed < rows.count else {
                    throw EstimationError.emptySample(reason: "every one of the \(rows.count) observations is a fixed-effect singleton")
                }
                let positions = nonSingleton.indices.filter { nonSingleton[$0] }
                rows = positions.map { rows[$0] }
                fixedEffects = fixedEffects.map { $0.restricted(to: positions) }
                clusters = clusters.map { $0.restricted(to: positions) }
                droppedSingletons = removed
            }
        }
        try checkClusterCounts(clusters, defaultClustering: defaultClustering)
        var sample = EstimationSample(
            rows: rows, dependent: rows.map { dependent[$0] }, regressors: columns.map { column in rows.map { column[$0] } },
            regressorNames: names, fixedEffects: fixedEffects, clusters: clusters,
            droppedMissing: droppedMissing, droppedSingletons: droppedSingletons)
        sample.droppedZeroWeight = droppedZeroWeight
        sample.weights = weightValues.map { values in rows.map { values[$0] } }
        if let panel {
            do {
                sample.panelCodes = try PanelCodes(units: rows.map { panel.unitOfRow[$0] }, times: rows.map { panel.timeOfRow[$0] })
            } catch {
                throw EstimationError.covariance("\(error)")
            }
        }
        return sample
    }

    /// A term's values, with a located error when a column it reads holds text: the error names the
    /// first cell that is not a number as the CSV reader reads numbers.
    static func numeric(_ term: Term, in dataset: Dataset) throws -> [Double] {
        for variable in term.variables {
            let column = try dataset.column(named: variable)
            if let cell = column.firstTextCell() {
                throw EstimationError.notNumeric(variable: variable, row: cell.row, value: cell.text)
            }
        }
        return try term.evaluate(in: dataset)
    }

    /// The weight column: numbers, none missing, none negative.
    /// - Throws: ``EstimationError/notNumeric(variable:row:value:)`` for text, ``EstimationError/invalidWeight(variable:row:value:)``
    ///   naming the first missing, negative or infinite weight.
    static func weights(_ name: String, in dataset: Dataset) throws -> [Double] {
        let column = try dataset.column(named: name)
        if let cell = column.firstTextCell() { throw EstimationError.notNumeric(variable: name, row: cell.row, value: cell.text) }
        let values = try dataset.doubles(name)
        if let row = values.firstIndex(where: { !($0.isFinite && $0 >= 0) }) {
            throw EstimationError.invalidWeight(variable: name, row: row, value: values[row])
        }
        return values
    }

    /// Throws when a cluster variable has fewer than two levels; `defaultClustering` when the only
    /// cluster variable is the first fixed effect, used because no covariance was given.
    static func checkClusterCounts(_ clusters: [FactorCodes], defaultClustering: Bool) throws {
        for cluster in clusters where cluster.levelCount < 2 {
            throw EstimationError.tooFewClusters(
                variable: cluster.name, count: cluster.levelCount, isDefault: defaultClustering)
        }
    }
}

extension EstimationOptions {
    /// The panel structure of `data` when `vcov` needs it (panel HAC), else nil.
    /// - Throws: ``EstimationError/covariance(_:)`` when the covariance needs a panel and none was declared;
    ///   `PanelDataError` for a duplicate (unit, time) pair or a time that is not a whole number.
    func panelStructure(for vcov: VcovType, data: Dataset) throws -> PanelStructure? {
        guard vcov.needsPanel else { return nil }
        guard let panel else {
            throw EstimationError.covariance("\(vcov) standard errors need the panel's unit and time columns: "
                + "give --panel ID,TIME (in a scenario: panel = [\"id\", \"year\"])")
        }
        return try PanelStructure(data, panel: panel)
    }
}
