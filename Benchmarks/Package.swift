// swift-tools-version: 6.1
// Regie's performance suite (ordo-one/benchmark). Run from the repository root with
// `make benchmarks`; figures and how to read them are in docs/PERFORMANCE.md.
import PackageDescription

let package = Package(
    name: "RegieBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Regie", path: "../"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        .target(
            name: "BenchmarkSupport",
            dependencies: [
                .product(name: "RegieCore", package: "Regie"),
                .product(name: "RegieLua", package: "Regie"),
                .product(name: "RegieStore", package: "Regie"),
                .product(name: "RegieAudit", package: "Regie"),
            ]
        ),
        .executableTarget(
            name: "RegieBenchmarks",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "RegieCore", package: "Regie"),
                .product(name: "RegieStore", package: "Regie"),
                .product(name: "RegieAudit", package: "Regie"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Benchmarks/RegieBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // A plain loop over the workloads, for profiling.
        .executableTarget(
            name: "workload",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "RegieAudit", package: "Regie"),
                .product(name: "RegieLua", package: "Regie"),
                .product(name: "RegieStore", package: "Regie"),
            ]
        ),
        // PostgreSQL: durable appends against raw INSERTs, concurrent clients, store copy.
        .executableTarget(
            name: "pg-bench",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "RegieCore", package: "Regie"),
                .product(name: "RegieLua", package: "Regie"),
                .product(name: "RegieStore", package: "Regie"),
                .product(name: "RegieStorePostgres", package: "Regie"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Hummingbird's plain "hello" route: the ceiling for the server's load test.
        .executableTarget(name: "hello-server", dependencies: [.product(name: "Hummingbird", package: "hummingbird")]),
        // Builds the 10,000-case store that scripts/case-show.py measures `regie case show` on.
        .executableTarget(
            name: "make-store",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "RegieCore", package: "Regie"),
                .product(name: "RegieStore", package: "Regie"),
            ]
        ),
    ]
)
