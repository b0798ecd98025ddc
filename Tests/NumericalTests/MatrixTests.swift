import Testing
@testable import Numerical

/// Reference results from NumPy 2.4.6 (numpy.linalg.solve / inv / cholesky / eigvalsh /
/// det / lstsq(rcond=None)), printed with repr, for the matrices built below.
@Suite("Matrix")
struct MatrixTests {
    static let symmetricPositiveDefinite = square3([4, 1, 0.5, 1, 3, -0.2, 0.5, -0.2, 2])
    static let general = square3([2, -1, 3, 4, 0.5, -2, 1, 5, 1])

    static func square3(_ elements: [Double]) -> Matrix {
        var matrix = Matrix(rows: 3, columns: 3)
        matrix.elements = elements
        return matrix
    }

    static func expectClose(_ actual: [Double], _ expected: [Double], tolerance: Double = 1e-13, _ label: String) {
        #expect(actual.count == expected.count, "\(label): count")
        for (index, (value, reference)) in zip(actual, expected).enumerated() {
            #expect(abs(value - reference) <= tolerance * Swift.max(1, abs(reference)), "\(label)[\(index)]: \(value) vs \(reference)")
        }
    }

    @Test func constructionAndAccess() throws {
        let matrix = try Matrix([[1, 2, 3], [4, 5, 6]])
        #expect(matrix.rows == 2 && matrix.columns == 3)
        #expect(matrix.elements == [1, 2, 3, 4, 5, 6])
        #expect(matrix[1, 2] == 6)
        #expect(matrix.row(1) == [4, 5, 6])
        #expect(matrix.column(1) == [2, 5])
        #expect(matrix.transposed == (try Matrix([[1, 4], [2, 5], [3, 6]])))
        #expect(Matrix.identity(2) == (try Matrix([[1, 0], [0, 1]])))
        var mutable = Matrix(rows: 2, columns: 2, repeating: 7)
        mutable[0, 1] = -1
        #expect(mutable.elements == [7, -1, 7, 7])
        #expect(try Matrix([]) == Matrix(rows: 0, columns: 0))
    }

    @Test func dimensionMismatchThrows() throws {
        #expect(throws: NumericalError.self) { _ = try Matrix(rows: 2, columns: 2, elements: [1, 2, 3]) }
        #expect(throws: NumericalError.self) { _ = try Matrix([[1, 2], [3]]) }
        let wide = try Matrix([[1, 2, 3], [4, 5, 6]])
        #expect(throws: NumericalError.self) { _ = try wide * wide }
        #expect(throws: NumericalError.self) { _ = try wide * [1, 2] }
        #expect(throws: NumericalError.self) { _ = try wide.choleskyFactor() }
        #expect(throws: NumericalError.self) { _ = try Self.symmetricPositiveDefinite.solveCholesky([1, 2]) }
        #expect(throws: NumericalError.self) { _ = try wide.solveLeastSquares([1, 2]) }
        var broken = Self.general
        broken.elements.append(1)
        #expect(throws: NumericalError.self) { _ = try broken.solve([1, 2, 3]) }
    }

    @Test func products() throws {
        let left = try Matrix([[1, 2], [3, 4], [5, 6]])
        let right = try Matrix([[1, 0, -1], [2, 1, 0]])
        #expect(try left * right == Matrix([[5, 2, -1], [11, 4, -3], [17, 6, -5]]))
        #expect(try left * [1, -1] == [-1, -1, -1])
        #expect(left.gram() == (try left.transposed * left))
        #expect(try Matrix(rows: 2, columns: 0) * Matrix(rows: 0, columns: 3) == Matrix(rows: 2, columns: 3))
    }

    @Test func choleskyAgainstNumPy() throws {
        let factor = try Self.symmetricPositiveDefinite.choleskyFactor()
        Self.expectClose(factor.elements, [2.0, 0.0, 0.0, 0.5, 1.6583123951777, 0.0, 0.25, -0.19598237397554635, 1.3780750738225074], "cholesky")
        Self.expectClose((try factor * factor.transposed).elements, Self.symmetricPositiveDefinite.elements, "L Lᵀ")
        let solution = try Self.symmetricPositiveDefinite.solveCholesky([1, -2, 0.5])
        Self.expectClose(solution, [0.44566778362853043, -0.8113930110100527, 0.05744375299186212], "solveCholesky")
        let inverse = try Self.symmetricPositiveDefinite.inverseCholesky()
        Self.expectClose(inverse.elements, [
            0.2853039731929153, -0.10052656773575874, -0.08137865007180468,
            -0.10052656773575874, 0.3709909047391097, 0.06223073240785064,
            -0.08137865007180468, 0.062230732407850646, 0.5265677357587362,
        ], "inverseCholesky")
        #expect(inverse == inverse.transposed)
    }

