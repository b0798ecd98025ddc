import Foundation
import Pipelines

extension Scenario {
    /// The same scenario with the digest of every input file it names recorded: today W's file of
    /// each `method = "spatial"` block (``SpatialSettings/weightsDigest``). The fingerprint of
    /// checkpoints and shard folders then changes when the file's contents do, so `--resume` and
    /// `merge` refuse records computed with another W, and the resolved `scenario.toml` carries
    /// the digest to the merge. A file that cannot be read is left alone (the block's preparation
    /// reports it, located). A model's W (`weights = "model:NAME"`) has no file and is skipped: it is
    /// a function of the seed and the model's parameters, which the fingerprint already covers
    /// (``ScenarioFingerprint`` hashes the resolved scenario, `[model]`, `[sweep]` and `weights =
    /// "model:NAME"` included, with the seed and the replication count).
    /// - Throws: ``ScenarioError`` when the scenario already records a digest (a resolved
    ///   `scenario.toml` run again) and the file no longer has it.
    public func recordingInputDigests() throws(ScenarioError) -> Scenario {
        var requests = estimations
        var changed = false
        for (index, request) in estimations.enumerated() {
            guard var spatial = request.spatial, spatial.modelWeightsName == nil, let digest = InputDigest.of(path: spatial.weightsPath) else { continue }
            if let recorded = spatial.weightsDigest {
                guard recorded == digest else {
                    let keyPath = "estimate[\(index)].weights_digest"
                    throw ScenarioError(
                        kind: .outOfDomain, location: location(of: keyPath) ?? SourceLocation(file: sourcePath, line: 1, column: 1),
                        keyPath: keyPath,
                        message: "W's file \(spatial.weightsPath) has changed since this scenario recorded it (digest \(recorded), now \(digest))",
                        fix: "restore the file, or remove weights_digest to run with the new W (as a new scenario)")
                }
                continue
            }
            spatial.weightsDigest = digest
            requests[index] = request.with(spatial: spatial)
            changed = true
        }
        guard changed else { return self }
        return Scenario(
            sourcePath: sourcePath, name: name, model: model, seed: seed, parameters: parameters, montecarlo: montecarlo,
            sweep: sweep, estimations: requests, mediations: mediations, output: output, locator: locator,
            sweepMonteCarlo: sweepMonteCarlo)
    }
}

/// FNV-1a (64 bit) of a file's bytes in 16 lower-case hex digits, as ``ScenarioFingerprint`` writes
/// its own: enough to notice a changed input, not a defence against deliberate collisions.
enum InputDigest {
    /// Files above this size are not digested (no W hetfirm reads is near it).
    static let maximumBytes: UInt64 = 8 << 30

    /// The digest of the regular file at `path`, read in 1 MiB chunks; nil when it is not a
    /// readable regular file or is larger than ``maximumBytes``.
    static func of(path: String) -> String? {
        guard let values = try? URL(fileURLWithPath: path).resourceValues(forKeys: [.isRegularFileKey, .fileSizeKey]),
              values.isRegularFile == true, let size = values.fileSize, UInt64(size) <= maximumBytes,
              let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        while true {
            let chunk: Data?
            do { chunk = try handle.read(upToCount: 1 << 20) } catch { return nil }
            guard let chunk, !chunk.isEmpty else { break }   // nil or empty: end of file
            for byte in chunk {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
        }
        return ScenarioFingerprint.hex(hash)
    }

    /// Whether `text` looks like a digest hetfirm writes: 16 lower-case hex digits.
    static func isWellFormed(_ text: String) -> Bool {
        text.utf8.count == 16 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}
