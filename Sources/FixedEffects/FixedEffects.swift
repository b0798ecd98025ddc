// `FixedEffects` target (see DESIGN.md).
