import Models
import Pipelines

/// A validated scenario: a model, its parameters with every default filled in, and the
/// Monte Carlo, sweep, estimation and output settings, with the file positions of its keys.
public struct Scenario: Sendable {
    /// The file the scenario was read from (as given to the loader).
    public let sourcePath: String
    public let name: String
    public let model: ModelDescriptor
    public let seed: UInt64
    /// Every parameter of `model`, defaults filled in; `.real` parameters are always `.real`.
    public let parameters: ParameterValues
    public let montecarlo: MonteCarloSettings
    /// In the key order of the file; the first axis varies slowest in `sweepPoints`.
    public let sweep: [SweepAxis]
    /// `[sweep] montecarlo`: whether the Monte Carlo is repeated at every sweep point (default true;
    /// false keeps the sweep to the theory).
    public let sweepMonteCarlo: Bool
    /// The `[[estimate]]` tables, in file order (not in the brief; see DESIGN.md's example).
    public let estimations: [EstimationRequest]
    /// The `[[mediate]]` tables, in file order.
    public let mediations: [MediationRequest]
    public let output: OutputSettings
    let locator: SourceLocator

    init(sourcePath: String, name: String, model: ModelDescriptor, seed: UInt64, parameters: ParameterValues,
         montecarlo: MonteCarloSettings, sweep: [SweepAxis], estimations: [EstimationRequest],
         mediations: [MediationRequest] = [], output: OutputSettings, locator: SourceLocator, sweepMonteCarlo: Bool = true) {
        self.sweepMonteCarlo = sweepMonteCarlo
        self.sourcePath = sourcePath
        self.name = name
        self.model = model
        self.seed = seed
        self.parameters = parameters
        self.montecarlo = montecarlo
        self.sweep = sweep
        self.estimations = estimations
        self.mediations = mediations
        self.output = output
        self.locator = locator
    }

    /// The number of points of the sweep grid (0 when there is no sweep).
    public var sweepPointCount: Int {
        sweep.isEmpty ? 0 : sweep.reduce(1) { $0 * $1.values.count }
    }

    /// The cartesian product of the sweep axes applied to `parameters`, first axis slowest;
    /// `[]` when there is no sweep.
    public var sweepPoints: [ParameterValues] {
        guard !sweep.isEmpty else { return [] }
        return (0..<sweepPointCount).map(sweepPoint)
    }

    /// Point `index` of the sweep (row-major over the axes, first axis slowest).
    public func sweepPoint(_ index: Int) -> ParameterValues {
        var values = parameters
        for (axis, position) in zip(sweep, sweepIndices(index)) {
            values[axis.parameter] = .real(axis.values[position])
        }
        return values
    }

    /// The index into each axis of sweep point `index`.
    public func sweepIndices(_ index: Int) -> [Int] {
        var remainder = index
        var indices = Array(repeating: 0, count: sweep.count)
        for axis in sweep.indices.reversed() {
            let count = max(sweep[axis].values.count, 1)
            indices[axis] = remainder % count
            remainder /= count
        }
        return indices
    }

    /// Where `keyPath` (`model.sigma`, `sweep.k[2]`, `output.dir`) is written in the file,
    /// else its nearest enclosing table's header; `nil` when neither is written.
    public func location(of keyPath: String) -> SourceLocation? { locator.locate(keyPath) }

    /// Where `keyPath` itself is written, without falling back to its table.
    public func explicitLocation(of keyPath: String) -> SourceLocation? { locator.position(of: keyPath) }
}
