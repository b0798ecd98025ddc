import Pipelines
import Foundation

/// The one reading of a covariance setting written as text, shared by `hetfirm estimate --vcov`,
/// `hetfirm mediate --vcov` and the scenario keys `vcov = "…"` of `[[estimate]]` and `[[mediate]]`,
/// so that both accept exactly the same spellings.
///
/// Accepted (case-insensitive, surrounding spaces ignored): `iid`; `hc1`, `hetero` or
/// `heteroskedastic`; `cluster=VAR` or `cluster=VAR1,VAR2` (a variable may be an interaction
/// `a^b`; variable names keep their case).
enum VcovText {
    /// The spellings, for messages.
    static let accepted = "iid, hc1 (or hetero), or cluster=VAR[,VAR]"

    /// Why a text is not a covariance setting (without a prefix naming where it was written).
    struct Failure: Error, Sendable, Equatable {
        let message: String
    }

    /// Parses `text`, or explains in one line why it is not one of the accepted spellings.
    static func parse(_ text: String) -> Result<EstimationRequest.Vcov, Failure> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch trimmed.lowercased() {
        case "iid": return .success(.iid)
        case "hc1", "hetero", "heteroskedastic": return .success(.hetero)
        default: break
        }
        let prefix = "cluster="
        guard trimmed.lowercased().hasPrefix(prefix) else {
            return .failure(Failure(message: "'\(text)' is not \(accepted)"))
        }
        let names = trimmed.dropFirst(prefix.count).split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !names.isEmpty else {
            return .failure(Failure(message: "'\(text)' names no cluster variable (write cluster=VAR or cluster=VAR1,VAR2)"))
        }
        return .success(.cluster(names))
    }
}
