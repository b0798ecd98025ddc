import Foundation
import Numerical

/// The raw mechanism variables of paper 004's Tables 8–9 that the quality-ladder simulator draws
/// (the distances to their frontiers are built by `Measures.MechanismDistances`). Stream:
/// "quality-ladder/mechanisms", so the other streams (and every earlier column) are unchanged.
///
/// - **External TFP frontier** (Table 8 (3)): ln TFP^US_jt = max_i tfp_ijt + g_US U_j, with the maximum over
///   all simulated firms of industry j in year t and U_j ~ U(0.5, 1.5) drawn once per industry, so it lies
///   above the Chinese frontier. The noise-free counterpart uses the noise-free tfp (`true_tfp`).
/// - **Knowledge breadth** (Table 9 (1), notes §3.8 (3)): firm i has a core class m*_i (uniform over the
///   M_Z classes). Each of its P_it patents of year t lies in the core class with probability
///   s_it + (1 − s_it)/M_Z and in each other class with probability (1 − s_it)/M_Z, where
///   s_it = s0 e^{−ν Eco_it}: digital innovation spreads patents away from the core. Z_imt are the cumulative
///   counts up to t and P_knowledge_it = 1 − Σ_m (Z_imt/Z_it)² (`KnowledgeBreadth`), missing while Z_it = 0.
///   The noise-free breadth is its expectation given the patent counts (same P, so the same rows):
///   E[P_knowledge] = 1 − Σ_m (E[Z_im]² + V_im)/Z_i², E[Z_im] = Σ_{τ≤t} P_iτ p_imτ, V_im = Σ_{τ≤t} P_iτ p_imτ(1 − p_imτ)
///   (independent multinomial years). Replacing the counts by their expectations alone would miss that a firm
///   with few patents looks narrow by chance: the sampling term V/Z² shrinks as patents accumulate.
///
/// Multinomial draws are sequential binomials; a binomial with n ≤ 200 trials sums Bernoulli draws, a larger
/// one uses the normal approximation, rounded and clamped to [0, n].
struct QualityLadderMechanisms {
    let classCount: Int
    let coreShare: Double
    let breadthResponse: Double
    /// g_US U_j per industry.
    let externalGaps: [Double]
    private let stream: RandomStream
    private let normal: NormalDistribution
    private var coreClass: [Int]
    private var counts: [[Double]]
    private var expectedCounts: [[Double]]
    private var countVariances: [[Double]]

    init(settings s: QualityLadderSimulationSettings, firmCount: Int, stream: RandomStream) throws {
        classCount = s.patentClassCount
        coreShare = s.coreClassShare
        breadthResponse = s.breadthResponse
        self.stream = stream
        normal = try NormalDistribution(mean: 0, standardDeviation: 1)
        externalGaps = (0..<s.industryCount).map { _ in s.externalFrontierGap * (0.5 + stream.nextUniform()) }
        coreClass = (0..<firmCount).map { _ in stream.nextInt(below: s.patentClassCount) }
        try AllocationGuard.check([firmCount, s.patentClassCount], bytesPerElement: 24,
                                  what: "the patent class counts of every firm", keys: ["firms", "patent_classes"])
        counts = Array(repeating: Array(repeating: 0, count: s.patentClassCount), count: firmCount)
        expectedCounts = counts
        countVariances = counts
    }

    /// Files firm `firm`'s `patents` of the year over its classes; returns the knowledge breadth and its
    /// noise-free counterpart from the cumulative counts (NaN while the firm has no patent).
    mutating func fileYear(firm: Int, patents: Double, eco: Double) -> (breadth: Double, noiseless: Double) {
        let spread = coreShare * exp(-breadthResponse * eco)
        let other = (1 - spread) / Double(classCount)
        let core = coreClass[firm]
        var remaining = Int(patents), remainingProbability = 1.0
        for m in 0..<classCount {
            let probability = m == core ? spread + other : other
            expectedCounts[firm][m] += patents * probability
            countVariances[firm][m] += patents * probability * (1 - probability)
            guard remaining > 0 else { continue }
            let share = m == classCount - 1 ? 1 : min(1, probability / max(remainingProbability, 1e-300))
            let drawn = binomial(trials: remaining, probability: share)
            counts[firm][m] += Double(drawn)
            remaining -= drawn
            remainingProbability -= probability
        }
        let total = expectedCounts[firm].reduce(0, +)
        var expectedConcentration = 0.0
        for m in 0..<classCount {
            expectedConcentration += expectedCounts[firm][m] * expectedCounts[firm][m] + countVariances[firm][m]
        }
        return (KnowledgeBreadth.oneMinusHHI(counts[firm]), total > 0 ? 1 - expectedConcentration / (total * total) : .nan)
    }

    private func binomial(trials: Int, probability: Double) -> Int {
        if probability <= 0 { return 0 }
        if probability >= 1 { return trials }
        if trials <= 200 {
            var successes = 0
            for _ in 0..<trials where stream.nextUniform() < probability { successes += 1 }
            return successes
        }
        let n = Double(trials)
        let draw = n * probability + (n * probability * (1 - probability)).squareRoot() * normal.sample(stream)
        return Int(min(n, max(0, draw.rounded())))
    }
}
