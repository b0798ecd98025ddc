"""Oracle for hetfirm's recovery estimators (Estimation/ParetoTailEstimator, MarkupEstimator).

- Pareto tail: scipy.stats.pareto.fit(x, floc=0) is the maximum-likelihood shape n/T with the scale
  at the sample minimum; hetfirm reports the unbiased (n-2)/T, so the test compares
  hetfirm's shape * n/(n-2) with scipy's.
- Markup: ln(mu) is the mean of ln(revenue/cost) and its SE is scipy.stats.sem of the log ratios.

Run: python3 validation/recovery_estimators.py   (writes Tests/Fixtures/scipy/*.json)
"""
import numpy as np
import scipy
import scipy.stats as st

from provenance import data_hash, write_fixture

rng = np.random.default_rng(20261121)

sales = st.pareto.rvs(1.5, scale=4.0, size=750, random_state=rng)
shape, location, scale = st.pareto.fit(sales, floc=0)
write_fixture("scipy", "pareto-tail", "scipy", scipy.__version__, __file__, data_hash(sales), {
    "call": "scipy.stats.pareto.fit(x, floc=0)",
    "data": [float(v) for v in sales],
    "mle_shape": float(shape),
    "mle_scale": float(scale),
})

revenue = st.pareto.rvs(1.5, scale=4.0, size=400, random_state=rng)
cost = 0.75 * revenue * np.exp(rng.normal(0.0, 0.3, size=400))
log_ratio = np.log(revenue / cost)
write_fixture("scipy", "markup", "scipy", scipy.__version__, __file__, data_hash(np.concatenate([revenue, cost])), {
    "call": "numpy.mean(log(revenue/cost)), scipy.stats.sem(log(revenue/cost))",
    "revenue": [float(v) for v in revenue],
    "cost": [float(v) for v in cost],
    "log_markup": float(np.mean(log_ratio)),
    "log_markup_se": float(st.sem(log_ratio)),
})
