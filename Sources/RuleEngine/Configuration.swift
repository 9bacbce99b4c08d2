public import DecisionRecords
public import RuleLanguage
public import YAMLTree

/// A town's adaptation of legality, from `.legality.yaml`.
public struct Configuration: Sendable {
    /// The configuration file, if one was read.
    public var file: String?
    /// Extra rule files or folders (paths resolved against the file's folder).
    public var rules: [String] = []
    /// Rules switched off.
    public var disabled: [String] = []
    /// Severity overrides by rule id.
    public var severities: [String: Severity] = [:]
    /// Parameter overrides by rule id and name.
    public var parameters: [String: [String: ParameterValue]] = [:]
    /// The registry file or folder.
    public var registry: String?
    /// Extra calendar files.
    public var calendars: [String] = []
    /// The default language.
    public var language: Language?
    /// The default fail-on level (`never` is nil inside `failOnNever`).
    public var failOn: String?
    /// Waivers.
    public var waivers: [Waiver] = []
    /// Input limits by name (`max_file_bytes`, `max_depth`, `max_alias_expansion`, `max_scalar_bytes`,
    /// `max_documents`, `max_records`).
    public var limits: [String: Int] = [:]
    /// Where each rule id is named, to check it against the loaded rules.
    var ruleMentions: [(id: String, position: SourcePosition)] = []
    /// Where each rule is disabled, and where each is waived (record-pack rules may be neither).
    var disableMentions: [(id: String, position: SourcePosition)] = []
    var waiverMentions: [(id: String, position: SourcePosition)] = []
    /// Where each severity override is written (at its value).
    var severityMentions: [(id: String, position: SourcePosition)] = []
    var parameterMentions: [ParameterMention] = []

    /// A parameter's value as the configuration gives it, and where: the value, and each item of a
    /// list (a code that is none is pointed at, not the list that holds it).
    typealias ParameterMention = (rule: String, name: String, position: SourcePosition, value: ParameterValue, itemPositions: [SourcePosition])
    /// Where each path the file names is written (resolved path → position), so a missing one can be pointed at.
    public var pathPositions: [String: SourcePosition] = [:]
    /// Problems found while reading the file, reported by `apply(to:)` with those found there.
    var problems: [InputError] = []

    /// An empty configuration: the built-in behaviour.
    public init() {}

    static let keys = ["rules", "disable", "severity", "parameters", "registry", "calendars", "lang", "fail_on", "waivers", "limits"]
    static let limitKeys = ["max_file_bytes", "max_depth", "max_alias_expansion", "max_scalar_bytes", "max_documents", "max_nodes", "max_records", "max_rule_steps"]
    /// How far a configuration may raise each limit. A configuration found with the records is
    /// anyone's, and without a ceiling it took the limits' protection away (`max_depth: 1000000000`
    /// with a file of 500,000 nested lists: 211 s; `max_alias_expansion: 1000000000000`: each level
    /// of a "billion laughs" ten times longer). The options on the command line may go further.
    static let limitCeilings: [String: Int] = [
        "max_file_bytes": 1 << 30, "max_depth": 10_000, "max_alias_expansion": 10_000_000, "max_scalar_bytes": 1 << 30,
        "max_documents": 100_000_000, "max_nodes": 10_000_000, "max_records": 1_000_000_000, "max_rule_steps": 100_000_000,
    ]
    static let waiverKeys = ["rule", "record", "reason", "approved_by", "expires", "file", "finding"]

    /// Reads a configuration document.
    /// - Parameters:
    ///   - document: the document's root.
    ///   - file: the file's path; relative paths inside it are taken from its folder.
    ///   - folder: the file's folder.
    /// Problems in the values are collected and thrown by `apply(to:)`, together with those only the
    /// loaded rules reveal, so a user sees every mistake at once.
    /// - Throws: `RuleLoadError` when the document is not a mapping.
    public init(_ document: YAMLNode, file: String, folder: String) throws(RuleLoadError) {
        self.file = file
        guard let pairs = document.mapping else {
            throw RuleLoadError(diagnostics: [InputError(
                file: file, position: document.position,
                message: "a configuration is a mapping of settings such as 'disable' and 'waivers', found \(document.kindDescription)",
                chineseMessage: "配置文件应为由 disable、waivers 等设置组成的映射，实际是\(document.chineseKindDescription)")])
        }
        for pair in pairs { read(pair, folder: folder) }
    }

