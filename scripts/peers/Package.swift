// swift-tools-version: 6.0
// Measurement peers for scripts/bench-serve, not part of ivrc: the bare stacks `ivrc serve` is built
// on, answering the same bytes, so its cost can be read against its stack's ceiling. A package of
// their own so that CI, which builds the main package, never builds them. The versions are the ones
// the main package's Package.resolved pins (same local mirror, same `exact:` rule).
import PackageDescription

func nio(_ module: String) -> Target.Dependency {
    .product(name: module, package: "swift-nio")
}

let package = Package(
    name: "ivrc-bench-peers",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
    ],
    targets: [
        .target(name: "PeerDocument", dependencies: [nio("NIOCore")]),
        .executableTarget(name: "bare-nio", dependencies: ["PeerDocument", nio("NIOCore"), nio("NIOPosix"), nio("NIOHTTP1")]),
        .executableTarget(
            name: "bare-hummingbird",
            dependencies: ["PeerDocument", .product(name: "Hummingbird", package: "hummingbird"), nio("NIOCore"), nio("NIOPosix")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
