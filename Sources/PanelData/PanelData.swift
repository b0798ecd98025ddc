// `PanelData` target (see DESIGN.md).
