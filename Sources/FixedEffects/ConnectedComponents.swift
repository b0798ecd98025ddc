/// Connected components of the bipartite graph of two factors.
public enum ConnectedComponents {
    /// Components of the bipartite graph whose vertices are the non-empty levels of `first` and
    /// `second` and whose edges are the observations (each links its level of `first` to its
    /// level of `second`). Union–find with path halving; rows missing in either factor are ignored.
    ///
    /// With two fixed effects, this is the number of FE coefficients not identified
    /// (Abowd, Creecy and Kramarz 2002): one reference level per component.
    public static func count(_ first: FactorCodes, _ second: FactorCodes) -> Int {
        let labels = componentLabels(first, second)
        return labels.componentCount
    }

    /// Component index (0-based, numbered by first appearance over levels of `first`, then `second`)
    /// of every level of each factor; −1 for empty levels.
    static func componentLabels(
        _ first: FactorCodes, _ second: FactorCodes
    ) -> (first: [Int], second: [Int], componentCount: Int) {
        let offset = first.levelCount
        var parent = Array(0..<(first.levelCount + second.levelCount))
        var used = [Bool](repeating: false, count: parent.count)
        func root(_ node: Int) -> Int {
            var node = node
            while parent[node] != node {
                parent[node] = parent[parent[node]]
                node = parent[node]
            }
            return node
        }
        let rows = Swift.min(first.codes.count, second.codes.count)
        for row in 0..<rows {
            let a = Int(first.codes[row]), b = Int(second.codes[row])
            guard a >= 0, a < first.levelCount, b >= 0, b < second.levelCount else { continue }
            used[a] = true
            used[offset + b] = true
            let ra = root(a), rb = root(offset + b)
            if ra != rb { parent[Swift.max(ra, rb)] = Swift.min(ra, rb) }
        }
        var componentOfRoot = [Int](repeating: -1, count: parent.count)
        var labels = [Int](repeating: -1, count: parent.count)
        var components = 0
        for node in 0..<parent.count where used[node] {
            let r = root(node)
            if componentOfRoot[r] < 0 {
                componentOfRoot[r] = components
                components += 1
            }
            labels[node] = componentOfRoot[r]
        }
        return (Array(labels[0..<offset]), Array(labels[offset...]), components)
    }
}
