import MonteCarlo

/// One completed replication as a single checkpoint line:
/// `r,ok|failed,failure,extra,n,parameter₁,truth₁,estimate₁,se₁,…` (RFC 4180 fields, numbers in
/// shortest round-trip notation, `extra` the pipeline's JSON of what else must survive a resume).
package struct CheckpointEntry: Sendable, Equatable {
    let record: ReplicationRecord
    let failure: String?
    /// JSON of the pipeline's per-replication extras; empty when there are none.
    let extra: String

    var replication: Int { record.replication }

    /// The entry as one line, ending in a line break.
    func line() -> String {
        var fields = [String(record.replication), failure == nil ? "ok" : "failed", ReplicationCSV.text(failure ?? ""),
                      ReplicationCSV.text(extra), String(record.estimates.count)]
        for estimate in record.estimates {
            fields += [ReplicationCSV.text(estimate.parameter), ReplicationCSV.number(estimate.truth),
                       ReplicationCSV.number(estimate.estimate), ReplicationCSV.number(estimate.standardError)]
        }
        return fields.joined(separator: ",") + "\n"
    }

    /// Parses the fields of one line, or returns a reason why they are not an entry.
    static func parse(_ fields: [String]) -> Result<CheckpointEntry, ReasonError> {
        guard fields.count >= 5, let replication = Int(fields[0]), replication >= 0,
              fields[1] == "ok" || fields[1] == "failed", let count = Int(fields[4]), count >= 0,
              fields.count == 5 + 4 * count else {
            return .failure(ReasonError(reason: "expected r,ok|failed,failure,extra,n and n estimates"))
        }
        var estimates: [ParameterEstimate] = []
        for index in 0..<count {
            let base = 5 + 4 * index
            guard let truth = ReplicationCSV.parseNumber(fields[base + 1]),
                  let estimate = ReplicationCSV.parseNumber(fields[base + 2]),
                  let standardError = ReplicationCSV.parseNumber(fields[base + 3]) else {
                return .failure(ReasonError(reason: "estimate \(index + 1) has a field that is not a number"))
            }
            estimates.append(ParameterEstimate(parameter: fields[base], truth: truth, estimate: estimate, standardError: standardError))
        }
        return .success(CheckpointEntry(record: ReplicationRecord(replication: replication, estimates: estimates),
                                        failure: fields[1] == "ok" ? nil : fields[2], extra: fields[3]))
    }

    struct ReasonError: Error {
        let reason: String
    }
}
