"""Oracles for hetfirm's 2SLS with absorbed fixed effects (Estimation/IV): linearmodels and pyfixest.

Writes two data sets under Tests/Fixtures/linearmodels/data/ and the fixtures
Tests/Fixtures/linearmodels/iv_no_fe.json, Tests/Fixtures/linearmodels/iv_fe_dummies.json and
Tests/Fixtures/pyfixest/iv_fe.json.

Small-sample conventions (each case records which):
- linearmodels IV2SLS, cov_type="unadjusted": V = s² (X̂'X̂)⁻¹ with s² = u'u/n (debiased=False) or
  u'u/(n − k) (debiased=True). "robust": HC0, times n/(n − k) if debiased. "clustered": no factor, or
  G/(G − 1) · (n − 1)/(n − k) if debiased. debiased=True is fixest's iid / HC1 / CRV1 convention
  (k = all second-stage coefficients incl. the intercept), so hetfirm's defaults match it.
- pyfixest feols IV: iid RSS/(n − K) (X̂'X̂)⁻¹, hetero n/(n − K), CRV1 G/(G − 1)(n − 1)/(n − K), K = k + Σ FE
  levels − (#FE − 1) ("nonnested" with clusters; unit is nested in the unit cluster, so K = k + year levels).
  First-stage F: Wald test of the excluded instruments with the first stage's vcov (same type), / #instruments.
- Diagnostics with fixed effects come from linearmodels IV2SLS on explicit unit and year dummies (full unit
  dummies, year dummies without the first level): 2SLS, Sargan, Durbin, Wu-Hausman, Cragg-Donald and the
  first-stage partial R² are then the within (FE-demeaned) statistics; the dummy count equals fixest's count
  of absorbed parameters (one connected component), so the Wu-Hausman df and Cragg-Donald n − L − k match.
- Hansen J (with FE: on the variables demeaned by least squares on the dummies): linearmodels IVGMM (two-step, weight_type robust / clustered, uncentered weight matrix from the
  2SLS residuals without small-sample factor): J = (Z'u₂)' S⁻¹ (Z'u₂), S = Σ z z' u²_2SLS (or cluster sums).

Run: python3 validation/iv_oracles.py
"""
import hashlib
import os

import numpy as np
import pandas as pd
import pyfixest as pf
import linearmodels
from linearmodels.iv import IV2SLS, IVGMM

from provenance import FIXTURES, write_fixture

REPO = os.path.abspath(os.path.join(FIXTURES, "..", ".."))
DATA = os.path.join(FIXTURES, "linearmodels", "data")
DEMEANER = pf.MapDemeaner(fixef_tol=1e-14, fixef_maxiter=100_000)


def make_no_fe(rng):
    n = 500
    g = rng.integers(0, 25, n)
    x1, x2 = rng.normal(size=n), rng.normal(size=n)
    z1, z2, z3 = rng.normal(size=n), rng.normal(size=n), rng.normal(size=n)
    shock = rng.normal(size=25)[g]
    e = rng.normal(size=n) * (1 + 0.5 * np.abs(x1)) + 0.5 * shock
    v1, v2 = 0.6 * e + rng.normal(size=n), -0.4 * e + rng.normal(size=n)
    d1 = 0.5 + 0.8 * z1 + 0.4 * z2 + 0.3 * x1 + v1
    d2 = -0.2 + 0.3 * z1 + 0.9 * z3 + 0.2 * x2 + v2
    y = 1.0 + 1.5 * d1 - 0.7 * d2 + 0.5 * x1 - 0.3 * x2 + e
    return pd.DataFrame({"y": y, "d1": d1, "d2": d2, "x1": x1, "x2": x2, "z1": z1, "z2": z2, "z3": z3, "g": g})


def make_fe(rng):
    units, years = 80, 8
    unit = np.repeat(np.arange(units), years)
    year = np.tile(np.arange(2000, 2000 + years), units)
    n = len(unit)
    a, b = rng.normal(size=units)[unit], rng.normal(size=years)[year - 2000]
    x = rng.normal(size=n) + 0.5 * a
    z1, z2 = rng.normal(size=n) + 0.3 * b, rng.normal(size=n)
    e = rng.normal(size=n) * (1 + 0.5 * np.abs(x)) + 0.4 * rng.normal(size=units)[unit]
    d = 0.7 * z1 + 0.5 * z2 + 0.3 * x + a - b + 0.6 * e + rng.normal(size=n)
    y = 2.0 * d - 0.5 * x + a + b + e
    frame = pd.DataFrame({"y": y, "d": d, "x": x, "z1": z1, "z2": z2, "unit": unit, "year": year})
    frame.loc[[5, 77, 300], "z2"] = np.nan   # rows dropped for a missing instrument
    return frame.iloc[:-7].reset_index(drop=True)  # unit 79 keeps one row: a singleton


