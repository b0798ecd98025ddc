import Covariance
import Estimation
import Testing

/// The estimation options of one case of a pyfixest fixture (validation/pyfixest_*.py): its normalized
/// covariance (`vcov_normalized`: iid, hetero, or CRV1 with cluster variables) and the tight demeaning
/// tolerance (1e-13) every pyfixest comparison uses.
enum PyfixestCaseOptions {
    /// The covariance type of `entry`'s `vcov_normalized`.
    static func vcov(_ entry: [String: Any]) throws -> VcovType {
        let normalized = try #require(entry["vcov_normalized"] as? [String: Any])
        let type = try #require(normalized["type"] as? String)
        let clusters = normalized["cluster"] as? [String] ?? []
        return type == "iid" ? .iid : type == "hetero" ? .heteroskedastic : .cluster(clusters)
    }

    /// The options of `entry`: its covariance and a demeaning tolerance of 1e-13.
    static func options(_ entry: [String: Any]) throws -> EstimationOptions {
        var options = EstimationOptions(vcov: try vcov(entry))
        options.demeaning.tolerance = 1e-13
        return options
    }
}
