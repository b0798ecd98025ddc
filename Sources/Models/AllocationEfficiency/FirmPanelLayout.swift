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
    /// The largest U₁ at which an entrant can produce, at index region × M + m − 1, as
    /// ``UniformCells/atMost(_:)`` thresholds, and their maximum over m for each region.
    let entryCells: [Int64], regionEntryCells: [Int64]
    /// ``UniformCells/atLeast(_:)`` of the cumulative P(m), m = 1…M − 1.
    let complexityCells: [Int64]

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
        let cells = bounds.map(UniformCells.atMost)
        entryCells = cells
        regionEntryCells = (0..<regions).map { region in cells[(region * complexities)..<((region + 1) * complexities)].max() ?? -1 }
        complexityCells = cumulative.dropLast().map(UniformCells.atLeast)
    }

    /// First pass: draws U₁ and U₂ for every entrant, in the order region, entrant (in blocks of
    /// ``drawBlock`` entrants, with ``PhiloxStream/fill(_:)``), and keeps those that produce in
    /// some year.
    func drawProducers(firmDraws: inout PhiloxStream) -> [Producer] {
        var producers: [Producer] = []
        var bits = [UInt64](repeating: 0, count: 2 * min(entrantsPerRegion, Self.drawBlock))
        var candidates = CandidateBlock()
        for region in 0..<regions {
            var first = 0
            while first < entrantsPerRegion {
                let count = min(Self.drawBlock, entrantsPerRegion - first)
                bits.withUnsafeMutableBufferPointer { firmDraws.fill(UnsafeMutableBufferPointer(rebasing: $0[0..<2 * count])) }
                // The tests below compare the 52-bit cells of the uniforms with integer thresholds
                // (``UniformCells``): the same decisions as comparing the uniforms, without converting.
                let regionBound = regionEntryCells[region]
                candidates.removeAll()
                for offset in 0..<count {
                    let cell = UniformCells.cell(bits[2 * offset])
                    // Above every m's bound: U₂ (already drawn) is not needed.
                    guard cell <= regionBound else { continue }
                    let m = UniformCells.category(of: UniformCells.cell(bits[2 * offset + 1]), thresholds: complexityCells)
                    guard cell <= entryCells[region * complexities + m - 1] else { continue }
                    candidates.append(entrant: first + offset, complexity: m, uniform: PhiloxStream.uniform(bits[2 * offset]))
                }
                candidates.computeProductivity(logScale: logScale, inverseShape: inverseShape, sigma: sigma)
                for index in candidates.entrants.indices {
                    if let producer = producer(region: region, candidates: candidates, index: index) { producers.append(producer) }
                }
                first += count
            }
        }
        return producers
    }

    /// Entrants drawn per call of ``PhiloxStream/fill(_:)``.
    static let drawBlock = 2048

    /// Candidate `index`, if it produces in some year.
    private func producer(region: Int, candidates: CandidateBlock, index: Int) -> Producer? {
        let m = candidates.complexities[index], phi0 = candidates.phi0[index]
        var producingYears = 0
        for year in 0..<years {
            let cell = region * years + year
            if multipliers[cell * complexities + m - 1] * phi0 >= terms[cell].domesticCutoff { producingYears += 1 }
        }
        guard producingYears > 0 else { return nil }
        return Producer(region: region, firm: region * entrantsPerRegion + candidates.entrants[index], complexity: m,
                        phi0: phi0, phi0Power: candidates.phi0Power[index], producingYears: producingYears)
    }

    /// The entrants of one block that pass the entry bound, with φ0 = φ_min U₁^{−1/k} and φ0^{σ−1}
    /// computed over the whole block: ln φ0 = ln φ_min − ln U₁ / k, then the exponentials
    /// (``VectorMath``).
    struct CandidateBlock {
        var entrants: [Int] = [], complexities: [Int] = [], phi0: [Double] = [], phi0Power: [Double] = []

        mutating func removeAll() {
            entrants.removeAll(keepingCapacity: true)
            complexities.removeAll(keepingCapacity: true)
            phi0.removeAll(keepingCapacity: true)
            phi0Power.removeAll(keepingCapacity: true)
        }

        /// Adds an entrant; `phi0` holds U₁ until ``computeProductivity(logScale:inverseShape:sigma:)``.
        mutating func append(entrant: Int, complexity: Int, uniform: Double) {
            entrants.append(entrant)
            complexities.append(complexity)
            phi0.append(uniform)
        }

        mutating func computeProductivity(logScale: Double, inverseShape: Double, sigma: Double) {
            VectorMath.logarithm(&phi0)
            for index in phi0.indices { phi0[index] = logScale - phi0[index] * inverseShape }
            phi0Power = phi0.map { (sigma - 1) * $0 }
            VectorMath.exponentiate(&phi0)
            VectorMath.exponentiate(&phi0Power)
        }
    }

    /// Second pass: the rows of every producer, in one pass, into columns of exactly `rows` entries
    /// written through pointers (``ColumnBuffers``); one standard normal per row from
    /// `measurementErrors`, in row order, turned into e^ε over the whole column (``VectorMath``).
    func fill(producers: [Producer], rows: Int, measurementErrors: inout PhiloxStream) throws -> Dataset {
        let ziggurat = NormalZiggurat.standard
        var written = 0
        var reals: [[Double]] = []
        // Five Int columns, and inside them five Double columns: all ten pointers valid at once.
        let integers: [[Int]] = ColumnBuffers.build(5, length: rows) { integer in
          reals = ColumnBuffers.build(5, length: rows) { real in
            let (firm, region, year, complexity, exporter) = (integer[0], integer[1], integer[2], integer[3], integer[4])
            let (level, phi0, domestic, exported, employment) = (real[0], real[1], real[2], real[3], real[4])
            // One standard normal per row, in row order: drawn for the whole column at once (they do
            // not depend on the rows' contents), then ε = s_ε z.
            ziggurat.fill(UnsafeMutableBufferPointer(start: employment, count: rows), from: &measurementErrors)
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
                    employment[row] *= errorScale
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
        }
        precondition(written == rows, "the two passes of the firm panel disagree on its length")
        return try Dataset(columns: [
            .int("firm", integers[0]), .int("region", integers[1]), .int("year", integers[2]),
            .double("I", reals[0]), .double("phi0", reals[1]), .int("m", integers[3]), .int("exporter", integers[4]),
            .double("domestic_sales", reals[2]), .double("export_sales", reals[3]), .double("employment", reals[4]),
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

/// Comparisons of ``PhiloxStream/uniform(_:)`` values with fixed bounds, done on the 52-bit cell
/// c = ⌊b/2¹²⌋ of the output b instead: U = (c + ½)·2⁻⁵², so U ≤ B ⇔ c ≤ ⌊B·2⁵² − ½⌋ and
/// U ≥ B ⇔ c ≥ ⌈B·2⁵² − ½⌉ for B in [0, 1]. Both thresholds are exact: B·2⁵² only rescales, and
/// below 2⁵² the spacing of doubles is at most ½, so subtracting ½ does not round.
enum UniformCells {
    @inline(__always)
    static func cell(_ bits: UInt64) -> Int64 { Int64(bits >> 12) }

    /// The threshold t with U ≤ `bound` ⇔ cell ≤ t (−1: never; 2⁵² − 1: always).
    static func atMost(_ bound: Double) -> Int64 {
        guard bound < 1 else { return (1 << 52) - 1 }
        guard bound >= 0 else { return -1 }
        return Int64((bound * 0x1p52 - 0.5).rounded(.down))
    }

    /// The threshold t with U ≥ `bound` ⇔ cell ≥ t.
    static func atLeast(_ bound: Double) -> Int64 {
        guard bound < 1 else { return 1 << 52 }
        guard bound > 0 else { return 0 }
        return Int64((bound * 0x1p52 - 0.5).rounded(.up))
    }

    /// The least m with U < P(1) + … + P(m): 1 + the number of the first M − 1 partial sums that
    /// are ≤ U (the last is 1 > U); categories of probability zero are never chosen. Counted without
    /// branches: m is random, so a search that stops early mispredicts about once per entrant.
    @inline(__always)
    static func category(of cell: Int64, thresholds: [Int64]) -> Int {
        var m = 1
        for threshold in thresholds { m += cell >= threshold ? 1 : 0 }
        return m
    }
}
