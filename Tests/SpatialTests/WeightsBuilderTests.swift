import Foundation
import Testing
import TestSupport
@testable import Spatial

/// The builders' formulas on hand-checkable inputs, their tie rules and their refusals.
@Suite("spatial weights builders")
struct WeightsBuilderTests {
    @Test("contiguity is symmetrised and binary; listed units without pairs are islands")
    func contiguity() throws {
        let weights = try SpatialWeightsBuilder.contiguity(pairs: [("1", "2"), ("02", "3"), ("3", "2")], units: ["4"], rowStandardize: false)
        #expect(weights.unitIdentifiers == ["4", "1", "2", "3"])
        #expect(weights.isSymmetric())
        #expect(weights.neighbourCounts == [0, 1, 2, 1])
        #expect(weights.values.allSatisfy { $0 == 1 })
        let standardised = try SpatialWeightsBuilder.contiguity(pairs: [("a", "b"), ("a", "c")])
        #expect(standardised.denseElements() == [0, 0.5, 0.5, 1, 0, 0, 1, 0, 0])
        #expect(throws: SpatialError.selfNeighbour("a")) { try SpatialWeightsBuilder.contiguity(pairs: [("a", "a")]) }
        let directed = try SpatialWeightsReader.read(bytes: Array("f,t\na,b\nc,a\n".utf8), fileName: "p", format: .edges)
        let symmetrised = try SpatialWeightsBuilder.contiguity(symmetrizing: directed, rowStandardize: false)
        #expect(symmetrised.denseElements() == [0, 1, 1, 1, 0, 0, 1, 0, 0])
    }

