#!/usr/bin/env python3
"""numpy peer of hetfirm's allocation-efficiency Monte Carlo (the quickstart workload).

What a user would write without hetfirm: a straightforward, vectorized numpy implementation of
the data-generating process and the estimators documented in docs/models/allocation-efficiency.md
(formerly the README's section "The allocation-efficiency model (paper 000)"):

  * the R x T region-year equilibria, solved once by the closed form of free entry (every
    region-year of the scenario must be in the closed-form regime: interior and partitioned
    cutoffs; this is asserted);
  * per replication: N potential entrants per region draw phi0 ~ Pareto(k, phi_min) and
    m ~ P(m) once; a firm-year is a row when (theta_rt/kappa)^m phi0 >= phi*_d,rt; rows carry
    domestic sales sigma A_d phi^(sigma-1), export sales sigma A_x tau^(1-sigma) phi^(sigma-1) for
    exporters, and employment rho (r_d + r_x) e^eps with eps ~ N(0, s_eps^2);
  * alpha_hat = (n-2)/sum ln(x/x_min) on final-year domestic sales, SE alpha_hat/sqrt(n-3);
    sigma_hat = mu/(mu-1) with ln mu = mean ln(revenue/employment), delta-method SE;
    k_hat = alpha_hat (sigma_hat - 1), delta-method SE;
  * the recovery summary per parameter: mean, bias, SD, mean SE, RMSE, coverage, size, power.

Random numbers (--streams):

  * philox (default): the same work as hetfirm, draw for draw. Each replication's firm draws come
    from numpy.random.Philox keyed exactly as hetfirm's PhiloxStream for (scenario seed,
    replication, "allocation-efficiency/firms") (the key recipe of docs/running.md, re-derived
    here), two raw outputs per entrant in the order region, entrant: U1 -> phi0 = phi_min U1^(-1/k),
    U2 -> m by the cumulative P(m), with U = (bits >> 12 + 1/2) 2^-52. So both sides simulate the
    same firms and the same rows, and the Pareto tail estimate alpha_hat of each replication must
    agree to rounding. The employment errors are numpy's standard_normal on a Philox stream keyed
    for "allocation-efficiency/measurement" (numpy's ziggurat, not hetfirm's), so sigma_hat and
    k_hat agree within Monte Carlo error only.
  * pcg64: what a user would write without caring for hetfirm's streams: numpy's default
    Generator, one PCG64 stream per replication spawned from the scenario seed.

Usage: peer_numpy.py SCENARIO.toml [--replications N] [--streams philox|pcg64] [--json FILE]
"""

import argparse
import json
import math
import statistics
import sys
import time
import tomllib

import numpy as np


def read_parameters(path):
    with open(path, "rb") as handle:
        scenario = tomllib.load(handle)
    if scenario["scenario"]["model"] != "allocation-efficiency":
        raise SystemExit(f"{path}: model is not allocation-efficiency")
    model = scenario["model"]
    needed = ["sigma", "k", "phi_min", "kappa", "m_probabilities", "f", "f_x", "tau", "f_e", "A_x",
              "regions", "years", "firms_per_region", "I_low", "I_high", "I_growth", "employment_error"]
    missing = [key for key in needed if key not in model]
    if missing:
        # hetfirm fills defaults; this peer wants them spelled out rather than duplicated here.
        raise SystemExit(f"{path}: the peer needs [model] keys {missing}")
    montecarlo = scenario.get("montecarlo", {})
    return {
        "seed": int(scenario["scenario"].get("seed", 0)),
        "replications": int(montecarlo.get("replications", 0)),
        "level": float(montecarlo.get("level", 0.95)),
        "I": model.get("I"),
        **{key: model[key] for key in needed},
    }


def internet_levels(p):
    """I_rt: regions evenly spaced from I_low to I_high, all rising by I_growth a year."""
    regions, years = p["regions"], p["years"]
    position = np.arange(regions) / (regions - 1) if regions > 1 else np.zeros(1)
    return (p["I_low"] + (p["I_high"] - p["I_low"]) * position)[:, None] + p["I_growth"] * np.arange(years)[None, :]


