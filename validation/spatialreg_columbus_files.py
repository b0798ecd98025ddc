"""Writes Columbus as the files `hetfirm spatial` reads, from the spatialreg fixture.

Reads Tests/Fixtures/spatialreg/columbus.json (written by spatialreg_columbus.R from spData's
columbus and its queen-contiguity neighbours) and writes, under Tests/Fixtures/spatialreg/data/:

- columbus.csv: POLYID, CRIME, INC, HOVAL, one row per tract in POLYID order, each number in the
  shortest decimal that reads back to the fixture's double;
- columbus.gal: the binary contiguity as a GAL file (header n, then per tract "id count" and its
  neighbours' ids), so that `--weights columbus.gal` row-standardised is spatialreg's style "W".

These are the inputs of the example in docs/estimators/spatial.md and of
Tests/ScenarioTests/DataSpatialTests.swift, which checks the command's numbers against the fixture.
No oracle is run here: the files only restate the fixture's data.
"""
import json
import os

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
FIXTURE = os.path.join(ROOT, "Tests", "Fixtures", "spatialreg", "columbus.json")
OUT = os.path.join(ROOT, "Tests", "Fixtures", "spatialreg", "data")


def main():
    with open(FIXTURE) as handle:
        fixture = json.load(handle)
    data = fixture["data"]
    ids = data["POLYID"]
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "columbus.csv"), "w") as handle:
        handle.write("POLYID,CRIME,INC,HOVAL\n")
        for index, unit in enumerate(ids):
            values = [repr(float(data[name][index])) for name in ("CRIME", "INC", "HOVAL")]
            handle.write(",".join([str(unit)] + values) + "\n")
    neighbours = {unit: [] for unit in ids}
    for origin, destination in fixture["weights"]["edges"]:
        neighbours[origin].append(destination)
    with open(os.path.join(OUT, "columbus.gal"), "w") as handle:
        handle.write(f"{len(ids)}\n")
        for unit in ids:
            handle.write(f"{unit} {len(neighbours[unit])}\n")
            handle.write(" ".join(str(other) for other in neighbours[unit]) + "\n")


if __name__ == "__main__":
    main()
