import Foundation
import Testing

/// Definition, references and rename for modules, schedules and a module's parameters.
@Suite struct NameNavigationTests {
    static let module = """
        module alarm
          param target phone
          param greeting string default="Hello"

          step start
            say "{{param.greeting}}, connecting."
            dial param.target timeout=20s

        """

    static let flow = """
        flow a
          number +1-800-555-0157
          industry general
          use alarm target=+1-555-010-0911
          schedule office "America/Chicago"
            open mon-fri 8:00-18:00

          step welcome
            hours office
              on open -> alarm.start
              on closed -> desk

          step desk
            dial +1-555-010-0200

        """

    static func harness() throws -> ServerHarness {
        let harness = try ServerHarness(files: ["alarm.ivr": module, "a.ivr": flow])
        harness.initialize()
        return harness
    }

    static func at(_ harness: ServerHarness, _ file: String, _ line: Int, _ character: Int) -> [String: Any] {
        ["textDocument": ["uri": harness.uri(file)], "position": ["line": line, "character": character]]
    }

    /// (file name, range) of every location or edit, sorted.
    static func places(_ harness: ServerHarness, _ result: Any?) -> [String] {
        let locations = (result as? [[String: Any]])?.map { ($0["uri"] as? String ?? "", range($0)) }
            ?? ((result as? [String: Any])?["changes"] as? [String: [[String: Any]]])?.flatMap { uri, edits in edits.map { (uri, range($0)) } }
            ?? []
        return locations.map { uri, range in
            "\(uri.replacingOccurrences(of: harness.uri(""), with: "")) \(range.map(String.init).joined(separator: ","))"
        }.sorted()
    }

    static func references(_ harness: ServerHarness, _ file: String, _ line: Int, _ character: Int) -> [String] {
        var params = at(harness, file, line, character)
        params["context"] = ["includeDeclaration": true]
        return places(harness, harness.request("textDocument/references", params)["result"])
    }

    static func rename(_ harness: ServerHarness, _ file: String, _ line: Int, _ character: Int, to name: String) -> [String: Any] {
        var params = at(harness, file, line, character)
        params["newName"] = name
        return harness.request("textDocument/rename", params)
    }

    @Test func aUseLineLeadsToItsModuleAndRenameFollowsTheStepPrefix() throws {
        let harness = try Self.harness()
        let definition = harness.request("textDocument/definition", Self.at(harness, "a.ivr", 3, 8))
        #expect(Self.places(harness, definition["result"]) == ["alarm.ivr 0,7,0,12"])
        #expect(Self.references(harness, "alarm.ivr", 0, 9) == ["a.ivr 3,6,3,11", "a.ivr 9,17,9,22", "alarm.ivr 0,7,0,12"])
        let renamed = Self.rename(harness, "a.ivr", 9, 18, to: "siren")
        #expect(Self.places(harness, renamed["result"]) == ["a.ivr 3,6,3,11", "a.ivr 9,17,9,22", "alarm.ivr 0,7,0,12"])
    }

    @Test func hoursLeadsToItsSchedule() throws {
        let harness = try Self.harness()
        let definition = harness.request("textDocument/definition", Self.at(harness, "a.ivr", 8, 12))
        #expect(Self.places(harness, definition["result"]) == ["a.ivr 4,11,4,17"])
        let renamed = Self.rename(harness, "a.ivr", 4, 12, to: "clinic")
        #expect(Self.places(harness, renamed["result"]) == ["a.ivr 4,11,4,17", "a.ivr 8,10,8,16"])
    }

    @Test func aParameterIsFoundInWordsPlaceholdersAndUseLines() throws {
        let harness = try Self.harness()
        #expect(Self.references(harness, "alarm.ivr", 1, 9) == ["a.ivr 3,12,3,18", "alarm.ivr 1,8,1,14", "alarm.ivr 6,15,6,21"])
        let definition = harness.request("textDocument/definition", Self.at(harness, "a.ivr", 3, 14))
        #expect(Self.places(harness, definition["result"]) == ["alarm.ivr 1,8,1,14"])
        let renamed = Self.rename(harness, "alarm.ivr", 5, 19, to: "welcome")
        #expect(Self.places(harness, renamed["result"]) == ["alarm.ivr 2,8,2,16", "alarm.ivr 5,17,5,25"])
    }

    @Test(arguments: [("alarm.ivr", 1, 9, "greeting", "a parameter named `greeting` already exists"),
                      ("a.ivr", 8, 12, "front desk", "`front desk` is not a schedule name"),
                      ("a.ivr", 3, 8, "a.b", "`a.b` is not a module name")])
    func aClashOrANonNameIsRefused(file: String, line: Int, character: Int, newName: String, reason: String) throws {
        let harness = try Self.harness()
        let response = Self.rename(harness, file, line, character, to: newName)
        #expect(response.errorCode == -32803)
        #expect(((response["error"] as? [String: Any])?["message"] as? String)?.contains(reason) == true)
    }
}
