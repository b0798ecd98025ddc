#!/usr/bin/env bash
# e^x and log x over a 10M-double column: Foundation's scalar exp/log loop and Numerical.VectorMath
# (SLEEF) in VectorMathBench, against numpy.exp/numpy.log on the same inputs.
#
# Usage: bash bench/vector-math/run.sh      (from anywhere)
# Environment: RUNS (default 5), COUNT (default 10000000), PYTHON (default python3).
#
# Both sides build the same inputs (x_i = -700 + 1400 (i + 0.5)/COUNT, y_i = 1000 (i + 0.5)/COUNT) and
# time one call over the whole column into a preallocated output, in process (start-up and input
# construction not counted); the two programs alternate RUNS times and the medians are printed
# with their ratios. Single-threaded on both sides.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
runs=${RUNS:-5}
count=${COUNT:-10000000}
python=${PYTHON:-python3}

echo "building VectorMathBench (release)..." >&2
(cd "$root" && swift build -c release --product VectorMathBench >&2)
bench=$(cd "$root" && swift build -c release --show-bin-path)/VectorMathBench
"$python" -c 'import numpy' || { echo "needs numpy" >&2; exit 1; }
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for run in $(seq "$runs"); do
    "$bench" "$count" >> "$work/times"
    "$python" "$here/peer_numpy.py" "$count" >> "$work/times"
done

median() { grep "^$1 " "$work/times" | cut -d' ' -f2 | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo "count $count, runs $runs, load average $(cut -d' ' -f1-3 /proc/loadavg), SLEEF lanes $(grep '^lanes' "$work/times" | head -n 1 | cut -d' ' -f2)"
for function in exp log; do
    scalar=$(median "scalar-$function"); vector=$(median "vector-$function"); numpy=$(median "numpy-$function")
    printf '%s: scalar Foundation %.4f s, VectorMath %.4f s, numpy %.4f s; VectorMath is %.2fx scalar and %.2fx numpy\n' \
        "$function" "$scalar" "$vector" "$numpy" "$(echo "$scalar / $vector" | bc -l)" "$(echo "$numpy / $vector" | bc -l)"
    for kernel in "scalar-$function" "vector-$function" "numpy-$function"; do
        echo "  sum of results (numpy sums pairwise, Swift in order), $kernel: $(grep -m 1 "^$kernel " "$work/times" | cut -d' ' -f3)"
    done
done
