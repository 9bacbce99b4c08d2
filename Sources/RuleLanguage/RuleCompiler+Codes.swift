import DecisionRecords
import YAMLTree

/// The checks of step types and codes against the vocabulary, where a rule (or a shared
/// definition) is loaded: a type or code no record it checks can hold would make it never fire.
extension RuleCompiler {
    /// A comparison that asks a code field for a text the vocabulary does not name
    /// (`eq: [$review.outcome, passd]`) never holds on a record the rule checks (`ne` always
    /// does), so the rule is refused where it is loaded, as for a selection.
    static func checkComparedCodes(_ comparisons: [CodeComparison], vocabulary: Vocabulary, compiler: inout ExpressionCompiler) {
        // Each text once where it is written: a let compared three times was told of three times.
        var told: Set<String> = []
        for comparison in comparisons where vocabulary.has(comparison.section) {
            guard told.insert("\(comparison.section)\u{0}\(comparison.text)\u{0}\(comparison.position.line):\(comparison.position.column)\u{0}\(comparison.context?.en ?? "")").inserted else { continue }
            let place = comparison.context.map { " (\($0.en))" } ?? ""
            let chinesePlace = comparison.context.map { "（\($0.zh)）" } ?? ""
            if comparison.isName {
                checkComparedName(comparison, place: place, chinesePlace: chinesePlace, vocabulary: vocabulary, compiler: &compiler)
                continue
            }
            let codes = vocabulary.codes(in: comparison.section)
            guard !codes.contains(comparison.text) else { continue }
            if let code = vocabulary.code(for: comparison.text, in: comparison.section) {
                compiler.error(
                    at: comparison.position, "records' values are read as codes: write '\(code)' for '\(comparison.text)'\(place)",
                    zh: "记录中的值按代码读取：请把“\(comparison.text)”\(chinesePlace)写成 \(code)")
            } else {
                compiler.error(
                    at: comparison.position,
                    "'\(comparison.text)'\(place) is no code of \(comparison.section)\(vocabulary.suggestionPhrase(for: comparison.text, in: comparison.section)); a comparison with it would never hold",
                    zh: "“\(comparison.text)”\(chinesePlace)不是 \(comparison.section) 中的代码，与它比较永远不会成立\(vocabulary.chineseSuggestionPhrase(for: comparison.text, in: comparison.section))")
            }
        }
    }

    /// A text compared with the names `label` gives a section's codes: it must be one of them, in
    /// either language (`未通过` for `不通过` was equal to no label, and the rule never fired).
    private static func checkComparedName(
        _ comparison: CodeComparison, place: String, chinesePlace: String, vocabulary: Vocabulary, compiler: inout ExpressionCompiler
    ) {
        // (A code with no name is its own label.)
        let names = vocabulary.codes(in: comparison.section).sorted().map { vocabulary.name(of: $0, preferring: RuleSet.labelOrder) ?? LocalizedText(zh: $0, en: $0) }
        let texts = names.flatMap { [$0.zh, $0.en] }
        guard !texts.contains(comparison.text) else { return }
        let listed = names.map { "\($0.zh) (\($0.en))" }.joined(separator: ", ")
        let chineseListed = names.map { "\($0.zh)（\($0.en)）" }.joined(separator: "、")
        compiler.error(
            at: comparison.position,
            "'\(comparison.text)'\(place) is no name 'label' gives a code of \(comparison.section), so a comparison with it would never hold (the names: \(listed))\(Suggestion.phrase(for: comparison.text, in: texts))",
            zh: "“\(comparison.text)”\(chinesePlace)不是 label 为 \(comparison.section) 中的代码给出的任何名称，因此与它比较永远不会成立（这些名称是：\(chineseListed)）\(Suggestion.chinesePhrase(for: comparison.text, in: texts))")
    }

    /// Parameters a rule declares and never reads (`$param.NAME`): a configuration changing one
    /// is named in every report as changed, and changes nothing (a rule that wrote the number in
    /// place of its parameter kept counting 15 working days when the office set 30).
    static func unreadParameterAdvice(_ parameters: [Parameter], read: Set<String>) -> [RuleAdvice] {
        parameters.filter { !read.contains($0.name) }.map { parameter in
            RuleAdvice(
                position: parameter.position,
                text: "the parameter '\(parameter.name)' is declared but never read ($param.\(parameter.name)): a configuration setting it would change nothing; read it where its value belongs, or remove it",
                chineseText: "参数 \(parameter.name) 已声明但从未读取（$param.\(parameter.name)）：在配置文件中设置它不起任何作用；请在需要其值的地方读取它，或删去它")
        }
    }

