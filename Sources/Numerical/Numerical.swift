// `Numerical` target (see DESIGN.md).