    @Test func notPositiveDefiniteThrows() throws {
        let indefinite = try Matrix([[1, 2], [2, 1]])
        #expect(throws: NumericalError.notPositiveDefinite) { _ = try indefinite.choleskyFactor() }
        #expect(throws: NumericalError.notPositiveDefinite) { _ = try indefinite.inverseCholesky() }
        #expect(throws: NumericalError.notPositiveDefinite) { _ = try Matrix([[-1]]).solveCholesky([1]) }
        let asymmetric = try Matrix([[2, 1], [0, 2]])
        #expect(throws: NumericalError.self) { _ = try asymmetric.choleskyFactor() }
        #expect(throws: NumericalError.self) { _ = try Matrix([[1, .nan], [.nan, 1]]).choleskyFactor() }
    }

    @Test func luAgainstNumPy() throws {
        let solution = try Self.general.solve([1, 2, 3])
        Self.expectClose(solution, [0.5146198830409356, 0.4678362573099415, 0.1461988304093567], "solve")
        #expect(abs(try Self.general.determinant() - 85.50000000000003) < 1e-12)
        let product = try Self.general * Self.general.inverse()
        Self.expectClose(product.elements, Matrix.identity(3).elements, "A A⁻¹")
        let singular = try Matrix([[1, 2], [2, 4]])
        #expect(throws: NumericalError.self) { _ = try singular.solve([1, 1]) }
        #expect(throws: NumericalError.self) { _ = try singular.inverse() }
    }

    @Test func leastSquaresAgainstNumPy() throws {
        let x: [Double] = [0, 1, 2, 3, 4, 5]
        let design = try Matrix(x.map { [1, $0, $0 * $0] })
        let outcome = [1.1, 2.9, 9.2, 19.1, 32.8, 51.2]
        let coefficients = try design.solveLeastSquares(outcome)
        Self.expectClose(coefficients, [1.0785714285714443, -0.050714285714291485, 2.010714285714285], tolerance: 1e-12, "lstsq")
        // A square, exactly determined system gives the exact solution.
        Self.expectClose(try Self.general.solveLeastSquares([1, 2, 3]), try Self.general.solve([1, 2, 3]), "square")
        // Normal equations agree.
        let normal = try design.gram().solveCholesky(try design.transposed * outcome)
        Self.expectClose(coefficients, normal, tolerance: 1e-10, "normal equations")
    }

    @Test func rankDeficientLeastSquaresThrows() throws {
        let collinear = try Matrix([[1, 2, 3], [1, 4, 5], [1, 6, 7], [1, 8, 9]])   // column 3 = column 1 + column 2
        #expect {
            _ = try collinear.solveLeastSquares([1, 2, 3, 4])
        } throws: { error in
            guard case NumericalError.singular(let text) = error else { return false }
            return text.contains("rank 2")
        }
        #expect(throws: NumericalError.self) { _ = try Matrix(rows: 3, columns: 2).solveLeastSquares([1, 2, 3]) }
    }

    @Test func symmetricEigenReconstructs() throws {
        let (values, vectors) = try Self.symmetricPositiveDefinite.symmetricEigen()
        Self.expectClose(values, [1.6928770621373779, 2.64928450564626, 4.65783843221636], "eigenvalues")
        #expect(values == values.sorted())
        let reconstructed = try vectors * Matrix.diagonal(values) * vectors.transposed
        for (value, reference) in zip(reconstructed.elements, Self.symmetricPositiveDefinite.elements) {
            #expect(abs(value - reference) <= 1e-12)
        }
        let orthogonality = try vectors.transposed * vectors
        for (value, reference) in zip(orthogonality.elements, Matrix.identity(3).elements) {
            #expect(abs(value - reference) <= 1e-12)
        }
        // A larger matrix: the Gram matrix of a fixed pseudo-random design.
        let stream = RandomStream(seed: 11)
        let design = try Matrix(rows: 40, columns: 8, elements: (0..<320).map { _ in stream.nextUniform() - 0.5 })
        let gram = design.gram()
        let decomposition = try gram.symmetricEigen()
        let rebuilt = try decomposition.vectors * Matrix.diagonal(decomposition.values) * decomposition.vectors.transposed
        let scale = gram.maximumAbsoluteElement
        for (value, reference) in zip(rebuilt.elements, gram.elements) {
            #expect(abs(value - reference) <= 1e-12 * scale)
        }
    }
}
