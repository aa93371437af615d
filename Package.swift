// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "Coledger",
    products: [
        .library(name: "LedgerCore", targets: ["LedgerCore"]),
        .library(name: "LedgerStore", targets: ["LedgerStore"]),
        .library(name: "LedgerDomain", targets: ["LedgerDomain"]),
        .library(name: "LedgerAudit", targets: ["LedgerAudit"]),
        .library(name: "LedgerProjections", targets: ["LedgerProjections"]),
        .library(name: "LedgerPortal", targets: ["LedgerPortal"]),
        .library(name: "LedgerRecording", targets: ["LedgerRecording"]),
        .library(name: "LedgerWorkspace", targets: ["LedgerWorkspace"]),
        .library(name: "LedgerNotify", targets: ["LedgerNotify"]),
        .executable(name: "coledger", targets: ["ColedgerCLI"]),
        .executable(name: "coledger-bench", targets: ["ColedgerBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
    ],
    targets: [
        // C shims
        .systemLibrary(name: "CSodium", pkgConfig: "libsodium", providers: [.apt(["libsodium-dev"])]),

        // Core library: the format (canonical JSON, crypto, Merkle tree, notes, events, bundles)
        .target(name: "LedgerCore", dependencies: ["CSodium"]),
        // Domain: the PCREF event catalogue, its payload types and rules
        .target(name: "LedgerDomain", dependencies: ["LedgerCore"]),
        // Audit: integrity, entitlement and the plan's accountability rules, as one report
        .target(name: "LedgerAudit", dependencies: ["LedgerCore", "LedgerDomain", "LedgerStore"]),
        // Storage: the ledger in one SQLite file (the only module that touches SQL)
        .target(
            name: "LedgerStore",
            dependencies: [
                "LedgerCore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),

        // Projections: read models folded from the log into tables of the ledger file (only its
        // Storage/ folder touches SQL)
        .target(
            name: "LedgerProjections",
            dependencies: [
                "LedgerCore", "LedgerDomain", "LedgerStore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),

        // Portal: the web portal (`coledger serve`), server-rendered pages and the same data as JSON
        .target(
            name: "LedgerPortal",
            dependencies: [
                "LedgerCore", "LedgerDomain", "LedgerStore", "LedgerProjections", "LedgerAudit", "LedgerRecording",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ]
        ),

        // Recording: the verbs' logic (look-ups, typed payloads, append, receipt) that the CLI's
        // domain verbs and a web form share
        .target(name: "LedgerRecording", dependencies: ["LedgerCore", "LedgerDomain", "LedgerStore"]),

        // Notify: the outbox derived from the log, the SMTP client that delivers it, and the
        // recording of each notification once the server accepted it
        .target(name: "LedgerNotify", dependencies: ["LedgerCore", "LedgerDomain", "LedgerStore", "LedgerRecording"]),

        // Workspace: the staff workspace (the staff key store, TOTP, sign-in, sessions and the
        // staff pages, served by the portal's server on a listener of its own)
        .target(
            name: "LedgerWorkspace",
            dependencies: [
                "LedgerCore", "LedgerDomain", "LedgerStore", "LedgerProjections", "LedgerRecording", "LedgerPortal",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),

        // Tools
        .executableTarget(
            name: "ColedgerCLI",
            dependencies: [
                "LedgerCore", "LedgerStore", "LedgerDomain", "LedgerAudit", "LedgerProjections", "LedgerPortal", "LedgerRecording",
                "LedgerWorkspace", "LedgerNotify", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "ColedgerBench",
            dependencies: [
                "LedgerCore", "LedgerStore", "LedgerDomain", "LedgerAudit", "LedgerProjections", "CSodium",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            path: "Tools/bench",
            exclude: ["portal-load", "peer", "run", "compare"]
        ),

        // Tests
        .testTarget(name: "LedgerCoreTests", dependencies: ["LedgerCore"]),
        .testTarget(name: "LedgerDomainTests", dependencies: ["LedgerCore", "LedgerDomain"]),
        .testTarget(name: "LedgerAuditTests", dependencies: ["LedgerCore", "LedgerDomain", "LedgerStore", "LedgerAudit"]),
        .testTarget(
            name: "LedgerStoreTests",
            dependencies: [
                "LedgerCore", "LedgerStore", "LedgerDomain", "LedgerAudit", "LedgerProjections", .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "LedgerProjectionsTests",
            dependencies: [
                "LedgerCore", "LedgerStore", "LedgerDomain", "LedgerProjections", "LedgerAudit", .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "LedgerPortalTests",
            dependencies: [
                "LedgerCore", "LedgerStore", "LedgerDomain", "LedgerProjections", "LedgerPortal",
            ]
        ),
        .testTarget(
            name: "LedgerRecordingTests",
            dependencies: ["LedgerCore", "LedgerStore", "LedgerDomain", "LedgerProjections", "LedgerRecording"]
        ),
        .testTarget(
            name: "LedgerWorkspaceTests",
            dependencies: [
                "LedgerCore", "LedgerStore", "LedgerDomain", "LedgerRecording", "LedgerPortal", "LedgerWorkspace",
            ]
        ),
        .testTarget(
            name: "LedgerNotifyTests",
            dependencies: ["LedgerCore", "LedgerStore", "LedgerDomain", "LedgerRecording", "LedgerNotify"]
        ),
        .testTarget(
            name: "ColedgerCLITests",
            dependencies: ["LedgerCore", "LedgerStore", "LedgerDomain", "LedgerRecording", .product(name: "GRDB", package: "GRDB.swift")]
        ),
    ]
)

for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    if Context.environment["CI"] != nil { settings.append(.treatAllWarnings(as: .error)) }
    // Test code is not what is measured: compile it unoptimised even in a release build, where
    // optimising the test targets costs the suite minutes (the modules under test stay -O).
    if target.type == .test { settings.append(.unsafeFlags(["-Onone"])) }
    target.swiftSettings = settings
}
