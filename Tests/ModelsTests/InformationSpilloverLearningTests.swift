import Foundation
import Models
import PanelData
import Testing

/// Recomputes every plant's beliefs with `KalmanStep` from the panel's roster and source
/// aggregates, independently of the simulator's loop, and checks entry and sales against the rows.
@Suite("InformationSpillover learning")
struct InformationSpilloverLearningTests {
    @Test("entry and expected sales follow the Kalman filter of the design note (as-printed: eq. (8) literally)",
          arguments: [("consistent", "annual"), ("consistent", "none"), ("as-printed", "annual"), ("as-printed", "none")])
    func beliefsDriveEntry(variant: String, revelation: String) throws {
        let overrides: [String: ParameterValue] = ["revelation": .choice(revelation), "variant": .choice(variant),
                                                   "sales_noise": .real(0), "firms": .integer(150)]
        let p = try InformationSpilloverParameters.defaults(overrides)
        let panel = try InformationSpilloverModel(parameters: p).simulate(seed: 11, replication: 3)
        let cities = p.cityCount, destinations = p.destinationCount, years = p.yearCount
        let step = KalmanStep(drift: p.demandDrift, demandVariance: p.demandVariance, signalNoiseVariance: p.signalNoiseVariance)
        let plantCount = panel.plantFirm.count
        #expect(panel.sourceCount.count == cities * destinations * years)
        func level(_ m: Int, _ t: Int) -> Double { panel.demandLevel[m * (years + 1) + t + 1] }

        // Row lookup: (year, plant, dest) → row.
        let rowPlant = try panel.rows.ints("plant"), rowYear = try panel.rows.ints("year"), rowDest = try panel.rows.ints("dest")
        let logExports = try panel.rows.doubles("lnexp")
        var rowOf = [Int: Int]()
        for row in rowPlant.indices { rowOf[(rowYear[row] * plantCount + rowPlant[row]) * destinations + rowDest[row]] = row }

        var beliefs = (0..<plantCount * destinations).map { DemandBelief.published(level($0 % destinations, -1)) }
        var missingEntries = 0, spuriousRows = 0, borderline = 0
        var ownComponent = [Int: Double](), ownComponentDrift = 0.0
        for t in 0..<years {
            for plant in 0..<plantCount {
                let firm = panel.plantFirm[plant]
                let exists = Int(panel.plantEstablishmentYear[plant]) <= t
                let signalCities = exists ? panel.plantFirm.indices.filter {
                    panel.plantFirm[$0] == firm && Int(panel.plantEstablishmentYear[$0]) <= t
                }.map { Int(panel.plantCity[$0]) } : []
                let ownCity = Int(panel.plantCity[plant])
                for m in 0..<destinations {
                    var localCount = 0, localSum = 0.0, otherCount = 0, otherSum = 0.0
                    for city in signalCities {
                        let index = (city * destinations + m) * years + t
                        if city == ownCity {
                            localCount += Int(panel.sourceCount[index])
                            localSum += panel.sourceGrowthSum[index]
                        } else {
                            otherCount += Int(panel.sourceCount[index])
                            otherSum += panel.sourceGrowthSum[index]
                        }
                    }
                    let count = localCount + otherCount, sum = localSum + otherSum
                    let previous = revelation == "annual" ? DemandBelief.published(level(m, t - 1)) : beliefs[plant * destinations + m]
                    var belief = step.step(from: previous, signalCount: count, pooledMean: count > 0 ? sum / Double(count) : 0)
                    if variant == "as-printed" {
                        // Level-equivalent group signals s̄ = μ_{t−1} + ȳ_group around the prior d̄ = μ_{t−1} + drift.
                        belief.mean = BayesianSignalUpdate.asPrintedPosteriorMean(
                            priorMean: previous.mean + p.demandDrift,
                            localSignalMean: localCount > 0 ? previous.mean + localSum / Double(localCount) : 0,
                            localCount: Double(localCount),
                            otherSignalMean: otherCount > 0 ? previous.mean + otherSum / Double(otherCount) : 0,
                            otherCount: Double(otherCount), demandVariance: p.demandVariance, signalNoiseVariance: p.signalNoiseVariance)
                    }
                    beliefs[plant * destinations + m] = belief
                    guard exists else { continue }
                    let logProfit = log(p.xi) + (p.elasticityOfSubstitution - 1) * log(panel.plantProductivity[plant])
                        + belief.mean + belief.variance / 2
                    let margin = logProfit - log(panel.destinationFixedCost[m])
                    let row = rowOf[(t * plantCount + plant) * destinations + m]
                    if abs(margin) < 1e-9 { borderline += 1; continue }
                    if margin > 0, row == nil { missingEntries += 1 }
                    if margin < 0, row != nil { spuriousRows += 1 }
                    if let row {
                        // With no transitory noise, ln r − ln(σ ξ φ^{σ−1}) − μ − V/2 is z_im, the same every year.
                        let residual = logExports[row] - log(p.elasticityOfSubstitution) - logProfit
                        if let first = ownComponent[plant * destinations + m] {
                            ownComponentDrift = max(ownComponentDrift, abs(residual - first))
                        } else {
                            ownComponent[plant * destinations + m] = residual
                        }
                    }
                }
            }
        }
        #expect(missingEntries == 0 && spuriousRows == 0, "\(missingEntries) missing, \(spuriousRows) spurious, \(borderline) borderline")
        #expect(ownComponentDrift < 1e-9)
        #expect(rowOf.count == panel.rows.rowCount && panel.rows.rowCount > 1_000)
    }
}
