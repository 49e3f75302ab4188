import Foundation
import Testing

/// `ivrc build` into a bundle it wrote before reuses the documents of unchanged flows: the
/// result is the bundle a clean build writes, byte for byte; a changed flow's documents are
/// written anew; nothing in the old bundle is trusted without its hash.
@Suite struct IncrementalBuildTests {
    /// A project of three flows; `line_b` says `greeting`, `line_c` says the environment's company.
    func project(greeting: String = "Welcome.") throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-incremental-\(UUID().uuidString)")
        let sources = directory.appendingPathComponent("flows")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("environments"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        for (index, name) in ["line_a", "line_b", "line_c"].enumerated() {
            let prompt = name == "line_b" ? greeting : name == "line_c" ? "This is {{env.company}}." : "Hello."
            try flow(name, number: "+1-555-040-010\(index)", prompt: prompt)
                .write(to: sources.appendingPathComponent(name + ".ivr"), atomically: true, encoding: .utf8)
        }
        for (environment, company) in [("staging", "Contoso Staging"), ("production", "Contoso")] {
            try "company = \"\(company)\"\n"
                .write(to: directory.appendingPathComponent("environments/\(environment).toml"), atomically: true, encoding: .utf8)
        }
        return directory
    }

    func flow(_ name: String, number: String, prompt: String) -> String {
        """
        flow \(name)
          number \(number)
          recording-status-callback https://records.example.com/\(name)

          step welcome
            say "\(prompt)"
            disclose "This call is recorded."
            menu timeout=5s
              say "Press 1 for the desk."
              on 1 -> desk
              on timeout -> desk
              on invalid -> desk

          step desk
            dial +1-555-040-0300 timeout=20s -> voicemail

          step voicemail
            say "Leave a message."
            record max=60s beep -> goodbye

          step goodbye
            say "Goodbye."
            hangup
        """
    }

