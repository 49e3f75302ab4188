import Foundation
import IVRTestSupport
import Testing

/// Modules through the command line: the shipped fleet example, every bad `use` located with
/// exit 1, a finding inside a module reported with the flow that led there, and `fmt` keeping
/// module syntax.
@Suite struct ModuleCLITests {
    static let fleet = Repository.examples.appendingPathComponent("modules").path

    static let module = """
        module fleet_emergency
          param dispatch phone
          param company string

          step start emergency
            say "{{param.company}} dispatch."
            dial param.dispatch timeout=20s -> start

        """

    static let cycle = """
        module loop_a
          use loop_b

          step s
            hangup

        module loop_b
          use loop_a

          step s
            hangup

        """

    func line(_ use: String) -> String {
        """
        flow line
          number +1-800-555-0100
          \(use)

          step welcome
            goto emergency.start

        """
    }

    @Test func theFleetExampleChecksTestsAndBuildsWithTheModuleInEachFlow() throws {
        let check = try CLITests.ivrc("check", Self.fleet)
        #expect(check.stdout == "2 flows, 0 errors, 0 warnings\n", "\(check.stdout)")
        let test = try CLITests.ivrc("test", Self.fleet)
        #expect(test.status == 0 && test.stdout.contains("3 passed, 0 failed"), "\(test.stdout)")
        try FormatCommandTests.withFiles([:]) { directory in
            let bundle = directory.appendingPathComponent("bundle").path
            let build = try CLITests.ivrc("build", Self.fleet, "-o", bundle)
            #expect(build.status == 0, "\(build.stdout)\(build.stderr)")
            let documents = try FileManager.default.contentsOfDirectory(atPath: bundle + "/acme_freight")
            #expect(documents.contains("emergency.start.xml"))
            let northwind = try String(contentsOfFile: bundle + "/northwind_haulage/fleet_emergency.start.xml", encoding: .utf8)
            #expect(northwind.contains("+15550500911") && northwind.contains("timeout=\"25\""), "\(northwind)")
        }
    }

    @Test func graphPathsAndDiffSeeTheExpandedFlows() throws {
        let graph = try CLITests.ivrc("graph", Self.fleet)
        #expect(graph.status == 0 && graph.stdout.contains("emergency.start"), "\(graph.stdout)")
        let paths = try CLITests.ivrc("test", "--paths", Self.fleet)
        #expect(paths.status == 0, "\(paths.stdout)")
        #expect(try CLITests.ivrc("diff", "--exit-code", Self.fleet, Self.fleet).stdout.hasPrefix("no change for callers\n"))
    }

    @Test func aDirectoryOfSourcesIsSimulatedWithItsModules() throws {
        let run = try CLITests.ivrc("simulate", Self.fleet, "--number", "+1-888-555-0150", "--press", "9")
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("+15550500911"), "\(run.stdout)")
    }

    static let badUses: [(use: String, expected: String)] = [
        ("use fleet_emergncy as emergency dispatch=+1-555-010-0911 company=\"Acme\"",
         "line.ivr:3:7: error[undefined-module]: there is no module named `fleet_emergncy`"),
        ("use fleet_emergency as emergency company=\"Acme\"",
         "line.ivr:3:7: error[missing-param]: module `fleet_emergency` needs a value for `dispatch` (a phone number)"),
        ("use fleet_emergency as emergency dispatch=+1-555-010-0911 dispatch=+1-555-010-0912 company=\"Acme\"",
         "line.ivr:3:61: error[duplicate-param]: parameter `dispatch` is given twice"),
        ("use fleet_emergency as emergency dispatch=+1-555-010-0911 company=\"Acme\" colour=red",
         "line.ivr:3:76: error[undefined-param]: module `fleet_emergency` has no parameter `colour`"),
        ("use fleet_emergency as emergency dispatch=\"dispatch desk\" company=\"Acme\"",
         "line.ivr:3:45: error[invalid-param]: `dispatch` must be a phone number, not `\"dispatch desk\"`"),
        ("use fleet_emergency as welcome dispatch=+1-555-010-0911 company=\"Acme\"",
         "line.ivr:3:26: error[module-name-clash]: `welcome` is already a step of flow `line`"),
    ]

    @Test(arguments: badUses.indices)
    func aBadUseIsALocatedErrorWithExitOne(_ index: Int) throws {
        let bad = Self.badUses[index]
        try FormatCommandTests.withFiles(["modules.ivr": Self.module, "cycle.ivr": Self.cycle, "line.ivr": line(bad.use)]) { directory in
            let run = try CLITests.ivrc("check", directory.path)
            #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
            #expect(run.stdout.contains(bad.expected), "\(run.stdout)")
            #expect(run.stdout.contains("cycle.ivr:8:3: error[module-cycle]: modules use each other in a cycle: loop_a -> loop_b -> loop_a"),
                    "\(run.stdout)")
            #expect(run.stderr.isEmpty)
        }
    }

    @Test func aSecondModuleOfTheSameNameIsReported() throws {
        try FormatCommandTests.withFiles(["a.ivr": Self.module, "b.ivr": Self.module]) { directory in
            let run = try CLITests.ivrc("check", directory.path)
            #expect(run.status == 1)
            #expect(run.stdout.contains("b.ivr:1:8: error[duplicate-module]: a module named `fleet_emergency` is already defined"), "\(run.stdout)")
        }
    }

    @Test func aFindingInAModuleNamesTheFlowAndItsValues() throws {
        let use = "use fleet_emergency as emergency dispatch=+1-800-555-0100 company=\"Acme\""
        try FormatCommandTests.withFiles(["modules.ivr": Self.module, "line.ivr": line(use)]) { directory in
            let run = try CLITests.ivrc("check", directory.path, "--format", "json")
            #expect(run.status == 1)
            #expect(run.stdout.contains("modules.ivr"), "\(run.stdout)")
            let text = try CLITests.ivrc("check", directory.path)
            #expect(text.stdout.contains("""
                modules.ivr:7:10: error[dial-loopback]: `+18005550100` is the number `line` itself answers on
                """), "\(text.stdout)")
            #expect(text.stdout.contains("""
                  note: in flow `line`, which uses module `fleet_emergency` as `emergency` with dispatch=+18005550100, company="Acme" (\(directory.path)/line.ivr:3:3)
                """), "\(text.stdout)")
        }
    }

    @Test func fmtKeepsModuleSyntaxAndIsIdempotent() throws {
        let messy = "module m\n    param x   phone\n    use other   as o  b=2 a=1\n    step s\n        dial param.x\n"
        let formatted = "module m\n  param x phone\n  use other as o a=1 b=2\n\n  step s\n    dial param.x\n"
        try FormatCommandTests.withFiles(["m.ivr": messy]) { directory in
            let file = directory.appendingPathComponent("m.ivr")
            #expect(try CLITests.ivrc("fmt", file.path).status == 0)
            #expect(try FormatCommandTests.contents(file) == formatted)
            let again = try CLITests.ivrc("fmt", "--check", file.path)
            #expect(again.status == 0 && again.stdout.isEmpty)
        }
    }
}
