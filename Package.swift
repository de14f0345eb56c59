// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Roret",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "roret", targets: ["roret"]),
        .library(name: "RoretCore", targets: ["RoretCore"]),
        .library(name: "RoretImport", targets: ["RoretImport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Benchmarks only: the CSV libraries the hand-written reader is measured against.
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
    ],
    targets: [
        // Domain and engines: pure Swift, no I/O, no framework.
        .target(name: "RoretCore"),
        // Reading and validating register extracts (CSV) into RoretCore's types.
        .target(name: "RoretImport", dependencies: ["RoretCore"]),
        // The command line: thin over RoretCore and RoretImport.
        .executableTarget(
            name: "roret",
            dependencies: [
                "RoretCore", "RoretImport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Release-build benchmarks: `bash Benchmarks/run.sh`.
        .executableTarget(
            name: "RoretBenchmarks",
            dependencies: [
                "RoretCore", "RoretImport",
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "SwiftCSV", package: "SwiftCSV"),
            ],
            path: "Benchmarks/RoretBenchmarks"
        ),
        .testTarget(name: "RoretCoreTests", dependencies: ["RoretCore"]),
        .testTarget(name: "RoretImportTests", dependencies: ["RoretCore", "RoretImport"]),
        .testTarget(name: "roretTests", dependencies: ["roret", "RoretCore", "RoretImport"]),
    ],
    swiftLanguageModes: [.v6]
)
