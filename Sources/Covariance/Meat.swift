import Foundation
import Numerical

/// The "meat" matrices of the sandwich, computed in one pass over the observations
/// with no per-observation allocation.
///
/// With scores ŝᵢ = wᵢ ûᵢ x̃ᵢ (wᵢ = 1 unweighted):
/// - heteroskedastic: M = Σᵢ ŝᵢ ŝᵢᵀ
/// - clustered by codes g(i): M = Σ_g S_g S_gᵀ with S_g = Σ_{i: g(i) = g} ŝᵢ
///   (the per-cluster sums live in one flat G × k buffer).
enum Meat {
    /// Σᵢ ŝᵢ ŝᵢᵀ (k × k, symmetric).
    static func heteroskedastic(_ input: CovarianceInput) -> Matrix {
        let n = input.observationCount
        let k = input.coefficientCount
        var upper = [Double](repeating: 0, count: k * k)
        input.regressors.elements.withUnsafeBufferPointer { x in
            input.residuals.withUnsafeBufferPointer { u in
                upper.withUnsafeMutableBufferPointer { m in
                    for i in 0..<n {
                        let scale = input.weights.map { $0[i] * u[i] } ?? u[i]
                        let factor = scale * scale
                        let row = i * k
                        for a in 0..<k {
                            let xa = factor * x[row + a]
                            for b in a..<k {
                                m[a * k + b] += xa * x[row + b]
                            }
                        }
                    }
                }
            }
        }
        return symmetricFromUpper(upper, size: k)
    }

    /// Σ_g S_g S_gᵀ for cluster codes in 0..<stride (k × k, symmetric).
    static func clustered(_ input: CovarianceInput, codes: [Int32], stride: Int) -> Matrix {
        let n = input.observationCount
        let k = input.coefficientCount
        var sums = [Double](repeating: 0, count: stride * k)
        input.regressors.elements.withUnsafeBufferPointer { x in
            input.residuals.withUnsafeBufferPointer { u in
                codes.withUnsafeBufferPointer { g in
                    sums.withUnsafeMutableBufferPointer { s in
                        if let weights = input.weights {
                            weights.withUnsafeBufferPointer { w in
                                for i in 0..<n {
                                    let scale = w[i] * u[i]
                                    let target = Int(g[i]) * k
                                    let row = i * k
                                    for a in 0..<k { s[target + a] += scale * x[row + a] }
                                }
                            }
                        } else {
                            for i in 0..<n {
                                let scale = u[i]
                                let target = Int(g[i]) * k
                                let row = i * k
                                for a in 0..<k { s[target + a] += scale * x[row + a] }
                            }
                        }
                    }
                }
            }
        }
        var upper = [Double](repeating: 0, count: k * k)
        sums.withUnsafeBufferPointer { s in
            upper.withUnsafeMutableBufferPointer { m in
                for cluster in 0..<stride {
                    let row = cluster * k
                    for a in 0..<k {
                        let sa = s[row + a]
                        if sa == 0 { continue }
                        for b in a..<k {
                            m[a * k + b] += sa * s[row + b]
                        }
                    }
                }
            }
        }
        return symmetricFromUpper(upper, size: k)
    }

    /// A symmetric matrix from its upper triangle (row-major).
    static func symmetricFromUpper(_ upper: [Double], size k: Int) -> Matrix {
        var full = Matrix(rows: k, columns: k)
        for a in 0..<k {
            for b in a..<k {
                full.elements[a * k + b] = upper[a * k + b]
                full.elements[b * k + a] = upper[a * k + b]
            }
        }
        return full
    }
}
