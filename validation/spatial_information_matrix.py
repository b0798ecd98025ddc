"""Independent numpy reference for the Columbus spatial ML fixtures (issue 14).

Reads the data and binary edge list from Tests/Fixtures/spatialreg/columbus.json (written by
validation/spatialreg_columbus.R), row-standardises W itself and, for SAR, SEM, SAC, SDM and SDEM:

1. at spatialreg's (ρ, λ): β(ρ, λ), σ² = SSE/n, the log-likelihood, and the ANALYTIC information matrix
   (expected negative Hessian, Anselin 1988 ch. 6; LeSage & Pace 2009 §3.2) in the parameter order
   (σ², ρ, λ, β) — the spatial parameters the model has — and its inverse. The script fails unless the
   inverse reproduces spatialreg's `resvar` (all five use the analytic matrix with method = "eigen") to
   1e-9 relative, the log-likelihood to 1e-11 and the coefficients to 1e-10.
2. the fully converged optimum: the concentrated score is solved to machine precision (1-D: Brent's root
   finder on the analytic score; SAC: Newton on the analytic 2-D score with a central-difference Jacobian).
   spatialreg's optimize() stops at ~1.5e-8·|ρ| in ρ (see spatialreg_columbus.R); hetfirm can be held to
   the converged values tightly and to spatialreg's loosely.

Model  y = ρ W y + X β + u,  u = λ W u + ε,  ε ~ N(0, σ² I);  A = I − ρW, B = I − λW.
  ℓ = −n/2 ln(2π) − n/2 ln σ² + ln|A| + ln|B| − ε'ε/(2σ²),  ε = B(Ay − Xβ).
Information matrix (θ = (σ², ρ, λ, β)), with H = W B⁻¹, G = B W A⁻¹ B⁻¹, μ_ρ = B W A⁻¹ X β:
  I_σσ = n/(2σ⁴)      I_σρ = tr(W A⁻¹)/σ²        I_σλ = tr(H)/σ²           I_σβ = 0
  I_ρρ = tr((W A⁻¹)²) + tr(G'G) + μ_ρ'μ_ρ/σ²    I_ρλ = tr(H'G) + tr(W W A⁻¹ B⁻¹)
  I_ρβ = (BX)'μ_ρ/σ²  I_λλ = tr(H²) + tr(H'H)    I_λβ = 0                 I_ββ = (BX)'(BX)/σ²
SAR: λ = 0 and the λ row/column dropped; SEM: ρ = 0 and the ρ row/column dropped. Durbin models: X
gains W X (without the intercept's lag: W1 = 1 is the intercept for row-standardised W).

Impacts (LeSage & Pace 2009, §2.7): S_k = A⁻¹(β_k I + θ_k W); direct = tr(S_k)/n, total = 1'S_k 1/n,
indirect = total − direct (SAC uses its ρ only; SDEM: direct = β_k, indirect = θ_k).

Writes Tests/Fixtures/spatialreg/columbus_numpy.json.
Run from anywhere: python3 validation/spatial_information_matrix.py
"""
import hashlib
import json
import os
import platform
import sys

import numpy as np
import scipy
from scipy.optimize import brentq

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
SOURCE = os.path.join(ROOT, "Tests", "Fixtures", "spatialreg", "columbus.json")
OUTPUT = os.path.join(ROOT, "Tests", "Fixtures", "spatialreg", "columbus_numpy.json")


def binary_matrix(n, edges):
    """Dense binary contiguity matrix from 1-based (from, to) edges."""
    C = np.zeros((n, n))
    for i, j in edges:
        C[i - 1, j - 1] = 1.0
    return C


def row_standardise(C):
    return C / C.sum(axis=1, keepdims=True)


def weight_eigenvalues(C):
    """Eigenvalues of row-standardised W = D⁻¹C through the symmetric similar matrix D^-1/2 C D^-1/2."""
    d = C.sum(axis=1)
    S = C / np.sqrt(np.outer(d, d))
    return np.linalg.eigvalsh((S + S.T) / 2)


