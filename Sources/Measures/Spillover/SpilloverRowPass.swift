import Foundation
import PanelData

/// The second pass of `SpilloverMeasures.construct`: for each (firm, year) group, a scratch
/// table of the firm's plants' exports and own growth by destination, then every row's
/// measures from the (possibly augmented) source aggregates and the firm's sister plants.
struct SpilloverRowPass {
    let sample: ExporterFlows
    let roster: PlantRoster
    let geography: SpilloverGeography
    let layout: SpilloverLayout
    let groups: FirmYearGroups
    let history: SampleHistory
    /// n_cmt and S_cmt after adding the sample when `sourcesIncludeSample`.
    let sources: SourceAggregates
    let province: (count: [Int32], growthSum: [Double], area: [Double])
    let firmOutput: [Double]?
    let options: SpilloverMeasureOptions
    /// The identifier columns the caller holds, returned as they are.
    let identifiers: SampleIdentifiers?

    func run() throws -> Dataset {
        var given = [SpilloverColumns.IntColumn: [Int]]()
        for (column, values, _, _) in identifiers?.columns(of: sample) ?? [] { given[column] = values }
        return try SpilloverColumns.build(rowCount: sample.count, given: given) { out in fill(out) }
    }

    private func fill(_ out: SpilloverColumns) {
        let cells = SpilloverCellTables(sources: sources, province: province, geography: geography)
        let destinations = layout.destinationCount
        let years = layout.yearCount
        let width = layout.maximumPlantsPerFirm
        let include = options.sourcesIncludeSample
        let overall = options.weights == .overallShares
        // Scratch, by (slot, destination) and by slot; cleared after each group.
        var exportsTo = [Double](repeating: 0, count: width * destinations)
        var ownGrowth = [Double](repeating: 0, count: width * destinations)
        var ownContinuing = [Bool](repeating: false, count: width * destinations)
        var plantTotal = [Double](repeating: 0, count: width)
        var plantDestinations = [Int](repeating: 0, count: width)
        var plantsToDestination = [Int](repeating: 0, count: destinations)
        var existing = [ExistingPlant]()
        existing.reserveCapacity(width)

        // Groups are independent (the scratch is cleared after each), so they run year by year: the
        // source tables of one year stay in cache, and the rows (sorted by year in the simulator's
        // panels) are written in order.
        for year in 0..<years {
            for firm in 0..<layout.firmCount {
                let plants = layout.firmOffsets[firm]..<layout.firmOffsets[firm + 1]
                let range = groups.range(firm: firm, year: year)
                if range.isEmpty { continue }
                existing.removeAll(keepingCapacity: true)
                var multiPlantProvince = false
                for position in plants {
                    let plant = Int(layout.firmPlants[position])
                    guard Int(roster.establishmentYear[plant]) <= year else { continue }
                    let city = Int(roster.city[plant])
                    let provinceOfPlant = geography.cityProvince[city]
                    if existing.contains(where: { $0.province == provinceOfPlant }) {
                        multiPlantProvince = true
                    }
                    let slot = Int(layout.plantSlot[plant])
                    existing.append(ExistingPlant(
                        plant: plant, city: city, province: provinceOfPlant, slot: slot,
                        cellBase: cells.index(city: city, destination: 0, year: year),
                        slotCellBase: layout.slotCell(plant: plant, destination: 0), area: geography.cityArea[city]))
                }
                var firmTotal = 0.0
                for position in range {
                    let row = Int(groups.rows[position])
                    let plant = Int(sample.exporter[row])
                    let cell = layout.slotCell(plant: plant, destination: Int(sample.destination[row]))
                    let slot = Int(layout.plantSlot[plant])
                    exportsTo[cell] = sample.exports[row]
                    ownGrowth[cell] = history.growth[row]
                    ownContinuing[cell] = history.continuing[row]
                    plantTotal[slot] += sample.exports[row]
                    plantDestinations[slot] += 1
                    plantsToDestination[Int(sample.destination[row])] += 1
                    firmTotal += sample.exports[row]
                }
                let supply: Double? = firmOutput.flatMap { output in
                    let value = output[firm * years + year]
                    return value > 0 ? log(value) : nil
                }
                let logFirmTotal = log(firmTotal)
                for position in range {
                    let row = Int(groups.rows[position])
                    let plant = Int(sample.exporter[row])
                    let city = Int(sample.city[row])
                    let destination = Int(sample.destination[row])
                    let slot = Int(layout.plantSlot[plant])
                    let exports = sample.exports[row]

                    // Own city (Δlnnear, ln(n_icmt/area_c)), the plant itself excluded.
                    let ownCell = cells.index(city: city, destination: destination, year: year)
                    let own = cells.source[ownCell]
                    var ownCount = own.count
                    var ownSum = own.growthSum
                    var ownLogDensity = own.logDensity
                    if include && history.continuing[row] {
                        ownCount -= 1
                        ownSum -= history.growth[row]
                        ownLogDensity = log(ownCount / geography.cityArea[city])
                    }
                    out.set(.dlnnear, row, ownCount > 0 ? ownSum / ownCount : nil)
                    out.set(.lnnearDensity, row, ownCount > 0 ? ownLogDensity : nil)

                    // Other cities of the province.
                    let province = cells.province[ownCell]
                    let provinceCount = province.count
                    out.set(.dlnnearProv, row, provinceCount > 0 ? province.growthSum / provinceCount : nil)
                    out.set(.lnprovDensity, row, provinceCount > 0 ? province.logDensity : nil)

                    // Sister cities C_it: eqs. (13), (14), (16), (17).
                    var sisterCount = 0.0, sisterSum = 0.0, sisterArea = 0.0, sisters = 0
                    var weightSum = 0.0, weightedGrowth = 0.0, weightedDensity = 0.0
                    for sister in existing where sister.plant != plant {
                        guard sister.city != city else { continue }
                        sisters += 1
                        let cell = sister.cellBase + destination
                        let source = cells.source[cell]
                        var count = source.count
                        var sum = source.growthSum
                        var logDensity = source.logDensity
                        let sisterCell = sister.slotCellBase + destination
                        let area = sister.area
                        if include && ownContinuing[sisterCell] {
                            count -= 1
                            sum -= ownGrowth[sisterCell]
                            logDensity = log(count / area)
                        }
                        sisterArea += area
                        guard count > 0 else { continue }
                        sisterCount += count
                        sisterSum += sum
                        let weight = overall ? plantTotal[sister.slot] : exportsTo[sisterCell]
                        if weight > 0 && count > 0 {
                            weightSum += weight
                            weightedGrowth += weight * (sum / count)
                            weightedDensity += weight * logDensity
                        }
                    }
                    out.set(.dlnaffiliate, row, sisterCount > 0 ? sisterSum / sisterCount : nil)
                    out.set(.lndensity, row, sisterCount > 0 ? log(sisterCount / sisterArea) : nil)
                    out.set(.dlnaffiliate1, row, weightSum > 0 ? weightedGrowth / weightSum : nil)
                    out.set(.lndensity1, row, weightSum > 0 ? weightedDensity / weightSum : nil)
                    // The plant's whole information set: own city and sister cities pooled.
                    let signals = ownCount + sisterCount
                    out.set(.nSignals, row, signals)
                    out.set(.pooledSignal, row, signals > 0 ? ((ownCount > 0 ? ownSum : 0) + sisterSum) / signals : nil)

                    // Plant, firm and outcome variables.
                    out.set(.lnexp, row, log(exports))
                    out.set(.lnexpOther, row, plantDestinations[slot] > 1 ? log(plantTotal[slot] - exports) : nil)
                    out.set(.newDummy, row, year > 0 ? history.newExporter[row] : nil)
                    out.set(.expDummy, row, year > 0 ? history.returningExporter[row] : nil)
                    out.set(.num, row, Double(sisters))
                    out.set(.lnexport, row, logFirmTotal)
                    out.set(.lnsupply, row, supply)

                    out.set(.plant, row, plant)
                    out.set(.firm, row, firm)
                    out.set(.city, row, city)
                    out.set(.dest, row, destination)
                    out.set(.year, row, year)
                    out.set(.incomeGroup, row, Int(geography.destinationIncomeGroup[destination]))
                    out.set(.it, row, plant * years + year)
                    out.set(.mt, row, destination * years + year)
                    out.set(.cm, row, city * destinations + destination)
                    out.set(.singlePlantDest, row, plantsToDestination[destination] == 1 ? 1 : 0)
                    out.set(.multiPlantProvince, row, multiPlantProvince ? 1 : 0)
                }
                for position in range {
                    let row = Int(groups.rows[position])
                    let plant = Int(sample.exporter[row])
                    let cell = layout.slotCell(plant: plant, destination: Int(sample.destination[row]))
                    exportsTo[cell] = 0
                    ownGrowth[cell] = 0
                    ownContinuing[cell] = false
                    plantTotal[Int(layout.plantSlot[plant])] = 0
                    plantDestinations[Int(layout.plantSlot[plant])] = 0
                    plantsToDestination[Int(sample.destination[row])] = 0
                }
            }
        }
        out.setProduct(.dlnaffiliateXLndensity, of: .dlnaffiliate, .lndensity)
        out.setProduct(.dlnnearXLnnearDensity, of: .dlnnear, .lnnearDensity)
        out.setProduct(.dlnnearProvXLnprovDensity, of: .dlnnearProv, .lnprovDensity)
        out.setProduct(.dlnaffiliate1XLndensity1, of: .dlnaffiliate1, .lndensity1)
    }
}

/// A plant of the group's firm that exists in the group's year, with what the row loop reads of it
/// as a sister: its city, province and slot, and the offsets of its (city, year) block in the cell
/// tables and of its slot in the scratch tables (add the destination to either).
private struct ExistingPlant {
    let plant: Int
    let city: Int
    let province: Int32
    let slot: Int
    let cellBase: Int
    let slotCellBase: Int
    let area: Double
}
