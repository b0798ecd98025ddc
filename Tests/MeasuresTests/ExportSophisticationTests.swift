import Testing
@testable import Measures

/// RTV_ht (PRODY, paper 000 eq. 12) and MET_it (EXPY, eq. 13) on hand-computed tables, their
/// invariances, and every input error with its location. The pandas oracle is compared in
/// ScenarioTests/SophisticationCommandTests (through the CLI's reading of the fixture CSV).
@Suite("export sophistication (PRODY/EXPY)")
struct ExportSophisticationTests {
    /// Two regions, three products, two periods (codes: A = 0, B = 1; products 0, 1, 2; periods 0, 1).
    /// Period 0: A exports 10 of product 0 and 0 of product 1, B 5 and 5; PGDP 2 and 4.
    /// Period 1: A 1 of product 0, B 2 of product 0 and 0 of product 2 (exported by nobody); PGDP 3 and 5.
    static let small = RegionalExports(
        regionCount: 2, productCount: 3, timeCount: 2,
        region: [0, 0, 1, 1, 0, 1, 1], product: [0, 1, 0, 1, 0, 2, 0], time: [0, 0, 0, 0, 1, 1, 1],
        exports: [10, 0, 5, 5, 1, 0, 2])
    static let smallIncome = RegionalIncome(region: [0, 1, 0, 1], time: [0, 0, 1, 1], gdpPerCapita: [2, 4, 3, 5])

    /// Element-wise equality with NaN equal to NaN (undefined RTVs are NaN).
    static func same(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
    }

