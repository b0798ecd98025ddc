import Estimation
import Foundation
import PanelData

/// Khandelwal–Schott–Wei (2013) / Shi (2014) export-product quality from demand residuals
/// (paper 004, notes §3.1, eqs. (19)–(21)).
///
/// With CES demand q_ijmt = p^{−σ} λ^{σ−1} E_jmt/P_jmt,
///
///     ln q_ijmt = χ_jmt − σ ln p_ijmt + ε_ijmt,   χ_jmt = ln E_jmt − ln P_jmt,      (20)
///     quality_ijmt = ln λ̂_ijmt = ε̂_ijmt/(σ − 1) = (ln q − ln q̂)/(σ − 1).             (21)
///
/// χ_jmt is a product × destination × year fixed effect ("cell"). Following eq. (21), the fitted
/// value ln q̂ *includes* χ̂_jmt, so the quality is the within-cell residual: it is identified only
/// up to an additive constant per cell, and its cell mean is 0. If the data are CES with known σ and
/// no noise, quality = ln λ − mean_cell(ln λ) exactly (the FE normalization; tested).
///
/// - σ imposed: ε̂ = (ln q + σ_j ln p) − its cell mean.
/// - σ estimated: `FixedEffectsOLS` of ln q on ln p with the cell FE (pooled or by product),
///   σ̂ = −β̂; then ε̂ = (ln q − mean) + σ̂ (ln p − mean) in each cell. This is exactly the OLS
///   residual (one FE, so demeaning is exact). Note that when quality and price are correlated
///   (as in any quality model), σ̂ is biased; imposing σ avoids it.
///
/// Rows with a non-positive or missing price or quantity, and cells with a single usable record
/// (their residual is 0 by construction, fixest would drop them as singletons), get NaN.
/// Trade mode is not part of the cell, as in the paper's (20).
public enum KSWQuality {
    public static func estimate(_ dataset: Dataset, options: KSWQualityOptions = .init()) throws -> KSWQualityResult {
        guard options.positiveOffset > 0, options.positiveOffset.isFinite else {
            throw QualityMeasureError.invalidOption("positiveOffset must be positive, got \(options.positiveOffset)")
        }
        let names = options.columns
        let quantity = try dataset.doubles(names.quantity), price = try dataset.doubles(names.price)
        let products = try dataset.ints(names.product)
        let quantityColumn = try dataset.column(named: names.quantity), priceColumn = try dataset.column(named: names.price)
        let cells = try dataset.groupIndex(by: [names.product, names.destination, names.year])
        let n = dataset.rowCount
        var usable = [Bool](repeating: false, count: n)
        var logQuantity = [Double](repeating: .nan, count: n), logPrice = [Double](repeating: .nan, count: n)
        for row in 0..<n where quantity[row] > 0 && price[row] > 0 && quantity[row].isFinite && price[row].isFinite
            && !quantityColumn.isMissing(row) && !priceColumn.isMissing(row) && cells.groupOfRow[row] >= 0 {
            usable[row] = true
            logQuantity[row] = log(quantity[row])
            logPrice[row] = log(price[row])
        }
        // Cells with fewer than two usable records carry no quality information.
        var cellSize = [Int](repeating: 0, count: cells.groupCount)
        for row in 0..<n where usable[row] { cellSize[Int(cells.groupOfRow[row])] += 1 }
        for row in 0..<n where usable[row] && cellSize[Int(cells.groupOfRow[row])] < 2 { usable[row] = false }

        let productCodes = Array(Set((0..<n).filter { usable[$0] }.map { products[$0] })).sorted()
        var elasticities: [Int: Double] = [:]
        var regressions: [RegressionResult] = []
        switch options.elasticity {
        case .imposed(let sigma):
            for code in productCodes { elasticities[code] = sigma }
        case .imposedPerProduct(let given):
            for code in productCodes { elasticities[code] = given[code] }
        case .estimated(let byProduct):
            let subsets: [(Int?, [Int])] = byProduct
                ? productCodes.map { code in (code, (0..<n).filter { usable[$0] && products[$0] == code }) }
                : [(nil, (0..<n).filter { usable[$0] })]
            for (code, rows) in subsets {
                let fit = try regression(rows: rows, logQuantity: logQuantity, logPrice: logPrice,
                                         cells: cells.groupOfRow, product: code)
                regressions.append(fit)
                let sigma = -(fit.coefficient("ln_p") ?? .nan)
                if let code { elasticities[code] = sigma } else { for code in productCodes { elasticities[code] = sigma } }
            }
        }
        for code in productCodes {
            guard let sigma = elasticities[code], sigma.isFinite, sigma > 1 else {
                throw QualityMeasureError.invalidElasticity(product: code, value: elasticities[code])
            }
        }

        // Within-cell residual of ln q + σ_j ln p, divided by σ_j − 1.
        var adjusted = [Double](repeating: .nan, count: n)
        var cellSum = [Double](repeating: 0, count: cells.groupCount), cellCount = [Int](repeating: 0, count: cells.groupCount)
        for row in 0..<n where usable[row] {
            let sigma = elasticities[products[row]] ?? .nan
            adjusted[row] = logQuantity[row] + sigma * logPrice[row]
            cellSum[Int(cells.groupOfRow[row])] += adjusted[row]
            cellCount[Int(cells.groupOfRow[row])] += 1
        }
        var quality = [Double](repeating: .nan, count: n)
        for row in 0..<n where usable[row] {
            let cell = Int(cells.groupOfRow[row]), sigma = elasticities[products[row]] ?? .nan
            quality[row] = (adjusted[row] - cellSum[cell] / Double(cellCount[cell])) / (sigma - 1)
        }
        let positive = options.standardize
            ? QualityStandardization.minMaxWithinProduct(quality, products: products, offset: options.positiveOffset) : nil
        return KSWQualityResult(quality: quality, positiveQuality: positive, elasticities: elasticities,
                                regressions: regressions, undefinedRows: quality.filter { !$0.isFinite }.count)
    }

    /// ln q on ln p with the cell fixed effect on `rows`.
    static func regression(rows: [Int], logQuantity: [Double], logPrice: [Double], cells: [Int32],
                           product: Int?) throws -> RegressionResult {
        do {
            let data = try Dataset(columns: [
                .double("ln_q", rows.map { logQuantity[$0] }), .double("ln_p", rows.map { logPrice[$0] }),
                .int("ksw_cell", rows.map { Int(cells[$0]) }),
            ])
            return try FixedEffectsOLS.fit(try FormulaParser.parse("ln_q ~ ln_p | ksw_cell"), data: data,
                                           options: EstimationOptions(vcov: .iid))
        } catch {
            throw QualityMeasureError.estimationFailed(product: product, reason: "\(error)")
        }
    }
}
