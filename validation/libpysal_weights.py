"""Oracle for hetfirm's spatial weight builders and readers (Sources/Spatial/Weights): libpysal.

Writes Tests/Fixtures/libpysal/weights.json and two weight files written by libpysal's own writers,
Tests/Fixtures/libpysal/knn4.gal and Tests/Fixtures/libpysal/distance.gwt, that hetfirm's readers must
read back to the weights recorded in the JSON.

Points: 40 fixed pseudo-random points (numpy default_rng(20261207)):
  planar      x, y uniform on [0, 100]²;
  great-circle lon uniform on [100, 125], lat uniform on [20, 45] (degrees; a China-sized box).
Unit ids: 1001 … 1040 (integers, as a province code column would hold them).

Cases (weights untransformed, libpysal's transform "O"; hetfirm's builders with --no-row-standardize):
  knn4_planar, knn4_arc                k = 4 nearest neighbours (binary weights)
  idw{1,2}_planar, idw{1,2}_arc        inverse distance d^-power, every other unit (DistanceBand with a
                                       threshold above the largest distance)
  idw{1,2}_planar_cut30                inverse distance with cutoff 30 (d <= 30 kept)
  idw{1,2}_arc_cut600                  great-circle inverse distance with cutoff 600 km
  idw1_planar_cut12                    cutoff 12: leaves islands (listed)
Great-circle distances are libpysal's arc distances on a sphere of radius 6371.0 km (the chord of the
unit sphere turned into an angle by acos); the script asserts they match the haversine formula, which
hetfirm uses, to 1e-10 relative (acos loses digits for short arcs, so the arc cases are compared at 1e-10).
"""
import json
import math
import os
import sys

import libpysal
import numpy as np
from libpysal.weights import KNN, DistanceBand

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from provenance import FIXTURES, data_hash, write_fixture  # noqa: E402

RADIUS_KM = 6371.0
rng = np.random.default_rng(20261207)
count = 40
ids = [1001 + i for i in range(count)]
planar = np.column_stack([rng.uniform(0, 100, count), rng.uniform(0, 100, count)])
lonlat = np.column_stack([rng.uniform(100, 125, count), rng.uniform(20, 45, count)])


def haversine(a, b):
    lon1, lat1, lon2, lat2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def neighbours(w):
    """{id: [[neighbour id, weight], …]} sorted by neighbour id, as plain JSON."""
    out = {}
    for unit in w.id_order:
        pairs = sorted(zip(w.neighbors[unit], w.weights[unit]))
        out[str(unit)] = [[str(j), float(v)] for j, v in pairs]
    return out


def arc_kwargs(metric):
    return {"distance_metric": "arc", "radius": RADIUS_KM} if metric == "arc" else {}


cases = []
for metric, points in (("planar", planar), ("arc", lonlat)):
    knn = KNN.from_array(points, k=4, ids=ids, **arc_kwargs(metric))
    cases.append({"name": f"knn4_{metric}", "metric": metric, "kind": "knn", "k": 4,
                  "neighbours": neighbours(knn)})
    cutoff = 30.0 if metric == "planar" else 600.0
    for power in (1, 2):
        # "every other unit": a threshold above the largest distance (for arcs, below half the circumference).
        everything = 1e9 if metric == "planar" else 20000.0
        for threshold, suffix in ((everything, ""), (cutoff, f"_cut{int(cutoff)}")):
            band = DistanceBand(points, threshold=threshold, alpha=-float(power), binary=False, ids=ids,
                                silence_warnings=True, **arc_kwargs(metric))
            case = {"name": f"idw{power}_{metric}{suffix}", "metric": metric, "kind": "inverse_distance",
                    "power": power, "cutoff": None if threshold == everything else threshold,
                    "islands": [str(i) for i in band.islands], "neighbours": neighbours(band)}
            assert all(math.isfinite(v) and v > 0 for pairs in case["neighbours"].values() for _, v in pairs)
            cases.append(case)
            if metric == "arc":
                # libpysal's arc distance agrees with the haversine formula hetfirm uses.
                for unit, pairs in case["neighbours"].items():
                    i = ids.index(int(unit))
                    for j_text, weight in pairs:
                        j = ids.index(int(j_text))
                        expected = haversine(lonlat[i], lonlat[j]) ** -power
                        assert abs(weight - expected) <= 1e-10 * expected, (unit, j_text, weight, expected)

# A cutoff short enough to leave islands (units with no neighbour within 12).
band = DistanceBand(planar, threshold=12.0, alpha=-1.0, binary=False, ids=ids, silence_warnings=True)
cases.append({"name": "idw1_planar_cut12", "metric": "planar", "kind": "inverse_distance", "power": 1, "cutoff": 12.0,
              "islands": [str(i) for i in band.islands], "neighbours": neighbours(band)})
assert band.islands, "the cutoff-12 case is meant to have islands"

# Files written by libpysal's own writers, read back by hetfirm's readers.
gal_w = KNN.from_array(planar, k=4, ids=ids)
gal_path = os.path.join(FIXTURES, "libpysal", "knn4.gal")
gwt_w = DistanceBand(planar, threshold=30.0, alpha=-1.0, binary=False, ids=ids, silence_warnings=True)
gwt_path = os.path.join(FIXTURES, "libpysal", "distance.gwt")
os.makedirs(os.path.dirname(gal_path), exist_ok=True)
for path, weights in ((gal_path, gal_w), (gwt_path, gwt_w)):
    handle = libpysal.io.open(path, "w")
    handle.write(weights)
    handle.close()
# What libpysal reads back from its own files (the reference for hetfirm's readers).
gal_back = libpysal.io.open(gal_path, "r").read()
gwt_back = libpysal.io.open(gwt_path, "r").read()
files = {
    "knn4.gal": {"ids": [str(i) for i in gal_back.id_order], "neighbours": neighbours(gal_back)},
    "distance.gwt": {"ids": [str(i) for i in gwt_back.id_order], "neighbours": neighbours(gwt_back)},
}

write_fixture(
    "libpysal", "weights", "libpysal", libpysal.__version__, __file__,
    data_hash(list(planar.ravel()) + list(lonlat.ravel())),
    {
        "radius_km": RADIUS_KM,
        "ids": [str(i) for i in ids],
        "planar": planar.tolist(),
        "lonlat": lonlat.tolist(),
        "cases": cases,
        "files": files,
    },
)
print("wrote", os.path.relpath(gal_path), "and", os.path.relpath(gwt_path))
