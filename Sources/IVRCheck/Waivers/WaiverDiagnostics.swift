import IVRLang

/// What the waiver step reports about the waivers themselves. They are not rules: a waiver
/// cannot waive its own problems.
extension Waivers {
    public static let withoutReason = DiagnosticID(
        "waiver-without-reason",
        summary: "A waiver does not say why.",
        explanation: """
            A waiver silences a compliance rule, so it must carry its reason for the next reader \
            and for the bundle manifest: `# ivrc: allow RULE -- reason`.
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                ↓# ivrc: allow unreachable-code
                hangup
                say "Goodbye."
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                # ivrc: allow unreachable-code -- kept while the goodbye is rewritten
                hangup
                say "Goodbye."
            """,
        ])

    public static let unknownRule = DiagnosticID(
        "unknown-waiver-rule",
        summary: "A waiver names a rule that does not exist or cannot be waived.",
        explanation: """
            Only checks listed by `ivrc rules` can be waived; syntax and resolution errors cannot, \
            because the flow would not compile. A near miss gets a suggestion.
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                # ivrc: allow ↓unreachable-cod -- kept while the goodbye is rewritten
                hangup
                say "Goodbye."
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                # ivrc: allow unreachable-code -- kept while the goodbye is rewritten
                hangup
                say "Goodbye."
            """,
        ])

    public static let malformed = DiagnosticID(
        "malformed-waiver",
        summary: "A comment starting `ivrc:` is not a waiver ivrc can read.",
        explanation: """
            Waivers are written `# ivrc: allow RULE -- reason`, one rule per comment.
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                ↓# ivrc: allow unreachable-code, silent-loop -- kept while the goodbye is rewritten
                hangup
                say "Goodbye."
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                # ivrc: allow unreachable-code -- kept while the goodbye is rewritten
                hangup
                say "Goodbye."
            """,
        ])

    public static let misplaced = DiagnosticID(
        "misplaced-waiver",
        summary: "A waiver is not directly above a statement, step or flow.",
        explanation: """
            A waiver applies to the statement, step or flow on the line below it (comments and \
            blank lines may come between), or to a whole step or flow when it is the first line \
            inside it. A waiver at the end of a line or with nothing below it applies to nothing.
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                hangup
                say "Goodbye."
                ↓# ivrc: allow unreachable-code -- kept while the goodbye is rewritten
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                # ivrc: allow unreachable-code -- kept while the goodbye is rewritten
                hangup
                say "Goodbye."
            """,
        ])

    public static let unused = DiagnosticID(
        "unused-waiver", .warning,
        summary: "A waiver silences nothing.",
        explanation: """
            No diagnostic of the waived rule falls inside the waiver's scope, so the waiver is \
            stale or misplaced. Remove it, so that the manifest lists only exceptions that matter.
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                ↓# ivrc: allow unreachable-code -- kept while the goodbye is rewritten
                say "Goodbye."
                hangup
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                say "Goodbye."
                hangup
            """,
        ])

}
