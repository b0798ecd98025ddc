import Estimation
import Foundation
import Numerical
import PanelData
import Testing
import TestSupport

/// A small Monte Carlo of the test itself: under H₀ (y white noise, x an independent AR(1)) the rejection
/// rate of Z̃ at 5% must lie in the exact binomial 99% band around 0.05; with x causing y it must reject.
/// (With a persistent y, y_t = 0.4 y_{t−1} + e, the same design rejects 31 of 300 times: the
/// lagged-dependent-variable bias of short unit regressions that Z̃'s fixed-regressor moments do not
/// remove, see docs/estimators/granger.md.)
@Suite("Granger size and power")
struct GrangerSizeTests {
    /// N units × T years; y_t = 0.4 y_{t−1} + β x_{t−1} + e, x_t = 0.5 x_{t−1} + u.
    static func panel(units: Int, periods: Int, beta: Double, persistence: Double = 0.4, random: inout SplitMix64) throws -> Dataset {
        var ids: [Int] = [], years: [Int] = [], ys: [Double] = [], xs: [Double] = []
        for unit in 0..<units {
            var y = 0.0, x = 0.0
            for year in -20..<periods {
                let previousX = x
                x = 0.5 * x + random.normal()
                y = persistence * y + beta * previousX + random.normal()
                guard year >= 0 else { continue }
                ids.append(unit)
                years.append(year)
                ys.append(y)
                xs.append(x)
            }
        }
        return try Dataset(columns: [.int("id", ids), .int("year", years), .double("y", ys), .double("x", xs)])
    }

    /// The counts k with P(X < k) ≤ tail and P(X > k) ≤ tail excluded, X ~ Binomial(trials, probability).
    static func acceptanceBand(trials: Int, probability: Double, tail: Double) -> ClosedRange<Int> {
        var mass = [Double](repeating: 0, count: trials + 1)
        mass[0] = pow(1 - probability, Double(trials))
        for k in 0..<trials { mass[k + 1] = mass[k] * Double(trials - k) / Double(k + 1) * probability / (1 - probability) }
        var lower = 0, below = 0.0
        while below + mass[lower] <= tail { below += mass[lower]; lower += 1 }
        var upper = trials, above = 0.0
        while above + mass[upper] <= tail { above += mass[upper]; upper -= 1 }
        return lower...upper
    }

    @Test("Z-tilde's size at 5% is in the binomial band under H0 (300 panels of 10 × 20, white-noise y); power 1 under H1")
    func sizeAndPower() throws {
        var random = SplitMix64(seed: 2012)
        let replications = 300
        var rejections = 0, powerRejections = 0
        for _ in 0..<replications {
            let null = try DumitrescuHurlin.test(try Self.panel(units: 10, periods: 20, beta: 0, persistence: 0, random: &random),
                                                 unit: "id", time: "year", effect: "y", cause: "x", options: GrangerOptions(lags: 1))
            if try #require(null.zTildePValue) < 0.05 { rejections += 1 }
        }
        for _ in 0..<20 {
            let causal = try DumitrescuHurlin.test(try Self.panel(units: 10, periods: 20, beta: 0.5, random: &random),
                                                   unit: "id", time: "year", effect: "y", cause: "x", options: GrangerOptions(lags: 1))
            if try #require(causal.zTildePValue) < 0.05 { powerRejections += 1 }
        }
        let band = Self.acceptanceBand(trials: replications, probability: 0.05, tail: 0.005)
        #expect(band.contains(rejections), "\(rejections) rejections of \(replications) outside \(band)")
        #expect(powerRejections == 20)
    }
}
