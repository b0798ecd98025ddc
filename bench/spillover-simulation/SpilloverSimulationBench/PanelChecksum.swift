import PanelData

/// A 64-bit checksum of datasets, to check that a change of the simulator leaves its output bit for bit
/// the same: column names, every present value's bit pattern and the missing mask, in column and row order.
/// Values at missing rows are placeholders that nothing reads, so they do not enter.
struct PanelChecksum {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    private mutating func mix(_ word: UInt64) {
        value = (value ^ word) &* 0x0000_0100_0000_01b3
        value ^= value >> 29
    }

    mutating func add(_ dataset: Dataset) {
        for column in dataset.columns {
            for byte in column.name.utf8 { mix(UInt64(byte)) }
            let missing = column.missing
            switch column.storage {
            case .double(let values):
                for row in values.indices {
                    if let missing, missing[row] { mix(0x6d69_7373) } else { mix(values[row].bitPattern) }
                }
            case .int(let values):
                for row in values.indices {
                    if let missing, missing[row] { mix(0x6d69_7373) } else { mix(UInt64(bitPattern: Int64(values[row]))) }
                }
            case .factor(let codes, let labels):
                for label in labels { for byte in label.utf8 { mix(UInt64(byte)) } }
                for code in codes { mix(UInt64(bitPattern: Int64(code))) }
            }
        }
    }

    mutating func add(_ numbers: [Double]) {
        for number in numbers { mix(number.bitPattern) }
    }

    var hexadecimal: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
