import Foundation
import Estimation
import PanelData

/// A user's delimited text file read for `hetfirm estimate` and `hetfirm mediate`: the separator
/// given with `--delimiter` or detected from the file, and the messages that point back into the
/// file (a text cell used as a number, a column the header does not have).
struct UserDataFile: Sendable {
    let path: String
    let data: Dataset
    /// How the separator was chosen.
    let delimiter: CSVDelimiterDetection
    let options: CSVReadOptions

    /// The separators `--delimiter` accepts, for messages.
    static let delimiterNames = "',' (or comma), ';' (semicolon), 'tab' and '|' (pipe)"

    /// Parses `--delimiter`: `,` `;` `tab` `|`, or their names.
    static func delimiter(_ text: String) throws -> CSVDelimiter {
        switch text.lowercased() {
        case ",", "comma": return .comma
        case ";", "semicolon": return .semicolon
        case "tab", "\t", "\\t", "tsv": return .tab
        case "|", "pipe": return .pipe
        default:
            throw InvalidInput(description: "error: --delimiter '\(text)' is not one of \(delimiterNames)")
        }
    }

    /// Reads `path` with the delimiter `given` (text of `--delimiter`), or the one detected when nil.
    ///
    /// - Throws: `InvalidInput` naming the file, row, column and value for a malformed file.
    static func read(path: String, delimiter given: String?) throws -> UserDataFile {
        do {
            let choice: CSVDelimiterDetection
            if let given {
                choice = CSVDelimiterDetection(given: try delimiter(given))
            } else {
                choice = try CSVDelimiterDetection.detect(path: path)
            }
            var options = CSVReadOptions()
            options.delimiter = choice.delimiter.byte
            let data = try CSVReader.read(path: path, options: options)
            return UserDataFile(path: path, data: data, delimiter: choice, options: options)
        } catch let error as PanelDataError {
            throw InvalidInput(description: "error: \(error)")
        }
    }

    /// The message for an error met while estimating on this file: a text cell is located by its
    /// line and column; an unknown column says how the file was split into columns.
    ///
    /// - Parameter rowMap: the dataset row of each row of the data the error refers to (a split sample).
    func message(for error: Error, rowMap: [Int]? = nil) -> String {
        switch error {
        case EstimationError.notNumeric(let variable, let row, let value):
            return textCellMessage(variable: variable, row: rowMap.map { $0.indices.contains(row) ? $0[row] : row } ?? row,
                                   value: value)
        case PanelDataError.unknownColumn:
            return "error: \(error) \(columnsNote())"
        case EstimationError.invalidWeight(let variable, let row, let value):
            let dataRow = rowMap.map { $0.indices.contains(row) ? $0[row] : row } ?? row
            return "\(location(ofDataRow: dataRow, column: variable)): error: the weight is "
                + (value.isNaN ? "missing" : "\(value)") + "; weights must be finite and ≥ 0 (rows with weight 0 are left out)"
        case PanelDataError.duplicatePanelKey(let row, let unit, let time):
            return "\(location(ofDataRow: row)): error: unit '\(unit)' has more than one row at time \(time); "
                + "a panel (--panel ID,TIME) needs each (unit, time) pair once"
        case PanelDataError.invalidTime(let column, let row, let value):
            return "\(location(ofDataRow: row, column: column)): error: the time column '\(column)' holds "
                + "'\(EstimationError.shortened(value))'; panel times must be whole numbers (years, periods)"
        case EstimationError.tooFewClusters(_, _, true):
            return "error: \(error) (--vcov iid, --vcov hc1 or --vcov cluster=VAR)"
        default:
            return "error: \(error)"
        }
    }

    /// Throws the located message for the first column `formula` reads as a number that holds
    /// text, checked on the whole file so that a split sample without the text cell still fails
    /// and names it.
    func checkNumeric(_ formula: Formula) throws {
        for name in formula.numericVariables {
            guard let column = try? data.column(named: name), let cell = column.firstTextCell() else { continue }
            throw InvalidInput(description: textCellMessage(variable: name, row: cell.row, value: cell.text))
        }
    }

    /// `FILE:LINE:COLUMN: error: …` for a text cell in a column used as a number.
    func textCellMessage(variable: String, row: Int, value: String) -> String {
        let column = (data.columnNames.firstIndex(of: variable) ?? 0) + 1
        let line = (try? CSVReader.line(ofDataRow: row, path: path, options: options)) ?? nil
        let location = line.map { "\(path):\($0):\(column) (column '\(variable)')" } ?? "\(path) (column '\(variable)')"
        var message = "\(location): error: '\(EstimationError.shortened(value))' is not a number, so column '\(variable)' "
            + "is read as text and cannot be " + EstimationError.factorAdvice(variable)
        if Self.hasDecimalComma(value) {
            message += ". Decimal commas are not read: write a decimal point"
        } else if value.isEmpty {
            message += ". A quoted empty cell \"\" is the empty text: leave a missing cell unquoted and empty, or write NA"
        }
        return message
    }

    /// `FILE:LINE` (or `FILE:LINE:COLUMN (column 'NAME')`) for a 0-based dataset row.
    func location(ofDataRow row: Int, column name: String? = nil) -> String {
        let line = (try? CSVReader.line(ofDataRow: row, path: path, options: options)) ?? nil
        var text = path + (line.map { ":\($0)" } ?? " (data row \(row + 1))")
        if let name, let index = data.columnNames.firstIndex(of: name) { text += (line == nil ? "" : ":\(index + 1)") + " (column '\(name)')" }
        return text
    }

    /// How the file was split into columns, for an unknown-column message.
    func columnsNote() -> String {
        let names = data.columnNames
        let shown = names.prefix(8).map { "'\(EstimationError.shortened($0))'" }.joined(separator: ", ")
            + (names.count > 8 ? ", … (\(names.count) in all)" : "")
        let columns = names.count == 1 ? "1 column, \(shown)" : "\(names.count) columns: \(shown)"
        return "(the file was read as \(delimiter.delimiter.name)-separated, \(delimiter.explanation); "
            + "its header has \(columns); if it uses another separator, give --delimiter with one of \(Self.delimiterNames))"
    }

    /// Whether `text` looks like a number written with a decimal comma (`1,5`, `-0,25`).
    static func hasDecimalComma(_ text: String) -> Bool {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        let whole = parts[0].hasPrefix("-") || parts[0].hasPrefix("+") ? parts[0].dropFirst() : parts[0]
        return !whole.isEmpty && !parts[1].isEmpty && whole.allSatisfy(\.isASCIIDigitCharacter)
            && parts[1].allSatisfy(\.isASCIIDigitCharacter)
    }
}

private extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}

extension PanelDeclaration {
    /// The declaration written as `--panel ID,TIME`, or the bad-input error that says how to write it.
    static func parsingOption(_ text: String) throws -> PanelDeclaration {
        guard let declaration = PanelDeclaration(parsing: text), declaration.unit != declaration.time else {
            throw InvalidInput(description: "error: --panel must name the unit and the time column, ID,TIME (e.g. --panel firm,year), not '\(text)'")
        }
        return declaration
    }
}
