/// Did-you-mean suggestions for misspelt column names, by Levenshtein distance.
enum NameSuggestion {
    /// The candidate closest to `name`, or `nil` if none is close enough.
    ///
    /// A case-insensitive exact match wins. Otherwise the candidate with the smallest
    /// edit distance (compared case-insensitively) is returned if that distance is at
    /// most `max(2, name.count / 3)` and smaller than the longer of the two names (so
    /// that unrelated short names are not suggested). Ties go to the earlier candidate.
    static func closest(to name: String, among candidates: [String]) -> String? {
        let query = Array(name.lowercased().unicodeScalars)
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let other = Array(candidate.lowercased().unicodeScalars)
            let distance = levenshtein(query, other)
            if distance == 0 { return candidate }
            let threshold = max(2, query.count / 3)
            guard distance <= threshold, distance < max(query.count, other.count) else { continue }
            if best == nil || distance < best?.distance ?? Int.max {
                best = (candidate, distance)
            }
        }
        return best?.name
    }

    /// Edit distance (insertions, deletions, substitutions) between two sequences.
    static func levenshtein<Element: Equatable>(_ left: [Element], _ right: [Element]) -> Int {
        if left.isEmpty { return right.count }
        if right.isEmpty { return left.count }
        var previous = Array(0...right.count)
        var current = [Int](repeating: 0, count: right.count + 1)
        for leftIndex in 1...left.count {
            current[0] = leftIndex
            for rightIndex in 1...right.count {
                let substitution = previous[rightIndex - 1] + (left[leftIndex - 1] == right[rightIndex - 1] ? 0 : 1)
                current[rightIndex] = min(substitution, previous[rightIndex] + 1, current[rightIndex - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[right.count]
    }
}
