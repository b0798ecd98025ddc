/// One key of the `[sweep]` section: a real model parameter and the grid it runs over.
public struct SweepAxis: Sendable, Equatable {
    public let parameter: String
    /// The grid, as written or expanded from `{ from, to, count }` (exact endpoints).
    public let values: [Double]

    public init(parameter: String, values: [Double]) {
        self.parameter = parameter
        self.values = values
    }

    /// `count` evenly spaced values from `from` to `to`, both endpoints exact; `count ≥ 2`.
    public static func grid(from: Double, to: Double, count: Int) -> [Double] {
        guard count >= 2 else { return count == 1 ? [from] : [] }
        let step = Double(count - 1)
        return (0..<count).map { index in
            if index == 0 { return from }
            if index == count - 1 { return to }
            return from + (to - from) * (Double(index) / step)
        }
    }
}
