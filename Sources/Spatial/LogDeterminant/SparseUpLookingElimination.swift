/// A number the up-looking elimination of I − ρW can run on: a plain `Double`, or a value carried
/// with its Taylor coefficients in ρ (``SecondOrderTaylor``) to differentiate the factorisation.
protocol EliminationScalar: Sendable {
    static var zero: Self { get }
    static var one: Self { get }
    /// The entry −ρ·w of I − ρW as this kind of number, negated: ρ·w (and its derivative w).
    static func scaledWeight(rho: Double, weight: Double) -> Self
    // Named rather than operators: operator requirements would add generic overloads of `*`, `/` and
    // `-=` that every arithmetic expression of the module (and of its @testable tests) must consider.
    func times(_ other: Self) -> Self
    func dividedBy(_ denominator: Self) -> Self
    mutating func subtract(_ other: Self)
    /// The value itself (the pivot checks look at it).
    var value: Double { get }
    /// True when the number is exactly zero (its row update can be skipped).
    var isZero: Bool { get }
}

extension Double: EliminationScalar {
    static var one: Double { 1 }
    static func scaledWeight(rho: Double, weight: Double) -> Double { rho * weight }
    func times(_ other: Double) -> Double { self * other }
    func dividedBy(_ denominator: Double) -> Double { self / denominator }
    mutating func subtract(_ other: Double) { self -= other }
    var value: Double { self }
}

extension SecondOrderTaylor: EliminationScalar {
    static let one = SecondOrderTaylor(c0: 1, c1: 0, c2: 0)
    static func scaledWeight(rho: Double, weight: Double) -> SecondOrderTaylor {
        SecondOrderTaylor(c0: rho * weight, c1: weight, c2: 0)
    }
    var value: Double { c0 }
    var isZero: Bool { c0 == 0 && c1 == 0 && c2 == 0 }
}

/// The row-by-row ("up-looking" Doolittle) elimination of I − ρW in the order of a
/// ``SparseEliminationStructure``, shared by ``SparseLUFactorization`` (plain numbers) and
/// ``SparseLUFactorization/logDeterminantDerivatives(structure:rho:)`` (numbers with their
/// derivatives): row p of A is scattered into a work vector, the earlier rows k of U in row p's
/// L structure are subtracted in ascending order (l_pk = x_k / u_kk), and what remains is row p of U.
enum SparseUpLookingElimination {
    /// Runs the elimination, writing u_pp into `diagonal`, U's off-diagonal entries into `upper`
    /// (parallel to `structure.upperColumns`) and, when given, L's into `lower`; `pivot(p, u_pp)` sees
    /// each pivot in order.
    /// - Throws: ``LogDeterminantError/unstablePivot(rho:position:pivot:)`` for a pivot that is not
    ///   finite or at most ``SparseLUFactorization/pivotTolerance`` in magnitude.
    static func run<Scalar: EliminationScalar>(
        structure: SparseEliminationStructure, rho: Double, diagonal: inout [Scalar], upper: inout [Scalar],
        lower: UnsafeMutableBufferPointer<Scalar>?, pivot: (Int, Scalar) -> Void
    ) throws {
        let count = structure.count
        diagonal = [Scalar](repeating: .zero, count: count)
        upper = [Scalar](repeating: .zero, count: structure.upperColumns.count)
        var work = [Scalar](repeating: .zero, count: count)
        var failure: (position: Int, pivot: Double)?
        structure.upperStarts.withUnsafeBufferPointer { upperStarts in
        structure.upperColumns.withUnsafeBufferPointer { upperColumns in
        structure.lowerStarts.withUnsafeBufferPointer { lowerStarts in
        structure.lowerColumns.withUnsafeBufferPointer { lowerColumns in
        structure.weightStarts.withUnsafeBufferPointer { weightStarts in
        structure.weightColumns.withUnsafeBufferPointer { weightColumns in
        structure.weightValues.withUnsafeBufferPointer { weightValues in
        diagonal.withUnsafeMutableBufferPointer { diagonal in
        upper.withUnsafeMutableBufferPointer { upper in
        work.withUnsafeMutableBufferPointer { work in
            for position in 0..<count {
                work[position] = .one
                for index in weightStarts[position]..<weightStarts[position + 1] {
                    work[weightColumns[index]].subtract(Scalar.scaledWeight(rho: rho, weight: weightValues[index]))
                }
                for index in lowerStarts[position]..<lowerStarts[position + 1] {
                    let column = lowerColumns[index]
                    let multiplier = work[column].dividedBy(diagonal[column])
                    lower?[index] = multiplier
                    work[column] = .zero
                    if !multiplier.isZero {
                        for entry in upperStarts[column]..<upperStarts[column + 1] {
                            work[upperColumns[entry]].subtract(multiplier.times(upper[entry]))
                        }
                    }
                }
                let value = work[position]
                work[position] = .zero
                guard value.value.isFinite, abs(value.value) > SparseLUFactorization.pivotTolerance else {
                    failure = (position, value.value)
                    return
                }
                diagonal[position] = value
                pivot(position, value)
                for entry in upperStarts[position]..<upperStarts[position + 1] {
                    let column = upperColumns[entry]
                    upper[entry] = work[column]
                    work[column] = .zero
                }
            }
        }}}}}}}}}}
        if let failure { throw LogDeterminantError.unstablePivot(rho: rho, position: failure.position, pivot: failure.pivot) }
    }
}
