#!/usr/bin/env bash
# Spatial ML benchmarks (issue 14), hetfirm against the peer a user would pick, same input, interleaved.
#
#   panel: SAR and SEM with unit fixed effects, N = 3,000 units (10-nearest-neighbour W) × T = 10,
#          hetfirm spatial … --effects individual vs spreg ML_LagFE / ML_ErrorFE;
#   cross: SAR on a 50,000-unit cross-section with a sparse 10-NN W: hetfirm (sparse LU) vs spreg ML_Lag
#          (method "full" needs the dense 50,000² W, 20 GB, and "LU" a dense inverse for its covariance:
#          both are run under a memory limit and what they do is reported).
#
# Usage: bash bench/spatial-panel/run.sh   (HETFIRM=…, RUNS=3, UNITS=3000, PERIODS=10, CROSS_UNITS=50000,
#        DATA_DIR=…, PEER_MEMORY_KB=20000000, SKIP_CROSS=1 to run only the panel)
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-3}
UNITS=${UNITS:-3000}
PERIODS=${PERIODS:-10}
CROSS_UNITS=${CROSS_UNITS:-50000}
DATA_DIR=${DATA_DIR:-$(mktemp -d)}
PEER_MEMORY_KB=${PEER_MEMORY_KB:-20000000}
if [[ -z "${HETFIRM:-}" ]]; then
  swift build -c release --product hetfirm >/dev/null
  HETFIRM=.build/release/hetfirm
fi
python3 bench/spatial-panel/gen_data.py --units "$UNITS" --periods "$PERIODS" --out "$DATA_DIR/panel"
echo "panel: $UNITS units × $PERIODS periods, 10-NN W ($DATA_DIR/panel)"
for model in sar sem; do
  response=$([[ $model == sar ]] && echo y_sar || echo y_sem)
  hetfirm_times=()
  peer_times=()
  for run in $(seq "$RUNS"); do
    start=$EPOCHREALTIME
    "$HETFIRM" spatial "$DATA_DIR/panel/data.csv" "$response ~ x1 + x2" --weights "$DATA_DIR/panel/w.gal" \
      --model "$model" --panel unit,time --effects individual --json > "$DATA_DIR/hetfirm-$model-$run.json"
    end=$EPOCHREALTIME
    hetfirm_times+=("$(python3 -c "print(f'{$end - $start:.3f}')")")
    echo "hetfirm $model run $run: ${hetfirm_times[-1]} s (whole process: reading, W, estimation, covariance)"
    python3 bench/spatial-panel/peer_spreg.py --dir "$DATA_DIR/panel" --model "$model" > "$DATA_DIR/spreg-$model-$run.json"
    peer_times+=("$(python3 -c "import json,sys; print(f\"{json.load(open(sys.argv[1]))['seconds']:.3f}\")" "$DATA_DIR/spreg-$model-$run.json")")
    echo "spreg $model run $run: ${peer_times[-1]} s (estimation only)"
  done
  python3 bench/spatial-panel/compare.py "$DATA_DIR/hetfirm-$model-1.json" "$DATA_DIR/spreg-$model-1.json"
  python3 - "$model" "${hetfirm_times[*]}" "${peer_times[*]}" <<'PY'
import statistics, sys
ours = [float(value) for value in sys.argv[2].split()]
peer = [float(value) for value in sys.argv[3].split()]
print(f"  {sys.argv[1]}: median hetfirm {statistics.median(ours):.3f} s, median spreg {statistics.median(peer):.3f} s, "
      f"ratio {statistics.median(peer) / statistics.median(ours):.1f}x; per run "
      + ", ".join(f"{p / o:.1f}x" for o, p in zip(ours, peer)))
PY
done
[[ -n "${SKIP_CROSS:-}" ]] && exit 0
python3 bench/spatial-panel/gen_data.py --units "$CROSS_UNITS" --periods 1 --out "$DATA_DIR/cross"
echo "cross-section: $CROSS_UNITS units, 10-NN W"
/usr/bin/time -f "hetfirm SAR cross-section: %e s wall, %M KB max RSS" \
  "$HETFIRM" spatial "$DATA_DIR/cross/data.csv" "y_sar ~ x1 + x2" --weights "$DATA_DIR/cross/w.gal" \
  --model sar --id unit --json > "$DATA_DIR/hetfirm-cross.json"
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print({k: d[k] for k in d if k in ('coefficients','log_likelihood','log_determinant','warnings')})" "$DATA_DIR/hetfirm-cross.json" | cut -c1-600
for method in full LU; do
  if ( ulimit -v "$PEER_MEMORY_KB"; /usr/bin/time -f "spreg ML_Lag method=$method: %e s wall, %M KB max RSS" \
      python3 bench/spatial-panel/peer_spreg.py --dir "$DATA_DIR/cross" --model sar --method "$method" \
      > "$DATA_DIR/spreg-cross-$method.json" 2> "$DATA_DIR/spreg-cross-$method.err" ); then
    cat "$DATA_DIR/spreg-cross-$method.json"
  else
    echo "spreg ML_Lag method=$method failed under a ${PEER_MEMORY_KB} KB address-space limit:"
    tail -n 2 "$DATA_DIR/spreg-cross-$method.err"
  fi
done
