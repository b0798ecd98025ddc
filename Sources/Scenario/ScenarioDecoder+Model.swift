import Models
import Pipelines

extension ScenarioDecoder {
    // MARK: [model]

    mutating func decodeModelSection(_ node: TOMLNode?, descriptor: ModelDescriptor) -> ParameterValues? {
        var table: [String: TOMLNode] = [:]
        if let node {
            guard let section = self.table(node, at: "model", label: "[model]") else { return nil }
            table = section
        }
        let keys = descriptor.parameters.map(\.key)
        for key in orderedKeys(table, at: "model") where descriptor.parameter(key) == nil {
            report(.unknownKey, KeyPath.join("model", key), "unknown key '\(key)' in [model]",
                   fix: Suggestion.fix(for: key, among: keys, noun: "parameters of \(descriptor.key)"))
        }
        var values = ParameterValues()
        var complete = true
        for spec in descriptor.parameters {
            let path = KeyPath.join("model", spec.key)
            if let node = table[spec.key] {
                if let value = parameterValue(node, spec: spec, at: path) { values[spec.key] = value } else { complete = false }
            } else if let value = spec.defaultValue {
                values[spec.key] = normalized(value, kind: spec.kind)
            } else {
                complete = false
                report(.missingKey, "model", "missing required parameter '\(spec.key)' in [model]",
                       fix: "add \(spec.key) = … (\(spec.symbol), \(spec.name): \(spec.kind.description), "
                           + "\(spec.domain.describe(symbol: spec.symbol)))")
            }
        }
        return complete ? values : nil
    }

    /// Reals are always stored as `.real`, whatever literal the default or the file used.
    func normalized(_ value: ParameterValue, kind: ParameterKind) -> ParameterValue {
        if kind == .real, let real = value.realValue { return .real(real) }
        return value
    }

    func example(for spec: ParameterSpec) -> String {
        switch spec.defaultValue {
        case .real(let value)?: return TOMLText.float(value)
        case .integer(let value)?: return "\(value)"
        case .realList(let value)?: return TOMLText.floatArray(value)
        case .choice(let value)?: return TOMLText.basicString(value)
        case nil:
            switch spec.kind {
            case .real: return "1.0"
            case .integer: return "1"
            case .realList: return "[1.0]"
            case .choice(let options): return TOMLText.basicString(options.first ?? "")
            }
        }
    }

    func defaultNote(_ spec: ParameterSpec) -> String {
        spec.defaultValue == nil ? "" : " (default \(example(for: spec)))"
    }

    mutating func parameterValue(_ node: TOMLNode, spec: ParameterSpec, at path: String) -> ParameterValue? {
        let domain = spec.domain.describe(symbol: spec.symbol)
        switch spec.kind {
        case .real:
            guard let value = number(node, at: path, example: example(for: spec)) else { return nil }
            guard spec.domain.contains(value) else {
                report(.outOfDomain, path, "\(spec.key) = \(node.rendered) is outside its domain \(domain)",
                       fix: "choose \(domain)\(defaultNote(spec))")
                return nil
            }
            return .real(value)
        case .integer:
            guard let value = integer(node, at: path, example: example(for: spec)) else { return nil }
            guard spec.domain.contains(Double(value)) else {
                report(.outOfDomain, path, "\(spec.key) = \(value) is outside its domain \(domain)",
                       fix: "choose \(domain)\(defaultNote(spec))")
                return nil
            }
            return .integer(value)
        case .realList:
            guard let elements = numberArray(node, at: path, example: example(for: spec)) else { return nil }
            for (index, element) in elements.enumerated() where !spec.domain.contains(element.value) {
                report(.outOfDomain, KeyPath.index(path, index),
                       "\(spec.key)[\(index)] = \(element.node.rendered) is outside its domain \(domain)",
                       fix: "make every element satisfy \(domain)")
                return nil
            }
            return .realList(elements.map(\.value))
        case .choice(let options):
            guard let value = string(node, at: path, example: example(for: spec)) else { return nil }
            guard options.contains(value) else {
                report(.outOfDomain, path, "\(spec.key) = \(TOMLText.basicString(value)) is not \(spec.kind.description)",
                       fix: Suggestion.fix(for: value, among: options, quote: { "\"\($0)\"" }, noun: "choices"))
                return nil
            }
            return .choice(value)
        }
    }