    /// Every file of the bundle by relative path.
    func tree(_ bundle: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: bundle) {
            let url = URL(fileURLWithPath: bundle).appendingPathComponent(path)
            guard (try FileManager.default.attributesOfItem(atPath: url.path)[.type] as? FileAttributeType) == .typeRegular else { continue }
            files[path] = try Data(contentsOf: url)
        }
        return files
    }

    /// Inode of every document of `flow` in the bundle, by relative path.
    func inodes(_ bundle: String, flow: String) throws -> [String: Int] {
        var inodes: [String: Int] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: bundle + "/" + flow) {
            let path = flow + "/" + name
            inodes[path] = try FileManager.default.attributesOfItem(atPath: bundle + "/" + path)[.systemFileNumber] as? Int
        }
        return inodes
    }

    func build(_ directory: URL, into bundle: String, env: String = "staging") throws -> CLITests.Run {
        try CLITests.ivrc(["build", directory.appendingPathComponent("flows").path, "-o", bundle,
                           "--env", directory.appendingPathComponent("environments/\(env).toml").path])
    }

    func changeGreeting(in directory: URL, to greeting: String) throws {
        try flow("line_b", number: "+1-555-040-0101", prompt: greeting)
            .write(to: directory.appendingPathComponent("flows/line_b.ivr"), atomically: true, encoding: .utf8)
    }

    @Test func aRebuildAfterOneFlowChangedEqualsACleanBuildAndRewritesOnlyThatFlow() throws {
        let directory = try project()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bundle = directory.appendingPathComponent("bundle").path
        #expect(try build(directory, into: bundle).status == 0)
        let before = try ["line_a", "line_b", "line_c"].map { try inodes(bundle, flow: $0) }
        try changeGreeting(in: directory, to: "Welcome back.")
        let rebuilt = try build(directory, into: bundle)
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        #expect(rebuilt.stderr.contains("linked from the bundle it replaced"), "\(rebuilt.stderr)")
        let clean = directory.appendingPathComponent("clean").path
        let cleanRun = try build(directory, into: clean)
        #expect(!cleanRun.stderr.contains("linked"), "\(cleanRun.stderr)")
        #expect(try tree(bundle) == tree(clean))
        let after = try ["line_a", "line_b", "line_c"].map { try inodes(bundle, flow: $0) }
        #expect(after[0] == before[0])
        #expect(after[2] == before[2])
        #expect(after[1].keys.sorted() == before[1].keys.sorted())
        for (path, inode) in after[1] { #expect(before[1][path] != inode, "\(path) was not rewritten") }
        let welcome = try String(contentsOfFile: bundle + "/line_b/welcome.xml", encoding: .utf8)
        #expect(welcome.contains("Welcome back."))
    }

    @Test func aTamperedOrIncompleteOldBundleIsRepairedNotTrusted() throws {
        let directory = try project()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bundle = directory.appendingPathComponent("bundle").path
        #expect(try build(directory, into: bundle).status == 0)
        // Same length, other bytes: only the hash tells.
        let tampered = bundle + "/line_a/welcome.xml"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: tampered))
        let index = try #require(bytes.firstRange(of: Data("Hello.".utf8))).lowerBound
        bytes.replaceSubrange(index..<index + 6, with: Data("Hullo.".utf8))
        try bytes.write(to: URL(fileURLWithPath: tampered))
        try FileManager.default.removeItem(atPath: bundle + "/line_c/goodbye.xml")
        try changeGreeting(in: directory, to: "Welcome back.")
        let rebuilt = try build(directory, into: bundle)
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        let clean = directory.appendingPathComponent("clean").path
        #expect(try build(directory, into: clean).status == 0)
        #expect(try tree(bundle) == tree(clean))
        #expect(try String(contentsOfFile: tampered, encoding: .utf8).contains("Hello."))
    }

    @Test func aLinkOrFIFOInTheOldBundleIsRefusedAndTheBundleLeftAsItWas() throws {
        let directory = try project()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bundle = directory.appendingPathComponent("bundle").path
        #expect(try build(directory, into: bundle).status == 0)
        let copy = directory.appendingPathComponent("goodbye.xml").path
        try FileManager.default.moveItem(atPath: bundle + "/line_a/goodbye.xml", toPath: copy)
        try FileManager.default.createSymbolicLink(atPath: bundle + "/line_a/goodbye.xml", withDestinationPath: copy)
        #expect(mkfifo(bundle + "/line_c/goodbye.xml.fifo", 0o600) == 0)
        let files = try tree(bundle)
        try changeGreeting(in: directory, to: "Welcome back.")
        let refused = try build(directory, into: bundle)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("refusing to replace"), "\(refused.stderr)")
        #expect(try tree(bundle) == files)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: bundle + "/line_a/goodbye.xml") == copy)
    }

    @Test func switchingEnvironmentRewritesTheDocumentsItsValuesChange() throws {
        let directory = try project()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bundle = directory.appendingPathComponent("bundle").path
        #expect(try build(directory, into: bundle, env: "staging").status == 0)
        let before = try inodes(bundle, flow: "line_c")
        let unchanged = try inodes(bundle, flow: "line_a")
        #expect(try build(directory, into: bundle, env: "production").status == 0)
        let clean = directory.appendingPathComponent("clean").path
        #expect(try build(directory, into: clean, env: "production").status == 0)
        #expect(try tree(bundle) == tree(clean))
        let welcome = try String(contentsOfFile: bundle + "/line_c/welcome.xml", encoding: .utf8)
        #expect(welcome.contains("This is Contoso.") && !welcome.contains("Staging"))
        #expect(try inodes(bundle, flow: "line_c")["line_c/welcome.xml"] != before["line_c/welcome.xml"])
        #expect(try inodes(bundle, flow: "line_a") == unchanged)
        let manifest = try String(contentsOfFile: bundle + "/manifest.json", encoding: .utf8)
        #expect(manifest.contains("\"name\" : \"production\""))
    }
}
