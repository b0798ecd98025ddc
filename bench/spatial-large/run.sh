#!/usr/bin/env bash
# ln|I − ρW| for a row-standardised 10-nearest-neighbour W on N random points: hetfirm's sparse LU
# (exact), Chebyshev and Monte Carlo (approximate) in SpatialLargeBench, against what PySAL spreg
# does on the same W (peer_scipy.py): scipy's SuperLU per ρ (spreg ML_Lag method="LU") and, when
# the dense W fits in MAX_DENSE_GB, numpy's dense eigenvalues (spreg method="full", Panel_FE_Lag).
#
# Usage: bash bench/spatial-large/run.sh [N]     (default 50000; 3000 for the panel benchmark's W)
# Environment: RUNS (default 3), PYTHON (default python3), MAX_DENSE_GB (default 4).
#
# Both sides use the same W (SpatialLargeBench writes its edges; every weight is 1/10) and time
# in process: per-ρ figures are medians of 3 calls (101 for the approximate evaluations), the
# two programs alternate RUNS times and the medians over runs are printed with their ratios.
# Each run also reports its maximum resident set size (/usr/bin/time -v). Python is single-threaded
# (OMP/OPENBLAS_NUM_THREADS=1); the Swift side's traces use all cores, its log-determinants one.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
count=${1:-50000}
runs=${RUNS:-3}
python=${PYTHON:-python3}

echo "building SpatialLargeBench (release)..." >&2
(cd "$root" && swift build -c release --product SpatialLargeBench >&2)
bench=$(cd "$root" && swift build -c release --show-bin-path)/SpatialLargeBench
"$python" -c 'import numpy, scipy' || { echo "needs numpy and scipy" >&2; exit 1; }
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift_steps="lu mc chebyshev"
peer_steps="splu eigvals"
[ "$count" -le 5000 ] && swift_steps="lu traces mc chebyshev"
"$bench" "$count" "write=$work/edges.txt" > /dev/null
for run in $(seq "$runs"); do
    /usr/bin/time -v "$bench" "$count" $swift_steps 2> "$work/time-swift" >> "$work/times"
    echo "rss-swift $(awk '/Maximum resident/ { print $6 }' "$work/time-swift")" >> "$work/times"
    /usr/bin/time -v "$python" "$here/peer_scipy.py" "$work/edges.txt" "$count" $peer_steps 2> "$work/time-peer" >> "$work/times"
    echo "rss-peer $(awk '/Maximum resident/ { print $6 }' "$work/time-peer")" >> "$work/times"
done

median() { grep -F "$1 " "$work/times" | grep "^$1" | cut -d' ' -f2 | sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo "n $count, runs $runs, load average $(cut -d' ' -f1-3 /proc/loadavg), commit $(cd "$root" && git rev-parse --short HEAD)"
echo "set-up: sparse LU ordering $(median lu-setup) s, Monte Carlo traces $(median mc-setup) s, Chebyshev traces $(median chebyshev-setup) s$(grep -q '^eigvals-setup' "$work/times" && echo ", numpy dense eigvals $(median eigvals-setup) s")"
for rho in -0.5 0.2 0.5 0.8 0.95; do
    lu=$(median "lu-logdet($rho)"); splu=$(median "splu-logdet($rho)")
    printf 'rho %5s: sparse LU %.4f s, scipy splu %.4f s (%.1fx); values %s | %s; Chebyshev %s, Monte Carlo %s\n' "$rho" "$lu" "$splu" \
        "$(echo "$splu / $lu" | bc -l)" "$(grep -m1 "^lu-logdet($rho)" "$work/times" | cut -d' ' -f3)" \
        "$(grep -m1 "^splu-logdet($rho)" "$work/times" | cut -d' ' -f3)" \
        "$(grep -m1 "^chebyshev-logdet($rho)" "$work/times" | cut -d' ' -f3-)" "$(grep -m1 "^mc-logdet($rho)" "$work/times" | cut -d' ' -f3-)"
done
grep -m1 '^lu-traces' "$work/times" | sed 's/^/traces: /' || true
grep -m1 '^eigvals-skipped' "$work/times" | sed 's/^/numpy dense eigvals: /' || true
echo "max RSS (kB, median over runs): hetfirm $(median rss-swift), peer $(median rss-peer)"
