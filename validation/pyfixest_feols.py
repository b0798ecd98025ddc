"""Oracle for hetfirm's fixed-effects OLS (FixedEffects, Covariance): pyfixest.feols.

Reads the CSVs written by fixest_datasets.py (pandas, float_precision="round_trip" so the doubles are
bit-identical to the file) and writes Tests/Fixtures/pyfixest/NAME.json with one entry per
(formula, vcov) case.

Conventions (see validation/README.md):
- default ssc (k_adj=True, k_fixef="nonnested", G_adj=True, G_df="min"), default fixef_rm="singleton"
  unless a case says otherwise.
- The demeaner tolerance is tightened to MapDemeaner(fixef_tol=1e-14, fixef_maxiter=100000);
  pyfixest's default (1e-6) leaves coefficient errors far above the 1e-8 target.
- pyfixest cannot cluster on "a^b", so three_fe carries a city_dest column (= 1000 city + dest);
  the normalized vcov names the interaction ("city^dest").
- Cross-check: every case's coefficients are recomputed with numpy.linalg.lstsq on explicit dummies
  for every fixed effect (complete cases, singletons kept: a singleton's own dummy fits it exactly,
  so the slope coefficients are the same) and must agree to 1e-9 relative.

Run: python3 validation/pyfixest_feols.py   (after fixest_datasets.py)
"""
import hashlib
import os
import re
import warnings

import numpy as np
import pandas as pd
import pyfixest as pf

from fixest_datasets import REPO, csv_path
from provenance import write_fixture

DEMEANER = pf.MapDemeaner(fixef_tol=1e-14, fixef_maxiter=100_000)
DEMEANER_TEXT = "pyfixest.MapDemeaner(fixef_tol=1e-14, fixef_maxiter=100000)"
CROSS_CHECK_RTOL = 1e-9
FIXEF_TOL = 1e-14  # scipy lsqr atol/btol for .fixef(); the default 1e-6 leaves ~1e-8 errors

IID, HETERO = "iid", "hetero"


def crv(cluster):
    return {"CRV1": cluster}


# name -> (regressor builders: coefficient name -> function of the data frame)
REGRESSORS = {
    "x1": lambda d: d["x1"],
    "x2": lambda d: d["x2"],
    "x1:x2": lambda d: d["x1"] * d["x2"],
    "log(z)": lambda d: np.log(d["z"]),
    "I(x1 ** 2)": lambda d: d["x1"] ** 2,
}

# data set -> list of (formula, [vcov...], options). options: fixef_rm, fixef (bool: store .fixef()).
CASES = {
    "balanced": [
        ("y ~ x1 + x2 | unit + year", [IID, HETERO, crv("unit")], {"fixef": True}),
        ("y ~ x1 + x2 | unit", [IID, HETERO, crv("unit")], {}),
        ("y ~ x1 + x2", [IID, HETERO, crv("unit")], {}),
    ],
    "unbalanced": [
        ("y ~ x1 + x2 | unit + year^group",
         [IID, HETERO, crv("unit"), crv("region"), crv("unit+region")], {}),
        ("y ~ x1 + x2 | unit + year^group", [IID, crv("unit")], {"fixef_rm": "none"}),
        ("y ~ x1 + x2 | unit", [IID, HETERO, crv("unit")], {}),
        ("y ~ x1 + x2 | unit + year", [IID, crv("region")], {}),
    ],
    "poorly_connected": [
        ("y ~ x1 + x2 | worker + firm", [IID, HETERO, crv("firm"), crv("worker")], {"fixef": True}),
    ],
    "nested": [
        ("y ~ x1 + x2 | firm + year", [IID, HETERO, crv("firm"), crv("industry")], {}),
        ("y ~ x1 + x2 | firm", [IID, crv("industry")], {}),
    ],
    "three_fe": [
        ("y ~ x1 + x2 + x1:x2 | plant^year + dest^year + city^dest",
         [IID, HETERO, crv("city_dest"), crv("city+dest")], {}),
        ("y ~ x1 + x2 | plant^year + dest^year + city^dest", [IID, crv("city_dest")], {}),
    ],
    "no_fe": [
        ("y ~ x1 + x2 + log(z) + I(x1**2)", [IID, HETERO, crv("g")], {}),
        ("y ~ x1 + x2", [IID, HETERO], {}),
    ],
    "missing": [
        ("y ~ x1 + x2 | unit + year", [IID, HETERO, crv("unit")], {"fixef": True}),
        ("y ~ x1 | unit + year", [IID, crv("unit")], {}),
    ],
}

# columns that stand for an interaction in cluster specs
CLUSTER_ALIASES = {"city_dest": "city^dest"}


