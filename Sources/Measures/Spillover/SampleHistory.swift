import Foundation
import Numerical

/// What each sample row's own past says: whether the plant also exported to m in t−1 (and
/// its log growth), and the new/returning-exporter dummies. Built in one pass over the
/// (firm, year) groups with a per-firm scratch table indexed by (plant slot, destination).
struct SampleHistory {
    /// `continuing[r]`: the plant exported to m in t−1 and t.
    var continuing: [Bool]
    /// ln x_t − ln x_{t−1} where `continuing[r]`, 0 otherwise.
    var growth: [Double]
    /// 1 if the plant did not export to m in t−1 (meaningless in year 0, where the output masks it).
    var newExporter: [Double]
    /// 1 if the plant exported to m in some year before t−1 but not in t−1.
    var returningExporter: [Double]

    /// - Throws: `MeasuresError.duplicateRow` when a plant has two rows for one destination and year.
    init(sample: ExporterFlows, layout: SpilloverLayout, groups: FirmYearGroups) throws {
        // Each column is written once, in place (every row belongs to one group).
        var flags = [[Bool]]()
        let values = try ColumnBuffers.build(3, length: sample.count) { (doubles: [UnsafeMutablePointer<Double>]) in
            flags = try ColumnBuffers.build(1, length: sample.count) { (bools: [UnsafeMutablePointer<Bool>]) in
                try Self.fill(sample: sample, layout: layout, groups: groups, continuing: bools[0], growth: doubles[0],
                              newExporter: doubles[1], returningExporter: doubles[2])
            }
        }
        continuing = flags[0]
        growth = values[0]
        newExporter = values[1]
        returningExporter = values[2]
    }

    private static func fill(sample: ExporterFlows, layout: SpilloverLayout, groups: FirmYearGroups,
                             continuing: UnsafeMutablePointer<Bool>, growth: UnsafeMutablePointer<Double>,
                             newExporter: UnsafeMutablePointer<Double>, returningExporter: UnsafeMutablePointer<Double>) throws {
        let destinations = layout.destinationCount
        let years = layout.yearCount
        let cells = layout.maximumPlantsPerFirm * destinations
        var lastYear = [Int32](repeating: -1, count: cells)
        // ln x of the cell's last row (the log of the value, so each row's log is taken once).
        var lastLogValue = [Double](repeating: 0, count: cells)
        // ln x of each row of the current group, by position in the group (a group has at most `cells` rows).
        var groupLogValue = [Double](repeating: 0, count: cells)
        var stamp = [Int32](repeating: -1, count: cells)
        for firm in 0..<layout.firmCount {
            for year in 0..<years {
                let range = groups.range(firm: firm, year: year)
                let t = Int32(year)
                for position in range {
                    let row = Int(groups.rows[position])
                    let cell = layout.slotCell(plant: Int(sample.exporter[row]), destination: Int(sample.destination[row]))
                    if stamp[cell] == t {
                        throw MeasuresError.duplicateRow(
                            input: "sample", row: row,
                            key: "(plant \(sample.exporter[row]), destination \(sample.destination[row]), year \(t))")
                    }
                    stamp[cell] = t
                    let previous = lastYear[cell]
                    let logValue = log(sample.exports[row])
                    groupLogValue[position - range.lowerBound] = logValue
                    if year > 0 && previous == t - 1 {
                        continuing[row] = true
                        growth[row] = logValue - lastLogValue[cell]
                    } else {
                        continuing[row] = false
                        growth[row] = 0
                    }
                    newExporter[row] = year > 0 && previous == t - 1 ? 0 : 1
                    returningExporter[row] = previous >= 0 && previous < t - 1 ? 1 : 0
                }
                for position in range {
                    let row = Int(groups.rows[position])
                    let cell = layout.slotCell(plant: Int(sample.exporter[row]), destination: Int(sample.destination[row]))
                    lastYear[cell] = t
                    lastLogValue[cell] = groupLogValue[position - range.lowerBound]
                }
            }
            let firmRows = groups.range(firm: firm, year: 0).lowerBound..<groups.range(firm: firm, year: years - 1).upperBound
            for position in firmRows {
                let row = Int(groups.rows[position])
                let cell = layout.slotCell(plant: Int(sample.exporter[row]), destination: Int(sample.destination[row]))
                lastYear[cell] = -1
                stamp[cell] = -1
            }
        }
    }
}
