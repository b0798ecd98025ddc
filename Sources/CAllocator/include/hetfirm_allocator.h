#ifndef HETFIRM_ALLOCATOR_H
#define HETFIRM_ALLOCATOR_H

/// Sets glibc's M_MMAP_THRESHOLD and M_TRIM_THRESHOLD (bytes); returns 1 when both were accepted,
/// 0 otherwise (and always 0 where the C library is not glibc).
int hetfirm_set_allocator_thresholds(int mmap_threshold, int trim_threshold);

#endif
