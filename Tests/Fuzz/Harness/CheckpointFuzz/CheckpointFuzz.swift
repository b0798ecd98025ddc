import MonteCarlo
import Scenario

/// The header identity the fuzzed checkpoints must name: that of the seed checkpoints in
/// Tests/Fuzz/checkpoint/corpus (a run of scenarios/quickstart.toml, not sharded).
let checkpointIdentity = "fingerprint 0000000000000000, shard all"

/// libFuzzer entry point of the checkpoint target: the input is a whole checkpoint file, header
/// included, read as `hetfirm run --resume` reads one. A thrown `CheckpointError` (and its message)
/// is the expected answer to bad input; only a crash, a hang or runaway memory is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCheckpoint(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    // The checkpoint is read with String(contentsOfFile:encoding: .utf8), which refuses other bytes.
    guard let text = String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self) else { return 0 }
    do {
        let entries = try Checkpoint.parse(text, path: "fuzz.checkpoint.csv", identity: checkpointIdentity)
        _ = entries.count
    } catch {
        _ = error.description
    }
    return 0
}
