"""pydynpd on the simulated dynamic panel (bench/dynamic-gmm/make_panel.py), one estimation per process.

    ENV/bin/python bench/dynamic-gmm/peers.py CSV d|ld [OUT.json]

ENV: pydynpd 0.2.2 needs numpy < 2 (validation/requirements-pydynpd.txt). Command:
    "y L(1:2).y L(0:1).x | gmm(y, 2:99) | timedumm [nolevel]"
(two-step, Windmeijer SEs, Hansen and AR(1)/AR(2): pydynpd always computes them). For "d" this is
exactly plm's model; for "ld" pydynpd's system GMM differs from plm's (a constant, IV-style
instruments stacked over both equations: docs/estimators/gmm-conventions.md), so its estimates are
not plm's. Prints: peer, transformation, units, seconds (abond() only, CSV read excluded), peak RSS
of the process in MB (ru_maxrss), and writes coefficients and SEs to OUT.json when given.
"""
import contextlib
import io
import json
import resource
import sys
import time
from importlib import metadata

import pandas as pd
from pydynpd import regression


def main():
    csv, transformation = sys.argv[1], sys.argv[2]
    out = sys.argv[3] if len(sys.argv) > 3 else None
    frame = pd.read_csv(csv).sort_values(["id", "year"]).reset_index(drop=True)
    command = "y L(1:2).y L(0:1).x | gmm(y, 2:99) | timedumm" + (" nolevel" if transformation == "d" else "")
    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        result = regression.abond(command, frame, ["id", "year"])
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    model = result.models[0]
    table = model.regression_table
    print(f"peer=pydynpd transformation={transformation} units={model.N} seconds={seconds:.3f} "
          f"peak_rss_mb={peak_mb:.1f} instruments={model.z_information.num_instr} b1={table['coefficient'][0]:.10f}")
    if out:
        with open(out, "w") as handle:
            json.dump({"peer": "pydynpd", "version": metadata.version("pydynpd"), "transformation": transformation,
                       "command": command, "seconds": seconds, "peak_rss_mb": peak_mb,
                       "coefficient_names": list(table["variable"]),
                       "coefficients": [float(v) for v in table["coefficient"]],
                       "standard_errors": [float(v) for v in table["std_err"]],
                       "ar1": model.AR_list[0].AR, "ar2": model.AR_list[1].AR,
                       "hansen": model.hansen.test_value, "hansen_df": int(model.hansen.df),
                       "n_instruments": model.z_information.num_instr}, handle, indent=1, default=float)


if __name__ == "__main__":
    main()
