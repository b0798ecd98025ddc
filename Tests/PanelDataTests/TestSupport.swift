@testable import PanelData

/// Reads CSV text held in a string.
func readCSV(_ text: String, options: CSVReadOptions = .init()) throws -> Dataset {
    try CSVReader.read(bytes: Array(text.utf8), fileName: "test.csv", options: options)
}

/// The location of the `csv` error thrown when reading `text`, or `nil` if none (or
/// another error) is thrown.
func csvErrorLocation(
    _ text: String, options: CSVReadOptions = .init()
) -> (row: Int, column: Int, columnName: String?, reason: String)? {
    do {
        _ = try readCSV(text, options: options)
        return nil
    } catch let PanelDataError.csv(file, row, column, columnName, reason) {
        guard file == "test.csv" else { return nil }
        return (row, column, columnName, reason)
    } catch {
        return nil
    }
}