    /// The model's cross-parameter constraints at the base point, each located at its key.
    mutating func checkConstraints(_ values: ParameterValues, descriptor: ModelDescriptor) {
        for violation in descriptor.violations(of: values) {
            let path = KeyPath.join("model", violation.key)
            var message = violation.message
            if locator.position(of: path) == nil, descriptor.parameter(violation.key) != nil {
                message += " (\(violation.key) is not set in the file: its default is used)"
            }
            report(.outOfDomain, path, message, fix: violation.fix)
        }
    }

    // MARK: [sweep]

    mutating func decodeSweepSection(_ node: TOMLNode?, descriptor: ModelDescriptor) -> [SweepAxis]? {
        guard let node else { return [] }
        guard let table = table(node, at: "sweep", label: "[sweep]") else { return nil }
        let sweepable = descriptor.parameters.filter { $0.kind == .real }.map(\.key)
        var axes: [SweepAxis] = []
        var complete = true
        for key in orderedKeys(table, at: "sweep") {
            let path = KeyPath.join("sweep", key)
            if key == "montecarlo" {
                if let node = table[key], let value = bool(node, at: path) { sweepMonteCarlo = value } else { complete = false }
                continue
            }
            guard let spec = descriptor.parameter(key) else {
                report(.unknownKey, path, "cannot sweep '\(key)': \(descriptor.key) has no such parameter",
                       fix: Suggestion.fix(for: key, among: sweepable, noun: "parameters to sweep"))
                complete = false
                continue
            }
            guard spec.kind == .real else {
                report(.wrongType, path,
                       "cannot sweep '\(key)': it is \(spec.kind.description), and only real parameters can be swept",
                       fix: "set \(key) in [model], or run one scenario per value; sweepable: "
                           + sweepable.joined(separator: ", "))
                complete = false
                continue
            }
            guard let node = table[key], let values = sweepValues(node, spec: spec, at: path) else {
                complete = false
                continue
            }
            axes.append(SweepAxis(parameter: key, values: values))
        }
        guard complete else { return nil }
        var total = 1
        for axis in axes {
            let (product, overflow) = total.multipliedReportingOverflow(by: axis.values.count)
            total = overflow ? Int.max : product
        }
        if !axes.isEmpty, total > Self.maximumSweepPoints {
            report(.outOfDomain, "sweep", "the sweep has \(total == Int.max ? "too many" : "\(total)") points, "
                + "more than \(Self.maximumSweepPoints)", fix: "use fewer values per axis or fewer axes")
            return nil
        }
        return axes
    }

