import Foundation
import Measures
import Models
import PanelData

/// From what the province model simulates to what a researcher observes: MET by PRODY/EXPY over the
/// drawn exports (eqs. 12–13, ``ExportSophistication``), its noise-free counterpart over expected
/// exports, INTER by projection pursuit over the four indicators (eqs. 14–20, ``ProjectionPursuitIndex``,
/// seeded by replication), and the truths that need those measures.
struct RegionalAssembly: Sendable {
    let parameters: AllocationRegionalParameters
    let geography: RegionalGeography
    let seed: UInt64

    /// One replication's province panel.
    struct Draw: Sendable {
        let dataset: Dataset
        let truth: AllocationRegionalTruth
        /// The projection-pursuit gap to the multi-start check in each year (empty without the check).
        let indexGaps: [Double]
    }

    /// MET per province-year `[t * R + r]` from exports `[(t * R + r) * P + h]` (NaN where the province
    /// exported nothing that year), and the result.
    func sophistication(productExports: [Double], income: [Double]) throws -> (met: [Double], result: ExportSophisticationResult) {
        let p = parameters, regions = p.regionCount, products = p.productCount
        var region: [Int] = [], product: [Int] = [], time: [Int] = [], values: [Double] = []
        for t in 0..<p.yearCount {
            for r in 0..<regions {
                let cell = t * regions + r
                // A province-year whose drawn firms export nothing is not in that year's sample (its MET is
                // missing, as a province without customs data would be), rather than an error.
                guard productExports[(cell * products)..<((cell + 1) * products)].contains(where: { $0 > 0 }) else { continue }
                for h in 0..<products {
                    region.append(r); product.append(h); time.append(t); values.append(productExports[cell * products + h])
                }
            }
        }
        let exports = RegionalExports(regionCount: regions, productCount: products, timeCount: p.yearCount,
                                      region: region, product: product, time: time, exports: values)
        let result = try ExportSophistication.compute(exports: exports, income: RegionalIncome(regionCount: regions, timeCount: p.yearCount, values: income))
        let met = (0..<(regions * p.yearCount)).map { cell in result.met(region: cell % regions, time: cell / regions) ?? .nan }
        return (met, result)
    }

    /// Expected exports by product: each product of class m gets 1/H of the class's expected exports.
    func expectedProductExports(_ classExports: [Double]) -> [Double] {
        let p = parameters, classes = p.complexityCount, perClass = p.productsPerComplexity
        var exports = [Double](repeating: 0, count: p.regionCount * p.yearCount * p.productCount)
        for cell in 0..<(p.regionCount * p.yearCount) {
            for m in 0..<classes {
                let share = classExports[cell * classes + m] / Double(perClass)
                for h in 0..<perClass { exports[cell * p.productCount + m * perClass + h] = share }
            }
        }
        return exports
    }

    /// RAGA's settings in a simulation (`hetfirm index` uses 200 and 10⁻¹⁰): RAGA only has to reach the
    /// basin of the maximum, which each run's Nelder–Mead polish then climbs. Chosen by measurement on
    /// 30 replications of scenarios/allocation-regional.toml with the multi-start check: 3 runs at 10⁻³
    /// fell short of the multi-start maximum in 16 of 390 year-replications and took 5.4 s; at 10⁻⁶, 27
    /// and 7.6 s; at 10⁻², 27 and 5.1 s (docs/models/allocation-efficiency.md, "Projection pursuit").
    static let populationSize = 100
    static let intervalTolerance = 1e-3

