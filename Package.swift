// swift-tools-version: 6.2
//
// soxready: SOX readiness wizard for finance applications moving to Azure.
//
// Layout (see docs/architecture.md):
//   SoxreadyCore   questionnaire engine, scoring, store, plan; knows nothing of terminals
//   CLibEdit       system library wrapping libedit (static inline shims only)
//   CLibCrypto     system library for SHA-256 from the system libcrypto
//   SoxreadyPostgres  the PostgreSQL team store (postgres-nio), kept out of the core so that
//                  the core stays free of SwiftNIO
//   soxready       the thin executable (swift-argument-parser)
import PackageDescription

let package = Package(
    name: "soxready",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "soxready", targets: ["soxready"]),
        .library(name: "SoxreadyCore", targets: ["SoxreadyCore"]),
        .library(name: "SoxreadyPostgres", targets: ["SoxreadyPostgres"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
        // Already in postgres-nio's graph; declared because the store imports Logging (a no-op log handler).
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"]), .brew(["libedit"])]
        ),
        .systemLibrary(
            name: "CLibCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"]), .brew(["openssl"])]
        ),
        .target(
            name: "SoxreadyCore",
            dependencies: [
                "CLibCrypto",
                .product(name: "Yams", package: "Yams"),
                .product(name: "GRDB", package: "GRDB.swift"),
                // sqlite3_deserialize, to read a WAL store from a snapshot in memory.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .target(
            name: "SoxreadyPostgres",
            dependencies: [
                "SoxreadyCore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "soxready",
            dependencies: [
                "SoxreadyCore",
                "SoxreadyPostgres",
                "CLibEdit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "SoxreadyTestSupport",
            dependencies: ["SoxreadyCore", "SoxreadyPostgres"],
            path: "Tests/SoxreadyTestSupport"
        ),
        .testTarget(
            name: "SoxreadyPostgresTests",
            dependencies: ["SoxreadyCore", "SoxreadyPostgres", "SoxreadyTestSupport"]
        ),
        .testTarget(
            name: "SoxreadyCoreTests",
            dependencies: ["SoxreadyCore", "SoxreadyTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "SoxreadyCLITests",
            dependencies: ["soxready", "SoxreadyCore", "SoxreadyTestSupport"]
        ),
    ]
)

for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    target.swiftSettings = settings
}
