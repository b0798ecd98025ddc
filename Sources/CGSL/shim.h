// Bridge to the GNU Scientific Library for the `Numerical` target.
//
// Swift 6 rejects C global variables such as `gsl_rng_mt19937` as shared mutable
// state, so every GSL global that Swift needs is exposed through a `static inline`
// accessor below.
#ifndef HETFIRM_CGSL_SHIM_H
#define HETFIRM_CGSL_SHIM_H

#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_vector.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_eigen.h>
#include <gsl/gsl_blas.h>
#include <gsl/gsl_roots.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_multimin.h>

/// The Mersenne Twister generator type (`gsl_rng_mt19937`).
static inline const gsl_rng_type *hetfirm_rng_mt19937(void) { return gsl_rng_mt19937; }

/// Brent's bracketing root solver type (`gsl_root_fsolver_brent`).
static inline const gsl_root_fsolver_type *hetfirm_root_fsolver_brent(void) { return gsl_root_fsolver_brent; }

/// Nelder–Mead simplex minimizer type (`gsl_multimin_fminimizer_nmsimplex2`).
static inline const gsl_multimin_fminimizer_type *hetfirm_multimin_nmsimplex2(void) { return gsl_multimin_fminimizer_nmsimplex2; }

/// BFGS minimizer type (`gsl_multimin_fdfminimizer_vector_bfgs2`).
static inline const gsl_multimin_fdfminimizer_type *hetfirm_multimin_bfgs2(void) { return gsl_multimin_fdfminimizer_vector_bfgs2; }

#endif
