/// The theory of paper 000 at one parameter point: the equilibrium at the scenario's Internet level I,
/// its closed form where the regime admits one (checked against the numerical solution), the
/// comparative statics (analytic beside finite differences, with the propositions), and the equilibria
/// over a grid of I for the claim that Internet raises the mean complexity of exporters.
public struct AllocationEfficiencyTheory: Sendable {
    public let parameters: AllocationEfficiencyParameters
    public let equilibrium: AllocationEfficiencyEquilibrium
    /// The closed form, where the regime is interior and partitioned; `nil` elsewhere.
    public let closedForm: AllocationEfficiencyEquilibrium?
    public let statics: AllocationEfficiencyStatics
    /// Equilibria at 21 levels of I from 0 to the panel's highest Internet level (closed form where it
    /// applies, numerical elsewhere).
    public let claimGrid: [AllocationEfficiencyEquilibrium]
}

extension AllocationEfficiencyModel: HeterogeneousFirmModel {
    public static var descriptor: ModelDescriptor { AllocationEfficiency.descriptor }

    /// - Throws: ``ModelError`` (`.noEquilibrium` names the keys to change).
    public func theory() throws -> AllocationEfficiencyTheory {
        let equilibrium = try solve()
        let closedForm = equilibrium.regime.closedFormApplies ? try? solve(method: .closedForm) : nil
        let statics = try comparativeStatics(at: equilibrium)
        let top = max(parameters.internetLevel,
                      parameters.internetLevel(region: parameters.regionCount - 1, year: parameters.yearCount - 1))
        let claimGrid = try (0...20).map { step in try solvePreferringClosedForm(internetLevel: top * Double(step) / 20) }
        return AllocationEfficiencyTheory(parameters: parameters, equilibrium: equilibrium, closedForm: closedForm,
                                          statics: statics, claimGrid: claimGrid)
    }
}