    /// The configuration as the meeting gate takes it: it may neither disable a rule that is a
    /// prerequisite of discussion nor make one milder (a configuration committed with the records
    /// made every agenda item READY so), and `fail_on: never` is the gate's own option's to give.
    /// Returns it with the ids of the rules it would have disabled or made milder, and whether it
    /// said `fail_on: never`.
    public func sparingPrerequisites(of rules: RuleSet) -> (configuration: Configuration, spared: [String], failOnNever: Bool) {
        var spared = self
        var ids: Set<String> = []
        for rule in rules.rules where rule.prerequisite {
            if spared.disabled.contains(rule.id) { ids.insert(rule.id) }
            if let severity = spared.severities[rule.id], severity < rule.severity {
                ids.insert(rule.id)
                spared.severities[rule.id] = nil
            }
        }
        spared.disabled.removeAll { ids.contains($0) }
        let failOnNever = spared.failOn == "never"
        if failOnNever { spared.failOn = nil }
        return (spared, ids.sorted(), failOnNever)
    }

    /// Checks rule ids and parameter names against the loaded rules, and applies `disable` and `severity`.
    /// - Throws: `RuleLoadError` naming each unknown rule or parameter.
    public func apply(to rules: RuleSet) throws(RuleLoadError) -> RuleSet {
        var problems = self.problems
        let ids = Set(rules.rules.map(\.id))
        for mention in ruleMentions where !ids.contains(mention.id) {
            // (An id in lower case, or in full-width letters, is letters away from the rule's, past what a typo is.)
            let same = Self.sameIgnoringCaseAndWidth(mention.id, in: ids)
            let suggestion = same.map { "; did you mean '\($0)'?" } ?? Suggestion.phrase(for: mention.id, in: ids)
            let chineseSuggestion = same.map { "；是否应为 \($0)？" } ?? Suggestion.chinesePhrase(for: mention.id, in: ids)
            problems.append(InputError(
                file: file ?? "", position: mention.position, message: "no rule has the id '\(mention.id)'\(suggestion)",
                chineseMessage: "没有编号为 \(mention.id) 的规则\(chineseSuggestion)"))
        }
        let recordPack = Set(rules.rules.filter(\.isRecordPack).map(\.id))
        for mention in disableMentions where recordPack.contains(mention.id) {
            problems.append(InputError(
                file: file ?? "", position: mention.position,
                message: "\(mention.id) belongs to the record pack, which checks that a record can be read and agrees with the registry; it cannot be disabled",
                chineseMessage: "\(mention.id) 属于 record 规则包（记录格式规则包），该规则包检查记录能否读取、是否与人员名册一致；不能停用"))
        }
        for mention in waiverMentions where recordPack.contains(mention.id) {
            problems.append(InputError(
                file: file ?? "", position: mention.position,
                message: "\(mention.id) belongs to the record pack, which checks that a record can be read and agrees with the registry; it cannot be waived (correct the record instead)",
                chineseMessage: "\(mention.id) 属于 record 规则包（记录格式规则包），该规则包检查记录能否读取、是否与人员名册一致；不能豁免（请改正记录）"))
        }
        // A record-pack rule may be made stricter, never milder: the unknown-value rule made an
        // info let a record whose meaning is unknown, and so was checked by no other rule, pass the run.
        for mention in severityMentions where recordPack.contains(mention.id) {
            guard let rule = rules.rules.first(where: { $0.id == mention.id }), let severity = severities[mention.id], severity < rule.severity else { continue }
            problems.append(InputError(
                file: file ?? "", position: mention.position,
                message: "\(mention.id) belongs to the record pack, which checks that a record can be read and agrees with the registry; its severity can be raised, not lowered below \(rule.severity.rawValue)",
                chineseMessage: "\(mention.id) 属于 record 规则包（记录格式规则包），该规则包检查记录能否读取、是否与人员名册一致；其级别只能提高，不能低于 \(rule.severity.rawValue)"))
        }
        for mention in parameterMentions {
            guard let rule = rules.rules.first(where: { $0.id == mention.rule }) else { continue }
            let names = rule.parameters.map(\.name)
            guard let parameter = rule.parameters.first(where: { $0.name == mention.name }) else {
                let known = names.isEmpty ? "it has no parameters" : "its parameters are \(names.joined(separator: ", "))"
                let chineseKnown = names.isEmpty ? "该规则没有任何参数" : "其参数为 \(names.joined(separator: "、"))"
                problems.append(InputError(
                    file: file ?? "", position: mention.position,
                    message: "\(mention.rule) has no parameter '\(mention.name)'\(Suggestion.phrase(for: mention.name, in: names)); \(known)",
                    chineseMessage: "\(mention.rule) 没有参数 \(mention.name)\(Suggestion.chinesePhrase(for: mention.name, in: names))（\(chineseKnown)）"))
                continue
            }
            if !parameter.configurable {
                // The law's versions set it: a configuration would change how the law counts.
                problems.append(InputError(
                    file: file ?? "", position: mention.position,
                    message: "\(mention.rule)'s parameter '\(mention.name)' follows the version of the law in force on the day of the act and cannot be configured (\(parameter.description ?? mention.name))",
                    chineseMessage: "\(mention.rule) 的参数 \(mention.name) 取决于行为当日施行的法律版本，不能在配置文件中设置（\(parameter.description ?? mention.name)）"))
            } else if let expected = Self.shapeMismatch(mention.value, parameter) {
                problems.append(InputError(
                    file: file ?? "", position: mention.position,
                    message: "\(mention.rule)'s parameter '\(mention.name)' takes \(expected.en), like its default",
                    chineseMessage: "\(mention.rule) 的参数 \(mention.name) 应为\(expected.zh)，与其默认值一致"))
            } else if let forbidden = parameter.forbidden(in: mention.value) {
                // The law rules the value out: a failed review "passing" sent it to the meeting READY.
                problems.append(InputError(
                    file: file ?? "", position: mention.position,
                    message: "\(mention.rule)'s parameter '\(mention.name)' \(parameter.refusal(of: forbidden)): the law rules it out (\(parameter.description ?? mention.name))",
                    chineseMessage: "\(mention.rule) 的参数 \(mention.name) \(parameter.chineseRefusal(of: forbidden))：法律不允许此值（\(parameter.description ?? mention.name)）"))
            } else if let section = parameter.codeSection {
                problems += codeProblems(mention, section: section, vocabulary: rules.vocabulary)
            }
        }
        if !problems.isEmpty { throw RuleLoadError(diagnostics: problems.sorted()) }
        var result = rules
        result.rules = []
        for rule in rules.rules where !disabled.contains(rule.id) {
            var changed = rule
            if let severity = severities[rule.id] { changed.severity = severity }
            result.rules.append(changed)
        }
        return result
    }

