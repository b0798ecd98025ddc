import Foundation
import Measures
import PanelData
import Testing

/// Hand-checked mechanism variables of paper 004's Tables 8–9.
@Suite("mechanism variables (Tables 8–9)")
struct MechanismDistancesTests {
    /// Industry 1, 2004: firm 1 exports products 1, 2, 3 (4 records), firm 2 product 1 (2 records); industry 2: firm 3.
    static func panel() throws -> Dataset {
        try Dataset(columns: [
            .int("firm", [1, 1, 1, 1, 2, 2, 3]), .int("year", [2004, 2004, 2004, 2004, 2004, 2004, 2004]),
            .int("industry", [1, 1, 1, 1, 1, 1, 2]), .int("product", [1, 2, 3, 3, 1, 1, 7]),
            .double("tfp", [0.5, 0.5, 0.5, 0.5, 0.2, 0.2, 0.4]),
            .double("tfp_external_frontier", [1, 1, 1, 1, 1, 1, 0.9]),
            .double("knowledge_breadth", [0.6, 0.6, 0.6, 0.6, .nan, .nan, 0.3],
                    missing: [false, false, false, false, true, true, false]),
            .double("labour_intensity", [3, 3, 3, 3, 1, 1, 2]),
        ])
    }

    @Test("variety counts distinct exported products; its distance is the relative gap to the industry-year maximum")
    func varietyAndDistances() throws {
        let data = try MechanismDistances.adding(to: try Self.panel())
        #expect(try data.doubles("variety") == [3, 3, 3, 3, 1, 1, 1])
        let varietyDistance = try data.doubles("variety_distance")
        #expect(varietyDistance[0] == 0)
        #expect(abs(varietyDistance[4] - 2.0 / 3.0) < 1e-15)
        #expect(varietyDistance[6] == 0)
        let chinese = try data.doubles("tfp_distance_cn"), external = try data.doubles("tfp_distance_us")
        #expect(chinese[0] == 1)
        #expect(abs(chinese[4] - exp(0.3)) < 1e-12)
        #expect(abs(external[0] - exp(0.5)) < 1e-12 && abs(external[4] - exp(0.8)) < 1e-12 && abs(external[6] - exp(0.5)) < 1e-12)
        let knowledge = try data.column(named: "knowledge_distance")
        #expect(try data.doubles("knowledge_distance")[0] == 0)
        #expect(knowledge.isMissing(4))
    }

    @Test("the labour-intensity split is at the industry-year median of firm-years, not of records")
    func medianSplit() throws {
        let data = try Self.panel()
        let split = GroupMedianSplit.aboveMedian(try data.doubles("labour_intensity"),
                                                 units: try data.groupIndex(by: ["firm", "year"]),
                                                 groups: try data.groupIndex(by: ["industry", "year"]))
        // Industry 1 firm-years: 3 and 1, median 2; industry 2: a single firm-year, at its own median.
        #expect(split == [1, 1, 1, 1, 0, 0, 1])
    }
}
