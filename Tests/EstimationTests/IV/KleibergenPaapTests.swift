import Covariance
import Estimation
import Foundation
import Numerical
import PanelData
import Testing
import TestSupport

/// Kleibergen–Paap rk LM and rk Wald F: the iid identities (Cragg–Donald F, Anderson LM n · r²_min), the p = 1
/// identity with the robust first-stage F, invariances and the rank-0 case.
@Suite("Kleibergen–Paap rk statistics")
struct KleibergenPaapTests {
    static let twoEndogenous = "y ~ x1 + x2 | d1 + d2 ~ z1 + z2 + z3"

    static func load(_ name: String) throws -> Dataset {
        try CSVReader.read(path: Repository.fixtureData("linearmodels", name))
    }

    static func statistics(_ formula: String, _ data: Dataset, _ vcov: VcovType) throws -> (lm: Double, f: Double, result: IVResult) {
        let result = try IVOracleTests.fit(formula, data, vcov)
        let lm = try #require(result.diagnostics.kleibergenPaapLM)
        let f = try #require(result.diagnostics.kleibergenPaapWaldF)
        return (lm.statistic, f, result)
    }

    /// |a − b| / max(1, |b|).
    static func close(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool {
        abs(a - b) / max(1, abs(b)) < tolerance
    }

    /// Residuals of each column on `regressors` (least squares via the normal equations).
    static func partial(_ columns: [[Double]], on regressors: [[Double]]) throws -> [[Double]] {
        let gram = try Matrix(regressors.map { a in regressors.map { b in zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } } })
        return try columns.map { column in
            let b = try gram.solve(regressors.map { zip($0, column).reduce(0) { $0 + $1.0 * $1.1 } })
            var residual = column
            for (regressor, coefficient) in zip(regressors, b) {
                for row in residual.indices { residual[row] -= coefficient * regressor[row] }
            }
            return residual
        }
    }

    /// Smallest squared canonical correlation of W and Z: min eig of (WᵀW)^{-1/2} WᵀZ (ZᵀZ)⁻¹ ZᵀW (WᵀW)^{-1/2}.
    static func smallestSquaredCanonicalCorrelation(_ w: [[Double]], _ z: [[Double]]) throws -> Double {
        func cross(_ a: [[Double]], _ b: [[Double]]) throws -> Matrix {
            try Matrix(a.map { u in b.map { v in zip(u, v).reduce(0) { $0 + $1.0 * $1.1 } } })
        }
        let (values, vectors) = try cross(w, w).symmetricEigen()
        let root = try vectors * Matrix.diagonal(values.map { 1 / $0.squareRoot() }) * vectors.transposed
        let wz = try cross(w, z)
        var inner = try root * wz * (try cross(z, z).inverse()) * wz.transposed * root
        for a in 0..<inner.rows { for b in 0..<a { let m = 0.5 * (inner[a, b] + inner[b, a]); inner[a, b] = m; inner[b, a] = m } }
        return try inner.symmetricEigen().values.min() ?? .nan
    }

    @Test("iid: rk Wald F = Cragg–Donald F and rk LM = Anderson LM n · r²_min (1e-8)")
    func iidIdentities() throws {
        let data = try Self.load("iv_no_fe.csv")
        let (lm, f, result) = try Self.statistics(Self.twoEndogenous, data, .iid)
        #expect(Self.close(f, result.diagnostics.craggDonaldF, 1e-8), "rk Wald F \(f) vs CD \(result.diagnostics.craggDonaldF)")
        let n = data.rowCount
        let exogenous = [[Double](repeating: 1, count: n), try data.doubles("x1"), try data.doubles("x2")]
        let w = try Self.partial(try ["d1", "d2"].map { try data.doubles($0) }, on: exogenous)
        let z = try Self.partial(try ["z1", "z2", "z3"].map { try data.doubles($0) }, on: exogenous)
        let anderson = Double(n) * (try Self.smallestSquaredCanonicalCorrelation(w, z))
        #expect(Self.close(lm, anderson, 1e-8), "rk LM \(lm) vs Anderson \(anderson)")
        #expect(result.diagnostics.kleibergenPaapLM?.degreesOfFreedom == 2)

        let fe = try Self.load("iv_fe.csv")
        let (_, feF, feResult) = try Self.statistics("y ~ x | unit + year | d ~ z1 + z2", fe, .iid)
        #expect(Self.close(feF, feResult.diagnostics.craggDonaldF, 1e-8), "FE: rk Wald F vs CD")
    }

