// swift-tools-version: 6.0
import Foundation
import PackageDescription

/// Settings shared by every Swift target: Swift 6 mode is the package default;
/// these make dependencies explicit and existentials visible.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "legality",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "legality", targets: ["legality"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "YAMLTree", dependencies: ["CYAML"], swiftSettings: strictSettings),
        .target(name: "DecisionRecords", dependencies: ["YAMLTree"], swiftSettings: strictSettings),
        .target(name: "RuleLanguage", dependencies: ["YAMLTree", "DecisionRecords"], swiftSettings: strictSettings),
        .target(name: "RuleEngine", dependencies: ["RuleLanguage", "DecisionRecords", "YAMLTree"], swiftSettings: strictSettings),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        .target(name: "OfficePackage", dependencies: ["CZlib"], swiftSettings: strictSettings),
        .target(name: "Ledgers", dependencies: ["YAMLTree", "DecisionRecords", "OfficePackage"], swiftSettings: strictSettings),
        .target(
            name: "Reporters", dependencies: ["RuleEngine", "RuleLanguage", "DecisionRecords", "YAMLTree", "OfficePackage"],
            swiftSettings: strictSettings),
        .target(
            name: "LegalityCLI",
            dependencies: [
                "YAMLTree", "DecisionRecords", "RuleLanguage", "RuleEngine", "Reporters", "Ledgers",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(name: "legality", dependencies: ["LegalityCLI"], swiftSettings: strictSettings),
        .testTarget(name: "YAMLTreeTests", dependencies: ["YAMLTree"], swiftSettings: strictSettings),
        .testTarget(name: "DecisionRecordsTests", dependencies: ["DecisionRecords", "YAMLTree"], swiftSettings: strictSettings),
        .testTarget(
            name: "RuleEngineTests",
            dependencies: ["RuleEngine", "RuleLanguage", "DecisionRecords", "YAMLTree"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ReportersTests", dependencies: ["Reporters", "RuleEngine", "RuleLanguage", "DecisionRecords"], exclude: ["Snapshots"],
            swiftSettings: strictSettings),
        .testTarget(name: "LegalityCLITests", dependencies: ["LegalityCLI"], swiftSettings: strictSettings),
        .testTarget(name: "LedgersTests", dependencies: ["Ledgers", "OfficePackage", "DecisionRecords", "YAMLTree"], swiftSettings: strictSettings),
    ]
)

// libFuzzer targets, built only by `make fuzz` (LEGALITY_FUZZ=1 with -sanitize=fuzzer), since
// libFuzzer supplies their `main`.
if ProcessInfo.processInfo.environment["LEGALITY_FUZZ"] == "1" {
    let fuzzTargets: [(String, [Target.Dependency])] = [
        ("FuzzYAMLTree", ["YAMLTree"]),
        ("FuzzRecords", ["DecisionRecords", "YAMLTree"]),
        ("FuzzRules", ["RuleLanguage"]),
        ("FuzzConfiguration", ["RuleEngine", "YAMLTree"]),
        ("FuzzEvaluator", ["RuleEngine", "RuleLanguage", "DecisionRecords", "YAMLTree"]),
        ("FuzzLedgers", ["Ledgers", "OfficePackage", "DecisionRecords", "YAMLTree"]),
    ]
    package.targets.append(.target(name: "FuzzSupport", path: "Fuzz/FuzzSupport", swiftSettings: strictSettings))
    for (name, dependencies) in fuzzTargets {
        package.targets.append(.executableTarget(
            name: name, dependencies: dependencies + ["FuzzSupport"], path: "Fuzz/\(name)",
            swiftSettings: strictSettings + [.unsafeFlags(["-parse-as-library"])]))
    }
}