    /// Facts the rule reads that none of its examples writes, each a typo from one an example does
    /// write and the rule does not read (`$facts.investmnet` read, `investment` in the examples):
    /// facts are the record's own and never refused, so the rule read nothing, passed its examples
    /// that did not trigger, and never fired.
    static func factTypoAdvice(read: Set<RecordFormat.FieldRead>, examples: [RuleExample], at position: SourcePosition) -> [RuleAdvice] {
        let factsRead = Set(read.filter { $0.level == .facts }.map(\.key))
        // The facts each example's record writes.
        let byExample: [Set<String>] = examples.compactMap { example in
            guard let facts = example.record?["facts"] else { return nil }
            return Set(facts.pairPlaces.compactMap { facts.keyText(at: $0) })
        }
        let written = byExample.reduce(into: Set<String>()) { $0.formUnion($1) }
        // Two facts read one typo apart (`investmnet` in the violation, `investment` in the
        // message): a record writes one of them, and what reads the other reads nothing. (Unless
        // one example writes both: `phase1_budget` and `phase2_budget` are read on purpose. Written
        // in two examples, one each, the typo passed the example that needed it.)
        let sorted = factsRead.sorted()
        let pairs = sorted.compactMap { fact -> RuleAdvice? in
            guard let other = Suggestion.closest(to: fact, in: sorted.filter { $0 != fact }), fact < other,
                  !byExample.contains(where: { $0.contains(fact) && $0.contains(other) }), Self.mayBeATypo(fact, other) else { return nil }
            return RuleAdvice(
                position: position,
                text: "the rule reads both the facts '\(fact)' and '\(other)', spelt almost alike: a typo? A record usually writes one of them, and what reads the other reads nothing",
                chineseText: "规则同时读取事实“\(fact)”和“\(other)”，两者拼写极为相近，疑为笔误：记录通常只写其中之一，读取另一个的条件将读不到任何值")
        }
        let unread = written.subtracting(factsRead).sorted()
        return pairs + factsRead.subtracting(written).sorted().compactMap { fact in
            Suggestion.closest(to: fact, in: unread).map { meant in
                RuleAdvice(
                    position: position,
                    text: "the rule reads the fact '\(fact)', which none of its examples writes, and its examples write '\(meant)', which it never reads: a typo? ($facts.\(meant))",
                    chineseText: "规则读取的事实 \(fact) 在其示例中都没有出现，而示例写有规则从未读取的事实 \(meant)：是否笔误？（$facts.\(meant)）")
            }
        }
    }

    /// Whether two names a typo apart may be one name mistyped: names in letters (a Chinese name one
    /// character from another, `投资额` and `融资额`, is another word), not told apart by digits alone
    /// (`fine_2024`, `fine_2025`; `phase1_budget`, `phase2_budget`).
    static func mayBeATypo(_ one: String, _ other: String) -> Bool {
        guard one.unicodeScalars.allSatisfy(\.isASCII), other.unicodeScalars.allSatisfy(\.isASCII) else { return false }
        let letters = { (name: String) in name.filter { !$0.isNumber } }
        return letters(one) != letters(other)
    }

    /// Keys of the format read where the format does not put them (`$discussion.meeting.attendees`),
    /// unless a vocabulary file declares them there: `rules lint` warns of each. (Loaded all the
    /// same: v2 lets records hold keys of their own, and a rule reading one makes it known, as an
    /// office's own `date` of a record; but a step's key read from its meeting, meant as the step's,
    /// never fired, silently.)
    static func misplacedReadAdvice(_ reads: [MisplacedRead], vocabulary: Vocabulary) -> [RuleAdvice] {
        var said: Set<String> = []
        return reads.compactMap { read in
            let (name, section) = RecordFormat.describe(read.level)
            if let section, vocabulary.codes(in: section).contains(read.key) { return nil }
            guard said.insert(read.written).inserted else { return nil }
            let declare = section.map { "; a key of your own there is declared under \($0) in a vocabulary file" } ?? ""
            let chineseDeclare = section.map { "；自定义的键应在词汇表文件的 \($0) 下声明" } ?? ""
            return RuleAdvice(
                position: read.position,
                text: "'\(read.key)' in '\(read.written)' is the format's key of \(RecordFormat.levelNames(holding: read.key)), read here of \(name): records written to the format hold it elsewhere, and the rule never sees it there\(declare)",
                chineseText: "\(read.written) 中的 \(read.key) 是记录格式中\(RecordFormat.chineseLevelNames(holding: read.key))的键，这里却从\(RecordFormat.chineseName(of: read.level))读取：按格式书写的记录把它写在别处，规则在这里永远读不到它\(chineseDeclare)")
        }
    }

