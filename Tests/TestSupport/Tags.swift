import Foundation
import Testing

extension Tag {
    /// Long Monte Carlo checks (minutes in a debug build): thousands of replications, coverage bands.
    @Tag public static var slow: Self
    /// Simulations at a paper's full scale (millions of rows); fast only in a release build.
    @Tag public static var paperScale: Self
    /// Timings that print seconds and assert no threshold; meaningful in a release build.
    @Tag public static var timing: Self

    /// The tags whose tests run only when selected (`OptInTags`); every other test always runs.
    public static let optIn: Set<Tag> = [.slow, .paperScale, .timing]
}
