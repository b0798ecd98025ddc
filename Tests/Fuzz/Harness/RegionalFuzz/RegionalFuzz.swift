import Foundation
import Scenario

/// libFuzzer entry point of the regional target: `hetfirm sophistication` and `hetfirm index` on a
/// user's CSV, past the CSV reader (which the `csv` target covers): the columns' roles, id and year
/// handling, and the PRODY/EXPY, entropy, PCA and projection-pursuit computations with their located
/// errors. The first byte picks the command (mod 4: sophistication with columns province, hs4, year,
/// exports, pgdp; entropy, PCA or projection pursuit with id region, year year and indicators postal,
/// penetration, cable, exchange); the rest is the file. Projection pursuit runs only on inputs of at
/// most 4 KiB (its genetic search costs a fixed time per year). A thrown error (and its message) is
/// the expected answer to bad input; a crash, a hang or runaway memory is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRegional(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size >= 1 else { return 0 }
    let selector = data[0] % 4
    let body = Data(UnsafeBufferPointer(start: data + 1, count: size - 1))
    if selector == 3, body.count > 4096 { return 0 }
    let path = NSTemporaryDirectory() + "/hetfirm-regional-fuzz-\(getpid()).csv"
    guard FileManager.default.createFile(atPath: path, contents: body) else { return 0 }
    switch selector {
    case 0:
        let request = DataSophistication.Request(
            dataPath: path, regionColumn: "province", productColumn: "hs4", timeColumn: "year", exportsColumn: "exports",
            gdpPerCapitaColumn: "pgdp")
        if case .failure(let error) = Result(catching: { try DataSophistication.run(request) }) { _ = "\(error)" }
    default:
        let method = ["entropy", "pca", "projection-pursuit"][Int(selector) - 1]
        var request = DataIndex.Request(dataPath: path, method: method, indicators: "postal,penetration,cable,exchange")
        request.idColumn = "region"
        request.yearColumn = "year"
        request.seed = 1
        if case .failure(let error) = Result(catching: { try DataIndex.run(request) }) { _ = "\(error)" }
    }
    return 0
}
