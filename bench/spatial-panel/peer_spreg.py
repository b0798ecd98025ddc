"""Times spreg on bench/spatial-panel data: ML_LagFE / ML_ErrorFE (unit effects) for a panel, ML_Lag
for a cross-section. Prints one JSON line: model, method, seconds (estimation only), the estimates."""
import argparse
import contextlib
import io
import json
import sys
import time

import libpysal
import numpy as np
import pandas as pd
import spreg


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--model", choices=["sar", "sem"], required=True)
    parser.add_argument("--method", default="full")
    args = parser.parse_args()
    data = pd.read_csv(f"{args.dir}/data.csv").sort_values(["time", "unit"])
    w = libpysal.io.open(f"{args.dir}/w.gal").read()
    w.transform = "r"
    # gen_data.py writes the GAL in unit order 1..N, the order of the sorted data within a period.
    assert [int(i) for i in w.id_order] == sorted(data["unit"].unique().tolist())
    periods = data["time"].nunique()
    y = data["y_sar" if args.model == "sar" else "y_sem"].to_numpy().reshape(-1, 1)
    x = data[["x1", "x2"]].to_numpy()
    start = time.perf_counter()
    # spreg 1.9.0's ML_LagFE prints its class name on stdout: keep stdout for the JSON line.
    with contextlib.redirect_stdout(io.StringIO()):
        fit = estimate(args, y, x, w, periods)
    seconds = time.perf_counter() - start
    betas = [float(v) for v in np.asarray(fit.betas).ravel()]
    errors = [float(v) for v in np.sqrt(np.diag(np.asarray(fit.vm)))]
    json.dump({"tool": f"spreg {spreg.__version__}", "model": args.model, "method": args.method, "seconds": seconds,
               "betas": betas, "standard_errors": errors}, sys.stdout)
    print()


def estimate(args, y, x, w, periods):
    if periods > 1:
        # ML_LagFE / ML_ErrorFE have no method option: sparse LU log-determinants, dense inverse for the covariance.
        return (spreg.ML_LagFE if args.model == "sar" else spreg.ML_ErrorFE)(y, x, w)
    return (spreg.ML_Lag if args.model == "sar" else spreg.ML_Error)(y, x, w, method=args.method)


if __name__ == "__main__":
    main()