def normalize_vcov(vcov):
    if vcov == IID:
        return {"type": "iid", "cluster": []}
    if vcov in (HETERO, "HC1"):
        return {"type": "hetero", "cluster": []}
    (kind, spec), = vcov.items()
    names = [CLUSTER_ALIASES.get(n.strip(), n.strip()) for n in spec.split("+")]
    return {"type": kind, "cluster": names}


def parse_formula(formula):
    lhs, rhs = formula.split("~")
    parts = [p.strip() for p in rhs.split("|")]
    terms = [t.strip() for t in parts[0].split("+")]
    fes = [t.strip() for t in parts[1].split("+")] if len(parts) > 1 else []
    return lhs.strip(), terms, fes


def fe_codes(data, fe):
    cols = fe.split("^")
    return data.groupby(cols, sort=True).ngroup().to_numpy()


def dummy_lstsq(data, formula, coef_names):
    """Slope coefficients from explicit dummies (numpy.linalg.lstsq, minimum-norm on the FE block)."""
    yname, terms, fes = parse_formula(formula)
    needed = [yname] + [c for c in ("x1", "x2", "z") if any(c in t for t in terms)]
    needed += sorted({c for fe in fes for c in fe.split("^")})
    d = data.dropna(subset=needed).reset_index(drop=True)
    slope_names = [n for n in coef_names if n != "Intercept"]
    blocks = [np.column_stack([REGRESSORS[n](d).to_numpy(float) for n in slope_names])]
    if not fes:
        blocks.insert(0, np.ones((len(d), 1)))
    for fe in fes:
        codes = fe_codes(d, fe)
        dummies = np.zeros((len(d), codes.max() + 1))
        dummies[np.arange(len(d)), codes] = 1.0
        blocks.append(dummies)
    X = np.hstack(blocks)
    beta, *_ = np.linalg.lstsq(X, d[yname].to_numpy(float), rcond=1e-12)
    if not fes:
        return dict(zip(["Intercept"] + slope_names, beta[: 1 + len(slope_names)]))
    return dict(zip(slope_names, beta[: len(slope_names)]))


def fe_display_name(internal, fes):
    """'__fixed_effect__(a_b)' -> 'a^b' using the formula's FE list."""
    inner = re.sub(r"^__fixed_effect__\((.*)\)$", r"\1", internal)
    for fe in fes:
        if fe.replace("^", "_") == inner or fe == inner:
            return fe
    return inner


def run_case(data, formula, vcov, options):
    kwargs = {"vcov": vcov, "demeaner": options.get("demeaner", DEMEANER)}
    if "fixef_rm" in options:
        kwargs["fixef_rm"] = options["fixef_rm"]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fit = pf.feols(formula, data=data, **kwargs)
    messages = [str(w.message) for w in caught]
    singletons = 0
    for m in messages:
        hit = re.match(r"(\d+) singleton fixed effect\(s\) dropped", m)
        if hit:
            singletons += int(hit.group(1))
    names = [str(n) for n in fit._coefnames]
    coef = fit.coef()
    se = fit.se()
    V = np.asarray(fit._vcov, dtype=float)
    _, _, fes = parse_formula(formula)
    resid = np.asarray(fit._u_hat, dtype=float).ravel()
    case = {
        "formula": formula,
        "vcov": vcov,
        "vcov_normalized": normalize_vcov(vcov),
        "fixef_rm": options.get("fixef_rm", "singleton"),
        "ssc": {k: v for k, v in fit._ssc_dict.items()},
        "demeaner": DEMEANER_TEXT,
        "coefficient_names": names,
        "coefficients": {n: float(coef[n]) for n in names},
        "standard_errors": {n: float(se[n]) for n in names},
        "vcov_matrix": [float(v) for v in V.ravel()],
        "nobs": int(fit._N),
        "rows_in_data": int(len(data)),
        "rows_dropped_na_or_singleton": int(len(fit._na_index)),
        "singletons_removed": singletons,
        "r2": float(fit._r2),
        "adj_r2": float(fit._adj_r2),
        "rss": float(resid @ resid),
        "rmse": float(fit._rmse),
        "df_k": int(fit._df_k),
        "df_t": float(fit._df_t),
        "df_resid": int(fit._N - fit._df_k),
    }
    if fes:
        case["within_r2"] = float(fit._r2_within)
        case["adj_within_r2"] = float(fit._adj_r2_within)
        sizes = {fe_display_name(str(k), fes): int(v) for k, v in fit._k_fe.items()}
        case["fe_sizes"] = {fe: sizes[fe] for fe in fes}
    if isinstance(vcov, dict):
        # pyfixest's _G: cluster counts it used (for two-way: the minimum over city, dest, city^dest
        # under G_df="min"), repeated per coefficient as pyfixest stores it
        case["G"] = [int(g) for g in np.atleast_1d(fit._G)]
    case["tstat"] = {n: float(fit.tstat()[n]) for n in names}
    case["other_warnings"] = sorted({m for m in messages if "singleton" not in m and "inplace" not in m})
    return fit, case


