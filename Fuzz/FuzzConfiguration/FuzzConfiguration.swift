import RuleEngine
import YAMLTree

/// libFuzzer entry: any bytes read as a `.legality.yaml`: a configuration or diagnostics, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfiguration(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let documents = try? YAMLParser.parse(bytes, file: ".legality.yaml", limits: YAMLLimits(maxDepth: 64, maxAliasExpansion: 10_000)) else { return 0 }
    for document in documents { _ = try? Configuration(document, file: ".legality.yaml", folder: ".") }
    return 0
}
