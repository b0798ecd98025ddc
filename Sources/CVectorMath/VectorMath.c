// Loops over whole arrays calling SLEEF's vector exp and log (see include/CVectorMath.h).
//
// On x86-64 the 4-lane (`__m256d`) entry points need AVX to be passed in registers, so those
// loops are compiled for AVX with a function attribute (the rest of the package keeps the
// baseline instruction set) and are only called after CPUID and XGETBV say the processor and
// operating system support AVX; otherwise the 2-lane (`__m128d`, SSE2 baseline) entry points run.
// The last `count % lanes` elements are copied into a padded vector (padding 1.0, harmless for
// exp and log), so they go through the same routine as the rest.
#include "CVectorMath.h"

#include <sleef.h>
#include <string.h>

#if defined(__x86_64__)

#include <cpuid.h>
#include <immintrin.h>

// sleef.h declares the 4-lane functions only when the including file is compiled with AVX.
#if !defined(__AVX__)
__attribute__((target("avx"))) __m256d Sleef_expd4_u10(__m256d);
__attribute__((target("avx"))) __m256d Sleef_logd4_u10(__m256d);
#endif

/// Whether the processor has AVX and the operating system saves the YMM registers (XCR0 bits 1, 2).
static int processor_supports_avx(void) {
    unsigned int eax = 0, ebx = 0, ecx = 0, edx = 0;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    if (!(ecx & bit_OSXSAVE) || !(ecx & bit_AVX)) return 0;
    unsigned int low = 0, high = 0;
    __asm__ volatile("xgetbv" : "=a"(low), "=d"(high) : "c"(0));
    return (low & 0x6) == 0x6;
}

#define HETFIRM_DEFINE_LOOPS(name, function4, function2)                                        \
    __attribute__((target("avx"))) static void name##_4(const double *input, double *output,   \
                                                          size_t count) {                        \
        size_t index = 0;                                                                         \
        for (; index + 4 <= count; index += 4)                                                    \
            _mm256_storeu_pd(output + index, function4(_mm256_loadu_pd(input + index)));          \
        if (index < count) {                                                                      \
            double lanes[4] = {1.0, 1.0, 1.0, 1.0};                                               \
            memcpy(lanes, input + index, (count - index) * sizeof(double));                       \
            _mm256_storeu_pd(lanes, function4(_mm256_loadu_pd(lanes)));                           \
            memcpy(output + index, lanes, (count - index) * sizeof(double));                      \
        }                                                                                         \
    }                                                                                             \
    static void name##_2(const double *input, double *output, size_t count) {                    \
        size_t index = 0;                                                                         \
        for (; index + 2 <= count; index += 2)                                                    \
            _mm_storeu_pd(output + index, function2(_mm_loadu_pd(input + index)));                 \
        if (index < count) {                                                                      \
            double lanes[2] = {input[index], 1.0};                                                \
            _mm_storeu_pd(lanes, function2(_mm_loadu_pd(lanes)));                                 \
            output[index] = lanes[0];                                                             \
        }                                                                                         \
    }

HETFIRM_DEFINE_LOOPS(vector_exp, Sleef_expd4_u10, Sleef_expd2_u10)
HETFIRM_DEFINE_LOOPS(vector_log, Sleef_logd4_u10, Sleef_logd2_u10)

/// 0 until the first call decides; then 4 or 2. Racing first calls store the same value.
static int chosen_lanes = 0;

int hetfirm_vector_lanes(void) {
    int lanes = __atomic_load_n(&chosen_lanes, __ATOMIC_RELAXED);
    if (lanes == 0) {
        lanes = processor_supports_avx() ? 4 : 2;
        __atomic_store_n(&chosen_lanes, lanes, __ATOMIC_RELAXED);
    }
    return lanes;
}

void hetfirm_vector_exp(const double *input, double *output, size_t count) {
    if (hetfirm_vector_lanes() == 4) vector_exp_4(input, output, count);
    else vector_exp_2(input, output, count);
}

void hetfirm_vector_log(const double *input, double *output, size_t count) {
    if (hetfirm_vector_lanes() == 4) vector_log_4(input, output, count);
    else vector_log_2(input, output, count);
}

#elif defined(__aarch64__)

#include <arm_neon.h>

#define HETFIRM_DEFINE_LOOP(name, function2)                                                     \
    void name(const double *input, double *output, size_t count) {                               \
        size_t index = 0;                                                                         \
        for (; index + 2 <= count; index += 2)                                                    \
            vst1q_f64(output + index, function2(vld1q_f64(input + index)));                       \
        if (index < count) {                                                                      \
            double lanes[2] = {input[index], 1.0};                                                \
            vst1q_f64(lanes, function2(vld1q_f64(lanes)));                                        \
            output[index] = lanes[0];                                                             \
        }                                                                                         \
    }

HETFIRM_DEFINE_LOOP(hetfirm_vector_exp, Sleef_expd2_u10)
HETFIRM_DEFINE_LOOP(hetfirm_vector_log, Sleef_logd2_u10)

int hetfirm_vector_lanes(void) { return 2; }

#else

void hetfirm_vector_exp(const double *input, double *output, size_t count) {
    for (size_t index = 0; index < count; index++) output[index] = Sleef_exp_u10(input[index]);
}

void hetfirm_vector_log(const double *input, double *output, size_t count) {
    for (size_t index = 0; index < count; index++) output[index] = Sleef_log_u10(input[index]);
}

int hetfirm_vector_lanes(void) { return 1; }

#endif
