import FuzzDriver
import FuzzTargets

/// libFuzzer over `validate` and `import` of TeXML. See FuzzSource; built by `scripts/fuzz`.
@_cdecl("FuzzTeXML_main")
func fuzzTeXMLMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv) { data, size in
        TeXMLPipeline.run(Array(UnsafeBufferPointer(start: data, count: size)))
        return 0
    }
}
