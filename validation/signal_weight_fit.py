"""Oracle for hetfirm's structural fit of paper 003 (Estimation/Structural/SignalWeightFit).

The model: a bin b's slope estimates m_b(rho) = sum_i 1/(rho + n_i) / sum_i 1/n_i (the 1/n-weighted mean of
delta(n) = n/(rho + n), rows with n = 0 left out). rho_hat minimizes Q(rho) = sum_b (beta_b - m_b(rho))^2 / V_bb;
its sandwich SE is sqrt(J' W V W J) / (J' W J), J_b = dm_b/drho, W = diag(1/V_bb).

The oracle solves the same problem independently: scipy.optimize.least_squares on the weighted residuals,
in log rho (trust-region reflective, tolerances at machine precision), and the sandwich from the analytic J.
Three cases: exact slopes, noisy slopes with a diagonal covariance, and noisy slopes with a full covariance.

Run: python3 validation/signal_weight_fit.py   (writes Tests/Fixtures/scipy/signal-weight-fit.json)
"""
import numpy as np
import scipy
from scipy.optimize import least_squares

from provenance import data_hash, write_fixture

rng = np.random.default_rng(20261121)


def mean_weight(counts, rho):
    counts = counts[counts > 0]
    return np.sum(1.0 / (rho + counts)) / np.sum(1.0 / counts)


def derivative(counts, rho):
    counts = counts[counts > 0]
    return -np.sum(1.0 / (rho + counts) ** 2) / np.sum(1.0 / counts)


def fit(slopes, covariance, bins):
    weights = 1.0 / np.diag(covariance)
    def residuals(theta):
        rho = np.exp(theta[0])
        return np.sqrt(weights) * (slopes - np.array([mean_weight(b, rho) for b in bins]))
    best = None
    for start in np.linspace(np.log(1e-3), np.log(1e6), 12):
        result = least_squares(residuals, [start], method="trf", xtol=1e-15, ftol=1e-15, gtol=1e-15, max_nfev=10000)
        if best is None or result.cost < best.cost:
            best = result
    rho = float(np.exp(best.x[0]))
    jacobian = np.array([derivative(b, rho) for b in bins])
    information = float(jacobian @ (weights * jacobian))
    meat = float((weights * jacobian) @ covariance @ (weights * jacobian))
    return rho, np.sqrt(meat) / information, 2 * float(best.cost)


bins = [rng.integers(1, 6, 40).astype(float), rng.integers(6, 20, 40).astype(float),
        rng.integers(20, 60, 40).astype(float), rng.integers(60, 400, 40).astype(float)]
cases = []
truth = 12.0
exact = np.array([mean_weight(b, truth) for b in bins])
diagonal = np.diag([4e-4, 2.5e-4, 2e-4, 1e-4])
noisy = exact + rng.normal(0, 0.02, 4)
full = np.array([[4e-4, 1e-4, 5e-5, 0], [1e-4, 2.5e-4, 5e-5, 2e-5], [5e-5, 5e-5, 2e-4, 4e-5], [0, 2e-5, 4e-5, 1e-4]])
noisy_full = exact + rng.multivariate_normal(np.zeros(4), full)
for name, slopes, covariance in (("exact", exact, diagonal), ("noisy diagonal", noisy, diagonal), ("noisy full", noisy_full, full)):
    rho, se, objective = fit(slopes, covariance, bins)
    cases.append({"name": name, "slopes": [float(v) for v in slopes], "covariance": [[float(v) for v in row] for row in covariance],
                  "noise_ratio": rho, "standard_error": se, "objective": objective})

everything = np.concatenate([np.concatenate(bins)] + [np.array(c["slopes"]) for c in cases])
write_fixture("scipy", "signal-weight-fit", "scipy", scipy.__version__, __file__, data_hash(everything), {
    "call": "scipy.optimize.least_squares(weighted residuals in log rho, method='trf') + analytic sandwich",
    "signal_counts": [[float(v) for v in b] for b in bins],
    "cases": cases,
})
print("wrote Tests/Fixtures/scipy/signal-weight-fit.json")
