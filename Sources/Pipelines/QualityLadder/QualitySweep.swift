import Foundation
import Models
import Reporting

/// The quality-ladder claims over a `[sweep]` grid (notes §2.4):
/// - at every point of the (cartesian) grid, the as-printed regime table (D, ϕ, SOC and whether
///   (12), (13), (14), Proposition 5 and "φ_D falls as ϕ rises" hold) and the consistent ϕ and
///   firm-level slopes where the consistent variant has an equilibrium (`propositions.csv`);
/// - for every swept parameter, a dense one-dimensional slice over its range with the other
///   parameters at their `[model]` values: ϕ, ∂Δλ/∂ρ and ∂Δλ/∂θ per unit of φ_D − φ_i (as printed,
///   corrected derivatives) and D, beside a zero line that marks the sign boundary, and a column
///   flagging the SOC (`propositions-KEY.dat` and plot).
package struct QualitySweep: Sendable {
    let axes: [SweepAxis]
    let points: [ParameterValues]
    /// One row per grid point, in `points` order.
    let rows: [Row]
    let series: [DataSeries]
    let scripts: [GnuplotScript]

    /// Points of each one-dimensional slice.
    static let sliceResolution = 161

    /// The claims at one parameter point.
    struct Row {
        let betaMinusMu: Double
        let table: QualityPropositionTable
        /// −∂ϕ/∂ρ and −∂ϕ/∂θ of the consistent variant per unit of c_D − c_i (the firm-level ∂Δλ_i/∂x),
        /// and its ϕ; NaN when it has no equilibrium here.
        let consistentPhi: Double
        let consistentSpillover: Double
        let consistentCapability: Double

        init(parameters: QualityLadderParameters) {
            betaMinusMu = parameters.netQualityValue
            table = PrintedQualityModel(parameters: parameters).propositionTable
            let model = QualityLadderModel(parameters: parameters)
            let valid = QualityLadderCondition.allCases.allSatisfy { $0.violation(in: model) == nil }
            consistentPhi = valid ? model.qualityCoefficient : .nan
            consistentSpillover = valid ? -model.qualityCoefficientDerivative(.spilloverLevel) : .nan
            consistentCapability = valid ? -model.qualityCoefficientDerivative(.innovationCapability) : .nan
        }

        /// The table's value of claim `index` (0 = (12) ϕ, 1 = (13), 2 = (14), 3 = Proposition 5, 4 = (11)).
        func value(_ index: Int) -> Double { table.rows.indices.contains(index) ? table.rows[index].value : .nan }
        func holds(_ index: Int) -> Bool { table.rows.indices.contains(index) && table.rows[index].holds }
    }

    init(axes: [SweepAxis], points: [ParameterValues], base: ParameterValues, format: PlotFormat,
         parameters: (ParameterValues) throws -> QualityLadderParameters) throws {
        self.axes = axes
        self.points = points
        rows = try points.map { Row(parameters: try parameters($0)) }
        var series: [DataSeries] = []
        var scripts: [GnuplotScript] = []
        for axis in axes {
            let low = axis.values.min() ?? 0, high = axis.values.max() ?? 0
            let grid = high > low ? SweepAxis.grid(from: low, to: high, count: Self.sliceResolution) : [low]
            let slice = try grid.map { value -> Row in
                var values = base
                values[axis.parameter] = .real(value)
                return Row(parameters: try parameters(values))
            }
            let data = try Self.sliceSeries(axis: axis.parameter, grid: grid, rows: slice)
            series.append(data)
            scripts.append(try Self.slicePlot(data, axis: axis.parameter, rows: slice, format: format))
        }
        series.append(try Self.gridSeries(axes: axes, points: points, rows: rows))
        self.series = series
        self.scripts = scripts
    }

    private static func sliceSeries(axis: String, grid: [Double], rows: [Row]) throws -> DataSeries {
        try DataSeries(stem: "propositions-" + FileStem.of(axis),
                       title: "Paper-004 claims over \(axis), other parameters at their [model] values", columns: [
            SeriesColumn(name: axis, unit: "model parameter", values: grid),
            SeriesColumn(name: "phi", unit: "as printed, eq. (9)", values: rows.map { $0.value(0) }),
            SeriesColumn(name: "d_distance_d_rho", unit: "corrected (13) per unit of phi_D - phi_i", values: rows.map { $0.value(1) }),
            SeriesColumn(name: "d_distance_d_theta", unit: "corrected (14) per unit of phi_D - phi_i", values: rows.map { $0.value(2) }),
            SeriesColumn(name: "D", unit: "E(beta-mu)^2 - 4 gamma theta^(-2rho) delta^(-2); SOC: D < 0",
                         values: rows.map(\.table.secondOrderValue)),
            SeriesColumn(name: "zero", unit: "sign boundary", values: rows.map { _ in 0 }),
            SeriesColumn(name: "soc", unit: "1 = profit maximum (D < 0)", values: rows.map { $0.table.isProfitMaximum ? 1 : 0 }),
            SeriesColumn(name: "beta_minus_mu", unit: "beta - mu", values: rows.map(\.betaMinusMu)),
            SeriesColumn(name: "consistent_phi", unit: "consistent variant (NaN: no equilibrium)", values: rows.map(\.consistentPhi)),
            SeriesColumn(name: "consistent_d_distance_d_rho", unit: "firm level, per unit of c_D - c_i",
                         values: rows.map(\.consistentSpillover)),
            SeriesColumn(name: "consistent_d_distance_d_theta", unit: "firm level, per unit of c_D - c_i",
                         values: rows.map(\.consistentCapability)),
        ])
    }

    private static func slicePlot(_ data: DataSeries, axis: String, rows: [Row], format: PlotFormat) throws -> GnuplotScript {
        // ϕ and its derivatives have poles where D = 0: clip the y axis at a multiple of the typical size.
        let magnitudes = rows.flatMap { [abs($0.value(0)), abs($0.value(1)), abs($0.value(2))] }.filter(\.isFinite).sorted()
        let typical = magnitudes.isEmpty ? 1 : max(magnitudes[magnitudes.count / 2], 1e-6)
        let bound = 6 * typical
        let symbol = QualityLadderSummary.symbol(of: axis)
        return try GnuplotPlots.lines(
            series: data, yColumns: ["phi", "d_distance_d_rho", "d_distance_d_theta", "D", "zero"],
            title: "As-printed claims against \(symbol): (12) needs ϕ > 0, (13)–(14) need the derivatives < 0, the SOC needs D < 0",
            xLabel: axis == "beta" || axis == "mu" ? "\(symbol) (β − μ in column beta_minus_mu)" : symbol,
            yLabel: "value", format: format,
            seriesTitles: ["ϕ, eq. (9)", "∂Δλ/∂ρ per unit of φ_D − φ_i (corrected 13)",
                           "∂Δλ/∂θ per unit of φ_D − φ_i (corrected 14)", "D (SOC: D < 0)", "0 (sign boundary)"],
            yRange: -bound...bound)
    }

    private static func gridSeries(axes: [SweepAxis], points: [ParameterValues], rows: [Row]) throws -> DataSeries {
        var columns = axes.map { axis in
            SeriesColumn(name: axis.parameter, unit: "model parameter", values: points.map { $0.real(axis.parameter) ?? .nan })
        }
        columns += [
            SeriesColumn(name: "beta_minus_mu", unit: "beta - mu", values: rows.map(\.betaMinusMu)),
            SeriesColumn(name: "D", unit: "SOC: D < 0", values: rows.map(\.table.secondOrderValue)),
            SeriesColumn(name: "phi", unit: "eq. (9)", values: rows.map { $0.value(0) }),
            SeriesColumn(name: "d_distance_d_rho", unit: "per unit of phi_D - phi_i", values: rows.map { $0.value(1) }),
            SeriesColumn(name: "d_distance_d_theta", unit: "per unit of phi_D - phi_i", values: rows.map { $0.value(2) }),
        ]
        let names = ["holds_12", "holds_13", "holds_14", "holds_prop5", "holds_11"]
        for (index, name) in names.enumerated() {
            columns.append(SeriesColumn(name: name, unit: "1 = holds", values: rows.map { $0.holds(index) ? 1 : 0 }))
        }
        columns.append(SeriesColumn(name: "soc", unit: "1 = maximum", values: rows.map { $0.table.isProfitMaximum ? 1 : 0 }))
        columns.append(SeriesColumn(name: "consistent_phi", unit: "NaN: no equilibrium", values: rows.map(\.consistentPhi)))
        return try DataSeries(stem: "propositions", title: "Regime table at every sweep point", columns: columns)
    }

    /// `propositions.csv`: one row per grid point.
    func csv() -> String {
        let header = axes.map(\.parameter) + ["beta_minus_mu", "D", "soc_maximum", "phi", "holds_12", "d_distance_d_rho", "holds_13",
                                             "d_distance_d_theta", "holds_14", "prop5_slope", "holds_prop5", "d_phiD_d_phi",
                                             "holds_11", "consistent_phi", "consistent_d_distance_d_rho",
                                             "consistent_d_distance_d_theta"]
        func number(_ value: Double) -> String { value.isFinite ? "\(value)" : "" }
        let lines = zip(points, rows).map { values, row -> String in
            var cells = axes.map { number(values.real($0.parameter) ?? .nan) }
            cells += [number(row.betaMinusMu), number(row.table.secondOrderValue), row.table.isProfitMaximum ? "1" : "0"]
            for index in 0..<5 { cells += [number(row.value(index)), row.holds(index) ? "1" : "0"] }
            cells += [number(row.consistentPhi), number(row.consistentSpillover), number(row.consistentCapability)]
            return cells.joined(separator: ",")
        }
        return ([header.joined(separator: ",")] + lines).joined(separator: "\n") + "\n"
    }
}
