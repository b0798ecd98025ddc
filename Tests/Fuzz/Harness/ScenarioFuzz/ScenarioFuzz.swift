import Scenario

/// libFuzzer entry point of the scenario target: the input is a scenario file, decoded and
/// validated as `hetfirm run` does before running anything, then fingerprinted and written back
/// as the resolved `scenario.toml` every run and shard folder holds. A thrown `ScenarioError` (and its
/// message) is the expected answer to bad input; only a crash, a hang or runaway memory is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenario(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    // `ScenarioLoader.load` refuses a file that is not UTF-8 before parsing it.
    guard let text = String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self) else { return 0 }
    do {
        let scenario = try ScenarioLoader.parse(text: text, fileName: "fuzz.toml")
        _ = ScenarioFingerprint.of(scenario, replications: scenario.montecarlo.replications)
    } catch {
        _ = error.description
    }
    return 0
}
