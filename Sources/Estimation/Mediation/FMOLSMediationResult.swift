/// Paper 000's Table 2: the three steps of the stepwise mediation test, each by panel FMOLS.
///
/// Total effect Y = cX + controls; mediator M = aX + controls; outcome Y = c′X + bM + controls; each a
/// cointegrating regression with unit intercepts, estimated by ``PanelFMOLS`` (group-mean by default,
/// as the paper's "组间 FMOLS"). FMOLS is not least squares, so c = c′ + a·b does not hold exactly and
/// the share a·b / c is only indicative.
public struct FMOLSMediationResult: Sendable, Equatable {
    public let treatment: String
    public let mediator: String
    public let outcome: String
    /// Y ~ X (+ controls).
    public let totalEffectEquation: PanelFMOLSResult
    /// M ~ X (+ controls).
    public let mediatorEquation: PanelFMOLSResult
    /// Y ~ X + M (+ controls).
    public let outcomeEquation: PanelFMOLSResult
    /// Rows of the common sample (complete for X, M, Y and every control).
    public let observationCount: Int
    /// Total effect c, from the reported (group-mean or pooled) estimate, with a normal p-value.
    public let total: PathEstimate
    /// X → M, a.
    public let a: PathEstimate
    /// M → Y given X, b.
    public let b: PathEstimate
    /// Direct effect c′.
    public let direct: PathEstimate
    /// a·b.
    public let indirectEffect: Double
    /// Sobel: √(b²s_a² + a²s_b²) with the FMOLS standard errors.
    public let sobel: IndirectEffectTest
    /// Aroian: √(b²s_a² + a²s_b² + s_a²s_b²).
    public let aroian: IndirectEffectTest
    /// a·b / c; nil when c = 0.
    public let shareMediated: Double?
    /// c − (c′ + a·b): zero for least squares on one sample, not for FMOLS.
    public let decompositionGap: Double
    public let verdict: MediationVerdict
    /// The verdict in words (the stepwise rule of Wen et al. 2004 with the Sobel test as fallback).
    public let explanation: String
    /// Things the reader must know (sample, dropped units, the decomposition gap).
    public let notes: [String]
}
