"""Cross-check of the plm pgmm fixture with pydynpd (Python; Wu, Hua and Xu's Stata-xtabond2-like package).

Runs every case of Tests/Fixtures/plm/gmm_empluk.json that pydynpd can express, on the same CSV
(Tests/Fixtures/plm/data/empluk.csv, its log_* columns), writes Tests/Fixtures/pydynpd/gmm_empluk.json
and prints, per case, the largest relative difference from plm in the coefficients, the robust
standard errors, Hansen J and the AR(1)/AR(2) statistics.

pydynpd 0.2.2 needs numpy < 2 (it calls numpy.in1d and float() on 1x1 arrays), so run it in its own
environment:  python3 -m venv ENV && ENV/bin/pip install -r validation/requirements-pydynpd.txt
              ENV/bin/python validation/pydynpd_gmm.py

Command mapping (pydynpd syntax "dep regressors | gmm(var, a:b) iv(...) | options"):
  transformation "d"   -> option "nolevel";   "ld" -> pydynpd's default system GMM
  effect "twoways"     -> option "timedumm" (year_YYYY dummies as regressors and IV-style instruments)
  model "onestep"      -> option "onestep";   collapse -> option "collapse"
pydynpd's system GMM always has a constant ("_con") and puts each IV-style instrument (standard
instruments, time dummies) in ONE column stacked over the differenced and level equations, whereas plm
uses separate columns (standard instruments) or the level equations only (dummies, intercept); so
the "ld" cases are different models and are recorded with comparable = false. See
docs/estimators/gmm-conventions.md, section "pydynpd".
"""
import contextlib
import hashlib
import io
import json
import os
import platform
import sys
from importlib import metadata

import numpy as np
import pandas as pd
from pydynpd import regression

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, ".."))

PARTS = {
    "ab": "log_emp L(1:2).log_emp L(0:1).log_wage log_capital L(0:1).log_output | gmm(log_emp, 2:99)",
    "small": "log_emp L1.log_emp log_wage | gmm(log_emp, 2:4)",
    "bb": "log_emp L1.log_emp L(0:1).log_wage L(0:1).log_capital | gmm(log_emp log_wage log_capital, 2:99)",
    "iv3": "log_emp L(1:2).log_emp L(0:1).log_wage log_capital L(0:1).log_output | gmm(log_emp, 2:99) "
           "iv(L(0:1).log_wage log_capital log_output)",
}


def command_for(case):
    options = []
    if case["transformation"] == "d":
        options.append("nolevel")
    if case["effect"] == "twoways":
        options.append("timedumm")
    if case["model"] == "onestep":
        options.append("onestep")
    if case["collapse"]:
        options.append("collapse")
    text = PARTS[case["id"].split("_")[0]]
    return text + (" | " + " ".join(options) if options else "")


def plm_name(pydynpd_name, index, plm_names, n_slopes):
    if pydynpd_name == "_con":
        return "(Intercept)"
    if pydynpd_name.startswith("year_"):
        return pydynpd_name[len("year_"):]
    return plm_names[index] if index < n_slopes else None


def rel(a, b):
    a, b = np.asarray(a, float), np.asarray(b, float)
    return float(np.max(np.abs(a - b) / np.maximum(np.abs(b), 1e-300)))


