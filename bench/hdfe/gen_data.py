"""Synthetic plant x destination x year export panel for the hdfe benchmark.

Usage: python3 gen_data.py ROWS OUT.csv [--seed N]

Structure (paper 003's regression in miniature): ~2,000 cities, 150 destinations, 12 years.
Each plant belongs to one city (city sizes are skewed), exports to a handful of destinations
(drawn by destination popularity, Zipf-like) during one contiguous spell of years, and each
(plant, destination, year) cell of that rectangle is kept with probability 0.85. Rows whose
plant^year, dest^year or city^dest level would be a singleton are removed (iterated until none
is left), so every tool fits exactly the same observations whatever its singleton rule.

    y = 1.0 x1 - 0.5 x2 + 0.25 x1 x2 + a[plant,year] + b[dest,year] + c[city,dest] + e

x1 is correlated with the fixed effects (so demeaning matters), x2 is not. Columns: plant, year,
dest, city, city_dest (= city * 1000 + dest, the integer label of city^dest) and x1, x2, y written
with repr precision (shortest round-trip). The number of rows is close to ROWS, not exact.
"""

import argparse
import sys
import time

import numpy as np
import pandas as pd

CITIES = 2000
DESTS = 150
YEARS = 12
FIRST_YEAR = 2008
KEEP = 0.85


def generate(rows, seed):
    rng = np.random.default_rng(seed)
    # Per plant: ~13 distinct destinations, a spell of ~7 years -> ~72 rows, ~11 rows per plant-year.
    mean_dest_draws = 14.0
    plants = max(int(rows / 72.0), 50)

    city_weight = rng.pareto(1.2, CITIES) + 1.0
    plant_city = rng.choice(CITIES, size=plants, p=city_weight / city_weight.sum())
    dest_weight = 1.0 / np.arange(1, DESTS + 1) ** 0.8
    dest_weight = rng.permutation(dest_weight)

    # Destination draws with replacement, then de-duplicated: a handful of distinct destinations.
    draws = rng.poisson(mean_dest_draws - 2, plants) + 2
    pd_plant = np.repeat(np.arange(plants), draws)
    pd_dest = rng.choice(DESTS, size=pd_plant.size, p=dest_weight / dest_weight.sum())
    pairs = np.unique(pd_plant.astype(np.int64) * DESTS + pd_dest)
    pd_plant, pd_dest = pairs // DESTS, pairs % DESTS

    # Active spell: contiguous years [start, start + length).
    length = np.clip(rng.binomial(YEARS - 1, 0.55, plants) + 1, 2, YEARS)
    start = rng.integers(0, YEARS - length + 1)
    reps = length[pd_plant]
    row_plant = np.repeat(pd_plant, reps)
    row_dest = np.repeat(pd_dest, reps)
    offsets = np.arange(reps.sum()) - np.repeat(np.cumsum(reps) - reps, reps)
    row_year = start[row_plant] + offsets
    keep = rng.random(row_plant.size) < KEEP
    row_plant, row_dest, row_year = row_plant[keep], row_dest[keep], row_year[keep]
    row_city = plant_city[row_plant]

    # Remove singleton fixed-effect levels until none is left.
    py = row_plant * YEARS + row_year
    dy = row_dest * YEARS + row_year
    cd = row_city.astype(np.int64) * 1000 + row_dest
    alive = np.ones(row_plant.size, dtype=bool)
    while True:
        bad = np.zeros_like(alive)
        for key in (py, dy, cd):
            _, inverse, counts = np.unique(key[alive], return_inverse=True, return_counts=True)
            bad[np.flatnonzero(alive)[counts[inverse] == 1]] = True
        if not bad.any():
            break
        alive &= ~bad
    row_plant, row_dest, row_year, row_city = row_plant[alive], row_dest[alive], row_year[alive], row_city[alive]
    py, dy, cd = py[alive], dy[alive], cd[alive]
    n = row_plant.size

    # Fixed effects and regressors.
    plant_effect = rng.normal(0.0, 1.0, plants)
    a = plant_effect[row_plant] + rng.normal(0.0, 0.5, plants * YEARS)[py]
    b = rng.normal(0.0, 0.7, DESTS * YEARS)[dy]
    c = rng.normal(0.0, 0.6, CITIES * 1000)[cd]
    x1 = 0.5 * a + 0.3 * b + rng.normal(0.0, 1.0, n)
    x2 = rng.normal(0.0, 1.0, n)
    y = 1.0 * x1 - 0.5 * x2 + 0.25 * x1 * x2 + a + b + c + rng.normal(0.0, 1.0, n)

    order = rng.permutation(n)  # rows in no particular order, as in a real extract
    return pd.DataFrame({
        "plant": row_plant[order],
        "year": (row_year + FIRST_YEAR)[order],
        "dest": row_dest[order],
        "city": row_city[order],
        "city_dest": cd[order],
        "x1": x1[order],
        "x2": x2[order],
        "y": y[order],
    })


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("rows", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=20030)
    args = parser.parse_args()
    started = time.perf_counter()
    df = generate(args.rows, args.seed)
    # float_format=None: pandas writes repr(float), the shortest string that round-trips.
    df.to_csv(args.out, index=False)
    levels = {
        "plant^year": df.groupby(["plant", "year"]).ngroups,
        "dest^year": df.groupby(["dest", "year"]).ngroups,
        "city^dest": df["city_dest"].nunique(),
    }
    print(f"{args.out}: {len(df)} rows, {df['plant'].nunique()} plants, {df['city'].nunique()} cities, "
          f"{df['dest'].nunique()} destinations; levels "
          + ", ".join(f"{k} {v}" for k, v in levels.items())
          + f" ({time.perf_counter() - started:.1f} s)", file=sys.stderr)


if __name__ == "__main__":
    main()
