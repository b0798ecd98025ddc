import Foundation

/// The learning and entry loop of `InformationSpilloverModel.simulate(streams:)`: for every year,
/// firm, existing plant and destination, the belief update of the design note, the entry test of
/// cutoff (6) and, for entrants, the row. Flat arrays only; no allocation inside the loop.
struct SpilloverLearningLoop {
    let parameters: InformationSpilloverParameters
    let world: SpilloverWorld
    let network: SpilloverFirmNetwork
    let demand: SpilloverDemand
    let sources: SourceExporterDraw
    /// Export sales of each firm-year, flat at f T + t (filled by `run`).
    private(set) var firmExports: [Double]

    init(parameters: InformationSpilloverParameters, world: SpilloverWorld, network: SpilloverFirmNetwork,
         demand: SpilloverDemand, sources: SourceExporterDraw) {
        self.parameters = parameters
        self.world = world
        self.network = network
        self.demand = demand
        self.sources = sources
        firmExports = [Double](repeating: 0, count: network.firmCount * parameters.yearCount)
    }

    /// Runs the loop; returns the sum and count of the largest plant's share over exporting firm-years.
    /// The most plant × destination × year rows a panel may have (about 20 GB of columns once the
    /// regressors are built); beyond it the simulation stops with an error naming what to change.
    static let maximumRows = 40_000_000
    /// The most plant × product × destination × year rows (5 columns, about 4 GB).
    static let maximumProductRows = 100_000_000

