import Foundation
import Estimation

/// `hetfirm estimate --convergence TERM [--horizon T] [--growth total|per-period] [--convergence-at TERM=VALUE]…`
/// as written on the command line, checked into a ``ConvergenceSpecification`` by ``specification()``.
public struct ConvergenceOptions: Sendable, Equatable {
    public var coefficient: String?
    public var horizon: Double
    public var growth: String
    public var at: [String]

    public init(coefficient: String? = nil, horizon: Double = 1, growth: String = "total", at: [String] = []) {
        self.coefficient = coefficient
        self.horizon = horizon
        self.growth = growth
        self.at = at
    }

    /// The specification, nil without `--convergence`.
    /// - Throws: ``InvalidInput`` for a non-positive horizon, an unknown growth form, a malformed TERM=VALUE, or
    ///   `--horizon`/`--growth`/`--convergence-at` without `--convergence`.
    public func specification() throws -> ConvergenceSpecification? {
        guard let coefficient else {
            if !at.isEmpty || horizon != 1 || growth != "total" {
                throw InvalidInput(description: "error: --horizon, --growth and --convergence-at need --convergence TERM")
            }
            return nil
        }
        guard horizon > 0, horizon.isFinite else {
            throw InvalidInput(description: "error: --horizon must be a positive number of periods, not \(horizon)")
        }
        guard let form = ConvergenceSpeed.GrowthForm(rawValue: growth) else {
            throw InvalidInput(description: "error: --growth must be total or per-period, not '\(growth)'")
        }
        let evaluations = try at.map { text -> ConvergenceSpecification.Evaluation in
            guard let equals = text.lastIndex(of: "="),
                  let value = Double(text[text.index(after: equals)...].trimmingCharacters(in: .whitespaces)), value.isFinite,
                  !text[..<equals].allSatisfy(\.isWhitespace) else {
                throw InvalidInput(description: "error: --convergence-at must be TERM=VALUE, e.g. \"l(log(gdp), 1):inter=0.5\", not '\(text)'")
            }
            return .init(coefficient: String(text[..<equals]).trimmingCharacters(in: .whitespaces), value: value)
        }
        return ConvergenceSpecification(coefficient: coefficient, at: evaluations, horizon: horizon, form: form)
    }
}
