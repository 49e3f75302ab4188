import FuzzDriver
import FuzzTargets

/// libFuzzer over the `.ivr` pipeline. SwiftPM links executables with `main` pointing at
/// `<Target>_main`, which hands over to libFuzzer's driver. Build and run with `scripts/fuzz`.
@_cdecl("FuzzSource_main")
func fuzzSourceMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv) { data, size in
        SourcePipeline.run(Array(UnsafeBufferPointer(start: data, count: size)))
        return 0
    }
}
