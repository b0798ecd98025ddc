import Testing
import TestSupport

/// Selection of the opt-in tags by the one switch HETFIRM_TEST_TAGS.
@Suite("opt-in tags")
struct OptInTagsTests {
    @Test("nothing selected by default: an opt-in test is skipped, any other test runs")
    func defaultRun() {
        let selected = OptInTags.selected(environment: ["HETFIRM_SLOW_TESTS": "1"])
        #expect(selected.isEmpty)
        #expect(!OptInTags.runs(tags: [.slow], selected: selected))
        #expect(!OptInTags.runs(tags: [.paperScale], selected: selected))
        #expect(OptInTags.runs(tags: [], selected: selected))
    }

    @Test("HETFIRM_TEST_TAGS is a comma-separated list of tag names; unknown names select nothing")
    func environmentSwitch() {
        let selected = OptInTags.selected(environment: [OptInTags.variable: "slow, paperScale,bogus"])
        #expect(selected == ["slow", "paperScale"])
        #expect(OptInTags.runs(tags: [.slow], selected: selected))
        #expect(OptInTags.runs(tags: [.paperScale, .timing], selected: selected))
        #expect(!OptInTags.runs(tags: [.timing], selected: selected))
    }

    @Test("a tag's name is the one written in HETFIRM_TEST_TAGS and scripts/test.sh --tags")
    func names() {
        #expect(Tag.optIn.map(OptInTags.name).sorted() == ["paperScale", "slow", "timing"])
    }

    /// Runs only when `slow` is selected; the default run reports it skipped.
    @Test("an opt-in test runs only when its tag is selected", .tags(.slow), .optIn)
    func selectedOnlyWhenAsked() {
        #expect(OptInTags.current.contains("slow"))
    }
}
