import IVRCheck
import IVRLang
import Testing

/// Modules meeting the other new features: translations, gathered values, `hours` and
/// http-request inside a module are proved in the flow that uses it, reported at the module's
/// line with a note at the `use`.
@Suite struct ModuleFeatureTests {
    private func check(module: String, flow: String) -> Checker.Result {
        Checker.check([SourceFile(path: "m.ivr", text: module), SourceFile(path: "f.ivr", text: flow)])
    }

    @Test func anUntranslatedModulePromptIsReportedAtTheModuleWithTheUse() throws {
        let module = """
            module bye
              param company string

              step start
                say "Thanks for calling {{param.company}}."
                hangup
            """
        let flow = """
            flow line
              number +1-800-555-0303
              languages en-US es-MX

              step welcome
                menu
                  say "For English, press 1. Para español, oprima 2."
                  on 1 -> b.start
                  on 2 language=es-MX -> b.start
                  on timeout -> b.start
                  on invalid -> b.start

              use bye as b company="Acme"
            """
        let found = check(module: module, flow: flow).diagnostics.filter { $0.id == "missing-translation" }
        let finding = try #require(found.first, "\(RuleTesting.describe(found))")
        #expect(found.count == 1)
        #expect(finding.span.file == "m.ivr" && finding.span.start.line == 5)
        #expect(finding.message.contains("no es-MX text") && finding.message.contains("`b.start`"))
        #expect(finding.notes.last?.message == "in flow `line`, which uses module `bye` as `b` with company=\"Acme\"")
        let translated = module.replacingOccurrences(of: "{{param.company}}.\"\n", with: "{{param.company}}.\"\n      es-MX \"Gracias por llamar a {{param.company}}.\"\n")
        #expect(!check(module: translated, flow: flow).hasErrors)
    }

    /// One module shared by a bilingual line and an English-only one: the Spanish text and
    /// phrase are for the flow that speaks Spanish; the other never speaks them, so they are
    /// ignored there rather than refused as `undeclared-language`.
    @Test func aTranslationTheUsingFlowNeverSpeaksIsIgnored() throws {
        let module = """
            module bye
              step start
                menu
                  say "To hear this again, press 1."
                    es-MX "Para escuchar de nuevo, oprima 1."
                  on 1 "again" es-MX="otra vez" -> start
                  on timeout -> done
                  on invalid -> done

              step done
                say "Goodbye."
                  es-MX "Adiós."
                hangup
            """
        let english = """
            flow line
              number +1-800-555-0303

              step welcome
                say "Hello."
                goto b.start

              use bye as b
            """
        let result = check(module: module, flow: english)
        #expect(!result.diagnostics.contains { $0.severity == .error }, "\(RuleTesting.describe(result.diagnostics))")
        // The flow's own text in a language it does not speak is still an error.
        let own = english.replacingOccurrences(of: "say \"Hello.\"\n", with: "say \"Hello.\"\n      es-MX \"Hola.\"\n")
        #expect(check(module: module, flow: own).diagnostics.contains { $0.id == "undeclared-language" })
    }

    /// Without `--env`, an `env.` value given to a module is one `undefined-value`, not also
    /// an `invalid-param` for the word `env.dispatch` standing where a phone number goes.
    @Test func anEnvironmentValueInAUseWithoutTheEnvironmentIsOneError() throws {
        let module = """
            module desk
              param dispatch phone

              step start
                dial param.dispatch timeout=20s
            """
        let flow = """
            flow line
              number +1-800-555-0303

              step welcome
                say "Hello."
                goto d.start

              use desk as d dispatch=env.dispatch
            """
        let found = check(module: module, flow: flow).diagnostics.filter { $0.severity == .error }
        #expect(found.map(\.id) == ["undefined-value"], "\(RuleTesting.describe(found))")
    }

    /// `{{param.NAME}}` inside a URL or SIP target is filled by the use's value and read as if
    /// written there; a value that breaks the address is reported at the module's line.
    @Test(arguments: [("front", "api.example.com", nil), ("front", "api example.com", 7)] as [(String, String, Int?)])
    func parametersFillURLsAndSIPTargets(_ extensionValue: String, _ host: String, _ errorLine: Int?) throws {
        let module = """
            module desk
              param extension word
              param host string

              step start
                dial sip:{{param.extension}}@pbx.example.com timeout=20s
                http-request https://{{param.host}}/lookup method=GET -> done
                  field status "status" default="unknown"

              step done
                say "Status {{status}}."
            """
        let flow = """
            flow line
              number +1-800-555-0303

              step welcome
                say "Hello."
                goto d.start

              use desk as d extension=\(extensionValue) host="\(host)"
            """
        let found = check(module: module, flow: flow).diagnostics.filter { $0.severity == .error }
        guard let errorLine else {
            #expect(found.isEmpty, "\(RuleTesting.describe(found))")
            return
        }
        let error = try #require(found.first, "\(RuleTesting.describe(found))")
        #expect(found.count == 1 && error.id == "invalid-param", "\(RuleTesting.describe(found))")
        #expect(error.span.file == "m.ivr" && error.span.start.line == errorLine && error.span.start.column == 18, "\(RuleTesting.describe([error]))")
        #expect(error.notes.first?.message.contains("in flow `line`") == true)
    }

    static let asking = """
        module ask
          param after step
          param silent step

          step start
            gather ext num-digits=3 -> param.after
              say "Extension?"
              on timeout -> param.silent
        """

    static func asker(silent: String) -> String {
        """
        flow line
          number +1-800-555-0302

          step welcome
            goto a.start

          step connect
            say "Connecting to {{ext}}."
            hangup

          step goodbye
            hangup

          use ask as a after=connect silent=\(silent)
        """
    }

    /// The flow uses a value a module's gather collects: proved across the expansion, with the
    /// path through the module's `on timeout` shown when it skips the gather.
    @Test func aValueGatheredInAModuleIsProvedInTheFlow() throws {
        let unsafe = check(module: Self.asking, flow: Self.asker(silent: "connect")).diagnostics.filter { $0.id == "unknown-placeholder" }
        let finding = try #require(unsafe.first, "\(RuleTesting.describe(unsafe))")
        #expect(finding.span.file == "f.ivr" && finding.span.start.line == 8)
        #expect(finding.notes.first?.span.file == "m.ivr" && finding.notes.first?.span.start.line == 8)
        #expect(!check(module: Self.asking, flow: Self.asker(silent: "goodbye")).hasErrors)
    }

    /// `hours` inside a module names a schedule of the flow that uses it; http-request fields
    /// collected in a module are values in the flow.
    @Test func hoursAndAnHTTPRequestInsideAModule() throws {
        let module = """
            module desk
              param after step

              step start
                hours office
                  on open -> lookup
                  on closed -> param.after

              step lookup
                http-request https://directory.example.com/who -> param.after
                  field name "person.name"
            """
        let flow = """
            flow line
              number +1-800-555-0305

              schedule office "America/Chicago"
                open mon-fri 8:00-17:30

              step welcome
                goto d.start

              step announce
                say "You reached {{name}}."
                hangup

              use desk as d after=announce
            """
        let result = check(module: module, flow: flow)
        let placeholders = result.diagnostics.filter { $0.id == "unknown-placeholder" }
        #expect(placeholders.count == 1, "closed skips the request: \(RuleTesting.describe(result.diagnostics))")
        let line = try #require(result.graph.flows.first)
        let start = try #require(line.index(of: "d.start"))
        #expect(line.exit(of: start).edges.map(\.label.description) == ["office open", "office closed"])
    }
}
