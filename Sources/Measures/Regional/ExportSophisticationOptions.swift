/// Choices of ``ExportSophistication/compute(exports:income:options:)``.
public struct ExportSophisticationOptions: Sendable, Equatable {
    /// What to do with a product that has rows in a period but zero exports from every region there.
    ///
    /// Its RTV_ht (PRODY) is 0/0, undefined. It has weight e_iht/E_it = 0 in every region's basket,
    /// so MET_it (EXPY, eq. 13) is the same whether it is excluded or not.
    public enum UnexportedProducts: String, Sendable, Equatable, CaseIterable {
        /// RTV_ht is left undefined (NaN), the product-period is listed in
        /// ``ExportSophisticationResult/unexportedProducts``, and MET is computed without it (the default).
        case exclude
        /// A ``SophisticationError/unexportedProduct(product:time:firstRow:)`` error.
        case reject
    }

    /// See ``UnexportedProducts``; default `.exclude`.
    public var unexportedProducts: UnexportedProducts = .exclude

    public init(unexportedProducts: UnexportedProducts = .exclude) {
        self.unexportedProducts = unexportedProducts
    }
}
