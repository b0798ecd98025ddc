import Foundation
@testable import Measures

/// A hand-built world: 3 cities (areas 2, 3, 5; cities 0 and 1 in province 0, city 2 in
/// province 1), 2 destinations (income groups 0 and 2), 3 years.
///
/// Firm 0: plant 0 in city 0 (exists throughout), plant 1 in city 2 (from year 1).
/// Firm 1: plant 2 in city 1 and plant 3 in city 2 (from year 0), plant 4 in city 0 (from year 2).
enum TinyWorld {
    static func geography() throws -> SpilloverGeography {
        try SpilloverGeography(cityArea: [2, 3, 5], cityProvince: [0, 0, 1], destinationIncomeGroup: [0, 2], yearCount: 3)
    }

    static func roster() throws -> PlantRoster {
        try PlantRoster(firm: [0, 0, 1, 1, 1], city: [0, 2, 1, 2, 0], establishmentYear: [-1, 1, 0, 0, 2])
    }

    /// Sample rows 0…12: (plant, destination, year, exports).
    static let sampleRows: [(plant: Int32, destination: Int32, year: Int32, exports: Double)] = [
        (0, 0, 0, 10), (0, 0, 1, 12), (0, 0, 2, 15), (0, 1, 0, 4), (0, 1, 2, 6),
        (1, 0, 1, 8), (1, 0, 2, 9), (1, 1, 2, 3),
        (2, 0, 1, 20), (2, 0, 2, 22), (3, 0, 1, 5), (3, 1, 2, 7), (4, 1, 2, 2),
    ]

    static func sample() throws -> ExporterFlows {
        let roster = try roster()
        return try ExporterFlows(
            exporter: sampleRows.map(\.plant), firm: sampleRows.map { roster.firm[Int($0.plant)] },
            city: sampleRows.map { roster.city[Int($0.plant)] }, destination: sampleRows.map(\.destination),
            year: sampleRows.map(\.year), exports: sampleRows.map(\.exports))
    }

    /// Single-plant source exporters: (exporter, city, destination, year, exports).
    static let sourceRows: [(exporter: Int32, city: Int32, destination: Int32, year: Int32, exports: Double)] = [
        (100, 0, 0, 0, 10), (100, 0, 0, 1, 11), (100, 0, 0, 2, 13),
        (101, 0, 0, 1, 4), (101, 0, 0, 2, 5),
        (102, 2, 0, 0, 6), (102, 2, 0, 1, 9),
        (103, 2, 0, 1, 2), (103, 2, 0, 2, 3),
        (104, 2, 1, 1, 7), (104, 2, 1, 2, 8),
        (105, 1, 0, 1, 1), (105, 1, 0, 2, 2),
        (106, 1, 1, 0, 3), (106, 1, 1, 2, 4),   // gap in year 1: never counts
        (107, 0, 1, 0, 5), (107, 0, 1, 1, 6), (107, 0, 1, 2, 7),
    ]

    static func sourceFlows() throws -> ExporterFlows {
        try ExporterFlows(
            exporter: sourceRows.map(\.exporter), firm: sourceRows.map { $0.exporter + 1000 }, city: sourceRows.map(\.city),
            destination: sourceRows.map(\.destination), year: sourceRows.map(\.year), exports: sourceRows.map(\.exports))
    }

    /// Gross output by firm × year (firm * 3 + year).
    static let firmOutput: [Double] = [100, 110, 120, 200, 210, 220]

    // Source growth sums S_cmt by hand (n in the comment); every other cell has n = 0.
    static let sC0M0T1 = log(11.0) - log(10.0)                                  // n = 1
    static let sC0M0T2 = (log(13.0) - log(11.0)) + (log(5.0) - log(4.0))       // n = 2
    static let sC0M1T1 = log(6.0) - log(5.0)                                    // n = 1
    static let sC0M1T2 = log(7.0) - log(6.0)                                    // n = 1
    static let sC1M0T2 = log(2.0) - log(1.0)                                    // n = 1
    static let sC2M0T1 = log(9.0) - log(6.0)                                    // n = 1
    static let sC2M0T2 = log(3.0) - log(2.0)                                    // n = 1
    static let sC2M1T2 = log(8.0) - log(7.0)                                    // n = 1
}
