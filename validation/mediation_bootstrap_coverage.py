"""Independent Monte Carlo of the bootstrap intervals of the indirect effect a*b (Estimation/Mediation).

Same data-generating process as Tests/EstimationTests/Mediation/MediationFixture.swift with firms = 0
(the coverage test in MediationBootstrapTests.swift), in distribution (numpy's generator, not hetfirm's
RandomStream):

    x, z, u, v ~ N(0, 1) independent,  m = a x + 0.3 z + u,  y = c' x + b m - 0.2 z + v,
    a = 0.4, b = 0.3, c' = 0.2, n = 300, true a*b = 0.12.

Estimation as hetfirm runs it there: a from m ~ 1 + x + z, b from y ~ 1 + x + m + z (OLS, iid errors, so
observations are the resampled unit). Each Monte Carlo sample draws B observation-bootstrap resamples of
size n and re-fits a* and b*. Intervals (alpha = 0.05):

- percentile: [q(alpha/2), q(1 - alpha/2)] of the draws;
- bias-corrected (BC): z0 = Phi^-1(#{t* < t}/B + #{t* = t}/(2B)), bounds q(Phi(2 z0 + z_{alpha/2})) and
  q(Phi(2 z0 + z_{1 - alpha/2}));
- Sobel: a*b -/+ 1.96 sqrt(b^2 s_a^2 + a^2 s_b^2) with the iid OLS standard errors.

Two quantile rules q(p) on the sorted draws t*(1) <= ... <= t*(B):

- "type7" (R's default, numpy method="linear"): h = (B - 1) p + 1, interpolating; what hetfirm used before.
  For B = 199 and p = 0.025 this is t*(5.95), for p = 0.975 t*(194.05): the interval between
  them has expected content (194.05 - 5.95)/(B + 1) = 94.05%, not 95%.
- "B+1" (Davison and Hinkley 1997, section 5.2; type 6, numpy method="weibull"): h = (B + 1) p,
  interpolating and clamped to [1, B]. For B = 199 it is the order statistics t*(5) and t*(195), whose
  expected content is exactly 190/200 = 95%.

B = 199 uses the first 199 of each sample's 999 resamples, so the B = 199 and B = 999 columns are paired.
Coverage counts over 2,000 samples with binomial SE sqrt(p(1 - p)/R).

Run: python3 validation/mediation_bootstrap_coverage.py   (writes Tests/Fixtures/mediation/bootstrap-coverage.json;
about a minute)
"""
import json
import math
from statistics import NormalDist

import numpy as np

from provenance import text_hash, write_fixture

SEED = 2024
SAMPLES = 2000
N = 300
A, B_PATH, DIRECT = 0.4, 0.3, 0.2
Z_ON_M, Z_ON_Y = 0.3, -0.2
REPLICATIONS = (199, 999)
ALPHA = 0.05
TRUE_AB = A * B_PATH
NORMAL = NormalDist()
RULES = {"type7": "linear", "B+1": "weibull"}


def ols(design, y):
    """OLS coefficients and iid standard errors (n - k degrees of freedom)."""
    gram = design.T @ design
    beta = np.linalg.solve(gram, design.T @ y)
    resid = y - design @ beta
    sigma2 = resid @ resid / (design.shape[0] - design.shape[1])
    return beta, np.sqrt(np.diag(sigma2 * np.linalg.inv(gram)))


def batched_slope(design, y, column):
    """Coefficient `column` of OLS of y[r] on design[r] for every resample r (batched normal equations)."""
    gram = np.einsum("rni,rnj->rij", design, design)
    cross = np.einsum("rni,rn->ri", design, y)
    return np.linalg.solve(gram, cross[..., None])[:, column, 0]


def quantile(sorted_draws, probability, method):
    return float(np.quantile(sorted_draws, min(max(probability, 0.0), 1.0), method=method))


