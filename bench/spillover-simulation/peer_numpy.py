"""A straightforward vectorized numpy implementation of hetfirm's information-spillover
data-generating process and of the paper-003 regressors (docs/models/information-spillover.md),
used as the peer in bench/spillover-simulation.

It reads the [model] table of a resolved scenario (every default filled in, as hetfirm writes it
to OUT/scenario.toml), simulates one replication and builds the constructed regressors, and prints
the timings and a few moments as JSON. Random numbers come from numpy's PCG64, so the panels agree
with hetfirm's in distribution, not draw by draw.

With WORLD (a directory written by `SpilloverSimulationBench --emit-world`), the peer still draws
its own world, firm network, demand path and source exporters (so it does the same drawing work as
hetfirm, and that work is timed), but then simulates the rows on hetfirm's drawn world, network,
demand path and source aggregates. Entry depends on nothing else, so both sides then simulate the
same plant x destination x year rows; only the row-level draws (own demand components, sales noise,
imports, products) differ.

The product draws (number of products, product codes, Dirichlet weights) are always made; the
plant x product panel itself is built only with --products, as hetfirm keeps it only when asked
(`SpilloverSimulationBench --products`, or a block that reads data = "products").

Usage: python3 peer_numpy.py [--products] SCENARIO.toml [SEED [WORLD]]
"""
import json
import sys
import time
import tomllib

import numpy as np


def load_world(directory):
    """hetfirm's drawn world, network, demand path and source aggregates, as WorldExport writes them."""
    with open(f"{directory}/world.json") as handle:
        header = json.load(handle)
    arrays = {}
    for name, entry in header.items():
        if name == "rows":
            continue
        dtype = {"f64": "<f8", "i32": "<i4"}[entry["type"]]
        arrays[name] = np.fromfile(f"{directory}/{name}.bin", dtype=dtype, count=entry["count"])
    return header["rows"], arrays


