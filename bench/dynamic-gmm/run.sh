#!/usr/bin/env bash
# hetfirm gmm against plm pgmm and pydynpd on the same simulated panel, in the same run, interleaved:
# two-step difference and system GMM of the Arellano–Bond specification with two-way effects.
#   UNITS=20000 RUNS=1 PYDYNPD_PYTHON=ENV/bin/python bash bench/dynamic-gmm/run.sh
# Seconds are the estimation only for every tool (hetfirm's from --timing; the process time is logged too).
# Prints each run (seconds, peak RSS) and, per transformation, the medians, the ratios peer / hetfirm and
# the largest relative difference between hetfirm's and plm's coefficients and SEs (and pydynpd's for
# difference GMM; its system GMM is another model, docs/estimators/gmm-conventions.md).
# Without a pydynpd environment (PYDYNPD_PYTHON unset and python3 lacking pydynpd) that peer is skipped.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(cd ../.. && pwd)
UNITS=${UNITS:-20000}
RUNS=${RUNS:-1}
PY=${PYDYNPD_PYTHON:-python3}
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
(cd "$ROOT" && swift build -c release --product hetfirm >/dev/null)
HETFIRM="$ROOT/.build/release/hetfirm"
mkdir -p data
CSV=data/panel_${UNITS}.csv
[ -f "$CSV" ] || python3 make_panel.py --units "$UNITS"
FORMULA="y ~ l(y, 1:2) + l(x, 0:1) | l(y, 2:99)"
HAS_PYDYNPD=1
"$PY" -c "import pydynpd" 2>/dev/null || HAS_PYDYNPD=0
LOG=data/run_${UNITS}.log
: > "$LOG"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$LOG"
for run in $(seq 1 "$RUNS"); do
  for t in d ld; do
    transformation=$([ "$t" = d ] && echo difference || echo system)
    /usr/bin/time -f "%e %M" -o data/time.txt "$HETFIRM" gmm "$CSV" "$FORMULA" --panel id,year \
      --transformation "$transformation" --json --timing > "data/hetfirm_${UNITS}_${t}.json" 2> data/timing.txt || [ $? -eq 3 ]
    read -r wall kb < data/time.txt
    # Estimation seconds, as the peers report theirs (CSV reading excluded); the whole process beside it.
    seconds=$(sed -n 's/.*estimation \([0-9.]*\) s.*/\1/p' data/timing.txt)
    echo "run=$run peer=hetfirm transformation=$t seconds=$seconds process_seconds=$wall peak_rss_mb=$((kb / 1024))" | tee -a "$LOG"
    Rscript peers.R "$CSV" "$t" "data/plm_${UNITS}_${t}.json" | sed "s/^/run=$run /" | tee -a "$LOG"
    if [ "$HAS_PYDYNPD" = 1 ]; then
      "$PY" peers.py "$CSV" "$t" "data/pydynpd_${UNITS}_${t}.json" | sed "s/^/run=$run /" | tee -a "$LOG"
    fi
  done
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$LOG"
python3 - "$LOG" "$UNITS" <<'PY'
import json, os, re, statistics, sys
log, units = sys.argv[1], sys.argv[2]
rows = {}
for line in open(log):
    m = dict(re.findall(r"(\w+)=(\S+)", line))
    if "seconds" in m:
        rows.setdefault((m["peer"], m["transformation"]), []).append((float(m["seconds"]), float(m["peak_rss_mb"])))
for t in ("d", "ld"):
    if ("hetfirm", t) not in rows:
        continue
    own = statistics.median(v[0] for v in rows[("hetfirm", t)])
    print(f"{'difference' if t == 'd' else 'system'} GMM:")
    for peer in ["hetfirm"] + sorted(p for (p, tt) in rows if tt == t and p != "hetfirm"):
        values = rows[(peer, t)]
        seconds = statistics.median(v[0] for v in values)
        print(f"  {peer:8s} median {seconds:8.2f} s  peak RSS {statistics.median(v[1] for v in values):7.1f} MB"
              + ("" if peer == "hetfirm" else f"  ratio {seconds / own:6.1f}x"))
    ours = json.load(open(f"data/hetfirm_{units}_{t}.json"))
    for peer in ("plm", "pydynpd"):
        path = f"data/{peer}_{units}_{t}.json"
        if not os.path.exists(path) or (peer == "pydynpd" and t == "ld"):
            continue
        theirs = json.load(open(path))
        b = theirs.get("coefficients")
        se = theirs.get("standard_errors") or theirs.get("se")
        if isinstance(b, dict):
            b = list(b.values())
        if isinstance(se, dict):
            se = list(se.values())
        k = min(len(b), len(ours["coefficients"]))
        db = max(abs(ours["coefficients"][i] - b[i]) / abs(b[i]) for i in range(k))
        line = f"  hetfirm vs {peer}: coefficients max relative difference {db:.1e}"
        if se:
            ds = max(abs(ours["standardErrors"][i] - se[i]) / abs(se[i]) for i in range(k))
            line += f", SEs {ds:.1e}"
        print(line + f" ({k} coefficients)")
PY
