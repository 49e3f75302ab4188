// swift-tools-version: 6.0
import Foundation
import PackageDescription

let package = Package(
    name: "ivrc",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ivrc", targets: ["ivrc"]),
        .library(name: "IVRLang", targets: ["IVRLang"]),
        .library(name: "IVRBundle", targets: ["IVRBundle"]),
        .library(name: "IVRCheck", targets: ["IVRCheck"]),
        .library(name: "TeXMLSchema", targets: ["TeXMLSchema"]),
        .library(name: "TeXMLEmit", targets: ["TeXMLEmit"]),
        .library(name: "IVRReport", targets: ["IVRReport"]),
        .library(name: "IVRRuntime", targets: ["IVRRuntime"]),
        .library(name: "IVRDiagram", targets: ["IVRDiagram"]),
        .library(name: "IVRFormat", targets: ["IVRFormat"]),
        .library(name: "TeXMLImport", targets: ["TeXMLImport"]),
        .library(name: "TelnyxWebhook", targets: ["TelnyxWebhook"]),
        .library(name: "IVRServer", targets: ["IVRServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", exact: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", exact: "2.4.1"),
        // The version hummingbird resolves to; named for NIOPosix's executor take-over in `ivrc serve`.
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
        // The version hummingbird resolves to; named for NIOHTTPTypes, the request parts the server's
        // header and body deadlines watch.
        .package(url: "https://github.com/apple/swift-nio-extras", exact: "1.35.2"),
        // `ivrc serve` fetches recordings from Telnyx's media host (bounded size and time, https only).
        .package(url: "https://github.com/swift-server/async-http-client", exact: "1.37.0"),
        // The version async-http-client resolves to; named for `--cacert` (a test caller trusting
        // a private certificate authority).
        .package(url: "https://github.com/apple/swift-nio-ssl", exact: "2.37.6"),
    ],
    targets: [
        // The git commit a binary was built from, written by the BuildCommit plugin.
        .target(name: "BuildInfo", plugins: ["BuildCommit"]),
        .plugin(name: "BuildCommit", capability: .buildTool()),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // zlib's inflate, for `ivrc report` over rotated, gzip'd logs.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(name: "IVRLang"),
        // Linux calls Swift cannot reach: renameat2(RENAME_EXCHANGE) and syncfs, for the bundle swap.
        .target(name: "CLinuxFileSystem"),
        // malloc_trim, so a server's resident size falls again once it drops a replaced bundle.
        .target(name: "CLinuxMemory"),
        // Shared by test targets only: the repository's folders and examples, golden files, the built
        // executable, the broken fixtures and their rules, feature flows, seeded random input mutation.
        .target(name: "IVRBuildCache", dependencies: ["IVRLang", "IVRBundle", "IVRCheck", "TeXMLEmit"]),
        .target(name: "IVRTestSupport", dependencies: ["IVRLang", "IVRCheck", "IVRRuntime", "TeXMLEmit"]),
        .target(
            name: "TeXMLSchema",
            dependencies: ["CLibXML2"],
            // Compiled into the binary by SwiftPM (`PackageResources.texml_xsd`), so it is relocatable.
            resources: [.embedInCode("Resources/texml.xsd")]
        ),
        // The compiler↔runtime contract: what a bundle holds and how a call is answered from it.
        .target(
            name: "IVRBundle",
            dependencies: ["IVRLang", "TeXMLSchema", .product(name: "Crypto", package: "swift-crypto")],
            // `ivrc serve` answers every request through `BundleAnswerer`, generic over documents the
            // server defines: unspecialised across the module boundary, its type metadata lookups
            // cost an entry request 3,400 instructions of 88,000 (docs/performance.md).
            swiftSettings: [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]
        ),
        .target(name: "IVRCheck", dependencies: ["IVRLang", "IVRBundle", "TeXMLSchema"]),
        // `explain` runs each id's examples as `check` and `test` would, to point at the finding.
        .target(name: "IVRReport", dependencies: ["IVRLang", "IVRBundle", "IVRCheck", "IVREnvironment", "IVRRuntime", "TeXMLEmit", "TeXMLImport"]),
        .target(
            name: "TeXMLEmit",
            dependencies: [
                "IVRLang", "IVRBundle", "IVRCheck", "TeXMLSchema", "CLinuxFileSystem",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(name: "IVRRuntime", dependencies: ["IVRLang", "IVRBundle", "IVRCheck", "TeXMLSchema"]),
        .target(name: "IVRDiagram", dependencies: ["IVRCheck"]),
        .target(name: "IVRFormat", dependencies: ["IVRLang"]),
        // Reads existing TeXML: `ivrc validate` (schema + rules on raw XML) and `ivrc import` (TeXML → .ivr).
        .target(name: "TeXMLImport", dependencies: ["IVRLang", "IVRBundle", "IVRCheck", "TeXMLSchema"]),
        // A Telnyx-like caller over HTTP: the runtime's calls answered by a live `ivrc serve`.
        .target(name: "IVRLiveCall", dependencies: [
            "IVRBundle", "IVRCheck", "IVRRuntime", "TeXMLSchema", "TelnyxWebhook",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
        ]),
        // Per-environment values files (TOML) for `--env NAME`.
        .target(name: "IVREnvironment", dependencies: ["IVRCheck", "IVRLang", .product(name: "TOMLKit", package: "TOMLKit")]),
        // `ivrc new`: the built-in line templates, compiled in (scripts/embed-resources).
        .target(name: "IVRTemplates", dependencies: ["IVRLang"]),
        // `ivrc diff`: what a change does to callers, from two compiled versions of the flows.
        .target(name: "IVRDiff", dependencies: ["IVRBundle", "IVRCheck", "IVRRuntime", "TeXMLSchema"]),
        // `ivrc report`: the request logs of `ivrc serve` (any replicas, rotated, gzip'd) grouped by call,
        // per flow and day, against the onboarding plan's goals.
        .target(name: "IVRCallLog", dependencies: ["IVRBundle", "CZlib"]),
        // Telnyx's Ed25519 request signatures: verified by the server, made by test callers.
        .target(name: "TelnyxWebhook", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        // Recordings kept as the plan says: fetched, sealed (AES-256-GCM), stored durably, every access audited.
        .target(
            name: "IVRRecordings",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        // The Language Server Protocol's messages and framing: only what `ivrc lsp` uses, with Foundation's coders.
        .target(name: "IVRLanguageServerProtocol"),
        // `ivrc lsp`: positions converted at the edge, every answer from the checker, formatter and catalogues.
        .target(
            name: "IVRLanguageServer",
            dependencies: [
                "IVRLanguageServerProtocol", "IVRLang", "IVRCheck", "IVRFormat", "IVREnvironment", "IVRReport", "IVRRuntime",
                "TeXMLSchema",
            ]
        ),
        // `ivrc serve`: a thin HTTP transport (Hummingbird) over LoadedBundle for live Telnyx calls.
        .target(
            name: "IVRServer",
            dependencies: [
                "IVRBundle", "IVRCheck", "TeXMLSchema", "IVRRuntime", "TelnyxWebhook", "IVRRecordings", "CLinuxMemory",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .executableTarget(
            name: "ivrc",
            dependencies: [
                "BuildInfo",
                "IVRLang", "IVRBundle", "IVRBuildCache", "IVRCheck", "IVRReport", "TeXMLEmit", "TeXMLSchema", "IVRRuntime", "IVRDiagram",
                "IVRFormat",
                "TeXMLImport", "IVRLiveCall", "TelnyxWebhook", "IVRDiff", "IVRTemplates", "IVREnvironment", "IVRServer",
                "IVRLanguageServer", "IVRLanguageServerProtocol", "IVRRecordings", "IVRCallLog",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "IVRLangTests", dependencies: ["IVRLang", "IVRTestSupport"], exclude: ["Golden"]),
        .testTarget(name: "TeXMLSchemaTests", dependencies: ["TeXMLSchema", "IVRTestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "IVRBundleTests", dependencies: ["IVRBundle", "TeXMLSchema", "IVRTestSupport"]),
        .testTarget(name: "IVRCheckTests", dependencies: ["IVRBundle", "IVRCheck", "IVRLang", "IVRTestSupport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "TeXMLEmitTests",
            dependencies: ["TeXMLEmit", "IVRBundle", "IVRCheck", "IVRLang", "TeXMLSchema", "IVRTestSupport", "IVREnvironment"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "IVRReportTests",
            dependencies: ["IVRReport", "IVRBundle", "IVRCheck", "IVRLang", "TeXMLEmit", "IVRTestSupport", "IVREnvironment"],
            exclude: ["Fixtures"]
        ),
        // Runs the built `ivrc` executable, so exit codes and stdout are tested as CI sees them.
        .testTarget(
            name: "IVRBuildCacheTests",
            dependencies: ["IVRBuildCache", "IVRBundle", "IVRCheck", "IVRLang", "TeXMLEmit", "IVRTestSupport", "IVREnvironment"]
        ),
        .testTarget(name: "ivrcTests", dependencies: ["IVRBundle", "TeXMLEmit", "IVRTestSupport"], exclude: ["Fixtures", "Golden"]),
        .testTarget(
            name: "IVRRuntimeTests",
            dependencies: ["IVRRuntime", "IVRBundle", "TeXMLEmit", "IVRCheck", "IVRLang", "IVRTestSupport"],
            exclude: ["Golden"]
        ),
        .testTarget(name: "IVRDiagramTests", dependencies: ["IVRDiagram", "IVRCheck", "IVRLang"]),
        .testTarget(
            name: "IVRFormatTests",
            dependencies: ["IVRFormat", "IVRLang", "IVRBundle", "IVRCheck", "TeXMLEmit", "IVRTestSupport"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "TeXMLImportTests",
            dependencies: ["TeXMLImport", "IVRBundle", "TeXMLEmit", "TeXMLSchema", "IVRCheck", "IVRLang", "IVRTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "IVRLanguageServerProtocolTests", dependencies: ["IVRLanguageServerProtocol"]),
        .testTarget(
            name: "IVRLanguageServerTests",
            dependencies: ["IVRLanguageServer", "IVRLanguageServerProtocol", "IVRLang", "IVRFormat", "IVRTestSupport"]
        ),
        .testTarget(name: "TelnyxWebhookTests", dependencies: ["TelnyxWebhook"]),
        .testTarget(name: "IVRCallLogTests", dependencies: ["IVRCallLog", "IVRBundle", "IVRTestSupport"], exclude: ["Golden"]),
        .testTarget(name: "IVREnvironmentTests", dependencies: ["IVREnvironment", "IVRCheck", "IVRLang"]),
        .testTarget(name: "IVRTemplatesTests", dependencies: ["IVRTemplates", "IVRCheck", "IVRLang", "IVRRuntime", "IVRTestSupport"]),
        .testTarget(name: "IVRDiffTests", dependencies: ["IVRDiff", "IVRRuntime", "IVRCheck", "IVRLang", "IVRTestSupport"]),
        .testTarget(name: "IVRLiveCallTests", dependencies: ["IVRLiveCall", "IVRRuntime"]),
        .testTarget(
            name: "IVRServerTests",
            dependencies: [
                "IVRServer", "IVRBundle", "TeXMLEmit", "IVRRuntime", "TelnyxWebhook", "IVRCheck", "IVRLang", "IVRTestSupport",
                "RecordingTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // Shared by the recordings tests: a spoken WAV (espeak-ng, sox) and a loopback media host serving it.
        .target(
            name: "RecordingTestSupport",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(name: "IVRRecordingsTests", dependencies: ["IVRRecordings", "RecordingTestSupport"]),
        // What the fuzz targets run on each input; the tests run it over the seed corpus.
        .target(name: "FuzzTargets", dependencies: ["IVRLang", "IVRCheck", "IVRDiagram", "IVRFormat", "TeXMLEmit", "TeXMLImport",
                                                    "IVRBundle", "IVRRuntime", "TeXMLSchema"]),
        // Regressions/ holds inputs the fuzzers crashed on, Requests/ the answer target's seeds
        // (one call's requests a file), both run with the seed corpus.
        .testTarget(name: "FuzzTargetsTests", dependencies: ["FuzzTargets", "IVRTestSupport"], exclude: ["Regressions", "Requests"]),
    ],
    swiftLanguageModes: [.v6]
)

// libFuzzer executables, declared only for `scripts/fuzz` (IVRC_FUZZ=1): they call libFuzzer's
// driver, which exists only in a `-sanitize=fuzzer` build.
if ProcessInfo.processInfo.environment["IVRC_FUZZ"] == "1" {
    package.targets += [
        .target(name: "FuzzDriver", path: "Fuzz/Driver"),
        .executableTarget(name: "FuzzSource", dependencies: ["FuzzTargets", "FuzzDriver"], path: "Fuzz/FuzzSource"),
        .executableTarget(name: "FuzzTeXML", dependencies: ["FuzzTargets", "FuzzDriver"], path: "Fuzz/FuzzTeXML"),
        .executableTarget(name: "FuzzAnswer", dependencies: ["FuzzTargets", "FuzzDriver"], path: "Fuzz/FuzzAnswer"),
    ]
    package.products += [
        .executable(name: "FuzzSource", targets: ["FuzzSource"]),
        .executable(name: "FuzzTeXML", targets: ["FuzzTeXML"]),
        .executable(name: "FuzzAnswer", targets: ["FuzzAnswer"]),
    ]
}
