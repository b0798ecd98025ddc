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
    /// The largest U₁ at which an entrant can produce, at index region × M + m − 1, and its
    /// maximum over m for each region.
    let entryBounds: [Double], regionEntryBounds: [Double]

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
        let bounds = Self.entryBounds(terms: terms, multipliers: multipliers, regions: regions, years: years,
                                      complexities: complexities, scale: p.paretoScale, shape: p.paretoShape)
        entryBounds = bounds
        regionEntryBounds = (0..<regions).map { region in
            bounds[(region * complexities)..<((region + 1) * complexities)].max() ?? 1
        }
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
                let regionBound = regionEntryBounds[region]
                for offset in 0..<count {
                    let uniform = PhiloxStream.uniform(bits[2 * offset])
                    // Above every m's bound: U₂ (already drawn) is not needed.
                    guard uniform <= regionBound else { continue }
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

    /// Second pass: the rows of every producer, in one pass, into columns of exactly `rows`
    /// entries written through pointers; one standard normal per row from `measurementErrors`, in
    /// row order, turned into e^ε over the whole column (``VectorMath``).
    func fill(producers: [Producer], rows: Int, measurementErrors: inout PhiloxStream) throws -> Dataset {
        let ziggurat = NormalZiggurat.standard
        var written = 0
        let (integers, reals) = ColumnBuilder.build(integerColumns: 5, realColumns: 5, rows: rows) { integer, real in
            let (firm, region, year, complexity, exporter) = (integer[0], integer[1], integer[2], integer[3], integer[4])
            let (level, phi0, domestic, exported, employment) = (real[0], real[1], real[2], real[3], real[4])
            var row = 0
            for producer in producers {
                let m = producer.complexity
                for yearIndex in 0..<years {
                    let cell = producer.region * years + yearIndex
                    let term = terms[cell]
                    let index = cell * complexities + m - 1
                    let phi = multipliers[index] * producer.phi0
                    guard phi >= term.domesticCutoff else { continue }
                    precondition(row < rows, "the two passes of the firm panel disagree on its length")
                    let scaled = producer.phi0Power * multiplierPowers[index]
                    let exports = phi >= term.exportCutoff
                    firm[row] = producer.firm
                    region[row] = producer.region + 1
                    year[row] = yearIndex + 1
                    complexity[row] = m
                    exporter[row] = exports ? 1 : 0
                    level[row] = term.internetLevel
                    phi0[row] = producer.phi0
                    domestic[row] = sigma * term.domesticDemand * scaled
                    exported[row] = exports ? exportShifter * scaled : 0
                    employment[row] = errorScale * ziggurat.sample(&measurementErrors)
                    row += 1
                }
            }
            written = row
            guard row == rows else { return }
            // ρ (r_d + r_x) e^ε.
            let errors = UnsafeMutableBufferPointer(start: employment, count: rows)
            VectorMath.exponentiate(errors)
            for row in 0..<rows { employment[row] *= inverseMarkup * (domestic[row] + exported[row]) }
        }
        precondition(written == rows, "the two passes of the firm panel disagree on its length")
        return try Dataset(columns: [
            .int("firm", integers[0]), .int("region", integers[1]), .int("year", integers[2]),
            .double("I", reals[0]), .double("phi0", reals[1]), .int("m", integers[3]), .int("exporter", integers[4]),
            .double("domestic_sales", reals[2]), .double("export_sales", reals[3]), .double("employment", reals[4]),
        ])
    }
}

/// Columns of a known length filled in one pass through raw pointers, then handed over as arrays
/// without a copy (each array is created by `Array(unsafeUninitializedCapacity:)`, whose buffers
/// stay valid while the nested initializers run).
enum ColumnBuilder {
    /// `integerColumns` arrays of `Int` and `realColumns` arrays of `Double`, each of `rows`
    /// elements, which `body` must initialize completely (every element of every column).
    static func build(integerColumns: Int, realColumns: Int, rows: Int,
                      _ body: (_ integers: [UnsafeMutablePointer<Int>], _ reals: [UnsafeMutablePointer<Double>]) -> Void)
        -> (integers: [[Int]], reals: [[Double]])
    {
        var reals: [[Double]] = []
        let integers = columns(count: integerColumns, rows: rows, pointers: []) { integerPointers in
            reals = columns(count: realColumns, rows: rows, pointers: []) { realPointers in body(integerPointers, realPointers) }
        }
        return (integers, reals)
    }

    /// `count` arrays of `rows` elements; `body` runs once, innermost, with all their buffers.
    private static func columns<Element>(count: Int, rows: Int, pointers: [UnsafeMutablePointer<Element>],
                                         _ body: ([UnsafeMutablePointer<Element>]) -> Void) -> [[Element]] {
        guard count > 0 else {
            body(pointers)
            return []
        }
        var inner: [[Element]] = []
        let outer = [Element](unsafeUninitializedCapacity: rows) { buffer, initialized in
            inner = columns(count: count - 1, rows: rows, pointers: pointers + [buffer.baseAddress!], body)
            initialized = rows
        }
        return [outer] + inner
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
