// `Estimation` target (see DESIGN.md).
