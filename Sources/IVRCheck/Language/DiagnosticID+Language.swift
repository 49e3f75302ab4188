import IVRLang

/// What the resolver reports about a flow's languages and translations.
extension DiagnosticID {
    public static let invalidLanguage = DiagnosticID(
        "invalid-language",
        summary: "A language is not written as a language tag.",
        explanation: """
            Languages are BCP 47 tags in their usual case: a language, optionally a script and a \
            region (`en-US`, `es-MX`, `fr`, `zh-Hans-CN`), as `<Say language>` and `<Gather \
            language>` take them. A tag in another case gets its usual spelling suggested \
            (`es-mx` → `es-MX`); anything else (`spanish`, `es_MX`) is refused.
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157
              languages en-US ↓es_MX

              step start
                menu timeout=5s
                  say "For English, press 1."
                    es-MX "Para español, oprima 2."
                  on 1 -> desk
                  on 2 language=es-MX -> desk
                  on timeout -> desk
                  on invalid -> desk

              step desk
                dial +1-555-010-0200
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157
              languages en-US es-MX

              step start
                menu timeout=5s
                  say "For English, press 1."
                    es-MX "Para español, oprima 2."
                  on 1 -> desk
                  on 2 language=es-MX -> desk
                  on timeout -> desk
                  on invalid -> desk

              step desk
                dial +1-555-010-0200
            """,
        ])

    public static let undeclaredLanguage = DiagnosticID(
        "undeclared-language",
        summary: "A translation, voice or language choice names a language the flow does not speak.",
        explanation: """
            A flow lists its languages once, the first where every call starts: `languages en-US \
            es-MX`. Text, voices and phrases per language, `language=TAG` on a branch and the \
            `language TAG` statement may name only those, so the checker can prove every prompt \
            has text in every language a call can reach it in (`missing-translation`).
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157
              languages en-US es-MX

              step start
                menu timeout=5s
                  say "For English, press 1."
                    es-MX "Para español, oprima 2."
                  on 1 -> desk
                  on 2 language=↓fr-FR -> desk
                  on timeout -> desk
                  on invalid -> desk

              step desk
                dial +1-555-010-0200
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157
              languages en-US es-MX

              step start
                menu timeout=5s
                  say "For English, press 1."
                    es-MX "Para español, oprima 2."
                  on 1 -> desk
                  on 2 language=es-MX -> desk
                  on timeout -> desk
                  on invalid -> desk

              step desk
                dial +1-555-010-0200
            """,
        ])

    public static let duplicateTranslation = DiagnosticID(
        "duplicate-translation",
        summary: "A prompt, phrase or voice is given twice for one language.",
        explanation: """
            Each prompt has one text per language: its own line for the flow's first language and \
            one line for each other (`es-MX "…"`); a branch one phrase per language; `voice` one \
            voice per language. With two, it is unclear which the caller hears.
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157
              languages en-US es-MX

              step start
                menu timeout=5s
                  say "For English, press 1."
                    es-MX "Para español, oprima 2."
                    ↓es-MX "Para español, marque 2."
                  on 1 -> desk
                  on 2 language=es-MX -> desk
                  on timeout -> desk
                  on invalid -> desk

              step desk
                dial +1-555-010-0200
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157
              languages en-US es-MX

              step start
                menu timeout=5s
                  say "For English, press 1."
                    es-MX "Para español, oprima 2."
                  on 1 -> desk
                  on 2 language=es-MX -> desk
                  on timeout -> desk
                  on invalid -> desk

              step desk
                dial +1-555-010-0200
            """,
        ])
}
