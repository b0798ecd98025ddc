import Spatial

extension EstimationRequest {
    /// The same request with other spatial settings (used to record W's file digest before a run).
    public func with(spatial: SpatialSettings?) -> EstimationRequest {
        EstimationRequest(
            name: name, method: method, formula: formula, vcov: vcov, recover: recover, split: split, sample: sample,
            standardize: standardize, data: data, panel: panel, weights: weights, convergence: convergence, ratio: ratio,
            grangerLags: grangerLags, fmols: fmols, gmm: gmm, spatial: spatial)
    }
}
