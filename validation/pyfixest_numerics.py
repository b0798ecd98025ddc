"""Oracle for hetfirm's OLS numerics (collinearity rule, ill-conditioned designs, PSD repair): pyfixest.feols
plus an exact rational least-squares solution.

Reads the CSVs written by fixest_datasets.py (grunfeld, empluk, large_level, psd_small) and writes
Tests/Fixtures/pyfixest/numerics_NAME.json, one entry per (formula, vcov) case, with the same fields as
pyfixest_feols.py plus:

- "exact_coefficients": the least-squares solution of the design *as doubles* computed exactly in rational
  arithmetic (fractions.Fraction): with one fixed effect by the exact within transformation (group means as
  fractions, Frisch-Waugh-Lovell), without fixed effects on [1, X]; the normal equations are then solved
  exactly. log() columns are math.log of the doubles (glibc's log, which Swift's Foundation also calls),
  taken as exact rationals. This is the "exact dummy-variable solution" of issue 10.
- "exact_standard_errors": iid SEs from the exact solution (σ² = RSS/(n − K), K = coefficients + FE levels);
  without fixed effects also HC1 and one-way CRV1 (n/(n − K) and G/(G − 1)(n − 1)/(n − K)), from the exact
  residuals in 50-digit arithmetic (mpmath).
- "pyfixest_max_rel_error_vs_exact", "pyfixest_se_max_rel_error_vs_exact": how far pyfixest itself is from them.
- psd_small only: "vcov_matrix" is pyfixest's two-way CRV1 covariance, which has a negative diagonal entry
  (pyfixest does not repair it); "psd_repaired_vcov_matrix" applies the repair documented in
  docs/estimators/ols-fixed-effects.md (numpy.linalg.eigh, eigenvalues raised to 1e-10 x the largest),
  "psd_repaired_standard_errors" its square-rooted diagonal, and "fixest_absolute_floor_standard_errors"
  the same with fixest's absolute floor 1e-10 (what hetfirm printed before).

Collinear columns: pyfixest drops them (x3 = 2 x1 - x2 in large_level) and lists the kept coefficients
only; "dropped" names the dropped ones.

Run: python3 validation/pyfixest_numerics.py   (after fixest_datasets.py)
"""
import hashlib
import math
import os
import warnings
from fractions import Fraction

import mpmath as mp
import numpy as np
import pyfixest as pf

from fixest_datasets import REPO, csv_path
from provenance import write_fixture
from pyfixest_feols import DEMEANER, IID, HETERO, crv, parse_formula, read_exact, run_case

# coefficient name -> function of one row (a dict of floats) giving a float
TERMS = {
    "year": lambda r: r["year"],
    "I(year ** 2)": lambda r: r["year"] ** 2,
    "value": lambda r: r["value"],
    "capital": lambda r: r["capital"],
    "I(emp ** 2)": lambda r: r["emp"] ** 2,
    "log(capital)": lambda r: math.log(r["capital"]),
    "log(wage)": lambda r: math.log(r["wage"]),
    "log(xbig)": lambda r: math.log(r["xbig"]),
    "x1": lambda r: r["x1"],
    "x2": lambda r: r["x2"],
    "x3": lambda r: r["x3"],
    "x4": lambda r: r["x4"],
}

CASES = {
    "grunfeld": [
        ("inv ~ year + I(year**2) | firm", [IID, crv("firm")], {}),
        ("inv ~ year + I(year**2)", [IID, HETERO], {}),
        ("inv ~ value + capital + year + I(year**2)", [IID, HETERO, crv("firm")], {}),
    ],
    "empluk": [
        ("year ~ I(emp**2) + log(capital) + log(wage)", [IID, HETERO], {}),
        # one fixed effect: the projection is exact in one sweep, but pyfixest's 1e-14 criterion on values of
        # order 4e6 (year^2) is never met; 1e-9 stops after the exact sweep
        ("emp ~ year + I(year**2) + log(wage) | firm", [IID, crv("firm")], {"fixef_tol": 1e-9}),
    ],
    "large_level": [
        ("y ~ x1 + log(xbig) | unit", [IID, crv("unit")], {}),
        ("y ~ x1 + log(xbig)", [IID, HETERO], {}),
        ("y ~ x1 + x2 + x3 | unit", [IID, crv("unit")], {"dropped": ["x3"]}),
        ("y ~ x1 + x2 + x3", [IID], {"dropped": ["x3"]}),
        ("y ~ x1 + x4 | unit", [IID, crv("unit")], {}),
    ],
    "psd_small": [
        ("y ~ x1 + x2", [crv("a+b")], {"psd": True}),
    ],
}
PSD_RELATIVE_FLOOR = 1e-10
FIXEST_ABSOLUTE_FLOOR = 1e-10