def simulate(p, rng, given=None, keep_products=False):
    C, M, T, F = int(p["cities"]), int(p["destinations"]), int(p["years"]), int(p["firms"])
    sigma, k, v_d, v_z = p["sigma"], p["k"], p["v_d"], p["v_z"]
    # World.
    area = np.exp(rng.normal(p["area_log_mean"], p["area_log_sd"], C))
    province = rng.permutation(np.arange(C) % int(p["provinces"]))
    demand0 = rng.normal(p["demand_log_mean"], p["demand_log_sd"], M)
    fixed_cost = p["f"] * np.exp(rng.normal(0.0, p["fixed_cost_sd"], M))
    # Source exporters: counts and growth sums per (city, destination, year).
    u = rng.normal(p["density_log_mean"], p["density_city_sd"], C)
    w = rng.normal(0.0, p["density_destination_sd"], M)
    rate = area[:, None] * np.exp(u[:, None] + w[None, :])
    count = rng.poisson(rate[:, :, None], (C, M, T))
    growth = rng.normal(p["drift"], np.sqrt(v_d), (M, T))
    demand = demand0[:, None] + np.cumsum(growth, axis=1)          # d_mt
    previous = np.concatenate([demand0[:, None], demand[:, :-1]], axis=1)  # d_m,t-1
    noise = rng.standard_normal((C, M, T)) * np.sqrt(count * v_z)
    gsum = count * growth[None, :, :] + noise
    # Firms and plants: 2 + NB extra plants, truncated, in distinct cities.
    mean_extra, dispersion = p["plants_extra_mean"], p["plants_dispersion"]
    extra = rng.negative_binomial(dispersion, dispersion / (dispersion + mean_extra), F)
    plants_per_firm = np.minimum(2 + extra, min(int(p["max_plants"]), C))
    firm_of_plant = np.repeat(np.arange(F), plants_per_firm)
    P = firm_of_plant.size
    order = np.argsort(rng.random((F, C)), axis=1)
    starts = np.cumsum(plants_per_firm) - plants_per_firm
    rank = np.arange(P) - np.repeat(np.cumsum(plants_per_firm) - plants_per_firm, plants_per_firm)
    city = order[firm_of_plant, rank]
    established = rng.integers(-int(p["establishment_lead"]), T, P)
    established[rank == 0] = -int(p["establishment_lead"]) - 1
    phi = (1.0 - rng.random(P)) ** (-1.0 / k)
    if given is not None:
        # The same rows as hetfirm: its world, firm network, demand path and source aggregates.
        area, province = given["city_area"], given["city_province"].astype(np.int64)
        fixed_cost = given["destination_fixed_cost"]
        previous = given["demand_level"].reshape(M, T + 1)[:, :T]     # d_m,t-1 for t = 0 ... T-1
        count = given["source_count"].astype(np.int64).reshape(C, M, T)
        gsum = given["source_growth_sum"].reshape(C, M, T)
        firm_of_plant = given["plant_firm"].astype(np.int64)
        city = given["plant_city"].astype(np.int64)
        established = given["plant_established"].astype(np.int64)
        phi = given["plant_productivity"]
        P = firm_of_plant.size
        plants_per_firm = np.bincount(firm_of_plant, minlength=F)
        starts = np.cumsum(plants_per_firm) - plants_per_firm
    own = rng.normal(0.0, np.sqrt(v_z), (P, M))                      # z_im
    xi = (sigma - 1) ** (sigma - 1) / sigma ** sigma
    rows = {key: [] for key in ("plant", "dest", "year", "lnexp", "delta", "n_nb", "n_oth")}
    for t in range(T):
        alive = established <= t
        c_alive = np.where(alive, city, 0)
        n_city = count[:, :, t][c_alive] * alive[:, None]               # P x M
        s_city = gsum[:, :, t][c_alive] * alive[:, None]
        # Plants are stored firm by firm, so firm sums are segment sums.
        n_firm = np.add.reduceat(n_city, starts, axis=0)
        s_firm = np.add.reduceat(s_city, starts, axis=0)
        n_oth = n_firm[firm_of_plant] - n_city
        s_oth = s_firm[firm_of_plant] - s_city
        n_nb = count[:, :, t][city]
        n = n_nb + n_oth
        total = gsum[:, :, t][city] + s_oth
        delta = n * v_d / (v_z + n * v_d)
        pooled = np.divide(total, n, out=np.full(n.shape, p["drift"]), where=n > 0)
        belief = previous[None, :, t] + p["drift"] + delta * (pooled - p["drift"])
        variance = v_d * v_z / (v_z + n * v_d)
        log_profit = np.log(xi) + (sigma - 1) * np.log(phi)[:, None] + belief + variance / 2
        exports = alive[:, None] & (log_profit >= np.log(fixed_cost)[None, :])
        plant, dest = np.nonzero(exports)
        lnexp = (np.log(sigma) + log_profit[plant, dest] + own[plant, dest]
                 + rng.normal(0.0, p["sales_noise"], plant.size))
        for key, value in (("plant", plant), ("dest", dest), ("year", np.full(plant.size, t)), ("lnexp", lnexp),
                           ("delta", delta[plant, dest]), ("n_nb", n_nb[plant, dest]), ("n_oth", n_oth[plant, dest])):
            rows[key].append(value)
    panel = {key: np.concatenate(value) for key, value in rows.items()}
    # Imports per row: with probability import_share, ln imports ~ N(ln(sigma f), 1).
    R = panel["plant"].size
    imports = np.where(rng.random(R) < p["import_share"], np.exp(np.log(sigma * p["f"]) + rng.standard_normal(R)), 0.0)
    panel["lnimp"] = np.log1p(imports)
    # Products: 1 + Poisson(extra_products) distinct products per row, value split by a flat Dirichlet.
    H = int(p["products"])
    shipped = np.minimum(1 + rng.poisson(p["extra_products"], R), H)
    first = rng.integers(0, H, R)
    step = rng.integers(1, H, R)            # distinct products: first + j*step mod H (H prime or not, good enough)
    weight = rng.exponential(1.0, int(shipped.sum()))
    if keep_products:
        product_row = np.repeat(np.arange(R), shipped)
        offsets = np.arange(product_row.size) - np.repeat(np.cumsum(shipped) - shipped, shipped)
        product = (first[product_row] + offsets * step[product_row]) % H
        share = weight / np.bincount(product_row, weights=weight)[product_row]
        panel["product_exports"] = np.exp(panel["lnexp"])[product_row] * share
        panel["product"] = product
        panel["product_row"] = product_row
    world = dict(area=area, province=province, city=city, firm=firm_of_plant, established=established,
                 count=count, gsum=gsum, C=C, M=M, T=T, F=F)
    return panel, world


