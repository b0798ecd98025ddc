import Foundation

/// Equal-width bin counts of a sample, for sampling-distribution plots.
struct Histogram: Equatable {
    /// Lower edge of the first bin.
    let lowerEdge: Double
    /// Width of every bin.
    let binWidth: Double
    /// Number of observations per bin.
    let counts: [Int]

    /// Centres of the bins.
    var centers: [Double] { counts.indices.map { lowerEdge + (Double($0) + 0.5) * binWidth } }
    /// Upper edge of the last bin.
    var upperEdge: Double { lowerEdge + Double(counts.count) * binWidth }

    /// Bins the finite values of `sample` into ⌈2·n^⅓⌉ bins (Rice rule) clamped to 5…60.
    /// A sample without spread gets one bin of width `fallbackWidth` centred on its value.
    /// Returns nil when there is no finite value or the range overflows.
    init?(sample: [Double], fallbackWidth: Double) {
        let finite = sample.filter(\.isFinite)
        guard let minimum = finite.min(), let maximum = finite.max() else { return nil }
        let range = maximum - minimum
        guard range.isFinite else { return nil }
        if range == 0 {
            let width = fallbackWidth.isFinite && fallbackWidth > 0 ? fallbackWidth : max(abs(minimum) * 1e-3, 1e-9)
            lowerEdge = minimum - width / 2
            binWidth = width
            counts = [finite.count]
            return
        }
        let rice = (2 * cbrt(Double(finite.count))).rounded(.up)
        let binCount = Int(min(max(rice, 5), 60))
        let width = range / Double(binCount)
        var counts = [Int](repeating: 0, count: binCount)
        for value in finite {
            let position = ((value - minimum) / width).rounded(.down)
            let index = position.isFinite ? min(max(Int(position), 0), binCount - 1) : binCount - 1
            counts[index] += 1
        }
        lowerEdge = minimum
        binWidth = width
        self.counts = counts
    }
}

