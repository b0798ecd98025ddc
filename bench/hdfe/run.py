"""hetfirm vs pyfixest on a high-dimensional fixed-effects OLS (plant x destination x year).

Usage: python3 bench/hdfe/run.py              (from anywhere)

Environment:
  HETFIRM   hetfirm binary (default: .build/release/hetfirm under the repo root; built with
            `swift build -c release --product hetfirm` when missing). If the binary has no
            `estimate --timing`, the run is pyfixest-only and says so.
  SIZES     target row counts (default "1000000 5000000")
  RUNS      runs per tool and size, interleaved (default 3); medians are reported
  PYTHON    interpreter for the generator and the pyfixest driver (default: this one)
  DATA_DIR  keep the generated CSVs there and reuse them (default: a temporary folder, deleted)
  SEED      generator seed (default 20030)
  PYFIXEST_TOL  passed through to pyfixest_fit.py (unset: pyfixest's default demeaner)

Per size: gen_data.py writes the CSV; then RUNS times, in turn, `hetfirm estimate` and
pyfixest_fit.py, each as its own process under /usr/bin/time -f %M (peak RSS, which includes
reading the CSV for both). Estimation times exclude CSV reading on both sides: hetfirm's own
`--timing` figure, and pyfixest_fit.py's perf_counter around feols (after an untimed warm-up fit).
"""

import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
FORMULA = "y ~ x1 + x2 + x1:x2 | plant^year + dest^year + city^dest"
HETFIRM_VCOV = "cluster=city^dest"
TOLERANCE = 1e-6


def log(message):
    print(message, file=sys.stderr, flush=True)


def timed_process(command, label, work):
    """Runs command under /usr/bin/time; returns (stdout, stderr, peak RSS in MB)."""
    rss_file = work / "rss.out"
    completed = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", str(rss_file), *command],
                               capture_output=True, text=True)
    # hetfirm exits 3 when it finished with warnings; the estimate is still there.
    if completed.returncode not in (0, 3):
        log(f"{label} failed (exit {completed.returncode}):\n{completed.stdout[-2000:]}\n{completed.stderr[-4000:]}")
        sys.exit(1)
    rss_kb = int(rss_file.read_text().strip().splitlines()[-1])
    return completed.stdout, completed.stderr, rss_kb / 1024.0


def hetfirm_binary():
    explicit = os.environ.get("HETFIRM")
    binary = Path(explicit) if explicit else ROOT / ".build" / "release" / "hetfirm"
    if not explicit and not binary.exists():
        log("building hetfirm (release)...")
        build = subprocess.run(["swift", "build", "-c", "release", "--product", "hetfirm"], cwd=ROOT,
                               capture_output=True, text=True)
        if build.returncode != 0:
            log("hetfirm does not build here:\n" + build.stdout[-1500:] + build.stderr[-1500:])
    if not binary.exists():
        return None, f"no hetfirm binary at {binary}"
    probe = subprocess.run([str(binary), "estimate", "--help"], capture_output=True, text=True)
    if "--timing" not in probe.stdout + probe.stderr:
        return None, f"{binary} has no `estimate --timing`"
    return binary, None


def standard_errors(covariance, k):
    """Standard errors from hetfirm's JSON covariance object: a `standardErrors` array, or the
    square roots of the diagonal of a k x k matrix (nested or flat) under a matrix-like key."""
    if not isinstance(covariance, dict):
        return None
    if isinstance(covariance.get("standardErrors"), list):
        return covariance["standardErrors"]
    for key in ("matrix", "values", "elements", "entries", "covariance"):
        m = covariance.get(key)
        if not isinstance(m, list) or not m:
            continue
        flat = [v for row in m for v in row] if isinstance(m[0], list) else m
        if len(flat) == k * k:
            return [flat[i * k + i] ** 0.5 for i in range(k)]
    return None


