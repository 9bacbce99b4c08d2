import DecisionRecords
import YAMLTree

/// libFuzzer entry: any bytes read as decision records and as a registry: a record, problems or an error.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRecords(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let documents = try? YAMLParser.parse(bytes, file: "fuzz.yaml", limits: YAMLLimits(maxDepth: 64, maxAliasExpansion: 10_000)) else { return 0 }
    var registry = Registry()
    for document in documents {
        _ = RecordLoader.load(document, file: "fuzz.yaml", format: RecordFormat(vocabulary: Vocabulary(), asOf: Day(ordinal: 20_000)))
        try? RegistryLoader.add(document, file: "fuzz.yaml", to: &registry)
    }
    return 0
}