def intervals(draws, point):
    """Percentile and BC intervals of `draws` under both quantile rules."""
    ordered = np.sort(draws)
    lower_z, upper_z = NORMAL.inv_cdf(ALPHA / 2), NORMAL.inv_cdf(1 - ALPHA / 2)
    share = (np.sum(ordered < point) + 0.5 * np.sum(ordered == point)) / len(ordered)
    out = {}
    for rule, method in RULES.items():
        out[("percentile", rule)] = (quantile(ordered, ALPHA / 2, method), quantile(ordered, 1 - ALPHA / 2, method))
        if 0 < share < 1:
            z0 = NORMAL.inv_cdf(share)
            out[("bc", rule)] = (quantile(ordered, NORMAL.cdf(2 * z0 + lower_z), method),
                                 quantile(ordered, NORMAL.cdf(2 * z0 + upper_z), method))
        else:
            out[("bc", rule)] = (math.nan, math.nan)
    return out


def main():
    rng = np.random.default_rng(SEED)
    keys = [(kind, rule, b) for b in REPLICATIONS for kind in ("percentile", "bc") for rule in RULES]
    covered = {key: 0 for key in keys}
    sobel_covered = 0
    point_estimates = []
    z_crit = NORMAL.inv_cdf(1 - ALPHA / 2)
    for _ in range(SAMPLES):
        x, z, u, v = rng.standard_normal((4, N))
        m = A * x + Z_ON_M * z + u
        y = DIRECT * x + B_PATH * m + Z_ON_Y * z + v
        ones = np.ones(N)
        mediator_design = np.column_stack([ones, x, z])
        outcome_design = np.column_stack([ones, x, m, z])
        (_, a, _), (_, sa, _) = ols(mediator_design, m)
        beta, se = ols(outcome_design, y)
        b, sb = beta[2], se[2]
        point = a * b
        point_estimates.append(point)
        sobel = math.sqrt(b * b * sa * sa + a * a * sb * sb)
        sobel_covered += point - z_crit * sobel <= TRUE_AB <= point + z_crit * sobel

        rows = rng.integers(0, N, size=(max(REPLICATIONS), N))
        draws = (batched_slope(mediator_design[rows], m[rows], 1)
                 * batched_slope(outcome_design[rows], y[rows], 2))
        for replications in REPLICATIONS:
            for (kind, rule), (lower, upper) in intervals(draws[:replications], point).items():
                covered[(kind, rule, replications)] += lower <= TRUE_AB <= upper

    def summary(count):
        rate = count / SAMPLES
        return {"covered": int(count), "rate": rate, "binomial_se": math.sqrt(rate * (1 - rate) / SAMPLES)}

    results = []
    for (kind, rule, replications), count in covered.items():
        results.append({"interval": kind, "quantile_rule": rule, "B": replications, **summary(count)})
        print(f"{kind:10s} {rule:5s} B={replications:4d}: {count}/{SAMPLES} = {count / SAMPLES:.4f}"
              f" (SE {math.sqrt(count / SAMPLES * (1 - count / SAMPLES) / SAMPLES):.4f})")
    print(f"sobel                  : {sobel_covered}/{SAMPLES} = {sobel_covered / SAMPLES:.4f}")
    estimates = np.array(point_estimates)
    print(f"a*b: mean {estimates.mean():.5f} (true {TRUE_AB}), sd {estimates.std(ddof=1):.5f}")

    dgp = {"n": N, "a": A, "b": B_PATH, "direct": DIRECT, "z_on_m": Z_ON_M, "z_on_y": Z_ON_Y,
           "controls": ["z"], "resampling": "observations", "alpha": ALPHA}
    write_fixture("mediation", "bootstrap-coverage", "numpy", np.__version__, __file__,
                  text_hash(json.dumps(dgp, sort_keys=True)), {
                      "dgp": "x, z, u, v ~ N(0,1); m = a x + 0.3 z + u; y = direct x + b m - 0.2 z + v; "
                             "a from m ~ 1 + x + z, b from y ~ 1 + x + m + z",
                      "parameters": dgp,
                      "seed": SEED,
                      "generator": "numpy.random.default_rng",
                      "monte_carlo_samples": SAMPLES,
                      "true_indirect_effect": TRUE_AB,
                      "quantile_rules": {"type7": "numpy method='linear' (R type 7), h = (B - 1) p + 1",
                                         "B+1": "numpy method='weibull' (R type 6), h = (B + 1) p"},
                      "bootstrap": results,
                      "sobel": summary(sobel_covered),
                      "indirect_effect_mean": float(estimates.mean()),
                      "indirect_effect_sd": float(estimates.std(ddof=1)),
                  })


if __name__ == "__main__":
    main()