    private mutating func sweepValues(_ node: TOMLNode, spec: ParameterSpec, at path: String) -> [Double]? {
        let domain = spec.domain.describe(symbol: spec.symbol)
        switch node {
        case .array:
            guard let elements = numberArray(node, at: path, example: "[2.0, 4.0, 6.0]") else { return nil }
            guard !elements.isEmpty else {
                report(.emptySweep, path, "empty sweep: \(spec.key) = []",
                       fix: "list at least one value, e.g. \(spec.key) = [\(example(for: spec))], or remove the key")
                return nil
            }
            for (index, element) in elements.enumerated() where !spec.domain.contains(element.value) {
                report(.outOfDomain, KeyPath.index(path, index),
                       "sweep value \(spec.key)[\(index)] = \(element.node.rendered) is outside its domain \(domain)",
                       fix: "keep every value of the sweep in \(domain)")
                return nil
            }
            return elements.map(\.value)
        case .table(let range):
            rejectUnknownKeys(range, at: path, in: "the range of sweep.\(spec.key)", allowed: ["from", "to", "count"])
            var bounds: [String: (value: Double, node: TOMLNode)] = [:]
            for key in ["from", "to"] {
                let keyPath = KeyPath.join(path, key)
                guard let node = range[key] else {
                    report(.missingKey, path, "missing key '\(key)' in the range of sweep.\(spec.key)",
                           fix: "write \(spec.key) = { from = a, to = b, count = n }")
                    continue
                }
                if let value = number(node, at: keyPath, example: example(for: spec)) { bounds[key] = (value, node) }
            }
            var count: Int?
            let countPath = KeyPath.join(path, "count")
            if let node = range["count"] {
                count = integer(node, at: countPath, example: "5")
            } else {
                report(.missingKey, path, "missing key 'count' in the range of sweep.\(spec.key)",
                       fix: "write \(spec.key) = { from = a, to = b, count = n } with n ≥ 2")
            }
            guard let from = bounds["from"], let to = bounds["to"], let count else { return nil }
            guard count >= 2 else {
                report(.emptySweep, countPath, "empty sweep: \(spec.key) has count = \(count), which gives no grid",
                       fix: "use count ≥ 2 (count = 2 gives just the endpoints), or set \(spec.key) in [model]")
                return nil
            }
            guard count <= Self.maximumSweepPoints else {
                report(.outOfDomain, countPath, "count = \(count) is more than \(Self.maximumSweepPoints) points",
                       fix: "use a smaller count")
                return nil
            }
            for (key, bound) in [("from", from), ("to", to)] where !spec.domain.contains(bound.value) {
                report(.outOfDomain, KeyPath.join(path, key),
                       "sweep \(spec.key) \(key) = \(bound.node.rendered) is outside its domain \(domain)",
                       fix: "keep the range of \(spec.key) in \(domain)")
                return nil
            }
            let values = SweepAxis.grid(from: from.value, to: to.value, count: count)
            // Endpoints in the domain imply every interior point is (domains are intervals),
            // but check anyway so that rounding cannot slip a value out.
            for (index, value) in values.enumerated() where !spec.domain.contains(value) {
                report(.outOfDomain, path,
                       "sweep value \(spec.key)[\(index)] = \(TOMLText.float(value)) is outside its domain \(domain)",
                       fix: "keep the range of \(spec.key) in \(domain)")
                return nil
            }
            return values
        default:
            report(.wrongType, path,
                   "sweep.\(spec.key) must be an array of numbers or { from, to, count }, not \(node.described)",
                   fix: "write \(spec.key) = [2.0, 4.0, 6.0] or \(spec.key) = { from = 2.0, to = 6.0, count = 3 }")
            return nil
        }
    }

    /// The model's constraints at every sweep point; the first failing point is reported at
    /// the swept value that the violation names (else the first axis), with its index.
    mutating func checkSweepPoints(_ axes: [SweepAxis], base: ParameterValues, descriptor: ModelDescriptor) {
        guard !axes.isEmpty else { return }
        let total = axes.reduce(1) { $0 * $1.values.count }
        var indices = Array(repeating: 0, count: axes.count)
        // One dictionary updated in place: copying the base at every point dominated large sweeps.
        var values = base
        for point in 0..<total {
            var remainder = point
            for axis in axes.indices.reversed() {
                indices[axis] = remainder % axes[axis].values.count
                remainder /= axes[axis].values.count
            }
            for (axis, index) in zip(axes, indices) { values[axis.parameter] = .real(axis.values[index]) }
            guard let violation = descriptor.violations(atSweepPoint: values).first else { continue }
            let blamed = axes.firstIndex { $0.parameter == violation.key } ?? 0
            let path = KeyPath.index(KeyPath.join("sweep", axes[blamed].parameter), indices[blamed])
            let coordinates = zip(axes, indices).map { axis, index in
                "\(axis.parameter)[\(index)] = \(TOMLText.float(axis.values[index]))"
            }.joined(separator: ", ")
            report(.outOfDomain, path,
                   "sweep point \(point) (\(coordinates)) violates \(descriptor.key): \(violation.message)",
                   fix: "drop that value from the sweep, or change [model] so that every point is admissible ("
                       + violation.fix + ")")
            return
        }
    }
}