    /// INTER per province-year `[t * R + r]`, and each year's gap to the multi-start maximum.
    func internetIndex(_ indicators: [[Double]], replication: Int) throws -> (index: [Double], gaps: [Double]) {
        let p = parameters
        let years = (0..<(p.regionCount * p.yearCount)).map { p.calendarYear($0 / p.regionCount) }
        let panel = try IndicatorPanel(indicatorNames: InternetIndicators.names, values: indicators, years: years)
        var options = ProjectionPursuitIndex.Options()
        options.seed = seed
        options.replication = replication
        options.geneticRuns = p.geneticRuns
        options.genetic.populationSize = Self.populationSize
        options.genetic.intervalTolerance = Self.intervalTolerance
        options.runMultiStart = p.indexCheck != .none
        options.keepBetterOfCheck = p.indexCheck == .best
        let result = try ProjectionPursuitIndex.compute(panel, options: options)
        // The shortfall of RAGA's best polished run from the multi-start maximum, relative to max(1, |Q|).
        let gaps = result.years.compactMap { year in
            year.multiStart.map { ($0.value - (year.geneticRunValues.max() ?? -.infinity)) / Swift.max(1, abs($0.value)) }
        }
        return (result.index, gaps)
    }

    /// The panel and truths of replication `replication`.
    func assemble(_ simulated: AllocationRegionalReplication, replication: Int) throws -> Draw {
        let p = parameters, regions = p.regionCount, cells = regions * p.yearCount
        let economies = simulated.economies
        let (met, _) = try sophistication(productExports: simulated.productExports, income: economies.income)
        let (expectedMET, expected) = try sophistication(productExports: expectedProductExports(economies.classExports),
                                                         income: economies.income)
        let (inter, gaps) = try internetIndex(simulated.indicators, replication: replication)
        let truth = truths(simulated, expected: expected, expectedMET: expectedMET, inter: inter)
        let paths = simulated.paths, accounts = simulated.accounts
        let province = (0..<cells).map { $0 % regions + 1 }
        let year = (0..<cells).map { p.calendarYear($0 / regions) }
        let dataset = try Dataset(columns: [
            .int("province", province), .int("year", year),
            .int("coastal", province.map { geography.coastal[$0 - 1] ? 1 : 0 }),
            .int("post_crisis", year.map { $0 >= p.internetShiftYear ? 1 : 0 }),
            .double("x", province.map { geography.x[$0 - 1] }), .double("y", province.map { geography.y[$0 - 1] }),
            .double("I", paths.internet), .double("ln_theta", paths.logTheta), .double("T", paths.technology),
            .double("INTER", inter), Self.column("MET", met), Self.column("lnMET", met.map(log)),
            .double("MET_expected", expectedMET), .double("lnMET_expected", expectedMET.map(log)),
            .double("ALLO", accounts.allo), .double("ALLO_true", paths.logTheta), .double("PGDP", economies.income),
            .double("Y", accounts.output), .double("K", accounts.capital), .double("L", economies.labourForce),
        ] + RegionalControl.allCases.map { .double($0.column, paths.controls[$0.rawValue]) }
          + InternetIndicators.names.indices.map { j in .double(InternetIndicators.names[j], simulated.indicators.map { $0[j] }) })
        return Draw(dataset: dataset, truth: truth, indexGaps: gaps)
    }

    /// A column whose NaN entries are missing values.
    static func column(_ name: String, _ values: [Double]) -> Column {
        let missing = values.map(\.isNaN)
        return .double(name, values.map { $0.isNaN ? 0 : $0 }, missing: missing.contains(true) ? missing : nil)
    }

