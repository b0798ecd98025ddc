// `MonteCarlo` target (see DESIGN.md).
