// swift-tools-version:6.2
// The libFuzzer harnesses (issue 10). A package of its own so that its build, with
// `-sanitize=fuzzer,address`, never mixes with the main one: `Tools/fuzz` builds it into
// `.build-fuzz` and runs each harness for a bounded time. `Deps/` links to the sources fuzzed
// (LedgerCore and its libsodium shim) and holds the C entry point that starts libFuzzer
// (FuzzDriver); the portal's form parser is linked into the harnesses.
import PackageDescription

let harnesses = [
    "canonical-json", "entry", "event", "signed-note", "checkpoint", "tlog-proof", "witness-request", "bundle",
    "portal-form",
]

let package = Package(
    name: "ColedgerFuzz",
    targets: [
        .systemLibrary(name: "CSodium", path: "Deps/CSodium", pkgConfig: "libsodium"),
        .target(
            name: "LedgerCore", dependencies: ["CSodium"], path: "Deps/LedgerCore", exclude: ["Docs.docc"],
            swiftSettings: [
                .enableUpcomingFeature("ExistentialAny"), .enableUpcomingFeature("MemberImportVisibility"),
                .enableUpcomingFeature("InternalImportsByDefault"),
            ]),
        .target(name: "FuzzDriver", path: "Deps/FuzzDriver"),
        .executableTarget(
            name: "coledger-fuzz", dependencies: ["LedgerCore", "FuzzDriver"], path: ".",
            exclude: harnesses.map { "\($0)/corpus" } + ["README.md"],
            sources: harnesses + ["Main"],
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]),
    ]
)
