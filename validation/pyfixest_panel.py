"""Oracle for hetfirm's panel operators, observation weights and panel HAC covariances (issue 13).

Writes two panels (numpy, fixed seed) and fits every case with pyfixest.feols:

- `panel_unbalanced.csv`: 60 firms over 2001-2012, each observed on one contiguous run of years
  (entry and exit differ), so a lag is the previous row of the firm. Columns: firm, year, region
  (cluster not nested in firm), x1, x2 (AR(1) regressors), y (with a firm effect, a year effect and
  AR(1) errors), ypos and xpos (positive, for logs), w (analytic weights, some exactly 0).
Weights: pyfixest refuses a weight of 0 (`_get_weights`), so the weighted cases give it the rows with
w > 0; hetfirm gets the whole file and drops the zero-weight rows itself.
- `panel_gaps.csv`: the same design with holes inside firms' series (a firm missing 2005, …).

pyfixest has no l()/f()/d(): each hetfirm formula is fitted by pyfixest on columns this script builds
by matching (firm, year - k) exactly (pandas merge), so a gap gives a missing lag. The fixture records
both formulas. pyfixest's panel Newey-West pairs a firm's observations by position in its sorted
series, hetfirm by time value: they agree when no firm has a gap, which holds in `panel_unbalanced`.
On `panel_gaps` the HAC cases are checked against a reference written here (time-value pairing,
`hac_reference`), and pyfixest's positional value is recorded beside it for the documentation.
"""
import hashlib
import json
import os
import sys

import numpy as np
import pandas as pd
import pyfixest as pf

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from provenance import FIXTURES, write_fixture  # noqa: E402

DATA = os.path.join(FIXTURES, "pyfixest", "data")


def make_panel(seed, gaps):
    rng = np.random.default_rng(seed)
    rows = []
    years = np.arange(2001, 2013)
    year_effect = rng.normal(scale=0.5, size=len(years))
    for firm in range(60):
        start = int(rng.integers(0, 4))
        end = len(years) - int(rng.integers(0, 4))
        alpha = rng.normal()
        x1 = x2 = e = 0.0
        region = int(rng.integers(0, 7))
        for position in range(start, end):
            x1 = 0.6 * x1 + rng.normal()
            x2 = 0.3 * x2 + rng.normal()
            e = 0.5 * e + rng.normal()
            if gaps and firm % 7 == 3 and position in (start + 3, start + 4):
                continue
            if gaps and firm % 11 == 5 and position == start + 6:
                continue
            y = alpha + year_effect[position] + 1.5 * x1 - 0.7 * x2 + 0.4 * x1 * x2 + e
            xpos = float(np.exp(0.3 * x1))
            ypos = float(np.exp(0.2 * y / 3))
            w = 0.0 if rng.uniform() < 0.05 else float(rng.uniform(0.2, 3.0))
            rows.append({"firm": f"F{firm:03d}", "year": int(years[position]), "region": region,
                         "x1": x1, "x2": x2, "y": y, "ypos": ypos, "xpos": xpos, "w": w})
    frame = pd.DataFrame(rows)
    # Shuffle the rows: the estimator must not rely on the file's order.
    return frame.sample(frac=1.0, random_state=seed).reset_index(drop=True)


def shifted(frame, column, k):
    """frame[column] at (firm, year - k); NaN where that row does not exist (a gap or the edge)."""
    source = frame[["firm", "year", column]].copy()
    source["year"] = source["year"] + k
    merged = frame[["firm", "year"]].merge(source, on=["firm", "year"], how="left")
    return merged[column].to_numpy()


def add_operators(frame):
    out = frame.copy()
    for k in (1, 2):
        out[f"L{k}_x1"] = shifted(frame, "x1", k)
    out["L1_y"] = shifted(frame, "y", 1)
    out["D_y"] = frame["y"] - out["L1_y"]
    out["F1_x2"] = shifted(frame, "x2", -1)
    out["L1_logxpos"] = np.log(shifted(frame, "xpos", 1))
    out["logypos"] = np.log(frame["ypos"])
    out["D2_x2"] = frame["x2"] - shifted(frame, "x2", 2)
    # pyfixest's panel HAC needs a numeric panel id (it takes differences of the sorted ids).
    out["firm_code"] = pd.factorize(frame["firm"])[0]
    return out


