#!/usr/bin/env bash
# hetfirm vs a vectorized numpy peer on the quickstart Monte Carlo (allocation-efficiency model:
# 80 region-year equilibria, then 200 replications of a 10 regions x 8 years x 4,000 entrants
# panel, Pareto-tail and markup estimators, recovery summary).
#
# Usage: bash bench/allocation-efficiency-recovery/run.sh      (from anywhere)
# Environment: RUNS (default 5), PYTHON (default python3), SCENARIO (default scenarios/quickstart.toml).
#
# Identical work: both sides run the same scenario copy, written to a temporary folder, with the
# [sweep] section removed, [output] gnuplot = false and recover = ["k", "sigma", "sales_shape"]. The
# numpy peer draws every firm from numpy's Philox with hetfirm's keys (peer_numpy.py --streams
# philox), so both sides simulate the same firms and rows in every replication; the runner checks
# this through the per-replication Pareto tail estimate alpha_hat, which depends on the firms only
# and must agree to rounding. Each number is the wall time of the whole process (/usr/bin/time -f %e),
# start-up included: Swift binary start-up on one side, Python start-up plus `import numpy` on the other.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
runs=${RUNS:-5}
python=${PYTHON:-python3}
scenario=${SCENARIO:-$root/scenarios/quickstart.toml}
hetfirm=$root/.build/release/hetfirm

# Build hetfirm (release) when the binary is missing or older than the sources.
if [[ ! -x $hetfirm ]] || [[ -n $(find "$root/Sources" "$root/Package.swift" -newer "$hetfirm" -print -quit) ]]; then
    echo "building hetfirm (release)..." >&2
    (cd "$root" && swift build -c release --product hetfirm >&2)
