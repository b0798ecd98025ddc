extension QualityLadderSimulator {
    /// One term of the log patent intensity ln m_it (the first stage) and the scenario keys that set it.
    struct PatentIntensityTerm {
        let value: Double
        let keys: [String]
    }

    /// The error for a log patent intensity ln m_it that is not a number (∞ − ∞ or 0 · ∞ among its terms, from
    /// extreme parameters): names firm, year and the keys of every term that is not finite.
    static func patentIntensityError(_ terms: [PatentIntensityTerm], firm: Int, year: Int) -> ModelError {
        var keys: [String] = []
        for term in terms where !term.value.isFinite {
            for key in term.keys where !keys.contains(key) { keys.append(key) }
        }
        if keys.isEmpty { keys = terms.flatMap(\.keys) }
        return ModelError.simulationOutOfRange(
            reason: "the log patent intensity ln m_it of firm \(firm) in year \(year) is not a number "
                + "(its terms are infinite with opposite signs, or zero times infinite)",
            keys: keys)
    }
}
