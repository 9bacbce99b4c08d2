import DecisionRecords
import RuleEngine
import RuleLanguage
import YAMLTree
#if canImport(Glibc)
import Glibc
#endif

/// The built-in definitions and vocabulary (read from `rules/` in the current folder, as
/// `make fuzz` runs), so fuzzed rules can use `$first_discussion` and named codes.
nonisolated(unsafe) private var shared: [RuleSource]?

private func sharedSources() -> [RuleSource] {
    if let shared { return shared }
    var sources: [RuleSource] = []
    for name in ["rules/definitions.yaml", "rules/vocabulary.yaml"] {
        guard let file = fopen(name, "rb") else { continue }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count == 0 { break }
            bytes += buffer.prefix(count)
        }
        fclose(file)
        sources.append(RuleSource(path: name, bytes: bytes, defaultPack: "rules"))
    }
    shared = sources
    return sources
}

/// libFuzzer entry: a rule file, the line `#@records`, then record documents. The rules are
/// loaded and, when they load, evaluated on the records with a small step budget per rule and
/// record, so every input takes bounded time: findings, diagnostics or a budget breach, never a
/// crash or a hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEvaluator(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let marker = Array("\n#@records\n".utf8)
    var split = bytes.count
    if bytes.count >= marker.count {
        for index in 0...(bytes.count - marker.count) where bytes[index] == marker[0] && Array(bytes[index..<(index + marker.count)]) == marker {
            split = index
            break
        }
    }
    let ruleBytes = Array(bytes[..<split])
    let recordBytes = split < bytes.count ? Array(bytes[(split + marker.count)...]) : []
    guard let rules = try? RuleLoader.load(sharedSources() + [RuleSource(path: "fuzz.yaml", bytes: ruleBytes, defaultPack: "fuzz")]) else { return 0 }
    let limits = YAMLLimits(maxDepth: 64, maxAliasExpansion: 10_000)
    guard let documents = try? YAMLParser.parse(recordBytes, file: "records.yaml", limits: limits) else { return 0 }
    var context = EvaluationContext(
        rules: rules, calendar: WorkingCalendar(), registry: Registry(), asOf: Day(year: 2026, month: 6, day: 1) ?? Day(ordinal: 0))
    context.ruleStepBudget = 20_000
    let engine = Engine(context: context)
    var state = RunState(rules: rules)
    for document in documents.prefix(20) {
        _ = engine.check(engine.load(document, file: "records.yaml"), file: "records.yaml", state: &state)
    }
    _ = engine.runFindings()
    return 0
}
