import Foundation
import Numerical

/// The draws every firm shares in one replication: cities and their 1984 cross-section,
/// provincial internet ports, the foreign-patent index, destinations and product elasticities.
///
/// Processes (t = 0…T−1, centred time τ = t − (T−1)/2):
/// - 1984 telephones per capita, standardized: phone_c ~ N(0, 1); post offices per capita,
///   standardized: post_c = ½ phone_c + (√3/2) u_c, u_c ~ N(0, 1) (historical infrastructure is correlated);
/// - provincial internet ports: ports_pt = exp(g_ports τ + s_ports v_pt), v_pt ~ N(0, 1);
/// - instruments: IV_phone_ct = phone_c × ports_{p(c)t}, IV_post_ct = post_c × ports_{p(c)t};
/// - foreign patents filed in China in industry j (a standardized log index):
///   IV_patent_jt = b_j + g_FP τ + s_FP e_jt, b_j, e_jt ~ N(0, 1);
/// - destination m: group ~ `dest_group_shares`, ln s_m ~ N(0, s_m²);
/// - product j: σ_j = 1 + (σ − 1) e^{s_σ z_j}, z_j ~ N(0, 1);
/// - CES shifter: χ_jmt = ln Q̄ + ln s_m + σ_j ln p̄ − (σ_j − 1) ln λ̄ + s_χ w_jmt, w ~ N(0, 1), where
///   p̄ and λ̄ are the price and quality at c = c_D/2 and the base ϕ (so a typical firm sells Q̄ s_m).
struct QualityLadderWorld {
    let cityProvince: [Int]
    let phones1984: [Double]
    let postOffices1984: [Double]
    /// ports[p * T + t]
    let ports: [Double]
    /// foreignPatents[j * T + t]
    let foreignPatents: [Double]
    let destinationGroup: [Int]
    let destinationLogSize: [Double]
    let elasticities: [Double]
    /// shifters[(j * M + m) * T + t]; empty for the linear layer.
    let shifters: [Double]

    init(settings s: QualityLadderSimulationSettings, typicalLogPrice: Double, typicalLogQuality: Double,
         stream: RandomStream) throws {
        let normal = try NormalDistribution(mean: 0, standardDeviation: 1)
        let years = s.yearCount, centre = Double(years - 1) / 2
        try AllocationGuard.check([s.industryCount, s.productsPerIndustry + years], bytesPerElement: 8,
                                  what: "the product codes and foreign patents of every industry",
                                  keys: ["industries", "products_per_industry", "years"])
        try AllocationGuard.check([s.destinationCount], bytesPerElement: 16, what: "the destinations", keys: ["destinations"])
        try AllocationGuard.check([s.cityCount + s.provinceCount * years], bytesPerElement: 24,
                                  what: "the cities and provinces", keys: ["cities", "provinces"])
        if s.demandLayer == .ces {
            try AllocationGuard.check([s.industryCount, s.productsPerIndustry, s.destinationCount, years], bytesPerElement: 8,
                                      what: "the CES demand shifters of every product, destination and year",
                                      keys: ["industries", "products_per_industry", "destinations", "years"])
        }
        cityProvince = (0..<s.cityCount).map { $0 % s.provinceCount }
        let phones = (0..<s.cityCount).map { _ in normal.sample(stream) }
        phones1984 = phones
        postOffices1984 = phones.map { 0.5 * $0 + 0.75.squareRoot() * normal.sample(stream) }
        ports = (0..<(s.provinceCount * years)).map { index in
            exp(s.portsGrowth * (Double(index % years) - centre) + s.portsDispersion * normal.sample(stream))
        }
        var patents: [Double] = []
        for _ in 0..<s.industryCount {
            let level = normal.sample(stream)
            for t in 0..<years {
                patents.append(level + s.foreignPatentGrowth * (Double(t) - centre) + s.foreignPatentDispersion * normal.sample(stream))
            }
        }
        foreignPatents = patents
        let groups = try CategoricalDistribution(probabilities: s.destinationGroupShares)
        destinationGroup = (0..<s.destinationCount).map { _ in groups.sample(stream) + 1 }
        destinationLogSize = (0..<s.destinationCount).map { _ in s.destinationSizeDispersion * normal.sample(stream) }
        let productCount = s.industryCount * s.productsPerIndustry
        elasticities = (0..<productCount).map { _ in
            1 + (s.elasticityOfSubstitution - 1) * exp(s.elasticityDispersion * normal.sample(stream))
        }
        var shifters: [Double] = []
        if s.demandLayer == .ces {
            shifters.reserveCapacity(productCount * s.destinationCount * years)
            for product in 0..<productCount {
                let sigma = elasticities[product]
                let base = log(s.quantityScale) + sigma * typicalLogPrice - (sigma - 1) * typicalLogQuality
                for destination in 0..<s.destinationCount {
                    for _ in 0..<years {
                        shifters.append(base + destinationLogSize[destination] + s.shifterDispersion * normal.sample(stream))
                    }
                }
            }
        }
        self.shifters = shifters
    }
}
