import CAllocator

/// glibc's allocator settings for a process that allocates and frees a few megabytes per Monte
/// Carlo replication.
///
/// With glibc's defaults, freed memory at the top of the heap beyond `M_TRIM_THRESHOLD` (128 kB,
/// adjusted upwards as blocks are freed) goes back to the kernel, and blocks above
/// `M_MMAP_THRESHOLD` come from fresh `mmap`s; either way the next replication's columns fault in
/// and zero new pages. A perf profile of the quickstart Monte Carlo put a quarter of its time there
/// (bench/README.md). Here blocks up to 64 MB are served from the heap and up to 256 MB of free
/// memory is kept for reuse; larger blocks are still mapped and unmapped individually, so a
/// paper-scale dataset's columns are returned to the kernel when freed.
enum AllocatorTuning {
    static func apply() {
        _ = hetfirm_set_allocator_thresholds(64 << 20, 256 << 20)
    }
}
