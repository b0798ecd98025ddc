import Covariance
import Estimation
import MonteCarlo
import PanelData

/// A scenario `[[estimate]]` block, parsed once and run on every simulated panel with the same
/// estimator as `hetfirm estimate`.
struct PreparedEstimation: Sendable {
    let request: EstimationRequest
    let formula: Formula
    let options: EstimationOptions

    init(_ request: EstimationRequest) throws {
        self.request = request
        formula = try FormulaParser.parse(request.formula)
        switch request.vcov {
        case nil: options = EstimationOptions()
        case .iid?: options = EstimationOptions(vcov: .iid)
        case .hetero?: options = EstimationOptions(vcov: .heteroskedastic)
        case .cluster(let names)?: options = EstimationOptions(vcov: .cluster(names))
        }
    }

    /// One estimate per `recover` entry, named "NAME: coefficient", beside its truth (a number, or
    /// `truth.X` looked up by `truth`).
    func estimates(on data: Dataset, truth: (String) -> Double?) throws -> [ParameterEstimate] {
        let result = try FixedEffectsOLS.fit(formula, data: data, options: options)
        return try request.recover.map { recovery in
            guard let index = result.coefficientNames.firstIndex(of: recovery.coefficient) else {
                let reason = result.droppedRegressors.first { $0.name == recovery.coefficient }?.reason ?? "not estimated"
                throw EstimationError.degenerate(estimator: request.name, reason: "\(recovery.coefficient): \(reason)")
            }
            let value = Double(recovery.truth) ?? truth(String(recovery.truth.dropFirst("truth.".count))) ?? .nan
            return ParameterEstimate(parameter: "\(request.name): \(recovery.coefficient)", truth: value,
                                     estimate: result.coefficients[index], standardError: result.standardErrors[index])
        }
    }

    /// A file-name-safe stem: letters, digits, '.', '_' and '-' kept, runs of anything else become '-'.
    static func fileStem(_ text: String) -> String {
        var stem = ""
        for character in text {
            if character.isASCII, character.isLetter || character.isNumber || "._-".contains(character) {
                stem.append(character)
            } else if !stem.hasSuffix("-") {
                stem.append("-")
            }
        }
        while stem.hasSuffix("-") { stem.removeLast() }
        while stem.hasPrefix("-") || stem.hasPrefix(".") { stem.removeFirst() }
        return stem.isEmpty ? "estimate" : stem
    }
}
