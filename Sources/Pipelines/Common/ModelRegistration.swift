import Models

/// A model as the registry knows it: its descriptor and how to run it. Built from a model's
/// ``ModelPipeline`` type, so the scenario layer runs every model the same way without naming one.
public struct ModelRegistration: Sendable {
    public let descriptor: ModelDescriptor
    /// Runs the model's pipeline in `context` (``ModelRun``).
    public let run: @Sendable (RunContext) throws -> RunArtifacts
    /// The model's tiny scenario for the contract suite (``ModelPipeline/contractScenario``).
    public let contractScenario: String

    /// The registration of `pipeline`.
    public init<Pipeline: ModelPipeline>(_ pipeline: Pipeline.Type) {
        descriptor = Pipeline.descriptor
        run = { context in try ModelRun<Pipeline>(context: context).run() }
        contractScenario = Pipeline.contractScenario
    }

    public var key: String { descriptor.key }
}
