/// Errors of the spatial layer: weight matrices and spatial models.
public enum SpatialError: Error, Equatable, Sendable {
    /// The compressed-row structure of a weight matrix is inconsistent.
    case invalidWeights(String)
    /// A weight that is negative, infinite or not a number.
    case invalidWeight(from: String, to: String, value: Double)
    /// A unit listed as its own neighbour with a non-zero weight.
    case selfNeighbour(String)
    /// The same unit identifier twice (in W or in the data's unit list).
    case duplicateUnit(String)
    /// A unit without neighbours where the operation needs every unit to have one.
    case island(String)
    /// The data's units and W's units differ (first few of each, and how many in all).
    case unitMismatch(inDataNotWeights: [String], inWeightsNotData: [String], counts: (Int, Int))
    /// A weight file that cannot be read: the file, the 1-based line, the 1-based field on that line
    /// (nil when the problem is the line or the file as a whole) and what is wrong.
    case weightsFile(file: String, line: Int, field: Int?, problem: WeightsFileProblem)
    /// A weight matrix (or its input) larger than hetfirm accepts: `what` names the count
    /// ("units", "non-zero weights", "dense cells"), `count` the size asked for (a lower bound when
    /// counting stopped at the limit).
    case tooLarge(what: String, count: Int, limit: Int)
    /// A builder's parameter outside its domain (`--k 0`, a negative power, a cutoff ≤ 0).
    case invalidParameter(name: String, value: String, requirement: String)
    /// Two units a builder cannot weigh: they sit at the same point (a distance of zero under an
    /// inverse-distance or gravity weight) or have equal attribute means (economic distance).
    case coincidentUnits(String, String, measure: String)
    /// A builder's input value that is missing, not finite or out of its domain (a mass ≤ 0, a
    /// latitude beyond ±90°), naming the unit.
    case invalidUnitValue(unit: String, quantity: String, value: Double, requirement: String)
    /// W cannot be written in the format asked for (GAL holds no weights; GAL and GWT separate
    /// fields by spaces, so an id with a space cannot be written there).
    case formatCannotHold(format: String, reason: String)

    /// The estimation sample does not fit the model (shape, missing values, collinearity).
    case invalidSample(String)
    /// The requested model, effects and options do not go together.
    case unsupportedSpecification(String)
    /// A dense method asked for more units than it can hold.
    case tooLargeForDense(units: Int, maximum: Int)
    /// A quantity the chosen method cannot provide.
    case unavailable(String)

    public static func == (lhs: SpatialError, rhs: SpatialError) -> Bool {
        String(describing: lhs) == String(describing: rhs)
    }
}

extension SpatialError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .invalidWeights(let detail): "invalid spatial weights: \(detail)"
        case .invalidWeight(let from, let to, let value):
            "spatial weight from \(from) to \(to) is \(value); weights must be finite and non-negative"
        case .selfNeighbour(let unit): "unit \(unit) is listed as its own neighbour; W must have a zero diagonal"
        case .duplicateUnit(let unit): "unit \(unit) appears twice"
        case .island(let unit):
            "unit \(unit) has no neighbours (an island); give it at least one neighbour or drop it from the data and W"
        case .tooLargeForDense(let units, let maximum):
            "W has \(units) units; the dense eigenvalue method takes at most \(maximum) (use a sparse log-determinant method)"
        case .unavailable(let detail): detail
        case .invalidSample(let detail): "spatial estimation: \(detail)"
        case .unsupportedSpecification(let detail): "spatial model: \(detail)"
        case .unitMismatch(let dataOnly, let weightsOnly, let counts):
            [
                counts.0 > 0 ? "\(counts.0) unit(s) of the data are not in W (\(dataOnly.joined(separator: ", "))\(counts.0 > dataOnly.count ? ", …" : ""))" : nil,
                counts.1 > 0 ? "\(counts.1) unit(s) of W are not in the data (\(weightsOnly.joined(separator: ", "))\(counts.1 > weightsOnly.count ? ", …" : ""))" : nil,
            ].compactMap { $0 }.joined(separator: "; ")
        case .weightsFile(let file, let line, let field, let problem):
            line == 0 ? "\(file): \(problem)" : "\(file):\(line)\(field.map { ":\($0)" } ?? ""): \(problem)"
        case .tooLarge(let what, let count, let limit):
            "the weight matrix would have \(count) \(what); hetfirm accepts at most \(limit) (see docs/estimators/spatial-weights.md, Limits)"
        case .invalidParameter(let name, let value, let requirement):
            "\(name) = \(value) is not allowed: \(requirement)"
        case .coincidentUnits(let first, let second, let measure):
            "units \(first) and \(second) have \(measure), so their weight would be infinite"
        case .invalidUnitValue(let unit, let quantity, let value, let requirement):
            "unit \(unit): \(quantity) is \(value.isNaN ? "missing" : "\(value)"); \(requirement)"
        case .formatCannotHold(let format, let reason):
            "W cannot be written as \(format): \(reason)"
        }
    }
}
