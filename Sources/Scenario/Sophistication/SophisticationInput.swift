import Foundation
import Measures
import PanelData

/// The user's long table read for `hetfirm sophistication`: codes for ``ExportSophistication`` with the
/// file's ids as labels, the GDP-per-capita table (one row per region-period), and the messages that
/// turn a ``SophisticationError`` into `FILE:LINE:COLUMN` form.
///
/// Region, product and period ids are read as text, exactly as written (`01` and `1` are two regions;
/// product codes keep their leading zeros). Periods are ordered by value when every period id is a
/// number (`2004` and `2004.0` are then one period), else in order of first appearance.
struct SophisticationInput {
    let request: DataSophistication.Request
    let file: UserDataFile
    let exports: RegionalExports
    let income: RegionalIncome
    /// The data row of each row of `income` (the region-period's first row).
    let incomeRows: [Int]
    let regionLabels: [String]
    let productLabels: [String]
    let timeLabels: [String]

    static func read(_ request: DataSophistication.Request) throws -> SophisticationInput {
        let roles = [("--region", request.regionColumn), ("--product", request.productColumn), ("--time", request.timeColumn),
                     ("--exports", request.exportsColumn), ("--gdp-per-capita", request.gdpPerCapitaColumn)]
        for (index, role) in roles.enumerated() {
            if let other = roles[..<index].first(where: { $0.1 == role.1 }) {
                throw InvalidInput(description: "error: \(other.0) and \(role.0) name the same column '\(role.1)'; each role needs its own column")
            }
        }
        let file = try readFile(request)
        let data = file.data
        func ids(_ name: String, _ what: String) throws -> (codes: [Int32], labels: [String]) {
            let (codes, labels) = try data.factorCodes(name)
            if let row = codes.firstIndex(of: -1) {
                throw InvalidInput(description: "\(file.location(ofDataRow: row, column: name)): error: the \(what) id is missing")
            }
            return (codes, labels)
        }
        let region = try ids(request.regionColumn, "region")
        let product = try ids(request.productColumn, "product")
        let time = try ids(request.timeColumn, "time")
        let (timeOfLabel, timeLabels) = periods(time.labels)

        let exportsValues = try DataWeights.numbers(file, request.exportsColumn)
        let gdpValues = try DataWeights.numbers(file, request.gdpPerCapitaColumn)
        let exportsColumn = try data.column(named: request.exportsColumn), gdpColumn = try data.column(named: request.gdpPerCapitaColumn)
        let rows = data.rowCount
        var regionCodes = [Int](repeating: 0, count: rows), productCodes = regionCodes, timeCodes = regionCodes
        let regionCount = region.labels.count
        var incomeCell = [Int](repeating: -1, count: regionCount * timeLabels.count)
        var incomeRegion: [Int] = [], incomeTime: [Int] = [], incomeValue: [Double] = [], incomeRows: [Int] = []
        for row in 0..<rows {
            if exportsColumn.isMissing(row) {
                throw InvalidInput(description: "\(file.location(ofDataRow: row, column: request.exportsColumn)): error: "
                                   + "the exports value is missing; write 0 for a product the region did not export")
            }
            if gdpColumn.isMissing(row) {
                throw InvalidInput(description: "\(file.location(ofDataRow: row, column: request.gdpPerCapitaColumn)): error: "
                                   + "GDP per capita is missing; every row needs its region-period's value")
            }
            let r = Int(region.codes[row]), t = timeOfLabel[Int(time.codes[row])]
            regionCodes[row] = r
            productCodes[row] = Int(product.codes[row])
            timeCodes[row] = t
            let cell = t * regionCount + r, value = gdpValues[row]
            if incomeCell[cell] < 0 {
                incomeCell[cell] = incomeValue.count
                incomeRegion.append(r)
                incomeTime.append(t)
                incomeValue.append(value)
                incomeRows.append(row)
            } else if !(value == incomeValue[incomeCell[cell]]) {
                let first = incomeRows[incomeCell[cell]]
                throw InvalidInput(description: "\(file.location(ofDataRow: row, column: request.gdpPerCapitaColumn)): error: "
                                   + "GDP per capita \(value) of region \(region.labels[r]) in \(timeLabels[t]) differs from "
                                   + "\(incomeValue[incomeCell[cell]]) at \(file.location(ofDataRow: first)); "
                                   + "it must be the same on every row of a region-period")
            }
        }
        let exports = RegionalExports(regionCount: regionCount, productCount: product.labels.count, timeCount: timeLabels.count,
                                      region: regionCodes, product: productCodes, time: timeCodes, exports: exportsValues)
        return SophisticationInput(request: request, file: file, exports: exports,
                                   income: RegionalIncome(region: incomeRegion, time: incomeTime, gdpPerCapita: incomeValue),
                                   incomeRows: incomeRows, regionLabels: region.labels, productLabels: product.labels,
                                   timeLabels: timeLabels)
    }

