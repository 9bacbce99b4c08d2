/// What a record may hold and what a load checks: the format's keys, the vocabulary its codes
/// come from, the keys loaded rules read, the kinds whose values are checked, and the as-of date.
///
/// Made once for a run and never changed. (A class: every record's reader holds the format, and
/// a struct of six counted references was copied for each record, each counted, an atomic
/// operation, and released again.)
public final class RecordFormat: Sendable {
    /// The codes and their names.
    public let vocabulary: Vocabulary
    /// The sections records write codes of, taken out of `vocabulary` once.
    public let codes: CodeSections
    /// The words of keys that ask yes or no of a step's status, a review's outcome or a signoff.
    public let yesNoWords: YesNoWords
    /// The words of a review that did not pass a document's type may hold (`审查意见书（不予通过）`,
    /// `退回函`, `rejection letter`): the Chinese names, of two characters or more, of the outcomes
    /// that do not pass, and a few words more.
    public let failingOutcomeWords: [String]
    /// Keys that loaded rules read where the level is not known (a list of the office's own), less
    /// the format's own keys: they are known keys anywhere (never reported as unknown).
    public let ruleKeys: Set<String>
    /// Keys that loaded rules read at a known level (`$decision.served_on` reads `served_on` of a
    /// step), and keys a vocabulary file declares at one (`step_keys: {served_on: …}`, v2.md: the
    /// keys a version-1 record used beyond the format are declared so): known at that level. A key of the format is known only where the format puts it or a
    /// rule reads it (a rule reading a step's `status` made `status: 计划` written one level too
    /// deep, in a signoff, a known key, and the planned review was read as done).
    public let ruleKeysByLevel: [Level: Set<String>]
    /// The facts loaded rules read, by the kinds of record they apply to; nil when not known
    /// (every fact may matter to every record).
    public let factReads: FactReads?
    /// The names the vocabulary gives the key `kind` (`记录类型`, `事项类型`), asked of each key of a
    /// record of a kind no rule checks (its keys are otherwise not looked at).
    public let kindKeyNames: Set<String>
    /// The most bytes a kind's code or name has, with room for marks around it: a longer value (a
    /// title) is no kind, and is not looked up.
    public let kindValueBytes: Int
    /// The kinds whose codes, booleans and keys are checked (those some rule outside the record
    /// pack applies to); nil checks every kind.
    public let checkedKinds: Set<String>?
    /// The checked kinds as a list: a run checks a handful, and comparing a kind with them,
    /// length first, costs less than hashing it for every record.
    private let checkedKindList: ShortTextList?
    /// Done steps dated after this day are a problem.
    public let asOf: Day
    /// The day of the run, when it is before the as-of date (the meeting gate, the day before the
    /// meeting): a done step other than the collective discussion must not be dated after it
    /// either. (A review "done" on the meeting day, filled in the day before, went to the meeting
    /// READY; the meeting's own discussion is what the gate asks about, dated ahead by nature.)
    public let today: Day?

    /// Creates a format.
    /// - Parameter today: the day of the run, when a done step must not be dated after it
    ///   although the as-of date is later (the meeting gate).
    /// - Parameter factReads: the facts the loaded rules read, by kind of record.
    public init(
        vocabulary: Vocabulary, ruleReads: Set<FieldRead> = [], factReads: FactReads? = nil, checkedKinds: Set<String>? = nil, asOf: Day, today: Day? = nil
    ) {
        self.vocabulary = vocabulary
        codes = CodeSections(vocabulary)
        yesNoWords = YesNoWords(vocabulary)
        var failing: Set<String> = ["不予通过", "不予同意", "否定", "退回", "驳回", "否决", "不同意", "暂缓", "rejection", "returned", "failed"]
        for code in vocabulary.codes(in: Section.outcomes) where !Self.passingOutcomes.contains(code) {
            guard let names = vocabulary.names(of: code, in: Section.outcomes) else { continue }
            for name in [names.zh] + vocabulary.otherNames(of: code, in: Section.outcomes) where name.count >= 2 && HintReading.isChinese(name) {
                failing.insert(name)
            }
        }
        failingOutcomeWords = failing.sorted()
        ruleKeys = Set(ruleReads.filter { $0.level == nil }.map(\.key)).subtracting(Self.formatKeys)
        var byLevel: [Level: Set<String>] = [:]
        for read in ruleReads { if let level = read.level { byLevel[level, default: []].insert(read.key) } }
        for (section, level) in Section.declaredKeys {
            for key in vocabulary.codes(in: section) { byLevel[level, default: []].insert(key) }
        }
        ruleKeysByLevel = byLevel
        self.factReads = factReads
        let kindNames = vocabulary.names(of: "kind", in: Section.keyNames)
        kindKeyNames = Set([kindNames?.zh, kindNames?.en].compactMap { $0 } + vocabulary.otherNames(of: "kind", in: Section.keyNames)).subtracting(["kind"])
        let kinds = vocabulary.section(Section.kinds)
        kindValueBytes = (Array(vocabulary.codes(in: Section.kinds)) + kinds.names).map(\.utf8.count).max().map { $0 + 24 } ?? 0
        self.checkedKinds = checkedKinds
        checkedKindList = checkedKinds.map { ShortTextList(Array($0)) }
        self.asOf = asOf
        self.today = today.flatMap { $0 < asOf ? $0 : nil }

    }