def construct(panel, world):
    """Eqs. (13), (14), local and province controls, (16)-(17) with overall shares, dummies."""
    city, firm, established = world["city"], world["firm"], world["established"]
    starts = np.flatnonzero(np.r_[True, firm[1:] != firm[:-1]])
    count, gsum, area, province = world["count"], world["gsum"], world["area"], world["province"]
    C, M, T, F = world["C"], world["M"], world["T"], world["F"]
    plant, dest, year = panel["plant"], panel["dest"], panel["year"]
    out = {}
    # Sister-city sums per (plant, dest, year): firm sums over alive plants minus the plant's own city.
    n_oth = np.zeros(plant.size); s_oth = np.zeros(plant.size); a_oth = np.zeros(plant.size)
    num = np.zeros(plant.size)
    for t in range(T):
        sel = year == t
        alive = established <= t
        # Plants are stored firm by firm, so firm sums over alive plants are segment sums.
        n_firm = np.add.reduceat(count[city, :, t] * alive[:, None], starts, axis=0)
        s_firm = np.add.reduceat(gsum[city, :, t] * alive[:, None], starts, axis=0)
        a_firm = np.add.reduceat(area[city] * alive, starts)
        k_firm = np.add.reduceat(alive.astype(float), starts)
        pl, de = plant[sel], dest[sel]
        n_oth[sel] = n_firm[firm[pl], de] - count[city[pl], de, t]
        s_oth[sel] = s_firm[firm[pl], de] - gsum[city[pl], de, t]
        a_oth[sel] = a_firm[firm[pl]] - area[city[pl]]
        num[sel] = k_firm[firm[pl]] - 1
    with np.errstate(divide="ignore", invalid="ignore"):
        out["dlnaffiliate"] = np.where(n_oth > 0, s_oth / n_oth, np.nan)
        out["lndensity"] = np.where(n_oth > 0, np.log(n_oth / a_oth), np.nan)
        n_own = count[city[plant], dest, year]; s_own = gsum[city[plant], dest, year]
        out["dlnnear"] = np.where(n_own > 0, s_own / n_own, np.nan)
        out["lnnear_density"] = np.where(n_own > 0, np.log(n_own / area[city[plant]]), np.nan)
        prov_a = np.bincount(province, weights=area)
        by_province = np.argsort(province, kind="stable")
        province_starts = np.flatnonzero(np.r_[True, np.diff(province[by_province]) != 0])
        prov_n = np.add.reduceat(count[by_province], province_starts, axis=0).astype(float)
        prov_s = np.add.reduceat(gsum[by_province], province_starts, axis=0)
        pn = prov_n[province[city[plant]], dest, year] - n_own
        ps = prov_s[province[city[plant]], dest, year] - s_own
        pa = prov_a[province[city[plant]]] - area[city[plant]]
        out["dlnnear_prov"] = np.where(pn > 0, ps / pn, np.nan)
        out["lnprov_density"] = np.where((pn > 0) & (pa > 0), np.log(pn / pa), np.nan)
        total = n_own + n_oth
        out["pooled_signal"] = np.where(total > 0, (s_own + s_oth) / total, np.nan)
    for a, b in (("dlnaffiliate", "lndensity"), ("dlnnear", "lnnear_density"), ("dlnnear_prov", "lnprov_density")):
        out[f"{a}_x_{b}"] = out[a] * out[b]
    # Exports to other destinations, new and returning exporters, firm exports.
    exports = np.exp(panel["lnexp"])
    key_py = plant.astype(np.int64) * T + year
    plant_year_total = np.bincount(key_py, weights=exports, minlength=len(city) * T)
    other = plant_year_total[key_py] - exports
    with np.errstate(divide="ignore"):
        out["lnexp_other"] = np.where(other > 0, np.log(other), np.nan)
    key = (plant.astype(np.int64) * M + dest) * T + year
    present = np.zeros(len(city) * M * T, dtype=bool); present[key] = True
    before = np.where(year > 0, key - 1, key)
    out["new_dummy"] = np.where(year > 0, ~present[before], True).astype(float)
    # Rows are in year order, so a pair's first row is its first export year.
    pair = plant.astype(np.int64) * M + dest
    first_year = np.full(len(city) * M, T)
    unique_pairs, first_row = np.unique(pair, return_index=True)
    first_year[unique_pairs] = year[first_row]
    earlier = first_year[pair] < year - 1
    out["exp_dummy"] = (earlier & (out["new_dummy"] == 1)).astype(float)
    firm_year_total = np.bincount(firm[plant].astype(np.int64) * T + year, weights=exports, minlength=F * T)
    out["lnexport"] = np.log(firm_year_total[firm[plant].astype(np.int64) * T + year])
    gross_output = firm_year_total * (1 + np.exp(np.random.default_rng(1).standard_normal(F * T)))
    with np.errstate(divide="ignore"):
        out["lnsupply"] = np.where(firm_year_total[firm[plant].astype(np.int64) * T + year] > 0,
                                   np.log(gross_output[firm[plant].astype(np.int64) * T + year]), np.nan)
    # Weighted versions (16)-(17) with overall export shares of the sister plants.
    out.update(weighted_measures(panel, world, exports))
    # Destinations served by one plant of the firm, firms with two plants in one province.
    key_fmt = (firm[plant].astype(np.int64) * M + dest) * T + year
    served = np.bincount(key_fmt, minlength=F * M * T)
    out["single_plant_dest"] = (served[key_fmt] == 1).astype(float)
    out["num"] = num
    return out


