import PanelData

/// The stacked GMM equations of a dynamic panel, laid out as plm's pgmm does (docs/estimators/gmm.md):
///
/// - Grid periods are numbered 1…T. With p the largest lag of the regressors and a the smallest lag of the GMM
///   families, the differenced equations are the periods TL₁+1…T with TL₁ = max(p + 1, a), the level
///   equations (system GMM) the periods TL₂+1…T with TL₂ = max(p, a − 1).
/// - Differenced row t: Δy_t, ΔX_t, the standard instruments differenced, and for each family (v, a…b) the
///   levels v_s for s = max(1, t − b)…t − a, each (row, s) its own column (oldest first), or, collapsed, one
///   column per lag a, a + 1, …
/// - Level row t: y_t, X_t, the standard instruments in levels, and for each family Δv_{t−1} (one column per
///   period, or one column collapsed).
/// - Two-way effects: period dummies; in difference GMM, differenced dummies of the periods TL₁+1…T that are
///   also instruments; in system GMM an intercept and dummies of TL₂+2…T entered in both equations and
///   instrumenting the level equations only.
/// - A row with a missing y or regressor is zero in y, X and every instrument; a missing instrument is zero.
/// - H: 2 on the diagonal and −1 beside it for the differences; for the system, the identity for the levels
///   and −1, +1 linking difference row t to the level rows t − 1 and t.
struct DynamicPanelDesign {
    let blocks: GMMBlocks
    let coefficientNames: [String]
    /// How many of the coefficients are the period dummies (and the intercept).
    let timeEffectCount: Int
    /// Rows per unit in the differenced equations (the first rows of each unit).
    let differenceRows: Int
    let instrumentCount: Int
    let groupCount: Int
    /// The columns of the level equations' GMM-style instruments (system GMM), for difference-in-Hansen.
    let levelInstrumentColumns: Range<Int>

    /// The most instrument columns (the L × L weighting matrices are inverted by an eigen decomposition).
    static let maximumInstruments = 3000
    /// The most values of the stacked y, X and Z (8 bytes each).
    static let maximumDesignCells = 500_000_000

