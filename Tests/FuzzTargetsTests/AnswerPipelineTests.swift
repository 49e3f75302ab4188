import Foundation
import FuzzTargets
import IVRTestSupport
import Testing

/// The answer fuzz target walks a call through the bundle as Telnyx would: each request carries
/// the token of the answer before it, so its seeds reach every value-filled destination of
/// `AnsweredFlow`.
@Suite struct AnswerPipelineTests {
    static func answers(_ seed: String) throws -> [String?] {
        let url = Repository.root.appendingPathComponent("Tests/FuzzTargetsTests/Requests/\(seed).requests")
        return AnswerPipeline.run([UInt8](try Data(contentsOf: url)))
    }

    @Test func aDataDipsFieldsAreCarriedBranchedOnSpokenAndDialled() throws {
        let answers = try Self.answers("data_dip_answered")
        #expect(answers.count == 7 && answers.allSatisfy { $0 != nil })
        let announce = try #require(answers.last ?? nil)
        #expect(announce.contains("dock 7 in 15 minutes, status ok."), "\(announce)")
        #expect(announce.contains("<Number>+447700900123</Number>"), "\(announce)")
    }

    @Test func aGatheredExtensionIsReferredToTheWrittenHost() throws {
        let refer = try #require(try Self.answers("extension_referred").last ?? nil)
        #expect(refer.contains("sip:1234@pbx.example.com"), "\(refer)")
    }

    @Test func aNumberOutsideTheFlowsPrefixesIsARefusedDial() throws {
        let refused = try #require(try Self.answers("callback_outside_the_prefixes").last ?? nil)
        #expect(refused.contains("cannot be dialled") && !refused.contains("<Dial"), "\(refused)")
    }

    @Test func hostileValuesReachTheDocumentsAsXMLCanCarryThem() throws {
        let answers = try Self.answers("hostile_values")
        #expect(answers.count == 5 && answers.allSatisfy { $0 != nil })
        #expect(answers[0]?.contains("from \u{FFFD}\u{FFFD}&lt;&amp;\"") == true, "\(answers[0] ?? "")")
    }
}
