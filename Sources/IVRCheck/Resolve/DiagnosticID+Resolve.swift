import IVRLang

/// What the resolver reports while it binds names, statements and options.
extension DiagnosticID {
    public static let duplicateFlow = DiagnosticID(
        "duplicate-flow",
        summary: "Two flows have the same name.",
        explanation: """
            Flow names are unique across everything compiled together, because documents and \
            routes in the bundle are named after them.
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                dial +1-555-010-0200

            flow ↓front_desk
              number +1-800-596-3058

              step start
                dial +1-555-010-0300
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                dial +1-555-010-0200

            flow billing_line
              number +1-800-596-3058

              step start
                dial +1-555-010-0300
            """,
        ])

    public static let duplicateStep = DiagnosticID(
        "duplicate-step",
        summary: "Two steps in a flow have the same name.",
        explanation: """
            `-> STEP` and `goto STEP` must name exactly one step, so step names are unique within \
            a flow.
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                dial +1-555-010-0200

              step ↓start
                dial +1-555-010-0300
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                dial +1-555-010-0200 -> billing

              step billing
                dial +1-555-010-0300
            """,
        ])

    public static let duplicateEmergency = DiagnosticID(
        "duplicate-emergency",
        summary: "A flow marks more than one step `emergency`.",
        explanation: """
            The emergency step is the flow's priority route; menus reach it with a single key. \
            With two, neither callers nor the checks know which is meant.
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157
              industry healthcare

              step start
                menu timeout=5s
                  say "For an emergency, press 9. For the desk, press 1."
                  on 9 -> nurse
                  on 1 -> desk
                  on timeout -> desk
                  on invalid -> desk

              step nurse emergency
                dial +1-555-010-0911 timeout=20s -> desk

              step desk ↓emergency
                dial +1-555-010-0200
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157
              industry healthcare

              step start
                menu timeout=5s
                  say "For an emergency, press 9. For the desk, press 1."
                  on 9 -> nurse
                  on 1 -> desk
                  on timeout -> desk
                  on invalid -> desk

              step nurse emergency
                dial +1-555-010-0911 timeout=20s -> desk

              step desk
                dial +1-555-010-0200
            """,
        ])

    public static let duplicateKey = DiagnosticID(
        "duplicate-key",
        summary: "A menu has two branches for the same key.",
        explanation: """
            Each key, `timeout` and `invalid` may have one branch per menu; the second could \
            never run.
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                menu timeout=5s
                  say "For appointments, press 1. For billing, press 2."
                  on 1 -> appointments
                  on ↓1 -> billing
                  on timeout -> appointments
                  on invalid -> start

              step appointments
                dial +1-555-010-0200

              step billing
                dial +1-555-010-0300
            """,
            """
            flow front_desk
              number +1-800-555-0157
              on 0 -> operator

              step start
                menu timeout=5s
                  say "For appointments, press 0."
                  on ↓0 -> appointments
                  on timeout -> appointments
                  on invalid -> start

              step appointments
                dial +1-555-010-0200

              step operator
                dial +1-555-010-0300
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                menu timeout=5s
                  say "For appointments, press 1. For billing, press 2."
                  on 1 -> appointments
                  on 2 -> billing
                  on timeout -> appointments
                  on invalid -> start

              step appointments
                dial +1-555-010-0200

              step billing
                dial +1-555-010-0300
            """,
        ])

    public static let duplicateOption = DiagnosticID(
        "duplicate-option",
        summary: "A statement gives the same option twice.",
        explanation: """
            An option (or its alias, such as `max` for `max-length`) may appear once per statement.
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                dial +1-555-010-0200 timeout=20s ↓timeout=30s
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                dial +1-555-010-0200 timeout=30s
            """,
        ])

    public static let missingNumber = DiagnosticID(
        "missing-number",
        summary: "A flow does not say which number it answers.",
        explanation: """
            Every flow needs `number PHONE`: the bundle maps inbound numbers to flows, and the \
            number checks compare dial targets against it.
            """,
        reported: [
            """
            flow ↓front_desk

              step start
                dial +1-555-010-0200
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                dial +1-555-010-0200
            """,
        ])

    public static let invalidSetting = DiagnosticID(
        "invalid-setting",
        summary: "A flow setting has a value it cannot take.",
        explanation: """
            `industry` is one of healthcare, fleet or general; `base-url` is an http(s) URL; \
            `voice` and `language` take what TeXML's <Say> takes (`voice alice`, `language en-US`), \
            since they are written on every <Say>. `languages` lists at most 8 tags and replaces \
            `language`: a flow sets one or the other. `recording-status-callback` is an http(s) URL or \
            `serve` (the recording receiver of `ivrc serve`); `retention` is a whole number of years, \
            months or days (`7y`, `18mo`, `90d`), at most 100 years; `daily-call-target` is the calls a \
            day the line should take, a whole number from 1 to 100000 (without it, the industry's: \
            healthcare 100, fleet 50).
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157
              industry ↓dental

              step start
                dial +1-555-010-0200
            """,
            """
            flow front_desk
              number +1-800-555-0157
              retention ↓7w

              step start
                dial +1-555-010-0200
            """,
            """
            flow front_desk
              number +1-800-555-0157
              daily-call-target ↓0

              step start
                dial +1-555-010-0200
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157
              industry general

              step start
                dial +1-555-010-0200
            """,
            """
            flow front_desk
              number +1-800-555-0157
              retention 7y

              step start
                dial +1-555-010-0200
            """,
            """
            flow front_desk
              number +1-800-555-0157
              daily-call-target 120

              step start
                dial +1-555-010-0200
            """,
        ])

    public static let nameTooLong = DiagnosticID(
        "name-too-long",
        summary: "A flow or step name is too long to be a file name.",
        explanation: """
            Flows and steps become directories and files of the bundle, and file systems limit a \
            name to 255 bytes. Written names may have up to 100 bytes; the names ivrc derives for \
            nested branch blocks up to 200.
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                dial +1-555-010-0200 -> voicemail_voicemail_voicemail_voicemail_voicemail_voicemail_voicemail_voicemail_voicemail_voicemail_voicemail_

              step ↓voicemail_voicemail_voicemail_voicemail_voicemail_voicemail_voicemail_voicemail_voicemail_voicemail_voicemail_
                say "Nobody is free."
                hangup
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                dial +1-555-010-0200 -> voicemail

              step voicemail
                say "Nobody is free."
                hangup
            """,
        ])

    public static let unknownStatement = DiagnosticID(
        "unknown-statement",
        summary: "A statement keyword is not a TeXML verb ivrc knows.",
        explanation: """
            Statements are the verbs in the language reference (say, menu, dial, record, …) and \
            every other TeXML verb by its kebab-case name. A near miss gets a suggestion.
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                ↓dail +1-555-010-0200
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                dial +1-555-010-0200
            """,
        ])

    public static let unknownOption = DiagnosticID(
        "unknown-option",
        summary: "An option is not an attribute of the statement's TeXML verb.",
        explanation: """
            Options are TeXML attribute names in kebab-case (`timeLimit` is `time-limit`) plus a \
            few aliases. An option the verb does not have would be dropped or rejected by Telnyx.
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                dial +1-555-010-0200 ↓timeLimit=600s
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                dial +1-555-010-0200 time-limit=600s
            """,
        ])

    public static let invalidOption = DiagnosticID(
        "invalid-option",
        summary: "An option's value is out of range or of the wrong kind.",
        explanation: """
            Values are checked against the TeXML schema: durations need a unit (`5s`), counts are \
            whole numbers in range, enumerations take one of their listed words.
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                dial +1-555-010-0200 timeout=↓30
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                dial +1-555-010-0200 timeout=30s
            """,
        ])

    public static let compilerOwnedOption = DiagnosticID(
        "compiler-owned-option",
        summary: "An option that the compiler sets itself is written by hand.",
        explanation: """
            Attributes such as `action` are written by the compiler so that no document requests \
            itself by accident (a silent call loop). Say where the call continues with `-> STEP`.
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                dial +1-555-010-0200 ↓action=https://example.com/next
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                dial +1-555-010-0200 -> voicemail

              step voicemail
                say "Nobody is free."
                hangup
            """,
        ])

    public static let invalidText = DiagnosticID(
        "invalid-text",
        summary: "Text contains characters TeXML cannot carry.",
        explanation: """
            TeXML is XML 1.0, which cannot hold control characters other than tab and newline.
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                say ↓"Thanks for calling.\\u{7}"
                dial +1-555-010-0200
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                say "Thanks for calling."
                dial +1-555-010-0200
            """,
        ])

    public static let undefinedStep = DiagnosticID(
        "undefined-step",
        summary: "`-> STEP` or `goto STEP` names a step that does not exist.",
        explanation: """
            Every step a flow continues at must be defined in the same flow. A near miss gets a \
            suggestion.
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                dial +1-555-010-0200 -> ↓voicemial

              step voicemail
                say "Nobody is free."
                hangup
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                dial +1-555-010-0200 -> voicemail

              step voicemail
                say "Nobody is free."
                hangup
            """,
        ])
}
