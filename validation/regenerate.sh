#!/usr/bin/env bash
# Regenerates the fixed-effects OLS fixtures: data sets, pyfixest oracle, plm oracle.
# Usage (from anywhere): bash validation/regenerate.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# single-threaded demeaning and BLAS so reruns are reproducible to the last bit where possible
export RAYON_NUM_THREADS=1 OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 NUMBA_NUM_THREADS=1 PYTHONHASHSEED=0
python3 validation/fixest_datasets.py      # Tests/Fixtures/pyfixest/data/*.csv
python3 validation/pyfixest_feols.py       # Tests/Fixtures/pyfixest/*.json (asserts the dummy-lstsq cross-check)
python3 validation/pyfixest_numerics.py    # Tests/Fixtures/pyfixest/numerics_*.json (exact rational cross-check)
python3 validation/pyfixest_text_ids.py    # Tests/Fixtures/pyfixest/data/text_ids.{csv,tsv} and text_ids.json
Rscript validation/plm_within.R            # Tests/Fixtures/plm/*.json
python3 validation/arch_fmols.py           # Tests/Fixtures/arch/data/fmols_*.csv and fmols_*.json (asserts the numpy reference = arch)
