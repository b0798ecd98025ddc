#!/usr/bin/env bash
# Checks the CLI's documented exit codes and outputs on small scenarios (run by .ci/run).
set -uo pipefail
cd "$(dirname "$0")/.."
swift build --product hetfirm >/dev/null || exit 1
bin=.build/debug/hetfirm
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0

expect() {  # expect CODE DESCRIPTION -- COMMAND...
  local want=$1 what=$2; shift 3
  "$@" >"$work/stdout" 2>"$work/stderr"
  local got=$?
  if [ "$got" -eq "$want" ]; then passed=$((passed + 1)); else
    failed=$((failed + 1)); echo "FAIL: $what: exit $got, expected $want"; cat "$work/stderr"
  fi
}

cat >"$work/small.toml" <<'TOML'
[scenario]
name = "smoke"
model = "allocation-efficiency"
[model]
regions = 3
years = 2
firms_per_region = 1500
[sweep]
I = { from = 0.0, to = 0.3, count = 4 }
[montecarlo]
replications = 6
TOML
printf '[scenario]\nname = "x"\nmodel = "allocation-efficiency"\n[model]\nsigmaa = 2.0\n' >"$work/typo.toml"
printf '[scenario]\nname = "x"\nmodel = "allocation-efficiency"\n[model]\nf_e = 5.0\nregions = 2\nyears = 2\nfirms_per_region = 300\n[montecarlo]\nreplications = 4\n' >"$work/warn.toml"

