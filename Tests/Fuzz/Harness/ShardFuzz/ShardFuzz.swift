import Foundation
import MonteCarlo
import Scenario

/// libFuzzer entry point of the shard target. The first byte selects the file: even (e.g. `0`)
/// a shard folder's `shard.json`, odd (e.g. `1`) its `replications.csv`; the rest is the file,
/// read as `hetfirm merge` reads it (records are then summarized, as the merge does). A thrown
/// error (and its message) is the expected answer to bad input; only a crash, a hang or runaway
/// memory is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzShard(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    let file = Data(UnsafeBufferPointer(start: data + 1, count: size - 1))
    do {
        if data[0] % 2 == 0 {
            let manifest = try ShardMerger.parseManifest(file, folder: "fuzz-shard")
            _ = manifest.replications.count
        } else {
            let records = try ShardMerger.parseRecords(file, folder: "fuzz-shard")
            _ = RecoveryReport.summarize(records, level: 0.95)
        }
    } catch {
        _ = "\(error)"
    }
    return 0
}
