import Foundation
import IVRTestSupport
import Testing

/// The server keeps each file's parse between keystrokes; what it publishes after any sequence of
/// edits must be what a server started fresh on the same texts (one full check) publishes.
@Suite struct IncrementalCheckTests {
    static let module = """
        module helpdesk
          param desk phone

          step start
            say "Connecting you."
            dial param.desk timeout=30s

        """

    static func user(_ name: String, number: String, desk: String) -> String {
        """
        flow \(name)
          number \(number)
          industry general
          use helpdesk
            desk=\(desk)

          step welcome
            say "Welcome."
            goto helpdesk.start

        """
    }

    /// Each file's texts as a designer might type them; the first is the file on disk.
    static let variants: [String: [String]] = [
        "m.ivr": [
            module,
            module.replacingOccurrences(of: "timeout=30s", with: "timeout=30s volumee=2"),
            module.replacingOccurrences(of: "  param desk phone\n", with: ""),
            module.replacingOccurrences(of: "step start", with: "step start\n  step"),
        ],
        "a.ivr": [
            user("a", number: "+1-800-555-0157", desk: "+1-555-010-0201"),
            user("a", number: "+1-800-555-0157", desk: "+1-555-010-0201").replacingOccurrences(of: "\"Welcome.\"", with: "\"Welcome.\" volumee=2"),
            user("a", number: "+1-800-596-3058", desk: "+1-555-010-0201"),
        ],
        "b.ivr": [
            user("b", number: "+1-800-555-0142", desk: "+1-555-010-0202"),
            user("b", number: "+1-800-555-0142", desk: "+1-555-010-0201"),
            user("b", number: "+1-800-555-0142", desk: "+1-800-555-0142"),
        ],
        "c.ivr": [
            Flows.line("c", number: "+1-800-596-3058"),
            Flows.line("c", number: "+1-800-555-0157"),
        ],
    ]

    static let names = variants.keys.sorted()

    /// Diagnostics per file as a server publishes them, the workspace root written as `ROOT`.
    static func published(by harness: ServerHarness) -> [String: String] {
        let root = harness.root.standardizedFileURL.absoluteString
        return Dictionary(uniqueKeysWithValues: names.map { name in
            let diagnostics = harness.diagnostics(name) ?? []
            let data = (try? JSONSerialization.data(withJSONObject: diagnostics, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
            return (name, String(decoding: data, as: UTF8.self).replacingOccurrences(of: root, with: "ROOT"))
        })
    }

    static func freshCheck(of texts: [String: String]) throws -> [String: String] {
        let fresh = try ServerHarness(files: texts)
        fresh.initialize()
        return published(by: fresh)
    }

    @Test func editsPublishWhatAFreshFullCheckPublishes() throws {
        var texts = Dictionary(uniqueKeysWithValues: Self.names.map { ($0, Self.variants[$0]![0]) })
        let harness = try ServerHarness(files: texts)
        harness.initialize()
        var versions: [String: Int] = [:]
        for name in Self.names {
            harness.open(name, texts[name]!)
            versions[name] = 1
        }
        func edit(_ name: String, _ text: String) throws {
            texts[name] = text
            versions[name, default: 1] += 1
            harness.change(name, text, version: versions[name]!)
            let fresh = try Self.freshCheck(of: texts)
            #expect(Self.published(by: harness) == fresh, "after editing \(name) to:\n\(text)")
        }

        // The module both flows use, a rename that gives c a's number, and undoing both.
        try edit("m.ivr", Self.variants["m.ivr"]![1])
        #expect(harness.diagnostics("m.ivr")?.contains { $0["code"] as? String == "unknown-option" } == true)
        try edit("c.ivr", Self.variants["c.ivr"]![1])
        #expect(harness.diagnostics("c.ivr")?.contains { $0["code"] as? String == "duplicate-number" } == true)
        try edit("m.ivr", Self.variants["m.ivr"]![0])
        try edit("c.ivr", Self.variants["c.ivr"]![0])
        #expect(harness.diagnostics("c.ivr")?.isEmpty == true)

        // Then random ones: another variant (the first undoes), or a mistyped copy of the text.
        var random = SeededRandom(seed: 22)
        for _ in 0..<16 {
            let name = Self.names[Int(random.next() % UInt64(Self.names.count))]
            let choices = Self.variants[name]!
            let pick = Int(random.next() % UInt64(choices.count + 1))
            let text = pick < choices.count ? choices[pick]
                : String(decoding: Mutator.mutate(Array(texts[name]!.utf8), using: &random), as: UTF8.self)
            try edit(name, text)
        }
    }
}