    /// Where keys stand in a record.
    public enum Level: Sendable, Hashable {
        case record, step, meeting, signoff, document
        /// The keys under `facts`: free (the format defines none), but one a rule reads is known.
        case facts
    }

    /// The facts rules read, by the kinds of record the rules apply to. A fact read by no rule of
    /// a record's kind changes nothing there: `重大: 是` in a major administrative decision is
    /// not the penalty case's fact `major`, and holding the decision back for it misled.
    public struct FactReads: Sendable, Equatable {
        /// Facts read by rules of given kinds, by kind.
        public private(set) var byKind: [String: Set<String>] = [:]
        /// Facts read by rules (or definitions) of every kind.
        public private(set) var byEveryKind: Set<String> = []

        public init() {}

        /// Notes `facts` as read by a rule of `kinds` (nil: of every kind).
        public mutating func add<Facts: Sequence<String>>(_ facts: Facts, kinds: [String]?) {
            guard let kinds else { return byEveryKind.formUnion(facts) }
            for kind in kinds { byKind[kind, default: []].formUnion(facts) }
        }

        /// The facts rules of a record of `kind` read (of any kind, when it is not known).
        public func facts(forKind kind: String?) -> Set<String> {
            guard let kind else { return byKind.values.reduce(byEveryKind) { $0.union($1) } }
            return byEveryKind.union(byKind[kind] ?? [])
        }

        /// Whether a rule of a record of `kind` reads `fact` (any rule, when the kind is not known).
        public func isRead(_ fact: String, forKind kind: String?) -> Bool {
            if byEveryKind.contains(fact) { return true }
            guard let kind else { return byKind.values.contains { $0.contains(fact) } }
            return byKind[kind]?.contains(fact) == true
        }
    }

    /// Whether `fact` matters to a record of `kind`: a loaded rule for records of that kind reads
    /// it (always, when the facts rules read are not known).
    public func factMatters(_ fact: String, toKind kind: String?) -> Bool {
        factReads?.isRead(fact, forKind: kind) ?? true
    }

    /// A key a rule reads, and the level it reads it at (nil where that is not known).
    public struct FieldRead: Sendable, Hashable {
        public let level: Level?
        public let key: String

        public init(level: Level?, key: String) {
            self.level = level
            self.key = key
        }
    }

    /// Whether a loaded rule reads a key at a level (or where the level is not known).
    public func isReadByRule(_ key: String, at level: Level) -> Bool {
        ruleKeys.contains(key) || ruleKeysByLevel[level]?.contains(key) == true
    }

    /// Whether records of a kind have their codes, booleans and keys checked.
    public func checks(kind: String) -> Bool {
        guard let checkedKinds, let checkedKindList else { return true }
        if checkedKindList.containsSameLength(kind) { return true }
        // A text of other bytes can still equal a kind as strings do (canonically): asked by hash.
        return !kind.isAllASCII && checkedKinds.contains(kind)
    }

    /// The keys of the record format (decision-record.md), by where they stand.
    public static let recordKeys = ["id", "kind", "title", "organ", "department", "facts", "steps"]
    /// The keys of a step.
    public static let stepKeys = [
        "type", "date", "start", "end", "status", "outcome", "form", "submitted", "by", "officers",
        "credentials_shown", "signoffs", "meeting", "attendees", "documents", "channel",
    ]
    /// The keys of a collective discussion's `meeting`.
    public static let meetingKeys = ["type", "ref", "minutes", "dissent_recorded"]
    /// The step fields of the format that are booleans (`true` or `false`; `no`, `是` are no booleans).
    public static let booleanStepFields: [[String]] = [["credentials_shown"], ["meeting", "minutes"], ["meeting", "dissent_recorded"]]
    /// The well-known facts of the format that are no booleans (decision-record.md): a rule
    /// reading a fact one typo from one of these, or from a boolean fact, never fires.
    public static let numberFacts = ["fine_amount"]
    /// The keys of a signoff.
    public static let signoffKeys = ["person", "role", "date"]
    /// The keys of an entry of a step's `documents`.
    public static let documentKeys = ["type", "ref"]
    /// The keys only a step has (not `type`, `date` or `ref`, which a document may hold too).
    static let stepOnlyKeys = Set(stepKeys).subtracting(["type", "date", "ref"])
    /// Every key of the format, wherever it stands.
    static let formatKeys = Set(recordKeys + stepKeys + meetingKeys + signoffKeys + documentKeys)

