"""Data sets for hetfirm's fixed-effects OLS validation (FixedEffects, Covariance).

Writes Tests/Fixtures/pyfixest/data/NAME.csv. Every data set is drawn from its own
numpy.random.default_rng(seed) so each file can be regenerated independently and byte-identically.

CSV conventions: header row; integer ids written as integers; doubles written with repr() (shortest
round-trip decimal, so the value read back is bit-identical); missing values are empty cells.

Data-generating processes (e ~ N(0, 1) iid unless stated):

- balanced (seed 1001): 100 units x 10 years. alpha_unit ~ N(0,1), gamma_year ~ N(0, 0.5^2),
  x1 = 0.5 alpha_unit + N(0,1) (correlated with the unit effect), x2 ~ N(0,1),
  y = 1.0 x1 - 0.5 x2 + alpha_unit + gamma_year + e.

- unbalanced (seed 1002): 160 units in 8 groups (unit u belongs to group u mod 8), 12 years.
  alpha_unit ~ N(0,1), delta_{year,group} ~ N(0, 0.5^2), x1 = 0.5 alpha_unit + N(0,1), x2 ~ N(0,1),
  y = 0.8 x1 + 0.3 x2 + alpha_unit + delta_{year,group} + e.  Each row kept with prob. 0.75; then
  units 3, 17, 42, 99, 131 keep only their first row (unit singletons) and the year x group cells
  (2,1), (5,4), (9,6), (11,7) keep only their first row (year^group singletons).
  region: 20 levels drawn per ROW uniformly, so region is not nested in unit (nor unit in region).

- poorly_connected (seed 1003): worker-firm graph with 3 connected components. Component c has
  workers 100c..100c+99 and firms 10c..10c+9; each worker has 5 spells (rows) at firms drawn
  uniformly from its own component only.  worker effect ~ N(0,1), firm effect ~ N(0,1),
  x1 = 0.5 firm effect + N(0,1), x2 ~ N(0,1), y = 0.6 x1 - 0.2 x2 + worker + firm + e.

- nested (seed 1004): 200 firms, each in one of 10 industries (firm f in industry f mod 10),
  8 years, each firm-year kept with prob. 0.8.  firm effect ~ N(0,1), year effect ~ N(0,0.3^2),
  industry shock per (industry, year) ~ N(0, 0.5^2) enters the error (so industry clustering matters),
  x1 = 0.5 firm + N(0,1) + 0.5 industry-level N(0,1), x2 ~ N(0,1),
  y = 1.2 x1 + 0.4 x2 + firm + year + shock + e.

- three_fe (seed 1005): trade-style rows plant x year x dest. 80 plants, plant p located in city p mod 12,
  4 years, 10 destinations; each (plant, year, dest) kept with prob. 0.35.
  FE: plant^year ~ N(0,1), dest^year ~ N(0,0.5^2), city^dest ~ N(0,0.5^2); a city^dest shock
  ~ N(0, 0.3^2) in the error; x1 ~ N(0,1) + 0.3 plant^year effect, x2 ~ N(0,1),
  y = 0.5 x1 - 0.7 x2 + 0.25 x1 x2 + FE + shock + e.
  city_dest = 1000 city + dest (integer id of city^dest; pyfixest cannot cluster on "city^dest").

- no_fe (seed 1006): cross-section of 2000 rows: x1 ~ N(0,1), x2 ~ N(0,1), z ~ LogNormal(0, 0.5),
  g = 30 cluster levels uniformly, y = 1 + 0.5 x1 - 0.25 x2 + 0.8 log(z) + 0.1 x1^2 + (1 + 0.5|x1|) e
  (heteroskedastic).

- missing (seed 1007): the balanced DGP (100 units x 10 years, own seed) with y set to NA in 5 % of
  rows and x2 set to NA in another (independently drawn) 5 % of rows; unit 7 has y missing in all
  but one year, so after dropping NA rows it becomes a unit singleton.

- grunfeld, empluk: R plm 2.6.2's `data(Grunfeld)` (10 firms x 20 years 1935-1954: inv, value, capital) and
  `data(EmplUK)` (140 firms, 1976-1984, unbalanced: sector, emp, wage, capital, output), exported by Rscript
  with 17 significant digits and rewritten here with repr() (the doubles are R's, bit for bit). Real panels
  with calendar years, for quadratic trends (year, year^2) and ill-conditioned designs without FE.
  Needs R with plm (apt-get install r-cran-plm).

- large_level (seed 1008): 60 units x 8 years. x1, x2 ~ N(0,1), xbig = 5e4 + N(0,1) (log(xbig) varies by
  about 2e-5 around 10.82), x3 = 2 x1 - x2 (collinear up to rounding), x4 = x1 + 1e-4 N(0,1) (nearly
  collinear, estimable), alpha_unit ~ N(0,1),
  y = 0.5 x1 - 0.3 x2 + 2e4 (log(xbig) - log(5e4)) + alpha_unit + e.

- psd_small (seed 1009): 48 rows, cluster a (4 levels, rows in blocks of 12), cluster b (3 levels, row mod 3),
  x1, x2 ~ N(0,1), y = 1e-7 (1 + 0.5 x1 - 0.3 x2 + (1 + |x1|) e + 0.4 a): a two-way clustered covariance
  with a negative variance in small units (the seed was picked as the first from 1009 whose CRV1 a+b
  covariance of y ~ x1 + x2 has a negative diagonal entry).

Run: python3 validation/fixest_datasets.py
"""
import os
import subprocess
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, ".."))
DATA_DIR = os.path.join(REPO, "Tests", "Fixtures", "pyfixest", "data")