    static func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-15) -> Bool {
        abs(a - b) <= tolerance * max(abs(a), abs(b))
    }

    @Test("hand-computed RTV and MET, E_it, and the product exported by nobody left out")
    func handComputed() throws {
        let result = try ExportSophistication.compute(exports: Self.small, income: Self.smallIncome)
        // Period 0: shares A (1, 0), B (0.5, 0.5); RTV_0 = (1·2 + 0.5·4)/1.5 = 8/3, RTV_1 = 4.
        #expect(Self.close(try #require(result.rtv(product: 0, time: 0)), 8.0 / 3))
        #expect(result.rtv(product: 1, time: 0) == 4)
        #expect(Self.close(try #require(result.met(region: 0, time: 0)), 8.0 / 3))
        #expect(Self.close(try #require(result.met(region: 1, time: 0)), 0.5 * 8 / 3 + 0.5 * 4))
        // Period 1: both export only product 0, RTV = (3 + 5)/2 = 4 = both METs.
        #expect(result.rtv(product: 0, time: 1) == 4)
        #expect(result.met(region: 0, time: 1) == 4 && result.met(region: 1, time: 1) == 4)
        #expect(result.rtv(product: 2, time: 1) == nil && result.rtv(product: 1, time: 1) == nil)
        #expect(result.unexportedProducts == [.init(product: 2, time: 1, firstRow: 5)])
        #expect(result.totalExports == [10, 10, 1, 2])
        #expect(result.productExports == [15, 5, 0, 3, 0, 0])
        #expect(result.exportingRegions == [2, 1, 0, 2, 0, 0])
        #expect(result.regionPeriods.map { [$0.region, $0.time] } == [[0, 0], [1, 0], [0, 1], [1, 1]])
        #expect(result.productPeriods.map { [$0.product, $0.time] } == [[0, 0], [1, 0], [0, 1]])
    }

    @Test("row order does not matter; absent cells equal zero rows; a dense income table is the same")
    func invariances() throws {
        let base = try ExportSophistication.compute(exports: Self.small, income: Self.smallIncome)
        let order = [6, 2, 4, 0, 5, 3, 1]
        let shuffled = RegionalExports(
            regionCount: 2, productCount: 3, timeCount: 2, region: order.map { Self.small.region[$0] },
            product: order.map { Self.small.product[$0] }, time: order.map { Self.small.time[$0] },
            exports: order.map { Self.small.exports[$0] })
        let reordered = try ExportSophistication.compute(exports: shuffled, income: Self.smallIncome)
        #expect(reordered.regionSophistication == base.regionSophistication)
        #expect(Self.same(reordered.productSophistication, base.productSophistication))
        #expect(reordered.unexportedProducts == [.init(product: 2, time: 1, firstRow: 4)])
        // Without the zero row of product 1 in period 0 (row 1), only that product-period's bookkeeping changes.
        let keep = [0, 2, 3, 4, 5, 6]
        let sparse = RegionalExports(
            regionCount: 2, productCount: 3, timeCount: 2, region: keep.map { Self.small.region[$0] },
            product: keep.map { Self.small.product[$0] }, time: keep.map { Self.small.time[$0] },
            exports: keep.map { Self.small.exports[$0] })
        #expect(try ExportSophistication.compute(exports: sparse, income: Self.smallIncome).regionSophistication
                == base.regionSophistication)
        let dense = RegionalIncome(regionCount: 2, timeCount: 2, values: [2, 4, 3, 5])
        #expect(dense == Self.smallIncome)
        let fromDense = try ExportSophistication.compute(exports: Self.small, income: dense)
        #expect(fromDense.regionSophistication == base.regionSophistication)
        #expect(Self.same(fromDense.productSophistication, base.productSophistication))
    }

    @Test("RTV is a weighted mean of PGDP; with one PGDP for all regions, every RTV and MET equals it")
    func weightedMean() throws {
        var region: [Int] = [], product: [Int] = [], time: [Int] = [], exports: [Double] = []
        for t in 0..<3 { for r in 0..<5 { for h in 0..<7 {
            region.append(r); product.append(h); time.append(t)
            exports.append(h == r ? 1 : Double((3 * r + 5 * h + 7 * t) % 11))
        } } }
        let table = RegionalExports(regionCount: 5, productCount: 7, timeCount: 3, region: region, product: product,
                                    time: time, exports: exports)
        let flat = try ExportSophistication.compute(exports: table, income: RegionalIncome(
            regionCount: 5, timeCount: 3, values: [Double](repeating: 7.25, count: 15)))
        for value in flat.productSophistication where !value.isNaN { #expect(Self.close(value, 7.25, 1e-14)) }
        for value in flat.regionSophistication { #expect(Self.close(value, 7.25, 1e-14)) }
        let incomes = (0..<15).map { Double($0 % 5 + 1) * 1000 }
        let varied = try ExportSophistication.compute(exports: table, income: RegionalIncome(regionCount: 5, timeCount: 3, values: incomes))
        for value in varied.productSophistication + varied.regionSophistication where !value.isNaN {
            #expect(value >= 1000 * (1 - 1e-15) && value <= 5000 * (1 + 1e-15))
        }
    }

    static func failure(_ exports: RegionalExports, _ income: RegionalIncome = smallIncome,
                        _ options: ExportSophisticationOptions = .init()) -> SophisticationError? {
        do {
            _ = try ExportSophistication.compute(exports: exports, income: income, options: options)
            return nil
        } catch {
            return error
        }
    }

    static func changing(_ row: Int, exports value: Double? = nil, region: Int? = nil, product: Int? = nil,
                         time: Int? = nil) -> RegionalExports {
        var table = small
        if let value { table.exports[row] = value }
        if let region { table.region[row] = region }
        if let product { table.product[row] = product }
        if let time { table.time[row] = time }
        return table
    }

    @Test("negative or non-finite exports are located by row and cell")
    func invalidExports() {
        #expect(Self.failure(Self.changing(3, exports: -1)) == .invalidExports(row: 3, region: 1, product: 1, time: 0, value: -1))
        #expect(Self.failure(Self.changing(4, exports: .infinity)) == .invalidExports(row: 4, region: 0, product: 0, time: 1, value: .infinity))
        guard case .invalidExports(row: 2, region: 1, product: 0, time: 0, let value)? = Self.failure(Self.changing(2, exports: .nan)) else {
            Issue.record("NaN exports not rejected at row 2")
            return
        }
        #expect(value.isNaN)
    }

    @Test("a repeated (region, product, period) names both rows; the earliest repeat is reported")
    func duplicates() {
        // Row 3 becomes (B, product 0, period 0), the cell of row 2.
        #expect(Self.failure(Self.changing(3, product: 0)) == .duplicateExports(row: 3, firstRow: 2, region: 1, product: 0, time: 0))
        var twice = Self.small
        twice.region += [0, 1]; twice.product += [0, 0]; twice.time += [1, 1]; twice.exports += [1, 1]
        #expect(Self.failure(twice) == .duplicateExports(row: 7, firstRow: 4, region: 0, product: 0, time: 1))
    }

    @Test("a region-period with zero total exports, or without GDP per capita, is located at its first row")
    func regionPeriods() {
        // A's period-0 rows are 0 and 1: both zero.
        #expect(Self.failure(Self.changing(0, exports: 0)) == .zeroTotalExports(region: 0, time: 0, firstRow: 0))
        let withoutB1 = RegionalIncome(region: [0, 1, 0], time: [0, 0, 1], gdpPerCapita: [2, 4, 3])
        #expect(Self.failure(Self.small, withoutB1) == .missingGDPPerCapita(region: 1, time: 1, firstRow: 5))
        // A region-period without exports may have a GDP row (and is not used).
        let extra = RegionalExports(regionCount: 3, productCount: 3, timeCount: 2, region: Self.small.region,
                                    product: Self.small.product, time: Self.small.time, exports: Self.small.exports)
        let income = RegionalIncome(region: [0, 1, 0, 1, 2], time: [0, 0, 1, 1, 0], gdpPerCapita: [2, 4, 3, 5, 100])
        #expect(Self.failure(extra, income) == nil)
    }

    @Test("non-positive, non-finite or repeated GDP per capita is located by its row")
    func invalidIncome() {
        for bad in [0.0, -3, .infinity] {
            let income = RegionalIncome(region: [0, 1, 0, 1], time: [0, 0, 1, 1], gdpPerCapita: [2, 4, bad, 5])
            #expect(Self.failure(Self.small, income) == .invalidGDPPerCapita(row: 2, region: 0, time: 1, value: bad))
        }
        let repeated = RegionalIncome(region: [0, 1, 0, 1, 1], time: [0, 0, 1, 1, 0], gdpPerCapita: [2, 4, 3, 5, 4])
        #expect(Self.failure(Self.small, repeated) == .duplicateGDPPerCapita(row: 4, firstRow: 1, region: 1, time: 0))
    }

    @Test("a product exported by nobody is an error when rejected")
    func rejectUnexported() {
        #expect(Self.failure(Self.small, Self.smallIncome, .init(unexportedProducts: .reject))
                == .unexportedProduct(product: 2, time: 1, firstRow: 5))
        #expect(Self.failure(Self.changing(5, exports: 1), Self.smallIncome, .init(unexportedProducts: .reject)) == nil)
    }

    @Test("codes outside their range, lengths and counts are named")
    func shapes() {
        #expect(Self.failure(Self.changing(6, region: 2)) == .codeOutOfRange(table: .exports, row: 6, column: "region", value: 2, count: 2))
        #expect(Self.failure(Self.changing(1, product: -1)) == .codeOutOfRange(table: .exports, row: 1, column: "product", value: -1, count: 3))
        #expect(Self.failure(Self.changing(0, time: 2)) == .codeOutOfRange(table: .exports, row: 0, column: "time", value: 2, count: 2))
        let badIncome = RegionalIncome(region: [0, 1, 0, 1], time: [0, 0, 1, 5], gdpPerCapita: [2, 4, 3, 5])
        #expect(Self.failure(Self.small, badIncome) == .codeOutOfRange(table: .gdpPerCapita, row: 3, column: "time", value: 5, count: 2))
        var short = Self.small
        short.product.removeLast()
        #expect(Self.failure(short) == .lengthMismatch(table: .exports, column: "product", expected: 7, found: 6))
        var negative = Self.small
        negative.productCount = -1
        #expect(Self.failure(negative) == .invalidCount(name: "products", value: -1))
        #expect(SophisticationError.zeroTotalExports(region: 0, time: 1, firstRow: 4).description.contains("first row 4"))
    }

    @Test("an empty table gives empty results")
    func empty() throws {
        let none = RegionalExports(regionCount: 0, productCount: 0, timeCount: 0, region: [], product: [], time: [], exports: [])
        let result = try ExportSophistication.compute(exports: none, income: RegionalIncome(region: [], time: [], gdpPerCapita: []))
        #expect(result.regionSophistication.isEmpty && result.productSophistication.isEmpty && result.unexportedProducts.isEmpty)
    }
}
