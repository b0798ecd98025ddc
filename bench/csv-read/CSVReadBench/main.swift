// csv-read benchmark entry point: times `CSVReader.read(path:)` on one file.
//
// Usage: CSVReadBench FILE [--threads N] [--repeat K] [--compare-serial] [--checksums]
// Prints `reading S s` (the fastest of K reads, default 1) on standard error, and on
// standard output the shape, column kinds and an order-sensitive checksum of the bit patterns,
// so two readers (or two thread counts) can be compared bit for bit.
// `--compare-serial` also reads with one thread and fails unless both datasets are equal.
// `--checksums` prints, per column, the sum of (row + 1) × the value's 64-bit pattern (mod 2^64).
import Foundation
import PanelData

var arguments = Array(CommandLine.arguments.dropFirst())
guard let path = arguments.first else {
    FileHandle.standardError.write(Data("usage: CSVReadBench FILE [--threads N] [--repeat K] [--compare-serial]\n".utf8))
    exit(2)
}
var options = CSVReadOptions()
var repeats = 1
var compareSerial = false
var checksums = false
var index = 1
while index < arguments.count {
    switch arguments[index] {
    case "--threads" where index + 1 < arguments.count:
        options.threads = Int(arguments[index + 1]) ?? 0
        index += 1
    case "--repeat" where index + 1 < arguments.count:
        repeats = max(1, Int(arguments[index + 1]) ?? 1)
        index += 1
    case "--compare-serial":
        compareSerial = true
    case "--checksums":
        checksums = true
    default:
        FileHandle.standardError.write(Data("unknown argument \(arguments[index])\n".utf8))
        exit(2)
    }
    index += 1
}

var best = Double.infinity
var dataset: Dataset?
do {
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        let read = try CSVReader.read(path: path, options: options)
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        dataset = read
    }
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
guard let dataset else { exit(1) }
FileHandle.standardError.write(Data(String(format: "reading %.3f s\n", best).utf8))

/// Shape, column kinds and an FNV-1a checksum over every column's values, bit patterns and mask.
func summary(_ dataset: Dataset) -> String {
    var checksum: UInt64 = 1_469_598_103_934_665_603
    func mix(_ value: UInt64) { checksum = (checksum ^ value) &* 1_099_511_628_211 }
    var kinds = [String]()
    for column in dataset.columns {
        kinds.append("\(column.name):\(column.kind)")
        switch column.storage {
        case .double(let values): values.forEach { mix($0.bitPattern) }
        case .int(let values): values.forEach { mix(UInt64(bitPattern: Int64($0))) }
        case .factor(let codes, let labels):
            codes.forEach { mix(UInt64(UInt32(bitPattern: $0))) }
            labels.forEach { $0.utf8.forEach { mix(UInt64($0)) } }
        }
        (column.missing ?? []).forEach { mix($0 ? 1 : 0) }
    }
    let shape = "rows \(dataset.rowCount) columns \(dataset.columns.count)"
    return "\(shape) [\(kinds.joined(separator: " "))] checksum \(String(checksum, radix: 16))"
}
print(summary(dataset))
if checksums {
    for column in dataset.columns {
        var sum: UInt64 = 0
        func add(_ row: Int, _ bits: UInt64) { sum = sum &+ UInt64(row + 1) &* bits }
        switch column.storage {
        case .double(let values): for (row, value) in values.enumerated() { add(row, value.bitPattern) }
        case .int(let values): for (row, value) in values.enumerated() { add(row, UInt64(bitPattern: Int64(value))) }
        case .factor: break
        }
        let hex = String(sum, radix: 16)
        print("column \(column.name) \(String(repeating: "0", count: 16 - hex.count))\(hex)")
    }
}

if compareSerial {
    var serialOptions = options
    serialOptions.threads = 1
    do {
        let serial = try CSVReader.read(path: path, options: serialOptions)
        guard serial == dataset else {
            FileHandle.standardError.write(Data("MISMATCH: serial and parallel reads differ\n".utf8))
            exit(3)
        }
        print("serial read identical")
    } catch {
        FileHandle.standardError.write(Data("serial read failed: \(error)\n".utf8))
        exit(1)
    }
}
