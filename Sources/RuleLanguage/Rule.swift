public import DecisionRecords
public import YAMLTree

/// How serious a finding is.
public enum Severity: String, Sendable, CaseIterable, Comparable {
    case info, warning, error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// The law a rule rests on: an instrument and an article.
public struct Basis: Sendable, Hashable {
    /// The instrument, such as 《重大行政决策程序暂行条例》.
    public var instrument: String
    /// The article, such as 第二十五条; may be empty.
    public var article: String
    /// An English rendering of the citation, if the rule gives one.
    public var english: String?

    /// Creates a basis.
    public init(instrument: String, article: String, english: String? = nil) {
        self.instrument = instrument
        self.article = article
        self.english = english
    }

    /// The citation in a language.
    public func text(_ language: Language) -> String {
        if language == .en, let english { return english }
        // The brackets are compared as UTF-8 bytes (they join no character before or after them),
        // which costs a tenth of comparing characters, for every finding reported.
        if article.isEmpty || Self.ends(instrument, with: "》") || Self.ends(instrument, with: "）") || article.utf8.starts(with: "（".utf8) {
            return instrument + article
        }
        return instrument + " " + article
    }

    private static func ends(_ text: String, with suffix: String) -> Bool {
        let (bytes, ending) = (text.utf8, suffix.utf8)
        return bytes.count >= ending.count && bytes.suffix(ending.count).elementsEqual(ending)
    }
}

/// A named number or list that configuration may change.
public struct Parameter: Sendable {
    /// The parameter's name.
    public var name: String
    /// Its default value.
    public var defaultValue: Literal
    /// Its default when it is a list.
    public var defaultList: [Literal]?
    /// What it means, for `rules show`.
    public var description: String?
    /// Where the default is written.
    public var position: SourcePosition = .start
    /// The vocabulary section whose codes the parameter's values are, when the rule compares it
    /// with a code field (`in: [$review.outcome, $param.passing_outcomes]`): a value that is no
    /// code would never match, so a configuration's values are checked against the section.
    public var codeSection: String?
    /// Values the law rules out (`never: [failed]`: a failed review is never one that passed): a
    /// configuration or a version giving one is refused, since it would turn the rule off where
    /// the law forbids (the gate applied a configuration's `passing_outcomes` with `failed`, and a
    /// failed review went to the meeting READY).
    public var never: [Literal] = []
    /// The least number the law allows (`never_below: 2`: "不得少于两人"); a configuration or a
    /// version giving less is refused (`min_officers: 0` made a lone enforcement officer READY).
    public var neverBelow: Double?
    /// The most the law allows (`never_above: 7`: "七日内送达"); a configuration or a version giving
    /// more is refused (`days: 60` took the late delivery of a decision out of every report).
    public var neverAbove: Double?
    /// Whether a configuration may set it (`configurable: false`: the versions of the law set it,
    /// as the way a hearing notice's days are counted; a configuration's `unit: days` counted 2021's seven
    /// working days as calendar days).
    public var configurable = true
    /// Whether a configuration may give an empty list (`may_be_empty: true`: a list of exceptions,
    /// `exempt_departments`, that a county may have none of). Otherwise an empty list, or one of
    /// blank texts, is refused: a rule asking `in` it never fired, and the run said only
    /// "parameters changed".
    public var mayBeEmpty = false

    /// Why a value `forbidden(in:)` found is refused: "may never hold 'failed'", "may never be
    /// less than 7 ('5' is)" or "may never be more than 7 ('60' is)".
    public func refusal(of literal: Literal) -> String {
        func written(_ bound: Double) -> String { bound == bound.rounded() ? String(Int(bound)) : String(bound) }
        if !never.contains(literal), case .number(let number) = literal {
            if let neverBelow, !(number >= neverBelow) { return "may never be less than \(written(neverBelow)) ('\(literal.written)' is)" }
            if let neverAbove, !(number <= neverAbove) { return "may never be more than \(written(neverAbove)) ('\(literal.written)' is)" }
        }
        return "may never hold '\(literal.written)'"
    }

    /// `refusal(of:)` in Chinese: "不得取值“failed”", "不得小于 7（所给值为 5）" or "不得大于 7（所给值为 60）".
    public func chineseRefusal(of literal: Literal) -> String {
        func written(_ bound: Double) -> String { bound == bound.rounded() ? String(Int(bound)) : String(bound) }
        if !never.contains(literal), case .number(let number) = literal {
            if let neverBelow, !(number >= neverBelow) { return "不得小于 \(written(neverBelow))（所给值为 \(literal.written)）" }
            if let neverAbove, !(number <= neverAbove) { return "不得大于 \(written(neverAbove))（所给值为 \(literal.written)）" }
        }
        return "不得取值“\(literal.written)”"
    }

