import IVRLang

extension DiagnosticID {
    public static let unreachableBranch = DiagnosticID(
        "unreachable-branch",
        summary: "A line of a `branch` can never be taken.",
        explanation: """
            The first line a value matches wins, so a line after `on other`, a text already \
            compared above, a second `on empty`, or numbers every earlier line already takes \
            (`on from 10 to 20` after `on below 15` and `on above 12`) never runs; nor does an \
            `http-request`'s `on failure` when every field has a `default=`. Remove it, or move it \
            above the lines that take its values.
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                gather status -> route
                  say "Enter your status."
                  on timeout -> start

              step route
                branch {{status}}
                  on "active" -> desk
                  on other -> desk
                  ↓on "closed" -> desk

              step desk
                dial +1-555-010-0200
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                gather status -> route
                  say "Enter your status."
                  on timeout -> start

              step route
                branch {{status}}
                  on "active" -> desk
                  on "closed" -> desk
                  on other -> desk

              step desk
                dial +1-555-010-0200
            """,
        ])

    public static let mixedComparison = DiagnosticID(
        "mixed-comparison",
        summary: "A `branch` compares one value both as text and as a number.",
        explanation: """
            `on "active"` compares text, `on above 30` a number; a value is one or the other. \
            Compare it one way: quote numbers to compare them as text (`on "30"`).
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                gather status -> route
                  say "Enter your status."
                  on timeout -> start

              step route
                branch {{status}}
                  on "active" -> desk
                  ↓on above 30 -> desk
                  on other -> desk

              step desk
                dial +1-555-010-0200
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                gather status -> route
                  say "Enter your status."
                  on timeout -> start

              step route
                branch {{status}}
                  on "active" "30" -> desk
                  on other -> desk

              step desk
                dial +1-555-010-0200
            """,
        ])
}
