/// What one replication of a model needs, estimated from its parameters alone before anything
/// is allocated: the memory its largest arrays take at the same time and the work of filling
/// them, term by term, with the scenario keys that drive each term.
///
/// Each model supplies its own estimate next to its descriptor (``ModelDescriptor/resources``),
/// listing the arrays whose size grows with its parameters; the scenario layer multiplies by the
/// number of concurrent replications and compares the total with the machine's memory.
public struct ResourceEstimate: Sendable, Equatable {
    /// One array (or family of arrays) of a replication.
    public struct Term: Sendable, Equatable {
        /// What the term is, with its dimensions, e.g. `source exporters: cities × destinations × years`.
        public let label: String
        /// The scenario keys (model parameters) the term grows with.
        public let keys: [String]
        /// Bytes held at the replication's peak.
        public let bytes: Double
        /// Elementary steps (draws, array cells written or read) to fill and use it.
        public let operations: Double

        public init(label: String, keys: [String], bytes: Double, operations: Double) {
            self.label = label
            self.keys = keys
            self.bytes = bytes.isFinite ? max(bytes, 0) : .infinity
            self.operations = operations.isFinite ? max(operations, 0) : .infinity
        }
    }

    /// The terms, in the model's order.
    public let terms: [Term]

    public init(terms: [Term]) { self.terms = terms }

    /// Peak bytes of one replication (the sum of the terms; they are alive together).
    public var bytes: Double { terms.reduce(0) { $0 + $1.bytes } }

    /// Work of one replication.
    public var operations: Double { terms.reduce(0) { $0 + $1.operations } }

    /// The terms by decreasing size, largest first.
    public var largestTerms: [Term] { terms.sorted { $0.bytes > $1.bytes } }

    /// The terms by decreasing work, largest first.
    public var costliestTerms: [Term] { terms.sorted { $0.operations > $1.operations } }

    /// Bytes of `count` 8-byte values (Double or Int), as a Double so that no product overflows.
    public static func words(_ count: Double) -> Double { 8 * count }
}
