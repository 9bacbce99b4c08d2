import DecisionRecords
import RuleLanguage
import YAMLTree

/// What `legality rules lint` tells a rule's author beyond the errors that stop loading: each a way
/// a rule that loads may never fire as meant, or lacks what its readers need.
enum RuleLint {
    /// `rules lint`'s advice on one rule, a line each (`file:line:column: warning: …`, in the
    /// interface's language): what the rule lacks (examples, description, help) and each way it
    /// may never fire as meant.
    static func advice(for rule: Rule, vocabulary: Vocabulary, today: Day) -> [String] {
        var advice: [String] = []
        let place = "\(rule.file):\(rule.position.line):\(rule.position.column)"
        let id = rule.id
        if !rule.examples.contains(where: \.triggers) { advice.append(warning(place, "\(id) 没有触发示例", "\(id) has no triggering example")) }
        if !rule.examples.contains(where: { !$0.triggers }) { advice.append(warning(place, "\(id) 没有不触发示例", "\(id) has no non-triggering example")) }
        if rule.description == nil { advice.append(warning(place, "\(id) 没有 description（说明规则的要求）", "\(id) has no 'description' saying what it demands")) }
        if rule.help == nil { advice.append(warning(place, "\(id) 没有 help（说明如何纠正违规）", "\(id) has no 'help' saying how to put a violation right")) }
        advice += misspeltFacts(rule, vocabulary: vocabulary).map { warning(place, $0.zh, $0.en) }
        for fact in booleanFactsAskedExists(rule, vocabulary: vocabulary) {
            advice.append(warning(
                place, "\(id) 用 exists 判断布尔事实 \(fact)：写了 \(fact): false 的记录也满足 exists，规则会对声明“否”的记录触发；判断“是”请用 is_true: $facts.\(fact)（判断是否写明，用 exists 是对的，可忽略本提示）",
                "\(id) asks 'exists' of the boolean fact '\(fact)': a record writing '\(fact): false' satisfies it too, so the rule fires on a record that says no; to ask for yes, write 'is_true: $facts.\(fact)' (if the rule asks whether the fact is stated at all, 'exists' is right)"))
        }
        if let never = neverFires(rule) { advice.append(warning(place, "\(id) \(never.zh)", "\(id) \(never.en)")) }
        for version in versionsAfter(today, of: rule) {
            advice.append(warning(
                "\(rule.file):\(version.position.line):\(version.position.column)",
                "\(id) 的法律有一个版本自 \(version.from) 起施行，晚于今天：规则不适用于此日之前的行为（日期更早的记录都会通过）；年份是否写错了？（只有提前公布、尚未施行的法律才这样写）",
                "\(id) has a version of its law in force from \(version.from), after today: the rule applies to no act before that day (every record dated earlier passes it); is the year right? (a law published ahead of its day is written so)"))
        }
        // A gap between two versions (`until: 2020-12-31`, the next `from: 2022-01-01`): the rule
        // applies to no act of those days, and a record of 2021 passed it unsaid.
        for (earlier, later) in zip(rule.versions, rule.versions.dropFirst()) {
            guard let until = earlier.until, until.adding(days: 1) < later.from else { continue }
            let first = until.adding(days: 1), last = later.from.adding(days: -1)
            advice.append(warning(
                "\(rule.file):\(later.position.line):\(later.position.column)",
                "\(id) 的法律版本之间有空档：\(first) 至 \(last) 没有版本施行，规则不适用于这些日子的行为（这些记录都会通过）；上一版本的 until 或此版本的 from 是否写错了？",
                "\(id)'s versions leave \(first) to \(last) uncovered: the rule applies to no act of those days (every such record passes it); is the earlier version's 'until' or this one's 'from' wrong?"))
        }
        if let written = fullWidthPlaceholder(rule) {
            advice.append(warning(
                place, "\(id) 的 message 中有 \(written)：全角花括号会原样显示，占位符须用半角 {}（中文输入法下请切换到英文标点）",
                "\(id)'s message holds '\(written)' in full-width braces, which is printed as written: a placeholder takes ASCII braces {}"))
        }
        if let (key, placeholder) = placeholderOutsideMessage(rule) {
            advice.append(warning(
                place, "\(id) 的\(key.zh)中有 \(placeholder)，会原样显示：只有 message 中的占位符会被填入",
                "\(id)'s \(key.en) holds '\(placeholder)', which is printed as written: placeholders are filled in 'message' only"))
        }
        if readsMeetingOutsideGate(rule) {
            advice.append(warning(
                place, "\(id) 读取 $meeting（只有会前审查才设置），却不是 prerequisite: true：会前审查只运行讨论前置规则，check 中没有 $meeting，规则永远见不到会议；请标明 prerequisite: true",
                "\(id) reads $meeting, which only the gate sets, but is not 'prerequisite: true': the gate runs only prerequisite rules, and in check $meeting is absent, so the rule never sees a meeting; mark it 'prerequisite: true'"))
        }
        for (type, position, kinds) in stepTypesOfOtherKinds(rule, vocabulary: vocabulary) {
            advice.append(warning(
                "\(rule.file):\(position.line):\(position.column)",
                "\(id) 选择步骤类型 \(type)，而它只属于 \(kinds.joined(separator: "、"))，不属于规则适用的记录类型，这一选择永远选不中任何步骤",
                "\(id) selects the step type '\(type)', which belongs to \(kinds.joined(separator: ", ")) alone, none of the kinds the rule applies to, so the selection never matches a step"))
        }
        advice += rule.advice.map { warning("\(rule.file):\($0.position.line):\($0.position.column)", "\(id)：\($0.chineseText)", "\(id): \($0.text)") }
        if let position = doneDiscussionSelection(rule) {
            advice.append(warning(
                "\(rule.file):\(position.line):\(position.column)",
                "\(id) 是会前审查的前置规则，却只选择已召开（done）的讨论；会前审查时本次会议的讨论是计划中的，规则见不到它：请用 status: any 选择，或读取 $first_discussion（会前审查时即本次会议的讨论）",
                "\(id) is a prerequisite of the gate but selects only discussions held (done); in the gate the meeting's own discussion is planned, so the rule never sees it: select with 'status: any', or read $first_discussion (the meeting's discussion in the gate)"))
        }
        if case .record(let check) = rule.body, check.stepsDegree >= 2 {
            let power = check.stepsDegree == 2 ? "quadratic" : "of degree \(check.stepsDegree)"
            let at = check.quadraticPosition.map { "\(rule.file):\($0.line):\($0.column)" } ?? place
            advice.append(warning(
                at, "\(id) 的计算量随步骤数的 \(check.stepsDegree) 次方增长（在另一个选择的 where 或 for_each 中又选择步骤或使用 items）；步骤很多的记录可能超过 --max-rule-steps——请按类型和日期范围选择，或只取第一项或最后一项",
                "\(id) is \(power) in the number of steps (a step selection or 'items' inside another's 'where' or 'for_each'); a record of many steps may exceed --max-rule-steps — select by type and date bounds, or take the first or last item instead"))
        }
        return advice
    }

