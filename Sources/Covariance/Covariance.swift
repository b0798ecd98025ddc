// `Covariance` target (see DESIGN.md).
