// Times e^x and log x over one column of doubles: Foundation's scalar exp/log in a loop vs
// Numerical.VectorMath (SLEEF), out of place into a preallocated column. One pass; bench/vector-math/run.sh
// runs it several times interleaved with the numpy peer.
//
// Usage: VectorMathBench [COUNT]   (default 10,000,000)
// Inputs, identical to the peer's: x_i = −700 + 1400·(i + 0.5)/COUNT for exp, y_i = 1000·(i + 0.5)/COUNT for log.
// Prints one line per kernel: "<kernel> <seconds> <sum of the results>".
import Foundation
import Numerical

let count = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 10_000_000 : 10_000_000
let exponentArguments = (0..<count).map { -700 + 1400 * ((Double($0) + 0.5) / Double(count)) }
let logarithmArguments = (0..<count).map { 1000 * ((Double($0) + 0.5) / Double(count)) }
var output = [Double](repeating: 0, count: count)

@MainActor func time(_ label: String, _ body: (UnsafeBufferPointer<Double>, UnsafeMutableBufferPointer<Double>) -> Void, _ input: [Double]) {
    let start = DispatchTime.now().uptimeNanoseconds
    input.withUnsafeBufferPointer { source in output.withUnsafeMutableBufferPointer { body(source, $0) } }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    print(label, String(format: "%.4f", seconds), String(format: "%.17g", output.reduce(0, +)))
}

time("scalar-exp", { source, target in for index in source.indices { target[index] = Foundation.exp(source[index]) } }, exponentArguments)
time("vector-exp", { VectorMath.exponentiate($0, into: $1) }, exponentArguments)
time("scalar-log", { source, target in for index in source.indices { target[index] = Foundation.log(source[index]) } }, logarithmArguments)
time("vector-log", { VectorMath.logarithm($0, into: $1) }, logarithmArguments)
print("lanes", VectorMath.lanes)
