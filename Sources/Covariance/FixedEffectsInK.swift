import Foundation

/// How absorbed fixed-effect parameters enter K in the (n − 1)/(n − K) factor
/// (fixest `ssc(fixef.K = …)`, pyfixest `ssc(k_fixef = …)`).
public enum FixedEffectsInK: String, Sendable, Equatable, Codable, CaseIterable {
    /// K = k: fixed effects are ignored (fixest `"none"`, pyfixest `"none"`).
    case none
    /// K = k + absorbedParameters (fixest `"full"`, pyfixest `"full"`).
    case full
    /// K = k + absorbedParameters − absorbedParametersNestedInClusters for clustered
    /// covariances; K = k + absorbedParameters otherwise (fixest `"nested"`, pyfixest
    /// `"nonnested"`; the default of both).
    case nested
}
