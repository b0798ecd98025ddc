"""Oracle for hetfirm's panel FMOLS (Estimation/FMOLS): arch's FullyModifiedOLS per unit, Pedroni's
group-mean, and an independent numpy pooled (within-dimension) FMOLS.

Writes Tests/Fixtures/arch/data/fmols_{balanced,unbalanced}.csv and
Tests/Fixtures/arch/fmols_{balanced,unbalanced}.json.

Data (numpy default_rng, seed 20260413): unit i has x_it = x_i,t-1 + v_it (k = 2 random walks),
y_it = a_i + b1_i x1_it + b2_i x2_it + u_it with unit-specific slopes b1_i = 1 + 0.3 n_i,
b2_i = -0.5 + 0.2 m_i, u_it = 0.5 u_i,t-1 + e_it and e_it correlated with v_it (endogenous regressors,
serially correlated errors: the case FMOLS corrects). Balanced: 12 units x 30 years (2001..2030).
Unbalanced: 10 units of 14..36 consecutive years starting in different years, rows shuffled, plus a unit
with 4 periods (fewer than k + 3 = 5: dropped and counted) and one with 1 period.

Unit estimator (arch.unitroot.cointegration.FullyModifiedOLS(y, x, trend="c").fit(kernel, bandwidth),
force_int=True, diff=False, df_adjust=False; arch 8.0 needs "quadraticspectral" without
the hyphen in fit(), its residual kernel lookup does not normalise the name), conventions:
- first stage: OLS of y on [x, 1] over all T_i rows, residuals u; eta = [u_2..T, dx_2..T] (n = T_i - 1 rows;
  dx = diff of x minus its mean, i.e. diff(x)); the first observation is dropped from everything after.
- kernel covariances of eta, not centred, divisor n: Gamma_0 = eta'eta/n,
  Lambda_1 = sum_{h>=1} w_h eta[h:]'eta[:-h]/n, Omega = Gamma_0 + Lambda_1 + Lambda_1', Delta = Gamma_0 +
  Lambda_1 (the one-sided sum INCLUDES lag 0).
- weights: bartlett w_h = 1 - h/(B+1) and parzen on z = h/(B+1), h = 0..int(B); quadratic-spectral on
  z = h/B for every h = 1..n-1 (x = 6 pi z / 5, w = 3/x^2 (sin x / x - cos x)); B = ceil(bandwidth) (force_int).
- automatic bandwidth (bandwidth=None): Newey-West (1994) on v = eta 1 (sum of the columns):
  L = ceil(4 (n/100)^r) lags, sigma_j = sum v[j:] v[:n-j] / n, f0 = sum_{j=0..L} (1+[j>0]) sigma_j,
  fq = sum (1+[j>0]) j^q sigma_j, B = ceil(c (n (fq/f0)^2)^(1/(2q+1))), at most n - 1;
  (c, q, r) = bartlett (1.1447, 1, 2/9), parzen (2.6614, 2, 4/25), quadratic-spectral (1.3221, 2, 2/25).
- y+ = y_2..T - dx Omega_22^-1 Omega_21; lambda+ = Delta_12 - Omega_12 Omega_22^-1 Delta_22;
  theta = (Z'Z)^-1 (Z'y+ - n [lambda+'; 0]), Z = [x_2..T, 1]; cov = omega_1.2 (Z'Z)^-1,
  omega_1.2 = Omega_11 - Omega_12 Omega_22^-1 Omega_21.
Group-mean (Pedroni 2001): beta_GM = mean of the unit slopes, t_GM = N^-1/2 sum t_i, and (hetfirm's SE)
se_GM = sqrt(sum se_i^2)/N.
Pooled (within dimension, Phillips-Moon 1999 / Kao-Chiang 2000 with unit-specific long-run covariances):
beta_P = (sum_i Xd_i'Xd_i)^-1 sum_i (Xd_i'y+_i - n_i lambda+_i'), Xd_i = x_i,2..T demeaned over those rows;
cov_P = A^-1 (sum_i omega_1.2,i Xd_i'Xd_i) A^-1, A = sum_i Xd_i'Xd_i (with N = 1 this is arch's unit cov).
The pooled reference below is computed by an independent numpy implementation (its unit FMOLS is
asserted equal to arch's to 1e-10 first).

Run: python3 validation/arch_fmols.py
"""
import hashlib
import math
import os

import numpy as np
import pandas as pd
import arch
from arch.unitroot.cointegration import FullyModifiedOLS

from provenance import FIXTURES, write_fixture