    /// The first of some values the parameter may never hold.
    public func forbidden(in value: ParameterValue) -> Literal? {
        let values: [Literal] = switch value {
        case .single(let literal): [literal]
        case .list(let items): items
        }
        return values.first { literal in
            if never.contains(literal) { return true }
            guard case .number(let number) = literal else { return false }
            if let neverBelow, !(number >= neverBelow) { return true }
            if let neverAbove, !(number <= neverAbove) { return true }
            return false
        }
    }
}

/// A parameter's value: one literal or a list.
public enum ParameterValue: Sendable {
    case single(Literal)
    case list([Literal])
}

/// One version of the law a rule applies: in force from a day (until a day, or until the next
/// version), with its own basis and, where they differ, its own parameter values (a deadline, or
/// how days are counted).
public struct RuleVersion: Sendable {
    /// The first day the version is in force.
    public var from: Day
    /// The last day it is in force; nil for "until the next version" (or for good).
    public var until: Day?
    /// The basis findings under this version cite.
    public var basis: Basis
    /// How to put a violation under this version right, where it differs from the rule's `help`
    /// (a notice counted in calendar days under the old text, in working days under the new).
    public var help: LocalizedText?
    /// Parameter values this version sets.
    public var parameters: [String: ParameterValue]
    /// Where the version is written.
    public var position: SourcePosition

    /// Whether the version is in force on a day.
    public func holds(on day: Day) -> Bool { from <= day && until.map { day <= $0 } ?? true }
}

/// A piece of a message template: text, or a value to quote.
public enum TemplatePart: Sendable {
    case text(String)
    case value(Expression)
}

/// A bilingual message with `{reference}` placeholders.
public struct MessageTemplate: Sendable {
    /// The Chinese template.
    public var zh: [TemplatePart]
    /// The English template.
    public var en: [TemplatePart]
}

/// One bound value of a rule: a `let` or a `for_each` variable.
public struct Binding: Sendable {
    /// The name as written.
    public var name: String
    /// The slot that holds it.
    public var slot: Int
    /// Its expression.
    public var expression: Expression
    /// For a `let`: whether it reads a `for_each` variable, so it is evaluated again for each item.
    public var dependsOnLoop: Bool
}

/// What a record-scope rule checks.
public struct Check: Sendable {
    /// `let` bindings, evaluated on first use.
    public var lets: [Binding]
    /// `for_each` variables, nested in order: one finding per combination that violates.
    public var loops: [Binding]
    /// Applicability: the rule says nothing when this is false.
    public var when: Expression?
    /// The violation: a finding is made when this is true.
    public var violation: Expression
    /// Where the finding points; default: the innermost loop variable, else the record.
    public var location: Expression?
    /// The step the finding is about, whose date decides whether it is pending (and, unless
    /// `inForceOn` says otherwise, the version of the law); default: the step it points at.
    public var about: Expression?
    /// The act whose day picks the version of the law, when it is not the act the finding is
    /// about: the MAD rules judge a decision by the law in force at the first discussion, but a
    /// decision already made is no work still ahead because a discussion is planned.
    public var inForceOn: Expression? = nil
    /// Values the finding shows as its evidence, with their labels.
    public var evidence: [(key: String, label: LocalizedText, value: Expression)]
    /// How many slots an evaluation needs.
    public var slotCount: Int
}

extension Check {
    /// A check that finds nothing: the place of a check for a rule that checks no record.
    public static let never = Check(lets: [], loops: [], when: nil, violation: .literal(.bool(false)), location: nil, about: nil, evidence: [], slotCount: 0)
}

/// What a rule does.
public enum RuleBody: Sendable {
    /// One finding per load problem of these codes (the `record` pack's input checks).
    case loadProblems([RecordProblem.Code])
    /// A condition checked on each record.
    case record(Check)
    /// A condition checked once per run, not on a record.
    case run(Check)
}

/// A warning about a rule that loads (read by `rules lint`): where, and what.
public struct RuleAdvice: Sendable {
    /// Where in the rule file the warning is about.
    public let position: SourcePosition
    /// What is wrong, in English, as `rules lint` prints it.
    public let text: String
    /// The same in Chinese.
    public let chineseText: String
}

/// A checked, compiled rule.
public struct Rule: Sendable {
    /// The rule id, such as `TOWN-001`.
    public var id: String
    /// The pack, such as `mad`: the `pack` key, or the name of the folder the file is in.
    public var pack: String
    /// The default severity.
    public var severity: Severity
    /// A short title.
    public var title: LocalizedText
    /// What the rule demands, in plain words.
    public var description: LocalizedText?
    /// How to put a violation right.
    public var help: LocalizedText?
    /// The finding's message.
    public var message: MessageTemplate
    /// The legal basis.
    public var basis: Basis
    /// Free tags for filtering.
    public var tags: [String]
    /// Whether the rule is a prerequisite of collective discussion (read by the meeting gate).
    public var prerequisite: Bool
    /// Whether the rule states a prohibition the law allows no exception to (未经合法性审查或者
    /// 经审查不合法的，不得提交讨论): no waiver makes a gate's item of its finding READY, as no
    /// configuration's `disable` does. (`check` and the audit still show the finding waived.)
    public var absolute = false
    /// The record kinds the rule applies to; nil means every kind.
    public var kinds: [String]?
    /// Named parameters with defaults.
    public var parameters: [Parameter]
    /// What the rule checks.
    public var body: RuleBody
    /// Whether the rule reads the registry of people (so it is skipped when there is none).
    public var needsRegistry: Bool
    /// The versions of the law, in order of their days; empty when the rule has one basis for
    /// every day. A finding applies the version in force on the day of the act it is about
    /// (`about`, or `in_force_on` where that is given), and a rule says nothing about acts
    /// before its first version.
    public var versions: [RuleVersion] = []
    /// Which act's day picks the version, in words (`in_force_on_label`), as `rules show` says it;
    /// nil for the act the finding is about.
    public var inForceOnLabel: LocalizedText?
    /// Records that must and must not trigger the rule.
    public var examples: [RuleExample]
    /// What `rules lint` warns of in the rule beyond what stops it loading.
    public var advice: [RuleAdvice] = []
    /// The rule file.
    public var file: String
    /// Where the rule starts in its file.
    public var position: SourcePosition
}

extension Check {
    /// Every expression of the check, for tools that inspect rules.
    public var expressions: [Expression] {
        lets.map(\.expression) + loops.map(\.expression) + [when, violation, location, about, inForceOn].compactMap { $0 } + evidence.map(\.value)
    }
}

/// A shared named expression, evaluated at most once per record.
public struct Definition: Sendable {
    /// The name rules refer to as `$name`.
    public var name: String
    /// The expression.
    public var expression: Expression
    /// How many slots (for `$it`) its evaluation needs.
    public var slotCount: Int
    /// Where it is defined.
    public var file: String
    /// The position of its name.
    public var position: SourcePosition
}

/// All rules and definitions of a run.
public struct RuleSet: Sendable {
    /// The rules, sorted by id.
    public var rules: [Rule]
    /// Shared definitions, in load order.
    public var definitions: [Definition]
    /// How many `seen_before` expressions the rules hold.
    public var seenCounterCount: Int
    /// The codes records use and their names, from `vocabulary` files (the built-in one and the user's).
    public var vocabulary = Vocabulary()
    /// Every field a rule reads from a record (in a reference or a step selection), with the
    /// level it reads it at, so loading can tell a key of a rule's own from a typo or a key
    /// written at the wrong level.
    public var readFields: Set<RecordFormat.FieldRead> = []
    /// The facts rules read, by the kinds of record they apply to.
    public var factReads = RecordFormat.FactReads()
    /// The wording of the annual report's legality-review section (`annual_report` documents).
    public var annualReport = AnnualReportWording()

