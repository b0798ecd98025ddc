import Foundation

/// Every Double column of the tiny world, computed by hand (`nil` = missing), for
/// `sourcesIncludeSample = false` and destination-share weights. The products are checked
/// as the product of the two hand values.
enum TinyWorldExpectations {
    typealias W = TinyWorld
    static let area0 = 2.0, area1 = 3.0, area2 = 5.0

    static let baseline: [[String: Double?]] = [
        // Row 0: plant 0 (firm 0, city 0), m0, t0. Plant 1 not yet established: no sister.
        ["dlnaffiliate": nil, "lndensity": nil, "dlnnear": nil, "lnnear_density": nil,
         "dlnnear_prov": nil, "lnprov_density": nil, "dlnaffiliate1": nil, "lndensity1": nil,
         "lnexp": log(10), "lnexp_other": log(4), "new_dummy": nil, "exp_dummy": nil, "num": 0,
         "lnexport": log(10 + 4), "lnsupply": log(100), "pooled_signal": nil, "n_signals": 0],
        // Row 1: plant 0, m0, t1. Sister plant 1 in city 2.
        ["dlnaffiliate": W.sC2M0T1 / 1, "lndensity": log(1 / area2), "dlnnear": W.sC0M0T1 / 1,
         "lnnear_density": log(1 / area0), "dlnnear_prov": nil, "lnprov_density": nil,
         "dlnaffiliate1": W.sC2M0T1 / 1, "lndensity1": log(1 / area2),
         "lnexp": log(12), "lnexp_other": nil, "new_dummy": 0, "exp_dummy": 0, "num": 1,
         "lnexport": log(12 + 8), "lnsupply": log(110), "pooled_signal": (W.sC0M0T1 + W.sC2M0T1) / 2, "n_signals": 2],
        // Row 2: plant 0, m0, t2. Own city n = 2; province neighbour city 1 has n = 1.
        ["dlnaffiliate": W.sC2M0T2 / 1, "lndensity": log(1 / area2), "dlnnear": W.sC0M0T2 / 2,
         "lnnear_density": log(2 / area0), "dlnnear_prov": W.sC1M0T2 / 1, "lnprov_density": log(1 / area1),
         "dlnaffiliate1": W.sC2M0T2 / 1, "lndensity1": log(1 / area2),
         "lnexp": log(15), "lnexp_other": log(6), "new_dummy": 0, "exp_dummy": 0, "num": 1,
         "lnexport": log(15 + 6 + 9 + 3), "lnsupply": log(120), "pooled_signal": (W.sC0M0T2 + W.sC2M0T2) / 3,
         "n_signals": 3],
        // Row 3: plant 0, m1, t0.
        ["dlnaffiliate": nil, "lndensity": nil, "dlnnear": nil, "lnnear_density": nil,
         "dlnnear_prov": nil, "lnprov_density": nil, "dlnaffiliate1": nil, "lndensity1": nil,
         "lnexp": log(4), "lnexp_other": log(10), "new_dummy": nil, "exp_dummy": nil, "num": 0,
         "lnexport": log(10 + 4), "lnsupply": log(100), "pooled_signal": nil, "n_signals": 0],
        // Row 4: plant 0, m1, t2: exported m1 in t0, not in t1 → new and returning.
        ["dlnaffiliate": W.sC2M1T2 / 1, "lndensity": log(1 / area2), "dlnnear": W.sC0M1T2 / 1,
         "lnnear_density": log(1 / area0), "dlnnear_prov": nil, "lnprov_density": nil,
         "dlnaffiliate1": W.sC2M1T2 / 1, "lndensity1": log(1 / area2),
         "lnexp": log(6), "lnexp_other": log(15), "new_dummy": 1, "exp_dummy": 1, "num": 1,
         "lnexport": log(15 + 6 + 9 + 3), "lnsupply": log(120), "pooled_signal": (W.sC0M1T2 + W.sC2M1T2) / 2,
         "n_signals": 2],
        // Row 5: plant 1 (city 2, province 1 alone), m0, t1. Sister plant 0 in city 0.
        ["dlnaffiliate": W.sC0M0T1 / 1, "lndensity": log(1 / area0), "dlnnear": W.sC2M0T1 / 1,
         "lnnear_density": log(1 / area2), "dlnnear_prov": nil, "lnprov_density": nil,
         "dlnaffiliate1": W.sC0M0T1 / 1, "lndensity1": log(1 / area0),
         "lnexp": log(8), "lnexp_other": nil, "new_dummy": 1, "exp_dummy": 0, "num": 1,
         "lnexport": log(12 + 8), "lnsupply": log(110), "pooled_signal": (W.sC2M0T1 + W.sC0M0T1) / 2, "n_signals": 2],
        // Row 6: plant 1, m0, t2.
        ["dlnaffiliate": W.sC0M0T2 / 2, "lndensity": log(2 / area0), "dlnnear": W.sC2M0T2 / 1,
         "lnnear_density": log(1 / area2), "dlnnear_prov": nil, "lnprov_density": nil,
         "dlnaffiliate1": W.sC0M0T2 / 2, "lndensity1": log(2 / area0),
         "lnexp": log(9), "lnexp_other": log(3), "new_dummy": 0, "exp_dummy": 0, "num": 1,
         "lnexport": log(15 + 6 + 9 + 3), "lnsupply": log(120), "pooled_signal": (W.sC2M0T2 + W.sC0M0T2) / 3,
         "n_signals": 3],
        // Row 7: plant 1, m1, t2.
        ["dlnaffiliate": W.sC0M1T2 / 1, "lndensity": log(1 / area0), "dlnnear": W.sC2M1T2 / 1,
         "lnnear_density": log(1 / area2), "dlnnear_prov": nil, "lnprov_density": nil,
         "dlnaffiliate1": W.sC0M1T2 / 1, "lndensity1": log(1 / area0),
         "lnexp": log(3), "lnexp_other": log(9), "new_dummy": 1, "exp_dummy": 0, "num": 1,
         "lnexport": log(15 + 6 + 9 + 3), "lnsupply": log(120), "pooled_signal": (W.sC2M1T2 + W.sC0M1T2) / 2,
         "n_signals": 2],
        // Row 8: plant 2 (firm 1, city 1), m0, t1. Sister plant 3 (city 2); plant 4 not yet.
        ["dlnaffiliate": W.sC2M0T1 / 1, "lndensity": log(1 / area2), "dlnnear": nil, "lnnear_density": nil,
         "dlnnear_prov": W.sC0M0T1 / 1, "lnprov_density": log(1 / area0),
         "dlnaffiliate1": W.sC2M0T1 / 1, "lndensity1": log(1 / area2),
         "lnexp": log(20), "lnexp_other": nil, "new_dummy": 1, "exp_dummy": 0, "num": 1,
         "lnexport": log(20 + 5), "lnsupply": log(210), "pooled_signal": (0 + W.sC2M0T1) / (0 + 1), "n_signals": 1],
        // Row 9: plant 2, m0, t2. Sisters 3 (city 2) and 4 (city 0); neither exports to m0 in t2,
        // so destination-share weights are undefined.
        ["dlnaffiliate": (W.sC2M0T2 + W.sC0M0T2) / (1 + 2), "lndensity": log((1 + 2) / (area2 + area0)),
         "dlnnear": W.sC1M0T2 / 1, "lnnear_density": log(1 / area1),
         "dlnnear_prov": W.sC0M0T2 / 2, "lnprov_density": log(2 / area0),
         "dlnaffiliate1": nil, "lndensity1": nil,
         "lnexp": log(22), "lnexp_other": nil, "new_dummy": 0, "exp_dummy": 0, "num": 2,
         "lnexport": log(22 + 7 + 2), "lnsupply": log(220),
         "pooled_signal": (W.sC1M0T2 + W.sC2M0T2 + W.sC0M0T2) / (1 + 1 + 2), "n_signals": 4],
        // Row 10: plant 3 (city 2), m0, t1. Sister plant 2's city 1 has n = 0 for m0 in t1.
        ["dlnaffiliate": nil, "lndensity": nil, "dlnnear": W.sC2M0T1 / 1, "lnnear_density": log(1 / area2),
         "dlnnear_prov": nil, "lnprov_density": nil, "dlnaffiliate1": nil, "lndensity1": nil,
         "lnexp": log(5), "lnexp_other": nil, "new_dummy": 1, "exp_dummy": 0, "num": 1,
         "lnexport": log(20 + 5), "lnsupply": log(210), "pooled_signal": W.sC2M0T1 / 1, "n_signals": 1],
        // Row 11: plant 3, m1, t2. Sisters 2 (city 1, n = 0) and 4 (city 0, n = 1).
        ["dlnaffiliate": W.sC0M1T2 / 1, "lndensity": log(1 / (area1 + area0)),
         "dlnnear": W.sC2M1T2 / 1, "lnnear_density": log(1 / area2), "dlnnear_prov": nil, "lnprov_density": nil,
         "dlnaffiliate1": W.sC0M1T2 / 1, "lndensity1": log(1 / area0),
         "lnexp": log(7), "lnexp_other": nil, "new_dummy": 1, "exp_dummy": 0, "num": 2,
         "lnexport": log(22 + 7 + 2), "lnsupply": log(220), "pooled_signal": (W.sC2M1T2 + W.sC0M1T2) / 2,
         "n_signals": 2],
        // Row 12: plant 4 (city 0), m1, t2. Sisters 2 (city 1, n = 0) and 3 (city 2, n = 1).
        ["dlnaffiliate": W.sC2M1T2 / 1, "lndensity": log(1 / (area1 + area2)),
         "dlnnear": W.sC0M1T2 / 1, "lnnear_density": log(1 / area0), "dlnnear_prov": nil, "lnprov_density": nil,
         "dlnaffiliate1": W.sC2M1T2 / 1, "lndensity1": log(1 / area2),
         "lnexp": log(2), "lnexp_other": nil, "new_dummy": 1, "exp_dummy": 0, "num": 2,
         "lnexport": log(22 + 7 + 2), "lnsupply": log(220), "pooled_signal": (W.sC0M1T2 + W.sC2M1T2) / 2,
         "n_signals": 2],
    ]

