/// A line that uses call values everywhere they can go: the caller's number in a prompt, a
/// typed extension in a SIP dial, a typed callback number as a dial target. Its `test` blocks
/// run against the bundle in memory and, through `ivrc test --url`, against `ivrc serve`.
public enum ValuesFlow {
    public static let number = "+18005550170"

    public static let source = """
        # Extension directory: a typed extension dialled over SIP, the caller greeted by number.
        flow extensions
          number +1-800-555-0170

          step welcome
            say "Thanks for calling from {{From}}."
            gather ext num-digits=3 -> connect
              say "Enter the three-digit extension."
              on timeout -> operator

          step connect
            say "Connecting you to extension {{ext}}."
            dial sip:{{ext}}@pbx.example.com timeout=20s -> operator

          step operator
            gather callback finish-on-key=# -> call_back
              say "Enter a number to call you back on, then press pound."
              on timeout -> desk

          step call_back
            dial {{callback}} allow=+1 timeout=20s -> desk

          step desk
            dial +1-555-010-0200
            say "Nobody could answer. Goodbye."
            hangup

          test "a typed extension is dialled over SIP"
            expect say "calling from +15550100000"
            press 101
            expect say "extension 101"
            expect dial sip:101@pbx.example.com

          test "silence reaches the operator, who calls back"
            silence
            expect step operator
            press "15550100123#"
            expect dial +15550100123

          test "a callback to the line itself is refused and the desk answers"
            silence
            press "18005550170#"
            expect say "cannot be dialled"
            expect no dial +18005550170
            expect dial +1-555-010-0200

        """

    public static let bilingualNumber = "+18005550190"

    /// A bilingual directory: a value inside a translation, and a typed extension refused in
    /// the language the caller chose (the apology is said in Spanish, in the Spanish voice).
    public static let bilingual = """
        # Extension directory in English and Spanish.
        flow directorio
          number +1-800-555-0190
          languages en-US es-MX
          voice Polly.Joanna
            es-MX Polly.Mia

          step welcome
            menu
              say "For English, press 1. Para español, oprima 2."
              on 1 -> extension
              on 2 language=es-MX -> extension
              on timeout -> extension

          step extension
            gather ext num-digits=3 -> connect
              say "Enter the three-digit extension."
                es-MX "Marque la extensión de tres dígitos."
              on timeout -> desk

          step connect
            say "Connecting you to extension {{ext}}."
              es-MX "Conectando con la extensión {{ext}}."
            dial sip:{{ext}}@pbx.example.com timeout=20s -> desk

          step desk
            say "Nobody could answer. Goodbye."
              es-MX "Nadie pudo contestar. Adiós."
            hangup

          test "a Spanish caller's extension is read out in Spanish and dialled"
            press 2
            press 101
            expect say "Conectando con la extensión 101."
            expect dial sip:101@pbx.example.com

          test "a Spanish caller's extension with a star is refused in Spanish"
            press 2
            press "1*2"
            expect say "Lo sentimos, no se puede marcar ese número."
            expect no dial sip:1*2@pbx.example.com
            expect say "Nadie pudo contestar."

          test "an English caller's extension with a star is refused in English"
            press 1
            press "1*2"
            expect say "Sorry, that number cannot be dialled."
            expect say "Nobody could answer."

        """

    public static let dataDipNumber = "+18005550180"

    /// A driver line that asks the dispatch system (`http-request`) and reads its answer out.
    public static let dataDip = """
        # Driver hotline: the dispatch system says where and when the driver's load is.
        flow dispatch
          number +1-800-555-0180

          step welcome
            gather driver num-digits=4 -> lookup
              say "Enter your driver number."
              on timeout -> desk

          step lookup
            http-request https://dispatch.example.com/loads method=POST -> announce
              header Content-Type "application/json"
              body "{\\"driver\\": \\"{{driver}}\\"}"
              field eta "load.eta_minutes"
              field dock "load.dock"
              on failure -> desk

          step announce
            say "Driver {{driver}}, your load is at dock {{dock}} in {{eta}} minutes."
            hangup

          step desk
            dial +1-555-010-0200
            say "Nobody could answer. Goodbye."
            hangup

          test "the dispatch system's answer is read out"
            press 4711
            respond with eta="15" dock="7"
            expect say "Driver 4711, your load is at dock 7 in 15 minutes."

          test "a silent driver reaches the desk"
            silence
            expect dial +1-555-010-0200

        """
}
