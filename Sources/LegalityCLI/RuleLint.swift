import DecisionRecords
import RuleLanguage
import YAMLTree

/// What `legality rules lint` tells a rule's author beyond the errors that stop loading: each a way
/// a rule that loads may never fire as meant, or lacks what its readers need.
enum RuleLint {
    /// `rules lint`'s advice on one rule, a line each (`file:line:column: warning: …`): what the
    /// rule lacks (examples, description, help) and each way it may never fire as meant.
    static func advice(for rule: Rule, vocabulary: Vocabulary, today: Day) -> [String] {
        var advice: [String] = []
        let place = "\(rule.file):\(rule.position.line):\(rule.position.column)"
        if !rule.examples.contains(where: \.triggers) { advice.append("\(place): warning: \(rule.id) has no triggering example") }
        if !rule.examples.contains(where: { !$0.triggers }) { advice.append("\(place): warning: \(rule.id) has no non-triggering example") }
        if rule.description == nil { advice.append("\(place): warning: \(rule.id) has no 'description' saying what it demands") }
        if rule.help == nil { advice.append("\(place): warning: \(rule.id) has no 'help' saying how to put a violation right") }
        advice += misspeltFacts(rule, vocabulary: vocabulary).map { "\(place): warning: \($0)" }
        if let never = neverFires(rule) { advice.append("\(place): warning: \(rule.id) \(never)") }
        for version in versionsAfter(today, of: rule) {
            advice.append("\(rule.file):\(version.position.line):\(version.position.column): warning: \(rule.id) has a version of its law in force from \(version.from), after today: the rule applies to no act before that day (every record dated earlier passes it); is the year right? (a law published ahead of its day is written so)")
        }
        if let (key, placeholder) = placeholderOutsideMessage(rule) {
            advice.append("\(place): warning: \(rule.id)'s \(key) holds '\(placeholder)', which is printed as written: placeholders are filled in 'message' only")
        }
        if readsMeetingOutsideGate(rule) {
            advice.append("\(place): warning: \(rule.id) reads $meeting, which only the gate sets, but is not 'prerequisite: true': the gate runs only prerequisite rules, and in check $meeting is absent, so the rule never sees a meeting; mark it 'prerequisite: true'")
        }
        advice += rule.advice.map { "\(rule.file):\($0.position.line):\($0.position.column): warning: \(rule.id): \($0.text)" }
        if let position = doneDiscussionSelection(rule) {
            advice.append("\(rule.file):\(position.line):\(position.column): warning: \(rule.id) is a prerequisite of the gate but selects only discussions held (done); in the gate the meeting's own discussion is planned, so the rule never sees it: select with 'status: any', or read $first_discussion (the meeting's discussion in the gate)")
        }
        if case .record(let check) = rule.body, check.stepsDegree >= 2 {
            let power = check.stepsDegree == 2 ? "quadratic" : "of degree \(check.stepsDegree)"
            let at = check.quadraticPosition.map { "\(rule.file):\($0.line):\($0.column)" } ?? place
            advice.append("\(at): warning: \(rule.id) is \(power) in the number of steps (a step selection or 'items' inside another's 'where' or 'for_each'); a record of many steps may exceed --max-rule-steps — select by type and date bounds, or take the first or last item instead")
        }
        return advice
    }

    /// Why a rule can never make a finding (or makes one on every record), when it is plain from
    /// the rule alone: it applies to no kind, or its `when` or `violation` is false (or true) as
    /// written — constants, `not` of one, `any`/`all` of them, a comparison of two constants.
    static func neverFires(_ rule: Rule) -> String? {
        if rule.kinds?.isEmpty == true { return "applies to no kind ('kinds: []'), so it never runs; list the kinds it checks, or leave 'kinds' out for every kind" }
        guard case .record(let check) = rule.body else { return nil }
        if let when = check.when, truth(when) == false { return "has a 'when' that is false as written, so it never applies" }
        switch truth(check.violation) {
        case false: return "has a violation that is false as written ('false', '~', an empty 'any', 'not' of a true one, a comparison of two constants), so it never makes a finding"
        // (`violation: true` under a `for_each` or a `when` is how a rule says "every item is one".)
        case true where check.loops.isEmpty && check.when == nil:
            return "has a violation that is true as written, so it makes a finding on every record it applies to"
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
                if lower.hasSuffix(".json") || lower.contains(".yaml.") || lower.contains(".yml.") { found.append(path) }
            }
        }
        for path in paths where FileSystem.kind(of: path) == .directory { walk(path) }
        return found
    }

    /// Whether a rule file holds no document of content: empty, or comments only.
    static func holdsNothing(_ file: String) -> Bool {
        guard let bytes = try? FileSystem.read(file), let documents = try? YAMLParser.parse(bytes, file: file) else { return false }
        return documents.allSatisfy { $0.mapping == nil && $0.sequence == nil && $0.scalar?.text.isEmpty != false }
    }

    /// The first text of a rule's other than its message holding a `{placeholder}` (its title,
    /// description, help or an evidence label), and the placeholder: only the message's are filled
    /// in, and a title read "罚款 {facts.fine_amount} 元以上未听证" in every report.
    static func placeholderOutsideMessage(_ rule: Rule) -> (String, String)? {
        var texts: [(String, LocalizedText?)] = [("title", rule.title), ("description", rule.description), ("help", rule.help)]
        if case .record(let check) = rule.body { texts += check.evidence.map { ("evidence label '\($0.key)'", $0.label) } }
        for case let (key, text?) in texts {
            if let placeholder = placeholder(in: text.zh) ?? placeholder(in: text.en) { return (key, placeholder) }
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
            return values.allSatisfy { $0 == true } ? true : nil
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

    /// Facts a rule reads that are no well-known fact (a boolean fact of the vocabulary, or one of
    /// the format's number facts such as `fine_amount`) but one typo from one
    /// (`$facts.affects_public_intrest`, `$facts.fine_amont`): records are free to hold facts of
    /// their own, so such a rule is loaded, but it would read a fact no record writes and never fire.
    static func misspeltFacts(_ rule: Rule, vocabulary: Vocabulary) -> [String] {
        guard case .record(let check) = rule.body else { return [] }
        let known = (Array(vocabulary.codes(in: RecordFormat.Section.booleanFacts)) + RecordFormat.numberFacts).sorted()
        var named: Set<String> = []
        var advice: [String] = []
        // (The message's placeholders too: `{facts.fine_amont}` printed "—" in every finding.)
        let messageValues = (rule.message.zh + rule.message.en).compactMap { part -> Expression? in
            if case .value(let expression) = part { return expression }
            return nil
        }
        for expression in (check.expressions + messageValues).flatMap(\.descendants) {
            guard case .reference(let reference) = expression else { continue }
            let fact: String? = switch reference.root {
            case .facts: reference.path.first
            case .record where reference.path.first == "facts": reference.path.dropFirst().first
            default: nil
            }
            guard let fact, !known.contains(fact), named.insert(fact).inserted, let suggestion = Suggestion.closest(to: fact, in: known) else { continue }
            advice.append("\(rule.id) reads the fact '\(fact)', which is no fact of the vocabulary; did you mean '\(suggestion)'? (records writing '\(suggestion)' would never make the rule fire)")
        }
        return advice
    }
}
