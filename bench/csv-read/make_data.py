"""Writes the csv-read benchmark panel: ROWS rows x 7 numeric columns, fixed seed.

Columns: firm and year (integer ids), then y, x1, x2, x3, x4 (doubles written with
repr, i.e. the shortest text that round-trips, up to 17 significant digits).
Usage: python3 make_data.py OUT.csv [ROWS]   (default 5,000,000 rows)
       python3 make_data.py --checksums [ROWS]
The second form prints, per column, the sum of (row + 1) x the value's 64-bit pattern
(mod 2^64), the same checksum `CSVReadBench FILE --checksums` prints for what it read.
"""
import sys

import numpy as np


def panel(rows: int):
    """The columns, as numpy arrays."""
    rng = np.random.default_rng(20260101)
    years = 10
    firm = np.arange(rows) // years + 1
    year = 2000 + np.arange(rows) % years
    x = rng.standard_normal((rows, 4)) * np.array([1.0, 2.5, 0.01, 1000.0])
    y = x @ np.array([0.5, -0.25, 3.0, 0.001]) + rng.standard_normal(rows)
    return firm, year, y, x


def main() -> None:
    out = sys.argv[1]
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 5_000_000
    firm, year, y, x = panel(rows)
    if out == "--checksums":
        weights = np.arange(1, rows + 1, dtype=np.uint64)
        columns = [("firm", firm), ("year", year), ("y", y)] + [(f"x{j + 1}", x[:, j]) for j in range(4)]
        for name, values in columns:
            bits = np.ascontiguousarray(values).astype(values.dtype.newbyteorder("=")).view(np.uint64)
            with np.errstate(over="ignore"):
                print(f"column {name} {int((bits * weights).sum(dtype=np.uint64)):016x}")
        return
    block = 200_000
    with open(out, "w", encoding="ascii", newline="\n") as handle:
        handle.write("firm,year,y,x1,x2,x3,x4\n")
        for low in range(0, rows, block):
            high = min(rows, low + block)
            # tolist() gives Python ints and floats, whose repr is the shortest round-trip text.
            columns = zip(
                firm[low:high].tolist(), year[low:high].tolist(), y[low:high].tolist(),
                *(x[low:high, j].tolist() for j in range(4)),
            )
            lines = [f"{a},{b},{c!r},{d!r},{e!r},{f!r},{g!r}\n" for a, b, c, d, e, f, g in columns]
            handle.write("".join(lines))


if __name__ == "__main__":
    main()
