import Foundation
@testable import IVRCallLog
import Testing

/// The fast reader of log lines against `JSONDecoder`, the reference: whenever the scanner is
/// sure, the decoder reads the same entry; whatever it is unsure of goes to the decoder, so
/// the lines accepted and refused are the decoder's alone.
@Suite struct LogLineScannerTests {
    static func decoded(_ line: String) -> LogEntry? {
        try? JSONDecoder().decode(LogEntry.self, from: Data(line.utf8))
    }

    static func scanned(_ line: String) -> LogLineScanner.Result {
        Array(line.utf8).withUnsafeBytes(LogLineScanner.scan)
    }

    /// Sure of a line: the decoder must read exactly that entry.
    static func agree(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) {
        if case .entry(let entry) = scanned(line) {
            #expect(decoded(line) == entry, "scanner and decoder differ on \(line)", sourceLocation: sourceLocation)
        }
    }

    @Test func theServersLinesAreReadFastAndAsTheDecoderReadsThem() throws {
        for line in LogFixture.twoDays {
            guard case .entry(let entry) = Self.scanned(line) else {
                Issue.record("the scanner is unsure of a line the server writes: \(line)")
                continue
            }
            #expect(Self.decoded(line) == entry)
        }
        guard case .entry(let entry) = Self.scanned(LogFixture.twoDays[7]) else { return }
        #expect(entry.emergency == true && entry.outcome == "no-answer" && entry.step == "after_hours" && entry.latencyMs == 1.5)
    }

    @Test func everyCutOfAServerLineIsJudgedAsTheDecoderJudgesIt() {
        for line in LogFixture.twoDays.prefix(4) {
            let characters = Array(line)
            for end in 0...characters.count { Self.agree(String(characters[..<end])) }
        }
    }

    @Test(arguments: [
        #"{"status":"200","time":"2026-12-01T09:00:00.000Z"}"#,
        #"{"status":200.5}"#, #"{"status":2e2}"#, #"{"status":99999999999999999999999}"#, #"{"status":-7}"#,
        #"{"latency_ms":1e400}"#, #"{"latency_ms":-0.25E-2}"#, #"{"latency_ms":01}"#, #"{"latency_ms":.5}"#, #"{"latency_ms":1.}"#,
        #"{"emergency":"true"}"#, #"{"emergency":null,"step":null}"#, #"{"step":"a","step":"b"}"#,
        #"{"step":"caf\u00e9"}"#, #"{"step":"café"}"#, "{\"step\":\"tab\tin\"}", #"{"step":"x\"y"}"#,
        #"{"extra":{"nested":[1,2,{"a":null}]},"step":"s"}"#, #"{"extra":[}"#, #"{"unknown":tru}"#,
        #" { "step" : "s" , "kind" : "route" } "#, #"{}"#, #"{"step":"s",}"#, #"{"step":"s"}x"#, #"["step"]"#, #"null"#, "",
        #"{"step":"s"}{"step":"t"}"#, #"{"message":"request","time":"2026-12-01T09:00:00Z","call_sid":"v3:x","hangup_source":"caller"}"#,
    ])
    func oddLinesAreJudgedAsTheDecoderJudgesThem(_ line: String) {
        Self.agree(line)
    }
}
