"""Oracle for hetfirm's composite indices (Sources/Measures/Indices; docs/estimators/indices.md).

Data: a seeded province panel, 30 regions x 5 years (2011-2015) x 4 indicators named after
paper 000's Internet indicators (postal, penetration, cable, exchange). A latent level
I_rt = u_r + 0.15 (t - 2011) + e_rt (u_r ~ N(0, 1), e_rt ~ N(0, 0.2^2)) drives each indicator
through a noisy monotone map (exp, logistic, linear, square), rounded to 6 significant digits and
written to Tests/Fixtures/indices/data/panel.csv.

Independent numpy/scipy implementations of:
- the entropy-weight index (paper 001): min-max per indicator (reversed for negative ones) + shift,
  p = z / sum z, e = -sum p ln p / ln m (0 ln 0 = 0), w = (1 - e) / sum (1 - e), index = z w;
  pooled and by year;
- the PCA index (paper 001): z-scores (ddof 1, negated for negative indicators), correlation
  matrix eigen-decomposition (numpy.linalg.eigh), retained components (eigenvalue > 1, cumulative
  share, fixed count), each eigenvector oriented so that its sum is positive (ties: largest |entry|
  positive), index = sum_c (lambda_c / sum_retained lambda) Z v_c;
- the projection-pursuit objective of paper 000 (eqs. 14-19): min-max per (indicator, year) + 0.01,
  z = X a, S_z (ddof 1), D_z = sum_i sum_k max(R - |z_i - z_k|, 0) over the full n x n distance
  matrix (all ordered pairs, diagonal included) or over i < k, R = c S_z, c max r, or fixed;
  Q(a) at fixed directions;
- the maximum of Q over unit directions a in [0, 1]^4 per year: scipy.optimize.differential_evolution
  (seed 20261208, polished) and Nelder-Mead from 200 seeded starts on the sphere's positive orthant,
  the best of both.

Usage: python3 validation/indices_numpy.py
"""
import csv
import json
import os

import numpy as np
import scipy
from scipy import optimize

from provenance import FIXTURES, data_hash, write_fixture

SEED = 20261208
REGIONS, YEARS, NAMES = 30, list(range(2011, 2016)), ["postal", "penetration", "cable", "exchange"]


def significant(x, digits=6):
    return float(f"{x:.{digits}g}")


def generate():
    rng = np.random.default_rng(SEED)
    region_effect = rng.normal(0, 1, REGIONS)
    rows = []
    for year in YEARS:
        for region in range(REGIONS):
            level = region_effect[region] + 0.15 * (year - YEARS[0]) + rng.normal(0, 0.2)
            postal = np.exp(1.0 + 0.8 * level + rng.normal(0, 0.3)) * 100
            penetration = 1 / (1 + np.exp(-(level + rng.normal(0, 0.4))))
            cable = 50 + 20 * level + rng.normal(0, 8)
            exchange = (3 + level + rng.normal(0, 0.5)) ** 2
            rows.append([f"R{region + 1:02d}", year] + [significant(v) for v in (postal, penetration, cable, exchange)])
    return rows


def minmax(x, negative, shift):
    low, high = x.min(axis=0), x.max(axis=0)
    z = np.where(negative, (high - x) / (high - low), (x - low) / (high - low))
    return z + shift


def entropy_index(x, negative, shift):
    z = minmax(x, negative, shift)
    p = z / z.sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        plogp = np.where(p > 0, p * np.log(np.where(p > 0, p, 1)), 0.0)
    e = -plogp.sum(axis=0) / np.log(x.shape[0])
    d = 1 - e
    w = d / d.sum()
    return z @ w, e, w


def pca_index(x, negative, rule):
    m, j = x.shape
    mean, sd = x.mean(axis=0), x.std(axis=0, ddof=1)
    y = (x - mean) / sd
    y = np.where(negative, -y, y)
    corr = y.T @ y / (m - 1)
    values, vectors = np.linalg.eigh(corr)
    order = np.argsort(values)[::-1]
    values, vectors = values[order], vectors[:, order]
    kind, parameter = rule
    if kind == "eigenvalue":
        k = max(1, int((values > parameter).sum()))
    elif kind == "share":
        cumulative = np.cumsum(values) / values.sum()
        k = int(np.argmax(cumulative >= parameter - 1e-12)) + 1
    else:
        k = parameter
    loadings = []
    for c in range(k):
        v = vectors[:, c].copy()
        s = v.sum()
        flip = s < 0 if abs(s) > 1e-12 else v[np.argmax(np.abs(v))] < 0
        loadings.append(-v if flip else v)
    loadings = np.array(loadings)
    weights = values[:k] / values[:k].sum()
    index = (y @ loadings.T) @ weights
    return index, values, loadings, weights, weights @ loadings


def pp_objective(x, a, radius=("sd", 0.1), pairs="all"):
    z = x @ a
    sd = z.std(ddof=1)
    kind, c = radius
    r = np.abs(z[:, None] - z[None, :])
    big_r = {"sd": c * sd, "max": c * r.max(), "fixed": c}[kind]
    terms = np.maximum(big_r - r, 0.0)
    density = terms.sum() if pairs == "all" else np.triu(terms, 1).sum()
    return sd * density, sd, density, big_r


