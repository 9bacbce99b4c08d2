import FuzzSupport

@_cdecl("FuzzConfiguration_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { data, size in fuzzConfiguration(data, size) }
}
