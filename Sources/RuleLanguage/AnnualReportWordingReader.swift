import DecisionRecords
import YAMLTree

/// Reads `annual_report` documents into `AnnualReportWording`, checking every key and placeholder.
///
/// Later documents replace texts and claims (by id) of earlier ones, so a local file can reword
/// the built-in report. Problems are reported through the compiler, at the key or value.
struct AnnualReportWordingReader {
    /// Every text the report needs, with the placeholders it may use.
    static let fixedTexts: [String: Set<String>] = [
        "title": ["year"], "note": ["year"],
        "headings.overview": [], "headings.claims": [], "headings.problems": [], "headings.records": [],
        "overview.sentence": ["year", "counts"], "overview.none": ["year"], "overview.other_kind": ["name", "count"],
        "overview.previous": ["previous"], "overview.not_counted": ["count", "ids"],
        "phrases.figure": ["count", "ids", "problem"], "phrases.list_separator": [], "phrases.figure_separator": [],
        "phrases.id_separator": [], "phrases.end": [], "phrases.unverifiable": [], "phrases.pending": [], "phrases.unchecked": ["rules"],
        "phrases.waived": ["count", "ids", "unit"], "phrases.records": ["ids"], "phrases.previous": ["held", "total"],
        "phrases.previous_empty": [], "phrases.problem": ["name", "basis", "count", "ids", "unit"], "phrases.unit": [], "phrases.no_problems": [], "phrases.nothing_checked": ["year"],
        "phrases.no_problems_among_run": [], "phrases.problems_not_run": ["rules"],
        "phrases.record_columns.id": [], "phrases.record_columns.title": [], "phrases.record_columns.kind": [],
        "phrases.record_columns.date": [], "phrases.record_columns.status": [], "phrases.record_columns.file": [],
    ]
    /// Texts the report uses when they are given, with their placeholders: a complete wording
    /// file of an earlier version, without them, still loads.
    static let optionalTexts: [String: Set<String>] = [
        "overview.planned_only": ["count", "ids"], "phrases.not_in_force": ["count", "ids", "unit"], "phrases.not_read": ["count", "ids"], "overview.duplicates": ["count", "distinct", "ids"],
    ]
    /// Every text a wording file may give, with its placeholders.
    static let knownTexts = fixedTexts.merging(optionalTexts) { required, _ in required }
    /// Groups of texts: every proper prefix of a known path.
    static let groups: Set<String> = Set(knownTexts.keys.flatMap { path in
        let parts = path.split(separator: ".")
        return (1..<max(parts.count, 1)).map { parts.prefix($0).joined(separator: ".") }
    })
    static let claimKeys = ["id", "kind", "holds", "partly", "empty", "problems", "about", "about_facts", "about_steps", "shown_by"]
    static let claimPlaceholders: [String: Set<String>] = ["holds": ["total", "held", "year"], "partly": ["total", "held", "year"], "empty": ["year"]]

    var wording = AnnualReportWording()
    /// The last `annual_report` node read, where a missing text is reported.
    private var lastNode: YAMLNode?

    /// Reads one document.
    mutating func read(_ document: YAMLNode, kinds: Set<String>, compiler: inout ExpressionCompiler) {
        for pair in document.mapping ?? [] where pair.key.scalar?.text != "annual_report" {
            compiler.error(pair.key, "a file with 'annual_report' holds nothing else", zh: "含 annual_report 的文件不能再有其他内容")
        }
        guard let root = document["annual_report"], root.mapping != nil else {
            compiler.error(document["annual_report"] ?? document, "'annual_report' is a mapping of title, note, headings, overview, kinds, phrases and claims",
                           zh: "annual_report 应为包含 title、note、headings、overview、kinds、phrases 和 claims 的映射")
            return
        }
        lastNode = root
        readGroup(root, path: "", kinds: kinds, compiler: &compiler)
    }