def pp_maximum(x):
    def loss(b):
        b = np.abs(b)
        n = np.linalg.norm(b)
        return 1e300 if n == 0 else -pp_objective(x, b / n)[0]

    de = optimize.differential_evolution(loss, [(0, 1)] * x.shape[1], seed=SEED, tol=1e-12, maxiter=3000,
                                         popsize=40, polish=True)
    best = (-de.fun, np.abs(de.x) / np.linalg.norm(np.abs(de.x)), "differential_evolution")
    rng = np.random.default_rng(SEED + 1)
    for _ in range(200):
        start = np.abs(rng.normal(size=x.shape[1]))
        for _ in range(3):
            result = optimize.minimize(loss, start, method="Nelder-Mead",
                                       options={"xatol": 1e-12, "fatol": 1e-14, "maxiter": 20000})
            start = result.x
        if -result.fun > best[0]:
            best = (-result.fun, np.abs(result.x) / np.linalg.norm(np.abs(result.x)), "nelder-mead")
    return best


def main():
    rows = generate()
    path = os.path.join(FIXTURES, "indices", "data", "panel.csv")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["region", "year"] + NAMES)
        for row in rows:
            writer.writerow(row[:2] + [repr(v) for v in row[2:]])
    print("wrote", os.path.relpath(path))
    x_all = np.array([row[2:] for row in rows], dtype=float)
    years = np.array([row[1] for row in rows])
    digest = data_hash(x_all.ravel())

    def negative(names):
        return np.array([n in names for n in NAMES])

    entropy_cases = []
    for name, negs, shift, by_year in [("pooled", [], 0.0, False), ("by_year_negative_cable", ["cable"], 0.001, True)]:
        index = np.empty(len(rows))
        samples = []
        groups = [(None, np.arange(len(rows)))] if not by_year else [(y, np.where(years == y)[0]) for y in YEARS]
        for year, idx in groups:
            value, e, w = entropy_index(x_all[idx], negative(negs), shift)
            index[idx] = value
            samples.append({"year": year, "entropy": e.tolist(), "weights": w.tolist()})
        entropy_cases.append({"name": name, "negative": negs, "shift": shift, "by_year": by_year,
                              "index": index.tolist(), "samples": samples})

    pca_cases = []
    for name, negs, rule, by_year in [("pooled_kaiser", [], ("eigenvalue", 1.0), False),
                                      ("by_year_share_085", [], ("share", 0.85), True),
                                      ("pooled_two_components_negative_exchange", ["exchange"], ("count", 2), False)]:
        index = np.empty(len(rows))
        samples = []
        groups = [(None, np.arange(len(rows)))] if not by_year else [(y, np.where(years == y)[0]) for y in YEARS]
        for year, idx in groups:
            value, eigenvalues, loadings, weights, beta = pca_index(x_all[idx], negative(negs), rule)
            index[idx] = value
            samples.append({"year": year, "eigenvalues": eigenvalues.tolist(), "loadings": loadings.tolist(),
                            "component_weights": weights.tolist(), "indicator_weights": beta.tolist()})
        pca_cases.append({"name": name, "negative": negs, "rule": rule[0], "parameter": rule[1], "by_year": by_year,
                          "index": index.tolist(), "samples": samples})

    directions = [[0.5, 0.5, 0.5, 0.5], [1, 0, 0, 0], [0.1, 0.7, 0.2, 0.4], [0.9, 0.05, 0.3, 0.2]]
    radii = [("sd", 0.1), ("sd", 0.3), ("max", 0.25), ("fixed", 0.05)]
    objective_cases, maxima = [], []
    for year in YEARS:
        idx = np.where(years == year)[0]
        x = minmax(x_all[idx], negative([]), 0.01)
        for direction in directions:
            a = np.array(direction, dtype=float)
            a = a / np.linalg.norm(a)
            for radius in radii:
                for pairs in ("all", "distinct"):
                    q, sd, density, big_r = pp_objective(x, a, radius, pairs)
                    objective_cases.append({"year": year, "direction": a.tolist(), "radius": radius[0],
                                            "radius_value": radius[1], "pairs": pairs, "objective": q,
                                            "standard_deviation": sd, "local_density": density, "window": big_r})
        value, a, method = pp_maximum(x)
        maxima.append({"year": year, "objective": value, "direction": a.tolist(), "method": method,
                       "normalized_first_row": x[0].tolist()})
        print(year, "max Q", value, "at", np.round(a, 6), method)

    write_fixture("indices", "indices", "numpy+scipy", f"numpy {np.__version__}, scipy {scipy.__version__}", __file__,
                  digest, {"csv": "Tests/Fixtures/indices/data/panel.csv", "indicators": NAMES, "id": "region",
                           "year": "year", "seed": SEED, "shift": 0.01,
                           "entropy": entropy_cases, "pca": pca_cases, "objective": objective_cases,
                           "maximum": {"radius": "sd", "radius_value": 0.1, "pairs": "all",
                                       "bounds": "a in [0, 1]^4, |a| = 1", "years": maxima}})


if __name__ == "__main__":
    main()
