public import DecisionRecords
public import RuleLanguage
import YAMLTree

/// The result of one rule example.
public struct ExampleOutcome: Sendable {
    /// The rule.
    public var rule: Rule
    /// The example.
    public var example: RuleExample
    /// What went wrong; nil when the example behaved as it says.
    public var failure: String?
    /// The findings the example gave.
    public var findings: [Finding]
}

/// Runs the examples a rule carries through the same engine `check` uses.
public enum ExampleRunner {
    /// Runs every example of a rule.
    /// - Parameters:
    ///   - rule: the rule whose examples run; only its findings count.
    ///   - rules: the whole rule set (for shared definitions).
    ///   - calendar: the working-day calendar.
    ///   - language: the language failures are explained in.
    public static func run(_ rule: Rule, rules: RuleSet, calendar: WorkingCalendar, language: Language = .en) -> [ExampleOutcome] {
        rule.examples.map { run($0, of: rule, rules: rules, calendar: calendar, language: language) }
    }

    static func run(_ example: RuleExample, of rule: Rule, rules: RuleSet, calendar: WorkingCalendar, language: Language) -> ExampleOutcome {
        // An example judged as the gate judges a meeting, of a rule the gate never runs: it passed
        // or failed on what no run of the rule would ever see.
        if example.meeting != nil, !rule.prerequisite {
            let failure = language == .zh
                ? "示例给出了会议日期（meeting，如同会前审查），但会前审查只运行标明 prerequisite: true 的规则（check 没有会议日期），这条规则永远不会这样运行；请给规则加上 prerequisite: true，或去掉示例中的 meeting"
                : "the example gives a meeting, as the gate does, but the gate runs only rules marked 'prerequisite: true' (and check has no meeting), so no run of this rule ever sees one: mark the rule 'prerequisite: true', or leave 'meeting' out of the example"
            return ExampleOutcome(rule: rule, example: example, failure: failure, findings: [])
        }
        var registry: Registry?
        if !example.noRegistry {
            var built = Registry()
            if let node = example.registry {
                do {
                    try RegistryLoader.add(node, file: rule.file, to: &built, asked: RegistryTypes(vocabulary: rules.vocabulary))
                } catch {
                    return ExampleOutcome(rule: rule, example: example, failure: "invalid registry: \(error.description)", findings: [])
                }
            }
            built.prepareForSearches()
            registry = built
        }
        let (findings, roots, problems, kinds) = evaluate(example, of: rule, rules: rules, calendar: calendar, registry: registry)
        guard !rule.isRecordPack else {
            return ExampleOutcome(rule: rule, example: example, failure: judge(example, findings, roots: roots, language), findings: findings)
        }
        let file = example.record != nil ? rule.file : "\(rule.id) example"
        var failure = unjudged(example, problems, file: file, language)
            ?? ofAnotherKind(example, rule: rule, kinds: kinds, language) { unscoped in
                evaluate(example, of: unscoped, rules: rules.replacing(unscoped), calendar: calendar, registry: registry).findings.contains { $0.rule == rule.id }
            }
            ?? judge(example, findings, roots: roots, language)
        // A triggering example that made no finding because its record has a problem of the record
        // pack's (a done step dated after the example's as-of date) says why, as a non-triggering one does.
        if example.triggers, findings.isEmpty, !problems.isEmpty, let said = failure {
            failure = said + (language == .zh ? "：示例记录本身有问题，规则没有判断它：\n" : ": the example's record has a problem of its own, and the rule did not judge it:\n")
                + listed(problems, file: file, language)
        }
        return ExampleOutcome(rule: rule, example: example, failure: failure, findings: findings)
    }

    /// Why a non-triggering example of a rule outside the record pack proves nothing: its record
    /// has a problem of the record pack's (a misspelt kind or code, a missing title, an impossible
    /// date, an unknown key), so the rule never judged it as written, and it passed whatever the
    /// rule says. Nil when there is none.
    private static func unjudged(_ example: RuleExample, _ problems: [RecordProblem], file: String, _ language: Language) -> String? {
        guard !example.triggers, !problems.isEmpty else { return nil }
        let zh = language == .zh
        return (zh ? "示例记录本身有问题，规则没有按示例的本意判断它（有此类问题的记录不受判断，拼错的字段不被读取），不触发的示例因此总会通过；请改正示例：\n"
            : "the example's record has a problem of its own, so the rule did not judge what the example means (a record with such a problem is not judged, a misspelt key is not read), and a non-triggering example then passes whatever the rule says; correct the example:\n") + listed(problems, file: file, language)
    }

