/// What a run reports while it works. Library code never prints: the CLI renders these.
public enum RunProgress: Sendable {
    /// A stage begins, e.g. "solving the equilibrium".
    case stage(String)
    /// Monte Carlo replications completed so far.
    case replications(ReplicationProgress)
}
