/// The largest weight matrices hetfirm reads or builds, so that no input can exhaust memory or time.
///
/// At the defaults a W takes at most about 1.2 GB while it is assembled (24 bytes a stored
/// weight, then 16 in the finished matrix). A file or builder call beyond a limit is refused with a
/// located ``SpatialError/weightsFile(file:line:field:problem:)`` or ``SpatialError/tooLarge(what:count:limit:)``
/// before the memory is allocated.
public struct SpatialWeightsLimits: Sendable, Equatable {
    /// Most units n.
    public var maximumUnits: Int
    /// Most stored (non-zero) weights.
    public var maximumEntries: Int

    public init(maximumUnits: Int = 1_000_000, maximumEntries: Int = 50_000_000) {
        self.maximumUnits = maximumUnits
        self.maximumEntries = maximumEntries
    }

    /// One million units, fifty million non-zero weights.
    public static let standard = SpatialWeightsLimits()
}
