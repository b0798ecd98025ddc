// `Scenario` target (see DESIGN.md).
