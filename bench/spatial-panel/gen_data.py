"""Data for bench/spatial-panel: a balanced panel with a k-nearest-neighbour W, and a large cross-section.

panel: N units on the unit square (fixed seed), W = row-standardised kNN (k = 10), T periods,
       y_t = (I - rho W)^-1 (x1 b1 + x2 b2 + mu + e_t) (SAR) and y_sem_t = x b + mu + (I - lambda W)^-1 e_t.
cross: N units, one period, SAR y with the same W construction.
Writes DIR/data.csv (unit,time,y_sar,y_sem,x1,x2) and DIR/w.gal (binary kNN neighbours; hetfirm and
spreg both row-standardise).
"""
import argparse
import os

import numpy as np
import scipy.sparse as sp
import scipy.sparse.linalg as spla
from scipy.spatial import cKDTree


def knn_weights(points, k):
    tree = cKDTree(points)
    _, neighbours = tree.query(points, k=k + 1)
    neighbours = neighbours[:, 1:]
    n = len(points)
    rows = np.repeat(np.arange(n), k)
    matrix = sp.csr_matrix((np.full(n * k, 1.0 / k), (rows, neighbours.ravel())), shape=(n, n))
    return neighbours, matrix


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=3000)
    parser.add_argument("--periods", type=int, default=10)
    parser.add_argument("--k", type=int, default=10)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=20261207)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    n, t = args.units, args.periods
    points = rng.uniform(size=(n, 2))
    neighbours, w = knn_weights(points, args.k)
    mu = rng.normal(size=n)
    identity = sp.identity(n, format="csc")
    lag_system = spla.splu((identity - 0.4 * w).tocsc())
    error_system = spla.splu((identity - 0.5 * w).tocsc())
    rows = []
    for period in range(t):
        x1 = rng.normal(size=n)
        x2 = 0.5 * mu + rng.normal(size=n)
        effects = mu if t > 1 else 0.0
        y_sar = lag_system.solve(1.0 * x1 - 0.5 * x2 + effects + rng.normal(size=n))
        y_sem = 1.0 * x1 - 0.5 * x2 + effects + error_system.solve(rng.normal(size=n))
        for unit in range(n):
            rows.append(f"{unit + 1},{period + 1},{float(y_sar[unit])!r},{float(y_sem[unit])!r},{float(x1[unit])!r},{float(x2[unit])!r}")
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "data.csv"), "w") as handle:
        handle.write("unit,time,y_sar,y_sem,x1,x2\n")
        handle.write("\n".join(rows) + "\n")
    with open(os.path.join(args.out, "w.gal"), "w") as handle:
        handle.write(f"{n}\n")
        for unit in range(n):
            handle.write(f"{unit + 1} {args.k}\n")
            handle.write(" ".join(str(j + 1) for j in neighbours[unit]) + "\n")


if __name__ == "__main__":
    main()