expect 0 "models" -- "$bin" models
expect 0 "describe" -- "$bin" describe allocation-efficiency
expect 0 "describe quality-ladder" -- "$bin" describe quality-ladder
expect 2 "describe an unknown model" -- "$bin" describe allocation
expect 0 "validate the quickstart" -- "$bin" validate scenarios/quickstart.toml
expect 0 "validate the quality recovery scenario" -- "$bin" validate scenarios/quality-recovery.toml
expect 0 "validate the quality paper-scale scenario" -- "$bin" validate scenarios/quality-paper-scale.toml
expect 0 "describe allocation-regional" -- "$bin" describe allocation-regional
grep -q "model:NAME\|personnel" "$work/stdout" && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: describe lists no weight matrices"; }
expect 0 "validate the province Tables 1–3 scenario" -- "$bin" validate scenarios/allocation-regional.toml
expect 0 "validate the province Tables 4–6 scenario" -- "$bin" validate scenarios/allocation-spatial.toml
expect 0 "validate the province paper-scale scenario" -- "$bin" validate scenarios/allocation-paper-scale.toml
expect 2 "validate a missing file" -- "$bin" validate "$work/missing.toml"
expect 2 "run a scenario with an unknown key" -- "$bin" run "$work/typo.toml" --out "$work/typo"
grep -q "did you mean 'sigma'" "$work/stderr" && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: no did-you-mean"; }
[ ! -e "$work/typo" ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: bad input left an output folder"; }
expect 0 "run a small scenario" -- "$bin" run "$work/small.toml" --out "$work/small" --threads 2
for file in summary.md recovery.csv replications.csv scenario.toml sweep.dat sweep.gp sampling-k.dat sampling-k.gp sweep-recovery.csv sweep-recovery.dat sweep-k-power.gp; do
  [ -s "$work/small/$file" ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: missing $file"; }
done
expect 0 "re-run from the resolved scenario.toml" -- "$bin" run "$work/small/scenario.toml" --out "$work/again"
cmp -s "$work/small/replications.csv" "$work/again/replications.csv" && passed=$((passed + 1)) \
  || { failed=$((failed + 1)); echo "FAIL: the resolved scenario does not reproduce replications.csv"; }
# Resumable runs: interrupt a run (Ctrl-C) at any point, resume it, and get the uninterrupted files.
expect 0 "run 300 replications" -- "$bin" run "$work/small.toml" --out "$work/long" --replications 300 --threads 2
timeout -s INT 0.5 "$bin" run "$work/small.toml" --out "$work/cut" --replications 300 --threads 2 >/dev/null 2>&1
expect 0 "resume an interrupted run" -- "$bin" run "$work/small.toml" --out "$work/cut" --replications 300 --threads 2 --resume
for file in replications.csv recovery.csv summary.md sweep-recovery.csv; do
  cmp -s "$work/long/$file" "$work/cut/$file" && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: resumed $file differs"; }
done
[ ! -e "$work/cut.checkpoint.csv" ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: checkpoint left after success"; }
ls "$work"/cut.sweep-*.checkpoint.csv >/dev/null 2>&1 && { failed=$((failed + 1)); echo "FAIL: sweep checkpoints left after success"; } || passed=$((passed + 1))
printf '# hetfirm checkpoint 1\n# fingerprint 0000000000000000, shard all\n' >"$work/other.checkpoint.csv"
expect 2 "resume from another scenario's checkpoint" -- "$bin" run "$work/small.toml" --out "$work/other" --resume
grep -q "belongs to a different run" "$work/stderr" && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: no mismatch message"; }
# Shards: three shard folders merge into the single run's recovery.csv and replications.csv.
for k in 1 2 3; do expect 0 "run shard $k/3" -- "$bin" run "$work/small.toml" --out "$work/shard$k" --shard $k/3 --threads 1; done
[ -s "$work/shard2/shard.json" ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: no shard.json"; }
expect 2 "run shard 4/3" -- "$bin" run "$work/small.toml" --out "$work/shard4" --shard 4/3
expect 0 "merge three shards" -- "$bin" merge "$work/merged" "$work/shard1" "$work/shard2" "$work/shard3"
for file in recovery.csv replications.csv; do
  cmp -s "$work/small/$file" "$work/merged/$file" && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: merged $file differs"; }
done
expect 2 "merge with a shard missing" -- "$bin" merge "$work/merged2" "$work/shard1" "$work/shard3"
grep -q "in no shard" "$work/stderr" && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: missing replications not named"; }
expect 2 "merge overlapping shards" -- "$bin" merge "$work/merged2" "$work/shard1" "$work/shard2" "$work/shard3" "$work/shard1"
expect 2 "merge a folder that is not a shard" -- "$bin" merge "$work/merged2" "$work/small"
expect 3 "run with warnings" -- "$bin" run "$work/warn.toml" --out "$work/warn"
expect 2 "plot a missing folder" -- "$bin" plot "$work/none"
if command -v gnuplot >/dev/null; then expect 0 "plot an output folder" -- "$bin" plot "$work/small"; fi

data=Tests/Fixtures/pyfixest/data/three_fe.csv
expect 0 "estimate with three fixed effects" -- "$bin" estimate "$data" "y ~ x1 + x2 + x1:x2 | plant^year + dest^year + city^dest" --vcov cluster=city^dest
grep -q "CRV1 clustered by city^dest" "$work/stdout" && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: no vcov line"; }
expect 0 "estimate two models as LaTeX" -- "$bin" estimate "$data" "y ~ x1 | plant^year" "y ~ x1 + x2 | plant^year" --table latex
grep -q "toprule" "$work/stdout" && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: no LaTeX table"; }
expect 0 "estimate as JSON" -- "$bin" estimate "$data" "y ~ x1 | dest" --json
grunfeld=Tests/Fixtures/pyfixest/data/grunfeld.csv
expect 0 "estimate as JSON with a NaN F statistic" -- "$bin" estimate "$grunfeld" "inv ~ 1" --json
grep -q '"path" : "/fStatistic"' "$work/stdout" && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: no nonFinite entry"; }
expect 0 "estimate a quadratic calendar-year trend" -- "$bin" estimate "$grunfeld" "inv ~ year + I(year^2) | firm" --vcov iid
grep -q "I(year^2) *0.612676" "$work/stdout" && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: I(year^2) dropped or wrong"; }
unbalanced=Tests/Fixtures/pyfixest/data/unbalanced.csv
expect 0 "estimate a csw0 stepwise formula" -- "$bin" estimate "$unbalanced" "y ~ x1 + csw0(x2, year) | sw0(unit)"
grep -q "(6)" "$work/stdout" && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: csw0 did not give six models"; }
expect 0 "estimate on split samples" -- "$bin" estimate "$unbalanced" "y ~ x1 + x2 | year" --split region
grep -q "region = 20" "$work/stdout" && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: no split sample row"; }
expect 2 "estimate with a formula error" -- "$bin" estimate "$data" "y ~ x1 + + x2"
grep -q "\^" "$work/stderr" && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: no caret"; }
expect 2 "estimate with an unknown column" -- "$bin" estimate "$data" "y ~ x9"
printf 'y,x\n1,2\n2,abc\n3,4\n' >"$work/text.csv"
expect 2 "estimate on a text cell" -- "$bin" estimate "$work/text.csv" "y ~ x"
grep -q "text.csv:3:2" "$work/stderr" && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: no CSV location"; }
printf 'y,x\n1,1.5\n3,0x1A\n' >"$work/hex.csv"
expect 2 "estimate on a hexadecimal cell" -- "$bin" estimate "$work/hex.csv" "y ~ x"
grep -q "hex.csv:3:2 (column 'x'): error: '0x1A' is not a number" "$work/stderr" && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: hex cell not located"; }
printf 'y\tx\tstate\n1\t2\tNew York\n2\t3.5\tOhio\n3\t3\tNew York\n4\t5\tOhio\n5\t4\tNew York\n' >"$work/panel.tsv"
expect 0 "estimate on a TSV with a text fixed effect" -- "$bin" estimate "$work/panel.tsv" "y ~ x | state" --vcov hc1 --fixef
grep -q "New York" "$work/stdout" && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: no text label in the output"; }
expect 2 "estimate on a TSV read as comma-separated" -- "$bin" estimate "$work/panel.tsv" "y ~ x" --delimiter ,
grep -q "give --delimiter" "$work/stderr" && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: no delimiter hint"; }
expect 2 "estimate with a text regressor" -- "$bin" estimate "$work/panel.tsv" "y ~ state"
printf 'y;x;state\n1;2;Ohio\n2;3;Ohio\n3;5;Ohio\n' >"$work/one.csv"
expect 2 "estimate with one fixed-effect level" -- "$bin" estimate "$work/one.csv" "y ~ x | state"
grep -q "clustered by the first fixed effect, 'state'" "$work/stderr" && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: one-level message"; }
expect 2 "estimate with a bad --vcov" -- "$bin" estimate "$data" "y ~ x1" --vcov robust

iv=Tests/Fixtures/linearmodels/data/iv_fe.csv
expect 0 "estimate 2SLS with fixed effects" -- "$bin" estimate "$iv" "y ~ x | unit + year | d ~ z1 + z2"
grep -q "Hansen J" "$work/stdout" && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: no IV diagnostics"; }
expect 0 "estimate 2SLS with the asymptotic convention" -- "$bin" estimate "$iv" "y ~ x | unit + year | d ~ z1 + z2" --ssc asymptotic
grep -q "Small-sample convention: asymptotic" "$work/stdout" && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: convention not printed"; }
expect 2 "estimate with a bad --ssc" -- "$bin" estimate "$iv" "y ~ x | unit + year | d ~ z1 + z2" --ssc small
expect 2 "estimate an under-identified 2SLS" -- "$bin" estimate Tests/Fixtures/linearmodels/data/iv_no_fe.csv "y ~ x1 | d1 + d2 ~ z1"

panel=Tests/Fixtures/pyfixest/data/unbalanced.csv
expect 0 "mediation with a cluster bootstrap" -- "$bin" mediate "$panel" --treatment x1 --mediator x2 --outcome y --fe unit,year --vcov cluster=unit --bootstrap 99
grep -q "Sobel" "$work/stdout" && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: no Sobel row"; }
expect 2 "mediator equal to the treatment" -- "$bin" mediate "$panel" --treatment x1 --mediator x1 --outcome y
# Mediation steps by panel FMOLS (paper 000's Table 2): a cointegrated 6 × 12 panel; --fe and a bootstrap are refused.
awk 'BEGIN{print "province,year,inter,allo,met,gov"; for(u=0;u<6;u++){x=u; for(t=0;t<12;t++){x+=sin(7*u+3*t)*0.5+0.2; m=0.5+0.8*x+cos(5*u+11*t)*0.3; z=sin(13*u+t); y=1+1.5*x+0.7*m+0.5*z+cos(17*u+7*t)*0.3; printf "p%d,%d,%.6f,%.6f,%.6f,%.6f\n",u,2004+t,x,m,y,z}}}' >"$work/cointegrated.csv"
expect 0 "mediation with FMOLS steps" -- "$bin" mediate "$work/cointegrated.csv" --treatment inter --mediator allo --outcome met --controls gov --estimator fmols --panel province,year
expect 2 "mediation with FMOLS steps and --fe" -- "$bin" mediate "$work/cointegrated.csv" --treatment inter --mediator allo --outcome met --estimator fmols --panel province,year --fe province
expect 2 "mediation with FMOLS steps and a bootstrap" -- "$bin" mediate "$work/cointegrated.csv" --treatment inter --mediator allo --outcome met --estimator fmols --panel province,year --bootstrap 99

# information-spillover (paper 003): a tiny run, a bad parameter, a filter that empties the sample.
expect 0 "describe information-spillover" -- "$bin" describe information-spillover
expect 0 "validate the spillover recovery scenario" -- "$bin" validate scenarios/spillover-recovery.toml
cat >"$work/spill.toml" <<'TOML'
[scenario]
name = "spill"
model = "information-spillover"
seed = 1
[model]
firms = 120
cities = 20
provinces = 4
destinations = 6
years = 4
[[estimate]]
name = "baseline"
formula = "lnexp ~ dlnaffiliate + dlnaffiliate_x_lndensity + lndensity | it + mt + cm"
vcov = { cluster = ["cm"] }
recover = { dlnaffiliate = "pseudo-true" }
[montecarlo]
replications = 3
recover = ["noise_ratio"]
[output]
gnuplot = false
TOML
expect 0 "run a tiny spillover scenario" -- "$bin" run "$work/spill.toml" --out "$work/spill" --threads 2
grep -q "Structural fit of" "$work/spill/summary.md" && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: no structural fit"; }
sed 's/^firms = 120/firms = 120\nv_d = 0/' "$work/spill.toml" >"$work/spill-bad.toml"
expect 2 "spillover with v_d = 0" -- "$bin" validate "$work/spill-bad.toml"
grep -q "spill-bad.toml:7:1" "$work/stderr" && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: v_d not located"; }
sed 's/^recover = { dlnaffiliate = "pseudo-true" }/recover = { dlnaffiliate = "pseudo-true" }\nsample = "num > 1000"/' "$work/spill.toml" >"$work/spill-empty.toml"
expect 2 "spillover with a filter that empties the sample" -- "$bin" run "$work/spill-empty.toml" --out "$work/spill-empty"
grep -q "spill-empty.toml:16:1: error: no row of the simulated panel" "$work/stderr" && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: empty sample not explained"; }

# Data safety: no output path may delete or replace what hetfirm did not write (canary files must survive).
safe="$work/safety"
mkdir -p "$safe/thesis" "$safe/inside"
echo precious >"$safe/thesis/main.tex"; echo numbers >"$safe/results.txt"
cp "$work/small.toml" "$safe/s.toml"; cp "$work/small.toml" "$safe/inside/s.toml"
abs_bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
for out in thesis . .. "" ./ results.txt results.txt/sub; do
  expect 2 "run --out '$out' is refused" -- bash -c "cd '$safe' && '$abs_bin' run s.toml --out '$out' --replications 2"
done
expect 2 "an [output] dir holding the scenario is refused" -- bash -c "cd '$safe' && '$abs_bin' run inside/s.toml --out inside/ --replications 2"
printf '[output]\ndir = "."\n' | cat "$work/small.toml" - >"$safe/dot.toml"
expect 2 "[output] dir = \".\" is refused" -- bash -c "cd '$safe' && '$abs_bin' run dot.toml --replications 2"
expect 2 "a 300-character output name is refused before the run" -- "$bin" run "$work/small.toml" --out "$safe/$(printf 'a%.0s' {1..300})"
expect 0 "shard 1/2" -- "$bin" run "$work/small.toml" --out "$safe/s1" --shard 1/2
expect 0 "shard 2/2" -- "$bin" run "$work/small.toml" --out "$safe/s2" --shard 2/2
expect 2 "merge into one of the shards is refused" -- "$bin" merge "$safe/s1" "$safe/s1" "$safe/s2"
expect 2 "merge into a user folder is refused" -- "$bin" merge "$safe/thesis" "$safe/s1" "$safe/s2"
expect 0 "merge into a new folder" -- "$bin" merge "$safe/merged" "$safe/s1" "$safe/s2"
expect 0 "merge again into the same folder" -- "$bin" merge "$safe/merged" "$safe/s1" "$safe/s2"
{ [ "$(cat "$safe/thesis/main.tex")" = precious ] && [ "$(cat "$safe/results.txt")" = numbers ] && [ -f "$safe/s.toml" ] \
  && [ -f "$safe/inside/s.toml" ] && [ -f "$safe/s1/shard.json" ] && [ -d "$work" ]; } \
  && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: a canary file was lost"; }
sed -i '2s/^\([^,]*,[^,]*,[^,]*,\)[^,]*/\1nan/' "$safe/s2/replications.csv"
expect 2 "merge refuses an edited replications.csv" -- "$bin" merge "$safe/merged2" "$safe/s1" "$safe/s2"
grep -q "replications.csv:2:4" "$work/stderr" && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: edited shard not located"; }
# Issue 10, section 5: messages and small inconsistencies.
check() {  # check DESCRIPTION -- COMMAND... (a test that must succeed)
  local what=$1; shift 2
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $what"; fi
}
expect 0 "hetfirm --version" -- "$bin" --version
check "--version prints a version number" -- grep -Eq '^[0-9]+\.[0-9]+\.[0-9]+$' "$work/stdout"
expect 2 "mediate with a fixed effect that absorbs the treatment" -- "$bin" mediate "$panel" --treatment x1 --mediator x2 --outcome y --fe x1 --bootstrap 0
check "mediate formula error is said once and located" -- bash -c "! grep -q 'error: error' '$work/stderr' && grep -q '\^' '$work/stderr'"
expect 2 "mediate with a control that does not parse" -- "$bin" mediate "$panel" --treatment x1 --mediator x2 --outcome y --controls 'log(' --bootstrap 0
expect 0 "describe quality-ladder" -- "$bin" describe quality-ladder
check "describe lists something under 'Recoverable by Monte Carlo'" -- bash -c "grep -A1 '^Recoverable by Monte Carlo' '$work/stdout' | tail -1 | grep -q '^- '"
sed 's/^vcov = { cluster = \["cm"\] }/vcov = "HC1"/' "$work/spill.toml" >"$work/spill-hc1.toml"
expect 0 "a scenario with vcov = \"HC1\", as --vcov accepts" -- "$bin" validate "$work/spill-hc1.toml"
sed 's/^vcov = { cluster = \["cm"\] }/vcov = "robust"/' "$work/spill.toml" >"$work/spill-robust.toml"
expect 2 "a scenario with vcov = \"robust\", as --vcov rejects" -- "$bin" validate "$work/spill-robust.toml"
mkdir -p "$work/no-scripts"
mkdir -p "$work/user-plots" && cp "$work/small/sweep.gp" "$work/user-plots/"
expect 2 "plot refuses a folder hetfirm did not write" -- "$bin" plot "$work/user-plots"
check "plot wrote nothing into it" -- bash -c "[ ! -e '$work/user-plots/plots' ]"
expect 2 "plot a folder without .gp files" -- "$bin" plot "$work/no-scripts"
check "plot says there is nothing to plot and creates nothing" -- bash -c "grep -q 'nothing to plot' '$work/stderr' && [ -z \"\$(ls -A '$work/no-scripts')\" ]"
expect 0 "estimate two models as a text table" -- "$bin" estimate "$data" "y ~ x1 | plant^year" "y ~ x1 + x2 | plant^year" --table text
check "the text table has no Markdown pipes" -- bash -c "! grep -q '|' '$work/stdout' && grep -q '^====' '$work/stdout'"
sed 's/^years = 4/years = 4\ndrift = 300/' "$work/spill.toml" >"$work/spill-drift.toml"
expect 1 "spillover whose exports overflow" -- "$bin" run "$work/spill-drift.toml" --out "$work/spill-drift"
check "the overflow names the keys, not an internal type" -- bash -c "grep -q 'drift' '$work/stderr' && ! grep -q 'ExporterFlows' '$work/stderr'"
# Bounds (issue 10 §2): the CLI applies the scenario file's bounds, deep nesting is a located error,
# and a scenario that does not fit in memory is refused before it starts (--max-memory overrides).
expect 2 "--replications 0" -- "$bin" run "$work/spill.toml" --out "$work/b0" --replications 0
expect 2 "--replications 9223372036854775807" -- "$bin" run "$work/spill.toml" --out "$work/b1" --replications 9223372036854775807
expect 2 "--replications 4000000000" -- "$bin" run "$work/spill.toml" --out "$work/b2" --replications 4000000000
expect 2 "--threads 100000" -- "$bin" run "$work/spill.toml" --out "$work/b3" --threads 100000
{ printf '[scenario]\nname = "deep"\nmodel = "allocation-efficiency"\n[model]\nx = '; head -c 30000 /dev/zero | tr '\0' '['; echo; } >"$work/deep.toml"
expect 2 "a 30,000-deep array" -- "$bin" validate "$work/deep.toml"
grep -q "deep.toml:5:67: error: the TOML nests deeper than 64 levels" "$work/stderr" && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: deep array not located"; }
sed 's/^firms = 120/firms = 1\ncities = 1000\ndestinations = 100000\nyears = 200/; /^cities = 20/d; /^destinations = 6/d; /^years = 4/d' "$work/spill.toml" >"$work/spill-huge.toml"
expect 2 "a spillover scenario larger than memory" -- "$bin" validate "$work/spill-huge.toml"
grep -q "spill-huge.toml:[0-9]*:1: error: the run needs about" "$work/stderr" && grep -q "key: model.cities" "$work/stderr" \
  && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: memory refusal not located"; cat "$work/stderr"; }
expect 0 "--max-memory overrides the refusal in validate" -- "$bin" validate "$work/spill-huge.toml" --max-memory 2000T
expect 2 "a run whose estimated work exceeds --max-work is refused" -- "$bin" validate scenarios/quickstart.toml --max-work 1e6
expect 2 "--max-work that is not a number is bad input" -- "$bin" validate scenarios/quickstart.toml --max-work lots
expect 0 "a run whose standard error is a log" -- "$bin" run "$work/small.toml" --out "$work/logged" --threads 2
grep -q "^  replications 6/6 (100%)" "$work/stderr" && grep -q "^estimate: peak memory" "$work/stderr" && passed=$((passed + 1)) \
  || { failed=$((failed + 1)); echo "FAIL: no plain progress line or estimate in a log"; cat "$work/stderr"; }
expect 0 "validate prints the estimate" -- "$bin" validate scenarios/quality-propositions.toml
grep -q "theory only" "$work/stdout" && grep -q "peak memory ≈" "$work/stdout" && passed=$((passed + 1)) \
  || { failed=$((failed + 1)); echo "FAIL: validate did not print the estimate or theory only"; }

# hetfirm weights: a built W, islands (exit 3), bad input (2), an existing --out refused without --force.
printf 'city,x,y\na,0,0\nb,1,0\nc,3,0\nd,10,0\n' >"$work/points.csv"
expect 0 "weights knn" -- "$bin" weights knn "$work/points.csv" --id city --x x --y y --k 1 --out "$work/W.gal"
expect 0 "weights describe" -- "$bin" weights describe "$work/W.gal"
expect 2 "weights knn over an existing file" -- "$bin" weights knn "$work/points.csv" --id city --x x --y y --k 1 --out "$work/W.gal"
expect 0 "weights knn --force" -- "$bin" weights knn "$work/points.csv" --id city --x x --y y --k 2 --out "$work/W.gal" --force
expect 3 "weights distance with islands" -- "$bin" weights distance "$work/points.csv" --id city --x x --y y --cutoff 2.5 --out "$work/W.csv"
printf '2\na 1\nz\nb 0\n' >"$work/bad.gal"
expect 2 "weights describe a bad GAL" -- "$bin" weights describe "$work/bad.gal"

# hetfirm sophistication: MET/RTV from a long table (exit 0), negative exports (2), an existing --out refused (2).
printf 'province,hs4,year,exports,pgdp\nA,0101,2004,10,2\nA,0102,2004,0,2\nB,0101,2004,5,4\nB,0102,2004,5,4\n' >"$work/exports.csv"
expect 0 "sophistication" -- "$bin" sophistication "$work/exports.csv" --region province --product hs4 --time year --exports exports --gdp-per-capita pgdp --out "$work/met.csv"
grep -q '^B,2004,10.0,4.0,3.33333333333333' "$work/met.csv" && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: sophistication MET table"; }
expect 2 "sophistication over an existing file" -- "$bin" sophistication "$work/exports.csv" --region province --product hs4 --time year --exports exports --gdp-per-capita pgdp --out "$work/met.csv"
printf 'province,hs4,year,exports,pgdp\nA,0101,2004,-1,2\n' >"$work/negative.csv"
expect 2 "sophistication with negative exports" -- "$bin" sophistication "$work/negative.csv" --region province --product hs4 --time year --exports exports --gdp-per-capita pgdp
grep -q 'negative.csv:2:4' "$work/stderr" && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: sophistication error not located"; }
# hetfirm index: projection pursuit and entropy on a small panel, an existing --out refused (2), an indicator
# (d) constant in a year (2).
printf 'region,year,a,b,c,d\nr1,1,1,5,2,1\nr2,1,2,3,9,1\nr3,1,4,4,1,1\nr4,1,7,1,6,1\nr5,1,3,2,3,1\nr1,2,2,6,2,4\nr2,2,3,3,8,2\nr3,2,5,5,3,1\nr4,2,9,2,7,3\nr5,2,4,2,5,5\n' >"$work/indicators.csv"
expect 0 "index projection-pursuit" -- "$bin" index "$work/indicators.csv" --method projection-pursuit --indicators a,b,c --id region --by year --seed 5
expect 0 "index entropy --out" -- "$bin" index "$work/indicators.csv" --method entropy --indicators a,b,c --negative c --id region --by year --out "$work/dig.csv"
expect 2 "index entropy over an existing --out" -- "$bin" index "$work/indicators.csv" --method entropy --indicators a,b --id region --by year --out "$work/dig.csv"
expect 2 "index a constant indicator in a year" -- "$bin" index "$work/indicators.csv" --method pca --indicators a,d --by year --weights by-year

echo "smoke: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
