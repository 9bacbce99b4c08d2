public import DecisionRecords
public import YAMLTree

/// A record a rule carries as a test: one that must trigger it, or one that must not.
///
/// Like SwiftLint's triggering and non-triggering examples, these document the rule and
/// are run by `legality test` and by the test suite.
public struct RuleExample: Sendable {
    /// What the example is about, shown when it fails.
    public var name: String
    /// True for an example that must trigger the rule.
    public var triggers: Bool
    /// The record, written in the rule file (positions are the rule file's).
    public var record: YAMLNode?
    /// Or the text of a whole record file, for input problems and several records.
    public var text: String?
    /// The registry to check with; nil means an empty registry, unless `noRegistry`.
    public var registry: YAMLNode?
    /// Check with no registry at all.
    public var noRegistry: Bool
    /// The as-of date.
    public var asOf: Day
    /// The meeting day, to check as the meeting gate does.
    public var meeting: Day?
    /// How many findings a triggering example must give (default: at least one).
    public var count: Int?
    /// Where the findings must point: paths into the record such as `steps.2` or `steps.0.officers.1`.
    public var at: [String]
    /// For a triggering example: whether its findings must all be pending (`true`: about work still
    /// ahead) or all ordinary (`false`); nil leaves it unchecked. (What a finding is about decided
    /// nothing any example could see: a rule's `about` could name another step unnoticed.)
    public var pending: Bool?
    /// Where the example is written.
    public var position: SourcePosition
}

extension RuleCompiler {
    /// Reads `examples: {as_of:, registry:, triggering: [...], non_triggering: [...]}`.
    static func examples(_ node: YAMLNode?, compiler: inout ExpressionCompiler) -> [RuleExample] {
        guard let node else { return [] }
        guard node.mapping != nil else {
            compiler.error(node, "'examples' is a mapping with 'triggering' and 'non_triggering' lists", zh: "examples 应为包含 triggering 和 non_triggering 两个列表的映射")
            return []
        }
        let keys = ["as_of", "registry", "triggering", "non_triggering"]
        for pair in node.mapping ?? [] where !keys.contains(pair.key.scalar?.text ?? "") {
            let key = pair.key.scalar?.text ?? ""
            compiler.error(
                pair.key, "unknown key '\(key)' in 'examples'\(Suggestion.phrase(for: key, in: keys))",
                zh: "examples 中有未知的键 \(key)\(Suggestion.chinesePhrase(for: key, in: keys))")
        }
        let defaultAsOf = day(node["as_of"], compiler: &compiler) ?? Day(year: 2099, month: 12, day: 31) ?? Day(ordinal: 0)
        let defaultRegistry = node["registry"]
        var result: [RuleExample] = []
        for (key, triggers) in [("triggering", true), ("non_triggering", false)] {
            guard let list = node[key] else { continue }
            guard let items = list.sequence else {
                compiler.error(list, "'\(key)' is a list of examples", zh: "\(key) 应为示例列表")
                continue
            }
            for (index, item) in items.enumerated() {
                if let example = example(item, triggers: triggers, index: index, asOf: defaultAsOf, registry: defaultRegistry, compiler: &compiler) {
                    result.append(example)
                }
            }
        }
        return result
    }

    private static func example(
        _ node: YAMLNode, triggers: Bool, index: Int, asOf: Day, registry: YAMLNode?, compiler: inout ExpressionCompiler
    ) -> RuleExample? {
        let keys = ["name", "record", "text", "registry", "no_registry", "as_of", "meeting", "count", "at", "pending"]
        guard node.mapping != nil else {
            compiler.error(
                node, "an example is a mapping with 'record' (or 'text') and optionally name, as_of, meeting, registry, count, at, pending",
                zh: "示例应为包含 record（或 text）的映射，可另有 name、as_of、meeting、registry、count、at、pending")
            return nil
        }
        for pair in node.mapping ?? [] where !keys.contains(pair.key.scalar?.text ?? "") {
            let key = pair.key.scalar?.text ?? ""
            compiler.error(
                pair.key, "unknown key '\(key)' in an example\(Suggestion.phrase(for: key, in: keys))",
                zh: "示例中有未知的键 \(key)\(Suggestion.chinesePhrase(for: key, in: keys))")
        }
        let record = node["record"]
        let text = node["text"]?.scalar?.text
        if (record == nil) == (text == nil) {
            compiler.error(node, "an example needs exactly one of 'record' and 'text'", zh: "示例须有 record 或 text，且只能有其中一个")
            return nil
        }
        var count: Int?
        if let countNode = node["count"] {
            if case .int(let value) = countNode.coreValue { count = value } else { compiler.error(countNode, "'count' is a whole number", zh: "count 应为整数") }
        }
        var pending: Bool?
        if let pendingNode = node["pending"] {
            if case .bool(let value) = pendingNode.coreValue, triggers {
                pending = value
            } else if triggers {
                compiler.error(pendingNode, "'pending' is true or false: whether the example's findings are pending (about work still ahead) or ordinary", zh: "pending 应为 true 或 false：示例所报的问题是待办问题（涉及尚未到期的工作）还是一般问题")
            } else {
                compiler.error(pendingNode, "'pending' says what a triggering example's findings are; a non-triggering example has none", zh: "pending 说明触发示例所报的问题属于哪一种；不触发示例不报问题，不能写 pending")
            }
        }
        let atNode = node["at"]
        let at = (atNode?.sequence ?? atNode.map { [$0] } ?? []).compactMap { $0.coreValue?.text }
        var noRegistry = false
        if case .bool(true) = node["no_registry"]?.coreValue { noRegistry = true }
        let name = node["name"]?.scalar?.text ?? "\(triggers ? "triggering" : "non_triggering")[\(index)]"
        return RuleExample(
            name: name, triggers: triggers, record: record, text: text, registry: node["registry"] ?? registry,
            noRegistry: noRegistry, asOf: day(node["as_of"], compiler: &compiler) ?? asOf,
            meeting: day(node["meeting"], compiler: &compiler), count: count, at: at, pending: pending, position: node.position)
    }

    private static func day(_ node: YAMLNode?, compiler: inout ExpressionCompiler) -> Day? {
        guard let node else { return nil }
        guard let day = RecordLoader.date(node) else {
            compiler.error(node, "expected a date (YYYY-MM-DD)", zh: "应为日期（YYYY-MM-DD）")
            return nil
        }
        return day
    }
}
