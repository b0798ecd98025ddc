"""Oracle for hetfirm's text identifiers (PanelData CSV factors, FixedEffects, Covariance): pyfixest.feols.

Real panels identify units by text: state names, ISO country codes, industry codes such as
"C10-C12". This script writes one such panel and what pyfixest estimates on it, so the tests can
check that hetfirm reads text columns as factors and uses them as fixed effects, interactions,
cluster variables and split samples exactly as pyfixest does.

Data (numpy.random.default_rng(1010)), written to Tests/Fixtures/pyfixest/data/text_ids.csv and,
cell for cell the same, text_ids.tsv (tab-separated, for the delimiter detection):

- 120 firms "F-001".."F-120", 8 years 2012..2019, each firm-year kept with probability 0.8.
- Each firm has a state (16 names, among them "Rhode Island" and "Washington, D.C.", which
  the CSV must quote), an industry (8 codes such as "C10-C12", "C16", "C22-C23") and a country
  (6 ISO 3166 alpha-3 codes).
- code: a firm-level code that is numeric-looking ("0101", "0102", ...) for firms 1..108 and
  text ("X09", ...) for firms 109..120. Rows are sorted by firm, so the first text cell of this
  column comes late in the file: the reader must still make the whole column a factor, keeping
  "0101" as the label "0101" (pandas keeps the strings too).
- firm effect ~ N(0,1), country-year effect ~ N(0, 0.5^2), a state-year shock ~ N(0, 0.4^2) in
  the error; x1 = 0.5 firm effect + N(0,1), x2 ~ N(0,1), y = 0.7 x1 - 0.4 x2 + effects + e.
- Missing cells (empty): y in 3 % of rows; state in rows 5, 77 and 301 (0-based).

Read by pandas with keep_default_na=False, na_values=["", "NA"] (hetfirm's missing tokens), text
columns as str; every double cell is checked to round-trip. Conventions as in pyfixest_feols.py
(tight demeaner, default ssc and singleton removal). Split samples (hetfirm --split country) are
estimated on the data frame restricted to each country. pyfixest refuses missing values in a cluster
variable; hetfirm drops such rows as fixest does, so the clustered cases are run by pyfixest on the
rows whose cluster variables are present.

Run: python3 validation/pyfixest_text_ids.py
"""
import csv
import hashlib
import os

import numpy as np
import pandas as pd
import pyfixest as pf

from fixest_datasets import DATA_DIR, REPO
from provenance import write_fixture
from pyfixest_feols import DEMEANER, FIXEF_TOL, HETERO, IID, crv, run_case

NAME = "text_ids"
STATES = ["Alabama", "Alaska", "Arizona", "California", "Colorado", "Florida", "Georgia", "Illinois",
          "Maine", "Nevada", "New York", "Ohio", "Rhode Island", "Texas", "Utah", "Washington, D.C."]
INDUSTRIES = ["C10-C12", "C13-C15", "C16", "C17-C18", "C19", "C20", "C21", "C22-C23"]
COUNTRIES = ["DEU", "ESP", "FRA", "ITA", "NLD", "POL"]
TEXT_COLUMNS = ["firm", "state", "industry", "country", "code"]

# formula -> ([vcov...], options); options: fixef (store .fixef()), split (column)
CASES = [
    ("y ~ x1 + x2 | firm + year", [IID, HETERO, crv("state"), crv("state+industry")], {"fixef": True}),
    ("y ~ x1 + x2 | state + country^year", [IID, crv("country"), crv("industry")], {}),
    ("y ~ x1 + x2 | code + year", [IID, crv("code")], {}),
    ("y ~ x1 + x2 | industry + year", [IID, crv("industry")], {"split": "country"}),
]


def panel():
    rng = np.random.default_rng(1010)
    n_firms, n_years = 120, 8
    firm = np.repeat(np.arange(n_firms), n_years)
    year = np.tile(np.arange(n_years), n_firms)
    state_of = rng.integers(0, len(STATES), n_firms)
    industry_of = rng.integers(0, len(INDUSTRIES), n_firms)
    country_of = rng.integers(0, len(COUNTRIES), n_firms)
    firm_fe = rng.normal(0, 1, n_firms)[firm]
    country_year = rng.normal(0, 0.5, (len(COUNTRIES), n_years))[country_of[firm], year]
    state_shock = rng.normal(0, 0.4, (len(STATES), n_years))[state_of[firm], year]
    x1 = 0.5 * firm_fe + rng.normal(0, 1, firm.size)
    x2 = rng.normal(0, 1, firm.size)
    y = 0.7 * x1 - 0.4 * x2 + firm_fe + country_year + state_shock + rng.normal(0, 1, firm.size)
    keep = rng.uniform(size=firm.size) < 0.8
    y = np.where(rng.uniform(size=firm.size) < 0.03, np.nan, y)
    codes = [f"{(f % 9) + 1:02d}{f // 9 + 1:02d}" if f < 108 else f"X{f - 99:02d}" for f in range(n_firms)]
    rows = []
    for i in np.flatnonzero(keep):
        f = firm[i]
        rows.append({
            "y": y[i], "x1": x1[i], "x2": x2[i], "firm": f"F-{f + 1:03d}", "state": STATES[state_of[f]],
            "industry": INDUSTRIES[industry_of[f]], "country": COUNTRIES[country_of[f]],
            "year": int(2012 + year[i]), "code": codes[f],
        })
    for i in (5, 77, 301):
        rows[i]["state"] = None
    return rows


