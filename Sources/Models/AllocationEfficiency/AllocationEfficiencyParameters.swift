import Foundation

/// Typed parameters of the `allocation-efficiency` model (paper 000, completed as in
/// docs/models/allocation-efficiency.md). Symbols and scenario keys are listed by `hetfirm describe allocation-efficiency`.
public struct AllocationEfficiencyParameters: Sendable, Codable, Equatable, ModelParameters {
    /// σ > 1, elasticity of substitution, eq. (1).
    public var elasticityOfSubstitution: Double
    /// k > σ − 1, Pareto shape of initial productivity φ0.
    public var paretoShape: Double
    /// φ_min > 0, Pareto scale (lower bound) of φ0.
    public var paretoScale: Double
    /// κ ≥ 1, dilution per attribute type: φ_m = (θ/κ)^m φ0 (κ = 1 is eq. (5)).
    public var complexityDilution: Double
    /// P(m) for m = 1…M.
    public var complexityProbabilities: [Double]
    /// I ≥ 0, the Internet level of the economy whose equilibrium is reported; θ = e^I, eq. (4).
    public var internetLevel: Double
    /// f > 0, domestic fixed cost in labour, eq. (6).
    public var fixedCost: Double
    /// f_x > 0, export fixed cost in labour.
    public var exportFixedCost: Double
    /// τ ≥ 1, iceberg export cost.
    public var icebergCost: Double
    /// f_e > 0, sunk entry cost.
    public var entryCost: Double
    /// A_x > 0, exogenous foreign demand level (R_x/σ)(ρP_x)^(σ−1).
    public var foreignDemand: Double
    /// L > 0, workers per region; domestic expenditure R = wL = L.
    public var labourForce: Double
    /// R, regions in the simulated panel.
    public var regionCount: Int
    /// T, years in the simulated panel.
    public var yearCount: Int
    /// N, potential entrants per region.
    public var entrantsPerRegion: Int
    /// Internet level of region 1 in the first year.
    public var lowestInternetLevel: Double
    /// Internet level of region R in the first year.
    public var highestInternetLevel: Double
    /// Yearly rise of every region's Internet level.
    public var internetGrowth: Double
    /// s_ε ≥ 0, SD of the log measurement error of employment.
    public var employmentErrorScale: Double
    /// φ0 at which the export cutoff complexity m*_x(φ0, I) is reported.
    public var referenceProductivity: Double

    /// Reads the parameters from validated scenario values (every default filled in).
    public init(_ values: ParameterValues) throws {
        guard let probabilities = values.list("m_probabilities") else { throw ModelError.missingParameter("m_probabilities") }
        elasticityOfSubstitution = try values.requiredReal("sigma")
        paretoShape = try values.requiredReal("k")
        paretoScale = try values.requiredReal("phi_min")
        complexityDilution = try values.requiredReal("kappa")
        complexityProbabilities = probabilities
        internetLevel = try values.requiredReal("I")
        fixedCost = try values.requiredReal("f")
        exportFixedCost = try values.requiredReal("f_x")
        icebergCost = try values.requiredReal("tau")
        entryCost = try values.requiredReal("f_e")
        foreignDemand = try values.requiredReal("A_x")
        labourForce = try values.requiredReal("L")
        regionCount = try values.requiredInteger("regions")
        yearCount = try values.requiredInteger("years")
        entrantsPerRegion = try values.requiredInteger("firms_per_region")
        lowestInternetLevel = try values.requiredReal("I_low")
        highestInternetLevel = try values.requiredReal("I_high")
        internetGrowth = try values.requiredReal("I_growth")
        employmentErrorScale = try values.requiredReal("employment_error")
        referenceProductivity = try values.requiredReal("phi0_reference")
    }

    /// The defaults of `AllocationEfficiency.descriptor`.
    public static var defaults: AllocationEfficiencyParameters {
        get throws { try AllocationEfficiencyParameters(AllocationEfficiency.descriptor.defaults) }
    }

    /// M, the highest product complexity.
    public var maximumComplexity: Int { complexityProbabilities.count }

    /// ρ = (σ − 1)/σ, the inverse markup, eq. (7).
    public var inverseMarkup: Double { (elasticityOfSubstitution - 1) / elasticityOfSubstitution }

    /// Internet level I_rt of region `region` (0-based) in year `year` (0-based): regions are
    /// spaced evenly from `lowestInternetLevel` to `highestInternetLevel`, and all rise by
    /// `internetGrowth` a year.
    public func internetLevel(region: Int, year: Int) -> Double {
        let spread = highestInternetLevel - lowestInternetLevel
        let position = regionCount > 1 ? Double(region) / Double(regionCount - 1) : 0
        return lowestInternetLevel + spread * position + internetGrowth * Double(year)
    }

    /// The same parameters at another Internet level (for statics and sweeps).
    public func with(internetLevel level: Double) -> AllocationEfficiencyParameters {
        var copy = self
        copy.internetLevel = level
        return copy
    }
}
