"""Independent numpy reference for the fixed-effects spatial panel fixtures (issue 14).

Reads the panel from Tests/Fixtures/spreg/panel_fe.json, spreg's results from the same file and
spatialreg's from Tests/Fixtures/spatialreg/panel_fe.json, and re-derives every case from the
demeaned data with the projection formulas below (no orthonormal transformation, unlike
validation/spatialreg_panel.R), solving the concentrated score to machine precision. It fails unless it
reproduces, at the peers' own estimates, spatialreg's log-likelihood (1e-11 relative), coefficients
(1e-9), sigma2 (1e-10) and covariance (1e-8), and spreg's (individual effects) likewise.

Notation: Y is T x N (period t in row t), W row-standardised (W1 = 1), A = I - rho W, B = I - lambda W,
J_N = I - 11'/N, J_T likewise; G = W A^-1, H = W B^-1. Demeaning: "unit" = J_T (x) I_N,
"two-way" Q = J_T (x) J_N. Lag-model residual e(rho, beta) and error-model residual e(lambda, beta):
  direct_individual   e = (J_T (x) I)(y - rho W y - X b)        n = NT        Jacobian T ln|A|
  direct_two_way      e = Q y - rho (I (x) W) Q y - Q X b        n = NT        Jacobian T ln|A|
                      (W applied to the demeaned y, as spatialreg/spreg on two-way demeaned input)
  direct_two_way_demeaned_wy
                      e = Q (y - rho W y - X b)                  n = NT        Jacobian T ln|A|
                      (W y formed from the raw y, then demeaned, the residual of the Lee-Yu likelihood; no peer here)
  lee_yu_individual   e = (J_T (x) I)(y - rho W y - X b)        n = N(T-1)    Jacobian (T-1) ln|A|
  lee_yu_two_way      e = Q (y - rho W y - X b)                  n = (N-1)(T-1) Jacobian (T-1)[ln|A| - ln(1-rho)]
  error models: the same with y - rho W y - X b replaced by B(y - X b) (direct_two_way: B Q (y - X b)).
log-likelihood: -n/2 ln(2 pi) - n/2 ln sigma2 - n/2 + Jacobian, sigma2 = e'e/n.

Information matrices (the Lee-Yu ones follow Lee & Yu 2010, J. Econometrics 154, section 3: the
transformed model's information, written with J_N instead of F_N, using F_N F_N' = J_N):
  lag, parameters (sigma2, rho, beta):  I_ss = n/(2 s4); I_sr = c tr(J G)/s2; I_rr = c [tr(J G J G) + tr(J G' J G)]
      + |P (I (x) G) P X b|^2/s2; I_rb = (P X)'(P (I (x) G) P X b)/s2; I_bb = (P X)'(P X)/s2
  error, (sigma2, lambda, beta): I_ss = n/(2 s4); I_sl = c tr(J H)/s2; I_ll = c [tr(J H J H) + tr(J H' J H)];
      I_bb = (P (I (x) B) X)'(P (I (x) B) X)/s2; I_lb = 0
  with (c, J, P) = (T, I, unit) direct_individual; (T-1, I, unit) lee_yu_individual; (T-1, J_N, Q)
  lee_yu_two_way; direct_two_way is a plain pooled model on the demeaned data: (T, I, P = I) with X, y
  already two-way demeaned. tr(J G) = tr(G) - 1/(1 - rho) because G1 = 1/(1 - rho).
  For direct_two_way_demeaned_wy only the estimates and log-likelihood are given.

Writes Tests/Fixtures/spatialreg/panel_fe_numpy.json.
Run: python3 validation/spatial_panel_reference.py (after spatial_panel.py and spatialreg_panel.R)
"""
import json
import os
import platform
import sys

import numpy as np
import scipy
from scipy.optimize import brentq

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
SPREG = os.path.join(ROOT, "Tests", "Fixtures", "spreg", "panel_fe.json")
SPATIALREG = os.path.join(ROOT, "Tests", "Fixtures", "spatialreg", "panel_fe.json")
OUTPUT = os.path.join(ROOT, "Tests", "Fixtures", "spatialreg", "panel_fe_numpy.json")

CASES = {
    # name: (count of Jacobian blocks c, two_way residual projection, W applied before demeaning, n, ln(1-rho) term)
    "direct_individual": {"blocks": "T", "projection": "unit", "lag_raw": True, "n": "NT", "minus_log": False},
    "direct_two_way": {"blocks": "T", "projection": "two_way", "lag_raw": False, "n": "NT", "minus_log": False},
    "direct_two_way_demeaned_wy": {"blocks": "T", "projection": "two_way", "lag_raw": True, "n": "NT", "minus_log": False},
    "lee_yu_individual": {"blocks": "T-1", "projection": "unit", "lag_raw": True, "n": "N(T-1)", "minus_log": False},
    "lee_yu_two_way": {"blocks": "T-1", "projection": "two_way", "lag_raw": True, "n": "(N-1)(T-1)", "minus_log": True},
}


