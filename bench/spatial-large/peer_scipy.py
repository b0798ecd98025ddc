"""Peer side of bench/spatial-large: what PySAL spreg does for ln|I - rho W| on the same W.

Usage: python3 peer_scipy.py EDGES N STEP...   (EDGES from SpatialLargeBench write=PATH; weights 1/10)
  splu    scipy.sparse.linalg.splu of I - rho W per rho, ln|det| = sum ln|diag U|: exactly what
          spreg.ML_Lag(method="LU") evaluates at every step of its rho search (ml_lag.lag_c_loglik_sp)
  eigvals numpy.linalg.eigvals of the dense W (spreg ML_Lag method="full" and Panel_FE_Lag): the
          eigenvalues once, then sum ln|1 - rho lambda| per rho; refused when the dense W alone
          exceeds MAX_DENSE_GB (default 4) of memory, with the estimate printed instead
Prints "<label> <seconds> <value>" lines like the Swift side.
"""
import os
import sys
import time

import numpy as np
import scipy.sparse as sp
from scipy.sparse.linalg import splu

edges_path, n, steps = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
rhos = [-0.5, 0.2, 0.5, 0.8, 0.95]
edges = np.loadtxt(edges_path, dtype=np.int64).reshape(-1, 2)
W = sp.csr_matrix((np.full(len(edges), 0.1), (edges[:, 0], edges[:, 1])), shape=(n, n))
identity = sp.identity(n, format="csr")


def median_time(repeats, body):
    times, value = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        value = body()
        times.append(time.perf_counter() - start)
    return sorted(times)[repeats // 2], value


for step in steps:
    if step == "splu":
        for rho in rhos:
            def logdet():
                lu = splu((identity - rho * W).tocsc())
                return float(np.sum(np.log(np.abs(lu.U.diagonal()))))
            seconds, value = median_time(3, logdet)
            print(f"splu-logdet({rho}) {seconds:.5f} {value:.12g}")
    elif step == "eigvals":
        gigabytes = n * n * 8 / 2**30
        limit = float(os.environ.get("MAX_DENSE_GB", "4"))
        if gigabytes > limit:
            print(f"eigvals-skipped 0 {gigabytes:.1f} (dense W alone needs {gigabytes:.1f} GiB; LAPACK dgeev needs about 2-3x that)")
            continue
        start = time.perf_counter()
        eigenvalues = np.linalg.eigvals(W.toarray())
        print(f"eigvals-setup {time.perf_counter() - start:.5f} {eigenvalues.real.min():.12g}")
        for rho in rhos:
            seconds, value = median_time(3, lambda: float(np.sum(np.log(np.abs(1 - rho * eigenvalues)))))
            print(f"eigvals-logdet({rho}) {seconds:.5f} {value:.12g}")
    else:
        sys.exit(f"unknown step {step}")
