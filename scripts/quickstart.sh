#!/usr/bin/env bash
# Installs what is missing, builds hetfirm (release) and runs the quickstart scenario.
# Output: out/quickstart/ (summary.md, recovery.csv, replications.csv, *.dat, *.gp, plots/*.png).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build -c release --product hetfirm
.build/release/hetfirm run scenarios/quickstart.toml "$@"
