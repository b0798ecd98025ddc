/// Running means and co-moments (Welford) of δ, slope_oth and lndensity over the rows with
/// sister-city signals, for `InformationSpilloverTruth`.
struct SpilloverTruthAccumulator {
    private(set) var count = 0
    private var deltaMean = 0.0
    private var slopeMean = 0.0
    private var densityMean = 0.0
    private var densityMoment = 0.0
    private var coMoment = 0.0

    mutating func add(delta: Double, slopeOther: Double, logDensity: Double) {
        count += 1
        let weight = 1 / Double(count)
        deltaMean += (delta - deltaMean) * weight
        let densityStep = logDensity - densityMean
        densityMean += densityStep * weight
        let slopeStep = slopeOther - slopeMean
        slopeMean += slopeStep * weight
        densityMoment += densityStep * (logDensity - densityMean)
        coMoment += densityStep * (slopeOther - slopeMean)
    }

    /// The truth; β1 and β2 are NaN when lndensity does not vary (or no row has sister signals).
    func truth(noiseRatio: Double) -> InformationSpilloverTruth {
        let slope = count > 1 && densityMoment > 0 ? coMoment / densityMoment : .nan
        let intercept = slope.isNaN ? Double.nan : slopeMean - slope * densityMean
        return InformationSpilloverTruth(deltaMean: count > 0 ? deltaMean : .nan, slopeOtherMean: count > 0 ? slopeMean : .nan,
                                         beta1: intercept, beta2: slope, noiseRatio: noiseRatio, rowCount: count)
    }
}
