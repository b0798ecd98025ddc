"""Data and spreg oracle for hetfirm's fixed-effects spatial panel ML estimators (issue 14).

Writes Tests/Fixtures/spreg/panel_fe.json: the panel (long format), the weights (coordinates and the
binary k-nearest-neighbour edge list), the DGP, and spreg's fixed-effects ML lag and error models.
validation/spatialreg_panel.R (spatialreg, direct and Lee-Yu approaches) and
validation/spatial_panel_reference.py (numpy) read the data from this file.

Data (numpy SeedSequence(20261207) with one spawned stream per purpose; values rounded to 10 decimals):
- N = 60 points uniform on [0, 10]^2 (rounded to 6 decimals); W = k = 5 nearest neighbours by Euclidean
  distance (asymmetric; no distance ties: the 5th and 6th distances of every point differ by > 1e-6),
  checked against libpysal.weights.KNN. hetfirm row-standardises the binary edges: w_ij = 1/5.
- T = 6 periods; unit effects mu_i ~ N(0, 1); time effects gamma_t = 0.2 t + 0.5 sin(t), t = 1..6;
  x1_it = 0.6 mu_i + 0.3 gamma_t + N(0, 1), x2_it = N(0, 1).
- y_sar_t = (I - 0.4 W)^-1 (1.0 x1_t - 0.5 x2_t + mu + gamma_t 1 + eps_t),          eps ~ N(0, 1)
- y_sem_t = 1.0 x1_t - 0.5 x2_t + mu + gamma_t 1 + (I - 0.5 W)^-1 e_t,              e ~ N(0, 1)
- y_sdm_t = (I - 0.4 W)^-1 (1.0 x1_t - 0.5 x2_t + 0.3 W x1_t - 0.2 W x2_t + mu + gamma_t 1 + eps2_t)
- y_sac_t = (I - 0.3 W)^-1 (1.0 x1_t - 0.5 x2_t + mu + gamma_t 1 + (I - 0.4 W)^-1 e2_t)
  (eps2, e2 ~ N(0, 1) from two further streams, so y_sar, y_sem, x1, x2 do not depend on them.)
  Lag models are fitted to y_sar, error models and SDEM to y_sem, SDM to y_sdm, SAC to y_sac.

spreg 1.9.0 (read from spreg/panel.py and spreg/panel_fe.py):
- ML_LagFE / ML_ErrorFE (panel.py, current) and Panel_FE_Lag / Panel_FE_Error (panel_fe.py, marked
  deprecated in 1.9.0) remove INDIVIDUAL (unit) means only: demean_panel applies (I_T - 11'/T) (x) I_N to the
  time-major stacked data; no time effects, no intercept. They are the "direct approach" (Elhorst 2003,
  2014): W_NT = I_T (x) W, Jacobian T ln|I - rho W| (sparse LU of I - rho W), sigma2 = e'e / (N T),
  log-likelihood -NT/2 ln(2 pi) - NT/2 ln sigma2 - NT/2 + T ln|I - rho W| (no Lee-Yu correction).
- standard errors: lag: inverse of the analytic information matrix in (beta, rho, sigma2) with T-multiplied
  traces: [X'X/s2, X'(I_T (x) WA^-1)Xb/s2, 0; ., T(tr(G^2) + tr(G'G)) + |(I_T (x) G)Xb|^2/s2, T tr(G)/s2;
  ., ., NT/(2 s2^2)], G = W (I - rho W)^-1. error: beta block s2 (X*'X*)^-1 with X* = X - lambda W X
  (demeaned), lambda from the 2x2 (lambda, sigma2) information [T(tr(G^2) + tr(G'G)), T tr(G)/s2;
  ., NT/(2 s2^2)], G = W (I - lambda W)^-1; the cross terms with beta are zero.
- the optimiser is scipy minimize_scalar(method="bounded") with xatol = epsilon (default 1e-7, here
  1e-12) on (-0.99, 0.99) for ML_LagFE and (-1, 1) for the others; bounded Brent stops at
  ~sqrt(DBL_EPSILON)·|rho| as R's optimize does.
- AIC = 2k - 2 logll with k = number of x columns + 1 (rho) for ML_LagFE and Panel_FE_Lag, and k = number of
  x columns (lambda NOT counted) for ML_ErrorFE / Panel_FE_Error; sigma2 is never counted.
- SDM/SDEM (slx_lags=1): W x is formed from the raw x (libpysal flex_wx on the stacked data) and then
  unit-demeaned with the rest; spreg's SDM impacts keep the SAR direct multiplier (direct = beta_k
  tr(A^-1)/N, no theta_k tr(A^-1 W)/N term), total = (beta_k + theta_k)/(1 - rho).
- the deprecated Panel_FE_Lag / Panel_FE_Error concentrate with ln(e'e) instead of ln(e'e/NT) and do not
  add NT/2 ln(NT) back, so their logll (and AIC) are lower than ML_LagFE's / ML_ErrorFE's by exactly
  NT/2 ln(NT) while the estimates are the same; the fixture records both and the offset.
- "two-way via spreg": the same ML_LagFE / ML_ErrorFE called on two-way demeaned data (y_it - ybar_i. -
  ybar_.t + ybar, same for x); spreg's own unit demeaning leaves such data unchanged, so this is the direct
  approach with W applied to the DEMEANED y (W y~), which differs from demeaning W y when W is not doubly
  stochastic (1'W != 1'); see docs/estimators/spatial-conventions.md.

Run: python3 validation/spatial_panel.py
"""
import math
import os
import warnings

