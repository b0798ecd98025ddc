import Foundation

/// What the simulated panel needs, checked when the scenario is validated rather than after every
/// replication has failed: an equilibrium with producers at the reported Internet level I, and enough
/// producers in the panel's last year for the Pareto-tail and markup estimators.
///
/// θ = e^I raises the effective domestic cutoff steeply (φ*_d is about 5 at I = 0.3 and 8,000 at
/// I = 0.85 with the defaults), so a long panel (years ≥ 60 with I_growth = 0.01) or a large I leaves
/// no entrant above it. The advice is then to lower the Internet levels, not to add firms.
extension AllocationEfficiency {
    /// Producers the final year must have on average (the Pareto tail MLE needs at least 4).
    static let minimumFinalYearProducers = 20.0

    static let panelConstraint = ParameterConstraint(
        "an equilibrium with producers at I, and at least \(Int(minimumFinalYearProducers)) expected producers in the panel's last year",
        checkedAtSweepPoints: false
    ) { values in
        guard let parameters = try? AllocationEfficiencyParameters(values),
              parameters.paretoShape > parameters.elasticityOfSubstitution - 1 else { return nil }
        let model = AllocationEfficiencyModel(parameters: parameters)
        /// The share of entrants that produce at `level`; nil when no firm produces; 1 when the solver fails
        /// for another reason (reported elsewhere).
        func producingShare(at level: Double) -> Double? {
            do {
                let equilibrium = try model.solve(internetLevel: level)
                return equilibrium.cutoffs.reduce(0) { $0 + $1.probability * $1.activeShare }
            } catch ModelError.noEquilibrium(let reason, _) where reason.hasPrefix("no firm produces") {
                return nil
            } catch {
                return 1
            }
        }
        let base = parameters.internetLevel
        if producingShare(at: base) == nil {
            return DomainViolation(
                key: "I", message: "at I = \(base) no firm produces: θ = e^I pushes the domestic cutoff above every entrant",
                fix: "lower I (the defaults give a cutoff of about 5 at I = 0.3 and 8,000 at I = 0.85)")
        }
        let last = parameters.yearCount - 1
        let lowest = parameters.internetLevel(region: 0, year: last)
        let highest = parameters.internetLevel(region: parameters.regionCount - 1, year: last)
        let blamed = parameters.internetGrowth > 0 && parameters.yearCount > 1 ? "years" : "I_high"
        let fix = "lower years, I_growth or I_high (the cutoff rises steeply with I); more firms_per_region helps only slightly"
        guard let lowShare = producingShare(at: min(lowest, highest)) else {
            return DomainViolation(
                key: blamed,
                message: "in the panel's last year the Internet level reaches \(min(lowest, highest)) and no firm produces",
                fix: fix)
        }
        let highShare = producingShare(at: max(lowest, highest)) ?? 0
        let expected = Double(parameters.entrantsPerRegion) * Double(parameters.regionCount) * (lowShare + highShare) / 2
        guard expected < minimumFinalYearProducers else { return nil }
        return DomainViolation(
            key: blamed,
            message: "in the panel's last year (Internet level up to \(max(lowest, highest))) about \(String(format: "%.3g", expected)) of the "
                + "\(parameters.regionCount) × \(parameters.entrantsPerRegion) entrants produce; the estimators need at least "
                + "\(Int(minimumFinalYearProducers))",
            fix: fix)
    }
}