    /// Checks that every text is present once all documents are read; rule ids must name loaded rules.
    func finish(ruleIDs: Set<String>, booleanFacts: Set<String>, stepTypes: Set<String>, compiler: inout ExpressionCompiler) {
        guard let lastNode else { return }
        let missing = Self.fixedTexts.keys.filter { wording.texts[$0] == nil }.sorted()
        if !missing.isEmpty {
            compiler.error(lastNode, "'annual_report' lacks \(missing.joined(separator: ", "))", zh: "annual_report 缺少 \(missing.joined(separator: "、"))")
        }
        for claim in wording.claims {
            let named = claim.problems.map(\.rule) + claim.about + (claim.shownBy?.rules ?? [])
            for rule in named where !ruleIDs.contains(rule) {
                compiler.error(lastNode, "the claim '\(claim.id)' names the rule \(rule), which is not loaded", zh: "陈述 \(claim.id) 所列的规则 \(rule) 未加载")
            }
            // A misspelt fact would leave out every record whose rules could not run.
            for fact in claim.aboutFacts where !booleanFacts.contains(fact) {
                compiler.error(lastNode, "the claim '\(claim.id)' names the fact '\(fact)' in about_facts, which is no boolean fact of the vocabulary\(Suggestion.phrase(for: fact, in: Array(booleanFacts)))",
                               zh: "陈述 \(claim.id) 的 about_facts 所列的事实字段 \(fact) 不是词汇表中的布尔型事实字段\(Suggestion.chinesePhrase(for: fact, in: Array(booleanFacts)))")
            }
            for type in claim.aboutSteps where !stepTypes.contains(type) {
                compiler.error(lastNode, "the claim '\(claim.id)' names the step type '\(type)' in about_steps, which is no step type of the vocabulary\(Suggestion.phrase(for: type, in: Array(stepTypes)))",
                               zh: "陈述 \(claim.id) 的 about_steps 所列的步骤类型 \(type) 不是词汇表中的步骤类型\(Suggestion.chinesePhrase(for: type, in: Array(stepTypes)))")
            }
        }
    }

    private mutating func readGroup(_ node: YAMLNode, path: String, kinds: Set<String>, compiler: inout ExpressionCompiler) {
        guard let pairs = node.mapping else {
            compiler.error(node, "'\(path)' is a mapping, found \(node.kindDescription)", zh: "\(path) 应为映射，实际是\(node.chineseKindDescription)")
            return
        }
        for pair in pairs {
            guard let key = pair.key.scalar?.text else {
                compiler.error(pair.key, "a key of 'annual_report' is a name", zh: "annual_report 中的键应为名称（文本）")
                continue
            }
            let child = path.isEmpty ? key : path + "." + key
            if let allowed = Self.knownTexts[child] {
                readText(pair.value, path: child, allowed: allowed, compiler: &compiler)
            } else if Self.groups.contains(child) {
                readGroup(pair.value, path: child, kinds: kinds, compiler: &compiler)
            } else if child == "kinds" {
                readKinds(pair.value, kinds: kinds, compiler: &compiler)
            } else if child == "claims" {
                readClaims(pair.value, kinds: kinds, compiler: &compiler)
            } else {
                let expected = Self.knownTexts.keys.compactMap { candidate -> String? in
                    let prefix = path.isEmpty ? "" : path + "."
                    guard candidate.hasPrefix(prefix) else { return nil }
                    return candidate.dropFirst(prefix.count).split(separator: ".").first.map(String.init)
                } + (path.isEmpty ? ["kinds", "claims"] : [])
                compiler.error(pair.key, "'\(child)' is not a part of annual_report; expected one of \(Set(expected).sorted().joined(separator: ", "))",
                               zh: "\(child) 不是 annual_report 的组成部分；应为 \(Set(expected).sorted().joined(separator: "、")) 之一")
            }
        }
    }

    private mutating func readText(_ node: YAMLNode, path: String, allowed: Set<String>, compiler: inout ExpressionCompiler) {
        if let text = Self.localized(node, path: path, allowed: allowed, compiler: &compiler) { wording.texts[path] = text }
    }

    private mutating func readKinds(_ node: YAMLNode, kinds: Set<String>, compiler: inout ExpressionCompiler) {
        guard let pairs = node.mapping else {
            compiler.error(node, "'kinds' is a mapping of record kinds to {count: ..., figure: ..., unit: ...}",
                           zh: "kinds 应为映射：键为记录类型，值为 {count: ..., figure: ..., unit: ...}")
            return
        }
        for pair in pairs {
            guard let kind = pair.key.scalar?.text, kinds.contains(kind) else {
                compiler.error(pair.key, "'\(pair.key.scalar?.text ?? "?")' is not a record kind of the vocabulary", zh: "“\(pair.key.scalar?.text ?? "?")”不是词汇表中的记录类型")
                continue
            }
            for entry in pair.value.mapping ?? [] {
                let name = entry.key.scalar?.text ?? ""
                let allowed: Set<String>? = switch name {
                case "count": ["count"]
                case "figure": ["count", "ids", "problem"]
                case "unit": []
                case "in_progress": ["count", "ids"]
                default: nil
                }
                guard let allowed else {
                    compiler.error(entry.key, "a kind's wording takes 'count', 'figure', 'unit' and 'in_progress'",
                                   zh: "记录类型的年报措辞只能有 count、figure、unit 和 in_progress")
                    continue
                }
                readText(entry.value, path: "kinds.\(kind).\(name)", allowed: allowed, compiler: &compiler)
            }
            if pair.value.mapping == nil {
                compiler.error(pair.value, "a kind's wording is a mapping {count: ..., figure: ..., unit: ...}",
                               zh: "记录类型的年报措辞应为映射 {count: ..., figure: ..., unit: ...}")
            }
            if !wording.kindOrder.contains(kind) { wording.kindOrder.append(kind) }
            if wording.texts["kinds.\(kind).count"] == nil { compiler.error(pair.key, "the kind '\(kind)' needs 'count'", zh: "记录类型 \(kind) 缺少 count") }
        }
    }

