/// The IV part of a formula, `endo1 + endo2 ~ z1 + z2`: the endogenous regressors and
/// their excluded instruments. The exogenous regressors instrument themselves.
public struct InstrumentSpecification: Sendable, Equatable, CustomStringConvertible {
    /// The endogenous regressors, in written order, duplicates removed.
    public let endogenous: [Term]
    /// The excluded instruments, in written order, duplicates removed.
    public let instruments: [Term]

    /// An IV part with the given endogenous regressors and instruments.
    public init(endogenous: [Term], instruments: [Term]) {
        self.endogenous = endogenous
        self.instruments = instruments
    }

    /// The part as written in a formula: `endo ~ z1 + z2`.
    public var description: String {
        endogenous.map(\.description).joined(separator: " + ") + " ~ "
            + instruments.map(\.description).joined(separator: " + ")
    }
}
