import Foundation
import Numerical
import PanelData

/// What one simulated firm panel needs from the solved region-year equilibria, in flat arrays of
/// plain numbers (copying equilibria, which hold arrays, inside the firm loop would cost reference
/// counting), and the two passes of ``AllocationEfficiencyModel/simulate(_:firmDraws:measurementErrors:)``.
struct FirmPanelLayout {
    /// An entrant that produces in at least one year.
    struct Producer {
        /// 0-based region and firm number (region × N + entrant).
        let region: Int, firm: Int
        /// m, 1…M.
        let complexity: Int
        /// φ0 and φ0^{σ−1}.
        let phi0: Double, phi0Power: Double
        /// The number of years in which it produces.
        let producingYears: Int
    }

    let regions: Int, years: Int, entrantsPerRegion: Int, complexities: Int
    let sigma: Double, logScale: Double, inverseShape: Double
    let exportShifter: Double, inverseMarkup: Double, errorScale: Double
    /// Region-years in the order region, year.
    let terms: [RegionYearTerms]
    /// (θ_rt/κ)^m and ((θ_rt/κ)^m)^{σ−1} at index (region × T + year) × M + m − 1.
    let multipliers: [Double], multiplierPowers: [Double]
    /// Cumulative P(m), the last entry exactly 1.
    let cumulative: [Double]
    /// The largest U₁ at which an entrant can produce, at index region × M + m − 1.
    let entryBounds: [Double]

    init(model: AllocationEfficiencyModel, panel: AllocationEfficiencyPanelEquilibrium) {
        let p = model.parameters
        regions = p.regionCount
        years = p.yearCount
        entrantsPerRegion = p.entrantsPerRegion
        complexities = max(1, p.maximumComplexity)
        sigma = p.elasticityOfSubstitution
        logScale = log(p.paretoScale)
        inverseShape = 1 / p.paretoShape
        exportShifter = sigma * p.foreignDemand * pow(p.icebergCost, 1 - sigma)
        inverseMarkup = p.inverseMarkup
        errorScale = p.employmentErrorScale
        terms = panel.byRegionYear.flatMap { $0.map(RegionYearTerms.init) }
        let kappaLog = log(p.complexityDilution), complexities = complexities, sigma = sigma
        let logMultipliers = terms.flatMap { term in
            (1...complexities).map { (term.internetLevel - kappaLog) * Double($0) }
        }
        multipliers = logMultipliers.map(exp)
        multiplierPowers = logMultipliers.map { exp((sigma - 1) * $0) }
        cumulative = Self.cumulativeProbabilities(p.complexityProbabilities)
        entryBounds = Self.entryBounds(terms: terms, multipliers: multipliers, regions: regions, years: years,
                                       complexities: complexities, scale: p.paretoScale, shape: p.paretoShape)
    }

    /// First pass: draws U₁ and U₂ for every entrant, in the order region, entrant (in blocks of
    /// ``drawBlock`` entrants, with ``PhiloxStream/fill(_:)``), and keeps those that produce in
    /// some year.
    func drawProducers(firmDraws: inout PhiloxStream) -> [Producer] {
        var producers: [Producer] = []
        var bits = [UInt64](repeating: 0, count: 2 * min(entrantsPerRegion, Self.drawBlock))
        for region in 0..<regions {
            var first = 0
            while first < entrantsPerRegion {
                let count = min(Self.drawBlock, entrantsPerRegion - first)
                bits.withUnsafeMutableBufferPointer { firmDraws.fill(UnsafeMutableBufferPointer(rebasing: $0[0..<2 * count])) }
                for offset in 0..<count {
                    let uniform = PhiloxStream.uniform(bits[2 * offset])
                    let m = Self.complexity(uniform: PhiloxStream.uniform(bits[2 * offset + 1]), cumulative: cumulative)
                    guard uniform <= entryBounds[region * complexities + m - 1] else { continue }
                    if let producer = producer(region: region, entrant: first + offset, uniform: uniform, complexity: m) {
                        producers.append(producer)
                    }
                }
                first += count
            }
        }
        return producers
    }

    /// Entrants drawn per call of ``PhiloxStream/fill(_:)``.
    static let drawBlock = 2048

    /// The entrant with U₁ = `uniform` and m = `complexity`, if it produces in some year.
    private func producer(region: Int, entrant: Int, uniform: Double, complexity m: Int) -> Producer? {
        let logPhi0 = logScale - log(uniform) * inverseShape
        let phi0 = exp(logPhi0)
        var producingYears = 0
        for year in 0..<years {
            let cell = region * years + year
            if multipliers[cell * complexities + m - 1] * phi0 >= terms[cell].domesticCutoff { producingYears += 1 }
        }
        guard producingYears > 0 else { return nil }
        return Producer(region: region, firm: region * entrantsPerRegion + entrant, complexity: m,
                        phi0: phi0, phi0Power: exp((sigma - 1) * logPhi0), producingYears: producingYears)
    }

