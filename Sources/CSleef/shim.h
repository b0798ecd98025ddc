// Bridge to SLEEF, the SIMD Library for Evaluating Elementary Functions (Debian's libsleef-dev,
// Homebrew's sleef). Only the C target `CVectorMath` includes it: SLEEF's vector functions take and
// return SIMD registers (`__m128d`, `__m256d`, `float64x2_t`) by value, which Swift cannot call
// reliably, so `CVectorMath` loops over `double` arrays in C and `Numerical` calls those loops.
#ifndef HETFIRM_CSLEEF_SHIM_H
#define HETFIRM_CSLEEF_SHIM_H

#include <sleef.h>

#endif
