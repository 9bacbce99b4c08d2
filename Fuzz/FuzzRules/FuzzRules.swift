import RuleLanguage

/// libFuzzer entry: any bytes loaded as a rule file: a rule set or diagnostics, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRules(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? RuleLoader.load([RuleSource(path: "fuzz.yaml", bytes: bytes, defaultPack: "fuzz")])
    return 0
}