# hetfirm formula -> pyfixest formula on the built columns
OPERATOR_CASES = [
    ("y ~ x1 + l(x1, 1) + x2 | firm + year", "y ~ x1 + L1_x1 + x2 | firm + year"),
    ("d(y) ~ l(x1, 0:2) + f(x2) | firm", "D_y ~ x1 + L1_x1 + L2_x1 + F1_x2 | firm"),
    ("log(ypos) ~ l(log(xpos), 1) + d(x2, 2)", "logypos ~ L1_logxpos + D2_x2"),
    ("y ~ l(y) + x1 | firm + year", "y ~ L1_y + x1 | firm + year"),
]
OPERATOR_VCOVS = ["iid", "hetero", {"CRV1": "firm"}, {"CRV1": "region"}]

WEIGHT_CASES = [
    "y ~ x1 + x2 | firm + year",
    "y ~ x1 + x2",
    "y ~ x1 | firm",
]
WEIGHT_VCOVS = ["iid", "hetero", {"CRV1": "firm"}, {"CRV1": "region"}]

IV_CASES = ["y ~ x2 | firm | x1 ~ ypos", "y ~ x2 | x1 ~ ypos"]

HAC_CASES = ["y ~ x1 + x2 | firm + year", "y ~ x1 + x2", "y ~ x1 + L1_x1 | firm"]
HAC_VCOVS = [("NW", 2), ("DK", 2), ("NW", None), ("DK", None), ("NW", 0), ("DK", 5)]


def vcov_text(vcov):
    if isinstance(vcov, dict):
        return "cluster=" + next(iter(vcov.values()))
    return {"iid": "iid", "hetero": "hc1"}[vcov]


def result_payload(fit):
    names = list(fit.coef().index)
    vc = fit._vcov
    return {
        "coefficient_names": names,
        "coefficients": {n: float(v) for n, v in fit.coef().items()},
        "standard_errors": {n: float(v) for n, v in fit.se().items()},
        "vcov_matrix": [float(v) for v in np.asarray(vc).ravel()],
        "nobs": int(fit._N),
        "df_t": float(fit._df_t),
    }


def check_against_lstsq(fit, frame, formula, weights=None):
    """Slopes re-solved with numpy on explicit dummies: guards the oracle against itself."""
    lhs, rhs = formula.split("~")
    parts = rhs.split("|")
    regressors = [t.strip() for t in parts[0].split("+")]
    fes = [t.strip() for t in parts[1].split("+")] if len(parts) > 1 else []
    cols = [lhs.strip()] + regressors + fes + (["w"] if weights else [])
    d = frame[cols].dropna()
    if weights:
        d = d[d["w"] > 0]
    X = d[regressors].to_numpy()
    design = [X]
    if fes:
        for fe in fes:
            design.append(pd.get_dummies(d[fe], drop_first=bool(design[1:] or True)).to_numpy(dtype=float))
    design.append(np.ones((len(d), 1)))
    A = np.hstack(design)
    yv = d[lhs.strip()].to_numpy()
    if weights:
        s = np.sqrt(d["w"].to_numpy())
        A = A * s[:, None]
        yv = yv * s
    beta = np.linalg.lstsq(A, yv, rcond=None)[0][: len(regressors)]
    ours = fit.coef().to_numpy()[-len(regressors):] if "Intercept" in fit.coef().index else fit.coef().to_numpy()
    assert np.allclose(beta, ours, rtol=1e-9, atol=1e-11), (formula, beta, ours)


def bartlett(j, lags):
    return 1.0 - j / (lags + 1.0)


def hac_reference(fit, frame, kind, lags):
    """V = (n-1)/(n-K) * T/(T-1) * B M B with lags paired by time value (hetfirm's definition)."""
    used = fit._data  # the estimation sample, in pyfixest's row order
    scores = np.asarray(fit._scores)
    bread = np.asarray(fit._bread)
    firms = used["firm"].to_numpy()
    years = used["year"].to_numpy()
    periods = np.unique(years)
    if lags is None:
        lags = int(np.floor(len(periods) ** 0.25))
    k = scores.shape[1]
    meat = np.zeros((k, k))
    if kind == "NW":
        for firm in np.unique(firms):
            idx = np.where(firms == firm)[0]
            idx = idx[np.argsort(years[idx])]
            for a in range(len(idx)):
                meat += np.outer(scores[idx[a]], scores[idx[a]])
                for b in range(a):
                    j = years[idx[a]] - years[idx[b]]
                    if 0 < j <= lags:
                        g = np.outer(scores[idx[a]], scores[idx[b]])
                        meat += bartlett(j, lags) * (g + g.T)
    else:
        sums = {t: scores[years == t].sum(axis=0) for t in periods}
        for t in periods:
            meat += np.outer(sums[t], sums[t])
            for s in periods:
                j = t - s
                if 0 < j <= lags:
                    g = np.outer(sums[t], sums[s])
                    meat += bartlett(j, lags) * (g + g.T)
    n = scores.shape[0]
    dfk = fit._df_k
    factor = (n - 1) / (n - dfk) * len(periods) / (len(periods) - 1)
    vcov = factor * bread @ meat @ bread
    return vcov, lags


