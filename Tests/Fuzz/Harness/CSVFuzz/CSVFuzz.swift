import PanelData

/// libFuzzer entry point of the CSV target: the input is a CSV file, read from memory with the
/// default options by one thread and, when it has no quote (a file with quotes is never split), once
/// more split into three chunks. A thrown error (and its
/// message) is the expected answer to bad input; a crash, a hang, runaway memory, or the two reads
/// disagreeing (the reader promises the same result for every thread count) is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var serialOptions = CSVReadOptions()
    serialOptions.threads = 1
    var chunkedOptions = CSVReadOptions()
    chunkedOptions.threads = 3
    let serial = Result { try CSVReader.read(bytes: bytes, fileName: "fuzz.csv", options: serialOptions) }
    if case .failure(let error) = serial { _ = "\(error)" }
    guard !bytes.contains(UInt8(ascii: "\"")) else { return 0 }
    let chunked = Result { try CSVReader.read(bytes: bytes, fileName: "fuzz.csv", options: chunkedOptions) }
    switch (serial, chunked) {
    case (.success(let one), .success(let three)):
        if one != three { fatalError("CSV read by one thread and by three chunks differ") }
    case (.failure(let one), .failure(let three)):
        if "\(one)" != "\(three)" { fatalError("CSV errors differ by thread count: '\(one)' vs '\(three)'") }
    case (.success, .failure(let error)), (.failure(let error), .success):
        fatalError("CSV read succeeds with one thread count and fails with the other: \(error)")
    }
    return 0
}
