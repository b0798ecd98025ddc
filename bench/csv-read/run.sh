#!/usr/bin/env bash
# hetfirm's CSVReader vs pandas read_csv (engine "c") on a 5M x 7 numeric panel.
#
# Usage: bash bench/csv-read/run.sh       (from anywhere)
# Environment: RUNS (default 5), ROWS (default 5000000), PYTHON (default python3).
#
# The panel (2 integer id columns, 5 double columns written with repr, fixed seed) is written
# to a temporary folder by make_data.py. Each tool is then run RUNS times, interleaved; the
# figure is the in-process read time (hetfirm: CSVReadBench's `reading` line, i.e.
# CSVReader.read(path:); pandas: time.perf_counter around read_csv), and peak RSS is the
# maximum resident set of the whole process (/usr/bin/time -f %M). hetfirm's columns are
# checked bit for bit against the doubles numpy wrote, and its 2-thread read against a
# 1-thread read.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
runs=${RUNS:-5}
rows=${ROWS:-5000000}
python=${PYTHON:-python3}
bench=$root/.build/release/CSVReadBench

echo "building CSVReadBench (release)..." >&2
(cd "$root" && swift build -c release --product CSVReadBench >&2)
[[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time (Debian: apt-get install time)" >&2; exit 1; }
"$python" -c 'import pandas, numpy' || { echo "needs pandas and numpy (pip install pandas)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
data=$work/panel.csv
echo "writing $rows rows..." >&2
"$python" "$here/make_data.py" "$data" "$rows"

cat > "$work/pandas_read.py" <<'PY'
import sys, time
import pandas
start = time.perf_counter()
frame = pandas.read_csv(sys.argv[1])
print(f"reading {time.perf_counter() - start:.3f} s", file=sys.stderr)
print(frame.shape, list(frame.dtypes.astype(str)))
PY

# Exactness: every column's bit patterns, summed with row weights (mod 2^64), from numpy's own
# values (the ones make_data.py formatted) and from hetfirm's reader.
"$python" "$here/make_data.py" --checksums "$rows" > "$work/expected.txt"
"$bench" "$data" --checksums --compare-serial > "$work/hetfirm-check.txt" 2>&1 || { cat "$work/hetfirm-check.txt" >&2; exit 1; }
grep -q "serial read identical" "$work/hetfirm-check.txt" || { echo "2-thread and 1-thread reads differ" >&2; exit 1; }
if ! diff <(grep '^column ' "$work/hetfirm-check.txt") "$work/expected.txt" > /dev/null; then
    echo "hetfirm's values differ from numpy's:" >&2; diff <(grep '^column ' "$work/hetfirm-check.txt") "$work/expected.txt" >&2; exit 1
fi

# run LABEL COMMAND...: one run; appends "seconds peak_kib" to $work/LABEL.times.
run() {
    local label=$1; shift
    if ! /usr/bin/time -f '%M' -o "$work/time.out" "$@" > "$work/$label.log" 2> "$work/$label.err"; then
        echo "$label failed:" >&2; cat "$work/$label.err" >&2; exit 1
    fi
    echo "$(grep -o 'reading [0-9.]*' "$work/$label.err" | cut -d' ' -f2) $(tail -n 1 "$work/time.out")" >> "$work/$label.times"
}

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); cores: $(getconf _NPROCESSORS_ONLN); $(uname -m); $(swift --version 2>&1 | head -n 1)"
echo "pandas $("$python" -c 'import pandas; print(pandas.__version__)'); numpy $("$python" -c 'import numpy; print(numpy.__version__)'); $("$python" --version 2>&1)"
echo "hetfirm commit: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown); file: $rows rows x 7 columns, $(( $(stat -c %s "$data") / 1000000 )) MB; runs per tool: $runs (interleaved)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "exactness: hetfirm's 35 column checksums equal numpy's; 2-thread read identical to 1-thread read"
for _ in $(seq "$runs"); do
    run hetfirm "$bench" "$data"
    run hetfirm-1thread "$bench" "$data" --threads 1
    run pandas "$python" "$work/pandas_read.py" "$data"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
pandas_median=$(cut -d' ' -f1 "$work/pandas.times" | median)
printf '\n%-26s %10s %16s %14s\n' tool "median s" "pandas/tool" "peak RSS MB"
for label in hetfirm hetfirm-1thread pandas; do
    seconds=$(cut -d' ' -f1 "$work/$label.times" | median)
    peak=$(cut -d' ' -f2 "$work/$label.times" | median)
    case $label in
        hetfirm) name="hetfirm CSVReader (2 thr)" ;;
        hetfirm-1thread) name="hetfirm CSVReader (1 thr)" ;;
        *) name="pandas read_csv (c)" ;;
    esac
    printf '%-26s %10.3f %16.2f %14.0f\n' "$name" "$seconds" "$(awk -v p="$pandas_median" -v s="$seconds" 'BEGIN { print p / s }')" "$(awk -v k="$peak" 'BEGIN { print k / 1024 }')"
done
echo "all runs (seconds): hetfirm $(cut -d' ' -f1 "$work/hetfirm.times" | tr '\n' ' ')| 1 thread $(cut -d' ' -f1 "$work/hetfirm-1thread.times" | tr '\n' ' ')| pandas $(cut -d' ' -f1 "$work/pandas.times" | tr '\n' ' ')"
