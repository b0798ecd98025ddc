/// The sample rows sorted by (firm, year) with a counting sort: the rows of firm f in year t
/// are `rows[offsets[f * T + t] ..< offsets[f * T + t + 1]]`, in their original order.
struct FirmYearGroups {
    let yearCount: Int
    let offsets: [Int]
    let rows: [Int32]

    init(firm: [Int32], year: [Int32], firmCount: Int, yearCount: Int) {
        self.yearCount = yearCount
        let groups = firmCount * yearCount
        var offsets = [Int](repeating: 0, count: groups + 1)
        for row in firm.indices {
            offsets[Int(firm[row]) * yearCount + Int(year[row]) + 1] += 1
        }
        for group in 0..<groups { offsets[group + 1] += offsets[group] }
        var cursor = offsets
        var rows = [Int32](repeating: 0, count: firm.count)
        for row in firm.indices {
            let group = Int(firm[row]) * yearCount + Int(year[row])
            rows[cursor[group]] = Int32(truncatingIfNeeded: row)
            cursor[group] += 1
        }
        self.offsets = offsets
        self.rows = rows
    }

    /// The positions in `rows` of firm `firm`, year `year`.
    @inline(__always)
    func range(firm: Int, year: Int) -> Range<Int> {
        let group = firm * yearCount + year
        return offsets[group]..<offsets[group + 1]
    }
}