    /// Int columns by row: plant, firm, city, dest, year, income_group, it = plant·3 + t,
    /// mt = m·3 + t, cm = c·2 + m, single_plant_dest, multi_plant_province.
    static let integers: [[Int]] = [
        [0, 0, 0, 0, 0, 0, 0 * 3 + 0, 0 * 3 + 0, 0 * 2 + 0, 1, 0],
        [0, 0, 0, 0, 1, 0, 0 * 3 + 1, 0 * 3 + 1, 0 * 2 + 0, 0, 0],
        [0, 0, 0, 0, 2, 0, 0 * 3 + 2, 0 * 3 + 2, 0 * 2 + 0, 0, 0],
        [0, 0, 0, 1, 0, 2, 0 * 3 + 0, 1 * 3 + 0, 0 * 2 + 1, 1, 0],
        [0, 0, 0, 1, 2, 2, 0 * 3 + 2, 1 * 3 + 2, 0 * 2 + 1, 0, 0],
        [1, 0, 2, 0, 1, 0, 1 * 3 + 1, 0 * 3 + 1, 2 * 2 + 0, 0, 0],
        [1, 0, 2, 0, 2, 0, 1 * 3 + 2, 0 * 3 + 2, 2 * 2 + 0, 0, 0],
        [1, 0, 2, 1, 2, 2, 1 * 3 + 2, 1 * 3 + 2, 2 * 2 + 1, 0, 0],
        [2, 1, 1, 0, 1, 0, 2 * 3 + 1, 0 * 3 + 1, 1 * 2 + 0, 0, 0],
        [2, 1, 1, 0, 2, 0, 2 * 3 + 2, 0 * 3 + 2, 1 * 2 + 0, 1, 1],
        [3, 1, 2, 0, 1, 0, 3 * 3 + 1, 0 * 3 + 1, 2 * 2 + 0, 0, 0],
        [3, 1, 2, 1, 2, 2, 3 * 3 + 2, 1 * 3 + 2, 2 * 2 + 1, 0, 1],
        [4, 1, 0, 1, 2, 2, 4 * 3 + 2, 1 * 3 + 2, 0 * 2 + 1, 0, 1],
    ]
    static let integerColumns = [
        "plant", "firm", "city", "dest", "year", "income_group", "it", "mt", "cm", "single_plant_dest",
        "multi_plant_province",
    ]
    static let products = [
        ("dlnaffiliate_x_lndensity", "dlnaffiliate", "lndensity"),
        ("dlnnear_x_lnnear_density", "dlnnear", "lnnear_density"),
        ("dlnnear_prov_x_lnprov_density", "dlnnear_prov", "lnprov_density"),
        ("dlnaffiliate1_x_lndensity1", "dlnaffiliate1", "lndensity1"),
    ]
}
