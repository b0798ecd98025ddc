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
expect 2 "validate a missing file" -- "$bin" validate "$work/missing.toml"
expect 2 "run a scenario with an unknown key" -- "$bin" run "$work/typo.toml" --out "$work/typo"
grep -q "did you mean 'sigma'" "$work/stderr" && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: no did-you-mean"; }
[ ! -e "$work/typo" ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: bad input left an output folder"; }
expect 0 "run a small scenario" -- "$bin" run "$work/small.toml" --out "$work/small" --threads 2
for file in summary.md recovery.csv replications.csv scenario.toml sweep.dat sweep.gp sampling-k.dat sampling-k.gp; do
  [ -s "$work/small/$file" ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: missing $file"; }
done
expect 0 "re-run from the resolved scenario.toml" -- "$bin" run "$work/small/scenario.toml" --out "$work/again"
cmp -s "$work/small/replications.csv" "$work/again/replications.csv" && passed=$((passed + 1)) \
  || { failed=$((failed + 1)); echo "FAIL: the resolved scenario does not reproduce replications.csv"; }
expect 3 "run with warnings" -- "$bin" run "$work/warn.toml" --out "$work/warn"
expect 2 "plot a missing folder" -- "$bin" plot "$work/none"
if command -v gnuplot >/dev/null; then expect 0 "plot an output folder" -- "$bin" plot "$work/small"; fi

data=Tests/Fixtures/pyfixest/data/three_fe.csv
expect 0 "estimate with three fixed effects" -- "$bin" estimate "$data" "y ~ x1 + x2 + x1:x2 | plant^year + dest^year + city^dest" --vcov cluster=city^dest
grep -q "CRV1 clustered by city^dest" "$work/stdout" && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: no vcov line"; }
expect 0 "estimate two models as LaTeX" -- "$bin" estimate "$data" "y ~ x1 | plant^year" "y ~ x1 + x2 | plant^year" --table latex
grep -q "toprule" "$work/stdout" && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: no LaTeX table"; }
expect 0 "estimate as JSON" -- "$bin" estimate "$data" "y ~ x1 | dest" --json
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

echo "smoke: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