def run_hetfirm(binary, data, work):
    out, err, rss = timed_process([str(binary), "estimate", str(data), FORMULA, "--vcov", HETFIRM_VCOV,
                                   "--timing", "--json"], "hetfirm", work)
    line = next((l for l in err.splitlines() if l.startswith("timing:")), None)
    if line is None:
        log("hetfirm printed no timing line:\n" + err)
        sys.exit(1)
    # "timing: reading X s, estimation Y s"
    reading = float(line.split("reading")[1].split("s,")[0])
    estimation = float(line.split("estimation")[1].split("s")[0])
    result = json.loads(out)
    names = result["coefficientNames"]
    ses = standard_errors(result.get("covariance"), len(names))
    warnings = [l for l in err.splitlines() if l.startswith("warning:")]
    return {"reading": reading, "estimation": estimation, "rss": rss,
            "observations": result.get("observationCount"),
            "coefficients": dict(zip(names, result["coefficients"])),
            "standard_errors": dict(zip(names, ses)) if ses else {},
            "warnings": warnings}


def run_pyfixest(python, data, work):
    out_json = work / "pyfixest.json"
    _, err, rss = timed_process([python, str(HERE / "pyfixest_fit.py"), str(data), str(out_json)],
                                "pyfixest", work)
    result = json.loads(out_json.read_text())
    return {"reading": result["reading_seconds"], "warmup": result["warmup_seconds"],
            "estimation": result["estimation_seconds"], "rss": rss,
            "observations": result["observations"], "rows": result["rows"],
            "coefficients": result["coefficients"], "standard_errors": result["standard_errors"],
            "demeaner": result.get("demeaner"), "versions": result["versions"]}


