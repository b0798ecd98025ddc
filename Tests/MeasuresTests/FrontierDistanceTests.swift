import Foundation
import Measures
import PanelData
import Testing

@Suite("Frontier distances")
struct FrontierDistanceTests {
    /// industry 1 in 2004: q = 1.0, 1.5, 2.0 (F = 2.0); industry 1 in 2005: 1.2, 1.6 (F = 1.6);
    /// industry 2 in 2004: 1.1 and an undefined quality (F = 1.1).
    static func panel() throws -> Dataset {
        try Dataset(columns: [
            .int("firm", [1, 2, 3, 1, 2, 4, 5]), .int("year", [2004, 2004, 2004, 2005, 2005, 2004, 2004]),
            .int("industry", [1, 1, 1, 1, 1, 2, 2]), .int("dest", [1, 2, 1, 1, 1, 1, 1]),
            .double("value", [100, 300, 50, 10, 10, 20, 20]),
            .double("ksw_quality_std", [1.0, 1.5, 2.0, 1.2, 1.6, 1.1, .nan], missing: [false, false, false, false, false, false, true]),
        ])
    }

    @Test("Distance, Distance_1 and Distance_2 by industry × year against hand arithmetic")
    func industryYear() throws {
        let data = try FrontierDistances.adding(to: try Self.panel())
        let distance = try data.doubles("distance"), ratio = try data.doubles("distance_1"), gap = try data.doubles("distance_2")
        // Distance = F − q: 2 − 1 = 1, 2 − 1.5 = 0.5, 0; 1.6 − 1.2 = 0.4, 0; 1.1 − 1.1 = 0.
        let expectedDistance = [1.0, 0.5, 0, 0.4, 0, 0]
        // Distance_1 = F/q: 2/1 = 2, 2/1.5 = 4/3, 1; 1.6/1.2 = 4/3, 1; 1.
        let expectedRatio = [2.0, 4.0 / 3, 1, 4.0 / 3, 1, 1]
        // Distance_2 = (F − q)/F: 1/2, 0.5/2 = 0.25, 0; 0.4/1.6 = 0.25, 0; 0.
        let expectedGap = [0.5, 0.25, 0, 0.25, 0, 0]
        for row in 0..<6 {
            #expect(abs(distance[row] - expectedDistance[row]) < 1e-12, "row \(row)")
            #expect(abs(ratio[row] - expectedRatio[row]) < 1e-12, "row \(row)")
            #expect(abs(gap[row] - expectedGap[row]) < 1e-12, "row \(row)")
        }
        #expect(try data.column(named: "distance").isMissing(6))
        #expect(try data.doubles("frontier").prefix(6) == [2.0, 2.0, 2.0, 1.6, 1.6, 1.1])
    }

    @Test("frontier by industry × year × destination")
    func byDestination() throws {
        let data = try FrontierDistances.adding(to: try Self.panel(), byDestination: true)
        // industry 1, 2004: destination 1 has q = 1.0 and 2.0 (F = 2), destination 2 only 1.5 (F = 1.5).
        let distance = try data.doubles("distance")
        #expect(distance[0] == 1.0 && distance[1] == 0 && distance[2] == 0)
    }

    @Test("ratios are NaN, not sign-flipped, for a non-positive quality")
    func nonPositive() throws {
        let groups = GroupIndex(groupOfRow: [0, 0])
        let result = FrontierDistances(quality: [-0.5, 1.0], groups: groups)
        // F = 1: Distance = 1 − (−0.5) = 1.5; the ratio and gap of the negative row are undefined.
        #expect(result.distance == [1.5, 0])
        #expect(result.ratio[0].isNaN && result.ratio[1] == 1)
        #expect(result.relativeGap[0].isNaN && result.nonPositiveRows == 1)
    }

    @Test("Distanceq: value-weighted firm-year quality and its industry × year frontier")
    func firmYear() throws {
        let data = try FirmYearQuality.aggregate(try Self.panel())
        let firms = try data.ints("firm"), years = try data.ints("year")
        let quality = try data.doubles("quality"), distance = try data.doubles("distance_q")
        func row(_ f: Int, _ t: Int) -> Int? { (0..<data.rowCount).first { firms[$0] == f && years[$0] == t } }
        // One record per firm-year here; industry 1, 2004: firms 1 (1.0), 2 (1.5), 3 (2.0): F = 2.
        #expect(data.rowCount == 7)
        let r1 = try #require(row(1, 2004)), r3 = try #require(row(3, 2004)), r5 = try #require(row(5, 2004))
        #expect(quality[r1] == 1.0 && distance[r1] == 1.0 && distance[r3] == 0)
        #expect(quality[r5].isNaN && distance[r5].isNaN)
        // Firm 9 with two records: values 100 and 300 at q = 1 and 2 → Q = (100·1 + 300·2)/400 = 1.75;
        // firm 8 at q = 1.5 in the same industry-year → F = 1.75, Distanceq = 0 and 0.25.
        let two = try Dataset(columns: [
            .int("firm", [9, 9, 8]), .int("year", [2004, 2004, 2004]), .int("industry", [1, 1, 1]),
            .int("dest", [1, 2, 1]), .double("value", [100, 300, 50]), .double("ksw_quality_std", [1, 2, 1.5]),
        ])
        let aggregated = try FirmYearQuality.aggregate(two)
        #expect(try aggregated.doubles("quality") == [1.75, 1.5])
        #expect(try aggregated.doubles("distance_q") == [0, 0.25])
        #expect(try aggregated.doubles("value") == [400, 50])
    }
}
