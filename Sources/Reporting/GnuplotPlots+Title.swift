extension GnuplotPlots {
    /// Longest title line, in characters, that fits the 1200-pixel-wide terminals at the title font.
    static let maximumTitleLineLength = 80

    /// A plot title for a double-quoted gnuplot string: shown literally, broken into lines of at most
    /// ``maximumTitleLineLength`` characters (after a colon when that gives two lines that fit, else at
    /// spaces), with `note` below it in a smaller font when given.
    static func titleText(_ title: String, note: String? = nil) -> String {
        var lines = wrapped(title, width: maximumTitleLineLength).map(GnuplotText.literal)
        if let note {
            lines += wrapped(note, width: 125).map { "{/=11 " + GnuplotText.literal($0) + "}" }
        }
        return lines.joined(separator: "\\n")
    }

    /// `text` in lines of at most `width` characters (a single word longer than that keeps its own line).
    static func wrapped(_ text: String, width: Int) -> [String] {
        guard text.count > width else { return [text] }
        if let colon = text.range(of: ": ") {
            let head = String(text[..<colon.lowerBound]) + ":", tail = String(text[colon.upperBound...])
            if head.count <= width && tail.count <= width { return [head, tail] }
        }
        var lines: [String] = [], current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// A sentence saying which drawn series leave `yRange` and are cut off at its edge, or nil when
    /// none does (or no range is fixed), so that a clipped plot always says so.
    ///
    /// - Parameters:
    ///   - yRange: the fixed y range of the plot.
    ///   - series: each drawn series with its key title and the y values it reaches (for error bars,
    ///     both ends of every bar).
    ///   - dataFiles: the `.dat` files holding every value.
    static func clippingNote(yRange: ClosedRange<Double>?, series: [(title: String, values: [Double])], dataFiles: [String]) -> String? {
        guard let yRange else { return nil }
        let outside = series.compactMap { entry -> (title: String, low: Double, high: Double)? in
            let finite = entry.values.filter(\.isFinite)
            guard let low = finite.min(), let high = finite.max(), low < yRange.lowerBound || high > yRange.upperBound else { return nil }
            return (entry.title, low, high)
        }
        guard !outside.isEmpty else { return nil }
        let range = "[\(NumberFormat.general(yRange.lowerBound, digits: 4)), \(NumberFormat.general(yRange.upperBound, digits: 4))]"
        let files = dataFiles.joined(separator: " and ")
        if outside.count == 1, let entry = outside.first {
            var reach: [String] = []
            if entry.high > yRange.upperBound { reach.append("up to \(NumberFormat.general(entry.high, digits: 4))") }
            if entry.low < yRange.lowerBound { reach.append("down to \(NumberFormat.general(entry.low, digits: 4))") }
            return "cut off at the edge of the y range \(range): \(entry.title), reaching \(reach.joined(separator: " and ")); "
                + "every value is in \(files)"
        }
        return "cut off at the edge of the y range \(range): \(outside.count) of the series; every value is in \(files)"
    }
}