    private mutating func readClaims(_ node: YAMLNode, kinds: Set<String>, compiler: inout ExpressionCompiler) {
        guard let items = node.sequence else {
            compiler.error(node, "'claims' is a list of claims, each with id, kind, holds, partly, empty and problems",
                           zh: "claims 应为陈述的列表，每项包含 id、kind、holds、partly、empty 和 problems")
            return
        }
        for item in items {
            guard let claim = Self.claim(item, kinds: kinds, compiler: &compiler) else { continue }
            if let index = wording.claims.firstIndex(where: { $0.id == claim.id }) {
                wording.claims[index] = claim
            } else {
                wording.claims.append(claim)
            }
        }
    }

    private static func claim(_ node: YAMLNode, kinds: Set<String>, compiler: inout ExpressionCompiler) -> AnnualReportWording.Claim? {
        guard let pairs = node.mapping else {
            compiler.error(node, "a claim is a mapping with id, kind, holds, partly, empty and problems",
                           zh: "陈述应为包含 id、kind、holds、partly、empty 和 problems 的映射")
            return nil
        }
        for pair in pairs where !claimKeys.contains(pair.key.scalar?.text ?? "") {
            compiler.error(pair.key, "a claim takes \(claimKeys.joined(separator: ", ")), found '\(pair.key.scalar?.text ?? "?")'",
                           zh: "陈述的键应为 \(claimKeys.joined(separator: "、")) 之一，实际是“\(pair.key.scalar?.text ?? "?")”")
        }
        guard let id = node["id"]?.scalar?.text, !id.isEmpty else {
            compiler.error(node["id"] ?? node, "a claim needs an 'id'", zh: "陈述缺少 id")
            return nil
        }
        guard let kind = node["kind"]?.scalar?.text, kinds.contains(kind) else {
            compiler.error(node["kind"] ?? node, "the claim '\(id)' needs a 'kind' of the vocabulary, such as major_administrative_decision",
                           zh: "陈述 \(id) 须有 kind，且应为词汇表中的记录类型，如 major_administrative_decision")
            return nil
        }
        var texts: [String: LocalizedText] = [:]
        for (key, allowed) in claimPlaceholders {
            guard let value = node[key] else {
                compiler.error(node, "the claim '\(id)' needs '\(key)' in Chinese and English", zh: "陈述 \(id) 缺少中英文的 \(key)")
                continue
            }
            texts[key] = localized(value, path: key, allowed: allowed, compiler: &compiler)
        }
        var problems: [(rule: String, text: LocalizedText)] = []
        if let problemNode = node["problems"], let pairs = problemNode.mapping, !pairs.isEmpty {
            for pair in pairs {
                guard let rule = pair.key.scalar?.text, let text = localized(pair.value, path: "problems", allowed: [], compiler: &compiler) else { continue }
                problems.append((rule, text))
            }
        } else {
            compiler.error(node["problems"] ?? node, "the claim '\(id)' needs 'problems': the rules that deny it, {RULE-ID: {zh: ..., en: ...}}",
                           zh: "陈述 \(id) 缺少 problems：即否定该陈述的规则，{RULE-ID: {zh: ..., en: ...}}")
        }
        guard let holds = texts["holds"], let partly = texts["partly"], let empty = texts["empty"], !problems.isEmpty else { return nil }
        var claim = AnnualReportWording.Claim(id: id, kind: kind, holds: holds, partly: partly, empty: empty, problems: problems)
        if let about = node["about"] {
            claim.about = ruleList(about, key: "about", claim: id, compiler: &compiler)
        }
        if let facts = node["about_facts"] {
            if let items = facts.sequence, !items.isEmpty, items.allSatisfy({ $0.scalar != nil }) {
                claim.aboutFacts = items.compactMap { $0.scalar?.text }
            } else {
                compiler.error(facts, "'about_facts' of the claim '\(id)' is a list of boolean facts of the vocabulary, such as [major]",
                               zh: "陈述 \(id) 的 about_facts 应为词汇表中布尔型事实字段的列表，如 [major]")
            }
        }
        if let steps = node["about_steps"] {
            if let items = steps.sequence, !items.isEmpty, items.allSatisfy({ $0.scalar != nil }) {
                claim.aboutSteps = items.compactMap { $0.scalar?.text }
            } else {
                compiler.error(steps, "'about_steps' of the claim '\(id)' is a list of step types of the vocabulary, such as [hearing]",
                               zh: "陈述 \(id) 的 about_steps 应为词汇表中步骤类型的列表，如 [hearing]")
            }
        }
        if let shownBy = node["shown_by"] {
            let rules = shownBy["rules"].map { ruleList($0, key: "shown_by.rules", claim: id, compiler: &compiler) } ?? []
            let missing = shownBy["missing"].flatMap { localized($0, path: "shown_by.missing", allowed: [], compiler: &compiler) }
            for pair in shownBy.mapping ?? [] where !["rules", "missing"].contains(pair.key.scalar?.text ?? "") {
                compiler.error(pair.key, "'shown_by' takes rules and missing, found '\(pair.key.scalar?.text ?? "?")'",
                               zh: "shown_by 只能有 rules 和 missing，实际有“\(pair.key.scalar?.text ?? "?")”")
            }
            if let missing, !rules.isEmpty {
                claim.shownBy = (rules, missing)
            } else {
                compiler.error(shownBy, "the claim '\(id)' has 'shown_by' {rules: [RULE-ID, ...], missing: {zh: ..., en: ...}}: the rules one of which must have had something to check, and what a record lacks when none had",
                               zh: "陈述 \(id) 的 shown_by 应为 {rules: [RULE-ID, ...], missing: {zh: ..., en: ...}}：rules 列出若干规则，其中至少一条须有可检查的内容；missing 说明这些规则都无可检查的内容时记录缺少什么")
            }
        }
        return claim
    }

