import Estimation

/// libFuzzer entry point of the formula target: the input is a formula text, parsed and expanded
/// (multiple estimation) as `hetfirm estimate` does before it reads any data. A thrown
/// `FormulaError` (and its message with the caret) is the expected answer to bad input; only a
/// crash, a hang or runaway memory is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFormula(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    // Command-line arguments reach the tool as Swift strings (invalid UTF-8 repaired).
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        let formulas = try FormulaParser.expand(text)
        _ = formulas.count
    } catch {
        _ = "\(error)"
    }
    // The same text as a dynamic panel formula (`hetfirm gmm`): three parts split at '|', each parsed as above.
    do {
        let dynamic = try DynamicPanelFormula.parse(text)
        _ = dynamic.standardInstruments.count
    } catch {
        _ = "\(error)"
    }
    return 0
}
