// `Reporting` target (see DESIGN.md).
