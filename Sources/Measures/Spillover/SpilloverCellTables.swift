import Foundation

/// The per-(city, destination, year) inputs of `SpilloverRowPass`, laid out year-city-major,
/// `(t C + c) M + m`: the row pass runs year by year, so one year's cells are one contiguous block,
/// the rows of a plant (consecutive destinations) read consecutive memory, for their own city as for
/// each sister city, and the three numbers of a cell sit side by side (one cache line). The values are those of the sources (`SourceAggregates` is
/// flat at `(c M + m) T + t`) and of the province sums, copied (counts as exact doubles).
struct SpilloverCellTables {
    /// n, S and ln(n / area) of one cell; the log density is 0 where n = 0 (it is not read there).
    struct Cell {
        let count: Double
        let growthSum: Double
        let logDensity: Double
    }

    let cityCount: Int
    let destinationCount: Int
    /// n_cmt, S_cmt (after adding the sample when `sourcesIncludeSample`) and ln(n_cmt / area_c): the
    /// own-city and sister-city log densities of every row that does not adjust its counts, computed
    /// once per cell instead of once per row.
    let source: [Cell]
    /// The same over the other cities of c's province, with ln(n / area of those cities).
    let province: [Cell]

    init(sources: SourceAggregates, province: (count: [Int32], growthSum: [Double], area: [Double]),
         geography: SpilloverGeography) {
        let cities = sources.cityCount, destinations = sources.destinationCount, years = sources.yearCount
        cityCount = cities
        destinationCount = destinations
        func cells(count: [Int32], growthSum: [Double], area: [Double]) -> [Cell] {
            var result = [Cell](repeating: Cell(count: 0, growthSum: 0, logDensity: 0), count: count.count)
            for city in 0..<cities {
                for m in 0..<destinations {
                    for t in 0..<years {
                        let from = (city * destinations + m) * years + t
                        let n = count[from]
                        result[(t * cities + city) * destinations + m] = Cell(
                            count: Double(n), growthSum: growthSum[from], logDensity: n > 0 ? log(Double(n) / area[city]) : 0)
                    }
                }
            }
            return result
        }
        source = cells(count: sources.count, growthSum: sources.growthSum, area: geography.cityArea)
        self.province = cells(count: province.count, growthSum: province.growthSum, area: province.area)
    }

    /// The index of (city, destination, year) in the tables.
    @inline(__always)
    func index(city: Int, destination: Int, year: Int) -> Int {
        (year * cityCount + city) * destinationCount + destination
    }
}
