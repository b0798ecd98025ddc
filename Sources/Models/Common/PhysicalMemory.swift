import Foundation

/// The machine's memory, read from `/proc/meminfo`.
///
/// `MemTotal` is used, not `MemAvailable`: it does not change with what else runs, so `validate`
/// gives the same answer from one minute to the next, and an estimate is only a few-fold accurate
/// anyway. Runs are checked against 90% of it (``budgetBytes``), leaving room for the system.
public enum PhysicalMemory {
    /// `MemTotal` in bytes, or nil where `/proc/meminfo` cannot be read (not Linux).
    public static let totalBytes: Double? = {
        guard let text = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8) else { return nil }
        return parseTotal(text)
    }()

    /// What a run may use by default: 90% of `MemTotal` (64 GiB where it cannot be read).
    public static var budgetBytes: Double { 0.9 * (totalBytes ?? 64 * 1_073_741_824) }

    /// The `MemTotal:` line of a `/proc/meminfo` text, in bytes.
    static func parseTotal(_ text: String) -> Double? {
        for line in text.split(separator: "\n") where line.hasPrefix("MemTotal:") {
            let fields = line.split(separator: " ")
            guard fields.count >= 2, let kilobytes = Double(fields[1]) else { return nil }
            let unit = fields.count >= 3 ? fields[2].lowercased() : "kb"
            return kilobytes * (unit == "kb" ? 1024 : 1)
        }
        return nil
    }
}
