/// Multiple estimation, as fixest's: one formula text standing for several models.
extension FormulaParser {
    /// The models a formula with stepwise functions or several dependent variables stands
    /// for, in fixest's order; each formula's `source` is its concrete text.
    ///
    /// - `sw(a, b)`: a model with `a`, then one with `b`.
    /// - `sw0(a, b)`: first none of them, then `a`, then `b`.
    /// - `csw(a, b)`: `a`, then `a + b` (cumulative).
    /// - `csw0(a, b)`: none, `a`, then `a + b`.
    /// - `c(y1, y2) ~ …` or `y1 + y2 ~ …`: one model per dependent variable.
    ///
    /// A stepwise function may stand, once, in the right-hand side and once in the fixed
    /// effects, as a whole term. The fixed-effect variants form the outer loop, then the
    /// dependent variables, then the right-hand-side variants (fixest's fixef, lhs, rhs order).
    /// A formula without them gives exactly `[parse(text)]`.
    ///
    /// - Throws: `FormulaError` located in `text` for a misplaced, nested, empty or second
    ///   stepwise function; located in the concrete formula for what `parse` rejects there.
    /// The most models one formula may stand for (the product of its stepwise functions' lengths).
    public static let maximumModels = 1_000

    public static func expand(_ text: String) throws -> [Formula] {
        try expandedSources(text).map(parse)
    }

    /// The concrete formula texts `expand` parses, in the same order.
    ///
    /// - Throws: `FormulaError` for a misplaced, nested or empty multiple-estimation function.
    public static func expandedSources(_ text: String) throws -> [String] {
        let tokens = try FormulaLexer.tokens(of: text)
        let scanner = MultipleEstimationScanner(source: text, tokens: tokens)
        guard let segments = try scanner.segments() else { return [text] }
        var slots: [[[FormulaEdit]]] = []
        for segment in segments where segment.part == .fixedEffects {
            for call in segment.calls { slots.append(stepwiseVariants(call, in: segment, scanner)) }
        }
        if let lhs = segments.first, let variants = dependentVariants(lhs, scanner) {
            slots.append(variants)
        }
        for segment in segments where segment.part == .rightHandSide {
            for call in segment.calls { slots.append(stepwiseVariants(call, in: segment, scanner)) }
        }
        guard !slots.isEmpty else { return [text] }
        var models = 1
        for slot in slots {
            models = models.multipliedReportingOverflow(by: max(slot.count, 1)).partialValue
            guard models <= maximumModels, models > 0 else {
                throw FormulaError(source: text, offset: 0, length: text.count,
                                   message: "the multiple-estimation functions (sw, csw, c(…)) would give more than "
                                       + "\(maximumModels) models; split the formula into several")
            }
        }
        var combinations: [[FormulaEdit]] = [[]]
        for slot in slots {
            combinations = combinations.flatMap { prefix in slot.map { prefix + $0 } }
        }
        return combinations.map { edits in
            var characters = scanner.characters
            for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
                characters.replaceSubrange(edit.range, with: Array(edit.replacement))
            }
            return String(characters).trimmingWhitespace()
        }
    }

    /// One edit list per model of a stepwise call: its arguments joined with `+`, or the
    /// call removed (with its `+`, or its whole fixed-effect part) for a model without them.
    private static func stepwiseVariants(_ call: MultipleEstimationCall, in segment: MultipleEstimationScanner.Segment,
                                         _ scanner: MultipleEstimationScanner) -> [[FormulaEdit]] {
        let tokens = scanner.tokens
        let start = tokens[call.nameIndex].offset
        let end = tokens[call.closeIndex].offset + 1
        let before = call.nameIndex - 1
        let after = call.closeIndex + 1
        let limit = scanner.characters.count
        let removal: FormulaEdit
        if tokens[before].kind == .plus {
            let stop = tokens[after].kind == .end ? limit : tokens[after].offset
            removal = FormulaEdit(range: tokens[before].offset..<stop, replacement: "")
        } else if tokens[after].kind == .plus {
            removal = FormulaEdit(range: start..<tokens[after + 1].offset, replacement: "")
        } else if segment.part == .fixedEffects, let pipe = segment.pipeIndex {
            let stop = tokens[after].kind == .end ? limit : tokens[after].offset
            removal = FormulaEdit(range: tokens[pipe].offset..<stop, replacement: "")
        } else {
            removal = FormulaEdit(range: start..<end, replacement: "1")
        }
        return call.function.steps(call.arguments).map { step in
            step.isEmpty ? [removal] : [FormulaEdit(range: start..<end, replacement: step.joined(separator: " + "))]
        }
    }

    /// One edit per dependent variable of `c(y1, y2) ~` or `y1 + y2 ~`, or nil for a single one.
    private static func dependentVariants(_ lhs: MultipleEstimationScanner.Segment,
                                          _ scanner: MultipleEstimationScanner) -> [[FormulaEdit]]? {
        let tokens = scanner.tokens
        if let call = lhs.calls.first {
            let range = tokens[call.nameIndex].offset..<(tokens[call.closeIndex].offset + 1)
            return call.arguments.map { [FormulaEdit(range: range, replacement: $0)] }
        }
        guard !lhs.tokens.isEmpty else { return nil }
        var pieces: [String] = []
        var pieceStart = lhs.tokens.lowerBound
        var depth = 0
        for index in lhs.tokens {
            switch tokens[index].kind {
            case .openParenthesis: depth += 1
            case .closeParenthesis: depth -= 1
            case .plus where depth == 0:
                guard index > pieceStart else { return nil }
                pieces.append(scanner.text(from: pieceStart, to: index - 1))
                pieceStart = index + 1
            default: break
            }
        }
        guard !pieces.isEmpty, pieceStart < lhs.tokens.upperBound else { return nil }
        pieces.append(scanner.text(from: pieceStart, to: lhs.tokens.upperBound - 1))
        let last = tokens[lhs.tokens.upperBound - 1]
        let range = tokens[lhs.tokens.lowerBound].offset..<(last.offset + last.length)
        return pieces.map { [FormulaEdit(range: range, replacement: $0)] }
    }
}

/// Replace the characters `range` of a formula's source by `replacement`.
struct FormulaEdit {
    let range: Range<Int>
    let replacement: String
}

fileprivate extension String {
    /// The string without leading and trailing whitespace (no Foundation needed).
    func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
