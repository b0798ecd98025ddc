#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Column-sized arrays filled in place, for simulators and constructors that write millions of rows.
///
/// Two costs dominate when a panel of millions of rows is built from scratch: the kernel's first-touch
/// page faults on fresh memory (one per 4 KiB page, each zeroing the page), and copies (an array filled
/// through a temporary buffer, or grown past its capacity). `ColumnBuffers` builds each array once,
/// in its final storage, written through pointers, and on Linux asks for transparent huge pages on
/// large buffers (`madvise(MADV_HUGEPAGE)`), so that the kernel faults in 2 MiB at a time. The advice
/// changes no value, only how the memory is mapped; where it is unavailable it is skipped.
public enum ColumnBuffers {
    /// Buffers smaller than this are left to the default page size.
    public static let hugePageThreshold = 4 << 20

    /// `arrayCount` arrays of `length` elements each, filled by `body` through one pointer per array.
    ///
    /// `body` must write every element of every array (the arrays are returned as they are; for the
    /// trivial element types this is meant for, an element not written holds whatever the memory held).
    /// The pointers are valid only while `body` runs.
    public static func build<Element: BitwiseCopyable>(
        _ arrayCount: Int, length: Int, _ body: ([UnsafeMutablePointer<Element>]) throws -> Void
    ) rethrows -> [[Element]] {
        var pointers = [UnsafeMutablePointer<Element>]()
        pointers.reserveCapacity(arrayCount)
        var arrays = [[Element]]()
        arrays.reserveCapacity(arrayCount)
        try nest(arrayCount, length: length, pointers: &pointers, arrays: &arrays, body)
        return arrays.reversed()
    }

    /// Opens the arrays one inside the other, so that every pointer is valid while `body` runs;
    /// appends the finished arrays innermost first.
    private static func nest<Element: BitwiseCopyable>(
        _ remaining: Int, length: Int, pointers: inout [UnsafeMutablePointer<Element>], arrays: inout [[Element]],
        _ body: ([UnsafeMutablePointer<Element>]) throws -> Void
    ) rethrows {
        guard remaining > 0 else {
            try body(pointers)
            return
        }
        var inner = [[Element]]()
        let array = try [Element](unsafeUninitializedCapacity: max(length, 1)) { buffer, initialized in
            adviseHugePages(UnsafeMutableRawBufferPointer(buffer))
            pointers.append(buffer.baseAddress!)
            try nest(remaining - 1, length: length, pointers: &pointers, arrays: &inner, body)
            initialized = length
        }
        arrays.append(contentsOf: inner)
        arrays.append(array)
    }

    /// Asks the kernel to back the whole 2 MiB pages inside `buffer` with transparent huge pages
    /// (Linux `madvise(MADV_HUGEPAGE)`); no effect on small buffers or other systems, and a refused
    /// advice is ignored (it only affects speed).
    public static func adviseHugePages(_ buffer: UnsafeMutableRawBufferPointer) {
        #if os(Linux)
        guard let base = buffer.baseAddress, buffer.count >= hugePageThreshold else { return }
        let hugePage = 2 << 20
        let start = (Int(bitPattern: base) + hugePage - 1) & ~(hugePage - 1)
        let end = (Int(bitPattern: base) + buffer.count) & ~(hugePage - 1)
        guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(aligned, end - start, MADV_HUGEPAGE)
        #endif
    }

    /// Reserves `capacity` elements in `array` and advises huge pages on its storage (see
    /// ``adviseHugePages(_:)``), before the appends that will fill it.
    public static func reserve<Element>(_ array: inout [Element], capacity: Int) {
        array.reserveCapacity(capacity)
        let bytes = array.capacity * MemoryLayout<Element>.stride
        array.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            adviseHugePages(UnsafeMutableRawBufferPointer(start: base, count: bytes))
        }
    }
}
