import Models

/// The models a scenario may name in `model = "…"`, by key.
public struct ModelRegistry: Sendable {
    private let descriptors: [ModelDescriptor]

    public init(_ descriptors: [ModelDescriptor]) { self.descriptors = descriptors }

    /// Every model the package implements.
    public static let standard = ModelRegistry([AllocationEfficiency.descriptor, InformationSpillover.descriptor,
                                                          QualityLadder.descriptor])

    public func descriptor(for key: String) -> ModelDescriptor? { descriptors.first { $0.key == key } }

    /// The model keys, in registration order.
    public var keys: [String] { descriptors.map(\.key) }
}
