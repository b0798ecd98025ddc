import Spatial

/// libFuzzer entry point of the weights target: the first byte selects the reader (0 GAL, 1 GWT,
/// 2 CSV edge list, 3 dense CSV matrix, 4 CSV with the format detected), the rest is the file, read
/// with small limits (200 units, 2,000 weights) so that the limit paths are reached too. A thrown
/// error (and its message) is the right answer to bad input. What a reader accepts must survive a
/// round trip: written as GWT (or as an edge list when it has islands) and as a dense CSV matrix,
/// and read back, it must be the same matrix (up to the order of its units); a crash, a hang, runaway memory or a round trip that
/// changes W is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWeights(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    let formats: [SpatialWeightsFormat?] = [.gal, .gwt, .edges, .csv, nil]
    let format = formats[Int(data[0]) % formats.count]
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let limits = SpatialWeightsLimits(maximumUnits: 200, maximumEntries: 2_000)
    let weights: SpatialWeights
    do {
        weights = try SpatialWeightsReader.read(bytes: bytes, fileName: "fuzz", format: format, limits: limits)
    } catch {
        _ = "\(error)"
        return 0
    }
    _ = weights.summary
    let sparseFormat: SpatialWeightsFormat = weights.islands.isEmpty ? .gwt : .edges
    for target in [sparseFormat, .csv] {
        guard let text = try? SpatialWeightsWriter.text(weights, format: target) else { continue }
        do {
            let back = try SpatialWeightsReader.read(bytes: Array(text.utf8), fileName: "round-trip", format: target)
            // GWT and edge lists name units as their lines go, so the order may change; W may not.
            if try back.aligned(to: weights.unitIdentifiers) != weights { fatalError("W changed in a \(target) round trip") }
        } catch {
            fatalError("W written as \(target) cannot be read back: \(error)")
        }
    }
    return 0
}