class Panel:
    def __init__(self, fixture):
        cols = fixture["data"]["columns"]
        rows = np.array(fixture["data"]["rows"], dtype=float)
        self.N = fixture["dgp"]["N"]
        self.T = fixture["dgp"]["T"]
        N, T = self.N, self.T
        get = lambda c: rows[:, cols.index(c)].reshape(T, N)
        assert (get("unit") == np.arange(1, N + 1)[None, :]).all() and (get("time") == np.arange(1, T + 1)[:, None]).all()
        self.y_sar, self.y_sem, self.x1, self.x2 = get("y_sar"), get("y_sem"), get("x1"), get("x2")
        C = np.zeros((N, N))
        for i, j in fixture["weights"]["edges"]:
            C[i - 1, j - 1] = 1.0
        self.W = C / C.sum(1, keepdims=True)
        self.omega = np.linalg.eigvals(self.W)

    def project(self, A, kind):
        """A: T x N (or T x N x k). unit: subtract unit means; two_way: also period means."""
        out = A - A.mean(axis=0, keepdims=True)
        if kind == "two_way":
            out = out - out.mean(axis=1, keepdims=True)
        return out

    def lag(self, A):
        """(I_T (x) W) applied to a T x N (x k) array."""
        if A.ndim == 2:
            return A @ self.W.T
        return np.einsum("ij,tjk->tik", self.W, A)


class Case:
    def __init__(self, panel, spec, model):
        self.p, self.spec, self.model = panel, spec, model
        N, T = panel.N, panel.T
        self.c = T if spec["blocks"] == "T" else T - 1
        self.n = {"NT": N * T, "N(T-1)": N * (T - 1), "(N-1)(T-1)": (N - 1) * (T - 1)}[spec["n"]]
        y = panel.y_sar if model == "lag" else panel.y_sem
        self.y = y
        self.X = np.stack([panel.x1, panel.x2], axis=2)   # T x N x 2
        proj = spec["projection"]
        if model == "lag":
            if spec["lag_raw"]:
                self.ty = panel.project(y, proj)
                self.twy = panel.project(panel.lag(y), proj)
            else:
                self.ty = panel.project(y, proj)
                self.twy = panel.lag(self.ty)
            self.tX = panel.project(self.X, proj)

    def filtered(self, lam):
        """Error model: the projected, filtered y and X at lambda."""
        p, proj = self.p, self.spec["projection"]
        if self.spec["lag_raw"]:
            fy = p.project(self.y - lam * p.lag(self.y), proj)
            fX = p.project(self.X - lam * p.lag(self.X), proj)
        else:
            dy, dX = p.project(self.y, proj), p.project(self.X, proj)
            fy, fX = dy - lam * p.lag(dy), dX - lam * p.lag(dX)
        return fy.reshape(-1), fX.reshape(-1, 2)

    def jacobian(self, a):
        value = self.c * float(np.sum(np.log(np.abs(1 - a * self.p.omega))))
        derivative = -self.c * float(np.sum(np.real(self.p.omega / (1 - a * self.p.omega))))
        if self.spec["minus_log"]:
            value -= self.c * np.log(1 - a)
            derivative += self.c / (1 - a)
        return value, derivative

    def fit_given(self, a):
        if self.model == "lag":
            Z = self.tX.reshape(-1, 2)
            r = (self.ty - a * self.twy).reshape(-1)
        else:
            r, Z = self.filtered(a)
        beta, *_ = np.linalg.lstsq(Z, r, rcond=None)
        beta = beta + np.linalg.lstsq(Z, r - Z @ beta, rcond=None)[0]
        e = r - Z @ beta
        return beta, e, float(e @ e)

    def log_likelihood(self, a):
        beta, e, sse = self.fit_given(a)
        s2 = sse / self.n
        return -self.n / 2 * np.log(2 * np.pi) - self.n / 2 * np.log(s2) - self.n / 2 + self.jacobian(a)[0]

    def score(self, a):
        beta, e, sse = self.fit_given(a)
        if self.model == "lag":
            dsse = -2 * e @ self.twy.reshape(-1)
        else:
            # de/dlambda = -projected W (y - X b)
            p, proj = self.p, self.spec["projection"]
            u = self.y - np.einsum("tnk,k->tn", self.X, beta)
            if self.spec["lag_raw"]:
                d = p.project(p.lag(u), proj)
            else:
                d = p.lag(p.project(u, proj))
            dsse = -2 * e @ d.reshape(-1)
        return -self.n / (2 * sse) * dsse + self.jacobian(a)[1]

    def solve(self, start):
        width = 2e-3
        while np.sign(self.score(start - width)) == np.sign(self.score(start + width)):
            width *= 2
            if width > 0.5:
                raise SystemExit("no sign change of the score near %r" % start)
        return brentq(self.score, start - width, start + width, xtol=1e-16, rtol=4 * np.finfo(float).eps, maxiter=500)

    def information(self, a):
        if self.spec["projection"] == "two_way" and self.spec["lag_raw"] and not self.spec["minus_log"]:
            return None   # direct_two_way_demeaned_wy: not the likelihood of a transformed model; no information matrix
        p, N = self.p, self.p.N
        beta, e, sse = self.fit_given(a)
        s2 = sse / self.n
        M = np.eye(N) - a * p.W
        Minv = np.linalg.inv(M)
        K = p.W @ Minv                      # G (lag) or H (error)
        J = np.eye(N) - np.ones((N, N)) / N if self.spec["minus_log"] else np.eye(N)
        JK = J @ K
        info = np.zeros((4, 4))
        info[0, 0] = self.n / (2 * s2**2)
        info[0, 1] = info[1, 0] = self.c * np.trace(JK) / s2
        info[1, 1] = self.c * (np.trace(JK @ JK) + np.trace(J @ K.T @ J @ K))
        proj = self.spec["projection"]
        if self.model == "lag":
            Z = self.tX.reshape(-1, 2)
            if self.spec["lag_raw"]:
                mu = p.project(np.einsum("ij,tj->ti", K, p.project(np.einsum("tnk,k->tn", self.X, beta), proj)), proj).reshape(-1)
            else:
                mu = np.einsum("ij,tj->ti", K, np.einsum("tnk,k->tn", self.tX, beta)).reshape(-1)
            info[1, 1] += mu @ mu / s2
            info[1, 2:] = info[2:, 1] = Z.T @ mu / s2
        else:
            r, Z = self.filtered(a)
        info[2:, 2:] = Z.T @ Z / s2
        cov = np.linalg.inv(info)
        return beta, s2, sse, info, (cov + cov.T) / 2


