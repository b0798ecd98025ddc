import Testing
@testable import Reporting

@Suite struct DataSeriesTests {
    @Test func rendersHeaderColumnsAndNaN() throws {
        let series = try DataSeries(stem: "cutoff-tau", title: "Cutoff against trade cost", columns: [
            SeriesColumn(name: "tau", unit: "iceberg factor", values: [1.1, 1.25, 1.5]),
            SeriesColumn(name: "cutoff", unit: "", values: [0.1, .nan, -.infinity]),
        ])
        #expect(series.render() == """
            # Cutoff against trade cost
            # column 1: tau [iceberg factor]
            # column 2: cutoff [dimensionless]
            # tau cutoff
            1.1 0.1
            1.25 NaN
            1.5 NaN

            """)
    }

    @Test func writesFullPrecision() throws {
        let value = 0.1 + 0.2
        let series = try DataSeries(stem: "x", title: "", columns: [SeriesColumn(name: "x", unit: "", values: [value, 1e-300])])
        let rows = series.render().split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(rows.compactMap { Double($0) } == [value, 1e-300])
    }

    @Test func rejectsInvalidInput() {
        #expect(throws: ReportingError.columnLengthMismatch(column: "b", expected: 2, actual: 1)) {
            try DataSeries(stem: "s", title: "", columns: [
                SeriesColumn(name: "a", unit: "", values: [1, 2]), SeriesColumn(name: "b", unit: "", values: [1]),
            ])
        }
        #expect(throws: ReportingError.invalidText(field: "column name", value: " ")) {
            try DataSeries(stem: "s", title: "", columns: [SeriesColumn(name: " ", unit: "", values: [])])
        }
        #expect(throws: ReportingError.noColumns(stem: "s")) { try DataSeries(stem: "s", title: "", columns: []) }
        for stem in ["", "../escape", "a/b", ".hidden", "with space"] {
            #expect(throws: ReportingError.invalidStem(stem)) {
                try DataSeries(stem: stem, title: "", columns: [SeriesColumn(name: "a", unit: "", values: [])])
            }
        }
        #expect(throws: ReportingError.self) {
            try DataSeries(stem: "s", title: "two\nlines", columns: [SeriesColumn(name: "a", unit: "", values: [])])
        }
    }
}