    /// Names of step types for reports.
    public var stepTypeNames: [String: LocalizedText] { vocabulary.sections[RecordFormat.Section.stepTypes] ?? [:] }
    /// Names of record kinds for reports.
    public var kindNames: [String: LocalizedText] { vocabulary.sections[RecordFormat.Section.kinds] ?? [:] }
    /// Short names of record kinds, for narrow table columns.
    public var shortKindNames: [String: LocalizedText] { vocabulary.sections[RecordFormat.Section.shortKinds] ?? [:] }
    /// Names of rule packs for reports.
    public var packNames: [String: LocalizedText] { vocabulary.sections[RecordFormat.Section.packs] ?? [:] }

    /// The name of a code in any section of the vocabulary.
    public func name(of code: String) -> LocalizedText? {
        vocabulary.name(of: code, preferring: RuleSet.labelOrder)
    }

    /// The sections `name(of:)` searches first, in order.
    public static let labelOrder = ["outcomes", "meeting_types", "roles", "step_types", "kinds", "statuses", "forms"]

    /// The rule set with `rule` in place of the rule of its id.
    public func replacing(_ rule: Rule) -> RuleSet {
        var copy = self
        if let place = copy.rules.firstIndex(where: { $0.id == rule.id }) { copy.rules[place] = rule }
        return copy
    }

    /// The kinds some rule outside the record pack applies to; nil when one applies to every kind.
    public var checkedKinds: Set<String>? {
        var kinds: Set<String> = []
        for rule in rules where !rule.isRecordPack {
            guard let ruleKinds = rule.kinds else { return nil }
            kinds.formUnion(ruleKinds)
        }
        return kinds
    }
}

extension Rule {
    /// The pack of input checks that every record passes through (the pack `record`): it runs on
    /// records the other packs skip, and can be neither disabled nor waived.
    public static let recordPack = "record"

    /// Whether the rule belongs to the record pack.
    public var isRecordPack: Bool { pack == Rule.recordPack }
}