def csv_path(name):
    return os.path.join(DATA_DIR, name + ".csv")


def write_csv(name, columns):
    """columns: list of (name, numpy array). Integer arrays are written as integers, float arrays
    with repr() and NaN as an empty cell."""
    os.makedirs(DATA_DIR, exist_ok=True)
    n = len(columns[0][1])
    formatters = []
    for column_name, values in columns:
        assert len(values) == n, column_name
        if np.issubdtype(values.dtype, np.integer):
            formatters.append([str(int(v)) for v in values])
        else:
            formatters.append(["" if np.isnan(v) else repr(float(v)) for v in values])
    lines = [",".join(c for c, _ in columns)]
    lines += [",".join(f[i] for f in formatters) for i in range(n)]
    path = csv_path(name)
    with open(path, "w", newline="") as handle:
        handle.write("\n".join(lines) + "\n")
    print("wrote", os.path.relpath(path, REPO), n, "rows", os.path.getsize(path), "bytes")


def balanced_panel(rng, n_units=100, n_years=10):
    unit = np.repeat(np.arange(1, n_units + 1), n_years)
    year = np.tile(np.arange(2001, 2001 + n_years), n_units)
    alpha = rng.normal(0, 1, n_units)[unit - 1]
    gamma = rng.normal(0, 0.5, n_years)[year - 2001]
    x1 = 0.5 * alpha + rng.normal(0, 1, unit.size)
    x2 = rng.normal(0, 1, unit.size)
    y = 1.0 * x1 - 0.5 * x2 + alpha + gamma + rng.normal(0, 1, unit.size)
    return unit, year, x1, x2, y


def balanced():
    rng = np.random.default_rng(1001)
    unit, year, x1, x2, y = balanced_panel(rng)
    write_csv("balanced", [("y", y), ("x1", x1), ("x2", x2), ("unit", unit), ("year", year)])


def unbalanced():
    rng = np.random.default_rng(1002)
    n_units, n_years, n_groups = 160, 12, 8
    unit = np.repeat(np.arange(n_units), n_years)
    year = np.tile(np.arange(n_years), n_units)
    group = unit % n_groups
    alpha = rng.normal(0, 1, n_units)[unit]
    delta = rng.normal(0, 0.5, (n_years, n_groups))[year, group]
    x1 = 0.5 * alpha + rng.normal(0, 1, unit.size)
    x2 = rng.normal(0, 1, unit.size)
    y = 0.8 * x1 + 0.3 * x2 + alpha + delta + rng.normal(0, 1, unit.size)
    region = rng.integers(1, 21, unit.size)
    keep = rng.uniform(size=unit.size) < 0.75
    for u in (3, 17, 42, 99, 131):
        rows = np.flatnonzero(keep & (unit == u))
        keep[rows[1:]] = False
    for t, g in ((2, 1), (5, 4), (9, 6), (11, 7)):
        rows = np.flatnonzero(keep & (year == t) & (group == g))
        keep[rows[1:]] = False
    k = keep
    write_csv("unbalanced", [("y", y[k]), ("x1", x1[k]), ("x2", x2[k]), ("unit", unit[k] + 1),
                             ("year", year[k] + 2001), ("group", group[k] + 1), ("region", region[k])])


