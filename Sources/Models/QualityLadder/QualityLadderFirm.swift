import Foundation
import Numerical

/// One simulated firm's time-invariant draws.
///
/// - cost c: a survivor's draw, c = c_D U^{1/k} (the Pareto G(c) = (c/c_M)^k conditional on c < c_D);
/// - industry, city uniform; ownership (1 SOE, 2 private, 3 other) and trade type (1 pure general,
///   2 pure processing, 3 mixed) from their shares;
/// - products: the ladder's n-th product gets the n-th code of a random permutation of the industry's codes;
/// - destinations: 1 + Poisson(m̄ − 1) distinct destinations (capped at M), uniformly without replacement;
/// - patent propensity a_i ~ N(0, s_a²);
/// - control levels: size base 4 + 0.8 ln(c_D/c) + 0.5 z, ln capital per worker 4 + 0.8 z,
///   finance 0.1 + 0.15 z, liabilities/assets ~ U(0.2, 0.9), founding year t0 − U{0,…,29}.
struct QualityLadderFirm {
    let cost: Double
    let industry: Int
    let city: Int
    let ownership: Int
    let tradeType: Int
    /// Product codes (0-based) of the ladder's products, core first.
    let products: [Int]
    let destinations: [Int]
    let propensity: Double
    let sizeBase: Double
    let capitalIntensity: Double
    let finance: Double
    let liabilityShare: Double
    let foundingYear: Int

    /// The trade modes of the firm's records: 1 general, 2 processing; mixed firms have both.
    var tradeModes: [Int] {
        switch tradeType {
        case 1: return [1]
        case 2: return [2]
        default: return [1, 2]
        }
    }

    init(settings s: QualityLadderSimulationSettings, cutoff: Double, paretoShape: Double, ladderLength: Int,
         ownerships: CategoricalDistribution, tradeTypes: CategoricalDistribution, stream: RandomStream) throws {
        let normal = try NormalDistribution(mean: 0, standardDeviation: 1)
        cost = cutoff * pow(stream.nextUniform(), 1 / paretoShape)
        industry = stream.nextInt(below: s.industryCount)
        city = stream.nextInt(below: s.cityCount)
        ownership = ownerships.sample(stream) + 1
        tradeType = tradeTypes.sample(stream) + 1
        var codes = Array(0..<s.productsPerIndustry)
        let ladder = min(ladderLength, codes.count)
        for n in 0..<ladder {
            codes.swapAt(n, n + stream.nextInt(below: codes.count - n))
        }
        let offset = industry * s.productsPerIndustry
        products = codes.prefix(ladder).map { offset + $0 }
        let extra = s.meanDestinationsPerFirm > 1
            ? try PoissonDistribution(mean: s.meanDestinationsPerFirm - 1).sample(stream) : 0
        var markets = Array(0..<s.destinationCount)
        let reach = min(1 + extra, markets.count)
        for n in 0..<reach {
            markets.swapAt(n, n + stream.nextInt(below: markets.count - n))
        }
        destinations = Array(markets.prefix(reach)).sorted()
        propensity = s.patentPropensityDispersion * normal.sample(stream)
        sizeBase = 4 + 0.8 * log(cutoff / cost) + 0.5 * normal.sample(stream)
        capitalIntensity = 4 + 0.8 * normal.sample(stream)
        finance = 0.1 + 0.15 * normal.sample(stream)
        liabilityShare = 0.2 + 0.7 * stream.nextUniform()
        foundingYear = s.firstYear - stream.nextInt(below: 30)
    }
}
