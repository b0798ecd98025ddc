#!/usr/bin/env bash
# Installs what is missing and runs the test suite.
#   bash scripts/test.sh                    the default suite (tests tagged slow, paperScale or timing are skipped)
#   bash scripts/test.sh --slow             the default suite plus the tests tagged `slow` (long Monte Carlo checks)
#   bash scripts/test.sh --tags a,b [...]   the default suite plus the tests tagged a or b (slow, paperScale, timing)
# Arguments after these go to `swift test` (e.g. `--tags timing -c release --filter TimingTests`).
# The tags are declared in Tests/TestSupport/Tags.swift; HETFIRM_TEST_TAGS is the one switch that selects them.
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in
  --slow) export HETFIRM_TEST_TAGS="slow"; shift ;;
  --tags) [ $# -ge 2 ] || { echo "usage: scripts/test.sh --tags slow,paperScale,timing [swift test arguments]" >&2; exit 2; }
          export HETFIRM_TEST_TAGS="$2"; shift 2 ;;
esac
bash scripts/install-deps.sh
swift test "$@"
