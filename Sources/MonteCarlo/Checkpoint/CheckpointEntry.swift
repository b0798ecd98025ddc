/// One completed replication as a single checkpoint line:
/// `r,ok|failed,failure,extra,n,parameter₁,truth₁,estimate₁,se₁,…` (RFC 4180 fields, numbers in
/// shortest round-trip notation, `failure` empty for `ok` and the JSON of the ``ReplicationFailure``
/// for `failed`, `extra` the pipeline's JSON of what else must survive a resume).
package struct CheckpointEntry: Sendable, Equatable {
    package let record: ReplicationRecord
    package let failure: ReplicationFailure?
    /// JSON of the pipeline's per-replication extras; empty when there are none.
    package let extra: String

    package init(record: ReplicationRecord, failure: ReplicationFailure?, extra: String) {
        self.record = record
        self.failure = failure
        self.extra = extra
    }

    package var replication: Int { record.replication }

    /// The entry as one line, ending in a line break.
    package func line() -> String {
        var fields = [String(record.replication), failure == nil ? "ok" : "failed", ReplicationCSV.text(failure?.checkpointText ?? ""),
                      ReplicationCSV.text(extra), String(record.estimates.count)]
        for estimate in record.estimates {
            fields += [ReplicationCSV.text(estimate.parameter), ReplicationCSV.number(estimate.truth),
                       ReplicationCSV.number(estimate.estimate), ReplicationCSV.number(estimate.standardError)]
        }
        return fields.joined(separator: ",") + "\n"
    }

    /// Parses the fields of one line strictly, or returns a reason why they are not an entry that
    /// hetfirm wrote: the replication a canonical index, no failure for `ok` and the failure JSON as
    /// ``ReplicationFailure/checkpointText`` writes it for `failed`, numbers in the notation ``line()``
    /// writes (``ReplicationCSV/parseWrittenNumber(_:)``), all finite, standard errors ≥ 0, each parameter once.
    package static func parse(_ fields: [String]) -> Result<CheckpointEntry, ReasonError> {
        guard fields.count >= 5 else {
            return .failure(ReasonError(reason: "expected r,ok|failed,failure,extra,n and n estimates, found \(fields.count) fields"))
        }
        guard let replication = Int(fields[0]), replication >= 0, String(replication) == fields[0] else {
            return .failure(ReasonError(reason: "'\(Self.clipped(fields[0]))' is not a replication index"))
        }
        guard fields[1] == "ok" || fields[1] == "failed" else {
            return .failure(ReasonError(reason: "the status is '\(Self.clipped(fields[1]))', not ok or failed"))
        }
        var failure: ReplicationFailure?
        if fields[1] == "ok" {
            guard fields[2].isEmpty else {
                return .failure(ReasonError(reason: "replication \(replication) is ok but records the failure '\(Self.clipped(fields[2]))'"))
            }
        } else {
            guard let parsed = ReplicationFailure(checkpointText: fields[2]) else {
                return .failure(ReasonError(reason: "the failure '\(Self.clipped(fields[2]))' is not a failure record as this "
                    + "version of hetfirm writes it (JSON; a checkpoint of an earlier version kept failures as plain text)"))
            }
            failure = parsed
        }
        guard let count = Int(fields[4]), count >= 0, String(count) == fields[4], count == (fields.count - 5) / 4, (fields.count - 5) % 4 == 0 else {
            return .failure(ReasonError(reason: "the estimate count '\(Self.clipped(fields[4]))' does not match the "
                + "\(fields.count - 5) fields that follow it (4 per estimate)"))
        }
        var estimates: [ParameterEstimate] = []
        var seen: Set<String> = []
        for index in 0..<count {
            let base = 5 + 4 * index
            let name = fields[base]
            guard !name.isEmpty, seen.insert(name).inserted else {
                return .failure(ReasonError(reason: name.isEmpty ? "estimate \(index + 1) has no parameter name"
                    : "parameter '\(Self.clipped(name))' appears twice"))
            }
            var values: [Double] = []
            for (offset, label) in ["truth", "estimate", "standard error"].enumerated() {
                guard let value = ReplicationCSV.parseWrittenNumber(fields[base + 1 + offset]) else {
                    return .failure(ReasonError(reason: "the \(label) of '\(Self.clipped(name))' is "
                        + "'\(Self.clipped(fields[base + 1 + offset]))', not a number as hetfirm writes it"))
                }
                values.append(value)
            }
            guard values.allSatisfy(\.isFinite), values[2] >= 0 else {
                return .failure(ReasonError(reason: "'\(Self.clipped(name))' has truth \(values[0]), estimate \(values[1]) and "
                    + "standard error \(values[2]); hetfirm records finite numbers and standard errors ≥ 0 only"))
            }
            estimates.append(ParameterEstimate(parameter: name, truth: values[0], estimate: values[1], standardError: values[2]))
        }
        return .success(CheckpointEntry(record: ReplicationRecord(replication: replication, estimates: estimates),
                                        failure: failure, extra: fields[3]))
    }

    /// A field cut to 40 characters for a message.
    package static func clipped(_ text: String) -> String {
        text.count <= 40 ? text : String(text.prefix(40)) + "…"
    }

    package struct ReasonError: Error {
        let reason: String
    }
}
