import Foundation
import IVRCheck
import IVRTestSupport
import TeXMLEmit
import Testing

@Suite struct LoweringTests {
    private let menuFlow = """
        flow f
          number +1-800-555-0100
          voice alice
          step main
            menu tries=3 timeout=4s
              say "Press 1."
              on 1 -> one
              on timeout -> bye
          step one
            say "One."
            hangup
          step bye
            say "Bye."
            hangup

        """

    @Test func aMenuReplaysBoundedThenTakesTheTimeoutBranch() throws {
        let bundle = try Compile.bundle(menuFlow)
        let gathers = try ["f/main.xml", "f/main.part2.xml", "f/main.part3.xml"].map { try Compile.text(bundle, $0) }
        #expect(gathers[0].contains("<Redirect>main.part2.xml</Redirect>"))
        #expect(gathers[1].contains("<Redirect>main.part3.xml</Redirect>"))
        #expect(gathers[2].contains("<Redirect>bye.xml</Redirect>"))
        for (index, document) in gathers.enumerated() {
            let name = index == 0 ? "main" : "main.part\(index + 1)"
            #expect(document.contains("action=\"\(name).route\""), "every Gather has its own action")
            #expect(document.contains("numDigits=\"1\""))
            #expect(document.contains("timeout=\"4\""))
        }
        #expect(bundle.documents["f/main.part4.xml"] == nil)
    }

    @Test func everyGatherAndRecordHasAnActionThatIsNotItself() throws {
        let bundle = try Compile.bundle(ExampleFlows.sources())
        for (path, bytes) in bundle.documents {
            let text = String(decoding: bytes, as: UTF8.self)
            for verb in ["<Gather", "<Record"] where text.contains(verb) {
                #expect(text.contains("action=\""), "\(path): \(verb) without action")
                #expect(!text.contains("action=\"\(path.split(separator: "/").last!)\""), "\(path) re-requests itself")
            }
        }
    }

    @Test func flowVoiceAndLanguageApplyToEverySayUnlessOverridden() throws {
        let bundle = try Compile.bundle("""
            flow f
              number +1-800-555-0100
              voice alice
              language en-US
              step main
                say "A."
                say "B." voice=Polly.Joanna
                hangup

            """)
        let text = try Compile.text(bundle, "f/main.xml")
        #expect(text.contains("<Say language=\"en-US\" voice=\"alice\">A.</Say>"))
        #expect(text.contains("<Say language=\"en-US\" voice=\"Polly.Joanna\">B.</Say>"))
    }

    @Test func gotoToAStepUsedOnceIsInlinedOtherwiseRedirected() throws {
        let bundle = try Compile.bundle("""
            flow f
              number +1-800-555-0100
              step main
                menu
                  on 1 -> shared
                  on 2
                    goto shared
                  on 3
                    goto once
              step shared
                say "Shared."
                hangup
              step once
                say "Once."
                hangup

            """)
        #expect(try Compile.text(bundle, "f/main.2.xml").contains("<Redirect>shared.xml</Redirect>"))
        #expect(try Compile.text(bundle, "f/main.3.xml").contains("<Say>Once.</Say>"))
        #expect(bundle.documents["f/once.xml"] == nil)
    }

    @Test func recordWithoutContinuationSplitsTheStep() throws {
        let bundle = try Compile.bundle("""
            flow f
              number +1-800-555-0100
              step main
                disclose "Recorded."
                record max=60s
                say "Thanks."

            """)
        #expect(try Compile.text(bundle, "f/main.xml").contains("<Record action=\"main.route\" maxLength=\"60\"/>"))
        #expect(try Compile.text(bundle, "f/main.part2.xml").contains("<Say>Thanks.</Say>"))
    }

    @Test func actionURLsUseTheBaseURL() throws {
        let bundle = try Compile.bundle(menuFlow, baseURL: "https://ivr.example.com/texml/")
        let text = try Compile.text(bundle, "f/main.xml")
        #expect(text.contains("action=\"https://ivr.example.com/texml/f/main.route\""))
        #expect(text.contains("<Redirect>https://ivr.example.com/texml/f/main.part2.xml</Redirect>"))
    }

    @Test func textIsEscapedExactlyOnce() throws {
        let bundle = try Compile.bundle("""
            flow f
              number +1-800-555-0100
              step main
                say "Fish & chips <today> \\"fresh\\" &amp; {{From}}"

            """)
        #expect(try Compile.text(bundle, "f/main.xml").contains("<Say>Fish &amp; chips &lt;today&gt; \"fresh\" &amp;amp; {{From}}</Say>"))
    }
}

@Suite struct EnqueueLoweringTests {
    @Test func enqueueArrowBecomesTheActionOfEnqueue() throws {
        let bundle = try Compile.bundle("""
            flow f
              number +1-800-555-0100
              step main
                enqueue support wait-url=https://example.com/hold.xml -> after
                say "never reached"
              step after
                say "Thanks for waiting."
                hangup

            """)
        let main = try Compile.text(bundle, "f/main.xml")
        #expect(main.contains("<Enqueue action=\"after.xml\" waitUrl=\"https://example.com/hold.xml\">support</Enqueue>"), "\(main)")
        #expect(!main.contains("never reached"))
        #expect(bundle.documents["f/after.xml"] != nil)
    }