def fixef_payload(fit, fes):
    """pyfixest .fixef(): FE name -> {level (as int if integral) -> value}."""
    raw = fit.fixef(atol=FIXEF_TOL, btol=FIXEF_TOL)
    out = {}
    for key, levels in raw.items():
        inner = re.sub(r"^C\((.*)\)$", r"\1", str(key))
        name = fe_display_name(inner, fes)
        values = {}
        for level, value in levels.items():
            try:
                label = str(int(float(level)))
            except ValueError:
                label = str(level)
            values[label] = float(value)
        out[name] = values
    return out


def check_fixef(data, case, fes):
    """y - X b - sum of FE (missing reference levels = 0) must reproduce the residual sum of squares."""
    yname = parse_formula(case["formula"])[0]
    d = data.dropna(subset=[yname] + [n for n in case["coefficient_names"] if n in data.columns])
    d = d[d[fes[0]].astype(str).isin(case["fixef"][fes[0]])]
    resid = d[yname].to_numpy(float) - sum(case["coefficients"][n] * REGRESSORS[n](d).to_numpy(float)
                                           for n in case["coefficient_names"])
    for fe in fes:
        resid = resid - d[fe].astype(str).map(case["fixef"][fe]).fillna(0.0).to_numpy(float)
    rss = float(resid @ resid)
    assert abs(rss - case["rss"]) < 1e-9 * case["rss"], (case["formula"], rss, case["rss"])
    print(f"  fixef reproduces rss: {rss!r} vs {case['rss']!r}")


def read_exact(path):
    """pandas.read_csv, checked bit-for-bit against Python's float() of every cell (pandas 3 dropped
    float_precision="round_trip"; this asserts its default parser round-trips repr())."""
    data = pd.read_csv(path)
    with open(path) as handle:
        header = handle.readline().strip().split(",")
        rows = [line.rstrip("\n").split(",") for line in handle]
    for j, column in enumerate(header):
        values = data[column].to_numpy()
        for i, row in enumerate(rows):
            cell = row[j]
            if cell == "":
                assert np.isnan(values[i]), (path, column, i)
            else:
                assert float(cell) == values[i], (path, column, i, cell, values[i])
    return data


def main():
    for name, cases in CASES.items():
        path = csv_path(name)
        with open(path, "rb") as handle:
            sha = hashlib.sha256(handle.read()).hexdigest()
        data = read_exact(path)
        fixture_cases = []
        for formula, vcovs, options in cases:
            reference = None
            for vcov in vcovs:
                fit, case = run_case(data, formula, vcov, options)
                if reference is None:
                    check = dummy_lstsq(data, formula, case["coefficient_names"])
                    worst = 0.0
                    for n, b in check.items():
                        rel = abs(case["coefficients"][n] - b) / max(abs(b), 1e-300)
                        worst = max(worst, rel)
                        assert rel < CROSS_CHECK_RTOL, (name, formula, n, case["coefficients"][n], b, rel)
                    reference = case["coefficients"]
                    print(f"{name}: {formula}  dummy-lstsq max rel diff {worst:.2e}")
                else:
                    assert case["coefficients"] == reference, (name, formula, vcov)
                case["dummy_lstsq_max_rel_diff"] = worst
                if options.get("fixef") and vcov == IID:
                    fes = parse_formula(formula)[2]
                    case["fixef"] = fixef_payload(fit, fes)
                    case["fixef_call"] = f"fit.fixef(atol={FIXEF_TOL!r}, btol={FIXEF_TOL!r})"
                    case["fixef_normalization"] = (
                        "pyfixest builds the dummies with formulaic '-1 + C(fe1) + C(fe2) + ...': every FE after "
                        "the first loses its first level (reference, value 0, absent from the dict) and "
                        "scipy.sparse.linalg.lsqr returns the minimum-norm solution of what remains; with "
                        "several connected components the levels are not identified, compare per-row sums")
                    check_fixef(data, case, fes)
                fixture_cases.append(case)
        write_fixture("pyfixest", name, "pyfixest", pf.__version__, __file__, sha, {
            "csv": os.path.relpath(path, REPO),
            "data_sha256_of": "bytes of the csv file",
            "cases": fixture_cases,
        })


if __name__ == "__main__":
    main()
