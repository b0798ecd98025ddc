"""Oracle for hetfirm's export sophistication (Measures/Regional, `hetfirm sophistication`): pandas.

Paper 000 (§3.1) and paper 001 (§3.2.2) measure a region's export sophistication by the PRODY/EXPY
method of Hausmann, Hwang and Rodrik (2007), regions in the role of countries:

    s_iht  = e_iht / E_it,  E_it = sum_h e_iht
    RTV_ht = sum_i [ s_iht / sum_j s_jht ] * PGDP_it      (eq. 12, PRODY)
    MET_it = sum_h s_iht * RTV_ht                         (eq. 13, EXPY)

This script writes a small long table and RTV/MET computed from it with pandas group-bys, checked
against an exact rational computation (fractions.Fraction on the same doubles) to 1e-14 relative.

Data (numpy.random.default_rng(20261208)), Tests/Fixtures/sophistication/data/panel.csv:
- 12 regions with text ids (Chinese province names; "Guangxi, Zhuang" must be quoted in the CSV),
  40 products with codes "0101".."0140" (text with a leading zero: hetfirm must keep it), 3 years
  2004..2006.
- Each (region, product, year) cell is absent with probability 0.15, written with exports 0 with
  probability 0.25, else lognormal exports rounded to 0.01. Product "0117" is written with exports 0
  for every region in 2005 (exported by nobody: RTV undefined and left out, MET unaffected).
  Every region-year keeps at least one positive cell.
- pgdp: GDP per capita per region-year, uniform on [8000, 80000] rounded to 0.1, times a 1.08 growth
  per year; the same value on every row of a region-year.
- Rows are shuffled, so the file is in no particular order.

Read by pandas with dtype str for the ids, keep_default_na=False (no cell is missing).

Run: python3 validation/sophistication_pandas.py
"""
import csv
import hashlib
import io
import os
from fractions import Fraction

import numpy as np
import pandas as pd

from provenance import FIXTURES, write_fixture

REGIONS = ["Beijing", "Tianjin", "Hebei", "Shanxi", "Inner Mongolia", "Liaoning", "Shanghai", "Jiangsu",
           "Zhejiang", "Guangdong", "Guangxi, Zhuang", "Sichuan"]
PRODUCTS = [f"01{k:02d}" for k in range(1, 41)]
YEARS = [2004, 2005, 2006]
UNEXPORTED = ("0117", 2005)
CSV_PATH = os.path.join(FIXTURES, "sophistication", "data", "panel.csv")


def generate():
    rng = np.random.default_rng(20261208)
    base = np.round(rng.uniform(8000, 80000, size=len(REGIONS)), 1)
    rows = []
    for y, year in enumerate(YEARS):
        for r, region in enumerate(REGIONS):
            pgdp = round(float(base[r]) * 1.08 ** y * rng.uniform(0.95, 1.05), 1)
            cells = []
            for product in PRODUCTS:
                draw = rng.uniform()
                if draw < 0.15:
                    continue
                if draw < 0.40 or (product, year) == UNEXPORTED:
                    value = 0.0
                else:
                    value = round(float(rng.lognormal(mean=3.0, sigma=1.5)), 2)
                cells.append([region, product, year, value, pgdp])
            if not any(cell[3] > 0 for cell in cells):
                cells.append([region, PRODUCTS[0], year, 1.0, pgdp])
            rows.extend(cells)
    order = rng.permutation(len(rows))
    return [rows[k] for k in order]


def write_csv(rows):
    os.makedirs(os.path.dirname(CSV_PATH), exist_ok=True)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["province", "hs4", "year", "exports", "pgdp"])
    for region, product, year, value, pgdp in rows:
        writer.writerow([region, product, year, repr(value), repr(pgdp)])
    text = buffer.getvalue()
    with open(CSV_PATH, "w", newline="") as handle:
        handle.write(text)
    return hashlib.sha256(text.encode()).hexdigest()


