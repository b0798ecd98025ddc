/// Flat, precomputed structure of the roster and geography that the row loop reads: each
/// firm's plants (CSR lists), each plant's slot within its firm, and per-(city, destination,
/// year) sums over the other cities of the city's province.
struct SpilloverLayout {
    let cityCount: Int
    let destinationCount: Int
    let yearCount: Int
    let firmCount: Int
    /// Plants of firm f: `firmPlants[firmOffsets[f] ..< firmOffsets[f + 1]]`.
    let firmOffsets: [Int]
    let firmPlants: [Int32]
    /// Position of each plant within its firm's list.
    let plantSlot: [Int32]
    let maximumPlantsPerFirm: Int

    init(roster: PlantRoster, geography: SpilloverGeography) {
        cityCount = geography.cityCount
        destinationCount = geography.destinationCount
        yearCount = geography.yearCount
        firmCount = roster.firmCount
        let lists = roster.plantsByFirm()
        firmOffsets = lists.offsets
        firmPlants = lists.plants
        var slots = [Int32](repeating: 0, count: roster.plantCount)
        var widest = 0
        for firm in 0..<firmCount {
            let range = firmOffsets[firm]..<firmOffsets[firm + 1]
            widest = max(widest, range.count)
            for position in range {
                slots[Int(firmPlants[position])] = Int32(position - range.lowerBound)
            }
        }
        plantSlot = slots
        maximumPlantsPerFirm = widest
    }

    /// Index of (plant's slot, destination) in a per-firm scratch table.
    @inline(__always)
    func slotCell(plant: Int, destination: Int) -> Int {
        Int(plantSlot[plant]) * destinationCount + destination
    }

    /// Per (c, m, t): the count and growth sum over the other cities of c's province, and
    /// per city the area of those other cities (the same-province controls of §3.2).
    static func provinceOthers(
        sources: SourceAggregates, geography: SpilloverGeography
    ) -> (count: [Int32], growthSum: [Double], area: [Double]) {
        let provinces = geography.provinceCount
        var members = [[Int]](repeating: [], count: provinces)
        for (city, province) in geography.cityProvince.enumerated() { members[Int(province)].append(city) }
        let perCity = geography.destinationCount * geography.yearCount
        var count = [Int32](repeating: 0, count: sources.count.count)
        var growthSum = [Double](repeating: 0, count: sources.count.count)
        var area = [Double](repeating: 0, count: geography.cityCount)
        for city in 0..<geography.cityCount {
            let base = city * perCity
            for other in members[Int(geography.cityProvince[city])] where other != city {
                area[city] += geography.cityArea[other]
                let otherBase = other * perCity
                for cell in 0..<perCity {
                    count[base + cell] += sources.count[otherBase + cell]
                    growthSum[base + cell] += sources.growthSum[otherBase + cell]
                }
            }
        }
        return (count, growthSum, area)
    }
}
