import IVRCheck
import IVRLang

/// What the ids reported by `validate` and `import` mean, for `ivrc explain` and SARIF's
/// rule table. `dial-loopback` and `recording-disclosure` are the checker's rules applied to
/// raw TeXML, so their descriptions are the rules' own.
public enum TeXMLDiagnostics {
    public static let all: [RuleDescription] = [
        DiagnosticID.unsafeXML, .bundleHash, .malformedXML, .texmlSchema, .missingAction, .twimlOnly,
        .unresolvedWaitURL, .importLossy,
    ].map { RuleDescription($0) }

    /// Why none of these has a `.ivr` example: they are about TeXML documents, not flows.
    static let fromTeXML = "reported by `ivrc validate` and `ivrc import` about TeXML documents, not about a flow"
}

extension DiagnosticID {
    public static let unsafeXML = DiagnosticID(
        "unsafe-xml",
        summary: "A TeXML file was refused before it could do harm.",
        explanation: """
            `validate` and `import` read TeXML with a parser that never fetches anything and \
            never expands entities. A file with a DOCTYPE (the carrier of XXE and billion-laughs \
            attacks), a file over the size limit (10 MB), a file nested deeper than 64 levels and \
            a file in another encoding than UTF-8 (declared, or UTF-16, UTF-32 or EBCDIC bytes; \
            UTF-7 can smuggle `<` past byte-level filters as `+ADw-`) are refused as a whole; \
            nothing they name is read. TeXML needs none of these.
            """,
        noExample: TeXMLDiagnostics.fromTeXML)

    public static let bundleHash = DiagnosticID(
        "bundle-hash",
        summary: "A document of an ivrc bundle was changed after the build.",
        explanation: """
            `import` reads documents of an ivrc bundle together with its manifest.json, which \
            records each document's SHA-256. A document that no longer matches was edited by hand \
            (or damaged), so the manifest's routes may not describe it; it is refused rather than \
            imported as if it were what the compiler wrote.
            """,
        noExample: TeXMLDiagnostics.fromTeXML)

    public static let malformedXML = DiagnosticID(
        "malformed-xml",
        summary: "A TeXML file is not well-formed XML.",
        explanation: """
            The file could not be read as XML (an unclosed tag, a stray `&`, bytes that are not \
            UTF-8). Telnyx would refuse it too; fix the line the message points at.
            """,
        noExample: TeXMLDiagnostics.fromTeXML)

    public static let texmlSchema = DiagnosticID(
        "texml-schema",
        summary: "A TeXML document does not match the TeXML schema.",
        explanation: """
            The document was validated against ivrc's TeXML XSD: an element Telnyx does not \
            know, an element in a place it cannot go (a `<Say>` inside `<Record>`), an attribute \
            the verb does not have, or a value out of range. Telnyx ignores or rejects such \
            parts, so the call does not do what the document says.
            """,
        noExample: TeXMLDiagnostics.fromTeXML)

    public static let missingAction = DiagnosticID(
        "missing-action",
        summary: "A <Record> or <Gather> has no action URL.",
        explanation: """
            Without `action`, Telnyx requests the same document again when the recording ends or \
            input arrives, and the document starts over: a call loop the caller cannot leave. \
            Give the verb an `action` pointing at the document that should follow. (Flows \
            compiled by ivrc always get one.)
            """,
        noExample: TeXMLDiagnostics.fromTeXML)

    public static let twimlOnly = DiagnosticID(
        "twiml-only",
        summary: "A TwiML verb or attribute that Telnyx TeXML does not support.",
        explanation: """
            TeXML is TwiML-compatible, but not everywhere: `<Pay>`, `<Client>`, `<Room>` and \
            `<VirtualAgent>` do not exist, and some attributes are spelled differently \
            (`transcribe` is `transcription`, `transcribeCallback` is `transcriptionCallback`). \
            The message gives the TeXML spelling when there is one.
            """,
        noExample: TeXMLDiagnostics.fromTeXML)

    public static let unresolvedWaitURL = DiagnosticID(
        "unresolved-wait-url", .warning,
        summary: "An <Enqueue> waitUrl resolves to none of the given documents.",
        explanation: """
            A relative `waitUrl` (`hold_music`) resolves against the document's own URL; when it \
            names none of the files being validated, Telnyx fetches nothing and the caller waits \
            in silence. Write the hold music document's full https:// URL, or validate the hold \
            document together with this one. In an `.ivr` flow, `wait-url=STEP` makes a step of \
            the flow the hold music.
            """,
        noExample: TeXMLDiagnostics.fromTeXML)

    public static let importLossy = DiagnosticID(
        "import-lossy", .warning,
        summary: "Something in the TeXML could not be carried into the .ivr flow.",
        explanation: """
            `ivrc import` writes every verb, attribute and text it can express in the language \
            and leaves a comment in the flow for everything else (an unsupported verb, an \
            attribute TeXML does not have, an action URL outside the given files). Read the \
            comments and decide by hand.
            """,
        noExample: TeXMLDiagnostics.fromTeXML)
}