    /// The levels of the format whose keys include `key`, named (none for a key of no level).
    static func levels(holding key: String) -> [LocalizedText] {
        guard formatKeys.contains(key) else { return [] }
        let levels: [(LocalizedText, [String])] = [
            (LocalizedText(zh: "记录", en: "the record"), recordKeys), (LocalizedText(zh: "步骤", en: "a step"), stepKeys),
            (LocalizedText(zh: "会议（meeting）", en: "a meeting"), meetingKeys), (LocalizedText(zh: "签署（signoffs）", en: "a signoff"), signoffKeys),
            (LocalizedText(zh: "文件（documents）", en: "a document"), documentKeys),
        ]
        return levels.filter { $0.1.contains(key) }.map(\.0)
    }
    /// The same keys, searched length first (see `ShortTextList`).
    static let knownRecordKeys = ShortTextList(recordKeys)
    static let knownMeetingKeys = ShortTextList(meetingKeys)
    static let knownSignoffKeys = ShortTextList(signoffKeys)
    /// The longest id, in characters. Every finding of a record names it, so an id of a megabyte
    /// with 3,000 findings made a JSON report of 3 GB; an id is a number such as a document's.
    public static let maxIDLength = 200

    /// The step fields that hold dates.
    public static let stepDateKeys = ["date", "start", "end", "submitted"]

    /// The vocabulary sections the loader reads codes from, each taken out once.
    public struct CodeSections: Sendable {
        public let kinds, stepTypes, statuses, outcomes, forms, meetingTypes, roles, booleanFacts: Vocabulary.Section
        /// The sections a registry's values are named in: roles (a signoff's and the registry's
        /// own), certificate and qualification types.
        public let registryRoles, certificateTypes, qualificationTypes: Vocabulary.Section
        /// The words that stand for no one where a person's id belongs.
        public let noOne: NoOneWords

        init(_ vocabulary: Vocabulary) {
            registryRoles = vocabulary.section(Section.registryRoles)
            certificateTypes = vocabulary.section(Section.certificateTypes)
            qualificationTypes = vocabulary.section(Section.qualificationTypes)
            kinds = vocabulary.section(Section.kinds)
            stepTypes = vocabulary.section(Section.stepTypes)
            statuses = vocabulary.section(Section.statuses)
            outcomes = vocabulary.section(Section.outcomes)
            forms = vocabulary.section(Section.forms)
            meetingTypes = vocabulary.section(Section.meetingTypes)
            roles = vocabulary.section(Section.roles)
            booleanFacts = vocabulary.section(Section.booleanFacts)
            noOne = NoOneWords(vocabulary)
        }
    }

    /// Vocabulary sections the loader reads codes from.
    public enum Section {
        public static let kinds = "kinds"
        public static let stepTypes = "step_types"
        public static let statuses = "statuses"
        public static let outcomes = "outcomes"
        public static let forms = "forms"
        public static let meetingTypes = "meeting_types"
        public static let roles = "roles"
        public static let booleanFacts = "boolean_facts"
        /// Roles a registry gives people beside the signoff roles (`enforcement_officer`).
        public static let registryRoles = "registry_roles"
        /// Other names of the format's keys (`日期` for `date`): for "did you mean" only.
        public static let keyNames = "key_names"
        /// Words of keys that ask yes or no of what the format says another way (`YesNoKey`):
        /// codes `signed`, `passed`, `done` and `certified`, each with the words that ask it, and `about` and
        /// `adviser`, the words naming the review and the adviser.
        public static let yesNoWords = "yes_no_words"
        /// Words that stand for no one where a person's id belongs (`NoOneWords`).
        public static let noOneWords = "no_one_words"
        /// Types of certificates and qualifications a registry writes, by code or name.
        public static let certificateTypes = "certificate_types"
        public static let qualificationTypes = "qualification_types"
        /// Sections that declare keys of a record, a step, a meeting or a signoff beyond the
        /// format's: known keys there, never reported as unknown.
        public static let declaredKeys: [(section: String, level: Level)] = [
            ("record_keys", .record), ("step_keys", .step), ("meeting_keys", .meeting), ("signoff_keys", .signoff),
        ]
        /// Names of rule packs, for reports.
        public static let packs = "packs"
        /// Short names of kinds, for narrow table columns.
        public static let shortKinds = "short_kinds"
        /// The sections whose names records may write for a code (the others only name codes in reports).
        public static let readFromRecords: Set<String> = [kinds, stepTypes, statuses, outcomes, forms, meetingTypes, roles]
        /// The sections whose names are read as their codes: records' and a registry's (whose
        /// roles, certificate and qualification types may be named), where a name two codes
        /// shared would be read as the first of them.
        public static let readAsCodes = readFromRecords.union([registryRoles, certificateTypes, qualificationTypes])
        /// Every section legality itself reads (the built-in vocabulary's, `period_units` among
        /// them): a user's section of another name is one of their own, for `label`.
        public static let known: Set<String> = readAsCodes.union(
            [booleanFacts, keyNames, yesNoWords, noOneWords, packs, shortKinds, "period_units"] + declaredKeys.map(\.section))
    }