REPO = os.path.abspath(os.path.join(FIXTURES, "..", ".."))
DATA = os.path.join(FIXTURES, "arch", "data")
REGRESSORS = ["x1", "x2"]
MINIMUM_PERIODS = len(REGRESSORS) + 3
CASES = [("bartlett", 4.0), ("parzen", 4.0), ("quadratic-spectral", 4.0), ("parzen", 2.5),
         ("bartlett", None), ("quadratic-spectral", None), ("bartlett", 0.0)]


def simulate_unit(rng, periods):
    k = len(REGRESSORS)
    shocks = rng.multivariate_normal(np.zeros(k + 1), [[1.0, 0.5, -0.3], [0.5, 1.0, 0.2], [-0.3, 0.2, 1.0]], periods)
    x = np.cumsum(shocks[:, 1:], axis=0) + rng.normal(size=k) * 2
    u = np.zeros(periods)
    for t in range(periods):
        u[t] = (0.5 * u[t - 1] if t else 0.0) + shocks[t, 0]
    slopes = np.array([1 + 0.3 * rng.normal(), -0.5 + 0.2 * rng.normal()])
    intercept = rng.normal()
    return intercept + x @ slopes + u, x, slopes


def make_panel(rng, lengths, starts):
    frames = []
    for unit, (periods, start) in enumerate(zip(lengths, starts)):
        y, x, _ = simulate_unit(rng, periods)
        frames.append(pd.DataFrame({"id": f"u{unit + 1:02d}", "year": np.arange(start, start + periods),
                                    "y": y, "x1": x[:, 0], "x2": x[:, 1]}))
    return pd.concat(frames, ignore_index=True)


def write_csv(frame, name):
    os.makedirs(DATA, exist_ok=True)
    path = os.path.join(DATA, name + ".csv")
    frame.to_csv(path, index=False, float_format="%.17g")
    with open(path, "rb") as handle:
        sha = hashlib.sha256(handle.read()).hexdigest()
    return pd.read_csv(path), os.path.relpath(path, REPO), sha


# ---- independent numpy reference (no arch) ----

def kernel_weights(kernel, bandwidth, n):
    if kernel == "quadratic-spectral":
        w = np.zeros(n)
        w[0] = 1.0
        if bandwidth > 0:
            z = 6 * math.pi * (np.arange(1, n) / bandwidth) / 5
            w[1:] = 3 / z ** 2 * (np.sin(z) / z - np.cos(z))
        return w
    z = np.arange(int(bandwidth) + 1) / (bandwidth + 1)
    if kernel == "bartlett":
        return 1 - z
    return np.where(z <= 0.5, 1 - 6 * z ** 2 * (1 - z), 2 * (1 - z) ** 3)


def automatic_bandwidth(kernel, eta):
    c, q, r = {"bartlett": (1.1447, 1, 2 / 9), "parzen": (2.6614, 2, 4 / 25),
               "quadratic-spectral": (1.3221, 2, 2 / 25)}[kernel]
    v = eta.sum(axis=1)
    n = len(v)
    lags = int(math.ceil(4 * (n / 100) ** r))
    f0 = fq = 0.0
    for j in range(lags + 1):
        sigma = float(v[j:] @ v[:n - j]) / n if j < n else 0.0
        f0 += (1 + (j > 0)) * sigma
        fq += (1 + (j > 0)) * j ** q * sigma
    return min(math.ceil(c * (n * (fq / f0) ** 2) ** (1 / (2 * q + 1))), n - 1.0)


def unit_pieces(y, x, kernel, bandwidth):
    """Unit FMOLS by hand: coefficients [slopes, intercept], SEs, and the pooled estimator's pieces."""
    n, k = len(y) - 1, x.shape[1]
    design = np.column_stack([x, np.ones(len(y))])
    first = np.linalg.lstsq(design, y, rcond=None)[0]
    eta = np.column_stack([(y - design @ first)[1:], np.diff(x - x.mean(0), axis=0)])
    bw = float(math.ceil(bandwidth)) if bandwidth is not None else automatic_bandwidth(kernel, eta)
    w = kernel_weights(kernel, bw, n)
    gamma0 = eta.T @ eta / n
    strict = sum(w[h] * eta[h:].T @ eta[:-h] / n for h in range(1, len(w))) if len(w) > 1 else 0 * gamma0
    omega, delta = gamma0 + strict + strict.T, gamma0 + strict
    o22inv = np.linalg.inv(omega[1:, 1:])
    yplus = y[1:] - eta[:, 1:] @ o22inv @ omega[1:, :1].ravel()
    lam = delta[0, 1:] - omega[0, 1:] @ o22inv @ delta[1:, 1:]
    z = design[1:]
    zz = z.T @ z
    theta = np.linalg.solve(zz, z.T @ yplus - n * np.append(lam, 0.0))
    omega12 = omega[0, 0] - omega[0, 1:] @ o22inv @ omega[1:, 0]
    se = np.sqrt(np.diag(omega12 * np.linalg.inv(zz)))
    xd = x[1:] - x[1:].mean(0)
    return theta, se, bw, xd.T @ xd, xd.T @ yplus - n * lam, omega12


