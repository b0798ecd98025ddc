/// Which columns make a dataset a panel: the unit (individual) and the time column, as written
/// in `--panel ID,TIME` or `panel = ["id", "year"]`. The structure itself (`PanelStructure`) is
/// built from the data when an estimator needs it.
public struct PanelDeclaration: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The unit column, e.g. `firm` or `province`.
    public let unit: String
    /// The time column (integers), e.g. `year`.
    public let time: String

    public init(unit: String, time: String) {
        self.unit = unit
        self.time = time
    }

    /// `ID,TIME`, as on the command line.
    public var description: String { "\(unit),\(time)" }

    /// Parses `ID,TIME` (spaces around the names are ignored).
    /// - Returns: nil unless the text holds exactly two non-empty names.
    public init?(parsing text: String) {
        let names = text.split(separator: ",", omittingEmptySubsequences: false).map {
            String($0).trimmed(of: " \t")
        }
        guard names.count == 2, !names[0].isEmpty, !names[1].isEmpty else { return nil }
        self.init(unit: names[0], time: names[1])
    }
}

extension PanelStructure {
    /// The structure of `dataset` for a declared panel.
    public init(_ dataset: Dataset, panel: PanelDeclaration) throws {
        try self.init(dataset, unit: panel.unit, time: panel.time)
    }
}

private extension String {
    func trimmed(of set: String) -> String {
        var characters = Substring(self)
        while let first = characters.first, set.contains(first) { characters.removeFirst() }
        while let last = characters.last, set.contains(last) { characters.removeLast() }
        return String(characters)
    }
}
