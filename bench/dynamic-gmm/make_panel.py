"""Simulated dynamic panel for the GMM benchmark (hetfirm gmm vs plm pgmm vs pydynpd).

DGP (balanced, N units x T = 9 periods, years 2001..2009), from numpy.random.default_rng(SEED):
    alpha_i ~ N(0, 1)                                     unit effect
    x_it = 0.5 x_i,t-1 + u_it,  u ~ N(0, 1)              (strictly exogenous, uncorrelated with the
                                                          effect, so the level equations may use it)
    y_it = 0.5 y_i,t-1 - 0.1 y_i,t-2 + 0.8 x_it - 0.3 x_i,t-1 + alpha_i + e_it,  e ~ N(0, 1)
with 50 burn-in periods (started at zero) dropped, so the 9 kept periods are close to stationary.
Columns: id, year, y, x (shortest round-trip decimals). The benchmark specification is the
Arellano-Bond one:  y ~ l(y, 1:2) + l(x, 0:1) | l(y, 2:99),  two-way effects, two-step,
difference (plm transformation "d") and system ("ld") GMM.

Run: python3 bench/dynamic-gmm/make_panel.py [--units 20000] [--seed 20261207] [--out PATH]
(default PATH: bench/dynamic-gmm/data/panel_<units>.csv, not committed).
"""
import argparse
import os

import numpy as np

BURN_IN = 50
PERIODS = 9


def simulate(units, seed):
    rng = np.random.default_rng(seed)
    alpha = rng.normal(0.0, 1.0, units)
    total = BURN_IN + PERIODS
    x = np.zeros((units, total))
    y = np.zeros((units, total))
    u = rng.normal(0.0, 1.0, (units, total))
    e = rng.normal(0.0, 1.0, (units, total))
    for t in range(total):
        x_prev = x[:, t - 1] if t >= 1 else 0.0
        y_prev1 = y[:, t - 1] if t >= 1 else 0.0
        y_prev2 = y[:, t - 2] if t >= 2 else 0.0
        x[:, t] = 0.5 * x_prev + u[:, t]
        y[:, t] = 0.5 * y_prev1 - 0.1 * y_prev2 + 0.8 * x[:, t] - 0.3 * x_prev + alpha + e[:, t]
    return x[:, BURN_IN:], y[:, BURN_IN:]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=20261207)
    parser.add_argument("--out")
    args = parser.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    out = args.out or os.path.join(here, "data", f"panel_{args.units}.csv")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    x, y = simulate(args.units, args.seed)
    with open(out, "w") as handle:
        handle.write("id,year,y,x\n")
        for i in range(args.units):
            for t in range(PERIODS):
                handle.write(f"{i + 1},{2001 + t},{float(y[i, t])!r},{float(x[i, t])!r}\n")
    print("wrote", out, f"({args.units} units x {PERIODS} periods)")


if __name__ == "__main__":
    main()
