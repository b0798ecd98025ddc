import Models
import Pipelines

/// The models a scenario may name in `model = "…"`, by key: a dictionary of registrations, one line
/// per model. Adding a model is its folders (`Sources/Models/NAME`, `Sources/Pipelines/NAME`) and one
/// line in ``standard``; nothing else in the scenario layer names a model.
public struct ModelRegistry: Sendable {
    private let registrations: [ModelRegistration]
    private let byKey: [String: ModelRegistration]

    public init(_ registrations: [ModelRegistration]) {
        self.registrations = registrations
        byKey = Dictionary(registrations.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Every model the package implements.
    public static let standard = ModelRegistry([
        ModelRegistration(AllocationEfficiencyPipeline.self),
        ModelRegistration(InformationSpilloverPipeline.self),
        ModelRegistration(QualityLadderPipeline.self),
        ModelRegistration(AllocationRegionalPipeline.self),
    ])

    public func descriptor(for key: String) -> ModelDescriptor? { byKey[key]?.descriptor }

    /// The registration that runs model `key`.
    public func registration(for key: String) -> ModelRegistration? { byKey[key] }

    /// The model keys, in registration order.
    public var keys: [String] { registrations.map(\.key) }
}
