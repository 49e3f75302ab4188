import FuzzDriver
import FuzzTargets

/// libFuzzer over `ivrc serve`'s answering of a fixed bundle. See FuzzSource; built by `scripts/fuzz`.
@_cdecl("FuzzAnswer_main")
func fuzzAnswerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv) { data, size in
        AnswerPipeline.run(Array(UnsafeBufferPointer(start: data, count: size)))
        return 0
    }
}