    /// The format's keys at a level.
    public static func keys(at level: Level) -> [String] {
        switch level {
        case .record: recordKeys
        case .step: stepKeys
        case .meeting: meetingKeys
        case .signoff: signoffKeys
        case .document: documentKeys
        case .facts: []
        }
    }

    /// Whether a key is the format's at some level other than `level` and not at `level`
    /// (`attendees`, a step's, read from a meeting): read there, it is in no record.
    public static func isKeyOfAnotherLevel(_ key: String, than level: Level) -> Bool {
        formatKeys.contains(key) && !keys(at: level).contains(key)
    }

    /// The levels whose keys include `key`, in English (`a step`), for messages of rule files.
    public static func levelNames(holding key: String) -> String {
        levels(holding: key).map(\.en).joined(separator: " or ")
    }

    /// `levelNames(holding:)` in Chinese (`步骤或会议`).
    public static func chineseLevelNames(holding key: String) -> String {
        levels(holding: key).map(\.zh).joined(separator: "或")
    }

    /// What a level is, in Chinese (`会议`).
    public static func chineseName(of level: Level) -> String {
        switch level {
        case .record: "记录"
        case .step: "步骤"
        case .meeting: "会议（meeting）"
        case .signoff: "签署（signoffs）"
        case .document: "文件（documents）"
        case .facts: "事实（facts）"
        }
    }

    /// What a level is, in English (`a meeting`), and the vocabulary section that declares keys there.
    public static func describe(_ level: Level) -> (name: String, section: String?) {
        let name = switch level {
        case .record: "the record"
        case .step: "a step"
        case .meeting: "a meeting"
        case .signoff: "a signoff"
        case .document: "a document"
        case .facts: "the facts"
        }
        return (name, Section.declaredKeys.first { $0.level == level }?.section)
    }

    /// A key that is never reported: a user's own extension (`x_...`, `x-...`).
    public static func isExtension(_ key: String) -> Bool { key.hasPrefix("x_") || key.hasPrefix("x-") }

    /// Whether a text written where a person's id belongs stands for no one: blank, or one of the
    /// vocabulary's `no_one_words` (`无`, `待定`, `-`, `N/A`; see `NoOneWords`).
    public func standsForNoOne(_ text: String) -> Bool {
        codes.noOne.holds(text)
    }

    /// The format's keys whose values the rules of a procedure decide by: a type, a status, an
    /// outcome, a form, a date, the people, roles and meeting, the facts. A key that looks meant
    /// as one of them and was not read leaves the record in doubt, and the gate holds it back
    /// (`staus: planned` made an unreviewed decision READY); one meant as `department`, `organ`,
    /// `title`, `ref` or `channel` decides nothing, and is only reported.
    public static let decisiveKeys: Set<String> = [
        "kind", "steps", "facts", "type", "status", "outcome", "form", "date", "start", "end", "submitted",
        "by", "officers", "attendees", "signoffs", "person", "role", "meeting", "minutes", "dissent_recorded", "credentials_shown",
    ]

    /// The code a step's field has when it is not written: a step is done, a review formal.
    public static let defaultCodes: [String: String] = ["status": "done", "form": "formal_review"]

    /// The outcomes of a review that let its matter go on: passed, or passed with required changes.
    public static let passingOutcomes: Set<String> = ["passed", "conditional"]

    /// Whether a value says no, as YAML or a clerk writes it (`false`, `0`, `否`, `无`, `no`, `×`):
    /// a fact so written that was not read is read as not given, which is the same.
    public static func saysNo(_ text: String) -> Bool {
        noWords.contains(HintReading.plain(Vocabulary.trimmed(text)))
    }

    private static let noWords: Set<String> = ["否", "无", "没有", "不", "错", "假", "no", "n", "false", "0", "×", "✗"]
}