    /// The id among `ids` that `written` is but for letter case and full-width letters.
    static func sameIgnoringCaseAndWidth(_ written: String, in ids: Set<String>) -> String? {
        func folded(_ text: String) -> String {
            String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
                (0xFF01...0xFF5E).contains(scalar.value) ? Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar : scalar
            })).uppercased()
        }
        let wanted = folded(written)
        return ids.sorted().first { folded($0) == wanted }
    }

    /// A parameter the rule compares with a code field takes codes: a value that is none (a typo,
    /// or a name where records' values are read as codes) would never match, and the rule would
    /// pass or fail records for it without a word.
    private func codeProblems(_ mention: ParameterMention, section: String, vocabulary: Vocabulary) -> [InputError] {
        let values: [Literal] = switch mention.value {
        case .single(let literal): [literal]
        case .list(let items): items
        }
        let codes = vocabulary.codes(in: section)
        return values.enumerated().compactMap { index, value -> InputError? in
            guard case .text(let text) = value, !codes.contains(text) else { return nil }
            let advice = vocabulary.code(for: text, in: section).map { "; records' values are read as codes: write '\($0)'" }
                ?? vocabulary.suggestionPhrase(for: text, in: section)
            let chineseAdvice = vocabulary.code(for: text, in: section).map { "；记录中的值按代码读取：请写成 \($0)" }
                ?? vocabulary.chineseSuggestionPhrase(for: text, in: section)
            let position = index < mention.itemPositions.count ? mention.itemPositions[index] : mention.position
            return InputError(
                file: file ?? "", position: position,
                message: "\(mention.rule)'s parameter '\(mention.name)' takes codes of \(section), and '\(text)' is none\(advice)",
                chineseMessage: "\(mention.rule) 的参数 \(mention.name) 应为词汇表 \(section) 中的代码，而“\(text)”不是其中的代码\(chineseAdvice)")
        }
    }

    /// What a parameter's value should have been, when it is not of the default's kind: a list
    /// for a list, a number for a number, a text for a text.
    /// (In English and in Chinese.)
    static func shapeMismatch(_ value: ParameterValue, _ parameter: Parameter) -> (en: String, zh: String)? {
        func kind(_ literal: Literal) -> (en: String, zh: String) {
            switch literal {
            case .number: (en: "a number", zh: "数字")
            case .text: (en: "a text", zh: "文本")
            case .bool: (en: "true or false", zh: "布尔值（true 或 false）")
            case .null: (en: "a value", zh: "单个值")
            }
        }
        switch (value, parameter.defaultList) {
        case (.single, .some): return (en: "a list", zh: "列表")
        case (.list, .none): return kind(parameter.defaultValue)
        case (.list(let items), .some(let defaults)):
            // An empty list matches nothing: a rule asking `in` it never fired, and the run said only
            // "parameters changed" (turning a rule off is what `disable` is for, and says so).
            // (So does a list of blank texts, `[""]`, shown as `towns = []` in the set-up line.)
            let blank = items.allSatisfy { item in if case .text(let text) = item { Vocabulary.isBlank(text) } else { false } }
            if blank, !defaults.isEmpty, !parameter.mayBeEmpty {
                return (en: "at least one value that is not blank (the list given is empty or blank, and the rule would match nothing; to turn the rule off, disable it; a list the rule lets be empty says 'may_be_empty: true' in its parameter)",
                        zh: "至少一个非空的值（所给列表为空或只含空白值，规则将什么也匹配不到；要停用规则，请写在 disable 下；名单本来就允许为空的，须在规则的参数中写明 may_be_empty: true）")
            }
            guard let expected = defaults.first.map(kind), items.contains(where: { kind($0).en != expected.en }) else { return nil }
            return (en: "a list of \(expected.en == "a number" ? "numbers" : expected.en == "a text" ? "texts" : "values")",
                    zh: expected.en == "a number" ? "数字列表" : expected.en == "a text" ? "文本列表" : "值的列表")
        case (.single(let literal), .none):
            let expected = kind(parameter.defaultValue)
            guard kind(literal).en == expected.en || parameter.defaultValue == .null else { return expected }
            // A count of days or officers (`days`, `min_days`, `min_officers`, ...) whose default is
            // a whole number takes one too (`min_days: -1`, `.nan` or 1e20 were taken, and the rule
            // never held); other numbers (an amount, a ratio) are left as they are written.
            let isCount = parameter.name == "days" || parameter.name.hasSuffix("_days") || parameter.name.hasSuffix("_officers")
            if isCount, case .number(let given) = literal, case .number(let usual) = parameter.defaultValue, usual >= 0, usual == usual.rounded(),
               !(given.isFinite && given >= 0 && given == given.rounded() && given <= mostWholeParameter) {
                return (en: "a whole number from 0 to \(Int(mostWholeParameter))", zh: "0 到 \(Int(mostWholeParameter)) 之间的整数")
            }
            // (`threshold: .inf` or `.nan` is no threshold: a rule comparing with it never held.)
            if case .number(let given) = literal, !given.isFinite { return (en: "a finite number", zh: "有限的数字") }
            return nil
        }
    }

    /// The largest whole number a parameter of counts takes: the most days date arithmetic
    /// counts (100 years; 100,000 was taken here, and every record then met a rule-error blamed
    /// on the record).
    static let mostWholeParameter = Double(Evaluator.mostDays)
}
