import Covariance

extension EstimationRequest.Vcov {
    /// The covariance estimator this scenario setting names.
    package var vcovType: VcovType {
        switch self {
        case .iid: return .iid
        case .hetero: return .heteroskedastic
        case .cluster(let names): return .cluster(names)
        case .neweyWest(let lags): return .neweyWest(lags: lags)
        case .driscollKraay(let lags): return .driscollKraay(lags: lags)
        }
    }
}
