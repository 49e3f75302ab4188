import Foundation
import TeXMLSchema
import Testing

@Suite struct SchemaValidationTests {
    @Test func acceptsRealisticTeXML() throws {
        let violations = try Fixture.validator().validate(Fixture.data("valid_realistic"))
        #expect(violations == [])
    }

    @Test func rejectsPatientIntakeTemplate() throws {
        let violations = try Fixture.validator().validate(Fixture.data("plan_patient_intake"))
        #expect(violations.contains { $0.line == 4 && $0.element == "Record" && $0.message.contains("'transcribe'") })
        #expect(violations.contains { $0.line == 4 && $0.element == "Record" && $0.message.contains("Element content is not allowed") })
        #expect(violations.allSatisfy { $0.line == 4 })
    }

    @Test func rejectsDriverEmergencyTemplate() throws {
        let violations = try Fixture.validator().validate(Fixture.data("plan_driver_emergency"))
        #expect(violations.contains { $0.line == 4 && $0.element == "Record" && $0.message.contains("'transcribe'") })
        #expect(violations.contains { $0.line == 4 && $0.element == "Record" && $0.message.contains("Element content is not allowed") })
    }

    @Test func rejectsSayInsideRecord() throws {
        let violations = try Fixture.validator().validate(Fixture.data("say_inside_record"))
        #expect(!violations.isEmpty)
        #expect(violations.allSatisfy { $0.line == 3 && $0.element == "Record" })
    }

    @Test func rejectsUnknownAttribute() throws {
        let violations = try Fixture.validator().validate(Fixture.data("unknown_attribute"))
        #expect(violations == [SchemaViolation(line: 4, element: "Gather", message: "attribute 'timout': The attribute 'timout' is not allowed.")])
    }

    @Test func rejectsOutOfRangeGatherTimeout() throws {
        let violations = try Fixture.validator().validate(Fixture.data("gather_timeout_out_of_range"))
        #expect(violations.count == 1)
        #expect(violations.first?.line == 3)
        #expect(violations.first?.element == "Gather")
        #expect(violations.first?.message == "attribute 'timeout': The value '500' is greater than the maximum value allowed ('120').")
    }

    @Test func rejectsNumberThatIsNotE164() throws {
        let violations = try Fixture.validator().validate(Fixture.data("number_not_e164"))
        #expect(violations.count == 1)
        #expect(violations.first?.line == 5)
        #expect(violations.first?.element == "Number")
        #expect(violations.first?.message.contains("'1-800-FLOWERS'") == true)
    }

    @Test func reportsMalformedXMLWithItsLine() throws {
        let violations = try Fixture.validator().validate("<Response>\n  <Say>hi</Sey>\n</Response>")
        #expect(violations.first?.line == 2)
        #expect(violations.first?.element == nil)
    }

    @Test func validatesFromSeveralThreadsAtOnce() async throws {
        let validator = try Fixture.validator()
        let valid = try Fixture.data("valid_realistic")
        let invalid = try Fixture.data("gather_timeout_out_of_range")
        let counts = await withTaskGroup(of: Int.self) { group in
            for index in 0..<16 {
                group.addTask { validator.validate(index.isMultiple(of: 2) ? valid : invalid).count }
            }
            return await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(counts.sorted() == Array(repeating: 0, count: 8) + Array(repeating: 1, count: 8))
    }
}
