#!/usr/bin/env bash
# Times the GMM peers on the simulated panel: plm pgmm (Rscript) and pydynpd, two-step difference
# ("d") and system ("ld") GMM, interleaved RUNS times; prints each run and the medians.
#   UNITS=20000 RUNS=3 PYDYNPD_PYTHON=ENV/bin/python bash bench/dynamic-gmm/run_peers.sh
# The hetfirm side (hetfirm gmm on the same CSV) is added by the lead. Estimates of each peer are
# written to bench/dynamic-gmm/data/<peer>_<units>_<d|ld>.json for the 1e-6 comparison.
set -euo pipefail
cd "$(dirname "$0")"
UNITS=${UNITS:-20000}
RUNS=${RUNS:-3}
PY=${PYDYNPD_PYTHON:-python3}
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
CSV=data/panel_${UNITS}.csv
[ -f "$CSV" ] || python3 make_panel.py --units "$UNITS"
LOG=data/peers_${UNITS}.log
: > "$LOG"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$LOG"
for run in $(seq 1 "$RUNS"); do
  for t in d ld; do
    Rscript peers.R "$CSV" "$t" "data/plm_${UNITS}_${t}.json" | sed "s/^/run=$run /" | tee -a "$LOG"
    "$PY" peers.py "$CSV" "$t" "data/pydynpd_${UNITS}_${t}.json" | sed "s/^/run=$run /" | tee -a "$LOG"
  done
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$LOG"
python3 - "$LOG" <<'PY'
import re, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    m = dict(re.findall(r"(\w+)=(\S+)", line))
    if "seconds" in m:
        rows.setdefault((m["peer"], m["transformation"]), []).append((float(m["seconds"]), float(m["peak_rss_mb"])))
for (peer, t), values in sorted(rows.items()):
    print(f"median {peer:10s} {t:2s}: {statistics.median(v[0] for v in values):8.2f} s  "
          f"peak RSS {statistics.median(v[1] for v in values):7.1f} MB  ({len(values)} runs)")
PY
