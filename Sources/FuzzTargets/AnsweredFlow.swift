/// The flow the answer fuzz target serves: every destination, URL and body a call value can
/// fill (`dial {{x}} allow=`, `dial +1{{x}}`, `dial {{From}}`, `refer sip:{{ext}}@pbx`, JSON and
/// form bodies, a data dip's fields dialled, spoken and branched on), reached through a menu.
public enum AnsweredFlow {
    public static let number = "+18005550199"

    public static let source = """
        # Every value-filled destination, for the answer fuzz target (Sources/FuzzTargets).
        flow fuzzed
          number +1-800-555-0199
          dial-prefixes +1 +44

          step welcome
            say "Thanks for calling from {{From}} on {{To}}, call {{CallSid}}."
            menu
              say "For an extension, press 1. To be called back, press 2. For your load, press 3."
              on 1 "extension" -> extension
              on 2 "callback" -> callback
              on 3 "load" -> lookup
              on 4 -> local
              on 5 -> caller
              on timeout -> desk
              on invalid -> desk

          step extension
            gather ext num-digits=4 input="dtmf speech" -> transfer
              say "Enter the extension."
              on timeout -> desk

          step transfer
            say "Transferring you to {{ext}}, you said {{SpeechResult}}."
            refer sip:{{ext}}@pbx.example.com

          step callback
            gather callback finish-on-key=# -> call_back
              say "Enter a number to call you back on."
              on timeout -> desk

          step call_back
            say "Calling {{callback}} back."
            dial {{callback}} allow=+1,+44 timeout=20s -> desk

          step local
            gather local num-digits=10 -> dial_local
              say "Enter your ten-digit number."
              on timeout -> desk

          step dial_local
            dial +1{{local}} timeout=20s -> desk

          step caller
            dial {{From}} timeout=20s -> desk

          step lookup
            gather driver num-digits=6 -> fetch
              say "Enter your driver number."
              on timeout -> desk

          step fetch
            http-request https://dispatch.example.com/loads/{{driver}}?from={{From}} method=POST -> notify
              header Content-Type "application/json"
              body "{\\"driver\\": \\"{{driver}}\\", \\"from\\": \\"{{From}}\\"}"
              field eta "load.eta_minutes"
              field dock "load.dock"
              field phone "load.contact"
              on failure -> desk

          step notify
            http-request https://dispatch.example.com/notify method=POST -> decide
              header Content-Type "application/x-www-form-urlencoded"
              body "driver={{driver}}&dock={{dock}}&role=caller"
              field status "status" default="unknown"

          step decide
            branch {{status}}
              on "ok" "ready" -> soon
              on empty -> desk
              on other -> desk

          step soon
            branch {{eta}}
              on below 30 -> announce
              on from 30 to 120 -> caller
              on other -> desk

          step announce
            say "Driver {{driver}}, dock {{dock}} in {{eta}} minutes, status {{status}}."
            play https://audio.example.com/docks/{{dock}}.mp3
            dial {{phone}} timeout=20s -> desk

          step desk
            dial +1-555-010-0200
            say "Nobody could answer. Goodbye."
            hangup

        """
}
