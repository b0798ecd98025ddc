import Foundation

/// Which covariance estimator a regression reports.
///
/// The names follow fixest / pyfixest: `iid` (classical), `HC1` (White with the
/// n/(n − K) correction) and `CRV1` (cluster-robust, Liang–Zeger with the
/// G/(G − 1) · (n − 1)/(n − K) correction), one- or multi-way.
public enum VcovType: Sendable, Equatable, Codable, CustomStringConvertible {
    /// Whether the covariance needs the panel's unit and time of every observation.
    public var needsPanel: Bool {
        switch self {
        case .neweyWest, .driscollKraay: return true
        case .iid, .heteroskedastic, .cluster: return false
        }
    }

    /// Homoskedastic errors: V = σ̂² (X̃ᵀWX̃)⁻¹.
    case iid
    /// Heteroskedasticity-robust HC1: V = c · B (Σᵢ ûᵢ² x̃ᵢx̃ᵢᵀ) B.
    case heteroskedastic
    /// Cluster-robust CRV1 by one or more clustering variables (names are for display
    /// only; the codes arrive in ``CovarianceInput/clusters``, in the same order).
    case cluster([String])
    /// Panel Newey–West: each unit's scores autocorrelated up to `lags` periods with Bartlett weights
    /// 1 − j/(L + 1), units independent (pyfixest `"NW"` with `panel_id`); `nil` lags use ⌊T^{1/4}⌋.
    case neweyWest(lags: Int?)
    /// Driscoll–Kraay: the scores summed over units in each period, then a Newey–West over periods
    /// (cross-sectional and serial dependence; pyfixest `"DK"`); `nil` lags use ⌊T^{1/4}⌋.
    case driscollKraay(lags: Int?)

    /// "iid", "HC1", "CRV1 clustered by city^dest", "CRV1 two-way clustered by firm and year".
    public var description: String {
        switch self {
        case .iid:
            return "iid"
        case .heteroskedastic:
            return "HC1"
        case let .cluster(names):
            switch names.count {
            case 0:
                return "CRV1"
            case 1:
                return "CRV1 clustered by \(names[0])"
            default:
                let ways = [2: "two", 3: "three", 4: "four"][names.count] ?? "\(names.count)"
                let list = names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
                return "CRV1 \(ways)-way clustered by \(list)"
            }
        case let .neweyWest(lags):
            return "Newey-West" + (lags.map { " (\($0) lag\($0 == 1 ? "" : "s"))" } ?? "")
        case let .driscollKraay(lags):
            return "Driscoll-Kraay" + (lags.map { " (\($0) lag\($0 == 1 ? "" : "s"))" } ?? "")
        }
    }
}
