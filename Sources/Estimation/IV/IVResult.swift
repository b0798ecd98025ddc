import Covariance
import Foundation

/// A test statistic with its degrees of freedom: χ²(df) for LM / Wald forms, F(df, denominatorDegrees) for F forms.
public struct IVTestStatistic: Sendable, Codable, Equatable {
    public let statistic: Double
    public let degreesOfFreedom: Int
    /// Denominator degrees of freedom of an F form; `nil` for χ² forms.
    public let denominatorDegrees: Int?
}

/// One first-stage regression: an endogenous regressor on the excluded instruments and the exogenous
/// regressors (all demeaned by the fixed effects).
public struct FirstStageResult: Sendable, Codable, Equatable {
    /// The endogenous regressor.
    public let endogenous: String
    /// The full first stage (instruments first, then the exogenous regressors), covariance of the chosen type.
    public let regression: RegressionResult
    /// The excluded instruments, in formula order.
    public let instrumentNames: [String]
    /// Partial R² of the instruments: 1 − RSS(w on [X, Z]) / RSS(w on X), after the fixed effects.
    public let partialRSquared: Double
    /// First-stage F: π̂_Zᵀ V̂_ZZ⁻¹ π̂_Z / L with V̂ of the chosen covariance type (iid, HC1, CRV1), L instruments
    /// (pyfixest `_f_stat_1st_stage`, fixest `fitstat(~ivwald)`); df (L, n − K) or (L, G − 1).
    public let fStatistic: IVTestStatistic

    /// The first-stage coefficients on the excluded instruments.
    public var instrumentCoefficients: [Double] {
        instrumentNames.compactMap { regression.coefficient($0) }
    }
}

/// Identification, over-identification and endogeneity diagnostics of a 2SLS fit.
public struct IVDiagnostics: Sendable, Codable, Equatable {
    /// Cragg–Donald Wald F (iid): (n − L − k_X − A) · r²_min / (1 − r²_min) / L, r²_min the smallest squared
    /// canonical correlation of M_X W and M_X Z (A absorbed FE parameters). With one endogenous regressor it equals
    /// the iid first-stage F.
    public let craggDonaldF: Double
    /// Sargan (iid): n · ûᵀP_Zû / ûᵀû ~ χ²(L − p), Z = [excluded instruments, X]; `nil` when exactly identified.
    public let sargan: IVTestStatistic?
    /// Hansen J (robust / one-way cluster): two-step efficient GMM with S = Σ sᵢsᵢᵀ from the 2SLS residuals
    /// (sᵢ = zᵢûᵢ or cluster sums, no small-sample factor), J = (Zᵀû₂)ᵀ S⁻¹ (Zᵀû₂) ~ χ²(L − p), û₂ the GMM residuals;
    /// `nil` with iid errors, multi-way clusters or exact identification.
    public let hansenJ: IVTestStatistic?
    /// Durbin (iid): δ / (e₀ᵀe₀ / n) ~ χ²(p), δ = e₀ᵀP_[Z,W]e₀ − ûᵀP_Zû, e₀ the OLS residuals of y on [X, W].
    public let durbin: IVTestStatistic
    /// Wu–Hausman (iid): (δ / p) / ((e₀ᵀe₀ − δ) / (n − k_X − A − 2p)) ~ F(p, n − k_X − A − 2p).
    public let wuHausman: IVTestStatistic
    /// Control-function Durbin–Wu–Hausman: OLS of y on [X, W, V̂] (V̂ the first-stage residuals), Wald test of the
    /// V̂ coefficients with the chosen covariance, divided by p. With iid errors it equals `wuHausman`.
    public let controlFunctionF: IVTestStatistic
    /// Kleibergen–Paap (2006) rk LM underidentification test of rank(Π) = p − 1, χ²(L − p + 1), with the chosen
    /// covariance and no small-sample factor (``KleibergenPaapRankTest``); with iid errors the Anderson LM n · r²_min.
    /// `nil` when it cannot be computed (singular Ω) or in results decoded from older files.
    public let kleibergenPaapLM: IVTestStatistic?
    /// Kleibergen–Paap rk Wald F: rk Wald / L with the first stages' small-sample factor (ivreg2's scaling); with iid
    /// errors the Cragg–Donald F, with one endogenous regressor the first-stage F of the chosen covariance.
    public let kleibergenPaapWaldF: Double?

    init(craggDonaldF: Double, sargan: IVTestStatistic?, hansenJ: IVTestStatistic?, durbin: IVTestStatistic,
         wuHausman: IVTestStatistic, controlFunctionF: IVTestStatistic,
         kleibergenPaap: (lm: IVTestStatistic, waldF: Double)?) {
        self.craggDonaldF = craggDonaldF
        self.sargan = sargan
        self.hansenJ = hansenJ
        self.durbin = durbin
        self.wuHausman = wuHausman
        self.controlFunctionF = controlFunctionF
        kleibergenPaapLM = kleibergenPaap?.lm
        kleibergenPaapWaldF = kleibergenPaap?.waldF
    }
}

/// The result of a 2SLS estimation with absorbed fixed effects.
public struct IVResult: Sendable, Codable, Equatable {
    /// The second stage: exogenous regressors first, then the endogenous ones (pyfixest's order); the covariance
    /// is the 2SLS sandwich with X̂ as regressors, residuals y − Xβ̂ with the actual endogenous values.
    public let secondStage: RegressionResult
    /// One first stage per endogenous regressor, in formula order.
    public let firstStages: [FirstStageResult]
    public let diagnostics: IVDiagnostics
    public let endogenousNames: [String]
    public let instrumentNames: [String]

    public var coefficients: [Double] { secondStage.coefficients }
    public var standardErrors: [Double] { secondStage.standardErrors }
    public func coefficient(_ name: String) -> Double? { secondStage.coefficient(name) }
    public func standardError(_ name: String) -> Double? { secondStage.standardError(name) }
}
