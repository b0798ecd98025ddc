import CGSL

/// The categorical distribution on `0..<probabilities.count`, sampled in constant time
/// by Walker's alias method (`gsl_ran_discrete_preproc` / `gsl_ran_discrete`).
///
/// The lookup table is built once in the initializer, never modified afterwards and
/// freed on deinitialization; `gsl_ran_discrete` only reads it, so one instance can be
/// shared by many threads (each with its own ``RandomStream``).
public final class CategoricalDistribution: DiscreteDistribution, @unchecked Sendable {
    /// The probabilities as given to the initializer.
    public let probabilities: [Double]
    /// GSL's alias table; read-only after initialization.
    private let table: UnsafeMutablePointer<gsl_ran_discrete_t>

    /// The largest allowed |Σ pᵢ − 1|.
    public static let sumTolerance: Double = 1e-9

    /// Throws ``NumericalError/invalidArgument(_:)`` unless `probabilities` is non-empty,
    /// every entry is finite and non-negative, and the entries sum to 1 within ``sumTolerance``.
    public init(probabilities: [Double]) throws {
        guard !probabilities.isEmpty else {
            throw NumericalError.invalidArgument("categorical distribution needs at least one probability")
        }
        for (index, probability) in probabilities.enumerated() where !(probability.isFinite && probability >= 0) {
            throw NumericalError.invalidArgument(
                "categorical probability \(index) must be finite and non-negative, got \(probability)")
        }
        let total = probabilities.reduce(0, +)
        guard abs(total - 1) <= CategoricalDistribution.sumTolerance else {
            throw NumericalError.invalidArgument("categorical probabilities sum to \(total), not 1")
        }
        GSLRuntime.prepare()
        let built = probabilities.withUnsafeBufferPointer { buffer in
            gsl_ran_discrete_preproc(buffer.count, buffer.baseAddress)
        }
        guard let built else {
            throw NumericalError.fromGSL(function: "gsl_ran_discrete_preproc", status: Int32(GSL_ENOMEM))
        }
        self.probabilities = probabilities
        self.table = built
    }

    deinit {
        gsl_ran_discrete_free(table)
    }

    /// The number of categories.
    public var count: Int { probabilities.count }

    /// pᵥ for `value` in `0..<count`, zero otherwise.
    public func probability(_ value: Int) -> Double {
        probabilities.indices.contains(value) ? probabilities[value] : 0
    }

    /// `gsl_ran_discrete`: one alias-table draw.
    public func sample(_ stream: RandomStream) -> Int {
        Int(gsl_ran_discrete(stream.generator, table))
    }
}