def exact_solve(matrix, rhs):
    """Gauss-Jordan elimination in fractions (matrix positive definite, so no pivoting problem)."""
    k = len(rhs)
    a = [row[:] + [rhs[i]] for i, row in enumerate(matrix)]
    for col in range(k):
        pivot = next(r for r in range(col, k) if a[r][col] != 0)
        a[col], a[pivot] = a[pivot], a[col]
        p = a[col][col]
        a[col] = [v / p for v in a[col]]
        for r in range(k):
            if r != col and a[r][col] != 0:
                f = a[r][col]
                a[r] = [v - f * w for v, w in zip(a[r], a[col])]
    return [a[i][k] for i in range(k)]


def exact_coefficients(data, formula, names):
    """Exact least squares of the design as doubles (one FE by exact demeaning, or an intercept)."""
    yname, _, fes = parse_formula(formula)
    assert len(fes) <= 1
    slopes = [n for n in names if n != "Intercept"]
    rows = data.to_dict("records")
    y = [Fraction(float(r[yname])) for r in rows]
    columns = [[Fraction(float(TERMS[n](r))) for r in rows] for n in slopes]
    groups = [r[fes[0]] for r in rows] if fes else [0] * len(rows)
    # exact within transformation (or centring): subtract group means
    def demean(values):
        sums, counts = {}, {}
        for v, g in zip(values, groups):
            sums[g] = sums.get(g, 0) + v
            counts[g] = counts.get(g, 0) + 1
        return [v - sums[g] / counts[g] for v, g in zip(values, groups)]
    yd = demean(y)
    xd = [demean(c) for c in columns]
    gram = [[sum(a * b for a, b in zip(xa, xb)) for xb in xd] for xa in xd]
    cross = [sum(a * b for a, b in zip(xa, yd)) for xa in xd]
    beta = exact_solve(gram, cross)
    result = {n: b for n, b in zip(slopes, beta)}
    k = len(slopes)
    inverse = [exact_solve(gram, [Fraction(int(i == j)) for i in range(k)]) for j in range(k)]
    n = len(rows)
    residuals = [v - sum(b * c[i] for b, c in zip(beta, xd)) for i, v in enumerate(yd)]
    rss = sum(e * e for e in residuals)
    absorbed = len(set(groups))  # FE levels, or 1 for the intercept
    sigma2 = rss / (n - k - absorbed)
    variances = {name: sigma2 * inverse[j][j] for j, name in enumerate(slopes)}
    if not fes:
        result["Intercept"] = sum(y) / n - sum(b * sum(c) / n for b, c in zip(beta, columns))
        means = [sum(c) / n for c in columns]
        quadratic = sum(means[a] * inverse[a][b] * means[b] for a in range(k) for b in range(k))
        variances["Intercept"] = sigma2 * (Fraction(1, n) + quadratic)
    robust = None
    if not fes:
        robust = lambda vcov: exact_sandwich_se(rows, columns, residuals, vcov, ["Intercept"] + slopes)
    return ({key: float(v) for key, v in result.items()},
            {key: math.sqrt(float(v)) for key, v in variances.items()}, robust)


def exact_sandwich_se(rows, columns, residuals, vcov, names):
    """HC1 / one-way CRV1 standard errors without fixed effects, from the exact residuals, in 50-digit
    arithmetic (mpmath): V = c (XᵀX)⁻¹ M (XᵀX)⁻¹ on the raw design [1, X], c = n/(n - K) (HC1) or
    G/(G - 1) (n - 1)/(n - K) (CRV1), K = number of coefficients."""
    mp.mp.dps = 50
    n, k = len(rows), len(columns) + 1
    x = mp.matrix([[1] + [mp.mpf(c[i].numerator) / c[i].denominator for c in columns] for i in range(n)])
    e = [mp.mpf(r.numerator) / r.denominator for r in residuals]
    bread = (x.T * x) ** -1
    if vcov == HETERO:
        scores = [[e[i] * x[i, j] for j in range(k)] for i in range(n)]
        factor = mp.mpf(n) / (n - k)
    else:
        (cluster,) = vcov.values()
        sums = {}
        for i, row in enumerate(rows):
            g = row[cluster]
            sums.setdefault(g, [mp.mpf(0)] * k)
            sums[g] = [a + e[i] * x[i, j] for j, a in enumerate(sums[g])]
        scores = list(sums.values())
        groups = len(scores)
        factor = mp.mpf(groups) / (groups - 1) * mp.mpf(n - 1) / (n - k)
    meat = mp.matrix(k, k)
    for score in scores:
        for a in range(k):
            for b in range(k):
                meat[a, b] += score[a] * score[b]
    v = factor * bread * meat * bread
    return {name: float(mp.sqrt(v[j, j])) for j, name in enumerate(names)}