import numpy as np
import libpysal
import spreg

from provenance import data_hash, write_fixture

N, T, K_NEIGHBOURS = 60, 6, 5
RHO, LAMBDA, BETA = 0.4, 0.5, (1.0, -0.5)
THETA = (0.3, -0.2)            # SDM: coefficients of W x1, W x2
SAC_RHO, SAC_LAMBDA = 0.3, 0.4
SEED = 20261207
PURPOSES = ["coordinates", "unit_effects", "x1", "x2", "eps_sar", "e_sem", "eps_sdm", "e_sac"]


def streams():
    children = np.random.SeedSequence(SEED).spawn(len(PURPOSES))
    return {p: np.random.default_rng(c) for p, c in zip(PURPOSES, children)}


def knn_edges(coords, k):
    d = np.sqrt(((coords[:, None, :] - coords[None, :, :]) ** 2).sum(-1))
    np.fill_diagonal(d, np.inf)
    edges = []
    for i in range(len(coords)):
        order = np.argsort(d[i], kind="stable")
        if not d[i, order[k]] - d[i, order[k - 1]] > 1e-6:
            raise SystemExit("distance tie at unit %d" % i)
        edges += [(i + 1, int(j) + 1) for j in sorted(order[:k])]
    return edges


def generate():
    r = streams()
    coords = np.round(r["coordinates"].uniform(0, 10, size=(N, 2)), 6)
    edges = knn_edges(coords, K_NEIGHBOURS)
    C = np.zeros((N, N))
    for i, j in edges:
        C[i - 1, j - 1] = 1.0
    W = C / C.sum(1, keepdims=True)
    mu = r["unit_effects"].normal(size=N)
    gamma = np.array([0.2 * t + 0.5 * math.sin(t) for t in range(1, T + 1)])
    x1 = 0.6 * mu[None, :] + 0.3 * gamma[:, None] + r["x1"].normal(size=(T, N))
    x2 = r["x2"].normal(size=(T, N))
    eps = r["eps_sar"].normal(size=(T, N))
    e = r["e_sem"].normal(size=(T, N))
    eps_sdm = r["eps_sdm"].normal(size=(T, N))
    e_sac = r["e_sac"].normal(size=(T, N))
    x1, x2 = np.round(x1, 10), np.round(x2, 10)
    A = np.eye(N) - RHO * W
    B = np.eye(N) - LAMBDA * W
    A_sac = np.eye(N) - SAC_RHO * W
    B_sac = np.eye(N) - SAC_LAMBDA * W
    y_sar, y_sem, y_sdm, y_sac = (np.empty((T, N)) for _ in range(4))
    for t in range(T):
        mean = BETA[0] * x1[t] + BETA[1] * x2[t] + mu + gamma[t]
        y_sar[t] = np.linalg.solve(A, mean + eps[t])
        y_sem[t] = mean + np.linalg.solve(B, e[t])
        y_sdm[t] = np.linalg.solve(A, mean + THETA[0] * (W @ x1[t]) + THETA[1] * (W @ x2[t]) + eps_sdm[t])
        y_sac[t] = np.linalg.solve(A_sac, mean + np.linalg.solve(B_sac, e_sac[t]))
    ys = {"y_sar": y_sar, "y_sem": y_sem, "y_sdm": y_sdm, "y_sac": y_sac}
    return coords, edges, W, {k: np.round(v, 10) for k, v in ys.items()}, x1, x2


