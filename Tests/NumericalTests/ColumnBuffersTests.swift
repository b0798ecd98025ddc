import Testing
@testable import Numerical

/// `ColumnBuffers` hands out one pointer per array, in order, valid while the body runs, and returns
/// the arrays as the body wrote them; `reserve` only reserves.
@Suite("ColumnBuffers")
struct ColumnBuffersTests {
    @Test("each array holds what the body wrote through its pointer, in order", arguments: [0, 1, 7, 1 << 20])
    func buildsInOrder(length: Int) {
        let arrays = ColumnBuffers.build(3, length: length) { (pointers: [UnsafeMutablePointer<Double>]) in
            #expect(pointers.count == 3)
            for (column, pointer) in pointers.enumerated() {
                for row in 0..<length { pointer[row] = Double(column * 10 + row % 5) }
            }
        }
        #expect(arrays.count == 3)
        for (column, array) in arrays.enumerated() {
            #expect(array.count == length)
            #expect(array.indices.allSatisfy { array[$0] == Double(column * 10 + $0 % 5) })
        }
    }

    @Test("an error thrown by the body propagates")
    func propagatesErrors() {
        struct Failure: Error {}
        #expect(throws: Failure.self) {
            _ = try ColumnBuffers.build(2, length: 10) { (_: [UnsafeMutablePointer<Int>]) in throw Failure() }
        }
    }

    @Test("reserve keeps the elements and gives at least the capacity asked")
    func reserveKeepsElements() {
        var values = [1, 2, 3]
        ColumnBuffers.reserve(&values, capacity: 1 << 20)
        #expect(values == [1, 2, 3])
        #expect(values.capacity >= 1 << 20)
    }
}
