/// Checks the size of a large array before it is allocated, so that parameters asking for more
/// memory than the machine has give a `ModelError.tooLarge` naming the keys, not an abort inside
/// the allocator. The scenario layer refuses such scenarios before they run; this is the last line.
public enum AllocationGuard {
    /// Throws when `count` elements of `bytesPerElement` bytes (counts multiplied in Double, so
    /// nothing overflows) would exceed the machine's physical memory.
    public static func check(_ counts: [Int], bytesPerElement: Int, what: String, keys: [String]) throws {
        let elements = counts.reduce(1.0) { $0 * Double(max($1, 0)) }
        let bytes = elements * Double(bytesPerElement)
        let limit = PhysicalMemory.totalBytes ?? 64 * 1_073_741_824
        guard bytes > limit || elements > Double(Int.max / 16) else { return }
        throw ModelError.tooLarge(
            reason: "\(what) would take \(ByteCount.text(bytes)), more than the machine's \(ByteCount.text(limit))",
            keys: keys)
    }
}
