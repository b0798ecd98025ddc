"""Independent oracle for the allocation-efficiency equilibrium (Models/AllocationEfficiency).

Solves free entry  sum_m P(m) E[max(pi_d,0) + 1{pi_d>=0} max(pi_x,0) | m] = f_e  for the domestic
demand level A_d with scipy.integrate.quad over the Pareto density and scipy.optimize.brentq,
written from the equations in docs/models/allocation-efficiency.md (then in the README) without reference to hetfirm's code. Cases cover the
closed-form regime, a non-partitioned case (every producer exports) and truncated cutoffs.

Run: python3 validation/allocation_efficiency_equilibrium.py
"""
import json
import math

import numpy as np
import scipy
from scipy import integrate, optimize

from provenance import text_hash, write_fixture

DEFAULTS = dict(sigma=4.0, k=4.5, phi_min=1.0, kappa=1.0, m_probabilities=[0.30, 0.25, 0.20, 0.15, 0.10],
                I=0.2, f=1.0, f_x=1.5, tau=1.3, f_e=0.2, A_x=0.005, L=1.0)
CASES = [
    dict(),
    dict(I=0.0),
    dict(I=0.3, kappa=1.2),
    dict(sigma=3.0, k=3.4, I=0.1),
    dict(A_x=0.02, I=0.3),           # not partitioned: every producer exports
    dict(f_e=5.0, I=0.1),            # truncated cutoffs: some phi*_d(m) < phi_min
]


def expected_profit(A_d, p):
    sigma, k, phi_min = p["sigma"], p["k"], p["phi_min"]
    g = p["I"] - math.log(p["kappa"])
    cut_d = (p["f"] / A_d) ** (1 / (sigma - 1))
    shifter_x = p["A_x"] * p["tau"] ** (1 - sigma)
    cut_x = max(cut_d, (p["f_x"] / shifter_x) ** (1 / (sigma - 1)))
    density = lambda phi: k * phi_min ** k / phi ** (k + 1)
    total = 0.0
    for m, prob in enumerate(p["m_probabilities"], start=1):
        psi = math.exp(g * m)
        for shifter, fixed, cutoff in ((A_d, p["f"], cut_d), (shifter_x, p["f_x"], cut_x)):
            lower = max(phi_min, cutoff / psi)
            value, _ = integrate.quad(lambda phi: (shifter * (psi * phi) ** (sigma - 1) - fixed) * density(phi),
                                      lower, np.inf, epsabs=0, epsrel=1e-13, limit=500)
            total += prob * value
    return total


def solve(p):
    h = lambda x: expected_profit(math.exp(x), p) / p["f_e"] - 1
    lo, hi = -1.0, 1.0
    while h(lo) > 0:
        lo -= 2
    while h(hi) < 0:
        hi += 2
    x = optimize.brentq(h, lo, hi, xtol=1e-15, rtol=4 * np.finfo(float).eps, maxiter=500)
    return math.exp(x)


results = []
for overrides in CASES:
    p = {**DEFAULTS, **overrides}
    A_d = solve(p)
    sigma = p["sigma"]
    results.append({
        "overrides": overrides,
        "domestic_demand": A_d,
        "welfare_per_worker": (sigma - 1) / sigma * (p["L"] / (sigma * A_d)) ** (1 / (sigma - 1)),
    })

inputs = json.dumps([{**DEFAULTS, **case} for case in CASES], sort_keys=True)
write_fixture("scipy", "allocation-efficiency-equilibrium", "scipy", scipy.__version__, __file__, text_hash(inputs), {
    "call": "scipy.optimize.brentq on ln A_d of scipy.integrate.quad expected profit minus f_e",
    "defaults": DEFAULTS,
    "cases": results,
})
