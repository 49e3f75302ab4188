import IVRLang

extension RuleCatalog {
    /// Checks the resolver makes while it binds names (`Resolve/`), described here so that
    /// `ivrc explain` and SARIF know them. They are not graph rules: a graph cannot even be
    /// built around an undefined or duplicated name, so there is nothing for a rule to run on.
    public static let resolverDescriptions: [RuleDescription] = [
        RuleDescription(
            id: "undefined-step",
            severity: .error,
            summary: "every step a branch, goto or `-> STEP` names exists",
            explanation: """
                A branch, `goto` or `-> STEP` names a step that the flow does not define, so the call \
                would have nowhere to go. Usually it is a typo or a step that was renamed; the help \
                suggests the closest step name. Step names are looked up within the same flow.
                """,
            failing: [
                """
                flow front_desk
                  number +1-800-596-3057

                  step start
                    dial +1-555-010-0200 -> voicemial

                  step voicemail
                    say "Nobody is free."
                    hangup
                """,
            ],
            passing: [
                """
                flow front_desk
                  number +1-800-596-3057

                  step start
                    dial +1-555-010-0200 -> voicemail

                  step voicemail
                    say "Nobody is free."
                    hangup
                """,
            ]),
        RuleDescription(
            id: "duplicate-step",
            severity: .error,
            summary: "step names are unique within a flow",
            explanation: """
                Two steps of one flow have the same name, so a `goto` or branch naming it would be \
                ambiguous. The first definition is kept and the second reported; rename one of them \
                and point each branch at the one it means.
                """,
            failing: [
                """
                flow front_desk
                  number +1-800-596-3057

                  step start
                    dial +1-555-010-0200

                  step start
                    dial +1-555-010-0300
                """,
            ],
            passing: [
                """
                flow front_desk
                  number +1-800-596-3057

                  step start
                    dial +1-555-010-0200 -> billing

                  step billing
                    dial +1-555-010-0300
                """,
            ]),
        RuleDescription(
            id: "duplicate-key",
            severity: .error,
            summary: "each menu key leads to one place",
            explanation: """
                A menu has two branches for the same key (or two `on timeout` / `on invalid`), so \
                one of them could never be taken. The first branch is kept; remove the other or give \
                it a key of its own, and update the prompt to match. Keys written in the flow \
                (`on 0 -> operator` next to the settings) belong to every menu of the flow: a menu \
                may repeat one to the same step, but not use it for something else.
                """,
            failing: [
                """
                flow front_desk
                  number +1-800-596-3057

                  step start
                    menu timeout=5s
                      say "For appointments, press 1. For billing, press 2."
                      on 1 -> appointments
                      on 1 -> billing
                      on timeout -> appointments
                      on invalid -> start

                  step appointments
                    dial +1-555-010-0200

                  step billing
                    dial +1-555-010-0300
                """,
                """
                flow front_desk
                  number +1-800-596-3057
                  on 0 -> operator

                  step start
                    menu timeout=5s
                      say "For appointments, press 0."
                      on 0 -> appointments
                      on timeout -> appointments
                      on invalid -> start

                  step appointments
                    dial +1-555-010-0200

                  step operator
                    dial +1-555-010-0300
                """,
            ],
            passing: [
                """
                flow front_desk
                  number +1-800-596-3057

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
            ]),
    ]
}
