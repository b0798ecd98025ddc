import Estimation

/// The speed and half-life of convergence under a regression table (`hetfirm estimate --convergence`).
public enum ConvergenceText {
    /// One line per model: β (with the combination it stands for), λ and h with their delta-method SEs.
    public static func text(_ specification: ConvergenceSpecification, speeds: [ConvergenceSpeed], markdown: Bool = false) -> String {
        let slope = ([specification.coefficient] + specification.at.map { "\(NumberFormat.general($0.value, digits: 6))·\($0.coefficient)" })
            .joined(separator: " + ")
        let form = specification.form == .perPeriod ? "growth per period" : "total growth"
        var lines = ["", "Convergence: β = \(slope), horizon T = \(NumberFormat.general(specification.horizon, digits: 6)) (\(form)); "
            + "λ = −ln(1 + β)/T, half-life = ln 2/λ, delta-method SEs"]
        for (index, speed) in speeds.enumerated() {
            let label = speeds.count > 1 ? "(\(index + 1)) " : ""
            let beta = "β = \(number(speed.beta)) (\(number(speed.betaStandardError)))"
            guard let lambda = speed.speed, let lambdaError = speed.speedStandardError,
                  let halfLife = speed.halfLife, let halfLifeError = speed.halfLifeStandardError else {
                lines.append("\(label)\(beta): no convergence speed (β must lie in (−1, 0))")
                continue
            }
            lines.append("\(label)\(beta); speed λ = \(number(lambda)) (\(number(lambdaError))); "
                + "half-life = \(number(halfLife)) (\(number(halfLifeError))) periods")
        }
        return lines.map { markdown && !$0.isEmpty ? $0 + "  " : $0 }.joined(separator: "\n") + "\n"
    }

    private static func number(_ value: Double) -> String { NumberFormat.general(value, digits: 6) }
}
