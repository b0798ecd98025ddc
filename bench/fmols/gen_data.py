"""Writes the FMOLS benchmark panel: UNITS units x PERIODS periods (default 2,000 x 40), two I(1)
regressors, unit-specific slopes, endogenous regressors and AR(1) errors (the DGP of
validation/arch_fmols.py). Columns id, year, y, x1, x2; doubles in repr precision.

Usage: python3 gen_data.py OUT.csv [UNITS] [PERIODS]   (numpy seed 20261207)
"""
import sys

import numpy as np


def main():
    path = sys.argv[1]
    units = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    periods = int(sys.argv[3]) if len(sys.argv) > 3 else 40
    rng = np.random.default_rng(20261207)
    cov = [[1.0, 0.5, -0.3], [0.5, 1.0, 0.2], [-0.3, 0.2, 1.0]]
    shocks = rng.multivariate_normal(np.zeros(3), cov, (units, periods))
    x = np.cumsum(shocks[:, :, 1:], axis=1) + rng.normal(size=(units, 1, 2)) * 2
    u = np.zeros((units, periods))
    for t in range(periods):
        u[:, t] = (0.5 * u[:, t - 1] if t else 0.0) + shocks[:, t, 0]
    slopes = np.column_stack([1 + 0.3 * rng.normal(size=units), -0.5 + 0.2 * rng.normal(size=units)])
    y = rng.normal(size=(units, 1)) + np.einsum("utk,uk->ut", x, slopes) + u
    with open(path, "w") as out:
        out.write("id,year,y,x1,x2\n")
        for i in range(units):
            for t in range(periods):
                out.write(f"u{i + 1:05d},{2000 + t},{float(y[i, t])!r},{float(x[i, t, 0])!r},{float(x[i, t, 1])!r}\n")
    print(f"wrote {path}: {units} units x {periods} periods")


if __name__ == "__main__":
    main()
