/// The data of one spatial estimation: a balanced panel (or a cross-section, T = 1) stacked by
/// period, each period holding the n units in W's order.
public struct SpatialSample: Sendable {
    /// Name of the dependent variable.
    public let responseName: String
    /// y, of length n·T: element t·n + i is unit i in period t.
    public let response: [Double]
    /// Regressor names (e.g. "(Intercept)", "INC").
    public let regressorNames: [String]
    /// Regressor columns, each of length n·T, stacked like `response`.
    public let regressors: [[Double]]
    /// The weight matrix, aligned to the units (index i of W is unit i of every period).
    public let weights: SpatialWeights
    /// Number of periods T (1 for a cross-section).
    public let periodCount: Int
    /// Labels of the periods, in stacking order (for reports).
    public let periodLabels: [String]

    public var unitCount: Int { weights.unitCount }
    public var observationCount: Int { response.count }

    public init(
        responseName: String, response: [Double], regressorNames: [String], regressors: [[Double]],
        weights: SpatialWeights, periodCount: Int, periodLabels: [String]? = nil
    ) throws {
        let units = weights.unitCount
        guard periodCount >= 1, response.count == units * periodCount else {
            throw SpatialError.invalidSample(
                "\(response.count) observations do not make \(periodCount) period(s) of \(units) units")
        }
        guard regressorNames.count == regressors.count, !regressors.isEmpty else {
            throw SpatialError.invalidSample("the model needs at least one regressor, with one name each")
        }
        for (name, column) in zip(regressorNames, regressors) where column.count != response.count {
            throw SpatialError.invalidSample("regressor \(name) has \(column.count) values for \(response.count) observations")
        }
        if let bad = response.firstIndex(where: { !$0.isFinite }) {
            throw SpatialError.invalidSample("\(responseName) is not finite at unit \(weights.unitIdentifiers[bad % units]), period \(bad / units + 1)")
        }
        for (name, column) in zip(regressorNames, regressors) {
            if let bad = column.firstIndex(where: { !$0.isFinite }) {
                throw SpatialError.invalidSample("\(name) is not finite at unit \(weights.unitIdentifiers[bad % units]), period \(bad / units + 1)")
            }
        }
        self.responseName = responseName
        self.response = response
        self.regressorNames = regressorNames
        self.regressors = regressors
        self.weights = weights
        self.periodCount = periodCount
        self.periodLabels = periodLabels ?? (1...periodCount).map(String.init)
    }
}