def two_way_demean(a):
    """a is T x N: a_it - abar_i. - abar_.t + abar."""
    return a - a.mean(0, keepdims=True) - a.mean(1, keepdims=True) + a.mean()


def stack(a):
    """T x N -> NT x 1, time-major (spreg's long format: rows 0..N-1 are period 1)."""
    return a.reshape(-1, 1)


def spreg_weights(edges):
    neighbours = {i: [] for i in range(N)}
    for i, j in edges:
        neighbours[i - 1].append(j - 1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        w = libpysal.weights.W(neighbours, id_order=list(range(N)))
    w.transform = "r"
    return w


def lag_block(reg, call, names, note_logll):
    betas = reg.betas.ravel()
    vm = np.asarray(reg.vm)
    vm1 = np.asarray(reg.vm1)
    k = len(names)
    out = {
        "call": call,
        "coefficient_names": names,
        "coefficients": dict(zip(names, betas[:k].tolist())),
        "standard_errors": dict(zip(names, np.sqrt(np.diag(vm))[:k].tolist())),
        "rho": float(reg.rho),
        "rho_se": float(math.sqrt(vm[k, k])),
        "sigma2": float(np.asarray(reg.sig2).ravel()[0]),
        "sigma2_divisor": "N*T",
        "log_likelihood": float(np.asarray(reg.logll).ravel()[0]),
        "log_likelihood_note": note_logll,
        "aic": float(np.asarray(reg.aic).ravel()[0]),
        "schwarz": float(np.asarray(reg.schwarz).ravel()[0]),
        "k_in_aic": int(reg.k),
        "covariance_parameter_order": names + ["rho", "sigma2"],
        "covariance": vm1.tolist(),
        "se_method": "inverse of the analytic information matrix in (beta, rho, sigma2) with T-multiplied traces (direct approach, no Lee-Yu correction)",
    }
    return out


def error_block(reg, call, names, note_logll):
    betas = reg.betas.ravel()
    vm = np.asarray(reg.vm)
    vm1 = np.asarray(reg.vm1)
    k = len(names)
    lam = float(np.asarray(reg.lam).ravel()[0])
    return {
        "call": call,
        "coefficient_names": names,
        "coefficients": dict(zip(names, betas[:k].tolist())),
        "standard_errors": dict(zip(names, np.sqrt(np.diag(vm))[:k].tolist())),
        "lambda": lam,
        "lambda_se": float(math.sqrt(vm[k, k])),
        "sigma2": float(np.asarray(reg.sig2).ravel()[0]),
        "sigma2_divisor": "N*T",
        "log_likelihood": float(np.asarray(reg.logll).ravel()[0]),
        "log_likelihood_note": note_logll,
        "aic": float(np.asarray(reg.aic).ravel()[0]),
        "schwarz": float(np.asarray(reg.schwarz).ravel()[0]),
        "k_in_aic": int(reg.k),
        "covariance_beta": np.asarray(reg.varb).tolist(),
        "covariance_lambda_sigma2": vm1.tolist(),
        "covariance_lambda_sigma2_order": ["lambda", "sigma2"],
        "se_method": "beta: s2 (X*'X*)^-1, X* = X~ - lambda (I_T (x) W) X~; lambda: inverse of the 2x2 analytic information in (lambda, sigma2) with T-multiplied traces (block diagonal with beta)",
    }


def main():
    coords, edges, W, ys, x1, x2 = generate()
    y_sar, y_sem, y_sdm, y_sac = ys["y_sar"], ys["y_sem"], ys["y_sdm"], ys["y_sac"]
    w = spreg_weights(edges)
    knn = libpysal.weights.KNN(coords, k=K_NEIGHBOURS)
    knn_edges_libpysal = sorted((i + 1, j + 1) for i in range(N) for j in knn.neighbors[i])
    if knn_edges_libpysal != sorted(edges):
        raise SystemExit("libpysal KNN differs from the numpy k-nearest neighbours")
    if not np.allclose(w.full()[0], W, rtol=0, atol=1e-15):
        raise SystemExit("libpysal row-standardised W differs")
    X = np.column_stack([stack(x1), stack(x2)])
    names = ["x1", "x2"]
    epsilon = 1e-12
    NT = N * T
    offset = NT / 2 * math.log(NT)
    models = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        lag = spreg.ML_LagFE(stack(y_sar), X, w, epsilon=epsilon, spat_impacts="full", name_x=names, name_y="y_sar")
        err = spreg.ML_ErrorFE(stack(y_sem), X, w, epsilon=epsilon, name_x=names, name_y="y_sem")
        old_lag = spreg.Panel_FE_Lag(stack(y_sar), X, w, epsilon=epsilon, name_x=names, name_y="y_sar")
        old_err = spreg.Panel_FE_Error(stack(y_sem), X, w, epsilon=epsilon, name_x=names, name_y="y_sem")
        Xtw = np.column_stack([stack(two_way_demean(x1)), stack(two_way_demean(x2))])
        lag2 = spreg.ML_LagFE(stack(two_way_demean(y_sar)), Xtw, w, epsilon=epsilon, spat_impacts="full", name_x=names, name_y="y_sar")
        err2 = spreg.ML_ErrorFE(stack(two_way_demean(y_sem)), Xtw, w, epsilon=epsilon, name_x=names, name_y="y_sem")
        sdm = spreg.ML_LagFE(stack(y_sdm), X, w, slx_lags=1, epsilon=epsilon, spat_impacts="full", name_x=names, name_y="y_sdm")
        sdem = spreg.ML_ErrorFE(stack(y_sem), X, w, slx_lags=1, epsilon=epsilon, name_x=names, name_y="y_sem")
    ok_note = "-NT/2 ln(2 pi) - NT/2 ln(sigma2) - NT/2 + T ln|I - rho W|, sigma2 = e'e/(NT)"
    old_note = "spreg's deprecated class: the same expression minus NT/2 ln(NT) (it concentrates with ln(e'e), not ln(e'e/NT)); add %r to compare" % offset
    models["ml_lag_fe"] = lag_block(lag, "spreg.ML_LagFE(y_sar, [x1, x2], w (KNN k=5, transform 'r'), epsilon=1e-12, spat_impacts='full')", names, ok_note)
    spm = lag.sp_multipliers["full"]
    b = lag.betas.ravel()[:2]
    models["ml_lag_fe"]["impacts"] = {
        "method": "spreg spmultiplier 'full': direct = beta_k tr((I - rho W)^-1)/N, total = beta_k/(1 - rho), indirect = total - direct",
        "direct": dict(zip(names, (spm[0] * b).tolist())),
        "indirect": dict(zip(names, (spm[1] * b).tolist())),
        "total": dict(zip(names, (spm[2] * b).tolist())),
    }
    models["ml_error_fe"] = error_block(err, "spreg.ML_ErrorFE(y_sem, [x1, x2], w, epsilon=1e-12)", names, ok_note.replace("rho", "lambda"))
    models["panel_fe_lag_deprecated"] = lag_block(old_lag, "spreg.Panel_FE_Lag(y_sar, [x1, x2], w, epsilon=1e-12) (deprecated in spreg 1.9.0)", names, old_note)
    models["panel_fe_lag_deprecated"]["log_likelihood_offset_vs_ml_lag_fe"] = models["panel_fe_lag_deprecated"]["log_likelihood"] - models["ml_lag_fe"]["log_likelihood"]
    models["panel_fe_error_deprecated"] = error_block(old_err, "spreg.Panel_FE_Error(y_sem, [x1, x2], w, epsilon=1e-12) (deprecated in spreg 1.9.0)", names, old_note)
    models["panel_fe_error_deprecated"]["log_likelihood_offset_vs_ml_error_fe"] = models["panel_fe_error_deprecated"]["log_likelihood"] - models["ml_error_fe"]["log_likelihood"]
    models["ml_lag_fe_two_way_demeaned_input"] = lag_block(lag2, "spreg.ML_LagFE on two-way demeaned y_sar, x1, x2 (W applied to the demeaned y)", names, ok_note)
    models["ml_error_fe_two_way_demeaned_input"] = error_block(err2, "spreg.ML_ErrorFE on two-way demeaned y_sem, x1, x2 (W applied to the demeaned residual)", names, ok_note.replace("rho", "lambda"))
    durbin_names = names + ["W_x1", "W_x2"]
    models["ml_lag_fe_durbin"] = lag_block(sdm, "spreg.ML_LagFE(y_sdm, [x1, x2], w, slx_lags=1, epsilon=1e-12, spat_impacts='full') (SDM; W x from the raw x, then unit-demeaned)", durbin_names, ok_note)
    spm = sdm.sp_multipliers["full"]
    b = sdm.betas.ravel()[:4]
    direct = spm[0] * b[:2]
    total = spm[2] * (b[:2] + b[2:])
    models["ml_lag_fe_durbin"]["impacts"] = {
        "method": "spreg _sp_effects with spmultiplier 'full': direct = beta_k tr((I - rho W)^-1)/N, total = (beta_k + theta_k)/(1 - rho), indirect = total - direct. spreg 'assumes all SLX effects are indirect': its direct effect omits theta_k tr((I - rho W)^-1 W)/N, so it is NOT LeSage-Pace's direct effect for the SDM (total is)",
        "direct": dict(zip(names, direct.tolist())),
        "indirect": dict(zip(names, (total - direct).tolist())),
        "total": dict(zip(names, total.tolist())),
    }
    models["ml_error_fe_durbin"] = error_block(sdem, "spreg.ML_ErrorFE(y_sem, [x1, x2], w, slx_lags=1, epsilon=1e-12) (SDEM)", durbin_names, ok_note.replace("rho", "lambda"))
    columns = ["unit", "time", "y_sar", "y_sem", "x1", "x2", "y_sdm", "y_sac"]
    rows = [[i + 1, t + 1, float(y_sar[t, i]), float(y_sem[t, i]), float(x1[t, i]), float(x2[t, i]), float(y_sdm[t, i]), float(y_sac[t, i])]
            for t in range(T) for i in range(N)]
    data_values = [v for row in rows for v in row]
    data_values += [v for c in coords for v in c] + [v for e in edges for v in e]
    payload = {
        "data_sha256_of": "provenance.data_hash of (unit, time, y_sar, y_sem, x1, x2, y_sdm, y_sac for every row in order), then the coordinates (x, y per unit), then the edges (from, to)",
        "libpysal": libpysal.__version__,
        "numpy": np.__version__,
        "dgp": {
            "seed": SEED,
            "streams": "numpy SeedSequence(seed).spawn(6) in the order " + ", ".join(PURPOSES) + "; default_rng on each",
            "N": N, "T": T, "k_neighbours": K_NEIGHBOURS,
            "rho": RHO, "lambda": LAMBDA, "beta": {"x1": BETA[0], "x2": BETA[1]}, "theta_sdm": {"x1": THETA[0], "x2": THETA[1]}, "sac_rho": SAC_RHO, "sac_lambda": SAC_LAMBDA,
            "equations": "y_sar_t = (I - rho W)^-1 (x1_t b1 + x2_t b2 + mu + gamma_t + eps_t); y_sem_t = x1_t b1 + x2_t b2 + mu + gamma_t + (I - lambda W)^-1 e_t; y_sdm_t = (I - rho W)^-1 (x1_t b1 + x2_t b2 + W x1_t t1 + W x2_t t2 + mu + gamma_t + eps_sdm_t); y_sac_t = (I - sac_rho W)^-1 (x1_t b1 + x2_t b2 + mu + gamma_t + (I - sac_lambda W)^-1 e_sac_t); gamma_t = 0.2 t + 0.5 sin t; x1 = 0.6 mu + 0.3 gamma_t + N(0,1); x2 = N(0,1); values rounded to 10 decimals",
        },
        "data": {
            "layout": "long, sorted by time then unit (time-major, spreg's stacking); unit and time are 1-based",
            "columns": columns,
            "rows": rows,
        },
        "weights": {
            "style": "binary-edges",
            "construction": "k = 5 nearest neighbours (Euclidean) of each unit's coordinates; asymmetric",
            "unit_id": "unit (1-based, row of coordinates)",
            "coordinates": coords.tolist(),
            "edges": [list(e) for e in edges],
            "edge_count": len(edges),
            "standardisation": "row: w_ij = 1/5",
        },
        "fixed_effects_removed_by_spreg": "individual (unit) only: (I_T - 11'/T) kron I_N on the time-major stack; no time effects, no intercept",
        "log_likelihood_offset_deprecated": offset,
        "models": models,
    }
    write_fixture("spreg", "panel_fe", "spreg", spreg.__version__, __file__, data_hash(data_values), payload)
    for key in ("ml_lag_fe", "ml_error_fe", "ml_lag_fe_two_way_demeaned_input", "ml_error_fe_two_way_demeaned_input", "ml_lag_fe_durbin", "ml_error_fe_durbin"):
        m = models[key]
        print("%-36s %s=%.12f se=%.12f LL=%.10f s2=%.10f b=%s" % (key, "rho" if "rho" in m else "lambda", m.get("rho", m.get("lambda")),
              m.get("rho_se", m.get("lambda_se")), m["log_likelihood"], m["sigma2"], [round(v, 10) for v in m["coefficients"].values()]))


if __name__ == "__main__":
    main()
