import Foundation
@testable import IVRRecordings
import RecordingTestSupport
import Testing

struct SealedRecordingTests {
    static func keys(_ seed: UInt8) throws -> RecordingKeyRing {
        try RecordingKeyRing(encodedKeys: [("key \(seed)", Data((0..<32).map { UInt8($0) &+ seed }).base64EncodedString())])
    }

    @Test func theSealedObjectIsNotTheAudioAndOpensToExactlyIt() throws {
        let audio = SpokenWAV.bytes
        #expect(audio.count > 10_000 && audio.starts(with: Array("RIFF".utf8)))
        let keys = try Self.keys(1)
        let object = try SealedRecording.seal(audio, recordingSid: "rec-1", keys: keys)
        #expect(object.count == audio.count + 8 + 1 + 16 + 28)
        // No run of the audio survives sealing.
        #expect(!object.indices.dropLast(64).contains { Array(object[$0..<($0 + 64)]) == Array(audio[100..<164]) })
        #expect(try SealedRecording.open(object, recordingSid: "rec-1", keys: keys) == audio)
    }

    @Test func alteredObjectsAreRefused() throws {
        let keys = try Self.keys(1)
        let object = try SealedRecording.seal(SpokenWAV.bytes, recordingSid: "rec-1", keys: keys)
        var flipped = object
        flipped[flipped.count / 2] ^= 0x01
        #expect(throws: SealedRecording.Refusal.tampered) { try SealedRecording.open(flipped, recordingSid: "rec-1", keys: keys) }
        #expect(throws: SealedRecording.Refusal.tampered) { try SealedRecording.open(Array(object.dropLast(100)), recordingSid: "rec-1", keys: keys) }
        #expect(throws: SealedRecording.Refusal.notAnObject) { try SealedRecording.open(Array(object.prefix(20)), recordingSid: "rec-1", keys: keys) }
        // Moved to another recording's name.
        #expect(throws: SealedRecording.Refusal.tampered) { try SealedRecording.open(object, recordingSid: "rec-2", keys: keys) }
        let wrong = try Self.keys(2)
        #expect(throws: SealedRecording.Refusal.unknownKey(keys.currentID)) { try SealedRecording.open(object, recordingSid: "rec-1", keys: wrong) }
        // The key id cut out: the length byte says none.
        let idLength = Int(object[8])
        let withoutID = Array(object.prefix(8)) + [0] + Array(object.dropFirst(9 + idLength))
        #expect(throws: SealedRecording.Refusal.noKeyID) { try SealedRecording.open(withoutID, recordingSid: "rec-1", keys: keys) }
    }

    @Test func aRotatedKeyRingSealsWithTheFirstAndOpensWithAny() throws {
        let old = try Self.keys(1)
        let object = try SealedRecording.seal(SpokenWAV.bytes, recordingSid: "rec-1", keys: old)
        let encode = { (seed: UInt8) in Data((0..<32).map { UInt8($0) &+ seed }).base64EncodedString() }
        let rotated = try RecordingKeyRing(encodedKeys: [("new", encode(2)), ("old", encode(1))])
        #expect(rotated.currentID != old.currentID)
        #expect(try SealedRecording.open(object, recordingSid: "rec-1", keys: rotated) == SpokenWAV.bytes)
        #expect(try SealedRecording.keyID(of: SealedRecording.seal([1, 2, 3], recordingSid: "r", keys: rotated)) == rotated.currentID)
    }

    @Test func keyFilesMustHoldExactly32Bytes() {
        for text in ["", "not base64!", Data(repeating: 1, count: 16).base64EncodedString(), Data(repeating: 1, count: 33).base64EncodedString()] {
            #expect(throws: RecordingKeyRing.Failure.self) { try RecordingKeyRing(encodedKeys: [("key.b64", text)]) }
        }
        #expect(throws: RecordingKeyRing.Failure.self) { try RecordingKeyRing(encodedKeys: []) }
        #expect((try? RecordingKeyRing(encodedKeys: [("key", Data(repeating: 9, count: 32).base64EncodedString() + "\n")])) != nil)
    }
}
