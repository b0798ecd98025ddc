/// Which of a model's simulated panels an estimator block reads: `data = "NAME"` names one of the
/// model's other panels (`ModelDescriptor.additionalPanels`, checked when the scenario is decoded);
/// without `data` the block reads the main panel.
public enum PanelSelection: Sendable, Hashable {
    /// The model's main panel.
    case main
    /// One of the model's other panels, by the name `data =` gives it.
    case named(String)
}
