import IVRLang

/// What the resolver reports about schedules and `hours`.
extension DiagnosticID {
    public static let schedule = DiagnosticID(
        "schedule",
        summary: "A schedule line does not say days, hours or a date ivrc can read.",
        explanation: """
            `open` takes days (`mon`, `mon-fri`, `daily`) and a range of hours in 24-hour time \
            (`8:00-18:00`, or `22:00-6:00` past midnight); `closed` takes a date that exists \
            (`2026-12-25`) and, for part of a day, a range that ends by midnight (`12:00-24:00`).
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157

              schedule office "America/Chicago"
                open mon-fri ↓8:00-17:70

              step start
                hours office
                  on open -> desk
                  on closed -> voicemail

              step desk
                dial +1-555-010-0200 -> voicemail

              step voicemail
                say "We are closed."
                hangup
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157

              schedule office "America/Chicago"
                open mon-fri 8:00-17:30

              step start
                hours office
                  on open -> desk
                  on closed -> voicemail

              step desk
                dial +1-555-010-0200 -> voicemail

              step voicemail
                say "We are closed."
                hangup
            """,
        ])

    public static let unknownTimeZone = DiagnosticID(
        "unknown-time-zone",
        summary: "A schedule names a time zone that does not exist.",
        explanation: """
            Schedules are read in an IANA time zone (`"America/Chicago"`, `"Europe/Madrid"`), so \
            opening hours follow daylight-saving changes. A near miss gets a suggestion.
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157

              schedule office ↓"America/Chicgo"
                open mon-fri 8:00-17:30

              step start
                hours office
                  on open -> desk
                  on closed -> voicemail

              step desk
                dial +1-555-010-0200 -> voicemail

              step voicemail
                say "We are closed."
                hangup
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157

              schedule office "America/Chicago"
                open mon-fri 8:00-17:30

              step start
                hours office
                  on open -> desk
                  on closed -> voicemail

              step desk
                dial +1-555-010-0200 -> voicemail

              step voicemail
                say "We are closed."
                hangup
            """,
        ])

    public static let undefinedSchedule = DiagnosticID(
        "undefined-schedule",
        summary: "`hours NAME` names a schedule the flow does not declare.",
        explanation: """
            Declare it in the same flow with `schedule NAME "Zone/City"` and its `open` lines.
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157

              schedule office "America/Chicago"
                open mon-fri 8:00-17:30

              step start
                hours ↓ofice
                  on open -> desk
                  on closed -> voicemail

              step desk
                dial +1-555-010-0200 -> voicemail

              step voicemail
                say "We are closed."
                hangup
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157

              schedule office "America/Chicago"
                open mon-fri 8:00-17:30

              step start
                hours office
                  on open -> desk
                  on closed -> voicemail

              step desk
                dial +1-555-010-0200 -> voicemail

              step voicemail
                say "We are closed."
                hangup
            """,
        ])

    public static let duplicateSchedule = DiagnosticID(
        "duplicate-schedule",
        summary: "Two schedules of one flow have the same name.",
        explanation: """
            `hours NAME` would be ambiguous. Rename one of them.
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157

              schedule office "America/Chicago"
                open mon-fri 8:00-17:30
              schedule ↓office "America/New_York"
                open mon-fri 9:00-17:00

              step start
                hours office
                  on open -> desk
                  on closed -> voicemail

              step desk
                dial +1-555-010-0200 -> voicemail

              step voicemail
                say "We are closed."
                hangup
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157

              schedule office "America/Chicago"
                open mon-fri 8:00-17:30
              schedule east "America/New_York"
                open mon-fri 9:00-17:00

              step start
                hours office
                  on open -> desk
                  on closed -> voicemail

              step desk
                dial +1-555-010-0200 -> voicemail

              step voicemail
                say "We are closed."
                hangup
            """,
        ])
}
