import YAMLTree

/// libFuzzer entry: any bytes, parsed as a YAML stream, must give documents or a YAMLError, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAMLTree(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? YAMLParser.parse(bytes, file: "fuzz.yaml", limits: YAMLLimits(maxDepth: 64, maxAliasExpansion: 10_000))
    return 0
}
