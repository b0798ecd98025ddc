import MonteCarlo
import Testing
@testable import Reporting

@Suite struct TablesTests {
    @Test func markdownTablePadsAlignsAndEscapes() {
        let table = MarkdownTable(
            header: ["name", "value"], rows: [["a|b", "1.5"], ["long name", "10"], ["short"]],
            alignments: [.left, .right])
        #expect(table.render() == """
            | name      | value |
            | :-------- | ----: |
            | a\\|b      |   1.5 |
            | long name |    10 |
            | short     |       |

            """)
    }

    @Test func markdownTableCenterAndEmpty() {
        #expect(MarkdownTable(header: [], rows: []).render() == "")
        #expect(MarkdownTable(header: ["x"], rows: [["y"]], alignments: [.center]).render() == "|  x  |\n| :-: |\n|  y  |\n")
    }

    @Test func numberFormats() {
        #expect(NumberFormat.fixed(0.95123, digits: 3) == "0.951")
        #expect(NumberFormat.fixed(-0.0001, digits: 2) == "0.00")
        #expect(NumberFormat.fixed(.nan, digits: 2) == "—")
        #expect(NumberFormat.fixed(2.5, digits: -4) == "2")
        #expect(NumberFormat.significant(0.5, digits: 3) == "0.500")
        #expect(NumberFormat.significant(9.996, digits: 3) == "10.0")
        #expect(NumberFormat.significant(123_456.7, digits: 3) == "123457")
        #expect(NumberFormat.significant(1_234_567, digits: 3) == "1.23e+06")
        #expect(NumberFormat.significant(0.000012345, digits: 3) == "1.23e-05")
        #expect(NumberFormat.significant(-0.0123, digits: 2) == "-0.012")
        #expect(NumberFormat.significant(0, digits: 3) == "0.00")
        #expect(NumberFormat.significant(.nan, digits: 3) == "—")
        #expect(NumberFormat.significant(-.infinity, digits: 3) == "-inf")
        #expect(NumberFormat.general(0.5, digits: 6) == "0.5")
        #expect(NumberFormat.general(0.0291736212, digits: 6) == "0.0291736")
        #expect(NumberFormat.general(2.2e-16, digits: 2) == "2.2e-16")
        #expect(NumberFormat.general(-0.0, digits: 6) == "0")
        #expect(NumberFormat.general(.infinity, digits: 6) == "inf")
    }

    private var report: RecoveryReport {
        RecoveryReport(rows: [
            RecoveryRow(parameter: "k", truth: 4.25, replications: 200, meanEstimate: 4.26, bias: 0.01,
                        standardDeviation: 0.2, meanStandardError: 0.19, rootMeanSquaredError: 0.2002,
                        coverage: 0.94, size: 0.06, power: 1, level: 0.95),
            RecoveryRow(parameter: "a,\"b\"", truth: 0, replications: 200, meanEstimate: 0.1, bias: 0.1,
                        standardDeviation: .nan, meanStandardError: 0.1, rootMeanSquaredError: 0.2,
                        coverage: 0.8, size: 0.2, power: 0.3, level: 0.95),
        ])
    }

    @Test func recoveryCSV() {
        let lines = RecoveryTables.csv(report).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0] == "parameter,truth,replications,mean,bias,sd,mean_se,rmse,coverage,size,power,mc_se_bias")
        #expect(lines[1] == "k,4.25,200,4.26,0.01,0.2,0.19,0.2002,0.94,0.06,1.0,\(0.2 / 200.0.squareRoot())")
        #expect(lines[2] == "\"a,\"\"b\"\"\",0.0,200,0.1,0.1,NaN,0.1,0.2,0.8,0.2,0.3,NaN")
    }

    @Test func recoveryMarkdownMarksImplausibleCoverage() {
        let text = RecoveryTables.markdown(report)
        let lines = text.split(separator: "\n")
        #expect(lines[0].hasPrefix("| parameter | truth |"))
        #expect(lines[0].contains("coverage (95.0%)"))
        #expect(lines[2].contains(" 0.940 |"))
        #expect(lines[3].contains(" 0.800* |"))
        #expect(lines[3].contains(" — |"))
        #expect(text.contains("\\* coverage outside the exact binomial 99% acceptance band"))
    }

    @Test func replicationsCSVHasOneRowPerEstimate() {
        let records = [ReplicationRecord(replication: 3, estimates: [
            ParameterEstimate(parameter: "k", truth: 1, estimate: 1.5, standardError: 0.25),
            ParameterEstimate(parameter: "s", truth: 2, estimate: 2.5, standardError: 0.5),
        ])]
        #expect(RecoveryTables.replicationsCSV(records) == """
            replication,parameter,truth,estimate,standard_error
            3,k,1.0,1.5,0.25
            3,s,2.0,2.5,0.5

            """)
    }
}
