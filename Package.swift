// swift-tools-version: 6.2
//
// soxready: SOX readiness wizard for finance applications moving to Azure.
//
// Layout (see docs/architecture.md):
//   SoxreadyCore   questionnaire engine, scoring, store, plan; knows nothing of terminals
//   CLibEdit       system library wrapping libedit (static inline shims only)
//   soxready       the thin executable (swift-argument-parser)
import PackageDescription

let package = Package(
    name: "soxready",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "soxready", targets: ["soxready"]),
        .library(name: "SoxreadyCore", targets: ["SoxreadyCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"]), .brew(["libedit"])]
        ),
        .target(
            name: "SoxreadyCore",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "soxready",
            dependencies: [
                "SoxreadyCore",
                "CLibEdit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "SoxreadyCoreTests",
            dependencies: ["SoxreadyCore"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "SoxreadyCLITests",
            dependencies: ["soxready"]
        ),
    ]
)

for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    target.swiftSettings = settings
}