def main():
    sizes = [int(s) for s in os.environ.get("SIZES", "1000000 5000000").split()]
    runs = int(os.environ.get("RUNS", "3"))
    python = os.environ.get("PYTHON", sys.executable)
    seed = os.environ.get("SEED", "20030")
    if not Path("/usr/bin/time").exists():
        log("needs /usr/bin/time (Debian: apt-get install time)")
        sys.exit(1)
    binary, why_not = hetfirm_binary()

    temporary = None
    if os.environ.get("DATA_DIR"):
        data_dir = Path(os.environ["DATA_DIR"])
        data_dir.mkdir(parents=True, exist_ok=True)
    else:
        temporary = tempfile.mkdtemp(prefix="hdfe-bench-")
        data_dir = Path(temporary)
    work = Path(tempfile.mkdtemp(prefix="hdfe-work-"))

    try:
        commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                                capture_output=True, text=True).stdout.strip() or "unknown"
        print(f"date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; cores: {os.cpu_count()}; "
              f"{platform.python_implementation()} {platform.python_version()}; bench commit {commit}")
        if binary:
            version = subprocess.run([str(binary), "--version"], capture_output=True, text=True).stdout.strip()
            print(f"hetfirm: {binary.name} {version}".rstrip())
        else:
            print(f"hetfirm: not run ({why_not})")
        print(f"formula: {FORMULA}; hetfirm --vcov {HETFIRM_VCOV}; pyfixest vcov={{'CRV1': 'city_dest'}}")
        print(f"runs per tool and size: {runs}, interleaved; medians")
        print(f"load average before: {' '.join(Path('/proc/loadavg').read_text().split()[:3])}")

        summary = []
        agreement = []
        for size in sizes:
            data = data_dir / f"hdfe-{size}-seed{seed}.csv"
            if not data.exists():
                log(f"generating {data.name} ...")
                generated = subprocess.run([python, str(HERE / "gen_data.py"), str(size), str(data), "--seed", seed],
                                           capture_output=True, text=True)
                if generated.returncode != 0:
                    log(generated.stderr)
                    sys.exit(1)
                print(generated.stderr.strip().replace(str(data), data.name))
            results = {"hetfirm": [], "pyfixest": []}
            for run in range(1, runs + 1):
                if binary:
                    h = run_hetfirm(binary, data, work)
                    results["hetfirm"].append(h)
                    log(f"{size} run {run} hetfirm: reading {h['reading']:.2f} s, estimation {h['estimation']:.2f} s, "
                        f"peak RSS {h['rss']:.0f} MB")
                p = run_pyfixest(python, data, work)
                results["pyfixest"].append(p)
                log(f"{size} run {run} pyfixest: reading {p['reading']:.2f} s, warm-up {p['warmup']:.2f} s, "
                    f"estimation {p['estimation']:.2f} s, peak RSS {p['rss']:.0f} MB")
            rows = results["pyfixest"][0]["rows"]
            medians = {}
            for tool, rs in results.items():
                if not rs:
                    continue
                medians[tool] = (statistics.median(r["estimation"] for r in rs),
                                 statistics.median(r["rss"] for r in rs),
                                 statistics.median(r["reading"] for r in rs),
                                 [r["estimation"] for r in rs])
            summary.append((rows, medians))
            if binary:
                h, p = results["hetfirm"][-1], results["pyfixest"][-1]
                if set(h["coefficients"]) != set(p["coefficients"]) and len(h["coefficients"]) == len(p["coefficients"]):
                    log(f"coefficient names differ ({list(h['coefficients'])} vs {list(p['coefficients'])}): matched by position")
                    h["coefficients"] = dict(zip(p["coefficients"], h["coefficients"].values()))
                    h["standard_errors"] = dict(zip(p["coefficients"], h["standard_errors"].values()))
                diffs = {name: abs(h["coefficients"][name] - p["coefficients"][name])
                         for name in p["coefficients"] if name in h["coefficients"]}
                se_rel = {name: abs(h["standard_errors"][name] / p["standard_errors"][name] - 1)
                          for name in p["standard_errors"] if name in h["standard_errors"]}
                agreement.append((rows, h, p, diffs, se_rel))

        print()
        print("| rows | tool | estimation median s | runs s | peak RSS MB (median) | CSV read s | pyfixest/hetfirm |")
        print("|---:|---|---:|---|---:|---:|---:|")
        for rows, medians in summary:
            ratio = ""
            if "hetfirm" in medians:
                ratio = f"{medians['pyfixest'][0] / medians['hetfirm'][0]:.2f}x"
            for tool in ("hetfirm", "pyfixest"):
                if tool not in medians:
                    continue
                est, rss, reading, each = medians[tool]
                print(f"| {rows:,} | {tool} | {est:.2f} | {' '.join(f'{e:.2f}' for e in each)} | {rss:,.0f} | "
                      f"{reading:.2f} | {ratio if tool == 'pyfixest' else ''} |")
        print()
        print("Peak RSS is the whole process (/usr/bin/time %M): it includes reading the CSV for both, and for")
        print("pyfixest the Python interpreter, pandas and the untimed warm-up fit on ~20,000 rows.")
        demeaner = results["pyfixest"][-1]["demeaner"]
        versions = results["pyfixest"][-1]["versions"]
        print(f"pyfixest {versions['pyfixest']} (pandas {versions['pandas']}, numpy {versions['numpy']}), "
              f"demeaner {demeaner}.")
        if not binary:
            print(f"\nhetfirm not run: {why_not}.\nLater: HETFIRM=path/to/hetfirm python3 bench/hdfe/run.py")
        for rows, h, p, diffs, se_rel in agreement:
            worst = max(diffs.values(), default=float("inf"))
            print(f"\ncoefficients at {rows:,} rows (last run; observations hetfirm {h['observations']}, "
                  f"pyfixest {p['observations']}): max |difference| {worst:.2e} -> "
                  f"{'agree' if worst <= TOLERANCE else 'DO NOT agree'} to {TOLERANCE:g}")
            for name in p["coefficients"]:
                hc = h["coefficients"].get(name, float("nan"))
                hs = h["standard_errors"].get(name, float("nan"))
                print(f"  {name:6s} hetfirm {hc:.10f} (se {hs:.6g})  pyfixest {p['coefficients'][name]:.10f} "
                      f"(se {p['standard_errors'][name]:.6g})  |diff| {diffs.get(name, float('nan')):.2e}  "
                      f"se rel diff {se_rel.get(name, float('nan')):.1e}")
            if h["warnings"]:
                print("  hetfirm warnings: " + "; ".join(h["warnings"]))
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if temporary:
            shutil.rmtree(temporary, ignore_errors=True)


if __name__ == "__main__":
    main()
