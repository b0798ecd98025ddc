// Array loops over SLEEF's vector exp and log for the `Numerical` target (`VectorMath`).
//
// Each function reads `count` doubles from `input` and writes f(input[i]) to `output[i]`.
// `output` may equal `input` (in place); otherwise the two ranges must not overlap. Every
// element, the last partial vector included, goes through the same SLEEF vector routine,
// so output[i] depends on input[i] only, never on `count` or on the arrays' alignment.
#ifndef HETFIRM_CVECTORMATH_H
#define HETFIRM_CVECTORMATH_H

#include <stddef.h>

/// e^x element by element (SLEEF `expd*_u10`, at most 1.0 ULP).
void hetfirm_vector_exp(const double *input, double *output, size_t count);

/// Natural logarithm element by element (SLEEF `logd*_u10`, at most 1.0 ULP).
void hetfirm_vector_log(const double *input, double *output, size_t count);

/// Doubles per SLEEF call chosen on this machine: 4 (x86-64 with AVX: SLEEF's `d4` dispatcher,
/// which picks its AVX2+FMA, FMA4 or AVX code), 2 (x86-64 without AVX: the `d2` dispatcher over
/// SSE2, SSE4.1 and AVX2-128; AArch64: Advanced SIMD), or 1 (other architectures: SLEEF's scalar code).
int hetfirm_vector_lanes(void);

#endif
