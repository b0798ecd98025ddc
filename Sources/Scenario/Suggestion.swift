/// "Did you mean …?" for misspelt keys, sections, models and options.
enum Suggestion {
    /// The closest candidate: Levenshtein distance ≤ 2, or a shared prefix of at least three
    /// characters (or one a prefix of the other); ties go to the smaller distance, then to
    /// the earlier candidate.
    static func closest(to word: String, among candidates: [String]) -> String? {
        let lowered = word.lowercased()
        var best: (candidate: String, score: Int)?
        for candidate in candidates {
            let other = candidate.lowercased()
            let distance = levenshtein(lowered, other)
            let prefix = commonPrefixLength(lowered, other)
            let isPrefix = !lowered.isEmpty && (other.hasPrefix(lowered) || lowered.hasPrefix(other)) && prefix >= 1
            guard distance <= 2 || prefix >= 3 || isPrefix else { continue }
            // Prefer small edit distances; prefix matches rank after close edits.
            let score = distance <= 2 ? distance : 3 + distance
            if let current = best, current.score <= score { continue }
            best = (candidate, score)
        }
        return best?.candidate
    }

    /// `did you mean 'sigma'?`, or the list of valid choices when nothing is close.
    static func fix(for word: String, among candidates: [String], quote: (String) -> String = { "'\($0)'" },
                    noun: String = "keys") -> String {
        if let match = closest(to: word, among: candidates) { return "did you mean \(quote(match))?" }
        if candidates.isEmpty { return "remove it: no \(noun) are allowed here" }
        return "valid \(noun): " + candidates.map(quote).joined(separator: ", ")
    }

    static func levenshtein(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    static func commonPrefixLength(_ a: String, _ b: String) -> Int {
        var count = 0
        for (x, y) in zip(a, b) {
            guard x == y else { break }
            count += 1
        }
        return count
    }
}
