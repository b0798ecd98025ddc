#!/usr/bin/env bash
# hetfirm fmols (group-mean) vs a Python loop over arch's FullyModifiedOLS, on the same CSV in the same
# run, RUNS runs interleaved; prints each run, the medians and the ratio, and checks the group-mean
# slopes agree.
# Usage: bash bench/fmols/run.sh        (HETFIRM=path/to/hetfirm, UNITS=2000, PERIODS=40, RUNS=5,
#                                         KERNEL=bartlett, BANDWIDTH=auto, DATA_DIR=folder to keep the CSV)
set -euo pipefail
cd "$(dirname "$0")/../.."
HETFIRM=${HETFIRM:-.build/release/hetfirm}
UNITS=${UNITS:-2000}; PERIODS=${PERIODS:-40}; RUNS=${RUNS:-5}
KERNEL=${KERNEL:-bartlett}; BANDWIDTH=${BANDWIDTH:-auto}
if [ ! -x "$HETFIRM" ]; then swift build -c release --product hetfirm; fi
DATA_DIR=${DATA_DIR:-$(mktemp -d)}
CSV="$DATA_DIR/fmols_${UNITS}x${PERIODS}.csv"
[ -f "$CSV" ] || python3 bench/fmols/gen_data.py "$CSV" "$UNITS" "$PERIODS"
OUT=$(mktemp -d)
echo "data: $CSV; kernel $KERNEL, bandwidth $BANDWIDTH; load: $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq 1 "$RUNS"); do
    # interleaved: hetfirm then arch in every run
    start=$(date +%s.%N)
    "$HETFIRM" fmols "$CSV" "y ~ x1 + x2" --panel id,year --kernel "$KERNEL" --bandwidth "$BANDWIDTH" --json --timing \
        > "$OUT/hetfirm.json" 2> "$OUT/hetfirm.err"
    end=$(date +%s.%N)
    echo "hetfirm $run $(echo "$end - $start" | bc) $(sed -n 's/timing: reading \([0-9.]*\) s, estimation \([0-9.]*\) s/\1 \2/p' "$OUT/hetfirm.err")" >> "$OUT/times"
    start=$(date +%s.%N)
    python3 bench/fmols/arch_loop.py "$CSV" "$KERNEL" "$BANDWIDTH" > "$OUT/arch.json"
    end=$(date +%s.%N)
    echo "arch $run $(echo "$end - $start" | bc) $(python3 -c "import json;d=json.load(open('$OUT/arch.json'));print(d['reading_seconds'],d['estimation_seconds'])")" >> "$OUT/times"
    tail -2 "$OUT/times"
done
python3 - "$OUT" <<'PY'
import json, statistics, sys
out = sys.argv[1]
rows = [line.split() for line in open(out + "/times")]
def med(tool, col): return statistics.median(float(r[col]) for r in rows if r[0] == tool)
print("\n| tool | wall median s | CSV read median s | estimation median s | estimation runs s |")
print("|---|---:|---:|---:|---|")
for tool in ("hetfirm", "arch"):
    runs = " ".join(f"{float(r[4]):.3f}" for r in rows if r[0] == tool)
    print(f"| {tool} | {med(tool, 2):.3f} | {med(tool, 3):.3f} | {med(tool, 4):.3f} | {runs} |")
print(f"\narch loop / hetfirm: estimation {med('arch', 4) / med('hetfirm', 4):.1f}x, wall {med('arch', 2) / med('hetfirm', 2):.1f}x")
h = json.load(open(out + "/hetfirm.json")); a = json.load(open(out + "/arch.json"))
ours = [h["group_mean"]["coefficients"][n]["estimate"] for n in ("x1", "x2")]
tours = [h["group_mean"]["coefficients"][n]["t"] for n in ("x1", "x2")]
rel = max(abs(o - t) / abs(t) for o, t in zip(ours + tours, a["group_mean"] + a["t_group_mean"]))
print(f"group mean: hetfirm {ours} (t {tours}), arch {a['arch']} {a['group_mean']} (t {a['t_group_mean']}); "
      f"units {len(h['units'])} vs {a['units']}; max relative difference {rel:.1e}")
PY
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