fi
[[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time (Debian: apt-get install time)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The benchmark scenario: no sweep, no gnuplot; everything else as in $scenario.
awk '
    /^[[:space:]]*\[/ { in_sweep = ($0 ~ /^[[:space:]]*\[sweep\]/) }
    in_sweep { next }
    /^[[:space:]]*gnuplot[[:space:]]*=/ { print "gnuplot = false"; next }
    /^[[:space:]]*recover[[:space:]]*=/ { print "recover = [\"k\", \"sigma\", \"sales_shape\"]"; next }
    { print }
' "$scenario" > "$work/bench.toml"
grep -q '^gnuplot = false' "$work/bench.toml" || printf '\n[output]\ngnuplot = false\n' >> "$work/bench.toml"
"$hetfirm" validate "$work/bench.toml" > "$work/validate.log" 2>&1 || { cat "$work/validate.log" >&2; exit 2; }
cores=$(getconf _NPROCESSORS_ONLN)   # before OMP_NUM_THREADS is set: nproc would honour it

# numpy's element-wise kernels are single-threaded; pin any BLAS/OpenMP pool too, to be explicit.
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
# The peer gets the allocator settings hetfirm sets for itself at start-up (Sources/hetfirm/
# AllocatorTuning.swift): blocks up to 64 MB from the heap, up to 256 MB of free memory kept. Without
# them glibc returns each replication's temporaries to the kernel and faults them in again, which cost
# this peer about 1.6x its time in one measurement (bench/README.md).
peer_env=(env MALLOC_MMAP_THRESHOLD_=67108864 MALLOC_TRIM_THRESHOLD_=268435456)

# run LABEL COMMAND...: one timed run; appends "wall user sys" to $work/LABEL.times.
run() {
    local label=$1; shift
    if ! /usr/bin/time -f '%e %U %S' -o "$work/time.out" "$@" > "$work/$label.log" 2>&1; then
        echo "$label failed:" >&2; cat "$work/$label.log" >&2; exit 1
    fi
    tail -n 1 "$work/time.out" >> "$work/$label.times"
}

numpy_version=$("$python" -c 'import numpy; print(numpy.__version__)')
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); cores: $cores; numpy $numpy_version; $("$python" --version 2>&1)"
echo "hetfirm commit: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown); runs per tool: $runs (interleaved)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# Interleave the tools so that load from other processes falls on all of them alike.
for i in $(seq 1 "$runs"); do
    run hetfirm-t2 "$hetfirm" run "$work/bench.toml" --out "$work/out-t2-$i" --threads 2
    run hetfirm-t1 "$hetfirm" run "$work/bench.toml" --out "$work/out-t1-$i" --threads 1
    run numpy-t1 "${peer_env[@]}" "$python" "$here/peer_numpy.py" "$work/bench.toml" --json "$work/numpy.json"
    # The peer as a user would run it: numpy's default generator and glibc's default allocator.
    run numpy-default "$python" "$here/peer_numpy.py" "$work/bench.toml" --streams pcg64
    # hetfirm's fixed cost: the same run with one replication.
    run hetfirm-r1 "$hetfirm" run "$work/bench.toml" --out "$work/out-r1-$i" --replications 1
done
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
echo

# Medians and the table.
"$python" - "$work" <<'EOF'
import json, statistics, sys
work = sys.argv[1]

def times(label):
    rows = [list(map(float, line.split())) for line in open(f"{work}/{label}.times")]
    return [r[0] for r in rows], [r[1] + r[2] for r in rows]

rows = [("hetfirm", 2, "hetfirm-t2"), ("hetfirm", 1, "hetfirm-t1"), ("numpy peer", 1, "numpy-t1"),
        ("numpy (pcg64, default allocator)", 1, "numpy-default")]
print("identical work: the same scenario, the same 200 replications of the same simulated firms and rows (checked below);")
print("the second numpy row is the peer with numpy's default generator and allocator (the same model, other draws)")
medians = {label: statistics.median(times(label)[0]) for _, _, label in rows}
# The headline ratio is against the faster of the two numpy variants.
peer = min(medians["numpy-t1"], medians["numpy-default"])
print(f"{'tool':<32} {'threads':>7} {'median wall s':>13} {'CPU s (user+sys)':>16} {'runs (wall s)':<20} {'ratio peer/hetfirm':>18}")
for tool, threads, label in rows:
    wall, cpu = times(label)
    ratio = peer / medians[label]
    print(f"{tool:<32} {threads:>7} {medians[label]:>13.2f} {statistics.median(cpu):>16.2f} "
          f"{' '.join(f'{w:.2f}' for w in wall):<20} {ratio:>18.2f}")
print("ratio: the faster numpy median / this row's median; > 1: hetfirm is faster.")
print(f"hetfirm on 2 threads: {medians['hetfirm-t1'] / medians['hetfirm-t2']:.2f}x its own 1-thread speed")
fixed = times("hetfirm-r1")[0]
print(f"hetfirm with --replications 1 (start-up, theory, 80 equilibria, one replication, files): median {statistics.median(fixed):.2f} s")
peer_mc = json.load(open(f"{work}/numpy.json"))["monte_carlo_seconds"]
print(f"numpy peer's own Monte Carlo time (in-process, last run): {peer_mc:.2f} s")
EOF
echo

# Agreement of the two Monte Carlo summaries (different random numbers: compare within MC error),
# and hetfirm's numerical A_d at the scenario's I against the peer's closed form.
cmp -s "$work/out-t1-1/recovery.csv" "$work/out-t2-1/recovery.csv" \
    && echo "hetfirm --threads 1 and --threads 2 wrote identical recovery.csv" \
    || echo "WARNING: hetfirm --threads 1 and --threads 2 recovery.csv differ"
"$python" - "$work/out-t2-1" "$work/numpy.json" <<'EOF'
import csv, json, math, re, sys
out, peer_path = sys.argv[1], sys.argv[2]
hetfirm = {row["parameter"]: row for row in csv.DictReader(open(f"{out}/recovery.csv"))}
peer = json.load(open(peer_path))
print(f"{'parameter':<9} {'truth':>6} {'hetfirm mean':>12} {'SD':>7} {'cov':>6} {'numpy mean':>11} {'SD':>7} {'cov':>6}"
      f" {'difference':>10} {'SE of diff':>10} {'z':>6}")
worst = 0.0
for name in ("k", "sigma"):
    h, p = hetfirm[name], peer[name]
    hm, hs, hr = float(h["mean"]), float(h["sd"]), int(h["replications"])
    pm, ps, pr = p["mean"], p["sd"], int(p["replications"])
    se = math.sqrt(hs ** 2 / hr + ps ** 2 / pr)
    z = (hm - pm) / se
    worst = max(worst, abs(z))
    print(f"{name:<9} {float(h['truth']):>6g} {hm:>12.4f} {hs:>7.4f} {float(h['coverage']):>6.3f} {pm:>11.4f} {ps:>7.4f}"
          f" {p['coverage']:>6.3f} {hm - pm:>+10.4f} {se:>10.4f} {z:>+6.2f}")
print("means agree within Monte Carlo error (|z| < 3)" if worst < 3 else "WARNING: means differ by more than 3 MC SEs")
# The same firms on both sides: alpha_hat of every replication must agree to rounding.
alphas = {}
for row in csv.DictReader(open(f"{out}/replications.csv")):
    if row["parameter"] == "sales_shape":
        alphas[int(row["replication"])] = float(row["estimate"])
peer_alphas = [r["sales_shape"] for r in peer["per_replication"]]
worst = max(abs(alphas[i] / a - 1) for i, a in enumerate(peer_alphas))
same = len(alphas) == len(peer_alphas) and worst < 1e-9
print(f"same firms: alpha_hat of all {len(peer_alphas)} replications agree to {worst:.1e} relative"
      if same else f"WARNING: the two sides did not simulate the same firms (alpha_hat differs by {worst:.1e})")
print(f"rows per replication (numpy peer): min {min(r['rows'] for r in peer['per_replication'])}, "
      f"max {max(r['rows'] for r in peer['per_replication'])}")
reference = peer.get("equilibrium")
summary = open(f"{out}/summary.md").read()
match = re.search(r"\|\s*domestic demand level\s*\|\s*A_d\s*\|\s*([0-9.eE+-]+)", summary)
if reference and match:
    numerical = float(match.group(1))   # printed to 6 significant digits
    print(f"A_d at I = {reference['I']:g}: hetfirm (numerical, as printed) {numerical:g}, "
          f"numpy peer (closed form) {reference['A_d']:.10g}, relative difference {abs(numerical / reference['A_d'] - 1):.1e}")
EOF
