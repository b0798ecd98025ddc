import Foundation

/// The per-(city, destination, year) inputs of `SpilloverRowPass`, laid out city-year-major,
/// `(c T + t) M + m`, so that the rows of a plant in one year (consecutive destinations) read
/// consecutive memory, for their own city as for each sister city. The values are those of the
/// sources (`SourceAggregates` is flat at `(c M + m) T + t`) and of the province sums, copied.
struct SpilloverCellTables {
    let destinationCount: Int
    let yearCount: Int
    /// n_cmt and S_cmt (after adding the sample when `sourcesIncludeSample`).
    let count: [Int32]
    let growthSum: [Double]
    /// ln(n_cmt / area_c) where n_cmt > 0 (0 elsewhere): the own-city and sister-city log densities of
    /// every row that does not adjust its counts, computed once per cell instead of once per row.
    let logDensity: [Double]
    /// The same over the other cities of c's province, with ln(n / area of those cities).
    let provinceCount: [Int32]
    let provinceGrowthSum: [Double]
    let provinceLogDensity: [Double]

    init(sources: SourceAggregates, province: (count: [Int32], growthSum: [Double], area: [Double]),
         geography: SpilloverGeography) {
        let cities = sources.cityCount, destinations = sources.destinationCount, years = sources.yearCount
        destinationCount = destinations
        yearCount = years
        func transposed<Element>(_ values: [Element], zero: Element) -> [Element] {
            var result = [Element](repeating: zero, count: values.count)
            for city in 0..<cities {
                for m in 0..<destinations {
                    for t in 0..<years {
                        result[(city * years + t) * destinations + m] = values[(city * destinations + m) * years + t]
                    }
                }
            }
            return result
        }
        func logDensities(_ count: [Int32], area: [Double]) -> [Double] {
            let perCity = destinations * years
            var table = [Double](repeating: 0, count: count.count)
            for city in 0..<cities {
                for cell in city * perCity..<(city + 1) * perCity where count[cell] > 0 {
                    table[cell] = log(Double(count[cell]) / area[city])
                }
            }
            return table
        }
        count = transposed(sources.count, zero: 0)
        growthSum = transposed(sources.growthSum, zero: 0)
        logDensity = logDensities(count, area: geography.cityArea)
        provinceCount = transposed(province.count, zero: 0)
        provinceGrowthSum = transposed(province.growthSum, zero: 0)
        provinceLogDensity = logDensities(provinceCount, area: province.area)
    }

    /// The index of (city, destination, year) in the tables.
    @inline(__always)
    func index(city: Int, destination: Int, year: Int) -> Int {
        (city * yearCount + year) * destinationCount + destination
    }
}