def main():
    with open(os.path.join(REPO, "Tests", "Fixtures", "plm", "gmm_empluk.json")) as handle:
        plm = json.load(handle)
    csv = os.path.join(REPO, plm["csv"])
    with open(csv, "rb") as handle:
        sha = hashlib.sha256(handle.read()).hexdigest()
    assert sha == plm["provenance"]["data_sha256"], "CSV differs from the one plm's fixture was computed on"
    frame = pd.read_csv(csv).sort_values(["firm", "year"]).reset_index(drop=True)  # pydynpd needs sorted rows

    cases, table = [], []
    for case in plm["cases"]:
        command = command_for(case)
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            result = regression.abond(command, frame.copy(), ["firm", "year"])
        model = result.models[0]
        step = model.step_results[model.options.steps - 1]
        names = list(model.regression_table["variable"])
        beta = step.beta[:, 0]
        vcov = step.vcov
        n_slopes = sum(1 for n in case["coefficient_names"] if n != "(Intercept)" and not n.isdigit())
        mapped = [plm_name(n, i, case["coefficient_names"], n_slopes) for i, n in enumerate(names)]
        comparable = case["transformation"] == "d"
        entry = {
            "id": case["id"],
            "plm_case": case["id"],
            "command": command,
            "comparable_with_plm": comparable,
            "coefficient_names": names,
            "plm_coefficient_names": mapped,
            "coefficients": dict(zip(names, map(float, beta))),
            "standard_errors": dict(zip(names, map(float, np.sqrt(np.diag(vcov))))),
            "standard_errors_kind": "one-step robust sandwich" if case["model"] == "onestep" else "Windmeijer-corrected two-step",
            "vcov_matrix": [float(v) for v in vcov.ravel()],
            "hansen": {"statistic": float(model.hansen.test_value), "df": int(model.hansen.df),
                       "p_value": float(model.hansen.p_value)},
            "ar1": {"statistic": float(model.AR_list[0].AR), "p_value": float(model.AR_list[0].P_value)},
            "ar2": {"statistic": float(model.AR_list[1].AR), "p_value": float(model.AR_list[1].P_value)},
            "n_instruments": int(model.z_information.num_instr),
            "n_groups": int(model.N),
            "nobs": int(model.num_obs),
        }
        common = [(i, m) for i, m in enumerate(mapped) if m in case["coefficient_names"]]
        idx = [i for i, _ in common]
        plm_b = [float(case["coefficients"][m]) for _, m in common]
        plm_se = [float(case["standard_errors_robust"][m]) for _, m in common]
        diff = {
            "coefficients": rel(beta[idx], plm_b),
            "standard_errors_robust": rel(np.sqrt(np.diag(vcov))[idx], plm_se),
            "hansen_vs_plm_sargan": rel(entry["hansen"]["statistic"], float(case["sargan"]["statistic"])),
            "ar1": rel(entry["ar1"]["statistic"], float(case["ar1"]["statistic"])),
            "ar2": rel(entry["ar2"]["statistic"], float(case["ar2"]["statistic"])),
        }
        entry["max_relative_difference_vs_plm"] = diff
        entry["same_counts_as_plm"] = {
            "n_instruments": entry["n_instruments"] == case["n_instruments"],
            "hansen_df": entry["hansen"]["df"] == case["sargan"]["df"],
            "nobs": entry["nobs"] == case["nobs"],
            "n_coefficients": len(names) == len(case["coefficient_names"]),
        }
        cases.append(entry)
        table.append((case["id"], comparable, diff, entry["n_instruments"], case["n_instruments"],
                      entry["nobs"], case["nobs"]))

    fixture = {
        "provenance": {
            "package": "pydynpd",
            "version": metadata.version("pydynpd"),
            "numpy": np.__version__,
            "pandas": pd.__version__,
            "python": platform.python_version(),
            "script": "validation/pydynpd_gmm.py",
            "data_sha256": sha,
        },
        "csv": plm["csv"],
        "data_sha256_of": "bytes of the csv file",
        "note": "pydynpd reports robust standard errors only; one-step cases report Hansen J at the "
                "two-step estimates (pydynpd always runs two steps)",
        "cases": cases,
    }
    out_dir = os.path.join(REPO, "Tests", "Fixtures", "pydynpd")
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "gmm_empluk.json"), "w") as handle:
        json.dump(fixture, handle, indent=1)
        handle.write("\n")
    print("wrote Tests/Fixtures/pydynpd/gmm_empluk.json")
    print(f"{'case':38s} {'same model':>10s} {'coef':>8s} {'SE':>8s} {'Hansen':>8s} {'AR1':>8s} {'AR2':>8s}  L(pd/plm) nobs(pd/plm)")
    for cid, comparable, d, lp, lq, np_, nq in table:
        print(f"{cid:38s} {str(comparable):>10s} {d['coefficients']:8.1e} {d['standard_errors_robust']:8.1e} "
              f"{d['hansen_vs_plm_sargan']:8.1e} {d['ar1']:8.1e} {d['ar2']:8.1e}  {lp}/{lq} {np_}/{nq}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
