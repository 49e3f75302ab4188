import IVRLang

/// What the ids reported by the lexer, parser, resolver and waiver step mean. They are not
/// rules (they cannot be waived), but SARIF's rule table and `ivrc explain` need them too.
public enum FrontEndDiagnostics {
    public static let all: [RuleDescription] = [
        entry("syntax", "The line does not follow the .ivr grammar.", """
            A line could not be read as part of a flow: a statement without a keyword, an option \
            written without `name=value`, a step or branch that does not say where to go. The \
            message names what was expected; the rest of the file is still checked.
            """),
        entry("indentation", "Indentation uses a tab or does not return to an enclosing level.", """
            Blocks are made with spaces. A tab in indentation is refused because editors disagree \
            on its width, and a line that dedents must line up with a block it closes.
            """),
        entry("nesting-too-deep", "Blocks are nested deeper than ivrc accepts.", """
            Menus inside branches inside menus can nest, but not without limit: a flow this deep \
            is unreadable for callers and designers alike. Move inner blocks into named steps and \
            reach them with `-> STEP`.
            """),
        entry("unterminated-string", "A string is not closed before the end of its line.", """
            Every `"` that opens a string needs a closing `"` on the same line. Long text can \
            continue on indented string-only lines below the statement.
            """),
        entry("invalid-placeholder", "Something between `{{` and `}}` is not a placeholder.", """
            A placeholder is `{{name}}`: ASCII letters, digits, `_` and `-`, starting with a letter \
            or `_`, with `.` between parts (`{{Digits}}`, `{{member_id}}`, `{{env.KEY}}`, \
            `{{param.NAME}}`); spaces inside the braces are allowed. Every `{{` in text, a URL, a \
            SIP URI or a dial target opens one and the first `}}` after it closes it, so \
            Mustache sections and comments (`{{#x}}`, `{{/x}}`, `{{!x}}`), triple braces, a name \
            starting with a digit, an empty `{{}}` and a `{{` never closed are refused: a call \
            would speak or dial them as written. There is no escape for a literal `{{`: write \
            `{ {` in text, `%7B%7B` in a URL. A lone `{` or `}}` is literal.
            """),
        entry("placeholder-in-host", "A placeholder stands in a URL's scheme or host.", """
            A value fills a URL when the call reaches it. In the scheme or host (`https://{{x}}.example.com`, \
            `https://api.example.com{{x}}`) it would choose the server an `http-request`, its headers and \
            body, or a fetched document goes to: a caller saying ".evil.example" would send them to \
            their own domain. Write the scheme and host; a value may fill the path or the query, \
            where it is percent-encoded as one component.
            """),
        entry("body-content-type", "A value in an http-request body cannot be escaped for its Content-Type.", """
            A value in an `http-request` body is escaped by the body's declared `Content-Type`: \
            `application/json` (or `…+json`) JSON-escapes it, and it must stand inside a JSON \
            string (`"{\\"name\\": \\"{{name}}\\"}"`), or a value such as `true` or `[…]` would \
            become JSON; `application/x-www-form-urlencoded` percent-encodes it, so `x&role=admin` \
            cannot add a parameter. A body with values and no Content-Type, or another one, is \
            refused: declare one of these with `header Content-Type "…"`.
            """),
        entry("value-in-name", "A queue or conference name is filled from a value.", """
            `enqueue`, `dial queue` and `dial conference` connect the caller to whoever waits \
            under that name. Filled from a value (what a caller typed or said, a data-dip answer), \
            the caller would choose whom they reach ("vip support"). Write each name; to offer \
            several, branch with a `menu` and write one name per branch.
            """),
        entry("encoding", "The file is not valid UTF-8.", """
            .ivr files are UTF-8 (a byte-order mark is accepted). Re-save the file as UTF-8; the \
            message points at the first byte that is not.
            """),
        entry("empty-flow", "A flow has no steps.", """
            A flow needs at least one step: the first step is where every call starts.
            """),
        entry("duplicate-setting", "A flow setting is given twice.", """
            Each setting (`number`, `industry`, `voice`, `language`, `languages`, `base-url`) may appear once \
            per flow; with two, it is unclear which one the flow uses.
            """),
        entry("duplicate-flow", "Two flows have the same name.", """
            Flow names are unique across everything compiled together, because documents and \
            routes in the bundle are named after them.
            """),
        entry("duplicate-step", "Two steps in a flow have the same name.", """
            `-> STEP` and `goto STEP` must name exactly one step, so step names are unique within \
            a flow.
            """),
        entry("duplicate-emergency", "A flow marks more than one step `emergency`.", """
            The emergency step is the flow's priority route; menus reach it with a single key. \
            With two, neither callers nor the checks know which is meant.
            """),
        entry("duplicate-key", "A menu has two branches for the same key.", """
            Each key, `timeout` and `invalid` may have one branch per menu; the second could \
            never run.
            """),
        entry("duplicate-option", "A statement gives the same option twice.", """
            An option (or its alias, such as `max` for `max-length`) may appear once per statement.
            """),
        entry("missing-number", "A flow does not say which number it answers.", """
            Every flow needs `number PHONE`: the bundle maps inbound numbers to flows, and the \
            number checks compare dial targets against it.
            """),
        entry("invalid-setting", "A flow setting has a value it cannot take.", """
            `industry` is one of healthcare, fleet or general; `base-url` is an http(s) URL; \
            `voice` and `language` take what TeXML's <Say> takes (`voice alice`, `language en-US`), \
            since they are written on every <Say>. `languages` lists at most 8 tags and replaces \
            `language`: a flow sets one or the other.
            """),
        entry("name-too-long", "A flow or step name is too long to be a file name.", """
            Flows and steps become directories and files of the bundle, and file systems limit a \
            name to 255 bytes. Written names may have up to 100 bytes; the names ivrc derives for \
            nested branch blocks up to 200.
            """),
        entry("unknown-statement", "A statement keyword is not a TeXML verb ivrc knows.", """
            Statements are the verbs in the language reference (say, menu, dial, record, …) and \
            every other TeXML verb by its kebab-case name. A near miss gets a suggestion.
            """),
        entry("unknown-option", "An option is not an attribute of the statement's TeXML verb.", """
            Options are TeXML attribute names in kebab-case (`timeLimit` is `time-limit`) plus a \
            few aliases. An option the verb does not have would be dropped or rejected by Telnyx.
            """),
        entry("invalid-option", "An option's value is out of range or of the wrong kind.", """
            Values are checked against the TeXML schema: durations need a unit (`5s`), counts are \
            whole numbers in range, enumerations take one of their listed words.
            """),
        entry("compiler-owned-option", "An option that the compiler sets itself is written by hand.", """
            Attributes such as `action` are written by the compiler so that no document requests \
            itself by accident (a silent call loop). Say where the call continues with `-> STEP`.
            """),
        entry("invalid-text", "Text contains characters TeXML cannot carry.", """
            TeXML is XML 1.0, which cannot hold control characters other than tab and newline.
            """),
        entry("undefined-step", "`-> STEP` or `goto STEP` names a step that does not exist.", """
            Every step a flow continues at must be defined in the same flow. A near miss gets a \
            suggestion.
            """),
        entry("schedule", "A schedule line does not say days, hours or a date ivrc can read.", """
            `open` takes days (`mon`, `mon-fri`, `daily`) and a range of hours in 24-hour time \
            (`8:00-18:00`, or `22:00-6:00` past midnight); `closed` takes a date that exists \
            (`2026-12-25`) and, for part of a day, a range that ends by midnight (`12:00-24:00`).
            """),
        entry("unknown-time-zone", "A schedule names a time zone that does not exist.", """
            Schedules are read in an IANA time zone (`"America/Chicago"`, `"Europe/Madrid"`), so \
            opening hours follow daylight-saving changes. A near miss gets a suggestion.
            """),
        entry("undefined-schedule", "`hours NAME` names a schedule the flow does not declare.", """
            Declare it in the same flow with `schedule NAME "Zone/City"` and its `open` lines.
            """),
        entry("duplicate-schedule", "Two schedules of one flow have the same name.", """
            `hours NAME` would be ambiguous. Rename one of them.
            """),
        entry("invalid-language", "A language is not written as a language tag.", """
            Languages are BCP 47 tags in their usual case: a language, optionally a script and a \
            region (`en-US`, `es-MX`, `fr`, `zh-Hans-CN`), as `<Say language>` and `<Gather \
            language>` take them. A tag in another case gets its usual spelling suggested \
            (`es-mx` → `es-MX`); anything else (`spanish`, `es_MX`) is refused.
            """),
        entry("undeclared-language", "A translation, voice or language choice names a language the flow does not speak.", """
            A flow lists its languages once, the first where every call starts: `languages en-US \
            es-MX`. Text, voices and phrases per language, `language=TAG` on a branch and the \
            `language TAG` statement may name only those, so the checker can prove every prompt \
            has text in every language a call can reach it in (`missing-translation`).
            """),
        entry("duplicate-translation", "A prompt, phrase or voice is given twice for one language.", """
            Each prompt has one text per language: its own line for the flow's first language and \
            one line for each other (`es-MX "…"`); a branch one phrase per language; `voice` one \
            voice per language. With two, it is unclear which the caller hears.
            """),
        entry("undefined-value", "`env.NAME` names a value the chosen environment does not define.", """
            Values that differ between deployments (numbers, URLs, names) are written `env.NAME` \
            (or `{{env.NAME}}` inside text) and come from environments/NAME.toml, chosen with \
            `--env NAME`. Without `--env`, or with a values file that lacks the key, the flow \
            cannot be checked as it will run. A near miss gets a suggestion.
            """),
        entry("invalid-value", "An environment value used outside quotes is not one value.", """
            `env.NAME` stands where one value stands (a phone number, URL, duration, number or \
            word), so its value must read as exactly one. Use `{{env.NAME}}` inside a quoted \
            string for text.
            """),
        entry("unused-value", "A key of the values file is used by no flow.", """
            The environment defines a value nothing refers to: a typo on one side, or a value \
            left over. Remove it or use it, so the values file says what the deployment uses.
            """, severity: .warning),
        entry("undefined-module", "`use NAME` names a module that does not exist.", """
            A module is written `module NAME` in any file checked together with the flow that \
            uses it. A near miss gets a suggestion.
            """),
        entry("duplicate-module", "Two modules have the same name.", """
            Module names are unique across everything compiled together, because `use NAME` must \
            name exactly one.
            """),
        entry("module-cycle", "Modules use each other in a cycle.", """
            A module that takes itself in, directly or through others (`a -> b -> a`), would be \
            copied without end. Move the steps they share into a module of their own.
            """),
        entry("module-name-clash", "The name a module is used under is taken.", """
            A module's steps come into a flow as `NAME.STEP`, so NAME may not also be a step of \
            the flow, nor the name of another module the flow uses. `use MODULE as OTHER` picks \
            another name.
            """),
        entry("module-limit", "Modules would be copied too often or too deep.", """
            Each `use` copies a module's steps; modules that use each other several times at every \
            level multiply them. ivrc stops past 20,000 steps copied into one flow (1,000,000 in \
            all) or 16 nested uses, so a hostile file cannot make a check hang.
            """),
        entry("bundle-limit", "The flows would write a bundle larger than `ivrc serve` loads.", """
            A bundle holds at most 100,000 documents (a 32 MiB manifest, 512 MiB of documents): \
            `ivrc build` counts them before lowering (each step once per language a call can \
            reach it in, a menu once more per extra try) and refuses, at the flow and the `use` \
            whose module copies weigh most, rather than write a bundle the server would refuse. \
            Use modules fewer times or split the flows into several bundles.
            """),
        entry("missing-param", "A `use` line does not give a parameter the module needs.", """
            Every `param` of a module without a `default=` must be given where the module is \
            used: `use fleet_emergency dispatch=+1-555-010-0911`.
            """),
        entry("duplicate-param", "A parameter is given, or declared, twice.", """
            A `use` line gives each parameter once, and a module declares each once; with two, \
            it is unclear which value the flow runs with.
            """),
        entry("undefined-param", "A parameter is not one the module declares.", """
            A `use` line names only the module's `param`s, and `param.NAME` (or `{{param.NAME}}` \
            in text) is used only inside a module that declares NAME. A near miss gets a \
            suggestion.
            """),
        entry("invalid-param", "A parameter's value, type or default does not fit.", """
            A typed parameter (`param dispatch phone`) takes only a value of its type: phone, \
            sip, url, duration, number, string, word or step (a step of the flow, for \
            `-> param.NAME` and `goto param.NAME`). Its default must be of that type too.
            """),
        entry(Waivers.withoutReason, "A waiver does not say why.", """
            A waiver silences a compliance rule, so it must carry its reason for the next reader \
            and for the bundle manifest: `# ivrc: allow RULE -- reason`.
            """),
        entry(Waivers.unknownRule, "A waiver names a rule that does not exist or cannot be waived.", """
            Only checks listed by `ivrc rules` can be waived; syntax and resolution errors cannot, \
            because the flow would not compile. A near miss gets a suggestion.
            """),
        entry(Waivers.malformed, "A comment starting `ivrc:` is not a waiver ivrc can read.", """
            Waivers are written `# ivrc: allow RULE -- reason`, one rule per comment.
            """),
        entry(Waivers.misplaced, "A waiver is not directly above a statement, step or flow.", """
            A waiver applies to the statement, step or flow on the line below it (comments and \
            blank lines may come between), or to a whole step or flow when it is the first line \
            inside it. A waiver at the end of a line or with nothing below it applies to nothing.
            """),
        entry(Waivers.unused, "A waiver silences nothing.", """
            No diagnostic of the waived rule falls inside the waiver's scope, so the waiver is \
            stale or misplaced. Remove it, so that the manifest lists only exceptions that matter.
            """, severity: .warning),
    ]

    public static func description(id: String) -> RuleDescription? {
        all.first { $0.id == id }
    }

    private static func entry(_ id: String, _ summary: String, _ explanation: String,
                              severity: Severity = .error) -> RuleDescription {
        RuleDescription(id: id, severity: severity, summary: summary, explanation: explanation,
                        failing: [], passing: [])
    }
}