def weighted_measures(panel, world, exports):
    """Eqs. (16)-(17): sister-city mean growth and log density weighted by each sister plant's share of
    the sister plants' total exports in t (sister cities with no continuing source exporter left out)."""
    city, firm, established = world["city"], world["firm"], world["established"]
    count, gsum, area = world["count"], world["gsum"], world["area"]
    T = world["T"]
    plant, dest, year = panel["plant"], panel["dest"], panel["year"]
    plant_year = np.bincount(plant.astype(np.int64) * T + year, weights=exports, minlength=len(city) * T).reshape(-1, T)
    starts = np.flatnonzero(np.r_[True, firm[1:] != firm[:-1]])
    growth1 = np.full(plant.size, np.nan); density1 = np.full(plant.size, np.nan)
    for t in range(T):
        sel = year == t
        weight = plant_year[:, t] * (established <= t)                     # P
        n = count[city, :, t]                                              # P x M
        positive = n > 0
        safe = np.where(positive, n, 1)
        w = weight[:, None] * positive
        wx = w * (gsum[city, :, t] / safe)
        wy = w * np.log(safe / area[city][:, None])
        sums = [np.add.reduceat(a, starts, axis=0) for a in (w, wx, wy)]  # firm x M
        pl, de = plant[sel], dest[sel]
        total = sums[0][firm[pl], de] - w[pl, de]
        with np.errstate(divide="ignore", invalid="ignore"):
            ok = total > 1e-300
            g = (sums[1][firm[pl], de] - wx[pl, de]) / total
            d = (sums[2][firm[pl], de] - wy[pl, de]) / total
        growth1[np.flatnonzero(sel)[ok]] = g[ok]
        density1[np.flatnonzero(sel)[ok]] = d[ok]
    return {"dlnaffiliate1": growth1, "lndensity1": density1, "dlnaffiliate1_x_lndensity1": growth1 * density1}


def main():
    keep_products = "--products" in sys.argv
    arguments = [argument for argument in sys.argv[1:] if argument != "--products"]
    with open(arguments[0], "rb") as handle:
        parameters = tomllib.load(handle)["model"]
    seed = int(arguments[1]) if len(arguments) > 1 else 20261121
    expected_rows, given = load_world(arguments[2]) if len(arguments) > 2 else (None, None)
    rng = np.random.default_rng(seed)
    start = time.perf_counter()
    panel, world = simulate(parameters, rng, given, keep_products)
    simulated = time.perf_counter()
    measures = construct(panel, world)
    constructed = time.perf_counter()
    affiliate = measures["dlnaffiliate"]
    print(json.dumps({
        "rows": int(panel["plant"].size),
        "hetfirm_rows": expected_rows,
        "simulate_seconds": simulated - start,
        "construct_seconds": constructed - simulated,
        "total_seconds": constructed - start,
        "mean_lnexp": float(panel["lnexp"].mean()),
        "share_with_dlnaffiliate": float(np.isfinite(affiliate).mean()),
        "mean_delta": float(panel["delta"][panel["n_oth"] > 0].mean()),   # rows with sister-city signals, as hetfirm
    }))


if __name__ == "__main__":
    main()
