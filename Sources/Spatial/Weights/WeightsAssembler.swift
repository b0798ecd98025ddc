/// Collects the units and weights a reader finds, with where each was found, and checks them as
/// they come: empty or duplicate ids, self-neighbours, the size limits; ``build()`` then finds
/// repeated pairs (located at their second occurrence) and makes the ``SpatialWeights``.
struct WeightsAssembler {
    let fileName: String
    let limits: SpatialWeightsLimits
    private(set) var identifiers: [String] = []
    private var indexOfKey: [String: Int] = [:]
    private var rows: [Int32] = []
    private var columns: [Int32] = []
    private var weights: [Double] = []
    private var lines: [Int32] = []
    private var fields: [Int32] = []

    /// True for flow matrices: a weight from a unit to itself is dropped instead of refused.
    let dropsDiagonal: Bool

    init(fileName: String, limits: SpatialWeightsLimits, dropsDiagonal: Bool = false) {
        self.fileName = fileName
        self.limits = limits
        self.dropsDiagonal = dropsDiagonal
    }

    var unitCount: Int { identifiers.count }

    func error(_ line: Int, _ field: Int?, _ problem: WeightsFileProblem) -> SpatialError {
        .weightsFile(file: fileName, line: line, field: field, problem: problem)
    }

    /// The index of an existing unit, nil if the file has not declared it.
    func index(of raw: String) -> Int? { indexOfKey[SpatialUnitKey.canonical(raw)] }

    /// Declares a new unit; an empty or repeated id, or one unit too many, is an error here.
    @discardableResult
    mutating func declare(_ raw: String, line: Int, field: Int) throws -> Int {
        let key = SpatialUnitKey.canonical(raw)
        guard !key.isEmpty else { throw error(line, field, .emptyIdentifier) }
        guard indexOfKey[key] == nil else { throw error(line, field, .duplicateUnit(key)) }
        guard identifiers.count < limits.maximumUnits else {
            throw error(line, field, .tooManyUnits(count: identifiers.count + 1, limit: limits.maximumUnits))
        }
        indexOfKey[key] = identifiers.count
        identifiers.append(key)
        return identifiers.count - 1
    }

    /// The unit of `raw`, declared if new (edge lists name their units as they use them).
    mutating func unit(_ raw: String, line: Int, field: Int) throws -> Int {
        if let existing = index(of: raw) { return existing }
        return try declare(raw, line: line, field: field)
    }

    /// Adds w(row → column) found at `line`/`field` (the weight's field). A zero weight adds nothing; a
    /// non-zero self-weight is an error.
    mutating func add(row: Int, column: Int, weight: Double, line: Int, field: Int) throws {
        if weight == 0 || (dropsDiagonal && row == column) { return }
        guard row != column else { throw error(line, field, .selfNeighbour(identifiers[row])) }
        guard weights.count < limits.maximumEntries else { throw error(line, field, .tooManyEntries(limit: limits.maximumEntries)) }
        rows.append(Int32(truncatingIfNeeded: row))
        columns.append(Int32(truncatingIfNeeded: column))
        weights.append(weight)
        lines.append(Int32(clamping: line))
        fields.append(Int32(clamping: field))
    }

    /// The weight matrix; a (row, column) pair given twice is an error at its second occurrence, and a
    /// file without units an error at its header line.
    func build(headerLine: Int) throws -> SpatialWeights {
        guard !identifiers.isEmpty else { throw error(headerLine, nil, .noUnits) }
        let order = weights.indices.sorted {
            (rows[$0], columns[$0], lines[$0], fields[$0]) < (rows[$1], columns[$1], lines[$1], fields[$1])
        }
        var triplets: [(row: Int, column: Int, weight: Double)] = []
        triplets.reserveCapacity(order.count)
        var previous: Int? = nil
        for position in order {
            if let previous, rows[previous] == rows[position], columns[previous] == columns[position] {
                throw error(Int(lines[position]), Int(fields[position]),
                            .duplicatePair(from: identifiers[Int(rows[position])], to: identifiers[Int(columns[position])]))
            }
            previous = position
            triplets.append((Int(rows[position]), Int(columns[position]), weights[position]))
        }
        return try SpatialWeights(unitIdentifiers: identifiers, triplets: triplets)
    }

    /// A weight field: a finite decimal number ≥ 0.
    func weight(_ text: String, line: Int, field: Int) throws -> Double {
        guard let value = Self.number(text) else { throw error(line, field, .badNumber(text)) }
        guard value >= 0 else { throw error(line, field, .negativeWeight(value)) }
        return value
    }

    /// A finite decimal number (spaces and tabs around it ignored), nil otherwise.
    static func number(_ text: String) -> Double? {
        let trimmed = SpatialUnitKey.trimmed(text)
        guard SpatialUnitKey.isDecimalNumber(trimmed), let value = Double(trimmed), value.isFinite else { return nil }
        return value
    }

    /// A whole number 0…`limit` (counts in GAL and GWT headers), nil otherwise.
    static func count(_ text: String) -> Int? {
        guard !text.isEmpty, text.utf8.count <= 18, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(text)
    }
}
