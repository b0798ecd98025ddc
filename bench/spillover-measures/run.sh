#!/usr/bin/env bash
# Times SpilloverMeasures.construct (paper-003 regressors) on a synthetic input of the paper's
# scale: 300 cities, 120 destinations, 12 years, 14,000 firms × 5 plants, about 6.1M sample rows.
#
# Usage: bash bench/spillover-measures/run.sh     (from anywhere)
# Environment: REPEAT (default 3), FIRMS (default 14000).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
echo "building SpilloverMeasuresBench (release)..." >&2
(cd "$root" && swift build -c release --product SpilloverMeasuresBench >&2)
"$root/.build/release/SpilloverMeasuresBench" --repeat "${REPEAT:-3}" --firms "${FIRMS:-14000}"
