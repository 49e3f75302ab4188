import Foundation
import IVRTestSupport
import Testing

/// The Dockerfile and the Kubernetes manifests are checked by the tools that would read them,
/// offline (hadolint; kubernetes-validate against the API schemas: no engine or cluster runs
/// here), and against the server's own contract: the ports, probes and drain they rely on.
@Suite struct ContainerFilesTests {
    static let dockerfile = Repository.file("Dockerfile")
    static let manifests = Repository.file("examples/deploy/kubernetes/ivrc.yaml")

    static func tool(_ name: String) throws -> URL {
        let path = Repository.file(".build/tools/venv/bin/\(name)")
        try #require(FileManager.default.isExecutableFile(atPath: path.path), "\(name) is missing: run scripts/setup")
        return path
    }

    @Test func theDockerfilePassesHadolint() throws {
        let run = try ToolRun(try Self.tool("hadolint"), [Self.dockerfile.path])
        #expect(run.status == 0, "\(run.output)")
    }

    /// The image's ivrc is the binary the benchmarks measure: both build through
    /// `scripts/build-release`, the one place the release build's flags are written.
    @Test func theImageIsBuiltAsTheBenchmarksMeasureIt() throws {
        let dockerfile = try String(contentsOf: Self.dockerfile, encoding: .utf8)
        #expect(dockerfile.contains("COPY scripts/build-release scripts/build-release"))
        #expect(dockerfile.contains("RUN scripts/build-release --product ivrc"))
        #expect(!dockerfile.contains("swift build"))
        let script = try String(contentsOf: Repository.file("scripts/build-release"), encoding: .utf8)
        #expect(script.contains("exec swift build -c release -Xswiftc -enforce-exclusivity=unchecked \"$@\""))
        for benchmark in ["bench", "bench-serve", "bench-deploys", "bench-report", "bench-lsp", "callgrind-serve"] {
            let text = try String(contentsOf: Repository.file("scripts/\(benchmark)"), encoding: .utf8)
            #expect(text.contains(#""scripts", "build-release""#), "\(benchmark)")
            #expect(!text.contains(#""-c", "release""#), "\(benchmark)")
        }
    }

    /// The image runs as a user that is not root, serves on the ports it exposes, checks its
    /// own health on the operations port, drains on SIGTERM and builds in two stages.
    @Test func theImageServesWhatItExposesAsAnUnprivilegedUser() throws {
        let lines = try String(contentsOf: Self.dockerfile, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasPrefix("FROM ") } == ["FROM swift:6.3 AS build", "FROM swift:6.3-slim"])
        let user = try #require(lines.last { $0.hasPrefix("USER ") })
        #expect(!["USER root", "USER 0"].contains(user))
        let command = try #require(lines.first { $0.hasPrefix("CMD ") })
        let arguments = try JSONDecoder().decode([String].self, from: Data(command.dropFirst(4).utf8))
        #expect(arguments.prefix(2) == ["serve", "/var/lib/ivrc/bundle"])
        let port = try #require(Self.value(after: "--port", in: arguments)), ops = try #require(Self.value(after: "--ops-port", in: arguments))
        #expect(lines.contains("EXPOSE \(port) \(ops)"))
        #expect(lines.contains { $0.contains("http://127.0.0.1:\(ops)/healthz") })
        #expect(Self.value(after: "--ops-host", in: arguments) == "0.0.0.0")
        #expect(Self.value(after: "--drain-delay", in: arguments) != nil)
        #expect(lines.contains("STOPSIGNAL SIGTERM"))
    }

    @Test func theManifestsPassTheKubernetesSchemas() throws {
        let run = try ToolRun(try Self.tool("kubernetes-validate"), ["--strict", Self.manifests.path])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.components(separatedBy: " passed for resource ").count - 1 == 5, "\(run.output)")
    }

    /// Probes name the ports the server listens on: readiness `/readyz` (503 while draining),
    /// liveness `/healthz` only; the grace period outlasts the preStop sleep and the drain; the
    /// bundle volume is read-only; the Service forwards to the webhook port.
    @Test func theDeploymentProbesAndDrainMatchTheServer() throws {
        let resources = try Self.resources()
        let deployment = try #require(resources.first { $0["kind"] as? String == "Deployment" })
        let pod = try #require((deployment["spec"] as? [String: Any])?["template"] as? [String: Any])["spec"] as? [String: Any]
        let container = try #require((pod?["containers"] as? [[String: Any]])?.first)
        let arguments = try #require(container["args"] as? [String])
        let ports = Dictionary(uniqueKeysWithValues: try #require(container["ports"] as? [[String: Any]]).compactMap { port in
            (port["name"] as? String).flatMap { name in (port["containerPort"] as? Int).map { (name, $0) } }
        })
        #expect(ports["webhook"].map(String.init) == Self.value(after: "--port", in: arguments))
        #expect(ports["ops"].map(String.init) == Self.value(after: "--ops-port", in: arguments))
        let readiness = try #require((container["readinessProbe"] as? [String: Any])?["httpGet"] as? [String: Any])
        let liveness = try #require((container["livenessProbe"] as? [String: Any])?["httpGet"] as? [String: Any])
        #expect(readiness["path"] as? String == "/readyz" && readiness["port"] as? String == "ops")
        #expect(liveness["path"] as? String == "/healthz" && liveness["port"] as? String == "ops")
        let preStop = try #require(((container["lifecycle"] as? [String: Any])?["preStop"] as? [String: Any])?["exec"] as? [String: Any])
        let sleep = try #require((preStop["command"] as? [String]).flatMap { $0.last.flatMap(Int.init) })
        let drain = try #require(Self.value(after: "--drain-delay", in: arguments).flatMap(Int.init))
        #expect((pod?["terminationGracePeriodSeconds"] as? Int ?? 30) > sleep + drain + 10)
        #expect((container["volumeMounts"] as? [[String: Any]])?.allSatisfy { $0["readOnly"] as? Bool == true } == true)
        let service = try #require(resources.first { $0["kind"] as? String == "Service" })
        let servicePorts = try #require((service["spec"] as? [String: Any])?["ports"] as? [[String: Any]])
        #expect(Set(servicePorts.compactMap { $0["targetPort"] as? String }) == ["webhook", "ops"])
        #expect(Set(resources.compactMap { $0["kind"] as? String })
            == ["Deployment", "PersistentVolumeClaim", "Service", "PodDisruptionBudget", "HorizontalPodAutoscaler"])
    }

    static func value(after option: String, in arguments: [String]) -> String? {
        arguments.firstIndex(of: option).flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
    }

    /// The manifests as JSON objects, read by PyYAML (installed with kubernetes-validate).
    static func resources() throws -> [[String: Any]] {
        let script = "import json, sys, yaml; print(json.dumps(list(yaml.safe_load_all(open(sys.argv[1])))))"
        let run = try ToolRun(try tool("python"), ["-c", script, manifests.path])
        try #require(run.status == 0, "\(run.output)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [[String: Any]])
    }
}