    /// A row: its producer (index into the producers) and region-year cell.
    struct RowKey {
        let producer: Int, cell: Int
    }

    /// Second pass: the rows of every producer, into columns of exactly `rows` entries; one
    /// standard normal per row from `measurementErrors`, in row order.
    func fill(producers: [Producer], rows: Int, measurementErrors: inout PhiloxStream) throws -> Dataset {
        let keys = [RowKey](unsafeUninitializedCapacity: rows) { buffer, count in
            count = 0
            for (index, producer) in producers.enumerated() {
                for year in 0..<years {
                    let cell = producer.region * years + year
                    guard multipliers[cell * complexities + producer.complexity - 1] * producer.phi0 >= terms[cell].domesticCutoff
                    else { continue }
                    precondition(count < rows, "the two passes of the firm panel disagree on its length")
                    buffer[count] = RowKey(producer: index, cell: cell)
                    count += 1
                }
            }
        }
        precondition(keys.count == rows, "the two passes of the firm panel disagree on its length")
        func column<Value>(_ value: (RowKey) -> Value) -> [Value] {
            [Value](unsafeUninitializedCapacity: rows) { buffer, count in
                for row in 0..<rows { buffer[row] = value(keys[row]) }
                count = rows
            }
        }
        /// ((θ_rt/κ)^m φ0)^{σ−1} of a row.
        func scaled(_ key: RowKey) -> Double {
            let producer = producers[key.producer]
            return producer.phi0Power * multiplierPowers[key.cell * complexities + producer.complexity - 1]
        }
        func exports(_ key: RowKey) -> Bool {
            let producer = producers[key.producer]
            return multipliers[key.cell * complexities + producer.complexity - 1] * producer.phi0 >= terms[key.cell].exportCutoff
        }
        let exporter = column { exports($0) ? 1 : 0 }
        let domesticSales = column { sigma * terms[$0.cell].domesticDemand * scaled($0) }
        let exportSales = column { exports($0) ? exportShifter * scaled($0) : 0 }
        // e^ε with ε = s_ε z, one z per row in row order, then ρ (r_d + r_x) e^ε.
        let ziggurat = NormalZiggurat.standard
        var employment = [Double](unsafeUninitializedCapacity: rows) { buffer, count in
            for row in 0..<rows { buffer[row] = errorScale * ziggurat.sample(&measurementErrors) }
            count = rows
        }
        for row in 0..<rows {
            employment[row] = inverseMarkup * (domesticSales[row] + exportSales[row]) * exp(employment[row])
        }
        return try Dataset(columns: [
            .int("firm", column { producers[$0.producer].firm }),
            .int("region", column { producers[$0.producer].region + 1 }),
            .int("year", column { $0.cell % years + 1 }),
            .double("I", column { terms[$0.cell].internetLevel }),
            .double("phi0", column { producers[$0.producer].phi0 }),
            .int("m", column { producers[$0.producer].complexity }),
            .int("exporter", exporter),
            .double("domestic_sales", domesticSales), .double("export_sales", exportSales),
            .double("employment", employment),
        ])
    }
}

extension FirmPanelLayout {
    /// Cumulative P(m), m = 1…M, with the last entry set to 1 (the probabilities sum to 1 within 1e-9).
    static func cumulativeProbabilities(_ probabilities: [Double]) -> [Double] {
        var running = 0.0
        var cumulative = probabilities.map { probability -> Double in
            running += probability
            return running
        }
        if !cumulative.isEmpty { cumulative[cumulative.count - 1] = 1 }
        return cumulative
    }

    /// The least m with U < P(1) + … + P(m), i.e. 1 + the number of partial sums ≤ U among the
    /// first M − 1 (the last is 1 > U); categories of probability zero are never chosen. Counted
    /// without branches: m is random, so a search that stops early mispredicts once per entrant.
    @inline(__always)
    static func complexity(uniform: Double, cumulative: [Double]) -> Int {
        var m = 1
        for index in 0..<(cumulative.count - 1) { m += uniform >= cumulative[index] ? 1 : 0 }
        return m
    }

    /// For every region and m, the largest U₁ at which an entrant can produce in some year:
    /// (φ_min / φ̲)^k with φ̲ = min over years of φ*_d,rt / (θ_rt/κ)^m, widened by 1e-12 relative.
    static func entryBounds(terms: [RegionYearTerms], multipliers: [Double], regions: Int, years: Int,
                            complexities: Int, scale: Double, shape: Double) -> [Double] {
        var bounds = [Double](repeating: 0, count: regions * complexities)
        for region in 0..<regions {
            for m in 1...complexities {
                var least = Double.infinity
                for year in 0..<years {
                    let cell = region * years + year
                    least = min(least, terms[cell].domesticCutoff / multipliers[cell * complexities + m - 1])
                }
                let bound = least <= scale ? 1 : pow(scale / least, shape)
                bounds[region * complexities + m - 1] = bound.isNaN ? 1 : min(1, bound * (1 + 1e-12))
            }
        }
        return bounds
    }
}