def impacts(W, rho, beta):
    n = W.shape[0]
    S = np.linalg.inv(np.eye(n) - rho * W)
    direct = np.trace(S) / n
    total = S.sum() / n
    return {"direct": (direct * beta).tolist(), "indirect": ((total - direct) * beta).tolist(), "total": (total * beta).tolist()}


def rel(a, b):
    a, b = np.asarray(a, float), np.asarray(b, float)
    return float(np.max(np.abs(a - b) / np.maximum(np.abs(b), 1e-300)))


def main():
    spreg_fixture = json.load(open(SPREG))
    sr = json.load(open(SPATIALREG))
    if sr["provenance"]["data_sha256"] != spreg_fixture["provenance"]["data_sha256"]:
        sys.exit("spatialreg/panel_fe.json was computed on other data: rerun validation/spatialreg_panel.R")
    panel = Panel(spreg_fixture)
    names = ["x1", "x2"]
    failures = []
    out_cases = {}
    peers = {
        "direct_individual": [("spatialreg", lambda m: sr["cases"]["direct_individual"][m]),
                              ("spreg", lambda m: spreg_fixture["models"]["ml_lag_fe" if m == "lag" else "ml_error_fe"])],
        "direct_two_way": [("spatialreg", lambda m: sr["cases"]["direct_two_way"][m]),
                           ("spreg", lambda m: spreg_fixture["models"]["ml_lag_fe_two_way_demeaned_input" if m == "lag" else "ml_error_fe_two_way_demeaned_input"])],
        "lee_yu_individual": [("spatialreg", lambda m: sr["cases"]["lee_yu_individual"][m])],
        "lee_yu_two_way": [("spatialreg", lambda m: sr["cases"]["lee_yu_two_way"][m])],
        "direct_two_way_demeaned_wy": [],
    }
    for name, spec in CASES.items():
        block = {"residual": spec, "observations_n": None}
        for model in ("lag", "error"):
            case = Case(panel, spec, model)
            block["observations_n"] = case.n
            key = "rho" if model == "lag" else "lambda"
            start = (sr["cases"]["direct_two_way"] if name == "direct_two_way_demeaned_wy" else sr["cases"][name])[model][key]
            a = case.solve(start)
            beta, e, sse = case.fit_given(a)
            ll = case.log_likelihood(a)
            entry = {
                key: a,
                "score_at_optimum": case.score(a),
                "coefficients": dict(zip(names, beta.tolist())),
                "sigma2": sse / case.n,
                "sigma2_divisor": spec["n"],
                "sse": sse,
                "log_likelihood": ll,
                "parameters": 4,
                "aic": -2 * ll + 8,
                "aic_parameters": "beta (2) + spatial parameter + sigma2, as spatialreg counts",
            }
            info = case.information(a)
            if info is not None:
                _, _, _, I, cov = info
                order = ["sigma2", key] + names
                entry.update({"parameter_order": order, "information_matrix": I.tolist(), "covariance": cov.tolist(),
                              "standard_errors": dict(zip(order, np.sqrt(np.diag(cov)).tolist()))})
            if model == "lag":
                entry["impacts"] = {k: dict(zip(names, v)) for k, v in impacts(panel.W, a, beta).items()}
            checks = {}
            for peer, getter in peers[name]:
                ref = getter(model)
                a0 = ref[key]
                b0, e0, sse0 = case.fit_given(a0)
                s20 = sse0 / case.n
                c = {
                    "estimate_difference": a - a0,
                    "log_likelihood_rel_at_peer_estimate": rel(case.log_likelihood(a0), ref["log_likelihood"]),
                    "coefficients_rel_at_peer_estimate": rel(b0, [ref["coefficients"][v] for v in names]),
                    "sigma2_rel_at_peer_estimate": rel(s20, ref["sigma2"]),
                }
                limits = {"log_likelihood_rel_at_peer_estimate": 1e-11, "coefficients_rel_at_peer_estimate": 1e-9, "sigma2_rel_at_peer_estimate": 1e-10}
                info0 = case.information(a0)
                if info0 is not None:
                    cov0 = info0[4]
                    if peer == "spatialreg":
                        c["covariance_rel_at_peer_estimate"] = rel(cov0, ref["covariance"])
                    else:
                        # spreg orders (beta, rho, sigma2) for the lag model; the error model has separate blocks
                        if model == "lag":
                            perm = [2, 3, 1, 0]
                            c["covariance_rel_at_peer_estimate"] = rel(cov0[np.ix_(perm, perm)], ref["covariance"])
                        else:
                            c["covariance_rel_at_peer_estimate"] = max(rel(cov0[2:, 2:], ref["covariance_beta"]),
                                                                      rel(cov0[np.ix_([1, 0], [1, 0])], ref["covariance_lambda_sigma2"]))
                    limits["covariance_rel_at_peer_estimate"] = 1e-8
                if peer == "spatialreg":
                    c["aic_rel_at_peer_estimate"] = rel(-2 * case.log_likelihood(a0) + 8, ref["aic"])
                    limits["aic_rel_at_peer_estimate"] = 1e-11
                for k_, limit in limits.items():
                    if not c[k_] <= limit:
                        failures.append("%s %s vs %s: %s = %.3g > %.0e" % (name, model, peer, k_, c[k_], limit))
                checks[peer] = c
            entry["agreement_with_peers"] = checks
            block[model] = entry
            print("%-18s %-5s %s=%.16f LL=%.12f s2=%.12f %s" % (name, model, key, a, ll, sse / case.n,
                  " ".join("%s:d=%.1e,cov=%.1e" % (p, c["estimate_difference"], c.get("covariance_rel_at_peer_estimate", float("nan"))) for p, c in checks.items())))
        out_cases[name] = block
    out = {
        "provenance": {
            "package": "numpy",
            "version": np.__version__,
            "scipy": scipy.__version__,
            "python": platform.python_version(),
            "script": "validation/" + os.path.basename(__file__),
            "data_sha256": spreg_fixture["provenance"]["data_sha256"],
            "data_sha256_of": "the data of Tests/Fixtures/spreg/panel_fe.json (its provenance.data_sha256)",
        },
        "optimum": "scipy brentq on the analytic concentrated score, bracket +-2e-3 (doubled until the score changes sign) around spatialreg's estimate (direct_two_way_demeaned_wy: around direct_two_way's) (xtol 1e-16, rtol 4 eps)",
        "log_determinant": "ln|I - a W| = sum ln|1 - a omega_i| over the (complex) eigenvalues of W",
        "cases": out_cases,
    }
    with open(OUTPUT, "w") as fh:
        json.dump(out, fh, indent=1)
        fh.write("\n")
    print("wrote Tests/Fixtures/spatialreg/panel_fe_numpy.json")
    if failures:
        print("\n".join(failures))
        sys.exit(1)


if __name__ == "__main__":
    main()