def poorly_connected():
    rng = np.random.default_rng(1003)
    n_components, workers_per, firms_per, spells = 3, 100, 10, 5
    worker = np.repeat(np.arange(n_components * workers_per), spells)
    component = worker // workers_per
    firm = component * firms_per + rng.integers(0, firms_per, worker.size)
    worker_fe = rng.normal(0, 1, n_components * workers_per)[worker]
    firm_fe = rng.normal(0, 1, n_components * firms_per)[firm]
    x1 = 0.5 * firm_fe + rng.normal(0, 1, worker.size)
    x2 = rng.normal(0, 1, worker.size)
    y = 0.6 * x1 - 0.2 * x2 + worker_fe + firm_fe + rng.normal(0, 1, worker.size)
    write_csv("poorly_connected", [("y", y), ("x1", x1), ("x2", x2), ("worker", worker + 1),
                                   ("firm", firm + 1), ("component", component + 1)])


def nested():
    rng = np.random.default_rng(1004)
    n_firms, n_industries, n_years = 200, 10, 8
    firm = np.repeat(np.arange(n_firms), n_years)
    year = np.tile(np.arange(n_years), n_firms)
    industry = firm % n_industries
    firm_fe = rng.normal(0, 1, n_firms)[firm]
    year_fe = rng.normal(0, 0.3, n_years)[year]
    shock = rng.normal(0, 0.5, (n_industries, n_years))[industry, year]
    industry_x = rng.normal(0, 1, n_industries)[industry]
    x1 = 0.5 * firm_fe + rng.normal(0, 1, firm.size) + 0.5 * industry_x
    x2 = rng.normal(0, 1, firm.size)
    y = 1.2 * x1 + 0.4 * x2 + firm_fe + year_fe + shock + rng.normal(0, 1, firm.size)
    k = rng.uniform(size=firm.size) < 0.8
    write_csv("nested", [("y", y[k]), ("x1", x1[k]), ("x2", x2[k]), ("firm", firm[k] + 1),
                         ("industry", industry[k] + 1), ("year", year[k] + 2001)])


def three_fe():
    rng = np.random.default_rng(1005)
    n_plants, n_cities, n_years, n_dests = 80, 12, 4, 10
    plant, year, dest = (a.ravel() for a in np.meshgrid(np.arange(n_plants), np.arange(n_years),
                                                         np.arange(n_dests), indexing="ij"))
    city = plant % n_cities
    plant_year = rng.normal(0, 1, (n_plants, n_years))[plant, year]
    dest_year = rng.normal(0, 0.5, (n_dests, n_years))[dest, year]
    city_dest = rng.normal(0, 0.5, (n_cities, n_dests))[city, dest]
    shock = rng.normal(0, 0.3, (n_cities, n_dests))[city, dest]
    x1 = rng.normal(0, 1, plant.size) + 0.3 * plant_year
    x2 = rng.normal(0, 1, plant.size)
    y = (0.5 * x1 - 0.7 * x2 + 0.25 * x1 * x2 + plant_year + dest_year + city_dest + shock
         + rng.normal(0, 1, plant.size))
    k = rng.uniform(size=plant.size) < 0.35
    city_id, dest_id = city[k] + 1, dest[k] + 1
    write_csv("three_fe", [("y", y[k]), ("x1", x1[k]), ("x2", x2[k]), ("plant", plant[k] + 1),
                           ("year", year[k] + 2001), ("dest", dest_id), ("city", city_id),
                           ("city_dest", 1000 * city_id + dest_id)])