def psd_repair(v, floor):
    values, vectors = np.linalg.eigh(v)
    return vectors @ np.diag(np.maximum(values, floor)) @ vectors.T


def main():
    for name, cases in CASES.items():
        path = csv_path(name)
        with open(path, "rb") as handle:
            sha = hashlib.sha256(handle.read()).hexdigest()
        data = read_exact(path)
        fixture_cases = []
        for formula, vcovs, options in cases:
            exact = None
            for vcov in vcovs:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    run_options = {}
                    if "fixef_tol" in options:
                        run_options["demeaner"] = pf.MapDemeaner(fixef_tol=options["fixef_tol"], fixef_maxiter=100_000)
                    fit, case = run_case(data, formula, vcov, run_options)
                    if "fixef_tol" in options:
                        case["demeaner"] = f"pyfixest.MapDemeaner(fixef_tol={options['fixef_tol']!r}, fixef_maxiter=100000)"
                names = case["coefficient_names"]
                assert not set(options.get("dropped", [])) & set(names), (formula, names)
                case["dropped"] = options.get("dropped", [])
                if exact is None:
                    exact, exact_se, robust = exact_coefficients(data, formula, names)
                    worst = max(abs(case["coefficients"][n] - b) / abs(b) for n, b in exact.items())
                    print(f"{name}: {formula}  pyfixest vs exact max rel error {worst:.2e}")
                case["exact_coefficients"] = exact
                reference_se = exact_se if vcov == IID else (robust(vcov) if robust and not options.get("psd") else None)
                if reference_se is not None:
                    case["exact_standard_errors"] = reference_se
                    case["pyfixest_se_max_rel_error_vs_exact"] = max(
                        abs(case["standard_errors"][n] - s) / s for n, s in reference_se.items())
                    print(f"  {vcov} SE: pyfixest vs exact max rel error {case['pyfixest_se_max_rel_error_vs_exact']:.2e}")
                case["exact_method"] = "fractions.Fraction normal equations of the exactly demeaned/centred design"
                case["pyfixest_max_rel_error_vs_exact"] = worst
                if options.get("psd"):
                    v = np.asarray(case["vcov_matrix"]).reshape(len(names), len(names))
                    assert (np.diag(v) < 0).any(), "psd_small must have a negative variance"
                    largest = np.linalg.eigvalsh(v).max()
                    repaired = psd_repair(v, PSD_RELATIVE_FLOOR * largest)
                    case["psd_repaired_vcov_matrix"] = [float(x) for x in repaired.ravel()]
                    case["psd_repaired_standard_errors"] = {
                        n: float(math.sqrt(repaired[i, i])) for i, n in enumerate(names)}
                    case["psd_rule"] = "numpy.linalg.eigh(V); eigenvalues raised to 1e-10 * max eigenvalue"
                    absolute = psd_repair(v, FIXEST_ABSOLUTE_FLOOR)
                    case["fixest_absolute_floor_standard_errors"] = {
                        n: float(math.sqrt(absolute[i, i])) for i, n in enumerate(names)}
                    case["standard_errors"] = {n: (None if math.isnan(s) else s) for n, s in case["standard_errors"].items()}
                    case["tstat"] = {n: (None if math.isnan(s) else s) for n, s in case["tstat"].items()}
                fixture_cases.append(case)
        write_fixture("pyfixest", "numerics_" + name, "pyfixest", pf.__version__, __file__, sha, {
            "csv": os.path.relpath(path, REPO),
            "data_sha256_of": "bytes of the csv file",
            "cases": fixture_cases,
        })


if __name__ == "__main__":
    main()
