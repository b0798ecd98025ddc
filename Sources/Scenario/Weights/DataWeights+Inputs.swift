import Foundation
import PanelData
import Spatial

/// Reading the builders' inputs from the user's CSV.
extension DataWeights {
    static func buildRaw(_ request: Request) throws -> SpatialWeights {
        let distance: SpatialDistance = request.greatCircle ? .earth : .planar
        switch request.builder {
        case .nearestNeighbours(let k):
            let points = try coordinates(request)
            return try SpatialWeightsBuilder.nearestNeighbours(identifiers: points.ids, x: points.x, y: points.y, k: k,
                                                               distance: distance, rowStandardize: false)
        case .inverseDistance(let power, let cutoff):
            let points = try coordinates(request)
            return try SpatialWeightsBuilder.inverseDistance(identifiers: points.ids, x: points.x, y: points.y, power: power,
                                                             cutoff: cutoff, distance: distance, rowStandardize: false)
        case .contiguity:
            let separator = try request.delimiter.map { try UserDataFile.delimiter($0).byte }
            let pairs = try SpatialWeightsReader.read(path: request.inputPath, format: .edges, delimiter: separator)
            return try SpatialWeightsBuilder.contiguity(symmetrizing: pairs, rowStandardize: false)
        case .economicDistance:
            let (file, ids) = try unitKeys(request)
            let value = try required(request.valueColumn, "--value (the attribute whose unit means are compared, e.g. GDP per capita)")
            let values = try numbers(file, value)
            var sums: [String: (sum: Double, count: Int)] = [:]
            var order: [String] = []
            for (row, id) in ids.enumerated() where !values[row].isNaN {
                if sums[id] == nil { order.append(id) }
                sums[id, default: (0, 0)].sum += values[row]
                sums[id, default: (0, 0)].count += 1
            }
            let withoutValue = Set(ids).subtracting(order)
            if let unit = ids.first(where: { withoutValue.contains($0) }) {
                throw InvalidInput(description: "error: unit \(unit) has no value of '\(value)' in \(request.inputPath); "
                                   + "every unit needs at least one to have a mean")
            }
            let means = order.map { sums[$0]!.sum / Double(sums[$0]!.count) }
            return try SpatialWeightsBuilder.economicDistance(identifiers: order, means: means, rowStandardize: false)
        case .gravity(let a, let b, let c, let cutoff):
            let points = try coordinates(request)
            let massColumn = try required(request.massColumn, "--mass (the column of unit masses, e.g. GDP or population)")
            let masses = try numbers(points.file, massColumn)
            if let row = masses.firstIndex(where: { $0.isNaN }) {
                throw InvalidInput(description: "\(points.file.location(ofDataRow: row, column: massColumn)): error: the mass is missing")
            }
            return try SpatialWeightsBuilder.gravity(identifiers: points.ids, masses: masses, x: points.x, y: points.y,
                                                     originExponent: a, destinationExponent: b, distanceExponent: c,
                                                     cutoff: cutoff, distance: distance, rowStandardize: false)
        case .flows(let symmetrize):
            let separator = try request.delimiter.map { try UserDataFile.delimiter($0).byte }
            let flows = try SpatialWeightsReader.read(path: request.inputPath, delimiter: separator, dropDiagonal: true)
            return try SpatialWeightsBuilder.flows(flows, symmetrize: symmetrize, rowStandardize: false)
        }
    }

    static func required(_ value: String?, _ what: String) throws -> String {
        guard let value else { throw InvalidInput(description: "error: this builder needs \(what)") }
        return value
    }

    /// The file and the canonical unit key of every row (a missing id is a located error).
    static func unitKeys(_ request: Request) throws -> (UserDataFile, [String]) {
        let idColumn = try required(request.idColumn, "--id (the unit id column)")
        let file = try UserDataFile.read(path: request.inputPath, delimiter: request.delimiter)
        let column: Column
        do {
            column = try file.data.column(named: idColumn)
        } catch {
            throw InvalidInput(description: file.message(for: error))
        }
        let keys = SpatialUnitKey.keys(of: column)
        if let row = keys.firstIndex(where: { $0 == nil || $0 == "" }) {
            throw InvalidInput(description: "\(file.location(ofDataRow: row, column: idColumn)): error: the unit id is missing")
        }
        return (file, keys.map { $0 ?? "" })
    }

    /// A numeric column (missing values as NaN), with located messages for text or unknown columns.
    static func numbers(_ file: UserDataFile, _ name: String) throws -> [Double] {
        do {
            return try file.data.doubles(name)
        } catch PanelDataError.wrongColumnType {
            let cell = try? file.data.column(named: name).firstTextCell()
            let where_ = cell.map { file.location(ofDataRow: $0.row, column: name) + ": '\($0.text)'" } ?? name
            throw InvalidInput(description: "\(where_): error: column '\(name)' must hold numbers")
        } catch {
            throw InvalidInput(description: file.message(for: error))
        }
    }

    /// One row per unit: ids, x and y (missing coordinates are located errors; a repeated id is an error).
    static func coordinates(_ request: Request) throws -> (file: UserDataFile, ids: [String], x: [Double], y: [Double]) {
        let (file, ids) = try unitKeys(request)
        let xName = try required(request.xColumn, request.greatCircle ? "--x (longitude in degrees)" : "--x (the first coordinate)")
        let yName = try required(request.yColumn, request.greatCircle ? "--y (latitude in degrees)" : "--y (the second coordinate)")
        let x = try numbers(file, xName), y = try numbers(file, yName)
        for (name, values) in [(xName, x), (yName, y)] {
            if let row = values.firstIndex(where: { !$0.isFinite }) {
                throw InvalidInput(description: "\(file.location(ofDataRow: row, column: name)): error: the coordinate is missing")
            }
        }
        var firstRow: [String: Int] = [:]
        for (row, id) in ids.enumerated() {
            if let earlier = firstRow[id] {
                throw InvalidInput(description: "\(file.location(ofDataRow: row, column: request.idColumn)): error: unit \(id) has a second row "
                                   + "(first at \(file.location(ofDataRow: earlier))); a coordinates file needs one row per unit")
            }
            firstRow[id] = row
        }
        return (file, ids, x, y)
    }
}