    @Test func aHoldMusicStepIsItsOwnDocumentAndTheWaitURL() throws {
        let bundle = try Compile.bundle("""
            flow f
              number +1-800-555-0100
              step main
                goto hold_music
              step queue
                enqueue support wait-url=hold_music
              step hold_music
                play https://example.com/hold.mp3

            """, baseURL: "https://ivr.example.com/texml")
        let queue = try Compile.text(bundle, "f/queue.xml")
        #expect(queue.contains("<Enqueue waitUrl=\"https://ivr.example.com/texml/f/hold_music.xml\">support</Enqueue>"), "\(queue)")
        #expect(bundle.documents["f/hold_music.xml"] != nil, "referenced twice, so never inlined away")
    }
}

@Suite struct RecordingDeliveryLoweringTests {
    @Test func flowRecordingCallbackIsWrittenOnEveryRecordingUnlessTheStatementNamesItsOwn() throws {
        let bundle = try Compile.bundle("""
            flow f
              number +1-800-555-0100
              recording-status-callback https://records.example.com/all
              step main
                disclose "This call is being recorded."
                start
                  recording
                record max=60s
                dial +1-555-010-0200 record=record-from-answer recording-status-callback=https://records.example.com/dial -> plain

              step plain
                dial +1-555-010-0201

            """)
        let main = try Compile.text(bundle, "f/main.xml")
        #expect(main.contains("<Recording recordingStatusCallback=\"https://records.example.com/all\"/>"), "\(main)")
        #expect(main.contains("<Record action=\"main.route\" maxLength=\"60\" recordingStatusCallback=\"https://records.example.com/all\"/>"), "\(main)")
        let dial = try Compile.text(bundle, "f/main.part2.xml")
        #expect(dial.contains("recordingStatusCallback=\"https://records.example.com/dial\""), "\(dial)")
        #expect(!dial.contains("records.example.com/all"))
        let plain = try Compile.text(bundle, "f/plain.xml")
        #expect(!plain.contains("recordingStatusCallback"), "a dial that does not record gets no callback")
    }

    /// `serve` names the step's receiver, `STEP.recording` beside the documents, which `ivrc serve`
    /// relocates; an inlined step's recording is still its own step's.
    @Test func servedRecordingsNameTheirStepsReceiver() throws {
        let bundle = try Compile.bundle("""
            flow f
              number +1-800-555-0100
              retention 2y
              recording-status-callback serve
              step main
                disclose "This call is being recorded."
                start
                  recording
                goto leave_message
              step leave_message
                record max=60s recording-status-callback=serve
                dial +1-555-010-0200 record=record-from-answer recording-status-callback=https://records.example.com/dial

            """)
        let main = try Compile.text(bundle, "f/main.xml")
        #expect(main.contains("<Recording recordingStatusCallback=\"main.recording\"/>"), "\(main)")
        #expect(main.contains("recordingStatusCallback=\"leave_message.recording\""), "\(main)")
        #expect(!main.contains("\"serve\""))
        #expect(bundle.flows.first?.retention.description == "2y")
    }

    /// A transcribed `record` whose recordings go to `ivrc serve` sends its transcript there too,
    /// `STEP.transcription`, unless it names its own; with recordings sent elsewhere, nothing is added.
    @Test func servedTranscriptsNameTheirStepsReceiver() throws {
        let bundle = try Compile.bundle("""
            flow f
              number +1-800-555-0100
              recording-status-callback serve
              step main
                disclose "This call is being recorded."
                record max=60s transcription=true -> own
              step own
                record max=60s transcription=true transcription-callback=https://texts.example.com/t -> plain
              step plain
                record max=60s -> elsewhere
              step elsewhere
                record max=60s transcription=true recording-status-callback=https://records.example.com/r

            """)
        let main = try Compile.text(bundle, "f/main.xml")
        #expect(main.contains("recordingStatusCallback=\"main.recording\" transcription=\"true\" transcriptionCallback=\"main.transcription\""), "\(main)")
        #expect(try Compile.text(bundle, "f/own.xml").contains("transcriptionCallback=\"https://texts.example.com/t\""))
        #expect(!(try Compile.text(bundle, "f/plain.xml")).contains("transcriptionCallback"))
        #expect(!(try Compile.text(bundle, "f/elsewhere.xml")).contains("transcriptionCallback"))
    }

    @Test func retentionIsWrittenInTheManifestAndDefaultsByIndustry() throws {
        let flows = [("a", "1", "  retention 18mo\n"), ("b", "2", "  retention 90d\n"), ("c", "3", "")].map { name, digit, retention in
            "flow \(name)_line\n  number +1-800-555-010\(digit)\n  industry general\n\(retention)  step main\n    say \"Hi.\"\n"
        }.joined(separator: "\n")
        let manifest = BundleWriter.manifest(for: try Compile.bundle(flows), compilerVersion: "test", waivers: [])
        #expect(manifest.flows.map(\.retention?.description) == ["18mo", "90d", "1y"])
        #expect(String(decoding: manifest.encoded, as: UTF8.self).contains("\"retention\" : \"1y\""))
    }
}