def solve_equilibria(p, levels):
    """Closed-form free entry at every Internet level in `levels` (any shape; R x T for the panel);
    asserts the closed-form regime.

    Returns the levels, A_d, the effective domestic cutoff and the effective export cutoff.
    """
    sigma, k, phi_min, kappa = p["sigma"], p["k"], p["phi_min"], p["kappa"]
    probabilities = np.asarray(p["m_probabilities"], dtype=float)
    complexities = np.arange(1, probabilities.size + 1)
    levels = np.asarray(levels, dtype=float)
    g = levels - math.log(kappa)                                    # ln(theta/kappa)
    psi = np.exp(g[..., None] * complexities)                       # R x T x M
    moment = (probabilities * psi ** k).sum(axis=-1)                # S
    export_shifter = p["A_x"] * p["tau"] ** (1 - sigma)             # A_x tau^(1-sigma)
    access = (export_shifter / p["f_x"]) ** (k / (sigma - 1))       # X
    q = p["f_e"] * (k - sigma + 1) / ((sigma - 1) * phi_min ** k * moment) - p["f_x"] * access
    assert np.all(q > 0), "free entry has no closed form (Q <= 0) in some region-year"
    domestic_demand = p["f"] * (q / p["f"]) ** ((sigma - 1) / k)
    domestic_cutoff = (p["f"] / domestic_demand) ** (1 / (sigma - 1))
    break_even = (p["f_x"] / export_shifter) ** (1 / (sigma - 1))
    export_cutoff = np.maximum(break_even, domestic_cutoff)
    used = probabilities > 0
    interior = np.all((domestic_cutoff[..., None] / psi)[..., used] >= phi_min) and \
        np.all((export_cutoff[..., None] / psi)[..., used] >= phi_min)
    partitioned = np.all(break_even > domestic_cutoff)
    assert interior and partitioned, "some region-year is outside the closed-form regime"
    return levels, domestic_demand, domestic_cutoff, export_cutoff


MASK = (1 << 64) - 1


