import Foundation
import Measures
import PanelData
import Testing

/// A CES panel without noise: ln q = χ_jmt − σ_j ln p + (σ_j − 1) ln λ.
enum CESPanel {
    /// A deterministic pseudo-random number in (−1, 1) for index `i` and salt `s`.
    static func wobble(_ i: Int, _ s: Double) -> Double { sin(Double(i) * 12.9898 + s * 78.233) }

    static func make(sigma: [Int: Double], logQuality: (Int) -> Double) throws -> (Dataset, [Double]) {
        var firm: [Int] = [], product: [Int] = [], dest: [Int] = [], year: [Int] = []
        var price: [Double] = [], quantity: [Double] = [], value: [Double] = [], truth: [Double] = []
        var row = 0
        for j in 1...3 { for m in 1...4 { for t in 2004...2006 { for f in 1...6 {
            let lnLambda = logQuality(row)
            let lnP = 0.3 * lnLambda + 0.2 * wobble(row, 1)          // price rises with quality
            let chi = 5 + wobble(j * 100 + m * 10 + t, 2)             // cell shifter
            let s = sigma[j] ?? 4
            let lnQ = chi - s * lnP + (s - 1) * lnLambda
            firm.append(f); product.append(j); dest.append(m); year.append(t)
            price.append(exp(lnP)); quantity.append(exp(lnQ)); value.append(exp(lnP + lnQ)); truth.append(lnLambda)
            row += 1
        } } } }
        let data = try Dataset(columns: [
            .int("firm", firm), .int("product", product), .int("dest", dest), .int("year", year),
            .int("industry", product), .double("price", price), .double("quantity", quantity), .double("value", value),
        ])
        return (data, truth)
    }

    /// x − its mean over rows with the same (product, dest, year).
    static func cellDemeaned(_ x: [Double], data: Dataset) throws -> [Double] {
        let cells = try data.groupIndex(by: ["product", "dest", "year"])
        var sum = [Double](repeating: 0, count: cells.groupCount), count = sum
        for (row, value) in x.enumerated() { sum[Int(cells.groupOfRow[row])] += value; count[Int(cells.groupOfRow[row])] += 1 }
        return x.enumerated().map { $0.element - sum[Int(cells.groupOfRow[$0.offset])] / count[Int(cells.groupOfRow[$0.offset])] }
    }
}

@Suite("KSW quality")
struct KSWQualityTests {
    @Test("σ known per product, no noise: quality = ln λ − cell mean of ln λ exactly (correlation 1)")
    func exactRecoveryPerProduct() throws {
        let sigma: [Int: Double] = [1: 3, 2: 5, 3: 8]
        let (data, truth) = try CESPanel.make(sigma: sigma) { CESPanel.wobble($0, 3) }
        let result = try KSWQuality.estimate(data, options: KSWQualityOptions(elasticity: .imposedPerProduct(sigma)))
        let target = try CESPanel.cellDemeaned(truth, data: data)
        #expect(result.undefinedRows == 0)
        for (estimate, expected) in zip(result.quality, target) { #expect(abs(estimate - expected) < 1e-10) }
        #expect(result.elasticities == sigma)
    }

    @Test("a common imposed σ recovers quality exactly too; the output columns are appended")
    func exactRecoveryCommon() throws {
        let (data, truth) = try CESPanel.make(sigma: [:]) { 0.5 * CESPanel.wobble($0, 4) }
        let result = try KSWQuality.estimate(data, options: KSWQualityOptions(elasticity: .imposed(4)))
        let target = try CESPanel.cellDemeaned(truth, data: data)
        for (estimate, expected) in zip(result.quality, target) { #expect(abs(estimate - expected) < 1e-10) }
        let withColumns = try result.adding(to: data)
        #expect(try withColumns.doubles("ksw_quality") == result.quality)
        let standardized = try withColumns.doubles("ksw_quality_std")
        #expect(standardized.allSatisfy { $0 >= 1 && $0 <= 2 })
    }

    @Test("with constant quality the FE regression recovers σ exactly (pooled and by product)")
    func estimatedSigma() throws {
        let sigma: [Int: Double] = [1: 3, 2: 5, 3: 8]
        let (data, _) = try CESPanel.make(sigma: sigma) { _ in 0 }
        let byProduct = try KSWQuality.estimate(data, options: KSWQualityOptions(elasticity: .estimated(byProduct: true)))
        for (product, value) in sigma { #expect(abs((byProduct.elasticities[product] ?? 0) - value) < 1e-8) }
        #expect(byProduct.regressions.count == 3)
        #expect(byProduct.quality.allSatisfy { abs($0) < 1e-8 })
        let (common, _) = try CESPanel.make(sigma: [1: 4, 2: 4, 3: 4]) { _ in 0 }
        let pooled = try KSWQuality.estimate(common)
        #expect(abs((pooled.elasticities[2] ?? 0) - 4) < 1e-8)
    }

    @Test("σ ≤ 1 and a missing per-product σ are typed errors")
    func invalidSigma() throws {
        let (data, _) = try CESPanel.make(sigma: [:]) { CESPanel.wobble($0, 5) }
        #expect(throws: QualityMeasureError.invalidElasticity(product: 1, value: 1)) {
            try KSWQuality.estimate(data, options: KSWQualityOptions(elasticity: .imposed(1)))
        }
        #expect(throws: QualityMeasureError.invalidElasticity(product: 3, value: nil)) {
            try KSWQuality.estimate(data, options: KSWQualityOptions(elasticity: .imposedPerProduct([1: 4, 2: 4])))
        }
    }

    @Test("singleton cells and non-positive quantities get NaN")
    func undefinedRows() throws {
        let data = try Dataset(columns: [
            .int("firm", [1, 2, 3, 1]), .int("product", [1, 1, 1, 2]), .int("dest", [1, 1, 1, 1]),
            .int("year", [1, 1, 1, 1]), .double("price", [1, 2, 1, 1]), .double("quantity", [10, 5, 0, 3]),
            .double("value", [10, 10, 0, 3]),
        ])
        let result = try KSWQuality.estimate(data, options: KSWQualityOptions(elasticity: .imposed(3)))
        // Cell (1,1,1): rows 0 and 1 usable (row 2 has q = 0). ln q + 3 ln p = ln 10, ln 5 + 3 ln 2 = ln 40.
        let mean = (log(10.0) + log(40.0)) / 2
        #expect(abs(result.quality[0] - (log(10.0) - mean) / 2) < 1e-12)
        #expect(abs(result.quality[1] - (log(40.0) - mean) / 2) < 1e-12)
        #expect(result.quality[2].isNaN && result.quality[3].isNaN)
        #expect(result.undefinedRows == 2)
    }

    @Test("min–max within product, shifted by the offset")
    func standardization() {
        let values = QualityStandardization.minMaxWithinProduct([-1, 0, 3, 7, .nan, 2], products: [1, 1, 1, 2, 2, 3], offset: 1)
        // Product 1: min −1, max 3 → 1 + 0/4, 1 + 1/4, 1 + 4/4; product 2: a single value → offset; product 3 likewise.
        #expect(values[0] == 1 && values[1] == 1.25 && values[2] == 2)
        #expect(values[3] == 1 && values[4].isNaN && values[5] == 1)
    }
}