    @Test("k nearest neighbours: ties go to the earlier unit, great-circle ranks by arc")
    func nearestNeighbours() throws {
        // Unit 0 at the origin has three units at distance 1; with k = 2 the first two listed win.
        let weights = try SpatialWeightsBuilder.nearestNeighbours(
            identifiers: ["o", "e", "n", "w"], x: [0, 1, 0, -1], y: [0, 0, 1, 0], k: 2, rowStandardize: false)
        #expect(weights.neighbours(of: 0).map(\.column) == [1, 2])
        let reversed = try SpatialWeightsBuilder.nearestNeighbours(
            identifiers: ["o", "w", "n", "e"], x: [0, -1, 0, 1], y: [0, 0, 1, 0], k: 2, rowStandardize: false)
        #expect(reversed.neighbours(of: 0).map(\.column) == [1, 2])
        // Near the pole one degree of longitude is short: (0°, 80°) is nearer to (40°, 80°) than to (0°, 72°).
        let arc = try SpatialWeightsBuilder.nearestNeighbours(
            identifiers: ["a", "b", "c"], x: [0, 40, 0], y: [80, 80, 72], k: 1, distance: .earth, rowStandardize: false)
        #expect(arc.neighbours(of: 0).map(\.column) == [1])
        let planar = try SpatialWeightsBuilder.nearestNeighbours(
            identifiers: ["a", "b", "c"], x: [0, 40, 0], y: [80, 80, 72], k: 1, rowStandardize: false)
        #expect(planar.neighbours(of: 0).map(\.column) == [2])
        #expect(throws: SpatialError.invalidParameter(name: "k", value: "3", requirement: "k must lie in 1 … n − 1 = 2")) {
            try SpatialWeightsBuilder.nearestNeighbours(identifiers: ["a", "b", "c"], x: [0, 1, 2], y: [0, 0, 0], k: 3)
        }
        #expect(throws: SpatialError.duplicateUnit("1")) {
            try SpatialWeightsBuilder.nearestNeighbours(identifiers: ["1", "1.0", "2"], x: [0, 1, 2], y: [0, 0, 0], k: 1)
        }
        #expect(throws: SpatialError.invalidUnitValue(unit: "b", quantity: "latitude", value: 91, requirement: "latitudes (y) must lie in [−90, 90] degrees for great-circle distances")) {
            try SpatialWeightsBuilder.nearestNeighbours(identifiers: ["a", "b"], x: [0, 0], y: [0, 91], k: 1, distance: .earth)
        }
    }

    @Test("the k-d tree finds exactly the exhaustive search's neighbours, ties included (grid points, duplicates)")
    func treeEqualsExhaustiveSearch() throws {
        var random = SplitMix64(seed: 20261207)
        // A 12 × 12 integer grid (many equal distances), two duplicated points, and 300 random points.
        var x: [Double] = [], y: [Double] = []
        for row in 0..<12 { for column in 0..<12 { x.append(Double(column)); y.append(Double(row)) } }
        x += [3, 3]; y += [4, 4]
        for _ in 0..<300 { x.append(random.uniform() * 11); y.append(random.uniform() * 11) }
        let ids = x.indices.map { "u\($0)" }
        for distance in [SpatialDistance.planar, .earth] {
            let lon = distance == .planar ? x : x.map { 100 + $0 * 2 }, lat = distance == .planar ? y : y.map { 20 + $0 * 2 }
            let locations = try SpatialLocations(identifiers: ids, x: lon, y: lat, distance: distance, limits: .standard)
            let tree = NearestNeighbourTree(locations)
            for k in [1, 4, 9] {
                let exhaustive = SpatialWeightsBuilder.exhaustiveNearestNeighbours(locations, k: k)
                for unit in ids.indices {
                    #expect(tree.nearest(to: unit, k: k) == exhaustive[unit], "\(distance) k = \(k), unit \(unit)")
                }
            }
        }
        // On the grid, unit 0 (corner) has two neighbours at distance 1: with k = 1 the earlier (unit 1) wins.
        let grid = try SpatialLocations(identifiers: Array(ids.prefix(144)), x: Array(x.prefix(144)), y: Array(y.prefix(144)),
                                        distance: .planar, limits: .standard)
        #expect(NearestNeighbourTree(grid).nearest(to: 0, k: 1) == [1])
        #expect(NearestNeighbourTree(grid).nearest(to: 13, k: 4) == [1, 12, 14, 25])
    }

    @Test("spectrum: a row-standardised path of three units has eigenvalues −1, 0, 1")
    func spectrum() throws {
        let path = try SpatialWeightsBuilder.contiguity(pairs: [("a", "b"), ("b", "c")])
        let spectrum = try #require(try path.spectrum())
        #expect(abs(spectrum.minimumReal + 1) < 1e-12 && abs(spectrum.maximumReal - 1) < 1e-12)
        #expect(abs(spectrum.admissibleRho.lower + 1) < 1e-12 && abs(spectrum.admissibleRho.upper - 1) < 1e-12)
    }

    @Test("great-circle distance: a quarter meridian and one degree of the equator")
    func haversine() throws {
        let weights = try SpatialWeightsBuilder.inverseDistance(
            identifiers: ["equator", "pole", "east"], x: [0, 0, 1], y: [0, 90, 0], distance: .earth, rowStandardize: false)
        let quarter = Double.pi / 2 * SpatialDistance.earthRadiusKilometres
        let degree = Double.pi / 180 * SpatialDistance.earthRadiusKilometres
        let row = Dictionary(uniqueKeysWithValues: weights.neighbours(of: 0).map { ($0.column, $0.weight) })
        #expect(abs(row[1]! * quarter - 1) < 1e-14)
        #expect(abs(row[2]! * degree - 1) < 1e-14)
    }

    @Test("inverse distance: cutoffs keep d ≤ cutoff, coincident points and bad parameters are refused, dense size is bounded")
    func inverseDistance() throws {
        let weights = try SpatialWeightsBuilder.inverseDistance(
            identifiers: ["a", "b", "c"], x: [0, 2, 5], y: [0, 0, 0], power: 2, cutoff: 3, rowStandardize: false)
        #expect(weights.denseElements() == [0, 0.25, 0, 0.25, 0, 1.0 / 9, 0, 1.0 / 9, 0])
        let island = try SpatialWeightsBuilder.inverseDistance(identifiers: ["a", "b", "c"], x: [0, 2, 9], y: [0, 0, 0], cutoff: 3)
        #expect(island.islands == [2])
        #expect(throws: SpatialError.coincidentUnits("a", "b", measure: "the same coordinates")) {
            try SpatialWeightsBuilder.inverseDistance(identifiers: ["a", "b"], x: [1, 1], y: [2, 2])
        }
        #expect(throws: SpatialError.invalidParameter(name: "power", value: "0.0", requirement: "the power must be a finite number > 0")) {
            try SpatialWeightsBuilder.inverseDistance(identifiers: ["a", "b"], x: [0, 1], y: [0, 0], power: 0)
        }
        #expect(throws: SpatialError.invalidParameter(name: "cutoff", value: "-1.0", requirement: "the cutoff must be a finite distance > 0")) {
            try SpatialWeightsBuilder.inverseDistance(identifiers: ["a", "b"], x: [0, 1], y: [0, 0], cutoff: -1)
        }
        let limits = SpatialWeightsLimits(maximumEntries: 5)
        #expect(throws: SpatialError.self) {
            try SpatialWeightsBuilder.inverseDistance(identifiers: ["a", "b", "c"], x: [0, 1, 2], y: [0, 0, 0], limits: limits)
        }
        #expect(throws: SpatialError.invalidUnitValue(unit: "b", quantity: "x", value: .nan, requirement: "coordinates must be finite numbers")) {
            try SpatialWeightsBuilder.inverseDistance(identifiers: ["a", "b"], x: [0, .nan], y: [0, 0])
        }
    }

    @Test("economic distance is 1/|ḡ_i − ḡ_j|; equal means are refused")
    func economicDistance() throws {
        let weights = try SpatialWeightsBuilder.economicDistance(identifiers: ["a", "b", "c"], means: [1, 3, 7], rowStandardize: false)
        #expect(weights.denseElements() == [0, 0.5, 1.0 / 6, 0.5, 0, 0.25, 1.0 / 6, 0.25, 0])
        #expect(weights.isSymmetric())
        let standardised = try SpatialWeightsBuilder.economicDistance(identifiers: ["a", "b", "c"], means: [1, 3, 7])
        #expect(abs(standardised.neighbours(of: 0)[0].weight - 0.75) < 1e-15)
        #expect(throws: SpatialError.coincidentUnits("a", "c", measure: "equal means (2.0)")) {
            try SpatialWeightsBuilder.economicDistance(identifiers: ["a", "b", "c"], means: [2, 3, 2])
        }
    }

    @Test("gravity: M_i^a M_j^b / d^c with defaults a = b = 1, c = 2; flows optionally symmetrised")
    func gravity() throws {
        let weights = try SpatialWeightsBuilder.gravity(
            identifiers: ["a", "b", "c"], masses: [1, 2, 4], x: [0, 1, 3], y: [0, 0, 0], rowStandardize: false)
        #expect(weights.denseElements() == [0, 2, 4.0 / 9, 2, 0, 2, 4.0 / 9, 2, 0])
        let skewed = try SpatialWeightsBuilder.gravity(
            identifiers: ["a", "b"], masses: [2, 3], x: [0, 2], y: [0, 0], originExponent: 0.5, destinationExponent: 2,
            distanceExponent: 1, rowStandardize: false)
        #expect(abs(skewed.neighbours(of: 0)[0].weight - 2.0.squareRoot() * 9 / 2) < 1e-14)
        #expect(throws: SpatialError.invalidUnitValue(unit: "b", quantity: "the mass", value: 0, requirement: "masses must be finite and > 0")) {
            try SpatialWeightsBuilder.gravity(identifiers: ["a", "b"], masses: [1, 0], x: [0, 1], y: [0, 0])
        }
        let flows = try SpatialWeightsReader.read(bytes: Array(",a,b,c\na,5,4,0\nb,2,5,1\nc,0,0,5\n".utf8), fileName: "f",
                                                  format: .csv, dropDiagonal: true)
        let symmetric = try SpatialWeightsBuilder.flows(flows, symmetrize: true, rowStandardize: false)
        #expect(symmetric.denseElements() == [0, 3, 0, 3, 0, 0.5, 0, 0.5, 0])
        let raw = try SpatialWeightsBuilder.flows(flows, rowStandardize: true)
        #expect(raw.islands == [2])
        #expect(raw.denseElements() == [0, 1, 0, 2.0 / 3, 0, 1.0 / 3, 0, 0, 0])
    }

    @Test("the writer refuses what a format cannot hold and round-trips what it can")
    func writer() throws {
        let weighted = try SpatialWeights(unitIdentifiers: ["a", "b", "c"], triplets: [(0, 1, 1), (0, 2, 2), (1, 0, 1)])
        #expect(throws: SpatialError.self) { try SpatialWeightsWriter.text(weighted, format: .gal) }
        #expect(throws: SpatialError.self) { try SpatialWeightsWriter.text(weighted, format: .gwt) }
        let spaced = try SpatialWeights(unitIdentifiers: ["New York", "b"], triplets: [(0, 1, 1), (1, 0, 1)])
        #expect(throws: SpatialError.self) { try SpatialWeightsWriter.text(spaced, format: .gwt) }
        for format in [SpatialWeightsFormat.edges, .csv] {
            for weights in [weighted, spaced] {
                let text = try SpatialWeightsWriter.text(weights, format: format)
                let back = try SpatialWeightsReader.read(bytes: Array(text.utf8), fileName: "w", format: format)
                #expect(try back.aligned(to: weights.unitIdentifiers) == weights, "\(format)")
            }
        }
        let islands = try SpatialWeights(unitIdentifiers: ["a", "b", "c"], triplets: [(0, 1, 0.5), (1, 0, 0.5)])
        let gal = try SpatialWeightsWriter.text(islands, format: .gal)
        #expect(gal == "3\na 1\nb\nb 1\na\nc 0\n\n")
        #expect(try SpatialWeightsReader.read(bytes: Array(gal.utf8), fileName: "w", format: .gal).islands == [2])
        #expect(throws: SpatialError.formatCannotHold(
            format: "GWT", reason: "unit c has no neighbours and GWT cannot name such a unit; write gal, edges or csv")) {
            try SpatialWeightsWriter.text(islands, format: .gwt)
        }
    }
}
