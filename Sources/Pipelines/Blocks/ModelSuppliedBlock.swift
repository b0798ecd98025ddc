import Spatial

/// What a model supplies to the estimator blocks once its simulator is made (``ModelPipeline/spatialWeights(for:context:)``):
/// today its spatial weight matrices by name, which `weights = "model:NAME"` selects.
public struct ModelSupplies: Sendable {
    /// The model's weight matrices by name (``Models/ModelDescriptor/spatialWeights`` lists the names).
    public var spatialWeights: [String: SpatialWeights]

    public init(spatialWeights: [String: SpatialWeights] = [:]) {
        self.spatialWeights = spatialWeights
    }

    /// `blocks` with every block that waits for a supply bound to these supplies; the others unchanged.
    /// - Throws: ``RunFailure`` when a block names what the model does not supply.
    public func binding(_ blocks: [any EstimatorBlock]) throws -> [any EstimatorBlock] {
        try blocks.map { block in
            guard let waiting = block as? any ModelSuppliedBlock, waiting.needsModelSupplies else { return block }
            return try waiting.binding(self)
        }
    }

    /// Whether any of `blocks` waits for something the model supplies.
    public static func needed(by blocks: [any EstimatorBlock]) -> Bool {
        blocks.contains { ($0 as? any ModelSuppliedBlock)?.needsModelSupplies == true }
    }
}

/// An estimator block that may need something only the model's simulator knows (e.g. the spatial block
/// with `weights = "model:NAME"`). The generic run (``ModelRun``) binds it once per Monte Carlo, after the
/// simulator is made and before any replication, and runs the bound block.
public protocol ModelSuppliedBlock: EstimatorBlock {
    /// Whether the block waits for a supply (false: it runs as prepared, e.g. W read from a file).
    var needsModelSupplies: Bool { get }
    /// The block with what it needs from `supplies`.
    /// - Throws: ``RunFailure`` when `supplies` lacks it.
    func binding(_ supplies: ModelSupplies) throws -> any EstimatorBlock
}
