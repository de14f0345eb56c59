// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Roret",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "roret", targets: ["roret"]),
        .library(name: "RoretCore", targets: ["RoretCore"]),
        .library(name: "RoretImport", targets: ["RoretImport"]),
        .library(name: "RoretStore", targets: ["RoretStore"]),
        .library(name: "RoretWeb", targets: ["RoretWeb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/vapor/vapor", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver", from: "2.14.0"),
        .package(url: "https://github.com/vapor/leaf", from: "4.5.2"),
        .package(url: "https://github.com/vapor/leaf-kit", from: "1.14.3"),
        // Uploads read in one pass with its streaming parser.
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        // "Hent til Excel": an .xlsx is a zip of XML parts.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // Benchmarks only: the CSV libraries the hand-written reader is measured against.
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        // Operations' metrics on /metrics.
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        // Single sign-on: the identity provider's ID tokens and keys (JWKS).
        .package(url: "https://github.com/vapor/jwt", from: "5.2.0"),
        // E-mail: STARTTLS on the SMTP connection (already in Vapor's graph).
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        // Domain and engines: pure Swift, no I/O, no framework.
        .target(name: "RoretCore"),
        // Reading and validating register extracts (CSV) into RoretCore's types.
        .target(name: "RoretImport", dependencies: ["RoretCore"]),
        // Persistence with Fluent: SQLite by default, PostgreSQL with DATABASE_URL.
        // Fluent models stay inside; it hands out Sendable value types.
        .target(
            name: "RoretStore",
            dependencies: [
                "RoretCore", "RoretImport",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQL", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        // The Vapor application: routes, Leaf views, sessions, auth, audit, JSON API. Thin.
        .target(
            name: "RoretWeb",
            dependencies: [
                "RoretCore", "RoretImport", "RoretStore",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "Leaf", package: "leaf"),
                .product(name: "LeafKit", package: "leaf-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "JWT", package: "jwt"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOTLS", package: "swift-nio"),
            ],
            // Each domain keeps its Leaf views beside its routes; `.process`
            // puts every view at the top of the resource bundle (names are unique).
            resources: [
                .process("Administration/Views"), .process("Citizens/Views"),
                .process("KeyFigures/Views"), .process("Leadership/Views"), .process("Offers/Views"), .process("Economics/Views"), .process("Shared/Views"), .copy("Shared/Public"),
            ]
        ),
        // The command line: thin over the targets above.
        .executableTarget(
            name: "roret",
            dependencies: [
                "RoretCore", "RoretImport", "RoretStore", "RoretWeb",
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
        // Test helpers shared by the store and web tests: a fresh database per test, SQLite or PostgreSQL.
        .target(name: "RoretTestSupport", dependencies: ["RoretStore"], path: "Tests/RoretTestSupport"),
        .testTarget(name: "RoretStoreTests", dependencies: ["RoretCore", "RoretImport", "RoretStore", "RoretTestSupport"]),
        .testTarget(
            name: "RoretWebTests",
            dependencies: [
                "RoretCore", "RoretImport", "RoretStore", "RoretWeb", "RoretTestSupport",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "JWT", package: "jwt"),
            ]
        ),
        .testTarget(name: "roretTests", dependencies: ["roret", "RoretCore", "RoretImport", "RoretStore"]),
    ],
    swiftLanguageModes: [.v6]
)