def write_csv(frame, name):
    os.makedirs(DATA, exist_ok=True)
    path = os.path.join(DATA, name + ".csv")
    frame.to_csv(path, index=False, float_format="%.17g")
    with open(path, "rb") as handle:
        sha = hashlib.sha256(handle.read()).hexdigest()
    return pd.read_csv(path), os.path.relpath(path, REPO), sha


def stat(test):
    return {"stat": float(test.stat), "df": int(test.df), "pval": float(test.pval)}


def lm_case(res, label, formula, vcov, debiased, names):
    case = {"label": label, "formula": formula, "vcov": vcov, "debiased": debiased,
            "coefficients": {n: float(res.params[n]) for n in names},
            "standard_errors": {n: float(res.std_errors[n]) for n in names}, "nobs": int(res.nobs)}
    return case


def lm_diagnostics(res, endog, instruments, frame, dep, exog, clusters, gmm_frame=None):
    fs = res.first_stage
    diag = fs.diagnostics
    out = {"sargan": stat(res.sargan), "durbin": stat(res.durbin()), "wu_hausman": stat(res.wu_hausman()),
           "cragg_donald_f": float(fs.cragg_donald_f),
           "first_stage": {e: {"partial_rsquared": float(diag.loc[e, "partial.rsquared"]),
                               "coefficients": {z: float(fs.individual[e].params[z]) for z in instruments}}
                           for e in endog}}
    for weight, config, key in [("robust", {}, "hansen_j_robust"), ("clustered", {"clusters": clusters}, "hansen_j_cluster")]:
        if gmm_frame is None:
            gmm = IVGMM(frame[dep], frame[exog], frame[endog], frame[instruments], weight_type=weight, **config)
        else:  # FE: GMM on the FE-demeaned variables, x the only exogenous regressor
            gmm = IVGMM(gmm_frame[dep], gmm_frame[["x"]], gmm_frame[endog], gmm_frame[instruments],
                        weight_type=weight, **config)
        out[key] = stat(gmm.fit(iter_limit=2).j_stat)
    return out


def no_fe(rng):
    frame, csv, sha = write_csv(make_no_fe(rng), "iv_no_fe")
    frame["const"] = 1.0
    cases, diagnostics = [], {}
    specs = [("y ~ x1 + x2 | d1 ~ z1 + z2", ["const", "x1", "x2"], ["d1"], ["z1", "z2"]),
             ("y ~ x1 + x2 | d1 + d2 ~ z1 + z2 + z3", ["const", "x1", "x2"], ["d1", "d2"], ["z1", "z2", "z3"])]
    for formula, exog, endog, instruments in specs:
        model = IV2SLS(frame["y"], frame[exog], frame[endog], frame[instruments])
        names = exog + endog
        for cov, kwargs, vcov in [("unadjusted", {}, "iid"), ("robust", {}, "hetero"),
                                  ("clustered", {"clusters": frame["g"]}, "CRV1:g")]:
            for debiased in (False, True):
                res = model.fit(cov_type=cov, debiased=debiased, **kwargs)
                cases.append(lm_case(res, f"{formula} [{cov}, debiased={debiased}]", formula, vcov, debiased, names))
        res = model.fit(cov_type="unadjusted", debiased=True)
        diagnostics[formula] = lm_diagnostics(res, endog, instruments, frame, "y", exog, frame["g"])
        # first-stage F under each vcov (fixest convention: debiased, Wald / #instruments), from OLS of d on [exog, z]
        diagnostics[formula]["first_stage_f"] = {}
        for e in endog:
            per = {}
            for cov, kwargs, vcov in [("unadjusted", {}, "iid"), ("robust", {}, "hetero"),
                                      ("clustered", {"clusters": frame["g"]}, "CRV1:g")]:
                ols = IV2SLS(frame[e], frame[exog + instruments], None, None).fit(cov_type=cov, debiased=True, **kwargs)
                b = ols.params[instruments].to_numpy()
                v = ols.cov.loc[instruments, instruments].to_numpy()
                per[vcov] = float(b @ np.linalg.solve(v, b) / len(instruments))
            diagnostics[formula]["first_stage_f"][e] = per
        # Kleibergen-Paap rk Wald F (linearmodels convention, robust) for the record
        robust = model.fit(cov_type="robust")
        diagnostics[formula]["kleibergen_paap_f_robust"] = float(robust.first_stage.kleibergen_paap_f)
    write_fixture("linearmodels", "iv_no_fe", "linearmodels", linearmodels.__version__, __file__, sha, {
        "csv": csv, "data_sha256_of": "bytes of the csv file",
        "conventions": "IV2SLS; debiased=True is fixest's convention (k includes the intercept); first_stage_f: "
                       "OLS of the endogenous on exog + instruments, debiased vcov, Wald/#instruments",
        "cases": cases, "diagnostics": diagnostics})


