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
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        // Domain values, stage protocols and the turn pipeline. Pure Swift: no HTTP, no SQL.
        .target(
            name: "SupportCore",
            dependencies: [.product(name: "Logging", package: "swift-log")],
            resources: [.copy("Drafting/LLM/Prompts")]
        ),
        // SQLite through GRDB: migrations, records, policy index, conversation and handoff stores.
        .target(
            name: "SupportStore",
            dependencies: ["SupportCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // LLM providers over their wire protocols (OpenAI-compatible Chat Completions, Anthropic
        // Messages), streamed through one process-wide AsyncHTTPClient.
        .target(
            name: "SupportLLM",
            dependencies: [
                "SupportCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // A wire-level stand-in for both provider protocols on loopback, for tests and fault benchmarks:
        // it can answer, stall, drip, send garbage or fail.
        .target(
            name: "FakeProvider",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        // Hummingbird application: widget, console and health controllers, SSE writer, errors.
        .target(
            name: "SupportServer",
            dependencies: [
                "SupportCore", "SupportStore", "SupportLLM",
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
                "SupportCore", "SupportStore", "SupportServer", "SupportEvals", "SupportLLM", "FakeProvider",
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
            name: "SupportLLMTests",
            dependencies: [
                "SupportLLM", "SupportCore", "FakeProvider",
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
