import Foundation
import Testing

/// Hover over `env.KEY`, a `use` line's module and a phone number.
@Suite struct ValueHoverTests {
    static let flow = """
        flow a
          number env.main_number
          industry general
          use alarm target=+1-555-010-0911

          step welcome
            say "Call {{env.callback}}."
            dial +1-555-010-0200

        """

    static let module = """
        module alarm
          param target phone
          param greeting string default="Hello"

          step start
            dial param.target

        """

    /// A server over `files` (the flow, and the module unless told) with the flow open.
    static func opened(_ files: [String: String] = ["alarm.ivr": module]) throws -> ServerHarness {
        let harness = try ServerHarness(files: files.merging(["a.ivr": flow]) { mine, _ in mine })
        harness.initialize()
        harness.open("a.ivr", flow)
        return harness
    }

    static func hover(_ harness: ServerHarness, _ line: Int, _ character: Int) -> String? {
        let response = harness.request("textDocument/hover", ["textDocument": ["uri": harness.uri("a.ivr")],
                                                              "position": ["line": line, "character": character]])
        return ((response["result"] as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String
    }

    @Test func anEnvironmentKeyShowsItsValueInEveryEnvironment() throws {
        let harness = try Self.opened([
            "environments/production.toml": "main_number = \"+1-800-555-0157\"\n[a]\ncallback = \"+1-555-010-0300\"\n",
            "environments/staging.toml": "main_number = \"+1-555-010-0100\"\n",
        ])
        #expect(Self.hover(harness, 1, 12) == "`env.main_number`\n\n- `production`: `+1-800-555-0157`\n- `staging`: `+1-555-010-0100`")
        #expect(Self.hover(harness, 6, 16) == "`env.callback`\n\n- `production`: `+1-555-010-0300`\n- `staging`: not set")
    }

    @Test func withoutEnvironmentsTheHoverSaysSo() throws {
        let harness = try Self.opened([:])
        #expect(Self.hover(harness, 1, 12) == "`env.main_number`: the workspace has no `environments/*.toml`")
    }

    @Test func aUseLineShowsTheModulesParameters() throws {
        let harness = try Self.opened()
        #expect(Self.hover(harness, 3, 8) == "module `alarm`\n\n- `target` phone, required\n- `greeting` string, default `\"Hello\"`")
    }

    @Test func aPhoneNumberShowsItsE164Form() throws {
        let harness = try Self.opened([:])
        #expect(Self.hover(harness, 7, 12) == "`+15550100200` (E.164)")
    }
}
