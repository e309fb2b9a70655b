// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Regie",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "regie", targets: ["regie"]),
        .library(name: "RegieCore", targets: ["RegieCore"]),
        .library(name: "RegieStore", targets: ["RegieStore"]),
        .library(name: "RegieStorePostgres", targets: ["RegieStorePostgres"]),
        .library(name: "RegieLua", targets: ["RegieLua"]),
        .library(name: "RegieAudit", targets: ["RegieAudit"]),
        .library(name: "RegieReports", targets: ["RegieReports"]),
        .library(name: "RegieApp", targets: ["RegieApp"]),
        .library(name: "RegieCLI", targets: ["RegieCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // 3.x or 4.x: jwt-kit 5 needs 4.
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.8.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        // Debian's liblua5.4-dev, found through pkg-config.
        .systemLibrary(
            name: "CLua",
            pkgConfig: "lua5.4",
            providers: [.apt(["liblua5.4-dev"])]
        ),
        // The only C that talks to Lua: protected calls, the instruction hook, the capped
        // allocator and value transfer. Lua's longjmp never leaves these C frames.
        .target(name: "CLuaShims", dependencies: ["CLua"]),
        .target(
            name: "RegieCore",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        .target(name: "RegieLua", dependencies: ["RegieCore", "CLuaShims"]),
        // The audit trail's hashes, Merkle log, checkpoints and verifier: pure, no I/O.
        // SHA-256 without a heap allocation per call, with the x86 SHA extensions when present.
        .target(name: "CSHA256"),
        .target(name: "RegieAudit", dependencies: ["CSHA256", .product(name: "Crypto", package: "swift-crypto")]),
        .target(
            name: "RegieStore",
            dependencies: [
                "RegieCore", "RegieAudit",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The shared store for organisations: PostgreSQL through postgres-nio.
        .target(
            name: "RegieStorePostgres",
            dependencies: [
                "RegieStore", "RegieCore", "RegieAudit",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The checks every store backend must pass, for the backends' test targets.
        .target(
            name: "RegieStoreConformance",
            dependencies: ["RegieStore", "RegieCore", "RegieAudit", .product(name: "Crypto", package: "swift-crypto"),
                           .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Markdown, HTML, SVG and dot renderings of the core's report data, and the wording of values.
        .target(name: "RegieReports", dependencies: ["RegieCore", "RegieAudit"]),
        // The application every front end calls: workspace, who acts, the authorisation policy,
        // case commands and reads, rules pinned by hash, replay and verification. No front end in it.
        .target(
            name: "RegieApp",
            dependencies: [
                "RegieCore", "RegieLua", "RegieStore", "RegieStorePostgres", "RegieAudit", "RegieReports",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
                // bcrypt for local accounts' passwords (C only, no server code).
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ]
        ),
        // The server (`regie serve`): who asks (API tokens), the JSON API, security headers,
        // problem details, health and metrics. Calls RegieApp like the command line does.
        .target(
            name: "RegieServer",
            dependencies: [
                "RegieApp", "RegieCore", "RegieReports", "RegieStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        // The command line: parse, call RegieApp (or start the server), print.
        .target(
            name: "RegieCLI",
            dependencies: [
                "RegieApp", "RegieServer", "RegieCore", "RegieReports", "RegieAudit",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        .executableTarget(name: "regie", dependencies: ["RegieCLI"]),
        .testTarget(name: "RegieCoreTests", dependencies: ["RegieCore"]),
        .testTarget(name: "RegieLuaTests", dependencies: ["RegieLua", "RegieCore"]),
        .testTarget(name: "RegieAuditTests", dependencies: ["RegieAudit", .product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(
            name: "RegieStoreTests",
            dependencies: [
                "RegieStore", "RegieStoreConformance", "RegieCore", "RegieAudit",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "RegieStorePostgresTests",
            dependencies: [
                "RegieStorePostgres", "RegieStoreConformance", "RegieStore", "RegieCore", "RegieAudit",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .testTarget(
            name: "RegieCLITests",
            dependencies: ["RegieCLI", "RegieApp", "RegieReports", "RegieStore", "RegieStorePostgres", "RegieCore", "RegieLua", "RegieAudit", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "RegieServerTests",
            dependencies: [
                "RegieServer", "RegieApp", "RegieCLI", "RegieCore", "RegieReports", "RegieStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "JWTKit", package: "jwt-kit"),
            ]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["regie", "RegieStore", "RegieCore", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Golden"]
        ),
    ]
)

// Strict settings for every Swift target, as swift-configuration does.
for target in package.targets where target.type != .system && !["CLuaShims", "CSHA256"].contains(target.name) {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    target.swiftSettings = settings
}
