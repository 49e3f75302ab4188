import IVRLang

/// What expanding `use MODULE` reports.
extension DiagnosticID {
    public static let undefinedModule = DiagnosticID(
        "undefined-module",
        summary: "`use NAME` names a module that does not exist.",
        explanation: """
            A module is written `module NAME` in any file checked together with the flow that \
            uses it. A near miss gets a suggestion.
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157
              use ↓after_hour as closed desk=+1-555-010-0200

              step start
                say "Thanks for calling."
                goto closed.start

            module after_hours
              param desk phone
              param wait duration default=20s

              step start
                dial param.desk timeout=param.wait -> voicemail

              step voicemail
                say "Nobody is free."
                hangup
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157
              use after_hours as closed desk=+1-555-010-0200

              step start
                say "Thanks for calling."
                goto closed.start

            module after_hours
              param desk phone
              param wait duration default=20s

              step start
                dial param.desk timeout=param.wait -> voicemail

              step voicemail
                say "Nobody is free."
                hangup
            """,
        ])

    public static let duplicateModule = DiagnosticID(
        "duplicate-module",
        summary: "Two modules have the same name.",
        explanation: """
            Module names are unique across everything compiled together, because `use NAME` must \
            name exactly one.
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157
              use after_hours as closed desk=+1-555-010-0200

              step start
                say "Thanks for calling."
                goto closed.start

            module after_hours
              param desk phone
              param wait duration default=20s

              step start
                dial param.desk timeout=param.wait -> voicemail

              step voicemail
                say "Nobody is free."
                hangup

            module ↓after_hours
              param desk phone
              param wait duration default=20s

              step start
                dial param.desk timeout=param.wait -> voicemail

              step voicemail
                say "Nobody is free."
                hangup
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157
              use after_hours as closed desk=+1-555-010-0200

              step start
                say "Thanks for calling."
                goto closed.start

            module after_hours
              param desk phone
              param wait duration default=20s

              step start
                dial param.desk timeout=param.wait -> voicemail

              step voicemail
                say "Nobody is free."
                hangup
            """,
        ])

    public static let moduleCycle = DiagnosticID(
        "module-cycle",
        summary: "Modules use each other in a cycle.",
        explanation: """
            A module that takes itself in, directly or through others (`a -> b -> a`), would be \
            copied without end. Move the steps they share into a module of their own.
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                dial +1-555-010-0200

            module ring
              ↓use chime

              step start
                goto chime.start

            module chime
              use ring

              step start
                goto ring.start
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157
              use after_hours as closed desk=+1-555-010-0200

              step start
                say "Thanks for calling."
                goto closed.start

            module after_hours
              param desk phone
              param wait duration default=20s

              step start
                dial param.desk timeout=param.wait -> voicemail

              step voicemail
                say "Nobody is free."
                hangup
            """,
        ])

    public static let moduleNameClash = DiagnosticID(
        "module-name-clash",
        summary: "The name a module is used under is taken.",
        explanation: """
            A module's steps come into a flow as `NAME.STEP`, so NAME may not also be a step of \
            the flow, nor the name of another module the flow uses. `use MODULE as OTHER` picks \
            another name.
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157
              use after_hours as ↓start desk=+1-555-010-0200

              step start
                say "Thanks for calling."
                goto start.start

            module after_hours
              param desk phone
              param wait duration default=20s

              step start
                dial param.desk timeout=param.wait -> voicemail

              step voicemail
                say "Nobody is free."
                hangup
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157
              use after_hours as closed desk=+1-555-010-0200

              step start
                say "Thanks for calling."
                goto closed.start

            module after_hours
              param desk phone
              param wait duration default=20s

              step start
                dial param.desk timeout=param.wait -> voicemail

              step voicemail
                say "Nobody is free."
                hangup
            """,
        ])

    public static let moduleLimit = DiagnosticID(
        "module-limit",
        summary: "Modules would be copied too often or too deep.",
        explanation: """
            Each `use` copies a module's steps; modules that use each other several times at every \
            level multiply them. ivrc stops past 20,000 steps copied into one flow (1,000,000 in \
            all) or 16 nested uses, so a hostile file cannot make a check hang.
            """,
        // A flow taking in m1, which takes in m2, and so on: one use deeper than allowed, then as deep.
        reported: [moduleChain(useDepthLimit + 1)],
        notReported: [moduleChain(useDepthLimit)])

    public static let bundleLimit = DiagnosticID(
        "bundle-limit",
        summary: "The flows would write a bundle larger than `ivrc serve` loads.",
        explanation: """
            A bundle holds at most 100,000 documents (a 32 MiB manifest, 512 MiB of documents): \
            `ivrc build` counts them before lowering (each step once per language a call can \
            reach it in, a menu once more per extra try) and refuses, at the flow and the `use` \
            whose module copies weigh most, rather than write a bundle the server would refuse. \
            Use modules fewer times or split the flows into several bundles.
            """,
        noExample: """
            it is reported by `ivrc build`, not `check`, and only past 100,000 documents, which \
            no example of readable size writes
            """)

    public static let missingParam = DiagnosticID(
        "missing-param",
        summary: "A `use` line does not give a parameter the module needs.",
        explanation: """
            Every `param` of a module without a `default=` must be given where the module is \
            used: `use fleet_emergency dispatch=+1-555-010-0911`.
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157
              use ↓after_hours as closed

              step start
                say "Thanks for calling."
                goto closed.start

            module after_hours
              param desk phone
              param wait duration default=20s

              step start
                dial param.desk timeout=param.wait -> voicemail

              step voicemail
                say "Nobody is free."
                hangup
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157
              use after_hours as closed desk=+1-555-010-0200

              step start
                say "Thanks for calling."
                goto closed.start

            module after_hours
              param desk phone
              param wait duration default=20s

              step start
                dial param.desk timeout=param.wait -> voicemail

              step voicemail
                say "Nobody is free."
                hangup
            """,
        ])

    public static let duplicateParam = DiagnosticID(
        "duplicate-param",
        summary: "A parameter is given, or declared, twice.",
        explanation: """
            A `use` line gives each parameter once, and a module declares each once; with two, \
            it is unclear which value the flow runs with.
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157
              use after_hours as closed desk=+1-555-010-0200 ↓desk=+1-555-010-0300

              step start
                say "Thanks for calling."
                goto closed.start

            module after_hours
              param desk phone
              param wait duration default=20s

              step start
                dial param.desk timeout=param.wait -> voicemail

              step voicemail
                say "Nobody is free."
                hangup
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157
              use after_hours as closed desk=+1-555-010-0200

              step start
                say "Thanks for calling."
                goto closed.start

            module after_hours
              param desk phone
              param wait duration default=20s

              step start
                dial param.desk timeout=param.wait -> voicemail

              step voicemail
                say "Nobody is free."
                hangup
            """,
        ])

    public static let undefinedParam = DiagnosticID(
        "undefined-param",
        summary: "A parameter is not one the module declares.",
        explanation: """
            A `use` line names only the module's `param`s, and `param.NAME` (or `{{param.NAME}}` \
            in text) is used only inside a module that declares NAME. A near miss gets a \
            suggestion.
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157
              use after_hours as closed desk=+1-555-010-0200 ↓dsk=+1-555-010-0300

              step start
                say "Thanks for calling."
                goto closed.start

            module after_hours
              param desk phone
              param wait duration default=20s

              step start
                dial param.desk timeout=param.wait -> voicemail

              step voicemail
                say "Nobody is free."
                hangup
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157
              use after_hours as closed desk=+1-555-010-0200

              step start
                say "Thanks for calling."
                goto closed.start

            module after_hours
              param desk phone
              param wait duration default=20s

              step start
                dial param.desk timeout=param.wait -> voicemail

              step voicemail
                say "Nobody is free."
                hangup
            """,
        ])

    public static let invalidParam = DiagnosticID(
        "invalid-param",
        summary: "A parameter's value, type or default does not fit.",
        explanation: """
            A typed parameter (`param dispatch phone`) takes only a value of its type: phone, \
            sip, url, duration, number, string, word or step (a step of the flow, for \
            `-> param.NAME` and `goto param.NAME`). Its default must be of that type too.
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157
              use after_hours as closed desk=↓https://example.com

              step start
                say "Thanks for calling."
                goto closed.start

            module after_hours
              param desk phone
              param wait duration default=20s

              step start
                dial param.desk timeout=param.wait -> voicemail

              step voicemail
                say "Nobody is free."
                hangup
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157
              use after_hours as closed desk=+1-555-010-0200

              step start
                say "Thanks for calling."
                goto closed.start

            module after_hours
              param desk phone
              param wait duration default=20s

              step start
                dial param.desk timeout=param.wait -> voicemail

              step voicemail
                say "Nobody is free."
                hangup
            """,
        ])

    /// The expansion's limit on nested uses; the module-limit examples fail their test if it changes.
    private static let useDepthLimit = 16

    /// A flow that takes in module `m1`, which takes in `m2`, and so on to `m\(depth)`; the `use`
    /// past the expansion's depth limit marked.
    private static func moduleChain(_ depth: Int) -> DiagnosticExample {
        let flow = "flow front_desk\n  number +1-800-555-0157\n  use m1\n\n  step start\n    goto m1.start\n"
        let modules = (1...depth).map { level in
            guard level < depth else { return "\nmodule m\(level)\n\n  step start\n    hangup\n" }
            let marker = level + 1 > useDepthLimit ? "↓" : ""
            return "\nmodule m\(level)\n  use \(marker)m\(level + 1)\n\n  step start\n    goto m\(level + 1).start\n"
        }
        return DiagnosticExample(flow + modules.joined())
    }
}
