import FuzzSupport

@_cdecl("FuzzYAMLTree_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { data, size in fuzzYAMLTree(data, size) }
}