    /// The findings of an example's records under `rules` (only `rule`'s), the records' roots,
    /// the record pack's problems with them and their kinds.
    private static func evaluate(
        _ example: RuleExample, of rule: Rule, rules: RuleSet, calendar: WorkingCalendar, registry: Registry?
    ) -> (findings: [Finding], roots: [YAMLNode], problems: [RecordProblem], kinds: [String]) {
        let context = EvaluationContext(rules: rules, calendar: calendar, registry: registry, asOf: example.asOf, meeting: example.meeting)
        // The question of a year asks the laws of the rules that run: its examples run with the
        // rules that have versions, whose findings do not count.
        let asksLaws: Bool = if case .loadProblems(let codes) = rule.body { codes.contains(.doubtfulYear) } else { false }
        let engine = Engine(context: context) { $0.id == rule.id || (asksLaws && !$0.versions.isEmpty) }
        var state = RunState(rules: rules)
        var findings: [Finding] = []
        var roots: [YAMLNode] = []
        // What kept a record from being judged as written: a problem of the record pack's.
        var problems: [RecordProblem] = []
        // The kinds of the records read, for a rule that applies to some kinds only.
        var kinds: [String] = []
        if let record = example.record {
            roots = [record]
            let loaded = engine.load(record, file: rule.file)
            problems += loaded.problems
            if let kind = loaded.record?.kind { kinds.append(kind) }
            findings += engine.check(loaded, file: rule.file, state: &state).filter { !asksLaws || $0.rule == rule.id }
        } else if let text = example.text {
            let file = "\(rule.id) example"
            do {
                try YAMLParser.parse(Array(text.utf8), file: file) { document in
                    roots.append(document)
                    let loaded = engine.load(document, file: file)
                    problems += loaded.problems
                    if let kind = loaded.record?.kind { kinds.append(kind) }
                    findings += engine.check(loaded, file: file, state: &state).filter { !asksLaws || $0.rule == rule.id }
                }
            } catch {
                let problem = RecordProblem(code: .yaml, message: LocalizedText(zh: error.message, en: error.message), position: error.position)
                findings += engine.check(.unreadable(problem), file: file, state: &state)
            }
        }
        if case .run = rule.body { findings += engine.runFindings() }
        return (findings, roots, problems, kinds)
    }

    /// Why a non-triggering example proves nothing when none of its records is of a kind the rule
    /// applies to (a normative document under a penalty rule): the rule never judged it, and it
    /// passed whatever the rule says. Nil when one is.
    /// (One the rule would fire on but for its `kinds` shows the kinds at work, and stands:
    /// `firesUnscoped` asks that of the rule without them.)
    private static func ofAnotherKind(
        _ example: RuleExample, rule: Rule, kinds: [String], _ language: Language, firesUnscoped: (Rule) -> Bool
    ) -> String? {
        guard !example.triggers, let ruleKinds = rule.kinds, !kinds.isEmpty, !kinds.contains(where: ruleKinds.contains) else { return nil }
        var unscoped = rule
        unscoped.kinds = nil
        guard !firesUnscoped(unscoped) else { return nil }
        let written = Array(Set(kinds)).sorted().joined(separator: ", ")
        return language == .zh
            ? "示例记录的类型（\(written)）不在规则适用的类型（\(ruleKinds.joined(separator: ", "))）之中，规则没有判断它，不触发的示例因此总会通过；请用规则适用类型的记录"
            : "the example's record is of kind \(written), which the rule does not apply to (\(ruleKinds.joined(separator: ", "))): the rule never judged it, and a non-triggering example then passes whatever the rule says; use a record of a kind the rule applies to"
    }

    /// A record's problems, one a line with where each is.
    private static func listed(_ problems: [RecordProblem], file: String, _ language: Language) -> String {
        problems.map { "  ! \(file):\($0.position.line):\($0.position.column) \($0.message.text(language))" }.joined(separator: "\n")
    }

