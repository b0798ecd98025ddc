/// The fixed geography of the paper-003 spillover measures: cities with their area and
/// province, destinations with their income group, and the number of years.
///
/// Cities are `0..<cityArea.count`, destinations `0..<destinationIncomeGroup.count`, years
/// `0..<yearCount`.
public struct SpilloverGeography: Sendable, Equatable {
    /// area_c, the administrative area of city c (eqs. (14) and (17) of paper 003); finite and > 0.
    public let cityArea: [Double]
    /// The province of each city (code ≥ 0), for the same-province controls (§3.2).
    public let cityProvince: [Int32]
    /// World Bank income group of each destination (code ≥ 0), for the cm′t effects of Table 4 col. (3).
    public let destinationIncomeGroup: [Int32]
    /// T, the number of years (≥ 1).
    public let yearCount: Int

    /// - Throws: `MeasuresError` when the city columns differ in length, an area is not a
    ///   finite positive number, a code is negative, or `yearCount < 1`.
    public init(cityArea: [Double], cityProvince: [Int32], destinationIncomeGroup: [Int32], yearCount: Int) throws {
        let input = "SpilloverGeography"
        try InputValidation.requireLength(cityProvince.count, cityArea.count, input: input, column: "cityProvince")
        try InputValidation.requirePositive(cityArea, input: input, column: "cityArea")
        try InputValidation.requireIndices(cityProvince, below: nil, input: input, column: "cityProvince")
        try InputValidation.requireIndices(
            destinationIncomeGroup, below: nil, input: input, column: "destinationIncomeGroup")
        guard yearCount >= 1 else {
            throw MeasuresError.valueOutOfRange(
                input: input, column: "yearCount", row: 0, value: "\(yearCount)", allowed: "1...")
        }
        self.cityArea = cityArea
        self.cityProvince = cityProvince
        self.destinationIncomeGroup = destinationIncomeGroup
        self.yearCount = yearCount
    }

    /// Number of cities.
    public var cityCount: Int { cityArea.count }
    /// Number of destinations.
    public var destinationCount: Int { destinationIncomeGroup.count }
    /// Number of provinces (largest province code + 1).
    public var provinceCount: Int { Int(cityProvince.max() ?? -1) + 1 }
}
