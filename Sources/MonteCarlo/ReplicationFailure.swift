import Foundation

/// Why a replication lost some or all of its estimates: what failed, in the order it failed. It is
/// made once where the error is caught, checkpointed as JSON (``checkpointText``), and turned into the
/// user's text only by ``description``; nothing reads the text back.
public struct ReplicationFailure: Sendable, Codable, Equatable, CustomStringConvertible {
    /// What failed, in order; never empty.
    public let failures: [BlockFailure]

    /// A failure made of `failures`; `nil` when there are none (everything ran).
    public init?(_ failures: [BlockFailure]) {
        guard !failures.isEmpty else { return nil }
        self.failures = failures
    }

    /// The failure of a replication that failed as a whole (its panel could not be simulated).
    public init(simulation error: any Error) {
        failures = [BlockFailure(label: nil, kind: .simulation(message: "\(error)"))]
    }

    /// One line per failure, "LABEL: reason" (a whole-replication failure has no label).
    public var lines: [String] { failures.map(\.description) }

    /// The failure on one line, as warnings quote it: the lines joined by "; " (so is a line break inside
    /// an error's message).
    public var description: String { lines.joined(separator: "\n").replacingOccurrences(of: "\n", with: "; ") }

    /// This failure followed by `more`.
    public func appending(_ more: [BlockFailure]) -> ReplicationFailure {
        ReplicationFailure(uncheckedFailures: failures + more)
    }

    private init(uncheckedFailures: [BlockFailure]) {
        failures = uncheckedFailures
    }

    // MARK: checkpoint text

    /// The failure as a checkpoint's failure field holds it: JSON with sorted keys, non-finite numbers
    /// as "NaN", "Inf" and "-Inf", so the same failure always gives the same text.
    public var checkpointText: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Inf", negativeInfinity: "-Inf", nan: "NaN")
        guard let data = try? encoder.encode(self) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Reads a checkpoint's failure field: only the very text ``checkpointText`` writes for a failure
    /// with at least one entry is accepted (so a checkpoint of an earlier hetfirm, which kept failures as
    /// plain text, and any edit of the JSON are refused, not misread).
    public init?(checkpointText text: String) {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "Inf", negativeInfinity: "-Inf", nan: "NaN")
        guard text.hasPrefix("{"), let decoded = try? decoder.decode(ReplicationFailure.self, from: Data(text.utf8)),
              !decoded.failures.isEmpty, decoded.checkpointText == text else { return nil }
        self = decoded
    }
}

/// One thing that failed in a replication: an estimator block or built-in estimator (by its label), a
/// recovered parameter whose numbers are not finite, or the replication as a whole.
public struct BlockFailure: Sendable, Codable, Equatable, CustomStringConvertible {
    /// What failed: a block's name ("baseline"), a built-in estimator ("eq. (4) elasticity"), a
    /// recovered parameter ("baseline: x"); `nil` when the replication failed as a whole.
    public let label: String?
    public let kind: Kind

    /// Why it failed.
    public enum Kind: Sendable, Codable, Equatable, CustomStringConvertible {
        /// The replication's panel could not be simulated (the message of the simulator's error).
        case simulation(message: String)
        /// An estimator could not run on the panel (the message of its error).
        case estimation(message: String)
        /// The `sample` filter of `[[estimate]]` block `estimation` kept no row of a panel of `rows` rows.
        case emptySample(estimation: String, filter: String, rows: Int)
        /// An estimate, its standard error or its truth is not a finite number (or the standard error is negative).
        case nonFinite(estimate: Double, standardError: Double, truth: Double)

        /// The reason as the user reads it.
        public var description: String {
            switch self {
            case .simulation(let message), .estimation(let message):
                return message
            case .emptySample(let estimation, let filter, let rows):
                return "[[estimate]] '\(estimation)': no row of \(rows) passes sample = \"\(filter)\""
            case .nonFinite(let estimate, let standardError, let truth):
                return "the estimate \(estimate), standard error \(standardError) or truth \(truth) is not a finite number"
            }
        }
    }

    public init(label: String?, kind: Kind) {
        self.label = label
        self.kind = kind
    }

    /// "LABEL: reason", or the reason alone without a label.
    public var description: String { label.map { "\($0): \(kind)" } ?? kind.description }
}