    private static func judge(_ example: RuleExample, _ findings: [Finding], roots: [YAMLNode], _ language: Language) -> String? {
        let zh = language == .zh
        let got = findings.map { "\($0.position.map { "\($0.line):\($0.column)" } ?? (zh ? "（整次运行）" : "run")) \($0.message.text(language))" }
        guard example.triggers else {
            guard !findings.isEmpty else { return nil }
            return (zh ? "应当没有问题，却有 \(findings.count) 个：\n" : "expected no finding, got \(findings.count):\n") + got.map { "  + " + $0 }.joined(separator: "\n")
        }
        if findings.isEmpty { return zh ? "应当报告问题，却没有" : "expected a finding, got none" }
        // The engine's own finding (the rule could not judge the record: a budget, a comparison
        // of a number with a text) is no finding of the rule's: a triggering example passed on it,
        // although the rule never fired.
        let engineFindings = findings.filter(\.isEngineFinding)
        if !engineFindings.isEmpty {
            let listed = engineFindings.prefix(Self.engineFindingsListed).map { finding in
                "  + \(finding.position.map { "\($0.line):\($0.column) " } ?? "")\(finding.rule) \(finding.message.text(language))"
            }
            let more = engineFindings.count > Self.engineFindingsListed ? ["  … " + (zh ? "另有 \(engineFindings.count - Self.engineFindingsListed) 个" : "\(engineFindings.count - Self.engineFindingsListed) more")] : []
            return (zh ? "规则无法判断示例记录（引擎报告的问题，不是规则的问题）：\n" : "the rule could not judge the example's record (the engine's finding, not the rule's):\n")
                + (listed + more).joined(separator: "\n")
        }
        if let count = example.count, count != findings.count {
            return (zh ? "应当有 \(count) 个问题，实际 \(findings.count) 个：\n" : "expected \(count) findings, got \(findings.count):\n") + got.map { "  + " + $0 }.joined(separator: "\n")
        }
        if let pending = example.pending, let other = findings.first(where: { $0.pending != pending }) {
            let place = other.position.map { "\($0.line):\($0.column)" } ?? (zh ? "（整次运行）" : "run")
            return pending
                ? (zh ? "应当是待办问题（pending），\(place) 处的却是一般问题" : "expected pending findings, got an ordinary one at \(place)")
                : (zh ? "应当是一般问题，\(place) 处的却是待办问题（pending）" : "expected ordinary findings, got a pending one at \(place)")
        }
        guard !example.at.isEmpty else { return nil }
        var expected: [SourcePosition] = []
        for path in example.at {
            guard let position = position(of: path, in: roots) else {
                return zh ? "at 中的路径“\(path)”不指向记录中的任何节点" : "the path '\(path)' in 'at' names no node of the record"
            }
            expected.append(position)
        }
        let actual = findings.compactMap(\.position)
        if expected.sorted() == actual.sorted() { return nil }
        return (zh ? "问题指向的位置不对：\n" : "findings point at the wrong place:\n")
            + expected.sorted().map { zh ? "  - 应为 \($0.line):\($0.column)" : "  - expected \($0.line):\($0.column)" }.joined(separator: "\n") + "\n"
            + actual.sorted().map { zh ? "  + 实为 \($0.line):\($0.column)" : "  + got \($0.line):\($0.column)" }.joined(separator: "\n")
    }

    /// How many of an example's engine findings are listed one by one.
    static let engineFindingsListed = 20

    /// The position a path names: `steps.2.officers.1` in the (first) record, `1.facts.code` in the
    /// second record of a `text:` of several (records counted from 0, as list items are), or a
    /// literal `line:column`.
    static func position(of path: String, in roots: [YAMLNode]) -> SourcePosition? {
        let parts = path.split(separator: ":")
        if parts.count == 2, let line = Int(parts[0]), let column = Int(parts[1]) { return SourcePosition(line: line, column: column) }
        var components = path.split(separator: ".")
        var document = 0
        if let first = components.first, let index = Int(first), roots.count > 1 || components.count > 1, roots.first?.sequence == nil {
            document = index
            components.removeFirst()
        }
        guard roots.indices.contains(document) else { return nil }
        var node = roots[document]
        if components.isEmpty || path == "record" { return node.position }
        for part in components {
            if let items = node.sequence, let index = Int(part), items.indices.contains(index) {
                node = items[index]
            } else if let child = node[String(part)] {
                node = child
            } else {
                return nil
            }
        }
        return node.position
    }
}