    mutating func run(writer: inout SpilloverRowWriter, accumulator: inout SpilloverTruthAccumulator) throws -> (sum: Double, count: Int) {
        let p = parameters, years = p.yearCount, destinations = p.destinationCount
        let vd = p.demandVariance, vz = p.signalNoiseVariance, drift = p.demandDrift
        let logXi = log(p.xi), logSigma = log(p.elasticityOfSubstitution)
        let ownVariance = p.ownVariance == .include ? vz : 0
        let consistent = p.variant == .consistent, annual = p.revelation == .annual
        let logFixedCost = world.destinationFixedCost.map { log($0) }
        // ln ξ + (σ − 1) ln φ_i: the plant part of ln expected profit, eqs. (6), (11).
        let plantScale = network.plantProductivity.map { logXi + (p.elasticityOfSubstitution - 1) * log($0) }
        // The source aggregates transposed to (t C + c) M + m, so the destination loop reads contiguous memory
        // and one year's aggregates are one block.
        try AllocationGuard.check([sources.count.count], bytesPerElement: 12,
                                  what: "the transposed source-exporter aggregates", keys: ["cities", "destinations", "years"])
        var counts = [Int32](repeating: 0, count: sources.count.count), sums = [Double](repeating: 0, count: sources.count.count)
        for city in 0..<p.cityCount {
            for m in 0..<destinations {
                for t in 0..<years {
                    let from = (city * destinations + m) * years + t, to = (t * p.cityCount + city) * destinations + m
                    counts[to] = sources.count[from]
                    sums[to] = sources.growthSum[from]
                }
            }
        }
        let area = world.cityArea
        let cities = network.plantCity, established = network.plantEstablishmentYear, own = demand.ownComponent
        // Beliefs N(μ, P) about d_m,t−1, kept only when nothing is published (revelation "none").
        var beliefMean = [Double](), beliefVariance = [Double]()
        if !annual {
            try AllocationGuard.check([network.plantCount, destinations], bytesPerElement: 16,
                                      what: "the beliefs of every plant about every destination", keys: ["firms", "destinations"])
            beliefMean = [Double](repeating: 0, count: network.plantCount * destinations)
            beliefVariance = beliefMean
            for plant in 0..<network.plantCount {
                for m in 0..<destinations { beliefMean[plant * destinations + m] = demand.previousLevel(destination: m, year: 0) }
            }
        }
        // δ(n) and v^post(n) of eqs. (9), (10) for the common signal counts, computed once (the same
        // function of n, so the same values as computing them per plant, destination and year).
        let tabulated = 4096
        let weightOf = (0..<tabulated).map {
            BayesianSignalUpdate.signalWeight(signalCount: Double($0), demandVariance: vd, signalNoiseVariance: vz)
        }
        let posteriorVarianceOf = (0..<tabulated).map {
            BayesianSignalUpdate.posteriorVariance(signalCount: Double($0), demandVariance: vd, signalNoiseVariance: vz)
        }
        var totalCount = [Int](repeating: 0, count: destinations), totalSum = [Double](repeating: 0, count: destinations)
        var shareSum = 0.0, shareCount = 0
        // d_m,t−1 of every destination in year t, contiguous (the published level under annual revelation).
        var publishedLevel = [Double](repeating: 0, count: destinations)
        for t in 0..<years {
            for m in 0..<destinations { publishedLevel[m] = demand.previousLevel(destination: m, year: t) }
            for f in 0..<network.firmCount {
                let first = Int(network.firmFirstPlant[f]), end = Int(network.firmFirstPlant[f + 1])
                // Signals of every city where the firm has a plant in year t; a plant's sister part is this minus its own city.
                for m in 0..<destinations { totalCount[m] = 0; totalSum[m] = 0 }
                var activeArea = 0.0
                for plant in first..<end where Int(established[plant]) <= t {
                    let base = (t * p.cityCount + Int(cities[plant])) * destinations
                    for m in 0..<destinations {
                        totalCount[m] += Int(counts[base + m])
                        totalSum[m] += sums[base + m]
                    }
                    activeArea += area[Int(cities[plant])]
                }
                var firmTotal = 0.0, largest = 0.0
                for plant in first..<end {
                    if Int(established[plant]) > t {
                        // Not yet established: no signals, the belief only drifts (δ = 0).
                        if !annual {
                            for m in 0..<destinations {
                                beliefMean[plant * destinations + m] += drift
                                beliefVariance[plant * destinations + m] += vd
                            }
                        }
                        continue
                    }
                    let city = Int(cities[plant]), base = (t * p.cityCount + city) * destinations
                    let sisterArea = activeArea - area[city]
                    var plantTotal = 0.0
                    for m in 0..<destinations {
                        let localCount = Int(counts[base + m]), localSum = sums[base + m]
                        let otherCount = totalCount[m] - localCount, otherSum = totalSum[m] - localSum
                        let signalCount = localCount + otherCount
                        let state = plant * destinations + m
                        let previousMean = annual ? publishedLevel[m] : beliefMean[state]
                        let previousVariance = annual ? 0 : beliefVariance[state]
                        let priorMean = previousMean + drift
                        var weight = 0.0, posteriorVariance = vd, mean = priorMean
                        if signalCount > 0 {
                            let n = Double(signalCount)
                            // δ and v^post, eqs. (9), (10).
                            if signalCount < tabulated {
                                weight = weightOf[signalCount]
                                posteriorVariance = posteriorVarianceOf[signalCount]
                            } else {
                                weight = BayesianSignalUpdate.signalWeight(signalCount: n, demandVariance: vd, signalNoiseVariance: vz)
                                posteriorVariance = BayesianSignalUpdate.posteriorVariance(signalCount: n, demandVariance: vd,
                                                                                            signalNoiseVariance: vz)
                            }
                            if consistent {
                                mean = priorMean + weight * ((localSum + otherSum) / n - drift)
                            } else {
                                let local = localCount > 0 ? previousMean + localSum / Double(localCount) : priorMean
                                let other = otherCount > 0 ? previousMean + otherSum / Double(otherCount) : priorMean
                                mean = (1 - weight) * priorMean + weight * (local + other)
                            }
                        }
                        let variance = previousVariance + posteriorVariance
                        if !annual {
                            beliefMean[state] = mean
                            beliefVariance[state] = variance
                        }
                        // ln of ξ φ^{σ−1} exp(μ + V/2), the expected operating profit of cutoff (6).
                        let logProfit = plantScale[plant] + mean + 0.5 * (variance + ownVariance)
                        guard logProfit >= logFixedCost[m] else { continue }
                        let n = Double(signalCount)
                        let truth = RowTruth(
                            delta: weight, localCount: Double(localCount), otherCount: Double(otherCount),
                            slopeOther: otherCount == 0 ? 0 : consistent ? weight * Double(otherCount) / n : weight,
                            slopeLocal: localCount == 0 ? 0 : consistent ? weight * Double(localCount) / n : weight)
                        let value = writer.append(plant: plant, firm: f, city: city, destination: m, year: t,
                                                  expectedLogSales: logSigma + logProfit, ownComponent: own[state], truth: truth)
                        plantTotal += value
                        if otherCount > 0 {
                            accumulator.add(delta: weight, slopeOther: truth.slopeOther,
                                            logDensity: log(Double(otherCount) / sisterArea), otherCount: Double(otherCount))
                        }
                    }
                    firmTotal += plantTotal
                    largest = max(largest, plantTotal)
                }
                firmExports[f * years + t] = firmTotal
                guard writer.rowCount <= Self.maximumRows else {
                    throw ModelError.noEquilibrium(
                        reason: "the panel passed \(Self.maximumRows) plant × destination × year rows in year \(t): too large to estimate on",
                        keys: ["f", "firms", "destinations"])
                }
                guard writer.productRowCount <= Self.maximumProductRows else {
                    throw ModelError.tooLarge(
                        reason: "the product panel passed \(Self.maximumProductRows) plant × product × destination × year rows in year \(t)",
                        keys: ["extra_products", "products", "firms"])
                }
                if firmTotal > 0 {
                    shareSum += largest / firmTotal
                    shareCount += 1
                }
            }
            // After the first year, room for all years: its rows per existing plant times the plant-years
            // to come, with a margin of 1.4 (rows per plant grow with demand), never beyond the row limit.
            // Capacity that is never written costs address space only, and outgrowing it costs a copy of
            // every column, so the margin is generous.
            if t == 0 {
                let plantYears = (0..<years).reduce(0) { sum, year in sum + established.reduce(0) { $0 + (Int($1) <= year ? 1 : 0) } }
                let plantsInFirstYear = max(established.reduce(0) { $0 + ($1 <= 0 ? 1 : 0) }, 1)
                let estimate = Double(writer.rowCount) * Double(plantYears) / Double(plantsInFirstYear) * 1.4
                writer.reserve(rows: Int(min(estimate, Double(Self.maximumRows))))
            }
        }
        return (shareSum, shareCount)
    }
}
