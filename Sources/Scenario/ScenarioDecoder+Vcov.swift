import Pipelines

extension ScenarioDecoder {
    /// `vcov = "iid"`, `"hc1"`/`"hetero"`, `"cluster=a,b"` (read by ``VcovText``, exactly as `--vcov`) or
    /// `{ cluster = ["a", "b^c"] }` of an `[[estimate]]` or `[[mediate]]` table; `nil` after reporting a located error.
    mutating func decodeVcov(_ node: TOMLNode, at vcovPath: String) -> EstimationRequest.Vcov? {
        switch node {
        case .string(let text):
            switch VcovText.parse(text) {
            case .success(let vcov): return vcov
            case .failure(let failure):
                report(.outOfDomain, vcovPath, "vcov = \(TOMLText.basicString(text)): \(failure.message)",
                       fix: "write vcov = \"iid\", vcov = \"hc1\" (or \"hetero\"), vcov = \"cluster=VAR\" or vcov = { cluster = [\"…\"] }")
            }
        case .table(let spec):
            rejectUnknownKeys(spec, at: vcovPath, in: "vcov", allowed: ["cluster"])
            let clusterPath = KeyPath.join(vcovPath, "cluster")
            if case .array(let elements)? = spec["cluster"] {
                let names = elements.compactMap { element -> String? in
                    if case .string(let name) = element, !name.isEmpty { return name }
                    return nil
                }
                if names.count == elements.count && !names.isEmpty {
                    return .cluster(names)
                } else {
                    report(.wrongType, clusterPath, "cluster must be a non-empty array of variable names",
                           fix: "write cluster = [\"city^dest\"]")
                }
            } else if spec["cluster"] != nil || spec.isEmpty {
                report(spec.isEmpty ? .missingKey : .wrongType, spec.isEmpty ? vcovPath : clusterPath,
                       "vcov needs cluster = [ … ]", fix: "write vcov = { cluster = [\"city^dest\"] }")
            }
        default:
            report(.wrongType, vcovPath, "vcov must be a string or an inline table, not \(node.described)",
                   fix: "write vcov = \"hetero\" or vcov = { cluster = [\"city^dest\"] }")
        }
        return nil
    }
}
