import Estimation
import Foundation

/// The JSON that `hetfirm estimate --json` writes (schema in docs/estimators/ols-fixed-effects.md, "JSON output").
///
/// One model gives one object (a ``RegressionResult``, or an ``IVResult`` for a 2SLS formula), several give an
/// array of them. Every regression object also carries `standardErrors`, `tStatistics` and `pValues` aligned with
/// `coefficientNames`. JSON has no NaN or infinity: such a value is written as `null`, and each top-level object
/// lists them in `nonFinite`, entries `{"path": JSON pointer within that object, "value": "NaN" | "Infinity" |
/// "-Infinity", "reason": why}` (an empty array when every number is finite). The output is always written.
public enum EstimationJSON {
    /// Strings that stand for non-finite numbers during encoding; a control character keeps them from
    /// colliding with any text of a result.
    static let sentinels = (nan: "\u{1}hetfirm:NaN", positive: "\u{1}hetfirm:Infinity", negative: "\u{1}hetfirm:-Infinity")

    /// The document for `results` (with the full 2SLS result where `instrumental` has one), pretty-printed with
    /// sorted keys and a final newline.
    /// With `convergence` (aligned with `results`), each object also has `"convergence"`: the speed and half-life
    /// implied by its growth regression (``ConvergenceSpeed``; absent values when β is outside (−1, 0)).
    public static func text(results: [RegressionResult], instrumental: [IVResult?], convergence: [ConvergenceSpeed]? = nil) throws -> String {
        let documents = try results.indices.map { index in
            var value = try document(results[index], instrumental: instrumental.indices.contains(index) ? instrumental[index] : nil)
            if let convergence, convergence.indices.contains(index) {
                value = inserting(["convergence": try encoded(convergence[index])], at: [], into: value)
            }
            return value
        }
        let root = documents.count == 1 ? documents[0] : JSONValue.array(documents)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(root), as: UTF8.self) + "\n"
    }

    /// One model's object: the result with se/t/p added and its non-finite numbers replaced and listed.
    public static func document(_ result: RegressionResult, instrumental: IVResult? = nil) throws -> JSONValue {
        var value: JSONValue
        var regressions: [(pointer: [String], result: RegressionResult)]
        if let instrumental {
            value = try encoded(instrumental)
            regressions = [(["secondStage"], instrumental.secondStage)]
            for (index, stage) in instrumental.firstStages.enumerated() {
                regressions.append((["firstStages", String(index), "regression"], stage.regression))
            }
        } else {
            value = try encoded(result)
            regressions = [([], result)]
        }
        var reasons: [String: String] = [:]
        for (pointer, regression) in regressions {
            value = inserting(inference(regression), at: pointer, into: value)
            for (keyPath, reason) in RegressionReasons.reasons(for: regression) {
                reasons[pointerText(pointer + keyPath)] = reason
            }
        }
        if let instrumental {
            let singular = "a Wald test whose covariance block is singular (for example fewer clusters than instruments); "
                + "see the warnings"
            for (index, stage) in instrumental.firstStages.enumerated() where !stage.fStatistic.statistic.isFinite {
                reasons[pointerText(["firstStages", String(index), "fStatistic", "statistic"])] = singular
            }
            if !instrumental.diagnostics.controlFunctionF.statistic.isFinite {
                reasons[pointerText(["diagnostics", "controlFunctionF", "statistic"])] = singular
            }
        }
        var nonFinite: [JSONValue] = []
        value = replacingSentinels(value, pointer: [], reasons: reasons, found: &nonFinite)
        guard case .object(var fields) = value else { return value }
        fields["nonFinite"] = .array(nonFinite)
        return .object(fields)
    }

    /// se, t and p of each coefficient, sentinel-encoded where not finite.
    static func inference(_ result: RegressionResult) -> [String: JSONValue] {
        func numbers(_ values: [Double]) -> JSONValue { .array(values.map(number)) }
        return ["standardErrors": numbers(result.standardErrors), "tStatistics": numbers(result.tStatistics),
                "pValues": numbers(result.pValues)]
    }

    static func number(_ value: Double) -> JSONValue {
        if value.isNaN { return .string(sentinels.nan) }
        if value.isInfinite { return .string(value > 0 ? sentinels.positive : sentinels.negative) }
        return .number(value)
    }

    /// `value` encoded with the sentinel strings for non-finite numbers, as a tree.
    static func encoded<Value: Encodable>(_ value: Value) throws -> JSONValue {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: sentinels.positive, negativeInfinity: sentinels.negative, nan: sentinels.nan)
        return try JSONDecoder().decode(JSONValue.self, from: try encoder.encode(value))
    }

    /// `fields` merged into the object at `pointer` (unchanged when there is no object there).
    static func inserting(_ fields: [String: JSONValue], at pointer: [String], into value: JSONValue) -> JSONValue {
        guard let head = pointer.first else {
            guard case .object(var object) = value else { return value }
            object.merge(fields) { _, new in new }
            return .object(object)
        }
        let rest = Array(pointer.dropFirst())
        switch value {
        case .object(var object):
            if let child = object[head] { object[head] = inserting(fields, at: rest, into: child) }
            return .object(object)
        case .array(var array):
            if let index = Int(head), array.indices.contains(index) { array[index] = inserting(fields, at: rest, into: array[index]) }
            return .array(array)
        default:
            return value
        }
    }

    /// Replaces every sentinel string by null and records it with its JSON pointer and reason.
    static func replacingSentinels(_ value: JSONValue, pointer: [String], reasons: [String: String],
                                   found: inout [JSONValue]) -> JSONValue {
        switch value {
        case .string(let text) where text.hasPrefix("\u{1}hetfirm:"):
            let path = pointerText(pointer)
            // The reason of the field (e.g. /standardErrors for /standardErrors/1), else of its parent object's key.
            let reason = reasons[path] ?? reasons[pointerText(Array(pointer.dropLast()))]
                ?? reasons[pointerText(Array(pointer.dropLast(2)))] ?? "not a finite number"
            found.append(.object(["path": .string(path), "value": .string(String(text.dropFirst("\u{1}hetfirm:".count))),
                                  "reason": .string(reason)]))
            return .null
        case .array(let array):
            return .array(array.enumerated().map { index, element in
                replacingSentinels(element, pointer: pointer + [String(index)], reasons: reasons, found: &found)
            })
        case .object(let object):
            var result: [String: JSONValue] = [:]
            for key in object.keys.sorted() {
                result[key] = replacingSentinels(object[key] ?? .null, pointer: pointer + [key], reasons: reasons, found: &found)
            }
            return .object(result)
        default:
            return value
        }
    }

    /// RFC 6901 JSON pointer text ("" for the whole object).
    static func pointerText(_ pointer: [String]) -> String {
        pointer.map { "/" + $0.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1") }.joined()
    }
}
