import Measures

extension SophisticationInput {
    /// `FILE:LINE:COLUMN (column 'NAME'): error: …` for a ``SophisticationError`` on this file, with its ids.
    func message(for error: Error) -> String {
        guard let error = error as? SophisticationError else { return "error: \(error)" }
        let exportsName = request.exportsColumn, gdpName = request.gdpPerCapitaColumn
        func cell(_ region: Int, _ product: Int, _ time: Int) -> String {
            "region \(regionLabels[region]), product \(productLabels[product]), \(request.timeColumn) \(timeLabels[time])"
        }
        switch error {
        case let .invalidExports(row, region, product, time, value):
            let problem = value.isFinite ? "is negative" : "is not a finite number"
            return "\(file.location(ofDataRow: row, column: exportsName)): error: exports \(value) (\(cell(region, product, time))) "
                + "\(problem); exports must be finite and ≥ 0"
        case let .duplicateExports(row, firstRow, region, product, time):
            return "\(file.location(ofDataRow: row, column: request.productColumn)): error: \(cell(region, product, time)) "
                + "has a second row (the first is at \(file.location(ofDataRow: firstRow))); each (region, product, time) needs one row"
        case let .invalidGDPPerCapita(row, region, time, value):
            let dataRow = incomeRows.indices.contains(row) ? incomeRows[row] : row
            return "\(file.location(ofDataRow: dataRow, column: gdpName)): error: GDP per capita \(value) of region "
                + "\(regionLabels[region]) in \(timeLabels[time]) must be finite and > 0"
        case let .zeroTotalExports(region, time, firstRow):
            return "\(file.location(ofDataRow: firstRow, column: exportsName)): error: region \(regionLabels[region]) exports nothing "
                + "in \(timeLabels[time]) (every one of its rows is 0), so its export shares e/E and MET are undefined; "
                + "drop that region-period's rows or check the exports column"
        case let .missingGDPPerCapita(region, time, firstRow):
            return "\(file.location(ofDataRow: firstRow, column: gdpName)): error: region \(regionLabels[region]) has exports in "
                + "\(timeLabels[time]) but no GDP per capita"
        case let .unexportedProduct(product, time, firstRow):
            return "\(file.location(ofDataRow: firstRow, column: request.productColumn)): error: product \(productLabels[product]) "
                + "is exported by no region in \(timeLabels[time]) (all its rows are 0), so its RTV (PRODY) is undefined; "
                + "--unexported-products exclude leaves such products out (they weigh 0 in every MET)"
        case .invalidCount, .lengthMismatch, .codeOutOfRange, .duplicateGDPPerCapita:
            return "error: \(error)"
        }
    }
}
