#!/usr/bin/env bash
# Installs what is missing and runs the test suite. `--slow` also runs the long Monte Carlo checks.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
if [ "${1:-}" = "--slow" ]; then
  HETFIRM_SLOW_TESTS=1 swift test
else
  swift test
fi