    /// The replication's truths (``AllocationRegionalTruth/meanings``): contemporaneous derivatives by
    /// central differences of the noise-free exports in the efficiency level ln θ + T of one
    /// province-year at a time, PRODY held at the year's noise-free values.
    func truths(_ simulated: AllocationRegionalReplication, expected: ExportSophisticationResult, expectedMET: [Double],
                inter: [Double]) -> AllocationRegionalTruth {
        let p = parameters, regions = p.regionCount, cells = regions * p.yearCount, classes = p.complexityCount
        let economies = simulated.economies, step = RegionalEconomyPanel.step
        var metSlope = 0.0, logMETSlope = 0.0, thetaPart = 0.0, logMETThetaPart = 0.0, alloSlope = 0.0
        for cell in 0..<cells {
            let time = cell / regions
            let prody = (0..<classes).map { m in expected.rtv(product: m * p.productsPerComplexity, time: time) ?? 0 }
            func met(_ exports: [Double]) -> Double {
                let slice = exports[(cell * classes)..<((cell + 1) * classes)]
                let total = slice.reduce(0, +)
                return zip(slice, prody).reduce(0) { $0 + $1.0 / total * $1.1 }
            }
            let perLevel = (met(economies.classExportsUp) - met(economies.classExportsDown)) / (2 * step)
            let levelPerInternet = p.thetaInternet + simulated.paths.technologyInternetSlope[cell]
            metSlope += perLevel * levelPerInternet
            logMETSlope += perLevel * levelPerInternet / expectedMET[cell]
            thetaPart += perLevel * p.thetaInternet
            logMETThetaPart += perLevel * p.thetaInternet / expectedMET[cell]
            let logIncomeSlope = (log(economies.incomeUp[cell]) - log(economies.incomeDown[cell])) / (2 * step)
            alloSlope += logIncomeSlope * simulated.accounts.alloOutputElasticity[cell] * levelPerInternet
        }
        var values = AllocationRegionalTruth(structural: p).values
        let count = Double(cells)
        values["dmet_dI"] = metSlope / count
        values["dlnmet_dI"] = logMETSlope / count
        values["dallo_dI"] = alloSlope / count
        values["allocation_share"] = metSlope == 0 ? .nan : thetaPart / metSlope
        let scale = Self.twoWaySlope(of: simulated.paths.internet, on: inter, regions: regions)
        values["dI_dinter"] = scale
        values["dI_dinter_province"] = Self.meanWithinSlope(of: simulated.paths.internet, on: inter, regions: regions)
        let provinceScale = values["dI_dinter_province"] ?? .nan
        values["dmet_dinter"] = metSlope / count * scale
        values["dlnmet_dinter"] = logMETSlope / count * scale
        values["dlnmet_dinter_province"] = logMETSlope / count * provinceScale
        values["dlnmet_dinter_via_theta"] = logMETThetaPart / count * scale
        values["dallo_dinter"] = alloSlope / count * scale
        return AllocationRegionalTruth(values: values)
    }

    /// The OLS slope of `y` on `x` after removing province and year means (a balanced panel, `[t * R + r]`).
    static func twoWaySlope(of y: [Double], on x: [Double], regions: Int) -> Double {
        func demeaned(_ v: [Double]) -> [Double] {
            let years = v.count / regions, total = v.reduce(0, +) / Double(v.count)
            let byRegion = (0..<regions).map { r in (0..<years).reduce(0) { $0 + v[$1 * regions + r] } / Double(years) }
            let byYear = (0..<years).map { t in (0..<regions).reduce(0) { $0 + v[t * regions + $1] } / Double(regions) }
            return v.indices.map { v[$0] - byRegion[$0 % regions] - byYear[$0 / regions] + total }
        }
        let dx = demeaned(x), dy = demeaned(y)
        let variance = dx.reduce(0) { $0 + $1 * $1 }
        return variance > 0 ? zip(dx, dy).reduce(0) { $0 + $1.0 * $1.1 } / variance : .nan
    }

    /// The mean over provinces of the OLS slope of `y` on `x` within the province (`[t * R + r]` arrays).
    static func meanWithinSlope(of y: [Double], on x: [Double], regions: Int) -> Double {
        let years = y.count / regions
        var total = 0.0, counted = 0
        for r in 0..<regions {
            let xs = (0..<years).map { x[$0 * regions + r] }, ys = (0..<years).map { y[$0 * regions + r] }
            let meanX = xs.reduce(0, +) / Double(years), meanY = ys.reduce(0, +) / Double(years)
            var covariance = 0.0, variance = 0.0
            for (a, b) in zip(xs, ys) {
                covariance += (a - meanX) * (b - meanY)
                variance += (a - meanX) * (a - meanX)
            }
            guard variance > 0 else { continue }
            total += covariance / variance
            counted += 1
        }
        return counted > 0 ? total / Double(counted) : .nan
    }
}
