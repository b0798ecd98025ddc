import Numerical

/// The five random streams of one replication of the `information-spillover` simulator, each
/// `RandomStream(masterSeed: seed, replication: r, purpose: "information-spillover/<part>")`.
///
/// Each part is drawn from its own stream in a fixed, documented order (see the `draw` functions
/// of `SpilloverWorld`, `SpilloverFirmNetwork`, `SpilloverDemand`, `SourceExporterDraw` and
/// `InformationSpilloverModel.simulate(streams:)`), so a replication's panel depends only on
/// (seed, r) and never on which thread runs it or on the other replications.
public struct SpilloverStreams {
    /// Cities, provinces, destinations' density effects and fixed costs, products.
    public let world: RandomStream
    /// Plants per firm, their cities, establishment years and productivities.
    public let firms: RandomStream
    /// Initial demand levels, demand innovations g_mt and plants' own components z_im.
    public let demand: RandomStream
    /// Source exporter counts n_cmt and growth sums S_cmt.
    public let sources: RandomStream
    /// Row-level draws: transitory sales noise, imports, products, firms' domestic sales.
    public let sales: RandomStream

    /// The purposes, in the order of the stored properties.
    public static let parts = ["world", "firms", "demand", "sources", "sales"]

    /// The streams of replication `replication` of a run with master seed `masterSeed`.
    public init(masterSeed: UInt64, replication: Int) {
        func stream(_ part: String) -> RandomStream {
            RandomStream(masterSeed: masterSeed, replication: replication, purpose: "information-spillover/\(part)")
        }
        world = stream("world")
        firms = stream("firms")
        demand = stream("demand")
        sources = stream("sources")
        sales = stream("sales")
    }
}
