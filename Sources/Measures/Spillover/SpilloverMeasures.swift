import PanelData

/// The constructed regressors of paper 003 (§3.2 of the notes): cross-regional information
/// Δlnaffiliate and density, eqs. (13)–(14), their export-share-weighted versions, eqs.
/// (16)–(17), the local and same-province controls, the heterogeneity moderators and the
/// fixed-effect codes, one row per sample row.
public enum SpilloverMeasures {
    /// Builds the regressors for every row of `sample`, in the same order.
    ///
    /// Notation: plant i of firm f in city c exports x_imt to destination m in year t;
    /// n_cmt and S_cmt are the source count and growth sum (`SourceAggregates`); C_it are the
    /// cities of f's other plants that exist in t (establishment year ≤ t), the own city
    /// excluded. Double columns (missing via the column mask, never a silent NaN):
    ///
    /// - `dlnaffiliate`, eq. (13): Σ_{c′∈C_it} S_c′mt / Σ_{c′∈C_it} n_c′mt, pooled (count-weighted),
    ///   missing if C_it is empty or Σ n = 0. `lndensity`, eq. (14): ln(Σ n_c′mt / Σ area_c′),
    ///   the area summed over all of C_it; missing if Σ n = 0.
    /// - `dlnnear` = S_cmt / n_cmt and `lnnear_density` = ln(n_cmt / area_c) in the own city;
    ///   `dlnnear_prov`, `lnprov_density`: the same pooled over the other cities of c's
    ///   province. Missing where the count is 0.
    /// - `dlnaffiliate1`, `lndensity1`, eqs. (16)–(17): Σ w_i′ S_c′mt/n_c′mt and
    ///   Σ w_i′ ln(n_c′mt/area_c′) over the sister plants i′ (city c′) existing in t, with
    ///   w = the sister's exports to m in t (`.destinationShares`) or its total exports in t
    ///   (`.overallShares`), taken from `sample`. Only sister cities with n_c′mt > 0 enter,
    ///   and the weights are renormalized to sum to one over them (a city mean is undefined
    ///   at n = 0, and dropping it without renormalizing would shrink the measure toward 0).
    ///   Missing when no weight remains (e.g. no sister exports to m under destination shares).
    /// - The four products `dlnaffiliate_x_lndensity`, `dlnnear_x_lnnear_density`,
    ///   `dlnnear_prov_x_lnprov_density`, `dlnaffiliate1_x_lndensity1`, missing where a factor is.
    /// - `lnexp` = ln x_imt; `lnexp_other` = ln Σ_{m′≠m} x_im′t, missing if the plant exports
    ///   nowhere else in t.
    /// - `new_dummy` = 1 if the plant has no row for m in t−1; `exp_dummy` = 1 if it has a row
    ///   for m in some year before t−1 but none in t−1 (a returning exporter: our reading of
    ///   the paper's unclear "export experience"). The panel is left-censored: years before 0
    ///   count as not exporting, and both dummies are missing in year 0.
    /// - `num`: the number of sister plants in other cities that exist in t (|C_it|);
    ///   `lnexport`: ln of the firm's total exports in t (sum over `sample`); `lnsupply`:
    ///   ln `firmOutput[f * T + t]`, missing without `firmOutput` or where it is not positive.
    /// - `pooled_signal` = (S_own + Σ S_sister) / (n_own + Σ n_sister) and `n_signals` =
    ///   n_own + Σ n_sister: the plant's whole information set (own city and C_it), as in the
    ///   simulator's Kalman update. `pooled_signal` is missing where `n_signals` is 0;
    ///   `n_signals` itself is always present (0 is a count).
    ///
    /// Int columns: `plant`, `firm`, `city`, `dest`, `year`, `income_group`, the fixed-effect
    /// codes `it` = plant·T + t, `mt` = m·T + t, `cm` = c·M + m, `single_plant_dest` (1 if no
    /// other plant of the firm exports to m in t) and `multi_plant_province` (1 if two plants
    /// of the firm existing in t share a province).
    ///
    /// With `options.sourcesIncludeSample` the sample plants that export to m in t−1 and t
    /// are first added to n_cmt and S_cmt. Each row then excludes its own plant from the own
    /// city, and its firm's other plants from their cities in `dlnaffiliate`, `lndensity`,
    /// eqs. (16)–(17) and `pooled_signal` (footnote to eq. (13)); the same-province controls
    /// exclude the whole own city and keep everything else.
    ///
    /// Runs in O(rows × plants per firm) after a counting sort by (firm, year).
    ///
    /// - Parameters:
    ///   - sample: the plants' flows; `exporter` is the plant id in `roster`, `firm` and `city`
    ///     must repeat the roster's, and a plant has no rows before its establishment year.
    ///   - firmOutput: gross output by firm and year, `firm * T + year`, length firmCount·T.
    ///   - identifiers: the sample's plant, firm, city, destination and year as `Int` arrays, when the
    ///     caller holds them: they are returned as the id columns instead of copies (same values).
    /// - Throws: `MeasuresError` naming the input, row and column of the first inconsistency.
    public static func construct(
        sample: ExporterFlows, roster: PlantRoster, sources: SourceAggregates, geography: SpilloverGeography,
        firmOutput: [Double]? = nil, options: SpilloverMeasureOptions = SpilloverMeasureOptions(),
        identifiers: SampleIdentifiers? = nil
    ) throws -> Dataset {
        try validate(sample: sample, roster: roster, sources: sources, geography: geography, firmOutput: firmOutput)
        try identifiers?.validate(against: sample)
        let layout = SpilloverLayout(roster: roster, geography: geography)
        let groups = FirmYearGroups(
            firm: sample.firm, year: sample.year, firmCount: layout.firmCount, yearCount: layout.yearCount)
        let history = try SampleHistory(sample: sample, layout: layout, groups: groups)
        var augmented = sources
        if options.sourcesIncludeSample {
            for row in 0..<sample.count where history.continuing[row] {
                let cell = augmented.index(
                    city: Int(sample.city[row]), destination: Int(sample.destination[row]), year: Int(sample.year[row]))
                augmented.count[cell] += 1
                augmented.growthSum[cell] += history.growth[row]
            }
        }
        let pass = SpilloverRowPass(
            sample: sample, roster: roster, geography: geography, layout: layout, groups: groups, history: history,
            sources: augmented, province: SpilloverLayout.provinceOthers(sources: augmented, geography: geography),
            firmOutput: firmOutput, options: options, identifiers: identifiers)
        return try pass.run()
    }

