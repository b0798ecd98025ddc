import Foundation
import Testing

/// Which opt-in tags (`Tag.optIn`: `.slow`, `.paperScale`, `.timing`) this test run selects.
///
/// A test tagged with an opt-in tag and marked `.optIn` is skipped unless its tag is named in the one
/// switch `HETFIRM_TEST_TAGS` (comma-separated tag names): `bash scripts/test.sh --slow` sets
/// `HETFIRM_TEST_TAGS=slow` and runs the whole suite, slow tests included. The tag on the test is the only
/// place that says which group a test belongs to: `.optIn` reads the test's own tags.
///
/// The switch exists because Swift 6.3's `swift test` cannot select tests by tag from the command line
/// (`swift test --filter tag:slow` matches no test), and a default run must skip the slow ones.
public enum OptInTags {
    /// The environment variable naming the selected tags, separated by commas.
    public static let variable = "HETFIRM_TEST_TAGS"

    /// The opt-in tag names that `environment` selects (unknown names are ignored).
    public static func selected(environment: [String: String]) -> Set<String> {
        let names = (environment[variable] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        return Set(names).intersection(Tag.optIn.map(name))
    }

    /// The names selected in this process.
    public static let current = selected(environment: ProcessInfo.processInfo.environment)

    /// A tag's name as written in `HETFIRM_TEST_TAGS` (`.slow` → `slow`).
    public static func name(_ tag: Tag) -> String {
        tag.description.hasPrefix(".") ? String(tag.description.dropFirst()) : tag.description
    }

    /// True when `tags` holds no opt-in tag, or one of its opt-in tags is in `selected`.
    public static func runs(tags: Set<Tag>, selected: Set<String>) -> Bool {
        let optIn = tags.intersection(Tag.optIn)
        return optIn.isEmpty || optIn.contains { selected.contains(name($0)) }
    }
}

/// Skips a test or suite whose opt-in tag is not selected (see `OptInTags`). It reads the tags of the test
/// it is attached to, so `@Test(.tags(.slow), .optIn)` is the whole declaration of a slow test.
public struct OptInTrait: TestTrait, SuiteTrait {
    /// `.optIn` on a test that carries no opt-in tag.
    public struct MissingTag: Error, CustomStringConvertible {
        public var description: String {
            "`.optIn` on a test without an opt-in tag: add .tags(.slow), .tags(.paperScale) or .tags(.timing)"
        }
    }

    public func prepare(for test: Test) async throws {
        let names = test.tags.intersection(Tag.optIn).map(OptInTags.name).sorted()
        guard let first = names.first else { throw MissingTag() }
        let comment = first == "slow"
            ? "tagged slow: run with `bash scripts/test.sh --slow`"
            : "tagged \(names.joined(separator: ", ")): run with `bash scripts/test.sh --tags \(first)`"
        // The skip itself is Swift Testing's own condition trait, evaluated with this test's tags.
        try await ConditionTrait.enabled(if: OptInTags.runs(tags: test.tags, selected: OptInTags.current),
                                         Comment(rawValue: comment)).prepare(for: test)
    }
}

extension Trait where Self == OptInTrait {
    /// Runs the test only when one of its opt-in tags is selected (`OptInTags`).
    public static var optIn: Self { OptInTrait() }
}
