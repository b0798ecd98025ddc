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
    static let accepted = "iid, hc1 (or hetero), cluster=VAR[,VAR], nw[=LAGS] (panel Newey-West) or dk[=LAGS] (Driscoll-Kraay)"

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
        if let hac = hac(trimmed) { return hac }
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

    /// `nw`, `nw=L`, `dk`, `dk=L` (also `newey-west`, `driscoll-kraay`), or nil for another spelling.
    static func hac(_ text: String) -> Result<EstimationRequest.Vcov, Failure>? {
        let parts = text.lowercased().split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        let kind: (Int?) -> EstimationRequest.Vcov
        switch parts[0] {
        case "nw", "newey-west", "neweywest": kind = { .neweyWest(lags: $0) }
        case "dk", "driscoll-kraay", "driscollkraay": kind = { .driscollKraay(lags: $0) }
        default: return nil
        }
        guard parts.count == 2 else { return .success(kind(nil)) }
        guard let lags = Int(parts[1]), (0...maximumLags).contains(lags) else {
            return .failure(Failure(message: "'\(text)': the number of lags must be an integer from 0 to \(maximumLags)"))
        }
        return .success(kind(lags))
    }

    /// The largest HAC bandwidth accepted (a bound on the work; panels have far fewer periods).
    static let maximumLags = 10_000
}
