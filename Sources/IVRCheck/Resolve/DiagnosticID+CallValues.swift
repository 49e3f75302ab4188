import IVRLang

/// What the resolver reports about call values standing where the compiler cannot bound them:
/// in names, in typed options, in a dial's written prefix, in a request body.
extension DiagnosticID {
    public static let valueInName = DiagnosticID(
        "value-in-name",
        summary: "A queue or conference name is filled from a value.",
        explanation: """
            `enqueue`, `dial queue` and `dial conference` connect the caller to whoever waits \
            under that name. Filled from a value (what a caller typed or said, a data-dip answer), \
            the caller would choose whom they reach ("vip support"). Write each name; to offer \
            several, branch with a `menu` and write one name per branch.
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                gather team -> wait
                  say "Which team?"
                  on timeout -> start

              step wait
                enqueue ↓{{team}}
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                gather team -> wait
                  say "Which team?"
                  on timeout -> start

              step wait
                enqueue support
            """,
        ])

    public static let dialPrefixConflict = DiagnosticID(
        "dial-prefix-conflict",
        summary: "A country code written before a value is outside the dial's bound.",
        explanation: """
            In `dial +44{{callback}}` the written `+44` starts every number the dial fills. When \
            the dial's `allow=` or the flow's `dial-prefixes` admits no number starting so, every \
            call would reach the refused-dial apology instead of a person. Write an allowed \
            country code before the value, or add it to the bound.
            """,
        reported: [
            """
            flow callback
              number +1-800-555-0180
              dial-prefixes +1

              step start
                gather local num-digits=10 -> ring
                  say "Your number?"
                  on timeout -> start

              step ring
                dial ↓+44{{local}}
            """,
        ],
        notReported: [
            """
            flow callback
              number +1-800-555-0180
              dial-prefixes +1 +44

              step start
                gather local num-digits=10 -> ring
                  say "Your number?"
                  on timeout -> start

              step ring
                dial +44{{local}}
            """,
        ])

    public static let placeholderInOption = DiagnosticID(
        "placeholder-in-option",
        summary: "An option whose TeXML form is fixed is filled from a value.",
        explanation: """
            Options such as `voice`, `num-digits`, `timeout` or `finish-on-key` take a number, a \
            word from a list or a fixed pattern (the XSD's type for the attribute). A value a \
            caller typed or said, or a data dip's answer, could be anything, so the filled \
            document would break the schema and the server could only answer with an error. \
            Write the option; to choose among a few, branch with a `menu` and write one per \
            branch. Only options that take any text or a URL may hold a value.
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                gather choice -> speak
                  say "Which voice?"
                  on timeout -> start

              step speak
                say "Hello." voice=↓{{choice}}
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                gather choice -> speak
                  say "Which voice?"
                  on timeout -> start

              step speak
                say "Hello, you chose {{choice}}." voice=Polly.Joanna
            """,
        ])

    public static let bodyContentType = DiagnosticID(
        "body-content-type",
        summary: "A value in an http-request body cannot be escaped for its Content-Type.",
        explanation: """
            A value in an `http-request` body is escaped by the body's declared `Content-Type`: \
            `application/json` (or `application/…+json`) JSON-escapes it, and it must stand inside \
            a JSON string, or a value such as `true` or `[…]` would become JSON; \
            `application/x-www-form-urlencoded` percent-encodes it, so `x&role=admin` cannot add a \
            parameter. A body with values and no Content-Type, or another one, is refused: declare \
            one of these with `header Content-Type "…"`.
            """,
        reported: [
            """
            flow dispatch
              number +1-800-555-0180

              step lookup
                http-request https://dispatch.example.com/loads method=POST -> announce
                  header Content-Type "application/json"
                  body ↓"{\\"driver\\": {{From}}}"
                  field eta "load.eta_minutes" default="a few"

              step announce
                say "Your load arrives in {{eta}} minutes."
            """,
        ],
        notReported: [
            """
            flow dispatch
              number +1-800-555-0180

              step lookup
                http-request https://dispatch.example.com/loads method=POST -> announce
                  header Content-Type "application/json"
                  body "{\\"driver\\": \\"{{From}}\\"}"
                  field eta "load.eta_minutes" default="a few"

              step announce
                say "Your load arrives in {{eta}} minutes."
            """,
        ])
}
