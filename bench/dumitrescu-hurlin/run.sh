#!/usr/bin/env bash
# hetfirm granger vs R plm::pgrangertest (Dumitrescu-Hurlin) on the same CSV, in the same run.
#
#   bash bench/dumitrescu-hurlin/run.sh          (from anywhere)
#
# Environment: HETFIRM (default .build/release/hetfirm, built when missing), UNITS (2000), PERIODS (40),
# LAGS (2), RUNS (5, interleaved: hetfirm, plm, hetfirm, plm, ...), DATA_DIR (keep the CSV there).
# Each run is its own process. "test" times exclude reading the CSV on both sides (hetfirm's --timing,
# R's proc.time() around pgrangertest only); "process" is the whole command's wall time (R: starting R,
# loading plm, read.csv; hetfirm: reading the CSV). Prints the medians, the ratios plm/hetfirm, and
# W-bar and Z-tilde from both.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
HETFIRM="${HETFIRM:-$ROOT/.build/release/hetfirm}"
UNITS="${UNITS:-2000}" PERIODS="${PERIODS:-40}" LAGS="${LAGS:-2}" RUNS="${RUNS:-5}"
if [ ! -x "$HETFIRM" ]; then (cd "$ROOT" && swift build -c release --product hetfirm >&2); fi
WORK="${DATA_DIR:-$(mktemp -d)}"
mkdir -p "$WORK"
DATA="$WORK/dh_${UNITS}x${PERIODS}.csv"
[ -f "$DATA" ] || Rscript "$HERE/gen_data.R" "$DATA" "$UNITS" "$PERIODS"
echo "data: $UNITS units x $PERIODS periods ($(($(wc -l < "$DATA") - 1)) rows), K = $LAGS; load: $(cut -d' ' -f1-3 /proc/loadavg)"

now() { date +%s.%N; }
field() { sed -n "s/.*$1 \([0-9.]*\) s.*/\1/p"; }
H_TEST=() P_TEST=() H_PROC=() P_PROC=()
for run in $(seq 1 "$RUNS"); do
  start=$(now)
  "$HETFIRM" granger "$DATA" --panel id,year --y y --x x --lags "$LAGS" --json --timing > "$WORK/hetfirm.json" 2> "$WORK/hetfirm.err" || [ $? -eq 3 ]
  end=$(now)
  H_PROC+=("$(echo "$end - $start" | bc -l)")
  H_TEST+=("$(grep '^timing:' "$WORK/hetfirm.err" | field test)")
  start=$(now)
  Rscript "$HERE/plm_test.R" "$DATA" "$LAGS" > "$WORK/plm.out" 2> "$WORK/plm.err"
  end=$(now)
  P_PROC+=("$(echo "$end - $start" | bc -l)")
  P_TEST+=("$(grep '^timing:' "$WORK/plm.out" | field test)")
  echo "run $run: hetfirm test ${H_TEST[-1]} s (process ${H_PROC[-1]:0:6} s), plm test ${P_TEST[-1]} s (process ${P_PROC[-1]:0:6} s)"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
HT=$(median "${H_TEST[@]}") PT=$(median "${P_TEST[@]}") HP=$(median "${H_PROC[@]}") PP=$(median "${P_PROC[@]}")
printf 'median test:    hetfirm %.4f s, plm %.3f s, plm/hetfirm %.0fx\n' "$HT" "$PT" "$(echo "$PT / $HT" | bc -l)"
printf 'median process: hetfirm %.3f s, plm %.3f s, plm/hetfirm %.1fx\n' "$HP" "$PP" "$(echo "$PP / $HP" | bc -l)"
python3 - "$WORK/hetfirm.json" "$WORK/plm.out" <<'PY'
import json, sys
h = json.load(open(sys.argv[1]))
p = dict(line.split()[:2] for line in open(sys.argv[2]) if not line.startswith("timing"))
wbar, zt = float(p["Wbar"]), float(p["Ztilde"])
print(f"W-bar   hetfirm {h['wBar']!r}  plm {wbar!r}  rel diff {abs(h['wBar'] - wbar) / abs(wbar):.1e}")
print(f"Z-tilde hetfirm {h['zTilde']['statistic']!r}  plm {zt!r}  rel diff {abs(h['zTilde']['statistic'] - zt) / abs(zt):.1e}")
print(f"units   hetfirm {h['units']}  plm {p['units']}")
PY
