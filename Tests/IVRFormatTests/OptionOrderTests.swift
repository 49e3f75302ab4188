import IVRFormat
import Testing

/// Arguments as written, then `name=value` options by name, then `-> STEP`.
@Suite struct OptionOrderTests {
    @Test func optionsAreSortedAfterArguments() throws {
        let formatted = try Fixtures.format("""
        flow f
          number +1-800-555-0157
          step main
            disclose "Recorded."
            record timeout=30s   max=120s beep -> main

        """)
        #expect(formatted.contains("    record beep max=120s timeout=30s -> main\n"))
    }

    @Test func phoneNumbersAndDurationsStayAsWritten() throws {
        let formatted = try Fixtures.format("""
        flow f
          number +18005550157
          step main
            dial +1-555-010-0200 timeout=90s time-limit=2m -> main

        """)
        #expect(formatted.contains("  number +18005550157\n"))
        #expect(formatted.contains("    dial +1-555-010-0200 time-limit=2m timeout=90s -> main\n"))
    }
}
