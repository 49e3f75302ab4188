/// Small flows for the server's tests.
enum Flows {
    static func line(_ name: String, number: String, welcome: String = "    say \"Welcome.\"\n    goto desk\n") -> String {
        """
        flow \(name)
          number \(number)
          industry general

          step welcome
        \(welcome)
          step desk
            dial +1-555-010-0200 timeout=30s

          test "reaches the desk"
            expect step desk

        """
    }
}
