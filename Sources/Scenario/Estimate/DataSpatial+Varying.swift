import Estimation
import Foundation
import PanelData
import Spatial

/// `hetfirm spatial … --model sar --rho-varies-with Z`: paper 000's eq. (25), the spatial lag whose
/// coefficient is ρ + ρ′·z_it (``VaryingSpatialLag``), with impacts at the quartiles of z.
extension DataSpatial {
    public struct VaryingOutcome: Sendable {
        public let text: String
        public let warnings: [String]
        public let fit: VaryingLagFit
        public let impacts: VaryingLagImpacts?
        public let readingSeconds: Double
        public let estimationSeconds: Double
    }

    public static func runVarying(_ request: Request) throws -> VaryingOutcome {
        guard let modifierName = request.rhoVariesWith else {
            throw InvalidInput(description: "error: --rho-varies-with names the column z of ρ + ρ′·z")
        }
        let options = try options(model: request.model, effects: request.effects, leeYu: request.leeYu)
        guard options.model == .sar else {
            throw InvalidInput(description: "error: --rho-varies-with extends the spatial lag model: use it with --model sar")
        }
        guard options.approach == .direct else {
            throw InvalidInput(description: "error: --rho-varies-with uses the direct approach for fixed effects; drop --lee-yu")
        }
        let loaded = try load(request, effects: options.effects)
        let prepared = loaded.prepared
        let modifier = try modifierValues(loaded.file, name: modifierName, rows: prepared.dataRows)
        let fit: VaryingLagFit
        do {
            fit = try VaryingSpatialLag.fit(prepared.sample, modifierName: modifierName, modifier: modifier, effects: options.effects)
        } catch let error as SpatialError {
            switch error {
            case .invalidSample, .unsupportedSpecification, .island, .tooLargeForDense, .invalidWeights:
                throw InvalidInput(description: "error: \(error)")
            default:
                throw error
            }
        }
        let sorted = modifier.sorted()
        let quartiles = [0.25, 0.5, 0.75].map { sorted[Int(($0 * Double(sorted.count - 1)).rounded())] }
        let impacts = request.impacts ? try VaryingLagImpacts.atLevels(fit, weights: prepared.sample.weights, levels: quartiles) : nil
        let estimationSeconds = DataFMOLS.seconds(ContinuousClock.now - loaded.estimationStart)
        let text = request.json ? try VaryingLagReport.json(fit, impacts: impacts, formula: request.formula)
            : VaryingLagReport.text(fit, impacts: impacts, formula: request.formula)
        return VaryingOutcome(text: text, warnings: fit.warnings, fit: fit, impacts: impacts, readingSeconds: loaded.readingSeconds,
                              estimationSeconds: estimationSeconds)
    }

    /// z at the sample's rows (stacked like the sample); a missing or text value is located in the file.
    static func modifierValues(_ file: UserDataFile, name: String, rows: [Int]) throws -> [Double] {
        let column: Column
        do { column = try file.data.column(named: name) } catch let error as PanelDataError {
            throw InvalidInput(description: file.message(for: error))
        }
        if let cell = column.firstTextCell() {
            throw InvalidInput(description: "\(file.location(ofDataRow: cell.row, column: name)): error: "
                + "'\(EstimationError.shortened(cell.text))' is not a number; --rho-varies-with needs a numeric column")
        }
        return try rows.map { row in
            let value: Double? = switch column.storage {
            case .double(let values): values[row]
            case .int(let values): Double(values[row])
            case .factor: nil
            }
            guard !column.isMissing(row), let value, value.isFinite else {
                throw InvalidInput(description: "\(file.location(ofDataRow: row, column: name)): error: \(name) is missing; "
                    + "ρ + ρ′·\(name) needs a value for every unit and period")
            }
            return value
        }
    }
}