def hac_name(kind, lags):
    return kind.lower() + ("" if lags is None else f"={lags}")


def run(name, frame):
    path = os.path.join(DATA, name + ".csv")
    frame.to_csv(path, index=False, float_format="%.17g")
    with open(path, "rb") as handle:
        digest = hashlib.sha256(handle.read()).hexdigest()
    data = add_operators(pd.read_csv(path))
    cases = []
    for ours, theirs in OPERATOR_CASES:
        for vcov in OPERATOR_VCOVS:
            fit = pf.feols(theirs, data=data, vcov=vcov, fixef_rm="none",
                           demeaner=pf.MapDemeaner(fixef_tol=1e-14, fixef_maxiter=100000))
            check_against_lstsq(fit, data, theirs)
            entry = {"kind": "operators", "formula": ours, "pyfixest_formula": theirs, "vcov": vcov_text(vcov)}
            entry.update(result_payload(fit))
            entry["name_map"] = dict(zip(fit.coef().index, fit.coef().index))
            cases.append(entry)
    for formula in WEIGHT_CASES:
        for vcov in WEIGHT_VCOVS:
            # pyfixest refuses a weight of 0; hetfirm drops those rows itself, so pyfixest gets the rest.
            fit = pf.feols(formula, data=data[data["w"] > 0], vcov=vcov, weights="w", fixef_rm="none",
                           demeaner=pf.MapDemeaner(fixef_tol=1e-14, fixef_maxiter=100000))
            check_against_lstsq(fit, data, formula, weights=True)
            entry = {"kind": "weights", "formula": formula, "pyfixest_formula": formula, "vcov": vcov_text(vcov),
                     "weights": "w"}
            entry.update(result_payload(fit))
            cases.append(entry)
    for formula in IV_CASES:
        for vcov in WEIGHT_VCOVS[:3]:
            fit = pf.feols(formula, data=data[data["w"] > 0], vcov=vcov, weights="w", fixef_rm="none",
                           demeaner=pf.MapDemeaner(fixef_tol=1e-14, fixef_maxiter=100000))
            entry = {"kind": "iv-weights", "formula": formula, "pyfixest_formula": formula, "vcov": vcov_text(vcov),
                     "weights": "w"}
            entry.update(result_payload(fit))
            cases.append(entry)
        # IV with NW/DK is not recorded: pyfixest 0.60.0 raises KeyError(None) inside feols for it.
    for theirs in HAC_CASES:
        ours = theirs.replace("L1_x1", "l(x1, 1)")
        for kind, lags in HAC_VCOVS:
            kwargs = {"time_id": "year", "panel_id": "firm_code"}
            if lags is not None:
                kwargs["lag"] = lags
            fit = pf.feols(theirs, data=data, vcov=kind, vcov_kwargs=kwargs, fixef_rm="none",
                           demeaner=pf.MapDemeaner(fixef_tol=1e-14, fixef_maxiter=100000))
            reference, used_lags = hac_reference(fit, data, kind, lags)
            entry = {"kind": "hac", "formula": ours, "pyfixest_formula": theirs, "vcov": hac_name(kind, lags),
                     "lags_used": used_lags}
            entry.update(result_payload(fit))
            names = list(fit.coef().index)
            reference_se = {n: float(np.sqrt(reference[i, i])) for i, n in enumerate(names)}
            entry["reference_standard_errors"] = reference_se
            pyfixest_se = entry["standard_errors"]
            entry["pyfixest_matches_reference"] = bool(all(
                abs(pyfixest_se[n] - reference_se[n]) <= 1e-10 * abs(reference_se[n]) for n in names))
            cases.append(entry)
    write_fixture("pyfixest", name, "pyfixest", pf.__version__, __file__, digest, {
        "csv": f"Tests/Fixtures/pyfixest/data/{name}.csv",
        "panel": ["firm", "year"],
        "cases": cases,
    })
    mismatched = [c["formula"] + " " + c["vcov"] for c in cases if c["kind"] == "hac" and not c["pyfixest_matches_reference"]]
    print(name, "HAC cases where pyfixest (positional lags) differs from the time-value reference:", len(mismatched))


if __name__ == "__main__":
    os.makedirs(DATA, exist_ok=True)
    run("panel_unbalanced", make_panel(20261207, gaps=False))
    run("panel_gaps", make_panel(20261208, gaps=True))
