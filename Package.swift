// swift-tools-version: 6.0
// hetfirm — heterogeneous-firm trade models, Monte Carlo recovery and estimation.
// Licence: GPL-3.0-or-later (GSL is GPL-3).
import PackageDescription

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let package = Package(
    name: "hetfirm",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "hetfirm", targets: ["hetfirm"]),
        .library(name: "HetfirmScenario", targets: ["Scenario"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // System library: the GNU Scientific Library. Only `Numerical` may import it.
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"]), .brew(["gsl"])]
        ),
        // System library: SLEEF (vectorized exp/log). Only `CVectorMath` includes it.
        .systemLibrary(
            name: "CSleef",
            pkgConfig: "sleef",
            providers: [.apt(["libsleef-dev"]), .brew(["sleef"])]
        ),
        // C loops over whole `double` arrays calling SLEEF's vector functions (which take SIMD
        // registers by value, out of Swift's reach). Only `Numerical` may depend on it.
        .target(name: "CVectorMath", dependencies: ["CSleef"]),
        .target(name: "Numerical", dependencies: ["CGSL", "CVectorMath"]),
        // C shim for glibc's allocator thresholds (mallopt), used by the hetfirm executable only.
        .target(name: "CAllocator"),
        .target(name: "PanelData", dependencies: ["Numerical"]),
        .target(name: "FixedEffects", dependencies: ["Numerical"]),
        .target(name: "Covariance", dependencies: ["Numerical"]),
        .target(name: "Estimation", dependencies: ["Numerical", "PanelData", "FixedEffects", "Covariance"]),
        // Spatial econometrics: weight matrices (sparse), log-determinants, SAR/SEM/SAC/SDM by ML, impacts.
        .target(name: "Spatial", dependencies: ["Numerical", "PanelData", "Estimation"]),
        .target(name: "Measures", dependencies: ["Numerical", "PanelData", "Estimation"]),
        .target(name: "Models", dependencies: ["Numerical", "PanelData"]),
        .target(name: "MonteCarlo", dependencies: ["Numerical"]),
        .target(name: "Reporting", dependencies: ["PanelData", "Estimation", "MonteCarlo"]),
        // The seam between models and estimators: the generic run, Monte Carlo job and summary, the
        // estimator blocks, and one folder per model with what that model contributes (its pipeline).
        .target(
            name: "Pipelines",
            dependencies: ["Numerical", "PanelData", "Covariance", "Estimation", "Spatial", "Measures", "Models", "MonteCarlo", "Reporting"]
        ),
        .target(
            name: "Scenario",
            dependencies: [
                "Numerical", "PanelData", "Covariance", "Estimation", "Spatial", "Measures", "Models", "MonteCarlo",
                "Reporting", "Pipelines",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .executableTarget(
            name: "hetfirm",
            dependencies: [
                "Scenario", "Reporting", "MonteCarlo", "Pipelines", "CAllocator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmark entry point for bench/csv-read (times CSVReader on one file).
        .executableTarget(name: "CSVReadBench", dependencies: ["PanelData"], path: "bench/csv-read/CSVReadBench"),
        // Benchmark entry point for bench/spillover-measures (times SpilloverMeasures at paper-003 scale).
        .executableTarget(
            name: "SpilloverMeasuresBench", dependencies: ["Measures", "PanelData"],
            path: "bench/spillover-measures/SpilloverMeasuresBench"
        ),
        // Benchmark entry point for bench/spillover-simulation (simulation + regressors at paper-003 scale).
        .executableTarget(
            name: "SpilloverSimulationBench", dependencies: ["Models", "PanelData", "Pipelines"],
            path: "bench/spillover-simulation/SpilloverSimulationBench"
        ),
        // Benchmark entry point for bench/vector-math (scalar exp/log vs VectorMath over one column).
        .executableTarget(name: "VectorMathBench", dependencies: ["Numerical"], path: "bench/vector-math/VectorMathBench"),
        // Benchmark entry point for bench/quality-simulation (times one quality-ladder simulation).
        .executableTarget(name: "QualitySimulationBench", dependencies: ["Models"], path: "bench/quality-simulation/QualitySimulationBench"),
        // Benchmark entry point for bench/spatial-large (sparse log-determinants of a 10-NN W on n random points).
        .executableTarget(name: "SpatialLargeBench", dependencies: ["Spatial", "Numerical"], path: "bench/spatial-large/SpatialLargeBench"),
        // Shared by the test targets: repository and fixture paths, oracle-fixture loading, temporary
        // directories, a seeded generator, and the opt-in tags (.slow, .paperScale, .timing).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "ArchitectureTests", dependencies: ["TestSupport"]),
        .testTarget(name: "TestSupportTests", dependencies: ["TestSupport"]),
        .testTarget(name: "NumericalTests", dependencies: ["Numerical", "TestSupport"]),
        .testTarget(name: "PanelDataTests", dependencies: ["PanelData", "TestSupport"]),
        .testTarget(name: "FixedEffectsTests", dependencies: ["FixedEffects", "Numerical", "TestSupport"]),
        .testTarget(name: "CovarianceTests", dependencies: ["Covariance", "Numerical"]),
        .testTarget(name: "EstimationTests", dependencies: ["Estimation", "Numerical", "PanelData", "FixedEffects", "Covariance", "TestSupport"]),
        .testTarget(name: "SpatialTests", dependencies: ["Spatial", "Numerical", "PanelData", "Estimation", "TestSupport"]),
        .testTarget(name: "MeasuresTests", dependencies: ["Measures", "PanelData", "TestSupport"]),
        .testTarget(name: "ModelsTests", dependencies: ["Models", "Numerical", "PanelData", "TestSupport"]),
        .testTarget(name: "MonteCarloTests", dependencies: ["MonteCarlo", "Numerical"]),
        .testTarget(
            name: "ScenarioTests",
            dependencies: ["Scenario", "Pipelines", "Models", "MonteCarlo", "PanelData", "Estimation", "Spatial", "TestSupport"],
            resources: [.copy("Malformed")]
        ),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "MonteCarlo", "PanelData", "Estimation", "Covariance", "TestSupport"]),
    ]
)

// libFuzzer targets (docs/fuzzing.md), built only when HETFIRM_FUZZ=1 (scripts/fuzz.sh sets it):
// each links libFuzzer's `main` and so cannot link in an ordinary build.
if let fuzz = getenv("HETFIRM_FUZZ"), String(cString: fuzz) == "1" {
    let fuzzTargets: [(name: String, dependencies: [Target.Dependency])] = [
        ("ScenarioFuzz", ["Scenario"]),
        ("CSVFuzz", ["PanelData"]),
        ("FormulaFuzz", ["Estimation"]),
        ("CheckpointFuzz", ["Scenario", "MonteCarlo"]),
        ("ShardFuzz", ["Scenario", "MonteCarlo"]),
        ("WeightsFuzz", ["Spatial"]),
        ("RegionalFuzz", ["Scenario"]),
    ]
    for target in fuzzTargets {
        package.targets.append(.executableTarget(
            name: target.name, dependencies: target.dependencies, path: "Tests/Fuzz/Harness/\(target.name)"))
        package.products.append(.executable(name: target.name, targets: [target.name]))
    }
}
