"""Oracle for hetfirm's counter-based streams (Numerical/Random/PhiloxStream, NormalZiggurat).

numpy.random.Philox is Philox4x64-10; with key=[key0, key1] and the counter at zero its
random_raw() sequence is what PhiloxStream.next() must return, bit for bit. The keys of
(masterSeed, replication, purpose) triples are derived here from the recipe documented in
RandomStream/PhiloxStream (SplitMix64 finalizer chain and FNV-1a-64), written independently.

The standard normals are an independent Python transcription of the ziggurat documented in
NormalZiggurat (256 layers, r = 3.6541528853610088, bit fields of one 64-bit output), fed by
numpy's raw Philox outputs; the fixture also records how many outputs the normals consumed, so the
test checks the rejection paths' consumption exactly.

Run: python3 validation/philox_streams.py
"""
import math
import sys

import numpy as np

from provenance import text_hash, write_fixture

MASK = (1 << 64) - 1


def splitmix_finalizer(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def fnv1a(text):
    h = 0xCBF29CE484222325
    for byte in text.encode():
        h = ((h ^ byte) * 0x100000001B3) & MASK
    return h


def derived_key(master_seed, replication, purpose):
    golden = 0x9E3779B97F4A7C15
    first = splitmix_finalizer((master_seed + golden) & MASK)
    second = splitmix_finalizer(((first ^ (replication & MASK)) + golden) & MASK)
    key0 = splitmix_finalizer(((second ^ fnv1a(purpose)) + golden) & MASK)
    return key0, fnv1a(purpose)


class RawStream:
    def __init__(self, key0, key1):
        self.generator = np.random.Philox(key=np.array([key0, key1], dtype=np.uint64))
        self.consumed = 0

    def next(self):
        self.consumed += 1
        return int(self.generator.random_raw())

    def uniform(self):
        return ((self.next() >> 12) + 0.5) * 2.0 ** -52


def ziggurat_tables():
    r = 3.6541528853610088
    f = lambda x: math.exp(-0.5 * x * x)
    area = r * f(r) + math.sqrt(math.pi / 2) * math.erfc(r / math.sqrt(2.0))
    edges = [0.0] * 257
    edges[0] = area / f(r)
    edges[1] = r
    for layer in range(1, 255):
        height = f(edges[layer]) + area / edges[layer]
        edges[layer + 1] = math.sqrt(-2 * math.log(min(height, 1.0)))
    edges[256] = 0.0
    heights = [f(x) for x in edges]
    heights[0] = f(r)
    return r, edges, heights


def normal(stream, tables):
    r, edges, heights = tables
    while True:
        bits = stream.next()
        layer = bits & 0xFF
        magnitude = (bits >> 11) * 2.0 ** -53 * edges[layer]
        negative = (bits >> 8) & 1 == 1
        if magnitude < edges[layer + 1]:
            return -magnitude if negative else magnitude
        if layer == 0:
            while True:
                excess = -math.log(stream.uniform()) / r
                check = -math.log(stream.uniform())
                if check + check > excess * excess:
                    value = r + excess
                    return -value if negative else value
        height = heights[layer] + stream.uniform() * (heights[layer + 1] - heights[layer])
        if height < math.exp(-0.5 * magnitude * magnitude):
            return -magnitude if negative else magnitude


def main():
    triples = [(20261121, 7, "allocation-efficiency/firms"), (0, -1, ""), (42, 0, "allocation-efficiency/measurement")]
    streams = []
    for key0, key1 in [(0, 0), (1, 2), (MASK, MASK)] + [derived_key(*t) for t in triples]:
        generator = np.random.Philox(key=np.array([key0, key1], dtype=np.uint64))
        first = [int(x) for x in generator.random_raw(40)]
        generator.random_raw(1000 - 40)
        later = [int(x) for x in generator.random_raw(9)]
        streams.append({"key": [f"{key0:016x}", f"{key1:016x}"], "first40": [f"{x:016x}" for x in first],
                        "from1000": [f"{x:016x}" for x in later]})
    derived = [{"masterSeed": s, "replication": r, "purpose": p,
                "key": [f"{k:016x}" for k in derived_key(s, r, p)]} for s, r, p in triples]
    tables = ziggurat_tables()
    normal_key = derived_key(20261121, 3, "allocation-efficiency/measurement")
    stream = RawStream(*normal_key)
    normals = [normal(stream, tables) for _ in range(5000)]
    consumed = stream.consumed
    following = f"{stream.next():016x}"
    payload = {
        "streams": streams,
        "derivedKeys": derived,
        "normals": {"key": [f"{k:016x}" for k in normal_key], "count": len(normals),
                    "values": [repr(v) for v in normals], "outputsConsumed": consumed, "nextOutput": following,
                    "sum": repr(math.fsum(normals)), "sumOfSquares": repr(math.fsum(v * v for v in normals))},
    }
    description = repr(triples) + repr(normal_key)
    write_fixture("numpy", "philox_streams", "numpy", np.__version__, __file__, text_hash(description), payload)


if __name__ == "__main__":
    sys.exit(main())