    static func build(_ formula: DynamicPanelFormula, data: Dataset, panel: PanelDeclaration,
                      options: DynamicPanelOptions) throws -> DynamicPanelDesign {
        let grid = try DynamicPanelGrid(data, panel: panel)
        let n = grid.unitCount, t = grid.periodCount
        guard !formula.families.isEmpty else {
            throw EstimationError.degenerate(estimator: "GMM", reason: "no GMM-style instrument after '|'")
        }
        let mainLag = ([formula.dependent] + formula.regressors).map(\.maximumLag).max() ?? 0
        let gmmLag = formula.families.map(\.minimumLag).min() ?? 2
        let tl1 = max(mainLag + 1, gmmLag), tl2 = max(mainLag, gmmLag - 1)
        let system = options.transformation == .system
        if system && tl2 > 2 {
            // plm's pgmm warns and misplaces the level instruments here (docs/estimators/gmm-conventions.md); hetfirm
            // would give a well-defined answer that no peer can confirm, so it refuses.
            throw EstimationError.degenerate(estimator: "GMM", reason: "system GMM with regressors lagged \(mainLag) periods starts the level "
                + "equations at period \(tl2 + 1); hetfirm follows plm, which supports level equations from period 3 at the latest: "
                + "use lags up to 2 in the equation, or difference GMM")
        }
        let diffPeriods = Array((tl1 + 1)...max(tl1 + 1, t)).filter { $0 <= t }
        let levelPeriods = system ? Array((tl2 + 1)...max(tl2 + 1, t)).filter { $0 <= t } : []
        guard !diffPeriods.isEmpty else {
            throw EstimationError.degenerate(estimator: "GMM", reason: "the panel has \(t) period\(t == 1 ? "" : "s"); with regressors "
                + "lagged up to \(mainLag) period\(mainLag == 1 ? "" : "s") and GMM instruments from lag \(gmmLag), the differenced "
                + "equations start at period \(tl1 + 1), so at least \(tl1 + 1) periods are needed")
        }
        for family in formula.families where family.maximumLag < family.minimumLag || family.minimumLag < 1 {
            throw EstimationError.degenerate(estimator: "GMM", reason: "the GMM instrument lags of \(family.variable) must be ≥ 1")
        }
        let nd = diffPeriods.count, nl = levelPeriods.count, rows = nd + nl

        // Values on the grid.
        let y = try grid.values(of: formula.dependent, in: data)
        let x = try formula.regressors.map { try grid.values(of: $0, in: data) }
        let standard = formula.standardInstruments
        let zs = try standard.map { try grid.values(of: $0, in: data) }
        let families = try formula.families.map { (family: $0, values: try grid.values(of: $0.variable, in: data)) }
        func at(_ values: [Double], _ unit: Int, _ period: Int) -> Double {
            period >= 1 && period <= t ? values[unit * t + period - 1] : .nan
        }

        // Instrument columns: GMM families (difference block, then level block), then standard (difference, level),
        // then time dummies instrumenting.
        // rowStart[f][r]: the first column of family f in differenced row r (uncollapsed: the earlier rows' lags come first).
        var gmmDiffWidth = 0
        var familyDiffStart: [Int] = []
        var rowStart: [[Int]] = []
        for (family, _) in families {
            familyDiffStart.append(gmmDiffWidth)
            var starts: [Int] = []
            if options.collapse {
                gmmDiffWidth += min(t - family.minimumLag, family.maximumLag + 1 - family.minimumLag)
            } else {
                for period in diffPeriods {
                    starts.append(gmmDiffWidth)
                    gmmDiffWidth += max(0, (period - family.minimumLag) - max(1, period - family.maximumLag) + 1)
                }
            }
            rowStart.append(starts)
        }
        let levelFamilyWidth = options.collapse ? 1 : max(t - 2, 0)
        let gmmLevelWidth = system ? families.count * levelFamilyWidth : 0
        let standardWidth = standard.count * (system ? 2 : 1)
        let twoways = options.effect == .twoways
        let dummyPeriods: [Int] = !twoways ? [] : system ? Array((tl2 + 2)..<(t + 1)) : diffPeriods
        let timeColumns = twoways ? (system ? 1 + dummyPeriods.count : dummyPeriods.count) : 0
        let l = gmmDiffWidth + gmmLevelWidth + standardWidth + timeColumns
        guard l <= Self.maximumInstruments else {
            throw EstimationError.degenerate(estimator: "GMM", reason: "\(l) instruments exceed the \(Self.maximumInstruments) hetfirm handles "
                + "(and far exceed what the Hansen test can bear): use --collapse or shorter lag ranges such as l(y, 2:4)")
        }
        let (cells, overflow) = (n * (nd + nl)).multipliedReportingOverflow(by: l + formula.regressors.count + 2)
        guard !overflow, cells <= Self.maximumDesignCells else {
            throw EstimationError.degenerate(estimator: "GMM", reason: "the stacked instruments would hold \(overflow ? "too many" : "\(cells)") "
                + "values (\(n) units × \(nd + nl) equations × \(l) instruments), more than \(Self.maximumDesignCells) (4 GB): "
                + "collapse the instruments or shorten the lag ranges")
        }
        let k = formula.regressors.count + timeColumns
        let standardStart = gmmDiffWidth + gmmLevelWidth, timeStart = standardStart + standardWidth

        var yOut = [Double](repeating: 0, count: n * rows)
        var xOut = [Double](repeating: 0, count: n * rows * k)
        var zOut = [Double](repeating: 0, count: n * rows * l)
        for unit in 0..<n {
            for (r, period) in diffPeriods.enumerated() {
                let row = unit * rows + r
                let dy = at(y, unit, period) - at(y, unit, period - 1)
                let dx = x.map { at($0, unit, period) - at($0, unit, period - 1) }
                guard dy.isFinite, dx.allSatisfy(\.isFinite) else { continue }
                yOut[row] = dy
                for (j, value) in dx.enumerated() { xOut[row * k + j] = value }
                for (f, (family, values)) in families.enumerated() {
                    if options.collapse {
                        let first = max(1, period - family.maximumLag), last = period - family.minimumLag
                        guard last >= first else { continue }
                        for (j, s) in stride(from: last, through: first, by: -1).enumerated() {
                            zOut[row * l + familyDiffStart[f] + j] = finite(at(values, unit, s))
                        }
                    } else {
                        var column = rowStart[f][r]
                        let first = max(1, period - family.maximumLag), last = period - family.minimumLag
                        guard last >= first else { continue }
                        for s in first...last {
                            zOut[row * l + column] = finite(at(values, unit, s))
                            column += 1
                        }
                    }
                }
                for (j, values) in zs.enumerated() {
                    zOut[row * l + standardStart + j] = finite(at(values, unit, period) - at(values, unit, period - 1))
                }
                if twoways {
                    for (c, dummy) in dummyPeriods.enumerated() {
                        let value = (period == dummy ? 1.0 : 0) - (period - 1 == dummy ? 1.0 : 0)
                        let column = system ? 1 + c : c
                        xOut[row * k + formula.regressors.count + column] = value
                        if !system { zOut[row * l + timeStart + column] = value }
                    }
                }
            }
            for (r, period) in levelPeriods.enumerated() {
                let row = unit * rows + nd + r
                let level = at(y, unit, period)
                let levels = x.map { at($0, unit, period) }
                guard level.isFinite, levels.allSatisfy(\.isFinite) else { continue }
                yOut[row] = level
                for (j, value) in levels.enumerated() { xOut[row * k + j] = value }
                if period >= 3 {
                    for (f, (_, values)) in families.enumerated() {
                        let column = gmmDiffWidth + f * levelFamilyWidth + (options.collapse ? 0 : period - 3)
                        zOut[row * l + column] = finite(at(values, unit, period - 1) - at(values, unit, period - 2))
                    }
                }
                for (j, values) in zs.enumerated() {
                    zOut[row * l + standardStart + standard.count + j] = finite(at(values, unit, period))
                }
                if twoways {
                    xOut[row * k + formula.regressors.count] = 1
                    zOut[row * l + timeStart] = 1
                    for (c, dummy) in dummyPeriods.enumerated() where dummy == period {
                        xOut[row * k + formula.regressors.count + 1 + c] = 1
                        zOut[row * l + timeStart + 1 + c] = 1
                    }
                }
            }
        }
        var h = [Double](repeating: 0, count: rows * rows)
        for r in 0..<nd {
            h[r * rows + r] = 2
            if r + 1 < nd { h[r * rows + r + 1] = -1; h[(r + 1) * rows + r] = -1 }
            if system {
                h[r * rows + nd + r] = -1; h[(nd + r) * rows + r] = -1
                h[r * rows + nd + r + 1] = 1; h[(nd + r + 1) * rows + r] = 1
            }
        }
        for r in 0..<nl { h[(nd + r) * rows + nd + r] = 1 }

        let timeLabel = { (period: Int) in "\(panel.time)::\(grid.firstPeriod + period - 1)" }
        let timeNames = !twoways ? [] : system ? ["(Intercept)"] + dummyPeriods.map(timeLabel) : dummyPeriods.map(timeLabel)
        let blocks = try GMMBlocks(regressorCount: k, instrumentCount: l, rowsPerUnit: rows, dependent: yOut, regressors: xOut,
                                   instruments: zOut, weighting: h)
        return DynamicPanelDesign(blocks: blocks, coefficientNames: formula.regressors.map(\.description) + timeNames,
                                  timeEffectCount: timeNames.count, differenceRows: nd, instrumentCount: l, groupCount: n,
                                  levelInstrumentColumns: gmmDiffWidth..<(gmmDiffWidth + gmmLevelWidth))
    }
}

/// A missing instrument value counts as zero.
private func finite(_ value: Double) -> Double { value.isFinite ? value : 0 }
