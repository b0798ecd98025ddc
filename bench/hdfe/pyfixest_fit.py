"""pyfixest side of the hdfe benchmark: one fit, timed without CSV reading and without JIT compilation.

Usage: python3 pyfixest_fit.py DATA.csv OUT.json

1. Reads DATA.csv with pandas (not timed).
2. Warm-up: the same formula and vcov on the rows of plants 0-299, about 20,000 rows (not timed),
   so every JIT-compiled (numba) kernel the timed fit uses is compiled, or loaded from its cache, first.
3. Times pf.feols(FORMULA, data=df, vcov={"CRV1": "city_dest"}) with every other argument at its
   default, plus reading the coefficients and standard errors out of the fit. In pyfixest 0.60 the
   default demeaner is MapDemeaner(): alternating projections in Rust, fixef_tol=1e-6,
   fixef_maxiter=10,000; fixef_rm="singleton". Environment PYFIXEST_TOL=1e-8 (say) passes
   demeaner=MapDemeaner(fixef_tol=1e-8) instead, for a tighter-tolerance comparison.
4. Writes OUT.json: seconds for each step, coefficients, standard errors, observations, versions.
"""

import json
import os
import sys
import time

import pandas as pd
import pyfixest as pf

FORMULA = "y ~ x1 + x2 + x1:x2 | plant^year + dest^year + city^dest"
VCOV = {"CRV1": "city_dest"}
DTYPES = {"plant": "int64", "year": "int64", "dest": "int64", "city": "int64", "city_dest": "int64",
          "x1": "float64", "x2": "float64", "y": "float64"}


def main():
    data_path, out_path = sys.argv[1], sys.argv[2]
    # PYFIXEST_TOL, when set, replaces the default demeaner by MapDemeaner(fixef_tol=PYFIXEST_TOL)
    # (same Rust MAP backend); unset, feols gets no demeaner argument at all.
    tol = os.environ.get("PYFIXEST_TOL")
    options = {"demeaner": pf.MapDemeaner(fixef_tol=float(tol))} if tol else {}
    clock = time.perf_counter

    started = clock()
    df = pd.read_csv(data_path, dtype=DTYPES)
    reading = clock() - started

    started = clock()
    pf.feols(FORMULA, data=df[df["plant"] < 300].copy(), vcov=VCOV, **options)
    warmup = clock() - started

    started = clock()
    fit = pf.feols(FORMULA, data=df, vcov=VCOV, **options)
    coef = fit.coef()
    se = fit.se()
    estimation = clock() - started

    import numpy
    result = {
        "reading_seconds": reading,
        "warmup_seconds": warmup,
        "estimation_seconds": estimation,
        "observations": int(fit._N),
        "rows": int(len(df)),
        "demeaner": repr(fit._demeaner) if hasattr(fit, "_demeaner") else ("MapDemeaner(fixef_tol=%s)" % tol if tol else "default"),
        "coefficients": {str(k): float(v) for k, v in coef.items()},
        "standard_errors": {str(k): float(v) for k, v in se.items()},
        "versions": {"pyfixest": pf.__version__, "numpy": numpy.__version__,
                     "pandas": pd.__version__},
    }
    with open(out_path, "w") as handle:
        json.dump(result, handle, indent=1)
    print(f"pyfixest: reading {reading:.3f} s, warm-up {warmup:.3f} s, estimation {estimation:.3f} s",
          file=sys.stderr)


if __name__ == "__main__":
    main()