    /// The roles `has_role` asks the registry for: a registry's roles are an office's own
    /// (`enforcement_officer`, `assessor`), but one a typo from a role of the vocabulary
    /// (`legal_advisor`) is a mistake no registry entry matches, and the rule never fired.
    static func checkRegistryRoles(_ roles: [(text: String, position: SourcePosition)], vocabulary: Vocabulary, compiler: inout ExpressionCompiler) {
        guard vocabulary.has(RecordFormat.Section.roles) else { return }
        let codes = vocabulary.codes(in: RecordFormat.Section.roles)
        for role in roles where !codes.contains(role.text) && vocabulary.code(for: role.text, in: RecordFormat.Section.roles) == nil {
            if let suggestion = Suggestion.closest(to: role.text, in: codes) {
                compiler.error(
                    at: role.position,
                    "the role '\(role.text)' is no role of the vocabulary; did you mean '\(suggestion)'? (a role of an office's own is kept, but not one a typo from the vocabulary's: no registry writes it)",
                    zh: "角色 \(role.text) 不是词汇表中的角色；是否应为 \(suggestion)？（可以使用自定义的角色，但不能使用与词汇表中的角色仅一字之差的角色：人员名册中不会有这样的角色）")
            }
        }
    }

    /// The certificate and qualification types a rule asks the registry for, written as
    /// constants: an office's own type is kept, but one a typo from a type of the vocabulary
    /// (`enforcment`, `Enforcement`) is one no registry entry has, and the rule never fired.
    static func checkRegistryTypes(_ types: [(section: String, text: String, position: SourcePosition)], vocabulary: Vocabulary, compiler: inout ExpressionCompiler) {
        for type in types where vocabulary.has(type.section) && vocabulary.code(for: type.text, in: type.section) == nil {
            let codes = vocabulary.codes(in: type.section)
            guard let suggestion = Suggestion.closest(to: type.text, in: codes) else { continue }
            let what = type.section == RecordFormat.Section.certificateTypes
                ? LocalizedText(zh: "证件类型", en: "certificate type") : LocalizedText(zh: "资格类型", en: "qualification type")
            compiler.error(
                at: type.position,
                "'\(type.text)' is no \(what.en) of the vocabulary; did you mean '\(suggestion)'? (a type of an office's own is kept, but not one a typo from the vocabulary's: no registry writes it)",
                zh: "\(type.text) 不是词汇表中的\(what.zh)；是否应为 \(suggestion)？（可以使用自定义的类型，但不能使用与词汇表中的类型仅一字之差的类型：人员名册中不会有这样的类型）")
        }
    }

    /// In a record of a kind a pack beside the record pack checks, a step type the vocabulary does
    /// not name is an unknown value and keeps the record from every such rule, so a selection of it
    /// never matches: a misspelt type made a rule that asks for a step silently never fire (said by
    /// `rules lint` only, until now). The record pack also reads records of kinds no pack checks,
    /// whose step types are kept as written, so its rules are not asked this.
    static func checkStepTypes(in expressions: [Expression], vocabulary: Vocabulary, compiler: inout ExpressionCompiler) {
        guard vocabulary.has(RecordFormat.Section.stepTypes) else { return }
        let codes = vocabulary.codes(in: RecordFormat.Section.stepTypes)
        var named: Set<String> = []
        for (type, position) in expressions.flatMap(\.selectedStepTypes) where !codes.contains(type) && named.insert(type).inserted {
            if let code = vocabulary.code(for: type, in: RecordFormat.Section.stepTypes) {
                // Records' names are read as codes, so rules select by code.
                compiler.error(at: position, "rules select steps by code: write '\(code)' for '\(type)'", zh: "规则按代码选择步骤：请把“\(type)”写成 \(code)")
                continue
            }
            if type.hasPrefix("$") {
                // (A parameter's list was taken for a code of that name.)
                compiler.error(
                    at: position, "a selection's 'type' takes step types as written, not '\(type)'; to select by a value, write where: {in: [$it.type, \(type)]}",
                    zh: "步骤选择的 type 只接受直接写出的步骤类型，不接受 \(type)；要按某个值选择，请写成 where: {in: [$it.type, \(type)]}")
                continue
            }
            let known = Array(codes).sorted()
            compiler.error(
                at: position,
                "the step type '\(type)' is not in the vocabulary\(Suggestion.phrase(for: type, in: known)); a selection of it would never match (declare a step type of your own in a vocabulary file)",
                zh: "步骤类型 \(type) 不在词汇表中，按它选择永远选不中任何步骤\(Suggestion.chinesePhrase(for: type, in: known))（自定义的步骤类型请在词汇表文件中声明）")
        }
    }

