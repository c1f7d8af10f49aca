// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "supportd",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "supportd", targets: ["supportd"]),
        .library(name: "SupportCore", targets: ["SupportCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // Domain values, stage protocols and the turn pipeline. Pure Swift: no HTTP, no SQL.
        .target(
            name: "SupportCore",
            dependencies: [.product(name: "Logging", package: "swift-log")]
        ),
        // SQLite through GRDB: migrations, records, policy index, conversation and handoff stores.
        .target(
            name: "SupportStore",
            dependencies: ["SupportCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Hummingbird application: widget, console and health controllers, SSE writer, errors.
        .target(
            name: "SupportServer",
            dependencies: [
                "SupportCore", "SupportStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Evaluation: case files, the runner, metrics, reports, replay and public-data adapters.
        .target(name: "SupportEvals", dependencies: ["SupportCore"]),
        .executableTarget(
            name: "supportd",
            dependencies: [
                "SupportCore", "SupportStore", "SupportServer", "SupportEvals",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "SupportCoreTests", dependencies: ["SupportCore"]),
        .testTarget(
            name: "SupportStoreTests",
            dependencies: ["SupportStore", "SupportCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "SupportServerTests",
            dependencies: [
                "SupportServer", "SupportStore", "SupportCore",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "SupportEvalsTests",
            dependencies: [
                "SupportEvals", "SupportCore", "SupportServer", "SupportStore",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ]
)