    /// One line of advice, `place: warning: text`, in the interface's language.
    static func warning(_ place: String, _ zh: String, _ en: String) -> String {
        Interface.text("\(place): 警告：\(zh)", "\(place): warning: \(en)")
    }

    /// Why a rule can never make a finding (or makes one on every record), when it is plain from
    /// the rule alone: it applies to no kind, or its `when` or `violation` is false (or true) as
    /// written — constants, `not` of one, `any`/`all` of them, a comparison of two constants.
    static func neverFires(_ rule: Rule) -> LocalizedText? {
        if rule.kinds?.isEmpty == true {
            return LocalizedText(
                zh: "不适用于任何记录类型（kinds: []），永远不会运行；请列出它检查的类型，或去掉 kinds 使其适用于所有类型",
                en: "applies to no kind ('kinds: []'), so it never runs; list the kinds it checks, or leave 'kinds' out for every kind")
        }
        guard case .record(let check) = rule.body else { return nil }
        if let when = check.when, truth(when) == false {
            return LocalizedText(zh: "的 when 按所写恒为假，永远不会适用", en: "has a 'when' that is false as written, so it never applies")
        }
        // A `when` asking the record's kind to be one its `kinds` leave out (`eq: [$record.kind,
        // administrative_penalty]` in a rule of major decisions) never holds where it runs.
        if let when = check.when, let kinds = rule.kinds, let other = kindAskedOutside(kinds, in: when) {
            return LocalizedText(
                zh: "的 when 要求记录类型为 \(other)，而规则只适用于 \(kinds.joined(separator: "、"))，永远不会适用",
                en: "has a 'when' asking the record's kind to be \(other), while the rule applies to \(kinds.joined(separator: ", ")) alone, so it never applies")
        }
        // Nor one asking it to be none of them (`not: {eq: [$record.kind, normative_document]}`,
        // `ne:`, `not: {in: …}` in a rule of normative documents alone).
        if let when = check.when, let kinds = rule.kinds, !kinds.isEmpty, kindsRuledOut(in: when).map({ ruled in kinds.allSatisfy(ruled.contains) }) == true {
            let one = kinds.count == 1
            return LocalizedText(
                zh: "的 when 要求记录类型不是 \(kinds.joined(separator: "、"))，而该规则只适用于\(one ? kinds[0] : "这些类型")，因此永远不会适用",
                en: "has a 'when' asking the record's kind not to be \(kinds.joined(separator: ", ")), the only \(one ? "kind" : "kinds") the rule applies to, so it never applies")
        }
        switch truth(check.violation) {
        case false:
            return LocalizedText(
                zh: "的 violation 按所写恒为假（false、~、空的 any、对真值的 not、两个常量或同一值与自身的比较、all 中同时有某条件及其 not、同一值的 exists 与 missing，或同一值不可能同时满足的比较），永远不会报告问题",
                en: "has a violation that is false as written ('false', '~', an empty 'any', 'not' of a true one, a comparison of two constants or of a value with itself, or an 'all' holding a condition and its 'not', 'exists' and 'missing' of one value, or comparisons of one value no value meets at once), so it never makes a finding")
        // (`violation: true` under a `for_each` or a `when` is how a rule says "every item is one".)
        case true where check.loops.isEmpty && check.when == nil:
            return LocalizedText(
                zh: "的 violation 按所写恒为真，对适用的每条记录都会报告问题",
                en: "has a violation that is true as written, so it makes a finding on every record it applies to")
        default: return nil
        }
    }

