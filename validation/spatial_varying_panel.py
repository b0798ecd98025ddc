"""Writes Tests/Fixtures/spatial-varying/{panel.csv,w.gal}: a synthetic panel from paper 000's eq. (25).

30 regions on the unit square (seeded), W = 4 nearest neighbours (row-standardised by hetfirm), 12 years,
y_t = (I - (0.4 + 0.25 z_t) W)^-1 (x1 - 0.5 x2 + mu + e_t), z ~ U(0.2, 1.6), x2 correlated with mu.
Used by the CLI tests of `hetfirm spatial --rho-varies-with` (no peer estimates this model).
"""
import os

import numpy as np
from scipy.spatial import cKDTree

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "Fixtures", "spatial-varying")


def main():
    rng = np.random.default_rng(5)
    n, periods = 30, 12
    points = rng.uniform(size=(n, 2))
    _, neighbours = cKDTree(points).query(points, k=5)
    neighbours = neighbours[:, 1:]
    weights = np.zeros((n, n))
    for unit in range(n):
        weights[unit, neighbours[unit]] = 0.25
    mu = rng.normal(size=n)
    rows = []
    for period in range(periods):
        z = 0.2 + 1.4 * rng.uniform(size=n)
        x1 = rng.normal(size=n)
        x2 = 0.5 * mu + rng.normal(size=n)
        system = np.eye(n) - (0.4 + 0.25 * z)[:, None] * weights
        y = np.linalg.solve(system, x1 - 0.5 * x2 + mu + rng.normal(size=n))
        for unit in range(n):
            rows.append(f"p{unit + 1},{2004 + period},{float(y[unit])!r},{float(x1[unit])!r},{float(x2[unit])!r},{float(z[unit])!r}")
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "panel.csv"), "w") as handle:
        handle.write("region,year,y,x1,x2,inter\n" + "\n".join(rows) + "\n")
    with open(os.path.join(OUT, "w.gal"), "w") as handle:
        handle.write(f"{n}\n")
        for unit in range(n):
            handle.write(f"p{unit + 1} 4\n" + " ".join(f"p{j + 1}" for j in neighbours[unit]) + "\n")


if __name__ == "__main__":
    main()
