import Models

/// Parameter sets for the quality-ladder tests: the descriptor's defaults with overrides.
enum QualityLadderFixtures {
    static func values(_ overrides: [String: ParameterValue] = [:]) -> ParameterValues {
        var values = QualityLadder.descriptor.defaults
        for (key, value) in overrides { values[key] = value }
        return values
    }

    static func parameters(_ overrides: [String: ParameterValue] = [:]) throws -> QualityLadderParameters {
        try QualityLadderParameters(values(overrides))
    }

    static func model(_ overrides: [String: ParameterValue] = [:]) throws -> QualityLadderModel {
        QualityLadderModel(parameters: try parameters(overrides))
    }

    static func printed(_ overrides: [String: ParameterValue] = [:]) throws -> PrintedQualityModel {
        PrintedQualityModel(parameters: try parameters(overrides.merging(["variant": .choice("as-printed")]) { a, _ in a }))
    }

    /// Consistent-variant points with a valid equilibrium, spread over k, c_M, ω, N and β − μ.
    static var validCases: [QualityLadderModel] {
        get throws {
            [
                try model(),
                try model(["products": .integer(1)]),
                try model(["k": .real(0.7)]),
                try model(["k": .real(5.0), "c_M": .real(2.0)]),
                try model(["E": .real(3.0), "beta": .real(1.5), "mu": .real(0.2)]),
                try model(["omega": .real(0.5), "products": .integer(10), "theta": .real(0.7)]),
                try model(["I": .real(0.5), "rho": .real(0.8), "f_E": .real(0.01)]),
            ]
        }
    }
}