def write(rows, path, delimiter):
    columns = ["y", "x1", "x2", "firm", "state", "industry", "country", "year", "code"]

    def cell(value):
        if value is None or (isinstance(value, float) and np.isnan(value)):
            return ""
        return repr(float(value)) if isinstance(value, (float, np.floating)) else str(value)

    with open(path, "w", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([cell(row[c]) for c in columns])
    print("wrote", os.path.relpath(path, REPO), len(rows), "rows", os.path.getsize(path), "bytes")


def read_exact(path):
    """pandas.read_csv with hetfirm's missing tokens, checked against the rows that were written."""
    data = pd.read_csv(path, keep_default_na=False, na_values=["", "NA"], dtype={c: str for c in TEXT_COLUMNS})
    with open(path, newline="") as handle:
        records = list(csv.reader(handle))
    header = records[0]
    for j, column in enumerate(header):
        values = data[column].to_numpy()
        for i, record in enumerate(records[1:]):
            text = record[j]
            if text == "":
                assert pd.isna(values[i]), (column, i)
            elif column in TEXT_COLUMNS:
                assert values[i] == text, (column, i, text, values[i])
            else:
                assert float(text) == values[i], (column, i, text, values[i])
    return data


def main():
    rows = panel()
    os.makedirs(DATA_DIR, exist_ok=True)
    csv_file = os.path.join(DATA_DIR, NAME + ".csv")
    write(rows, csv_file, ",")
    write(rows, os.path.join(DATA_DIR, NAME + ".tsv"), "\t")
    with open(csv_file, "rb") as handle:
        sha = hashlib.sha256(handle.read()).hexdigest()
    data = read_exact(csv_file)
    assert data["code"].str.startswith("X").sum() > 0 and data["code"].iloc[0] == "0101"
    cases = []
    for formula, vcovs, options in CASES:
        samples = [(None, data)]
        if "split" in options:
            column = options["split"]
            samples = [(value, data[data[column] == value].reset_index(drop=True))
                       for value in sorted(data[column].dropna().unique())]
        for value, subset in samples:
            references = {}  # rows used -> coefficients: only the covariance may differ
            for vcov in vcovs:
                # pyfixest refuses missing cluster values; hetfirm (like fixest) drops those rows.
                clusters = list(vcov.values())[0].split("+") if isinstance(vcov, dict) else []
                used = subset.dropna(subset=clusters).reset_index(drop=True)
                fit, case = run_case(used, formula, vcov, options)
                reference = references.setdefault(len(used), case["coefficients"])
                assert case["coefficients"] == reference, (formula, vcov, value)
                if value is not None:
                    case["split"] = {"column": options["split"], "value": value}
                if options.get("fixef") and vcov == IID:
                    raw = fit.fixef(atol=FIXEF_TOL, btol=FIXEF_TOL)
                    case["fixef"] = {key.removeprefix("C(").removesuffix(")"): {str(level): float(v) for level, v in levels.items()}
                                     for key, levels in raw.items()}
                    case["fixef_call"] = f"fit.fixef(atol={FIXEF_TOL!r}, btol={FIXEF_TOL!r})"
                cases.append(case)
                print(f"{formula} [{vcov}] {'' if value is None else value}: {case['coefficients']}")
    write_fixture("pyfixest", NAME, "pyfixest", pf.__version__, __file__, sha, {
        "csv": os.path.relpath(csv_file, REPO),
        "tsv": os.path.relpath(os.path.join(DATA_DIR, NAME + ".tsv"), REPO),
        "data_sha256_of": "bytes of the csv file",
        "read_csv": "pandas.read_csv(keep_default_na=False, na_values=['', 'NA'], text columns as str)",
        "demeaner_tolerance_note": "MapDemeaner(fixef_tol=1e-14) as in pyfixest_feols.py",
        "cases": cases,
    })


if __name__ == "__main__":
    main()
