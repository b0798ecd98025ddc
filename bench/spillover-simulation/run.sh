#!/usr/bin/env bash
# hetfirm vs a vectorized numpy implementation of the same data-generating steps, at the paper-003
# scale (information-spillover: 14,000 multi-plant firms, 300 cities, 120 destinations, 12 years,
# about 6 million plant x destination x year rows): simulation (world, firm network, demand path,
# source exporters, learning, entry, sales, imports, products, gross output) plus construction of the
# paper-003 regressors (eqs. (13), (14), local and province controls, (16)-(17), dummies).
#
# Usage: bash bench/spillover-simulation/run.sh      (from anywhere)
# Environment: RUNS (default 3), PYTHON (default python3), PRODUCTS (default 0; 1: both sides also
# keep the plant x product panel, which the regressors do not read; by default both draw the
# products and neither keeps them, as `hetfirm run` when no block reads data = "products").
#
# Both sides do the same work: the bench executable writes its resolved [model] table and, for each
# seed, the world, firm network, demand path and source aggregates it draws (untimed, just before
# that seed's timed pair); the numpy peer draws its own of each (timed, the same drawing work), then simulates
# the rows on hetfirm's, so both sides simulate the same plant x destination x year rows (the script
# checks the row counts) and differ only in the row-level draws. Each side reports its own
# in-process timings (start-up, imports and writing excluded) and /usr/bin/time gives the wall time
# and peak memory of the whole process. The headline is the per-row ratio: median seconds per
# million rows of numpy over hetfirm's.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
runs=${RUNS:-3}
products=()
[[ ${PRODUCTS:-0} == 1 ]] && products=(--products)
python=${PYTHON:-python3}
bench=$root/.build/release/SpilloverSimulationBench

echo "building SpilloverSimulationBench (release)..." >&2
(cd "$root" && swift build -c release --product SpilloverSimulationBench >&2)
[[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time (Debian: apt-get install time)" >&2; exit 1; }
"$python" -c 'import numpy' 2>/dev/null || { echo "needs numpy: $python -m pip install numpy" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
"$bench" --emit-parameters "$work/model.toml" > /dev/null

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); cores: $(getconf _NPROCESSORS_ONLN); numpy $("$python" -c 'import numpy; print(numpy.__version__)'); $("$python" --version 2>&1)"
echo "hetfirm commit: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown); runs per tool: $runs (interleaved); product panel kept: ${PRODUCTS:-0}"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq 1 "$runs"); do
    "$bench" --seed "$i" --emit-world "$work/world-$i" > /dev/null
    /usr/bin/time -f '%e %M' -o "$work/hetfirm-$i.time" "$bench" --seed "$i" "${products[@]}" > "$work/hetfirm-$i.json"
    /usr/bin/time -f '%e %M' -o "$work/numpy-$i.time" "$python" "$here/peer_numpy.py" "${products[@]}" "$work/model.toml" "$i" "$work/world-$i" > "$work/numpy-$i.json"
    rm -rf "$work/world-$i"
done
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
echo

"$python" - "$work" "$runs" <<'PY'
import json, statistics, sys
work, runs = sys.argv[1], int(sys.argv[2])
def load(tool):
    results = [json.load(open(f"{work}/{tool}-{i}.json")) for i in range(1, runs + 1)]
    times = [open(f"{work}/{tool}-{i}.time").read().split() for i in range(1, runs + 1)]
    return results, [float(t[0]) for t in times], [int(t[1]) / 1024 ** 2 for t in times]
h, hwall, hmem = load("hetfirm")
p, pwall, pmem = load("numpy")
def med(rows, key): return statistics.median(r[key] for r in rows)
def per_million(r): return r["total_seconds"] / (r["rows"] / 1e6)
print("Compared: one replication at paper scale per seed (seeds 1..%d), simulation + regressors, one thread;" % runs)
print("both sides simulate the same plant x destination x year rows (hetfirm's drawn world, firm network,")
print("demand path and source aggregates); row-level draws differ (GSL MT19937 vs numpy PCG64). Both draw the")
print("products; the plant x product panel is kept on both sides only with PRODUCTS=1.")
for i, (a, b) in enumerate(zip(h, p), 1):
    same = "same rows" if a["rows"] == b["rows"] else f"ROW COUNTS DIFFER by {b['rows'] - a['rows']:+,}"
    print(f"  seed {i}: hetfirm {a['rows']:,} rows, numpy {b['rows']:,} rows ({same}); "
          f"s per M rows hetfirm {per_million(a):.3f}, numpy {per_million(b):.3f}, ratio {per_million(b) / per_million(a):.2f}")
print()
print(f"{'tool':<12} {'rows (median)':>13} {'simulate s':>10} {'construct s':>11} {'total s':>8} {'s per M rows':>12} {'process wall s':>14} {'peak GB':>8}")
for name, rows, wall, mem in (("hetfirm", h, hwall, hmem), ("numpy peer", p, pwall, pmem)):
    print(f"{name:<12} {med(rows, 'rows'):>13,.0f} {med(rows, 'simulate_seconds'):>10.2f} {med(rows, 'construct_seconds'):>11.2f}"
          f" {med(rows, 'total_seconds'):>8.2f} {statistics.median(per_million(r) for r in rows):>12.3f}"
          f" {statistics.median(wall):>14.2f} {max(mem):>8.2f}")
ratio = statistics.median(per_million(r) for r in p) / statistics.median(per_million(r) for r in h)
print(f"per-row ratio numpy / hetfirm (median s per M rows, simulate + construct): {ratio:.2f}  (> 1: hetfirm is faster)")
print(f"median of the per-seed ratios: {statistics.median(per_million(b) / per_million(a) for a, b in zip(h, p)):.2f}")
print(f"ratio of median process wall times: {statistics.median(pwall) / statistics.median(hwall):.2f}")
print("moments (median over runs): " + ", ".join(
    f"{key} hetfirm {med(h, key):.4g} / numpy {med(p, key):.4g}" for key in ("mean_lnexp", "share_with_dlnaffiliate", "mean_delta")))
PY