class Model:
    """A SAC-form model with flags for which spatial parameters are free."""

    def __init__(self, y, X, W, omega, has_rho, has_lambda):
        self.y, self.X, self.W, self.omega = y, X, W, omega
        self.has_rho, self.has_lambda = has_rho, has_lambda
        self.n = len(y)
        self.Wy = W @ y
        self.WX = W @ X

    def fit_given(self, rho, lam):
        """β, residual ε, u = Ay − Xβ, SSE at fixed (ρ, λ) (GLS in the filtered variables)."""
        Ay = self.y - rho * self.Wy
        BX = self.X - lam * self.WX
        BAy = Ay - lam * (self.W @ Ay)
        beta, *_ = np.linalg.lstsq(BX, BAy, rcond=None)
        # one step of iterative refinement so β is as accurate as the doubles allow
        r = BAy - BX @ beta
        delta, *_ = np.linalg.lstsq(BX, r, rcond=None)
        beta = beta + delta
        u = Ay - self.X @ beta
        eps = BAy - BX @ beta
        return beta, eps, u, float(eps @ eps)

    def log_likelihood(self, rho, lam):
        beta, eps, u, sse = self.fit_given(rho, lam)
        n = self.n
        s2 = sse / n
        ldet = np.sum(np.log1p(-rho * self.omega)) + np.sum(np.log1p(-lam * self.omega))
        return ldet - n / 2 * np.log(2 * np.pi) - n / 2 * np.log(s2) - sse / (2 * s2)

    def score(self, rho, lam):
        """Gradient of the concentrated log-likelihood (envelope theorem: β and σ² at their optimum)."""
        beta, eps, u, sse = self.fit_given(rho, lam)
        n = self.n
        out = []
        if self.has_rho:
            # ∂ε/∂ρ = −B W y
            BWy = self.Wy - lam * (self.W @ self.Wy)
            dsse = -2 * eps @ BWy
            out.append(-np.sum(self.omega / (1 - rho * self.omega)) - n / (2 * sse) * dsse)
        if self.has_lambda:
            # ∂ε/∂λ = −W u
            dsse = -2 * eps @ (self.W @ u)
            out.append(-np.sum(self.omega / (1 - lam * self.omega)) - n / (2 * sse) * dsse)
        return np.array(out)

    def information(self, rho, lam):
        """Analytic information matrix in (σ², [ρ], [λ], β) at the concentrated estimates for (ρ, λ)."""
        beta, eps, u, sse = self.fit_given(rho, lam)
        n, W, X = self.n, self.W, self.X
        s2 = sse / n
        I = np.eye(n)
        A = I - rho * W
        B = I - lam * W
        Ai = np.linalg.inv(A)
        Bi = np.linalg.inv(B)
        WA = W @ Ai
        H = W @ Bi
        G = B @ WA @ Bi
        BX = B @ X
        mu = B @ WA @ X @ beta
        names = ["sigma2"] + (["rho"] if self.has_rho else []) + (["lambda"] if self.has_lambda else [])
        k = X.shape[1]
        m = len(names) + k
        info = np.zeros((m, m))
        info[0, 0] = n / (2 * s2**2)
        idx = 1
        ir = il = None
        if self.has_rho:
            ir = idx
            idx += 1
        if self.has_lambda:
            il = idx
            idx += 1
        b0 = idx
        info[b0:, b0:] = BX.T @ BX / s2
        if ir is not None:
            info[0, ir] = info[ir, 0] = np.trace(WA) / s2
            info[ir, ir] = np.trace(WA @ WA) + np.sum(G * G) + mu @ mu / s2
            info[ir, b0:] = info[b0:, ir] = BX.T @ mu / s2
        if il is not None:
            info[0, il] = info[il, 0] = np.trace(H) / s2
            info[il, il] = np.trace(H @ H) + np.sum(H * H)
        if ir is not None and il is not None:
            info[ir, il] = info[il, ir] = np.sum(H * G) + np.trace(W @ W @ Ai @ Bi)
        covariance = np.linalg.inv(info)
        covariance = (covariance + covariance.T) / 2
        return names, beta, s2, sse, info, covariance


def impacts(rho, W, beta_x, theta_x):
    n = W.shape[0]
    Ai = np.linalg.inv(np.eye(n) - rho * W)
    out = {"direct": [], "indirect": [], "total": []}
    for b, t in zip(beta_x, theta_x):
        S = Ai @ (b * np.eye(n) + t * W)
        direct = np.trace(S) / n
        total = S.sum() / n
        out["direct"].append(direct)
        out["total"].append(total)
        out["indirect"].append(total - direct)
    return out