    private static func validate(
        sample: ExporterFlows, roster: PlantRoster, sources: SourceAggregates, geography: SpilloverGeography,
        firmOutput: [Double]?
    ) throws {
        try sources.validate(against: geography)
        try InputValidation.requireIndices(
            geography.cityProvince, below: nil, input: "SpilloverGeography", column: "cityProvince")
        try InputValidation.requireIndices(roster.city, below: geography.cityCount, input: "PlantRoster", column: "city")
        try sample.validate(against: geography, input: "sample")
        try InputValidation.requireIndices(sample.exporter, below: roster.plantCount, input: "sample", column: "exporter")
        for row in 0..<sample.count {
            let plant = Int(sample.exporter[row])
            if sample.firm[row] != roster.firm[plant] {
                throw MeasuresError.inconsistent(
                    input: "sample", row: row,
                    reason: "column 'firm' is \(sample.firm[row]) but plant \(plant) belongs to firm \(roster.firm[plant])")
            }
            if sample.city[row] != roster.city[plant] {
                throw MeasuresError.inconsistent(
                    input: "sample", row: row,
                    reason: "column 'city' is \(sample.city[row]) but plant \(plant) is in city \(roster.city[plant])")
            }
            if sample.year[row] < roster.establishmentYear[plant] {
                throw MeasuresError.inconsistent(
                    input: "sample", row: row,
                    reason: "column 'year' is \(sample.year[row]), before plant \(plant)'s establishment year "
                        + "\(roster.establishmentYear[plant])")
            }
        }
        if let firmOutput {
            try InputValidation.requireLength(
                firmOutput.count, roster.firmCount * geography.yearCount, input: "firmOutput", column: "firmOutput")
        }
    }
}