def no_fe():
    rng = np.random.default_rng(1006)
    n = 2000
    x1 = rng.normal(0, 1, n)
    x2 = rng.normal(0, 1, n)
    z = rng.lognormal(0, 0.5, n)
    g = rng.integers(1, 31, n)
    y = 1 + 0.5 * x1 - 0.25 * x2 + 0.8 * np.log(z) + 0.1 * x1 ** 2 + (1 + 0.5 * np.abs(x1)) * rng.normal(0, 1, n)
    write_csv("no_fe", [("y", y), ("x1", x1), ("x2", x2), ("z", z), ("g", g)])


def missing():
    rng = np.random.default_rng(1007)
    unit, year, x1, x2, y = balanced_panel(rng)
    y = y.copy()
    x2 = x2.copy()
    y[rng.uniform(size=y.size) < 0.05] = np.nan
    x2[rng.uniform(size=x2.size) < 0.05] = np.nan
    rows7 = np.flatnonzero(unit == 7)
    y[rows7[1:]] = np.nan
    x2[rows7[0]] = 0.25 if np.isnan(x2[rows7[0]]) else x2[rows7[0]]
    write_csv("missing", [("y", y), ("x1", x1), ("x2", x2), ("unit", unit), ("year", year)])


def plm_dataset(name, r_name, integer_columns):
    """Exports plm's data set `r_name` with 17 significant digits, rewritten with repr()."""
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "data.csv")
        script = (f'suppressMessages(library(plm)); data({r_name}); d <- {r_name}; '
                  f'for (c in names(d)) d[[c]] <- sprintf("%.17g", as.numeric(d[[c]])); '
                  f'write.csv(d, "{path}", row.names = FALSE, quote = FALSE)')
        subprocess.run(["Rscript", "-e", script], check=True)
        with open(path) as handle:
            header = handle.readline().strip().split(",")
            rows = [line.strip().split(",") for line in handle if line.strip()]
    columns = []
    for j, column in enumerate(header):
        values = np.array([float(row[j]) for row in rows])
        if column in integer_columns:
            assert np.all(values == np.round(values)), column
            values = values.astype(np.int64)
        columns.append((column, values))
    write_csv(name, columns)


def grunfeld():
    plm_dataset("grunfeld", "Grunfeld", {"firm", "year"})


def empluk():
    plm_dataset("empluk", "EmplUK", {"firm", "year", "sector"})


def large_level():
    rng = np.random.default_rng(1008)
    n_units, n_years = 60, 8
    unit = np.repeat(np.arange(1, n_units + 1), n_years)
    year = np.tile(np.arange(2001, 2001 + n_years), n_units)
    n = unit.size
    alpha = rng.normal(0, 1, n_units)[unit - 1]
    x1 = rng.normal(0, 1, n)
    x2 = rng.normal(0, 1, n)
    xbig = 5e4 + rng.normal(0, 1, n)
    x3 = 2 * x1 - x2
    x4 = x1 + 1e-4 * rng.normal(0, 1, n)
    y = 0.5 * x1 - 0.3 * x2 + 2e4 * (np.log(xbig) - np.log(5e4)) + alpha + rng.normal(0, 1, n)
    write_csv("large_level", [("y", y), ("x1", x1), ("x2", x2), ("xbig", xbig), ("x3", x3), ("x4", x4),
                              ("unit", unit), ("year", year)])


def psd_small_columns(seed):
    rng = np.random.default_rng(seed)
    n = 48
    a = np.repeat(np.arange(1, 5), 12)
    b = np.arange(n) % 3 + 1
    x1 = rng.normal(0, 1, n)
    x2 = rng.normal(0, 1, n)
    y = 1e-7 * (1 + 0.5 * x1 - 0.3 * x2 + (1 + np.abs(x1)) * rng.normal(0, 1, n) + 0.4 * a)
    return [("y", y), ("x1", x1), ("x2", x2), ("a", a), ("b", b)]


def psd_small():
    write_csv("psd_small", psd_small_columns(1009))


DATASETS = {f.__name__: f for f in (balanced, unbalanced, poorly_connected, nested, three_fe, no_fe, missing,
                                    grunfeld, empluk, large_level, psd_small)}

if __name__ == "__main__":
    for make in DATASETS.values():
        make()
