import FuzzSupport

@_cdecl("FuzzEvaluator_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { data, size in fuzzEvaluator(data, size) }
}
