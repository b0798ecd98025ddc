"""The peer: a Python loop over arch's FullyModifiedOLS, one fit per unit, then Pedroni's group mean.
Reads the CSV with pandas, sorts by (id, year) and splits it into numpy arrays per unit; prints JSON with the group-mean slopes and the seconds spent reading and
estimating (imports excluded from both; the process's wall time includes them).

Usage: python3 arch_loop.py DATA.csv [KERNEL] [BANDWIDTH|auto]
"""
import json
import sys
import time

import numpy as np
import pandas as pd
import arch
from arch.unitroot.cointegration import FullyModifiedOLS


def main():
    path = sys.argv[1]
    kernel = sys.argv[2] if len(sys.argv) > 2 else "bartlett"
    bandwidth = None if len(sys.argv) <= 3 or sys.argv[3] == "auto" else float(sys.argv[3])
    start = time.perf_counter()
    frame = pd.read_csv(path)
    read = time.perf_counter() - start
    start = time.perf_counter()
    slopes, tstats = [], []
    # numpy arrays per unit: arch is about 25% faster on them than on pandas slices
    frame = frame.sort_values(["id", "year"], kind="stable")
    ids, y, x = frame["id"].to_numpy(), frame["y"].to_numpy(), frame[["x1", "x2"]].to_numpy()
    bounds = np.flatnonzero(ids[1:] != ids[:-1]) + 1
    for unit_y, unit_x in zip(np.split(y, bounds), np.split(x, bounds)):
        res = FullyModifiedOLS(unit_y, unit_x, trend="c").fit(kernel=kernel.replace("-", ""), bandwidth=bandwidth)
        slopes.append(np.asarray(res.params)[:2])
        tstats.append(np.asarray(res.tvalues)[:2])
    estimate = time.perf_counter() - start
    slopes, tstats = np.array(slopes), np.array(tstats)
    print(json.dumps({"arch": arch.__version__, "units": len(slopes), "reading_seconds": read,
                      "estimation_seconds": estimate, "group_mean": slopes.mean(0).tolist(),
                      "t_group_mean": (tstats.sum(0) / np.sqrt(len(slopes))).tolist()}))


if __name__ == "__main__":
    main()
