/// The plants of the multi-plant firms, indexed by plant id `0..<firm.count`.
///
/// A plant is one firm in one city (§3.1 of paper 003). It exists in every year
/// t ≥ `establishmentYear` (a negative year means it exists before the panel starts); from
/// then on its city belongs to the sister-city set C of the firm's other plants (eq. (13)).
public struct PlantRoster: Sendable, Equatable {
    /// The firm of each plant (code ≥ 0).
    public let firm: [Int32]
    /// The city of each plant (code ≥ 0; checked against the geography when used).
    public let city: [Int32]
    /// The first year in which the plant exists.
    public let establishmentYear: [Int32]

    /// - Throws: `MeasuresError` when the columns differ in length, a code is negative, or
    ///   two plants of one firm sit in the same city (a plant is a firm × city).
    public init(firm: [Int32], city: [Int32], establishmentYear: [Int32]) throws {
        let input = "PlantRoster"
        try InputValidation.requireLength(city.count, firm.count, input: input, column: "city")
        try InputValidation.requireLength(establishmentYear.count, firm.count, input: input, column: "establishmentYear")
        try InputValidation.requireIndices(firm, below: nil, input: input, column: "firm")
        try InputValidation.requireIndices(city, below: nil, input: input, column: "city")
        self.firm = firm
        self.city = city
        self.establishmentYear = establishmentYear
        let plantsOfFirm = plantsByFirm()
        for plants in plantsOfFirm.lists where plants.count > 1 {
            for index in plants.indices {
                let plant = plants[index]
                for other in plants[(index + 1)...] where city[Int(other)] == city[Int(plant)] {
                    throw MeasuresError.inconsistent(
                        input: input, row: Int(other),
                        reason: "plant \(other) repeats firm \(firm[Int(other)]) in city \(city[Int(other)]) (plant \(plant))")
                }
            }
        }
    }

    /// Number of plants.
    public var plantCount: Int { firm.count }
    /// Number of firms (largest firm code + 1).
    public var firmCount: Int { Int(firm.max() ?? -1) + 1 }

    /// The plant ids of each firm, ascending.
    func plantsByFirm() -> (offsets: [Int], plants: [Int32], lists: [ArraySlice<Int32>]) {
        let firms = firmCount
        var offsets = [Int](repeating: 0, count: firms + 1)
        for code in firm { offsets[Int(code) + 1] += 1 }
        for index in 0..<firms { offsets[index + 1] += offsets[index] }
        var cursor = offsets
        var plants = [Int32](repeating: 0, count: firm.count)
        for (plant, code) in firm.enumerated() {
            plants[cursor[Int(code)]] = Int32(plant)
            cursor[Int(code)] += 1
        }
        let lists = (0..<firms).map { plants[offsets[$0]..<offsets[$0 + 1]] }
        return (offsets, plants, lists)
    }
}
