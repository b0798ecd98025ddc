/// Running means and co-moments of δ, slope_oth and lndensity over the rows with sister-city
/// signals, for `InformationSpilloverTruth`: unweighted (δ, slope_oth) and weighted by 1/n^oth
/// (slope_oth, and the projection on lndensity), West's incremental algorithm.
///
/// Why 1/n^oth: OLS weights each row's slope by the variance of its regressor, and Δlnaffiliate is
/// a mean of n^oth growth signals, whose variance around the common g_mt is v_z/n^oth. So a
/// regression of eq. (15) estimates a 1/n^oth-weighted average of the heterogeneous slope, not its
/// plain mean.
struct SpilloverTruthAccumulator {
    private(set) var count = 0
    private var deltaMean = 0.0
    private var slopeMean = 0.0
    private var weightSum = 0.0
    private var weightedSlopeMean = 0.0
    private var weightedDensityMean = 0.0
    private var densityMoment = 0.0
    private var coMoment = 0.0

    mutating func add(delta: Double, slopeOther: Double, logDensity: Double, otherCount: Double) {
        count += 1
        let step = 1 / Double(count)
        deltaMean += (delta - deltaMean) * step
        slopeMean += (slopeOther - slopeMean) * step
        let weight = 1 / otherCount
        weightSum += weight
        let share = weight / weightSum
        let densityStep = logDensity - weightedDensityMean
        weightedDensityMean += densityStep * share
        let slopeStep = slopeOther - weightedSlopeMean
        weightedSlopeMean += slopeStep * share
        densityMoment += weight * densityStep * (logDensity - weightedDensityMean)
        coMoment += weight * densityStep * (slopeOther - weightedSlopeMean)
    }

    /// The truth; β1 and β2 are NaN when lndensity does not vary (or no row has sister signals).
    func truth(noiseRatio: Double) -> InformationSpilloverTruth {
        let slope = count > 1 && densityMoment > 0 ? coMoment / densityMoment : .nan
        let intercept = slope.isNaN ? Double.nan : weightedSlopeMean - slope * weightedDensityMean
        return InformationSpilloverTruth(
            deltaMean: count > 0 ? deltaMean : .nan, slopeOtherMean: count > 0 ? slopeMean : .nan,
            slopeOtherWeightedMean: count > 0 ? weightedSlopeMean : .nan,
            beta1: intercept, beta2: slope, noiseRatio: noiseRatio, rowCount: count)
    }
}
