// swift-tools-version: 6.0
// Measurement peers for scripts/bench-serve, not part of ivrc: the bare stacks `ivrc serve` is built
// on, answering the same bytes, so its cost can be read against its stack's ceiling. A package of
// their own so that CI, which builds the main package, never builds them. The versions are the ones
// the main package's Package.resolved pins (same local mirror, same `exact:` rule).
import PackageDescription

let package = Package(
    name: "ivrc-bench-peers",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
    ],
    targets: [
        .target(name: "PeerDocument", dependencies: [.product(name: "NIOCore", package: "swift-nio")]),
        .executableTarget(
            name: "bare-nio",
            dependencies: [
                "PeerDocument",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "bare-hummingbird",
            dependencies: [
                "PeerDocument",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
