"""numpy's exp and log over the same column as VectorMathBench (one pass, out= a preallocated array).

Usage: python3 peer_numpy.py [COUNT]. Prints "<kernel> <seconds> <sum of the results>" per kernel."""
import sys
import time

import numpy

count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
steps = (numpy.arange(count, dtype=numpy.float64) + 0.5) / count
exponent_arguments = -700 + 1400 * steps
logarithm_arguments = 1000 * steps
output = numpy.empty(count)
for label, function, arguments in [("numpy-exp", numpy.exp, exponent_arguments), ("numpy-log", numpy.log, logarithm_arguments)]:
    start = time.perf_counter()
    function(arguments, out=output)
    seconds = time.perf_counter() - start
    print(label, f"{seconds:.4f}", repr(float(output.sum())))