def pandas_oracle():
    frame = pd.read_csv(CSV_PATH, dtype={"province": str, "hs4": str}, keep_default_na=False)
    assert frame["hs4"].str.startswith("01").all()
    frame["E"] = frame.groupby(["province", "year"])["exports"].transform("sum")
    frame["share"] = frame["exports"] / frame["E"]
    frame["share_pgdp"] = frame["share"] * frame["pgdp"]
    products = frame.groupby(["hs4", "year"]).agg(share_sum=("share", "sum"), weighted=("share_pgdp", "sum"),
                                                  total=("exports", "sum"),
                                                  exporting=("exports", lambda v: int((v > 0).sum())))
    defined = products[products["share_sum"] > 0].copy()
    defined["rtv"] = defined["weighted"] / defined["share_sum"]
    unexported = products[products["share_sum"] == 0]
    merged = frame.merge(defined[["rtv"]], left_on=["hs4", "year"], right_index=True, how="left")
    merged["term"] = np.where(merged["share"] > 0, merged["share"] * merged["rtv"], 0.0)
    regions = merged.groupby(["province", "year"]).agg(met=("term", "sum"), total=("exports", "sum"),
                                                       pgdp=("pgdp", "first"))
    return frame, defined, unexported, regions


def exact(frame):
    """RTV and MET in exact rational arithmetic on the same doubles."""
    total, pgdp = {}, {}
    for row in frame.itertuples():
        key = (row.province, row.year)
        total[key] = total.get(key, Fraction(0)) + Fraction(row.exports)
        pgdp[key] = Fraction(row.pgdp)
    share_sum, weighted = {}, {}
    for row in frame.itertuples():
        share = Fraction(row.exports) / total[(row.province, row.year)]
        key = (row.hs4, row.year)
        share_sum[key] = share_sum.get(key, Fraction(0)) + share
        weighted[key] = weighted.get(key, Fraction(0)) + share * pgdp[(row.province, row.year)]
    rtv = {key: weighted[key] / share_sum[key] for key in share_sum if share_sum[key] > 0}
    met = {}
    for row in frame.itertuples():
        if row.exports > 0:
            key = (row.province, row.year)
            share = Fraction(row.exports) / total[key]
            met[key] = met.get(key, Fraction(0)) + share * rtv[(row.hs4, row.year)]
    return rtv, met


def main():
    rows = generate()
    sha = write_csv(rows)
    frame, defined, unexported, regions = pandas_oracle()
    exact_rtv, exact_met = exact(frame)
    worst = 0.0
    for (product, year), row in defined.iterrows():
        worst = max(worst, abs(row["rtv"] - float(exact_rtv[(product, year)])) / float(exact_rtv[(product, year)]))
    for (region, year), row in regions.iterrows():
        worst = max(worst, abs(row["met"] - float(exact_met[(region, year)])) / float(exact_met[(region, year)]))
    assert worst < 1e-14, worst
    assert list(unexported.index) == [UNEXPORTED], list(unexported.index)
    payload = {
        "csv": "Tests/Fixtures/sophistication/data/panel.csv",
        "data_sha256_of": "bytes of the csv file",
        "columns": {"region": "province", "product": "hs4", "time": "year", "exports": "exports",
                    "gdp_per_capita": "pgdp"},
        "rows": len(frame),
        "max_relative_error_vs_exact": worst,
        "met": [{"region": region, "year": int(year), "total_exports": float(row["total"]),
                 "gdp_per_capita": float(row["pgdp"]), "met": float(row["met"])}
                for (region, year), row in regions.sort_index(level=[1, 0]).iterrows()],
        "rtv": [{"product": product, "year": int(year), "total_exports": float(row["total"]),
                 "exporting_regions": int(row["exporting"]), "rtv": float(row["rtv"])}
                for (product, year), row in defined.sort_index(level=[1, 0]).iterrows()],
        "unexported": [{"product": product, "year": int(year)} for product, year in unexported.index],
    }
    write_fixture("sophistication", "pandas", "pandas", pd.__version__, __file__, sha, payload)
    print(f"{len(frame)} rows, {len(regions)} region-years, {len(defined)} product-years with RTV, "
          f"pandas vs exact max relative error {worst:.2e}")


if __name__ == "__main__":
    main()
