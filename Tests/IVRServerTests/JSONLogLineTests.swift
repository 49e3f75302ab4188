import HTTPTypes
import Foundation
import Logging
import Synchronization
import Testing
@testable import IVRServer

/// The JSON log line an operator's shipper reads: keys in byte order, numbers and booleans bare,
/// every string escaped, the event's fields over the handler's over the line's own.
struct JSONLogLineTests {
    @Test(arguments: ["0", "-7", "200", "0.258", "1e-05", "-2.5E+10", "true", "false"])
    func numbersAndBooleansAreBare(_ text: String) {
        #expect(JSONLiteral.isNumberOrBoolean(text))
    }

    @Test(arguments: ["", "-", "01", "1.", ".5", "+1", "1e", "nan", "inf", "-inf", "0x10", "1 ", "True", "12ab"])
    func anythingElseIsAString(_ text: String) {
        #expect(!JSONLiteral.isNumberOrBoolean(text))
    }


    /// Any text reads back as itself, whatever needs an escape and wherever it stands (the bytes
    /// before the first escape are copied at once, the rest one by one), and no control character
    /// is left bare.
    @Test func anyStringReadsBackAsItself() throws {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [String] = ["a", "Z", "0", " ", "\"", "\\", "\n", "\t", "\r", "\u{0}", "\u{1}", "\u{1F}", "\u{7F}", "é", "🎉", "!", "#", "]", "|"]
        var texts = (0..<3_000).map { _ in
            (0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
        }
        for special in ["\"", "\\", "\u{1F}", "\n"] {
            texts += (0..<20).map { String(repeating: "x", count: $0) + special + "tail" }
        }
        for text in texts {
            let quoted = JSONString.quoted(text)
            #expect(!quoted.contains { $0 < 0x20 }, "\(text.debugDescription)")
            let read = try JSONSerialization.jsonObject(with: Data(quoted), options: .fragmentsAllowed) as? String
            #expect(read == text, "\(text.debugDescription)")
        }
    }
    /// A double is a bare number exactly when its text is one, as any other handler's value would be read.
    @Test func aDoubleIsBareWhenFinite() {
        var generator = SystemRandomNumberGenerator()
        let random = (0..<500).map { _ in Double(bitPattern: generator.next()) }
        for value in random + [0, -0.0, 0.258, 1e-05, 5e-324, 1e20, -2.5e10, .nan, .infinity, -.infinity, .greatestFiniteMagnitude] {
            #expect(LogValue.number(value) == LogValue(.stringConvertible(value)), "\(value)")
        }
    }

    /// A latency's milliseconds are written as the double's shortest text would be.
    @Test func millisecondsReadAsTheDoubleTheyAre() {
        var generator = SystemRandomNumberGenerator()
        let random = (0..<20_000).map { _ in Int.random(in: 0...10_000_000, using: &generator) }
        for micros in random + [0, 1, 9, 10, 100, 999, 1_000, 1_001, 1_010, 1_100, 1_250, 405, 60_000_000, 999_999_999_999_999] {
            #expect(LogValue.milliseconds(microseconds: micros) == LogValue.number(Double(micros) / 1000), "\(micros)")
        }
    }

    /// The cached second and the cut milliseconds read as Foundation's ISO 8601 calendar says.
    @Test func theTimeIsUTCToTheMillisecond() {
        func format(seconds: Int, milliseconds: Int) -> String {
            let (second, millisecond) = LogTimestamp.parts(seconds: seconds, milliseconds: milliseconds)
            return second + millisecond
        }
        #expect(format(seconds: 1_795_776_106, milliseconds: 5) == "2026-11-27T10:41:46.005Z")
        #expect(format(seconds: 1_709_164_800, milliseconds: 999) == "2024-02-29T00:00:00.999Z")
        #expect(format(seconds: 0, milliseconds: 0) == "1970-01-01T00:00:00.000Z")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let seconds = Int.random(in: 0...4_102_444_800, using: &generator)
            let milliseconds = Int.random(in: 0...999, using: &generator)
            let foundation = Date(timeIntervalSince1970: TimeInterval(seconds)).formatted(.iso8601)
            #expect(format(seconds: seconds, milliseconds: milliseconds)
                == foundation.dropLast() + "." + String(format: "%03d", milliseconds) + "Z")
        }
        let now = LogTimestamp.now
        #expect((now.second + now.millisecond).utf8.count == "2026-11-27T10:41:46.005Z".utf8.count)
    }

    @Test func aLineIsSortedTypedAndEscaped() throws {
        let lines = Mutex<[[UInt8]]>([])
        var handler = JSONLogHandler(label: "test") { line in lines.withLock { $0.append(line) } }
        handler[metadataKey: "listener"] = "operations"
        handler[metadataKey: "kind"] = "from the handler"
        let logger = Logger(label: "test") { _ in handler }
        logger.warning("request", metadata: [
            "status": .stringConvertible(404), "latency_ms": .stringConvertible(0.25), "emergency": .stringConvertible(true),
            "kind": "entry", "path": "/a\"b\\c\nd\u{1}", "level": "not the level", "infinite": .stringConvertible(Double.infinity),
        ])
        let line = try #require(lines.withLock { $0.first }.map { String(decoding: $0, as: UTF8.self) })
        #expect(line.hasSuffix("}\n") && line.components(separatedBy: "\n").count == 2)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["status"] as? Int == 404 && object["latency_ms"] as? Double == 0.25 && object["emergency"] as? Bool == true)
        #expect(object["infinite"] as? String == "inf")
        #expect(object["path"] as? String == "/a\"b\\c\nd\u{1}")
        #expect(object["kind"] as? String == "entry" && object["listener"] as? String == "operations")
        #expect(object["level"] as? String == "not the level" && object["message"] as? String == "request")
        let keys = ["emergency", "infinite", "kind", "latency_ms", "level", "listener", "logger", "message", "path", "status", "time"]
        #expect(line.hasPrefix(#"{"emergency":true,"infinite":"inf","kind":"entry","latency_ms":0.25,"#))
        #expect(keys.map { line.range(of: "\"\($0)\":")!.lowerBound } == keys.map { line.range(of: "\"\($0)\":")!.lowerBound }.sorted())
    }

    /// `RequestLog` hands the server's own handler its fields as they are; through swift-log's
    /// metadata (any other handler in front) the line is the same, bar its moment.
    @Test func aRequestLineIsTheSameWithOrWithoutSwiftLogsMetadata() throws {
        let lines = Mutex<[String]>([])
        var handler = JSONLogHandler(label: "ivrc.serve") { line in lines.withLock { $0.append(String(decoding: line, as: UTF8.self)) } }
        handler[metadataKey: "listener"] = "webhook"
        handler[metadataKey: "flow"] = "from the handler"
        var notes = RequestNotes.Fields()
        notes.kind = .route
        notes.flow = "clinic"
        notes.refusal = "dial-premium"
        notes.emergency = true
        notes.durationSeconds = 42
        for logger in [Logger(label: "direct") { _ in handler }, Logger(label: "through") { _ in MultiplexLogHandler([handler]) }] {
            RequestLog(logger: logger, metrics: ServerMetrics(), trustedProxies: ["10.0.0.1"]).record(
                method: .post, path: "/texml/x", forwardedFor: ["192.0.2.7"], status: 403,
                latency: .microseconds(1250), notes: notes, peer: "10.0.0.1")
        }
        let written = lines.withLock { $0 }.map { $0.replacingOccurrences(of: #""time":"[^"]*""#, with: "", options: .regularExpression) }
        #expect(written.count == 2 && written[0] == written[1])
        #expect(written.first?.contains(#""client":"192.0.2.7","duration_s":42,"emergency":true,"flow":"clinic","#) == true)
        #expect(written.first?.contains(#""latency_ms":1.25,"level":"warning","listener":"webhook","logger":"ivrc.serve","#) == true)
    }

    /// `RequestLog` hands its fields over in key order, which the line relies on: with every
    /// field noted, the line's keys are in byte order, each once.
    @Test func aRequestLineWithEveryFieldHasItsKeysInOrder() throws {
        let lines = Mutex<[String]>([])
        let handler = JSONLogHandler(label: "ivrc.serve") { line in lines.withLock { $0.append(String(decoding: line, as: UTF8.self)) } }
        var notes = RequestNotes.Fields()
        (notes.callSid, notes.flow, notes.document, notes.bundle, notes.kind) = ("v3:1", "clinic", "clinic/welcome.xml", "0123456789ab", .unmatched)
        (notes.step, notes.language, notes.outcome, notes.emergency) = ("welcome", "es-MX", "key", true)
        (notes.callStatus, notes.hangupSource, notes.durationSeconds, notes.statusCallback, notes.refusal) = ("completed", "caller", 42, "counted", "x")
        RequestLog(logger: Logger(label: "test") { _ in handler }, metrics: ServerMetrics()).record(
            method: .post, path: "/nowhere", forwardedFor: [], status: 404, latency: .milliseconds(3), notes: notes, peer: "10.0.0.1")
        let line = try #require(lines.withLock { $0.first })
        let keys = line.matches(of: try Regex(#""([a-z_]+)":"#)).compactMap { $0.output[1].substring.map(String.init) }
        #expect(keys.count == 23 && keys == keys.sorted() && Set(keys).count == keys.count, "\(line)")
    }

    /// The handler's metadata goes where its key sorts, before, between or after the four fields
    /// every line has, and wins over them; a request line's own field wins over it.
    @Test func theHandlersMetadataIsMergedIntoEveryLineByKey() throws {
        let lines = Mutex<[String]>([])
        var handler = JSONLogHandler(label: "ivrc.serve") { line in lines.withLock { $0.append(String(decoding: line, as: UTF8.self)) } }
        for (key, value) in [("logger", "mine"), ("zone", "z"), ("a", "first"), ("method", "from the handler")] {
            handler[metadataKey: key] = .string(value)
        }
        let logger = Logger(label: "test") { _ in handler }
        logger.info("started")
        var notes = RequestNotes.Fields()
        notes.kind = .entry
        RequestLog(logger: logger, metrics: ServerMetrics()).record(method: .post, path: "/texml", forwardedFor: [], status: 200,
                                                                 latency: .milliseconds(2), notes: notes, peer: nil)
        let written = lines.withLock { $0 }
        #expect(written.count == 2)
        for line in written {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let offsets = object.keys.sorted().map { line.range(of: "\"\($0)\":")!.lowerBound }
            #expect(offsets == offsets.sorted(), "\(line)")
            #expect(line.components(separatedBy: "\"logger\":").count == 2, "\(line)")
            #expect(object["logger"] as? String == "mine" && object["a"] as? String == "first" && object["zone"] as? String == "z")
            #expect(object["time"] is String && object["level"] as? String == "info")
        }
        #expect(written[0].contains(#""message":"started","method":"from the handler","#))
        #expect(written[1].contains(#""message":"request","method":"POST","#))
    }
}