def solve_optimum(model, start):
    """Root of the concentrated score, to machine precision."""
    if model.has_rho and model.has_lambda:
        x = np.array(start, dtype=float)
        for _ in range(50):
            g = model.score(*x)
            h = 1e-6
            J = np.zeros((2, 2))
            for j in range(2):
                e = np.zeros(2)
                e[j] = h
                J[:, j] = (model.score(*(x + e)) - model.score(*(x - e))) / (2 * h)
            step = np.linalg.solve(J, -g)
            x = x + step
            if np.max(np.abs(step)) < 1e-15:
                break
        return float(x[0]), float(x[1])
    value = start[0] if model.has_rho else start[1]

    def f(v):
        return model.score(v, 0.0)[0] if model.has_rho else model.score(0.0, v)[0]

    root = brentq(f, value - 1e-3, value + 1e-3, xtol=1e-16, rtol=4 * np.finfo(float).eps, maxiter=500)
    return (root, 0.0) if model.has_rho else (0.0, root)


def rel(a, b):
    a = np.asarray(a, float)
    b = np.asarray(b, float)
    return float(np.max(np.abs(a - b) / np.maximum(np.abs(b), 1e-300)))


def main():
    with open(SOURCE) as fh:
        fixture = json.load(fh)
    data = fixture["data"]
    n = data["n"]
    y = np.array(data["CRIME"])
    inc = np.array(data["INC"])
    hoval = np.array(data["HOVAL"])
    edges = fixture["weights"]["edges"]
    text = ",".join(["%.17g" % v for v in data["POLYID"]] + ["%.17g" % v for v in y] + ["%.17g" % v for v in inc]
                    + ["%.17g" % v for v in hoval] + ["%d" % v for e in edges for v in e])
    data_sha256 = hashlib.sha256(text.encode()).hexdigest()
    if data_sha256 != fixture["provenance"]["data_sha256"]:
        sys.exit("data hash differs from columbus.json's provenance (%s vs %s)" % (data_sha256, fixture["provenance"]["data_sha256"]))
    C = binary_matrix(n, edges)
    W = row_standardise(C)
    omega = weight_eigenvalues(C)
    X = np.column_stack([np.ones(n), inc, hoval])
    XD = np.column_stack([X, W @ inc, W @ hoval])
    specs = {
        "sar": (X, True, False),
        "sem": (X, False, True),
        "sac": (X, True, True),
        "sdm": (XD, True, False),
        "sdem": (XD, False, True),
    }
    failures = []
    models = {}
    for name, (design, has_rho, has_lambda) in specs.items():
        ref = fixture["models"][name]
        model = Model(y, design, W, omega, has_rho, has_lambda)
        rho0 = ref.get("rho", 0.0)
        lam0 = ref.get("lambda", 0.0)
        coef_names = ref["coefficient_names"]
        # 1. at spatialreg's estimates
        names, beta, s2, sse, info, cov = model.information(rho0, lam0)
        ll = model.log_likelihood(rho0, lam0)
        order = names + coef_names
        assert order == ref["covariance_parameter_order"], (order, ref["covariance_parameter_order"])
        sr_cov = np.array(ref["covariance"])
        checks = {
            "coefficients_max_rel_diff": rel(beta, [ref["coefficients"][c] for c in coef_names]),
            "sigma2_rel_diff": rel(s2, ref["sigma2"]),
            "log_likelihood_rel_diff": rel(ll, ref["log_likelihood"]),
            "covariance_max_rel_diff": rel(cov, sr_cov),
            "standard_errors_max_rel_diff": rel(np.sqrt(np.diag(cov))[len(names):], [ref["standard_errors"][c] for c in coef_names]),
        }
        limits = {"coefficients_max_rel_diff": 1e-10, "sigma2_rel_diff": 1e-11, "log_likelihood_rel_diff": 1e-11,
                  "covariance_max_rel_diff": 1e-9, "standard_errors_max_rel_diff": 1e-9}
        for key, limit in limits.items():
            if not checks[key] <= limit:
                failures.append("%s %s = %.3g > %.0e" % (name, key, checks[key], limit))
        at_spatialreg = {
            "rho": rho0 if has_rho else None,
            "lambda": lam0 if has_lambda else None,
            "coefficients": dict(zip(coef_names, beta.tolist())),
            "sigma2": s2,
            "log_likelihood": ll,
            "parameter_order": order,
            "information_matrix": info.tolist(),
            "covariance": cov.tolist(),
            "standard_errors": dict(zip(order, np.sqrt(np.diag(cov)).tolist())),
            "agreement_with_spatialreg": checks,
        }
        # 2. converged optimum
        rho, lam = solve_optimum(model, (rho0, lam0))
        names, beta, s2, sse, info, cov = model.information(rho, lam)
        ll = model.log_likelihood(rho, lam)
        parameters = len(order)
        score = model.score(rho, lam)
        converged = {
            "rho": rho if has_rho else None,
            "lambda": lam if has_lambda else None,
            "score_at_optimum": score.tolist(),
            "coefficients": dict(zip(coef_names, beta.tolist())),
            "sigma2": s2,
            "sse": sse,
            "log_likelihood": ll,
            "parameters": parameters,
            "aic": -2 * ll + 2 * parameters,
            "parameter_order": order,
            "information_matrix": info.tolist(),
            "covariance": cov.tolist(),
            "standard_errors": dict(zip(order, np.sqrt(np.diag(cov)).tolist())),
            "difference_from_spatialreg": {
                "rho": (rho - rho0) if has_rho else None,
                "lambda": (lam - lam0) if has_lambda else None,
                "log_likelihood": ll - ref["log_likelihood"],
                "coefficients_max_rel": rel(beta, [ref["coefficients"][c] for c in coef_names]),
                "standard_errors_max_rel": rel(np.sqrt(np.diag(cov))[len(names):], [ref["standard_errors"][c] for c in coef_names]),
            },
        }
        if name in ("sar", "sac", "sdm"):
            bx = beta[1:3]
            tx = beta[3:5] if name == "sdm" else np.zeros(2)
            imp = impacts(rho, W, bx, tx)
            converged["impacts"] = {k: dict(zip(["INC", "HOVAL"], v)) for k, v in imp.items()}
            imp0 = impacts(rho0, W, np.array([ref["coefficients"]["INC"], ref["coefficients"]["HOVAL"]]),
                           np.array([ref["coefficients"]["lag.INC"], ref["coefficients"]["lag.HOVAL"]]) if name == "sdm" else np.zeros(2))
            for k in ("direct", "indirect", "total"):
                d = rel(imp0[k], [ref["impacts"][k][v] for v in ("INC", "HOVAL")])
                at_spatialreg.setdefault("impacts_max_rel_diff", {})[k] = d
                if not d <= 1e-10:
                    failures.append("%s impacts %s differ from spatialreg by %.3g" % (name, k, d))
        models[name] = {"at_spatialreg_estimates": at_spatialreg, "converged": converged}
        print("%-5s at spatialreg: cov rel %.2e, LL rel %.2e | converged: rho %s lambda %s LL %.15g (score %s)" % (
            name, checks["covariance_max_rel_diff"], checks["log_likelihood_rel_diff"],
            "%.16f" % rho if has_rho else "-", "%.16f" % lam if has_lambda else "-", ll, np.array2string(score, precision=2)))
    out = {
        "provenance": {
            "package": "numpy",
            "version": np.__version__,
            "scipy": scipy.__version__,
            "python": platform.python_version(),
            "script": "validation/" + os.path.basename(__file__),
            "data_sha256": data_sha256,
            "data_sha256_of": fixture["provenance"]["data_sha256_of"] + " (the same recipe as columbus.json)",
            "source_fixture": "Tests/Fixtures/spatialreg/columbus.json",
        },
        "weights": "row-standardised from columbus.json's binary edges; ln|I - rho W| from the eigenvalues of D^-1/2 C D^-1/2",
        "information_matrix": "analytic expected information in (sigma2, [rho], [lambda], beta); covariance = its inverse; sigma2 = SSE/n",
        "optimum": "1-D: scipy brentq on the analytic concentrated score (xtol 1e-16, rtol 4 eps); SAC: Newton on the analytic score, central-difference Jacobian (h = 1e-6), until the step < 1e-15",
        "models": models,
    }
    with open(OUTPUT, "w") as fh:
        json.dump(out, fh, indent=1)
        fh.write("\n")
    print("wrote Tests/Fixtures/spatialreg/columbus_numpy.json")
    if failures:
        print("\n".join(failures))
        sys.exit(1)


if __name__ == "__main__":
    main()