    /// A step selection that asks a code field for a text the vocabulary does not name
    /// (`outcome: passd`) never matches a record the rule checks (such a value is an unknown one
    /// there), so the rule is refused where it is loaded, as for a step type.
    static func checkCodes(in expressions: [Expression], vocabulary: Vocabulary, compiler: inout ExpressionCompiler) {
        for expression in expressions.flatMap({ $0.descendants }) {
            guard case .steps(let selection) = expression else { continue }
            for match in selection.fields {
                // A boolean field of the format asked for a text (`credentials_shown: no`: in YAML
                // 1.2 a text) never matched, and was a rule-error blamed on every record.
                if RecordFormat.booleanStepFields.contains(match.path) {
                    for case .literal(let literal) in match.values where literal != .null {
                        if case .bool = literal { continue }
                        compiler.error(
                            at: selection.position,
                            "the step field \(match.path.joined(separator: ".")) is true or false, and '\(literal.written)' is neither (in YAML 1.2 'no', 'yes', 'on' are texts); write true or false",
                            zh: "步骤字段 \(match.path.joined(separator: ".")) 应为 true 或 false，“\(literal.written)”两者都不是（在 YAML 1.2 中 no、yes、on 都是文本）；请写 true 或 false")
                    }
                    continue
                }
                // The code fields of comparisons (`ExpressionCompiler.fieldType`): a field of one step
                // type is a code only in a selection of that type alone (a delivery's `form` is its own).
                guard case .code(let section) = ExpressionCompiler.fieldType(root: .steps, type: .step, path: match.path, stepTypes: selection.types),
                      vocabulary.has(section) else { continue }
                let codes = vocabulary.codes(in: section)
                for value in match.values {
                    // A parameter's values are checked as codes too (its default, its versions' values, a
                    // configuration's): `outcome: $param.ok` with a default of `pass` never matched.
                    if case .reference(let reference) = value, case .parameter(let name) = reference.root, reference.path.isEmpty {
                        compiler.codeParameters[name] = section
                        continue
                    }
                    // A let's value, or a choice's, is checked where it is written (`outcome: $bad`
                    // with `bad: 不通过`, or `outcome: {if: [c, 不通过, failed]}`, never matched).
                    if case .reference(let reference) = value, case .slot(let slot) = reference.root, reference.path.isEmpty,
                       let bound = compiler.letExpressions[slot] {
                        compiler.noteCodes(of: section, in: bound.expression, at: bound.node)
                        continue
                    }
                    switch value {
                    case .choose, .coalesce:
                        for choice in compiler.selectionChoices where choice.selection == selection.position && choice.path == match.path {
                            compiler.noteCodes(of: section, in: choice.expression, at: choice.node)
                        }
                        continue
                    default: break
                    }
                    guard case .literal(.text(let text)) = value, !codes.contains(text) else { continue }
                    let field = match.path.joined(separator: ".")
                    if let code = vocabulary.code(for: text, in: section) {
                        compiler.error(
                            at: selection.position, "rules select steps by code: write \(field): \(code) for '\(text)'",
                            zh: "规则按代码选择步骤：请把“\(text)”写成 \(field): \(code)")
                    } else {
                        compiler.error(
                            at: selection.position,
                            "'\(text)' is no code of \(section) for the step field \(field)\(Suggestion.phrase(for: text, in: Array(codes))); a selection of it would never match",
                            zh: "“\(text)”不是 \(section) 中的代码，不能用于步骤字段 \(field)，按它选择永远选不中任何步骤\(Suggestion.chinesePhrase(for: text, in: Array(codes)))")
                    }
                }
            }
        }
    }
}

extension RuleCompiler {
    /// The format's keys at every level of a record.
    static let allFormatKeys = Set(RecordFormat.recordKeys + RecordFormat.stepKeys + RecordFormat.meetingKeys + RecordFormat.signoffKeys + RecordFormat.documentKeys)

    /// The format's keys at a level of a record.
    static func formatKeys(at level: RecordFormat.Level) -> [String] {
        switch level {
        case .record: RecordFormat.recordKeys
        case .step: RecordFormat.stepKeys
        case .meeting: RecordFormat.meetingKeys
        case .signoff: RecordFormat.signoffKeys
        case .document: RecordFormat.documentKeys
        case .facts: []
        }
    }
}
