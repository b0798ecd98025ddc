"""Compares `hetfirm spatial --json` with spreg's estimates (bench/spatial-panel): relative differences of
the coefficients and standard errors (spreg's betas are [x1, x2, rho] or [x1, x2, lambda])."""
import json
import sys

hetfirm = json.load(open(sys.argv[1]))
spreg = json.load(open(sys.argv[2]))
spatial = "rho" if "rho" in hetfirm["coefficients"] else "lambda"
worst_estimate = worst_error = 0.0
for index, name in enumerate(["x1", "x2", spatial]):
    ours = hetfirm["coefficients"][name]
    estimate_difference = abs(ours["estimate"] - spreg["betas"][index]) / abs(spreg["betas"][index])
    error_difference = abs(ours["standardError"] - spreg["standard_errors"][index]) / spreg["standard_errors"][index]
    worst_estimate = max(worst_estimate, estimate_difference)
    worst_error = max(worst_error, error_difference)
    print(f"  {name}: hetfirm {ours['estimate']:.10f} ({ours['standardError']:.8f})  spreg {spreg['betas'][index]:.10f} "
          f"({spreg['standard_errors'][index]:.8f})")
print(f"  largest relative difference: estimates {worst_estimate:.2e}, standard errors {worst_error:.2e}")
