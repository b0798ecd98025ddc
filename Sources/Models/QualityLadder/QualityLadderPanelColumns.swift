import PanelData

/// Row-wise accumulation of the quality-ladder panel's columns (names in `QualityLadderSimulator.panelColumns`).
struct QualityLadderPanelColumns {
    static let intNames = ["firm", "year", "dest", "product", "city", "industry", "province", "ownership",
                           "trade_mode", "trade_type", "dest_group", "ladder_rank"]
    static let doubleNames = ["value", "quantity", "price", "eco", "patents",
                              "iv_phone", "iv_post", "iv_patent", "phones_1984", "post_offices_1984", "ports",
                              "size", "age", "capital_intensity", "labour_intensity", "tfp", "leverage", "finance",
                              "cost", "digital_input", "quality_coefficient", "true_quality", "true_log_quality",
                              "true_frontier", "true_distance", "true_eco_effect", "true_log_distance_effect",
                              "true_tfp", "tfp_external_frontier", "true_tfp_external_frontier",
                              "knowledge_breadth", "true_knowledge_breadth", "true_variety", "true_price",
                              "noiseless_quantity"]
    /// Columns whose NaN entries are missing (knowledge breadth before a firm's first patent).
    static let missingWhenNaN: Set<String> = ["knowledge_breadth", "true_knowledge_breadth"]

    var ints: [[Int]] = Array(repeating: [], count: intNames.count)
    var doubles: [[Double]] = Array(repeating: [], count: doubleNames.count)

    var count: Int { ints[0].count }

    /// Appends one record; `intValues` and `doubleValues` follow `intNames` and `doubleNames`.
    mutating func append(ints intValues: [Int], doubles doubleValues: [Double]) {
        for (index, value) in intValues.enumerated() { ints[index].append(value) }
        for (index, value) in doubleValues.enumerated() { doubles[index].append(value) }
    }

    /// Sets the double column `name` to `value` on `rows` (a firm-year value known after its records).
    mutating func fill(double name: String, rows: Range<Int>, with value: Double) {
        guard let index = Self.doubleNames.firstIndex(of: name) else { return }
        for row in rows { doubles[index][row] = value }
    }

    func dataset() throws -> Dataset {
        try Dataset(columns: zip(Self.intNames, ints).map { Column.int($0, $1) }
            + zip(Self.doubleNames, doubles).map { name, values in
                guard Self.missingWhenNaN.contains(name) else { return Column.double(name, values) }
                let missing = values.map { !$0.isFinite }
                return Column.double(name, values, missing: missing.contains(true) ? missing : nil)
            })
    }
}
