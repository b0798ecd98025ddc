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
python3 validation/pyfixest_panel.py       # Tests/Fixtures/pyfixest/panel_{unbalanced,gaps}.json and data (panel operators, weights, NW/DK)
Rscript validation/plm_within.R            # Tests/Fixtures/plm/*.json
# Dynamic panel GMM (hetfirm gmm): plm pgmm oracle (also writes Tests/Fixtures/plm/data/empluk.csv),
# pydynpd cross-check (own environment, numpy < 2: see validation/requirements-pydynpd.txt; set
# PYDYNPD_PYTHON to that environment's python) and the numpy reference, which must reproduce both.
Rscript validation/plm_gmm.R               # Tests/Fixtures/plm/gmm_empluk.json and data/empluk.csv
if [ -n "${PYDYNPD_PYTHON:-}" ]; then
  "$PYDYNPD_PYTHON" validation/pydynpd_gmm.py   # Tests/Fixtures/pydynpd/gmm_empluk.json
else
  echo "PYDYNPD_PYTHON not set: pydynpd cross-check skipped (Tests/Fixtures/pydynpd/gmm_empluk.json kept)"
fi
python3 validation/gmm_reference.py --quiet  # exits non-zero unless plm (and pydynpd) are reproduced
Rscript validation/plm_granger.R           # Tests/Fixtures/plm/data/granger_*.csv and Tests/Fixtures/plm/granger_*.json
python3 validation/arch_fmols.py           # Tests/Fixtures/arch/data/fmols_*.csv and fmols_*.json (asserts the numpy reference = arch)
# Spatial ML models (issue 14): spatialreg on Columbus and the numpy information-matrix reference; the
# seeded kNN panel with spreg, spatialreg (direct and Lee-Yu) and the numpy projection-form reference.
# Conventions: docs/estimators/spatial-conventions.md. The numpy scripts exit non-zero unless they
# reproduce the peers.
Rscript validation/spatialreg_columbus.R          # Tests/Fixtures/spatialreg/columbus.json
python3 validation/spatialreg_columbus_files.py   # Tests/Fixtures/spatialreg/data/columbus.{csv,gal} (from columbus.json)
python3 validation/spatial_information_matrix.py  # Tests/Fixtures/spatialreg/columbus_numpy.json
python3 validation/spatial_panel.py               # Tests/Fixtures/spreg/panel_fe.json (data + spreg)
Rscript validation/spatialreg_panel.R             # Tests/Fixtures/spatialreg/panel_fe.json
python3 validation/spatial_panel_reference.py     # Tests/Fixtures/spatialreg/panel_fe_numpy.json
python3 validation/libpysal_weights.py      # Tests/Fixtures/libpysal/weights.json, knn4.gal, distance.gwt (spatial weights)
python3 validation/spatial_varying_panel.py         # Tests/Fixtures/spatial-varying/{panel.csv,w.gal} (eq. 25 synthetic panel; no peer)
python3 validation/sophistication_pandas.py         # Tests/Fixtures/sophistication/{data/panel.csv,pandas.json} (RTV/MET, pandas + exact rationals)
python3 validation/indices_numpy.py                 # Tests/Fixtures/indices/{indices.json,data/panel.csv} (entropy, PCA, projection pursuit Q(a) and its maximum; numpy + scipy)
