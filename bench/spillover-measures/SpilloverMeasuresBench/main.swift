// spillover-measures benchmark: times `SpilloverMeasures.construct` on a synthetic input of
// paper-003 scale (300 cities, 120 destinations, 12 years, 14,000 firms × 5 plants).
//
// Usage: SpilloverMeasuresBench [--firms N] [--repeat K]
// Prints the input size, then per option set the fastest of K runs (`construct S s`), and a
// checksum of the non-missing values so runs can be compared.
import Foundation
import Measures
import PanelData

/// SplitMix64: a small, fixed-seed generator for the synthetic input.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) }
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}

let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String, _ fallback: Int) -> Int {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return fallback }
    return Int(arguments[index + 1]) ?? fallback
}
let firms = option("--firms", 14_000)
let repeats = max(1, option("--repeat", 3))
let cities = 300, destinations = 120, years = 12, plantsPerFirm = 5
var random = SplitMix64(state: 20_261_121)

func seconds() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

do {
    let geography = try SpilloverGeography(
        cityArea: (0..<cities).map { _ in exp(6 + 1.5 * random.uniform()) },
        cityProvince: (0..<cities).map { Int32($0 % 31) },
        destinationIncomeGroup: (0..<destinations).map { Int32($0 % 4) }, yearCount: years)
    var firm = [Int32](), city = [Int32](), established = [Int32]()
    for f in 0..<firms {
        var used = Set<Int>()
        for slot in 0..<plantsPerFirm {
            var c = random.below(cities)
            while used.contains(c) { c = random.below(cities) }
            used.insert(c)
            firm.append(Int32(f))
            city.append(Int32(c))
            established.append(slot == 0 ? -1 : Int32(random.below(years + 3) - 3))
        }
    }
    let roster = try PlantRoster(firm: firm, city: city, establishmentYear: established)
    // Each plant serves ~9 of its 12 candidate destinations in a year it exists.
    var exporter = [Int32](), rowFirm = [Int32](), rowCity = [Int32](), destination = [Int32](), year = [Int32]()
    var exports = [Double]()
    for plant in 0..<roster.plantCount {
        let candidates = (0..<12).map { _ in Int32(random.below(destinations)) }
        let unique = Array(Set(candidates)).sorted()
        for t in max(0, Int(established[plant]))..<years {
            for m in unique where random.uniform() < 0.9 {
                exporter.append(Int32(plant)); rowFirm.append(firm[plant]); rowCity.append(city[plant])
                destination.append(m); year.append(Int32(t)); exports.append(exp(10 + 2 * random.uniform()))
            }
        }
    }
    let sample = try ExporterFlows(
        exporter: exporter, firm: rowFirm, city: rowCity, destination: destination, year: year, exports: exports)
    let cells = cities * destinations * years
    var count = [Int32](repeating: 0, count: cells), growth = [Double](repeating: 0, count: cells)
    for cell in 0..<cells where cell % years > 0 {
        count[cell] = Int32(random.below(6))
        if count[cell] > 0 { growth[cell] = Double(count[cell]) * (random.uniform() - 0.4) }
    }
    let sources = try SourceAggregates(
        cityCount: cities, destinationCount: destinations, yearCount: years, count: count, growthSum: growth)
    let output = (0..<(firms * years)).map { _ in exp(12 + random.uniform()) }
    print("rows \(sample.count), plants \(roster.plantCount), firms \(firms), cities \(cities), "
        + "destinations \(destinations), years \(years)")
    for options in [
        SpilloverMeasureOptions(weights: .destinationShares, sourcesIncludeSample: false),
        SpilloverMeasureOptions(weights: .overallShares, sourcesIncludeSample: true),
    ] {
        var best = Double.infinity
        var checksum = 0.0
        for _ in 0..<repeats {
            let start = seconds()
            let data = try SpilloverMeasures.construct(
                sample: sample, roster: roster, sources: sources, geography: geography, firmOutput: output,
                options: options)
            best = min(best, seconds() - start)
            checksum = 0
            for column in data.columns {
                if case .double(let values) = column.storage {
                    for row in values.indices where !column.isMissing(row) { checksum += values[row] }
                }
            }
        }
        print("weights \(options.weights.rawValue), sourcesIncludeSample \(options.sourcesIncludeSample): "
            + "construct \(String(format: "%.3f", best)) s (best of \(repeats)), checksum \(checksum)")
    }
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