    /// Files in the folders given that look meant as rules but are not read as such: a name
    /// ending in .txt or .json that holds `.yaml` or `.yml` before it (Notepad saves `F04.yaml.txt`),
    /// or a `.json` file. (`lint` of such a folder said "6 rules checked", the seventh unsaid.)
    static func filesNotRead(under paths: [String]) -> [String] {
        var found: [String] = []
        var visited: Set<String> = []
        func walk(_ folder: String) {
            guard let real = FileSystem.realPath(folder), visited.insert(real).inserted, let names = try? FileSystem.list(folder) else { return }
            for name in names.sorted() where !name.hasPrefix(".") {
                let path = folder.appendingComponent(name)
                if FileSystem.kind(of: path) == .directory {
                    walk(path)
                    continue
                }
                let lower = name.lowercased()
                guard !lower.hasSuffix(".yaml"), !lower.hasSuffix(".yml") else { continue }
                if lower.hasSuffix(".json") || lower.contains(".yaml.") || lower.contains(".yml.") || looksMisnamed(lower, path: path) { found.append(path) }
            }
        }
        for path in paths where FileSystem.kind(of: path) == .directory { walk(path) }
        return found
    }

    /// Whether a file of a rules folder not named as a rule file is one all the same: its name a
    /// slip from one (`.yam`, `.ymal`, a space after `.yaml`), or its text a rule's (a line
    /// `id: …` and one `violation:`, in a file with no extension or another): each was skipped
    /// without a word, and its rule never ran.
    static func looksMisnamed(_ lower: String, path: String) -> Bool {
        let trimmed = String(lower.reversed().drop(while: \.isWhitespace).reversed())
        if trimmed.hasSuffix(".yaml") || trimmed.hasSuffix(".yml") { return true }
        if let dot = trimmed.lastIndex(of: ".") {
            let ext = String(trimmed[trimmed.index(after: dot)...])
            if ["yam", "ymal", "yaml", "yml", "ym", "yamll", "ynl", "yaml~"].contains(ext) || Suggestion.closest(to: ext, in: ["yaml"]) != nil { return true }
        }
        return looksLikeRule(path)
    }