def splitmix_finalizer(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def philox_key(seed, replication, purpose):
    """hetfirm's PhiloxStream key for (seed, replication, purpose): SplitMix64 chain and FNV-1a-64."""
    purpose_hash = 0xCBF29CE484222325
    for byte in purpose.encode():
        purpose_hash = ((purpose_hash ^ byte) * 0x100000001B3) & MASK
    golden = 0x9E3779B97F4A7C15
    first = splitmix_finalizer((seed + golden) & MASK)
    second = splitmix_finalizer(((first ^ (replication & MASK)) + golden) & MASK)
    return np.array([splitmix_finalizer(((second ^ purpose_hash) + golden) & MASK), purpose_hash], dtype=np.uint64)


class PhiloxDraws:
    """hetfirm's firm draws, bit for bit, and numpy normals on a Philox stream."""

    def __init__(self, seed, replication):
        self.firms = np.random.Philox(key=philox_key(seed, replication, "allocation-efficiency/firms"))
        self.normals = np.random.Generator(
            np.random.Philox(key=philox_key(seed, replication, "allocation-efficiency/measurement")))

    def entrants(self, p, regions, firms):
        probabilities = np.asarray(p["m_probabilities"], dtype=float)
        bits = self.firms.random_raw(2 * regions * firms).reshape(regions, firms, 2)
        uniforms = ((bits >> np.uint64(12)).astype(np.float64) + 0.5) * 2.0 ** -52
        phi0 = p["phi_min"] * uniforms[..., 0] ** (-1 / p["k"])
        cumulative = np.cumsum(probabilities)[:-1]
        m = 1 + (uniforms[..., 1][..., None] >= cumulative).sum(axis=-1)
        return phi0, m

    def standard_normal(self, size):
        return self.normals.standard_normal(size)


class DefaultDraws:
    """numpy's default Generator (PCG64)."""

    def __init__(self, stream):
        self.rng = np.random.default_rng(stream)

    def entrants(self, p, regions, firms):
        probabilities = np.asarray(p["m_probabilities"], dtype=float)
        phi0 = p["phi_min"] * (1.0 + self.rng.pareto(p["k"], size=(regions, firms)))
        m = self.rng.choice(np.arange(1, probabilities.size + 1), size=(regions, firms), p=probabilities)
        return phi0, m

    def standard_normal(self, size):
        return self.rng.standard_normal(size)


def replicate(p, equilibria, draws):
    """One simulated panel and its estimates: (alpha_hat, SE), (sigma_hat, SE), (k_hat, SE), and
    the number of rows."""
    levels, domestic_demand, domestic_cutoff, export_cutoff = equilibria
    sigma, k = p["sigma"], p["k"]
    regions, years, firms = p["regions"], p["years"], p["firms_per_region"]

    # Each potential entrant draws phi0 and m once (R x N).
    phi0, m = draws.entrants(p, regions, firms)

    # Effective productivity in every region-year (R x T x N) and who produces.
    g = levels - math.log(p["kappa"])
    phi = phi0[:, None, :] * np.exp(g[:, :, None] * m[:, None, :])
    producing = phi >= domestic_cutoff[:, :, None]
    shape = phi.shape

    # Rows: producing firm-years.
    phi_rows = phi[producing]
    year_rows = np.broadcast_to(np.arange(years)[None, :, None], shape)[producing]
    demand_rows = np.broadcast_to(domestic_demand[:, :, None], shape)[producing]
    export_cutoff_rows = np.broadcast_to(export_cutoff[:, :, None], shape)[producing]
    scaled = phi_rows ** (sigma - 1)
    domestic_sales = sigma * demand_rows * scaled
    exporter = phi_rows >= export_cutoff_rows
    export_sales = np.where(exporter, sigma * p["A_x"] * p["tau"] ** (1 - sigma) * scaled, 0.0)
    revenue = domestic_sales + export_sales
    errors = p["employment_error"] * draws.standard_normal(phi_rows.size)
    employment = (sigma - 1) / sigma * revenue * np.exp(errors)

    # alpha_hat: Pareto tail MLE on the final year's domestic sales, unbiased form.
    final = domestic_sales[year_rows == years - 1]
    n = final.size
    assert n >= 4 and np.all(final > 0)
    total = np.log(final / final.min()).sum()
    alpha = (n - 2) / total
    alpha_se = alpha / math.sqrt(n - 3)

    # sigma_hat from the markup: ln mu = mean ln(revenue / employment).
    log_ratio = np.log(revenue / employment)
    rows = log_ratio.size
    log_markup = log_ratio.mean()
    log_markup_se = math.sqrt(log_ratio.var(ddof=1) / rows)
    markup = math.exp(log_markup)
    assert markup > 1
    sigma_hat = markup / (markup - 1)
    sigma_se = markup / (markup - 1) ** 2 * log_markup_se

    # k_hat = alpha_hat (sigma_hat - 1); alpha_hat and sigma_hat independent.
    k_hat = alpha * (sigma_hat - 1)
    k_se = math.sqrt((sigma_hat - 1) ** 2 * alpha_se ** 2 + alpha ** 2 * sigma_se ** 2)
    return {"k": (k_hat, k_se), "sigma": (sigma_hat, sigma_se), "sales_shape": (alpha, alpha_se), "rows": rows}


def summarize(estimates, truth, level):
    values = np.array([e for e, _ in estimates])
    errors = np.array([s for _, s in estimates])
    z = statistics.NormalDist().inv_cdf(0.5 + level / 2)
    mean = values.mean()
    sd = values.std(ddof=1)
    coverage = np.mean(np.abs(values - truth) <= z * errors)
    return {
        "truth": truth, "replications": int(values.size), "mean": mean, "bias": mean - truth,
        "mc_se_bias": sd / math.sqrt(values.size), "sd": sd, "mean_se": errors.mean(),
        "rmse": math.sqrt(np.mean((values - truth) ** 2)), "coverage": coverage, "size": 1 - coverage,
        "power": np.mean(np.abs(values) > z * errors),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario")
    parser.add_argument("--replications", type=int)
    parser.add_argument("--streams", choices=["philox", "pcg64"], default="philox",
                        help="philox: hetfirm's firm draws bit for bit (default); pcg64: numpy's default Generator")
    parser.add_argument("--json", help="also write the summary as JSON to this file")
    arguments = parser.parse_args()

    start = time.perf_counter()
    p = read_parameters(arguments.scenario)
    replications = arguments.replications if arguments.replications is not None else p["replications"]
    equilibria = solve_equilibria(p, internet_levels(p))
    solved = time.perf_counter()

    if arguments.streams == "philox":
        draws = (PhiloxDraws(p["seed"], replication) for replication in range(replications))
    else:
        draws = (DefaultDraws(stream) for stream in np.random.SeedSequence(p["seed"]).spawn(replications))
    records = [replicate(p, equilibria, draw) for draw in draws]
    finished = time.perf_counter()

    # A_d at the scenario's own I, for a cross-check against hetfirm's numerical solution.
    reference = None
    if p["I"] is not None:
        try:
            reference = {"I": float(p["I"]), "A_d": float(solve_equilibria(p, [p["I"]])[1][0])}
        except AssertionError:
            pass  # that I is outside the closed-form regime; nothing to cross-check

    truths = {"k": p["k"], "sigma": p["sigma"]}
    report = {name: summarize([r[name] for r in records], truth, p["level"]) for name, truth in truths.items()}

    print(f"numpy {np.__version__} peer ({arguments.streams} streams): {replications} replications, "
          f"{p['regions']} regions x {p['years']} years x {p['firms_per_region']} entrants; "
          f"equilibria {solved - start:.3f} s, Monte Carlo {finished - solved:.3f} s (in-process)")
    print("parameter  truth     mean      bias     MCSE(bias)  SD       meanSE   RMSE     coverage")
    for name, row in report.items():
        print(f"{name:<9}  {row['truth']:<8.4g}  {row['mean']:.4f}  {row['bias']:+.4f}  {row['mc_se_bias']:.4f}"
              f"      {row['sd']:.4f}   {row['mean_se']:.4f}   {row['rmse']:.4f}   {row['coverage']:.3f}")
    if reference:
        print(f"closed-form A_d at I = {reference['I']:g}: {reference['A_d']:.10g}")
    if arguments.json:
        summary = {name: {key: float(value) for key, value in row.items()} for name, row in report.items()}
        summary["equilibrium"] = reference
        summary["per_replication"] = [{"rows": int(r["rows"]), "sales_shape": float(r["sales_shape"][0])} for r in records]
        summary["monte_carlo_seconds"] = finished - solved
        with open(arguments.json, "w") as handle:
            json.dump(summary, handle, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
