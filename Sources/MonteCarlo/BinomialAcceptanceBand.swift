#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Exact equal-tailed acceptance bands of the binomial distribution, used to judge whether a
/// Monte Carlo coverage rate is compatible with its nominal level.
public enum BinomialAcceptanceBand {
    /// The band [lo, hi] of successes X ~ Binomial(`trials`, `successProbability`) with at most
    /// `tailProbability` in each tail: lo is the smallest k with P(X ≤ k) ≥ tail and hi the
    /// smallest k with P(X ≤ k) ≥ 1 − tail (the definitions of `scipy.stats.binom.ppf`), so
    /// P(lo ≤ X ≤ hi) ≥ 1 − 2·tail.
    ///
    /// The probabilities are summed exactly from log-gamma terms; the upper tail is summed from
    /// the top so it does not suffer from cancellation. Returns `0...trials` when the inputs are
    /// degenerate (no trials, probability or tail outside (0, 1)).
    public static func counts(trials: Int, successProbability: Double, tailProbability: Double) -> ClosedRange<Int> {
        guard trials > 0 else { return 0...0 }
        guard successProbability > 0, successProbability < 1, tailProbability > 0, tailProbability < 0.5 else {
            if successProbability == 0 { return 0...0 }
            if successProbability == 1 { return trials...trials }
            return 0...trials
        }
        let masses = probabilityMasses(trials: trials, successProbability: successProbability)

        var lower = trials
        var cumulative = 0.0
        for k in 0...trials {
            cumulative += masses[k]
            if cumulative >= tailProbability {
                lower = k
                break
            }
        }
        // Smallest k with P(X > k) ≤ tail: walk down while the tail above k − 1 stays ≤ tail.
        var upper = trials
        var survival = 0.0  // P(X > upper)
        while upper > 0 {
            let next = survival + masses[upper]  // P(X > upper − 1)
            if next > tailProbability { break }
            survival = next
            upper -= 1
        }
        return lower...max(upper, lower)
    }

    /// ``counts(trials:successProbability:tailProbability:)`` divided by `trials`: the band for
    /// the observed share of successes.
    public static func proportions(trials: Int, successProbability: Double, tailProbability: Double) -> ClosedRange<Double> {
        guard trials > 0 else { return 0...1 }
        let band = counts(trials: trials, successProbability: successProbability, tailProbability: tailProbability)
        return Double(band.lowerBound) / Double(trials)...Double(band.upperBound) / Double(trials)
    }

    /// P(X = k) for k = 0…n from log-gamma: log C(n, k) + k log p + (n − k) log(1 − p).
    private static func probabilityMasses(trials: Int, successProbability p: Double) -> [Double] {
        let n = Double(trials)
        let logP = log(p)
        let logQ = log1p(-p)
        let logNFactorial = logGamma(n + 1)
        return (0...trials).map { k in
            let kk = Double(k)
            let logMass = logNFactorial - logGamma(kk + 1) - logGamma(n - kk + 1) + kk * logP + (n - kk) * logQ
            return exp(logMass)
        }
    }

    /// log Γ(x) from the C library (qualified, as the Foundation overlay also declares `lgamma`).
    private static func logGamma(_ x: Double) -> Double {
        #if canImport(Glibc)
        return Glibc.lgamma(x)
        #elseif canImport(Darwin)
        return Darwin.lgamma(x)
        #endif
    }
}
