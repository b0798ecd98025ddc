import FixedEffects
import PanelData

/// Fixed-effect and cluster variables as dense codes, built from dataset columns by name;
/// `a^b` names a combination, encoded without a dense expansion.
enum CategoricalVariable {
    /// The codes of `name` (`"firm"` or `"city^dest"`); missing values get code −1.
    static func codes(_ name: String, in dataset: Dataset) throws -> FactorCodes {
        let parts = name.split(separator: "^").map { String($0).trimmingCharacters(in: .whitespaces) }
        guard let first = parts.first else { throw EstimationError.notCategorical(variable: name, reason: "empty name") }
        var combined = try single(first, in: dataset)
        for part in parts.dropFirst() {
            combined = combined.interacted(with: try single(part, in: dataset))
        }
        return combined
    }

    /// One column as codes: integers by value, factors by label; doubles only when integral.
    static func single(_ name: String, in dataset: Dataset) throws -> FactorCodes {
        let column = try dataset.column(named: name)
        switch column.storage {
        case .int(let values):
            return FactorCodes.encode(name: name, integers: values, missing: column.missing)
        case .factor(let codes, let labels):
            var codes = codes
            if let missing = column.missing {
                for row in codes.indices where missing[row] { codes[row] = -1 }
            }
            return FactorCodes(name: name, codes: codes, levelCount: labels.count)
        case .double(let values):
            var integers = [Int](repeating: 0, count: values.count)
            var missing = column.missing ?? [Bool](repeating: false, count: values.count)
            for (row, value) in values.enumerated() where !missing[row] {
                if value.isNaN { missing[row] = true; continue }
                guard value == value.rounded(), abs(value) < 9e15 else {
                    throw EstimationError.notCategorical(
                        variable: name, reason: "data row \(row + 1) holds \(value), not an integer or a label")
                }
                integers[row] = Int(value)
            }
            return FactorCodes.encode(name: name, integers: integers, missing: missing)
        }
    }

    /// Labels of the levels of `codes` (one per level), read from a representative row of each level:
    /// the label of every component, joined by "_" for combinations, as fixest names them.
    static func labels(of codes: FactorCodes, rows: [Int], in dataset: Dataset) -> [String] {
        var representative = [Int](repeating: -1, count: codes.levelCount)
        for (position, code) in codes.codes.enumerated() where code >= 0 && representative[Int(code)] < 0 {
            representative[Int(code)] = rows[position]
        }
        let parts = codes.name.split(separator: "^").map { String($0).trimmingCharacters(in: .whitespaces) }
        let columns = parts.compactMap { try? dataset.column(named: $0) }
        return representative.map { row in
            guard row >= 0 else { return "" }
            return columns.map { label(of: $0, row: row) }.joined(separator: "_")
        }
    }

    private static func label(of column: Column, row: Int) -> String {
        switch column.storage {
        case .int(let values): return String(values[row])
        case .factor(let codes, let labels):
            let code = Int(codes[row])
            return code >= 0 && code < labels.count ? labels[code] : ""
        case .double(let values):
            let value = values[row]
            return value == value.rounded() && abs(value) < 9e15 ? String(Int(value)) : String(value)
        }
    }
}