    @Test("one endogenous regressor: rk Wald F = first-stage Wald F of the chosen covariance (1e-6)")
    func oneEndogenous() throws {
        let data = try Self.load("iv_no_fe.csv"), fe = try Self.load("iv_fe.csv")
        let cases: [(String, Dataset, VcovType)] = [
            ("y ~ x1 + x2 | d1 ~ z1 + z2 + z3", data, .heteroskedastic),
            ("y ~ x1 + x2 | d1 ~ z1 + z2 + z3", data, .cluster(["g"])),
            ("y ~ x | unit + year | d ~ z1 + z2", fe, .heteroskedastic),
            ("y ~ x | unit + year | d ~ z1 + z2", fe, .cluster(["unit"])),
            ("y ~ x | unit + year | d ~ z1 + z2", fe, .cluster(["unit", "year"])),
        ]
        for (formula, dataset, vcov) in cases {
            let (_, f, result) = try Self.statistics(formula, dataset, vcov)
            let first = try #require(result.firstStages.first).fStatistic.statistic
            #expect(Self.close(f, first, 1e-6), "\(formula) [\(vcov)]: rk Wald F \(f) vs first-stage F \(first)")
        }
    }

    /// `data` with column `name` replaced by `values`.
    static func replacing(_ data: Dataset, _ name: String, _ values: [Double]) throws -> Dataset {
        try Dataset(columns: data.columns.map { $0.name == name ? .double(name, values) : $0 })
    }

    @Test("two endogenous, clustered: invariant to scaling and reordering instruments and endogenous regressors (1e-8)")
    func invariance() throws {
        let data = try Self.load("iv_no_fe.csv")
        let vcov = VcovType.cluster(["g"])
        let base = try Self.statistics(Self.twoEndogenous, data, vcov)
        let scaled = try Self.replacing(data, "z2", try data.doubles("z2").map { -37.5 * $0 })
        let variants = [
            try Self.statistics(Self.twoEndogenous, scaled, vcov),
            try Self.statistics("y ~ x1 + x2 | d1 + d2 ~ z3 + z1 + z2", data, vcov),
            try Self.statistics("y ~ x1 + x2 | d2 + d1 ~ z1 + z2 + z3", data, vcov),
        ]
        for variant in variants {
            #expect(Self.close(variant.lm, base.lm, 1e-8), "rk LM \(variant.lm) vs \(base.lm)")
            #expect(Self.close(variant.f, base.f, 1e-8), "rk Wald F \(variant.f) vs \(base.f)")
        }
        #expect(base.lm > 0 && base.f > 0)
    }

    @Test("rank 0: instruments unrelated to W give statistics near 0 relative to informative instruments")
    func rankZero() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (Double(state >> 11) + 0.5) / Double(1 << 53)
        }
        func normal() -> Double { (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform()) }
        let n = 600
        var columns: [String: [Double]] = [:]
        for name in ["x1", "z1", "z2", "z3", "q1", "q2", "q3", "e1", "e2", "u"] {
            columns[name] = (0..<n).map { _ in normal() }
        }
        func column(_ name: String) -> [Double] { columns[name] ?? [] }
        let z1 = column("z1"), z2 = column("z2"), z3 = column("z3"), x1 = column("x1")
        let e1 = column("e1"), e2 = column("e2"), u = column("u")
        var d1 = [Double](repeating: 0, count: n), d2 = d1, y = d1
        for i in 0..<n {
            d1[i] = z1[i] + 0.5 * z2[i] + e1[i]
            d2[i] = z3[i] - 0.7 * z2[i] + e2[i] + 0.3 * e1[i]
            y[i] = d1[i] - d2[i] + 0.5 * x1[i] + u[i] + 0.5 * e1[i]
        }
        var dataColumns: [Column] = [.double("y", y), .double("d1", d1), .double("d2", d2)]
        dataColumns += ["x1", "z1", "z2", "z3", "q1", "q2", "q3"].map { Column.double($0, column($0)) }
        dataColumns.append(.int("g", (0..<n).map { $0 % 40 }))
        let data = try Dataset(columns: dataColumns)
        let vcov = VcovType.cluster(["g"])
        let informative = try Self.statistics("y ~ x1 | d1 + d2 ~ z1 + z2 + z3", data, vcov)
        let unrelated = try Self.statistics("y ~ x1 | d1 + d2 ~ q1 + q2 + q3", data, vcov)
        #expect(informative.f > 50, "informative rk Wald F \(informative.f)")
        #expect(unrelated.f < 0.05 * informative.f, "unrelated rk Wald F \(unrelated.f) vs \(informative.f)")
        #expect(unrelated.lm < 0.05 * informative.lm, "unrelated rk LM \(unrelated.lm) vs \(informative.lm)")
        #expect(try #require(unrelated.result.diagnostics.kleibergenPaapLM).pValue > 0.001)
    }

    @Test("diagnostics with the Kleibergen–Paap fields survive a JSON round trip")
    func codable() throws {
        let (_, _, result) = try Self.statistics(Self.twoEndogenous, try Self.load("iv_no_fe.csv"), .heteroskedastic)
        let decoded = try JSONDecoder().decode(IVDiagnostics.self, from: try JSONEncoder().encode(result.diagnostics))
        #expect(decoded == result.diagnostics)
    }
}
