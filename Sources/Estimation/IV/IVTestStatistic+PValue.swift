import Numerical

extension IVTestStatistic {
    /// Upper-tail p-value: from F(df, denominatorDegrees) for F forms, from χ²(df) otherwise.
    public var pValue: Double {
        if let denominator = denominatorDegrees {
            return TestDistributions.fSurvival(statistic, numeratorDegrees: Double(degreesOfFreedom),
                                               denominatorDegrees: Double(denominator))
        }
        return TestDistributions.chiSquaredSurvival(statistic, degreesOfFreedom: Double(degreesOfFreedom))
    }
}