    /// Whether a file's text is a rule's: a line `id: …` and one `violation:` or `when:`. (The
    /// text's start only: a rule's id and violation come first in a rule file.)
    static func looksLikeRule(_ path: String) -> Bool {
        let text = String(decoding: FileSystem.prefix(of: path, count: 16_384), as: UTF8.self)
        let lines = text.split(whereSeparator: \.isNewline)
        return lines.contains { $0.hasPrefix("id:") } && lines.contains { $0.hasPrefix("violation:") || $0.hasPrefix("when:") }
    }

    /// Rule files a rules folder hides: a file whose name starts with a dot, or any file in a
    /// folder whose name does, that holds a rule (`.LOCAL-003.yaml`, `.penalty/LOCAL-002.yaml`).
    /// Hidden names are not read as rules, and were skipped without a word, while a `.bak` copy
    /// beside them was named. (A version-control folder is not looked into.)
    static func hiddenRuleFiles(under paths: [String]) -> [String] {
        var found: [String] = []
        var visited: Set<String> = []
        func walk(_ folder: String, hidden: Bool) {
            guard let real = FileSystem.realPath(folder), visited.insert(real).inserted, let names = try? FileSystem.list(folder) else { return }
            for name in names.sorted() where ![".git", ".hg", ".svn"].contains(name) {
                let path = folder.appendingComponent(name)
                let inHiding = hidden || name.hasPrefix(".")
                if FileSystem.kind(of: path) == .directory {
                    walk(path, hidden: inHiding)
                } else if inHiding, FileSystem.kind(of: path) == .file, looksLikeRule(path) {
                    found.append(path)
                }
            }
        }
        for path in paths where FileSystem.kind(of: path) == .directory { walk(path, hidden: false) }
        return found
    }

    /// The step types a rule selects that the vocabulary ties to kinds none of which the rule
    /// applies to (`legal_review`, a penalty case's, selected in a rule of major decisions): the
    /// selection never matches, and the rule never fired, with lint and `test` silent.
    static func stepTypesOfOtherKinds(_ rule: Rule, vocabulary: Vocabulary) -> [(type: String, position: SourcePosition, kinds: [String])] {
        guard let ruleKinds = rule.kinds, case .record(let check) = rule.body else { return [] }
        let types = vocabulary.section(RecordFormat.Section.stepTypes)
        var seen: Set<String> = []
        return check.expressions.flatMap(\.selectedStepTypes).compactMap { (type: String, position: SourcePosition) -> (type: String, position: SourcePosition, kinds: [String])? in
            guard seen.insert(type).inserted, let kinds = types.kinds(ofBound: type), !kinds.contains(where: ruleKinds.contains) else { return nil }
            return (type, position, kinds)
        }
    }

    /// Whether a rule file holds no document of content: empty, or comments only.
    static func holdsNothing(_ file: String) -> Bool {
        guard let bytes = try? FileSystem.read(file), let documents = try? YAMLParser.parse(bytes, file: file) else { return false }
        return documents.allSatisfy { $0.mapping == nil && $0.sequence == nil && $0.scalar?.text.isEmpty != false }
    }

    /// The first text of a rule's other than its message holding a `{placeholder}` (its title,
    /// description, help or an evidence label), and the placeholder: only the message's are filled
    /// in, and a title read "罚款 {facts.fine_amount} 元以上未听证" in every report.
    static func placeholderOutsideMessage(_ rule: Rule) -> (LocalizedText, String)? {
        let plain = { (key: String) in LocalizedText(zh: " \(key) ", en: key) }
        var texts: [(LocalizedText, LocalizedText?)] = [(plain("title"), rule.title), (plain("description"), rule.description), (plain("help"), rule.help)]
        if case .record(let check) = rule.body {
            texts += check.evidence.map { (LocalizedText(zh: "证据名称 \($0.key) ", en: "evidence label '\($0.key)'"), $0.label) }
        }
        for case let (key, text?) in texts {
            if let placeholder = placeholder(in: text.zh) ?? placeholder(in: text.en) { return (key, placeholder) }
        }
        return nil
    }