    /// A list of rule ids, such as `[RULE-ID]`.
    private static func ruleList(_ node: YAMLNode, key: String, claim: String, compiler: inout ExpressionCompiler) -> [String] {
        guard let items = node.sequence, !items.isEmpty, items.allSatisfy({ $0.scalar != nil }) else {
            compiler.error(node, "'\(key)' of the claim '\(claim)' is a list of rule ids, such as [RULE-ID]", zh: "陈述 \(claim) 的 \(key) 应为规则编号的列表，如 [RULE-ID]")
            return []
        }
        return items.compactMap { $0.scalar?.text }
    }

    /// `{zh: ..., en: ...}` whose placeholders are all allowed.
    private static func localized(_ node: YAMLNode, path: String, allowed: Set<String>, compiler: inout ExpressionCompiler) -> LocalizedText? {
        guard let text = RuleCompiler.localized(node, key: path, in: node, required: true, compiler: &compiler) else { return nil }
        for name in Set(AnnualReportWording.placeholders(text.zh) + AnnualReportWording.placeholders(text.en)) where !allowed.contains(name) {
            let expected = allowed.isEmpty ? "none" : allowed.sorted().map { "{\($0)}" }.joined(separator: ", ")
            let chineseExpected = allowed.isEmpty ? "此处不能使用任何占位符" : "可用的占位符：" + allowed.sorted().map { "{\($0)}" }.joined(separator: "、")
            compiler.error(node, "'\(path)' may not use {\(name)}; it takes \(expected)", zh: "\(path) 不能使用 {\(name)}；\(chineseExpected)")
        }
        // A word agreeing with a count has three parts, and agrees with a count (`{total|decision}`
        // and `{ids|a|b}` were taken, and printed as written or always in the plural).
        for written in Set(AnnualReportWording.writtenPlaceholders(text.zh) + AnnualReportWording.writtenPlaceholders(text.en)) where written.contains("|") {
            let parts = written.split(separator: "|", omittingEmptySubsequences: false)
            if parts.count != 3 {
                compiler.error(node, "'{\(written)}' in '\(path)': a word agreeing with a count is written {count|one|other}, the word for one and the word for any other number",
                               zh: "\(path) 中的 {\(written)}：随数量变化的词应写成 {count|one|other}，即数量为 1 时用的词和其他数量时用的词")
            } else if !AnnualReportWording.counts.contains(String(parts[0])) {
                compiler.error(node, "'{\(written)}' in '\(path)': only a count ({count}, {total}, {held}, {previous}) chooses a word, not {\(parts[0])}",
                               zh: "\(path) 中的 {\(written)}：只有数量（{count}、{total}、{held}、{previous}）能决定用哪个词，{\(parts[0])} 不能")
            }
        }
        return text
    }
}
