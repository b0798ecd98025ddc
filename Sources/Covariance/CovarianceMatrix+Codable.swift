import Foundation
import Numerical

/// `Matrix` is not `Codable`, so the matrix is stored as `rows`, `columns` and row-major `elements`.
extension CovarianceMatrix: Codable {
    private enum CodingKeys: String, CodingKey {
        case rows, columns, elements, type, smallSampleFactor, parameterCount, clusterCounts
        case tDegreesOfFreedom, options, warnings
    }

    /// Decodes; throws `DecodingError.dataCorrupted` when the element count does not fit the shape.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let rows = try container.decode(Int.self, forKey: .rows)
        let columns = try container.decode(Int.self, forKey: .columns)
        let elements = try container.decode([Double].self, forKey: .elements)
        let matrix: Matrix
        do {
            matrix = try Matrix(rows: rows, columns: columns, elements: elements)
        } catch {
            throw DecodingError.dataCorruptedError(
                forKey: .elements, in: container, debugDescription: "\(elements.count) elements for \(rows) × \(columns)")
        }
        self.init(
            matrix: matrix,
            type: try container.decode(VcovType.self, forKey: .type),
            smallSampleFactor: try container.decode(Double.self, forKey: .smallSampleFactor),
            parameterCount: try container.decode(Int.self, forKey: .parameterCount),
            clusterCounts: try container.decode([Int].self, forKey: .clusterCounts),
            tDegreesOfFreedom: try container.decode(Int.self, forKey: .tDegreesOfFreedom),
            options: try container.decode(SmallSampleOptions.self, forKey: .options),
            warnings: try container.decode([String].self, forKey: .warnings))
    }

    /// Encodes the matrix as `rows`, `columns`, `elements` next to the other fields.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(matrix.rows, forKey: .rows)
        try container.encode(matrix.columns, forKey: .columns)
        try container.encode(matrix.elements, forKey: .elements)
        try container.encode(type, forKey: .type)
        try container.encode(smallSampleFactor, forKey: .smallSampleFactor)
        try container.encode(parameterCount, forKey: .parameterCount)
        try container.encode(clusterCounts, forKey: .clusterCounts)
        try container.encode(tDegreesOfFreedom, forKey: .tDegreesOfFreedom)
        try container.encode(options, forKey: .options)
        try container.encode(warnings, forKey: .warnings)
    }
}
