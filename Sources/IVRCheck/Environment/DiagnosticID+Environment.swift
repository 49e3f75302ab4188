import IVRLang

/// What substituting an environment's values (`--env NAME`) reports.
extension DiagnosticID {
    public static let undefinedValue = DiagnosticID(
        "undefined-value",
        summary: "`env.NAME` names a value the chosen environment does not define.",
        explanation: """
            Values that differ between deployments (numbers, URLs, names) are written `env.NAME` \
            (or `{{env.NAME}}` inside text) and come from environments/NAME.toml, chosen with \
            `--env NAME`. Without `--env`, or with a values file that lacks the key, the flow \
            cannot be checked as it will run. A near miss gets a suggestion.
            """,
        reported: [
            DiagnosticExample(
                """
                flow front_desk
                  number +1-800-555-0157

                  step start
                    say "Thanks for calling {{env.company}}."
                    dial ↓env.desk
                """,
                values: """
                    company = "Acme Freight"
                    """),
        ],
        notReported: [
            DiagnosticExample(
                """
                flow front_desk
                  number +1-800-555-0157

                  step start
                    say "Thanks for calling {{env.company}}."
                    dial env.desk
                """,
                values: """
                    company = "Acme Freight"
                    desk = "+1-555-010-0200"
                    """),
        ])

    public static let invalidValue = DiagnosticID(
        "invalid-value",
        summary: "An environment value used outside quotes is not one value.",
        explanation: """
            `env.NAME` stands where one value stands (a phone number, URL, duration, number or \
            word), so its value must read as exactly one. Use `{{env.NAME}}` inside a quoted \
            string for text.
            """,
        reported: [
            DiagnosticExample(
                """
                flow front_desk
                  number +1-800-555-0157

                  step start
                    say "Thanks for calling {{env.company}}."
                    dial ↓env.desk
                """,
                values: """
                    company = "Acme Freight"
                    desk = "+1-555-010-0200 +1-555-010-0300"
                    """),
        ],
        notReported: [
            DiagnosticExample(
                """
                flow front_desk
                  number +1-800-555-0157

                  step start
                    say "Thanks for calling {{env.company}}."
                    dial env.desk
                """,
                values: """
                    company = "Acme Freight"
                    desk = "+1-555-010-0200"
                    """),
        ])

    public static let unusedValue = DiagnosticID(
        "unused-value", .warning,
        summary: "A key of the values file is used by no flow.",
        explanation: """
            The environment defines a value nothing refers to: a typo on one side, or a value \
            left over. Remove it or use it, so the values file says what the deployment uses. A \
            table named after a flow that is not being checked holds another line's values and \
            is left alone.
            """,
        reported: [
            DiagnosticExample(
                """
                flow front_desk
                  number +1-800-555-0157

                  step start
                    say "Thanks for calling {{env.company}}."
                    dial env.desk
                """,
                values: """
                    company = "Acme Freight"
                    desk = "+1-555-010-0200"
                    ↓backup = "+1-555-010-0300"
                    """),
        ],
        notReported: [
            DiagnosticExample(
                """
                flow front_desk
                  number +1-800-555-0157

                  step start
                    say "Thanks for calling {{env.company}}."
                    dial env.desk
                """,
                values: """
                    company = "Acme Freight"
                    desk = "+1-555-010-0200"
                    """),
        ])
}
