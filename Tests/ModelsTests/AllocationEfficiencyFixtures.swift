import Models

/// Parameter sets used across the model tests: the defaults and variations of them.
enum Fixtures {
    static func parameters(_ overrides: [String: ParameterValue] = [:]) throws -> AllocationEfficiencyParameters {
        var values = AllocationEfficiency.descriptor.defaults
        for (key, value) in overrides { values[key] = value }
        return try AllocationEfficiencyParameters(values)
    }

    /// Points in the interior, partitioned regime (closed form applies).
    static var interiorCases: [AllocationEfficiencyParameters] {
        get throws {
            [
                try parameters(),
                try parameters(["I": .real(0.0)]),
                try parameters(["I": .real(0.3)]),
                try parameters(["kappa": .real(1.2), "I": .real(0.3)]),
                try parameters(["sigma": .real(3.0), "k": .real(3.4), "I": .real(0.1)]),
                try parameters(["m_probabilities": .realList([0.5, 0.5]), "f_e": .real(0.5), "I": .real(0.4)]),
            ]
        }
    }
}