    /// Reads DATA with the three id columns as text (one pass over the file); an unknown column is
    /// named with the columns the header has.
    static func readFile(_ request: DataSophistication.Request) throws -> UserDataFile {
        let choice: CSVDelimiterDetection
        do {
            choice = try request.delimiter.map { CSVDelimiterDetection(given: try UserDataFile.delimiter($0)) }
                ?? CSVDelimiterDetection.detect(path: request.dataPath)
        } catch let error as PanelDataError {
            throw InvalidInput(description: "error: \(error)")
        }
        var options = CSVReadOptions()
        options.delimiter = choice.delimiter.byte
        for name in [request.regionColumn, request.productColumn, request.timeColumn] { options.columnTypes[name] = .factor }
        let file: UserDataFile
        do {
            file = UserDataFile(path: request.dataPath, data: try CSVReader.read(path: request.dataPath, options: options),
                                delimiter: choice, options: options)
        } catch PanelDataError.unknownColumn {
            // Read it without the overrides for the message that lists the header's columns.
            let plain = try UserDataFile.read(path: request.dataPath, delimiter: request.delimiter)
            let name = [request.regionColumn, request.productColumn, request.timeColumn]
                .first { !plain.data.columnNames.contains($0) } ?? request.regionColumn
            throw InvalidInput(description: plain.message(for: unknown(name, plain)))
        } catch let error as PanelDataError {
            throw InvalidInput(description: "error: \(error)")
        }
        for name in [request.exportsColumn, request.gdpPerCapitaColumn] where !file.data.columnNames.contains(name) {
            throw InvalidInput(description: file.message(for: unknown(name, file)))
        }
        return file
    }

    /// The dataset's own unknown-column error (with its did-you-mean suggestion).
    static func unknown(_ name: String, _ file: UserDataFile) -> Error {
        do {
            _ = try file.data.column(named: name)
            return PanelDataError.unknownColumn(name: name, suggestion: nil)
        } catch {
            return error
        }
    }

    /// The file line of a 0-based data row (nil when it cannot be found).
    func lineNumber(ofDataRow row: Int) -> Int? {
        (try? CSVReader.line(ofDataRow: row, path: file.path, options: file.options)) ?? nil
    }

    /// Whether `text` is a plain decimal number (digits, sign, point, exponent): `2004`, `2004.5`, `1e3`.
    static func isDecimalNumber(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
            && text.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E || $0 == 0x65 || $0 == 0x45 }
    }

    /// The period of each time label and the periods' labels: by value when every label is a number
    /// (equal values are one period, labelled by the first spelling), else in order of first appearance.
    static func periods(_ labels: [String]) -> (periodOfLabel: [Int], periodLabels: [String]) {
        let values = labels.map { label -> Double? in
            let trimmed = label.trimmingCharacters(in: .whitespaces)
            guard isDecimalNumber(trimmed), let value = Double(trimmed), value.isFinite else { return nil }
            return value
        }
        guard !labels.isEmpty, values.allSatisfy({ $0 != nil }) else { return (Array(labels.indices), labels) }
        let numbers = values.map { $0! }
        var distinct: [Double] = []
        var firstLabel: [Double: String] = [:]
        for (index, value) in numbers.enumerated() where firstLabel[value] == nil {
            firstLabel[value] = labels[index]
            distinct.append(value)
        }
        distinct.sort()
        let periodOfValue = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, $0) })
        return (numbers.map { periodOfValue[$0]! }, distinct.map { firstLabel[$0]! })
    }
}