def pooled(pieces):
    a = sum(p[3] for p in pieces)
    b = sum(p[4] for p in pieces)
    meat = sum(p[5] * p[3] for p in pieces)
    ainv = np.linalg.inv(a)
    beta = ainv @ b
    return beta, np.sqrt(np.diag(ainv @ meat @ ainv))


def cases_for(frame):
    units = list(dict.fromkeys(frame["id"]))
    panels = []
    dropped = []
    for unit in units:
        rows = frame[frame["id"] == unit].sort_values("year")
        if len(rows) < MINIMUM_PERIODS:
            dropped.append({"unit": unit, "periods": int(len(rows))})
            continue
        panels.append((unit, rows))
    out = []
    for kernel, bandwidth in CASES:
        unit_results, pieces = [], []
        for unit, rows in panels:
            y, x = rows["y"].to_numpy(), rows[REGRESSORS].to_numpy()
            res = FullyModifiedOLS(rows["y"].reset_index(drop=True), rows[REGRESSORS].reset_index(drop=True),
                                   trend="c").fit(kernel=kernel.replace("-", ""), bandwidth=bandwidth)
            names = REGRESSORS + ["const"]
            theta = np.array([res.params[n] for n in names])
            se = np.array([res.std_errors[n] for n in names])
            mine = unit_pieces(y, x, kernel, bandwidth)
            assert np.allclose(mine[0], theta, rtol=1e-10, atol=0), (unit, kernel, mine[0], theta)
            assert np.allclose(mine[1], se, rtol=1e-10, atol=0), (unit, kernel, mine[1], se)
            pieces.append(mine)
            unit_results.append({"unit": unit, "periods": int(len(rows)), "first_time": int(rows["year"].iloc[0]),
                                 "bandwidth": float(mine[2]),
                                 "coefficients": {n: float(theta[i]) for i, n in enumerate(names)},
                                 "standard_errors": {n: float(se[i]) for i, n in enumerate(names)},
                                 "tstat": {n: float(res.tvalues[n]) for n in names},
                                 "omega_1_2": float(res.long_run_variance)})
        count = len(unit_results)
        gm = {n: float(np.mean([u["coefficients"][n] for u in unit_results])) for n in REGRESSORS}
        gm_se = {n: float(math.sqrt(sum(u["standard_errors"][n] ** 2 for u in unit_results)) / count)
                 for n in REGRESSORS}
        gm_t = {n: float(sum(u["tstat"][n] for u in unit_results) / math.sqrt(count)) for n in REGRESSORS}
        beta, se = pooled(pieces)
        out.append({"kernel": kernel, "bandwidth": bandwidth if bandwidth is not None else "auto",
                    "units": unit_results,
                    "group_mean": {"coefficients": gm, "standard_errors": gm_se, "tstat": gm_t},
                    "pooled": {"coefficients": {n: float(beta[i]) for i, n in enumerate(REGRESSORS)},
                               "standard_errors": {n: float(se[i]) for i, n in enumerate(REGRESSORS)}}})
    return out, dropped


def main():
    rng = np.random.default_rng(20260413)
    balanced = make_panel(rng, [30] * 12, [2001] * 12)
    lengths = [14, 36, 20, 25, 18, 30, 22, 16, 28, 33, 4, 1]
    starts = [1990 + int(s) for s in rng.integers(0, 15, len(lengths))]
    unbalanced = make_panel(rng, lengths, starts)
    unbalanced = unbalanced.iloc[rng.permutation(len(unbalanced))].reset_index(drop=True)
    for name, frame in [("fmols_balanced", balanced), ("fmols_unbalanced", unbalanced)]:
        frame, csv, sha = write_csv(frame, name)
        cases, dropped = cases_for(frame)
        write_fixture("arch", name, "arch", arch.__version__, __file__, sha,
                      {"csv": csv, "formula": "y ~ x1 + x2", "panel": ["id", "year"], "trend": "c",
                       "force_int": True, "minimum_periods": MINIMUM_PERIODS, "dropped_units": dropped,
                       "cases": cases})


if __name__ == "__main__":
    main()