def fe(rng):
    frame, csv, sha = write_csv(make_fe(rng), "iv_fe")
    formula = "y ~ x | unit + year | d ~ z1 + z2"
    pf_cases = []
    for vcov in ["iid", "hetero", {"CRV1": "unit"}]:
        fit = pf.feols(formula, data=frame, vcov=vcov, demeaner=DEMEANER)
        fit.first_stage()
        names = [str(n) for n in fit._coefnames]
        pf_cases.append({
            "formula": formula, "vcov": vcov if isinstance(vcov, str) else "CRV1:unit",
            "coefficient_names": names,
            "coefficients": {n: float(fit.coef()[n]) for n in names},
            "standard_errors": {n: float(fit.se()[n]) for n in names},
            "nobs": int(fit._N), "df_k": int(fit._df_k), "df_t": float(fit._df_t),
            "first_stage_f": float(fit._f_stat_1st_stage),
            "first_stage_coefficients": {n: float(v) for n, v in fit._model_1st_stage.coef().items()},
        })
    write_fixture("pyfixest", "iv_fe", "pyfixest", pf.__version__, __file__, sha, {
        "csv": csv, "data_sha256_of": "bytes of the csv file",
        "conventions": "pyfixest defaults (fixest-style ssc: K = k + Σ levels − (#FE − 1), nonnested); "
                       "fixef_rm='singleton'; demeaner MapDemeaner(fixef_tol=1e-14); first_stage_f = Wald/#instruments "
                       "with the first stage's vcov",
        "cases": pf_cases})

    # Diagnostics through dummies (rows pyfixest used: complete cases, singleton removed).
    d = frame.dropna().reset_index(drop=True)
    counts = d["unit"].value_counts()
    d = d[d["unit"].map(counts) > 1].reset_index(drop=True)
    dummies = pd.concat([pd.get_dummies(d["unit"], prefix="u", dtype=float),
                         pd.get_dummies(d["year"], prefix="t", dtype=float, drop_first=True)], axis=1)
    exog = pd.concat([d[["x"]], dummies], axis=1)
    full = pd.concat([d, dummies], axis=1)
    model = IV2SLS(d["y"], exog, d[["d"]], d[["z1", "z2"]])
    res = model.fit(cov_type="unadjusted", debiased=True)
    gap = abs(res.params["d"] - pf_cases[0]["coefficients"]["d"]) / abs(pf_cases[0]["coefficients"]["d"])
    assert gap < 1e-9, gap
    D = dummies.to_numpy()
    demeaned = pd.DataFrame({c: d[c].to_numpy() - D @ np.linalg.lstsq(D, d[c].to_numpy(), rcond=None)[0]
                             for c in ["y", "d", "x", "z1", "z2"]})
    diagnostics = lm_diagnostics(res, ["d"], ["z1", "z2"], full, "y", list(exog.columns), d["unit"], demeaned)
    write_fixture("linearmodels", "iv_fe_dummies", "linearmodels", linearmodels.__version__, __file__, sha, {
        "csv": csv, "data_sha256_of": "bytes of the csv file", "formula": formula, "nobs": int(len(d)),
        "conventions": "IV2SLS / IVGMM on explicit unit dummies + year dummies (first level dropped), complete "
                       "cases without the singleton unit; 2SLS coefficient cross-checked against pyfixest to 1e-9",
        "coefficients": {"d": float(res.params["d"]), "x": float(res.params["x"])},
        "diagnostics": diagnostics})


def main():
    rng = np.random.default_rng(20261121)
    no_fe(rng)
    fe(rng)


if __name__ == "__main__":
    main()