    /// The first `｛name｝` of the message, in the full-width braces a Chinese input method types:
    /// printed as written, where `{name}` is filled in.
    static func fullWidthPlaceholder(_ rule: Rule) -> String? {
        for case .text(let text) in rule.message.zh + rule.message.en {
            guard let open = text.firstIndex(of: "｛"), let close = text[open...].firstIndex(of: "｝") else { continue }
            let name = text[text.index(after: open)..<close]
            if !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ".") }) { return String(text[open...close]) }
        }
        return nil
    }

    /// The first `{name}` or `{name.field}` in a text.
    static func placeholder(in text: String) -> String? {
        let bytes = Array(text.utf8)
        var index = 0
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "{")) {
            var end = open + 1
            while end < bytes.count, bytes[end] == UInt8(ascii: "_") || bytes[end] == UInt8(ascii: ".") || bytes[end] == UInt8(ascii: "$")
                || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[end]) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(bytes[end])
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) { end += 1 }
            if end > open + 1, end < bytes.count, bytes[end] == UInt8(ascii: "}") {
                return String(decoding: bytes[open...end], as: UTF8.self)
            }
            index = open + 1
        }
        return nil
    }

    /// A rule's versions in force only from a day after `today`, when no version is in force
    /// today: a year mistyped (`from: 2204-03-01`) switched the rule off for every record, unsaid.
    static func versionsAfter(_ today: Day, of rule: Rule) -> [RuleVersion] {
        guard !rule.versions.isEmpty, !rule.versions.contains(where: { $0.from <= today }) else { return [] }
        return rule.versions.filter { $0.from > today }.prefix(1).map { $0 }
    }

    /// Whether a rule reads `$meeting` itself but is no prerequisite: only the gate sets the
    /// meeting, and the gate runs prerequisites only, so the rule's reading of it is never met
    /// (its examples with a meeting fail in `test` for the same reason).
    static func readsMeetingOutsideGate(_ rule: Rule) -> Bool {
        guard !rule.prerequisite, case .record(let check) = rule.body else { return false }
        return check.expressions.flatMap(\.descendants).contains { expression in
            if case .reference(let reference) = expression, reference.root == .meeting { return true }
            return false
        }
    }

    /// Where a prerequisite rule selects discussions held only (a `collective_discussion`
    /// selection of the default status): the gate's meeting is a planned discussion, and such a
    /// rule, written as a county wrote it, never saw it and let every item through.
    static func doneDiscussionSelection(_ rule: Rule) -> SourcePosition? {
        guard rule.prerequisite, case .record(let check) = rule.body else { return nil }
        var pending = check.expressions
        while let expression = pending.popLast() {
            if case .steps(let selection) = expression, selection.status == .done,
               selection.types?.contains("collective_discussion") == true {
                return selection.position
            }
            pending += expression.children
        }
        return nil
    }

    /// The value of a condition that is the same on every record: a constant (null is false),
    /// `not` of one, `any` or `all` settled by constants, a comparison of two numbers or two
    /// texts; nil when it depends on the record.
    /// A kind a `when` asks `$record.kind` to equal, on its own or among `all`, that is none of
    /// `kinds`; nil when it asks none such.
    static func kindAskedOutside(_ kinds: [String], in when: Expression) -> String? {
        switch when {
        case .compare(.eq, .reference(let reference), .literal(.text(let kind))), .compare(.eq, .literal(.text(let kind)), .reference(let reference)):
            return reference.root == .record && reference.path == ["kind"] && !kinds.contains(kind) ? kind : nil
        // (`in: [$record.kind, [a, b]]`, every kind of it left out by `kinds`.)
        case .isIn(.reference(let reference), .list(let items)) where reference.root == .record && reference.path == ["kind"]:
            let asked = items.compactMap { item -> String? in if case .literal(.text(let kind)) = item { kind } else { nil } }
            guard asked.count == items.count, !asked.isEmpty, asked.allSatisfy({ !kinds.contains($0) }) else { return nil }
            return asked.joined(separator: ", ")
        case .all(let items):
            return items.lazy.compactMap { kindAskedOutside(kinds, in: $0) }.first
        default:
            return nil
        }
    }

    /// The kinds a `when` asks the record's kind not to be (`ne: [$record.kind, k]`, `not: {eq: …}`,
    /// `not: {in: [$record.kind, [a, b]]}`, or one of them among an `all`'s conditions).
    static func kindsRuledOut(in when: Expression) -> Set<String>? {
        func isKind(_ reference: Reference) -> Bool { reference.root == .record && reference.path == ["kind"] }
        switch when {
        case .compare(.ne, .reference(let reference), .literal(.text(let kind))), .compare(.ne, .literal(.text(let kind)), .reference(let reference)),
             .not(.compare(.eq, .reference(let reference), .literal(.text(let kind)))), .not(.compare(.eq, .literal(.text(let kind)), .reference(let reference))):
            return isKind(reference) ? [kind] : nil
        case .not(.isIn(.reference(let reference), .list(let items))) where isKind(reference):
            let kinds = items.compactMap { item -> String? in if case .literal(.text(let kind)) = item { kind } else { nil } }
            return kinds.count == items.count ? Set(kinds) : nil
        case .all(let items):
            let ruled = items.compactMap(kindsRuledOut(in:))
            return ruled.isEmpty ? nil : ruled.reduce(into: Set<String>()) { $0.formUnion($1) }
        default:
            return nil
        }
    }

    /// An expression as written, without where it is written: two step selections of the same
    /// steps at two places are one condition (their positions made them two, and `exists` and
    /// `missing` of one selection went unwarned).
    static func shape(_ expression: Expression) -> String {
        String(describing: expression).replacing(#/position: \d+:\d+/#, with: "")
    }

    static func truth(_ expression: Expression) -> Bool? {
        switch expression {
        case .literal(.bool(let value)): return value
        case .literal(.null): return false
        case .not(let inner): return truth(inner).map { !$0 }
        case .any(let items):
            let values = items.map(truth)
            if values.contains(true) { return true }
            return values.allSatisfy { $0 == false } ? false : nil
        case .all(let items):
            let values = items.map(truth)
            if values.contains(false) { return false }
            // `exists: X` and `missing: X` together never hold (each written as the other's words).
            let existing = Set(items.compactMap { item -> String? in if case .exists(let inner) = item { return shape(inner) } else { return nil } })
            if items.contains(where: { item in if case .missing(let inner) = item { return existing.contains(shape(inner)) } else { return false } }) { return false }
            // Nor does a condition together with `not` of itself (`is_true: X` and `not: {is_true: X}`).
            let written = Set(items.map(shape))
            if items.contains(where: { item in if case .not(let inner) = item { return written.contains(shape(inner)) } else { return false } }) { return false }
            // Nor comparisons of one value with constants no value meets at once (`eq` of two
            // codes, where `any` was meant; `gt: 10` beside `lt: 5`).
            if constantsConflict(items) { return false }
            return values.allSatisfy { $0 == true } ? true : nil
        // A value compared with itself is never below, above or other than itself (`gt: [$d, $d]`).
        case .compare(let comparison, let left, let right) where !isLiteral(left) && shape(left) == shape(right):
            return [.lt, .gt, .ne].contains(comparison) ? false : nil
        case .compare(let comparison, .literal(let left), .literal(let right)):
            let order: Int
            switch (left, right) {
            case (.number(let a), .number(let b)): order = a < b ? -1 : (a > b ? 1 : 0)
            case (.text(let a), .text(let b)): order = a < b ? -1 : (a > b ? 1 : 0)
            default: return nil
            }
            return comparison.holds(order)
        default: return nil
        }
    }

    private static func isLiteral(_ expression: Expression) -> Bool {
        if case .literal = expression { return true }
        return false
    }

    /// Whether comparisons of one value (written alike) with constants, all of which must hold,
    /// cannot: two `eq` of different constants, or bounds with no number between them.
    static func constantsConflict(_ items: [Expression]) -> Bool {
        var equal: [String: Literal] = [:]
        var lower: [String: (value: Double, strict: Bool)] = [:]
        var upper: [String: (value: Double, strict: Bool)] = [:]
        for item in items {
            guard case .compare(let written, let left, let right) = item else { continue }
            let subject: String, constant: Literal, comparison: Comparison
            switch (left, right) {
            case (.literal, .literal): continue
            case (_, .literal(let value)): (subject, constant, comparison) = (shape(left), value, written)
            case (.literal(let value), _):
                let flipped: [Comparison: Comparison] = [.lt: .gt, .le: .ge, .gt: .lt, .ge: .le]
                (subject, constant, comparison) = (shape(right), value, flipped[written] ?? written)
            default: continue
            }
            switch (comparison, constant) {
            case (.eq, _):
                if let prior = equal[subject], prior != constant { return true }
                equal[subject] = constant
            case (.gt, .number(let bound)), (.ge, .number(let bound)):
                let strict = comparison == .gt
                if let prior = lower[subject], prior.value > bound || (prior.value == bound && prior.strict) { continue }
                lower[subject] = (bound, strict)
            case (.lt, .number(let bound)), (.le, .number(let bound)):
                let strict = comparison == .lt
                if let prior = upper[subject], prior.value < bound || (prior.value == bound && prior.strict) { continue }
                upper[subject] = (bound, strict)
            default: continue
            }
        }
        return lower.contains { subject, low in
            guard let high = upper[subject] else { return false }
            return low.value > high.value || (low.value == high.value && (low.strict || high.strict))
        }
    }

    /// The boolean facts of the vocabulary a rule asks `exists` of (`exists: $facts.major`), in
    /// the order first asked: `exists` holds for `major: false` as well, and a rule meant for major
    /// cases fired on every case that said it was none.
    static func booleanFactsAskedExists(_ rule: Rule, vocabulary: Vocabulary) -> [String] {
        guard case .record(let check) = rule.body else { return [] }
        let booleanFacts = Set(vocabulary.codes(in: RecordFormat.Section.booleanFacts))
        var facts: [String] = []
        for expression in check.expressions.flatMap(\.descendants) {
            guard case .exists(.reference(let reference)) = expression, let fact = factRead(by: reference, whole: true) else { continue }
            if booleanFacts.contains(fact), !facts.contains(fact) { facts.append(fact) }
        }
        return facts
    }

    /// The fact a reference reads (`$facts.major`, `$record.facts.major`); with `whole`, only when
    /// it reads the fact itself, no field below it.
    static func factRead(by reference: Reference, whole: Bool) -> String? {
        switch reference.root {
        case .facts where !whole || reference.path.count == 1: reference.path.first
        case .record where reference.path.first == "facts" && (!whole || reference.path.count == 2): reference.path.dropFirst().first
        default: nil
        }
    }

    /// Facts a rule reads that are no well-known fact (a boolean fact of the vocabulary, or one of
    /// the format's number facts such as `fine_amount`) but one typo from one
    /// (`$facts.affects_public_intrest`, `$facts.fine_amont`): records are free to hold facts of
    /// their own, so such a rule is loaded, but it would read a fact no record writes and never fire.
    static func misspeltFacts(_ rule: Rule, vocabulary: Vocabulary) -> [LocalizedText] {
        guard case .record(let check) = rule.body else { return [] }
        let known = (Array(vocabulary.codes(in: RecordFormat.Section.booleanFacts)) + RecordFormat.numberFacts).sorted()
        let format = RecordFormat(vocabulary: vocabulary, asOf: Day(ordinal: 0))
        var named: Set<String> = []
        var advice: [LocalizedText] = []
        // (The message's placeholders too: `{facts.fine_amont}` printed "—" in every finding.)
        let messageValues = (rule.message.zh + rule.message.en).compactMap { part -> Expression? in
            if case .value(let expression) = part { return expression }
            return nil
        }
        for expression in (check.expressions + messageValues).flatMap(\.descendants) {
            guard case .reference(let reference) = expression else { continue }
            let fact = factRead(by: reference, whole: false)
            // (Or one holding a known fact's words, `is_major`, as records' facts are read.)
            guard let fact, !known.contains(fact), !RecordFormat.isExtension(fact), named.insert(fact).inserted,
                  let suggestion = Suggestion.closest(to: fact, in: known) ?? format.factMeant(byKey: fact, valueSaysYesOrNo: true, among: known, typos: false)
            else { continue }
            advice.append(LocalizedText(
                zh: "\(rule.id) 读取的事实字段 \(fact) 不是词汇表中的事实字段；是否应为 \(suggestion)？（写了 \(suggestion) 的记录永远不会触发这条规则）",
                en: "\(rule.id) reads the fact '\(fact)', which is no fact of the vocabulary; did you mean '\(suggestion)'? (records writing '\(suggestion)' would never make the rule fire)"))
        }
        return advice
    }
}
