public import DecisionRecords
public import RuleEngine
public import RuleLanguage

/// How well a group of checks complied: applicable, passed, failed.
public struct ComplianceRate: Sendable {
    /// The group: a rule id, a pack, a department or a month (`YYYY-MM`).
    public var key: String
    /// A label for people (a rule's title; otherwise the key).
    public var label: LocalizedText
    /// Checks (or records) to which it applied.
    public var applicable: Int
    /// Those that passed.
    public var passed: Int
    /// Error findings counted in the group (waived ones aside).
    public var errors: Int
    /// Warning findings counted in the group (waived ones aside).
    public var warnings: Int
    /// For a rule: records it would have checked but for its law not being in force on the day
    /// of their act (counted as not applicable).
    public var notInForce = 0
    /// For a rule: records whose findings of it are all pending (work still ahead), counted as
    /// neither passed nor failed.
    public var pending = 0

    /// Pending findings counted in the group (waived ones aside): work still ahead, neither errors
    /// nor warnings, counted apart as `check`'s summary counts them (v2.md 1). (The audit's
    /// headline said "0 个错误，0 个警告" of a failed review heading to a meeting.)
    public var pendingFindings = 0

    /// Info findings counted in the group (waived and pending ones aside): a rule the configuration
    /// made an info still found something, and the headline said "0 个错误，0 个警告" beside a
    /// record listed as 有警告.
    public var infos = 0

    /// Of those that failed, the ones whose failing findings are all waived: a deviation
    /// explained, not undone (a rate table without them showed "failed 1, errors 0, warnings 0").
    public var waived = 0

    /// For a rule or a pack: records of its kinds it could not check (the record pack found their
    /// meaning unknown, a rule could not finish, the registry it needs was not found), counted as
    /// applicable and failed, as the annual report counts them "无法核查". (Left out, a penalty
    /// rule read 17/17, 100 %, of 18 cases, the 18th with a filing date of 2025-02-30.)
    public var unverifiable = 0

    /// Those that failed.
    public var failed: Int { applicable - passed }
    /// The pass rate, 0...1; nil when nothing applied.
    public var rate: Double? { applicable == 0 ? nil : Double(passed) / Double(applicable) }

    /// Counts one applicable check (or record) with its findings: whether it passed (waived
    /// findings do not make it pass: a waiver explains a deviation, it does not undo it, as the
    /// annual report says), and, when it failed, whether only waived findings failed it. Waived and
    /// pending findings do not count as errors or warnings.
    mutating func count(_ findings: [Finding], passed: Bool, waivedOnly: Bool) {
        let active = findings.filter { $0.waiver == nil && !$0.pending }
        applicable += 1
        if passed { self.passed += 1 } else if waivedOnly { waived += 1 }
        errors += active.count { $0.severity == .error }
        warnings += active.count { $0.severity == .warning }
        infos += active.count { $0.severity == .info }
        pendingFindings += findings.count { $0.waiver == nil && $0.pending }
    }

    /// The infos and the pending findings after the errors and warnings ("，1 个提示，1 个待办"),
    /// empty when none.
    public func pendingNote(_ language: Language) -> String {
        let zh = language == .zh
        let infoPart = infos == 0 ? "" : zh ? "，\(infos) 个提示" : ", \(Wording.counted(infos, "info"))"
        let pendingPart = pendingFindings == 0 ? "" : zh ? "，\(pendingFindings) 个待办" : ", \(pendingFindings) pending"
        return infoPart + pendingPart
    }

    /// Counts one record in a department's, a month's or the overall rate: passed when without
    /// errors; failed by waivers alone when its status is waived.
    mutating func count(_ record: CheckedRecord) {
        let status = AuditReport.status(of: record)
        let withoutErrors = AuditReport.isWithoutErrors(record, status: status)
        count(record.findings, passed: withoutErrors, waivedOnly: !withoutErrors && status == .waived)
    }

    /// What the failed ones owe to waivers alone, said after the rate ("，另 1 条的错误已说明理由豁免（仍计为未通过）"),
    /// empty when none: a waived error fails the rate and is no error, and the headline said
    /// "无错误的 2/3；0 个错误" with nothing between.
    public func waivedNote(_ language: Language) -> String {
        guard waived > 0 else { return "" }
        return language == .zh
            ? "，另 \(waived) 条的错误已说明理由豁免（仍计为未通过）"
            : "; of the others, \(waived) with errors waived (still counted as failed)"
    }

    /// "41/42 (97.6%)".
    public var ratioText: String {
        guard let rate else { return "—" }
        let permille = Self.permille(rate)
        return "\(passed)/\(applicable) (\(permille / 10).\(permille % 10)%)"
    }

    /// A rate in tenths of a percent, rounded half up, but never to 100.0% while one failed nor
    /// to 0.0% while one passed (1,999 of 2,000 read "100.0%" beside "未通过 1").
    static func permille(_ rate: Double) -> Int {
        // (Half up by `floor(x + 0.5)`, with room for the binary fraction's error: 201/400 is
        // 502.49999999999994 tenths of a percent, and read 50.2%. A rate of fewer than 10^8
        // records is never that near a half unless it is one.)
        let rounded = Int((rate * 1000 + 0.5 + 1e-9).rounded(.down))
        if rounded >= 1000, rate < 1 { return 999 }
        if rounded <= 0, rate > 0 { return 1 }
        return rounded
    }
}

/// A record's standing in an audit.
public enum AuditStatus: String, Sendable {
    /// No finding at all.
    case compliant
    /// No finding, but no rule beyond the record format applied to it (a kind no pack checks, or
    /// acts before the law was in force): not "compliant", since nothing of substance was checked.
    case formatOnly
    /// Warnings or infos only.
    case warnings
    /// Findings that are all work still ahead (planned steps after the as-of date): not yet a
    /// failure, not compliant either.
    case pending
    /// An error excused by a waiver, and no other error: a deviation explained, not undone (it
    /// counts as failed in the rates, as the annual report says); or findings that are all waived
    /// warnings (without errors).
    case waived
    /// At least one error.
    case noncompliant
    /// The file could not be read as a record.
    case unreadable
    /// A record whose meaning is unknown (a value outside the vocabulary, a done step in the
    /// future, a missing or mistyped key), or one a rule could not be finished on, or whose rules
    /// needing a registry did not run (none beside it): it can be neither passed nor failed, and
    /// counts as failed.
    case unverifiable

    /// The status in a language.
    public func text(_ language: Language) -> String {
        switch (self, language) {
        case (.compliant, .zh): "合规"
        case (.formatOnly, .zh): "无适用规则"
        case (.formatOnly, .en): "no rule applies"
        case (.warnings, .zh): "有警告"
        case (.pending, .zh): "有待办"
        case (.pending, .en): "pending"
        case (.waived, .zh): "已豁免"
        case (.waived, .en): "waived"
        case (.noncompliant, .zh): "不合规"
        case (.unreadable, .zh): "无法读取"
        case (.unverifiable, .zh): "无法核查"
        case (.unverifiable, .en): "cannot be checked"
        case (.compliant, .en): "compliant"
        case (.warnings, .en): "warnings"
        case (.noncompliant, .en): "non-compliant"
        case (.unreadable, .en): "unreadable"
        }
    }
}

/// An audit of a period: the records in it, their standing, and compliance rates.
///
/// A record is in the period when its period day (`CheckedRecord.periodDate`: its decision, else
/// its latest done step, else its first planned step) falls within `from...to`; a record with a
/// date that cannot be read and a file that could not be read have no day and are always listed,
/// so no problem escapes an audit.
public struct AuditReport: Sendable {
    /// The tool's version.
    public var version: String
    /// The first day of the period.
    public var from: Day
    /// The last day of the period.
    public var to: Day
    /// The as-of date deadlines were judged against.
    public var asOf: Day
    /// The language of labels.
    public var language: Language
    /// The records in the period, in file order.
    public var records: [CheckedRecord]
    /// Per rule: (record, rule) checks that applied and passed.
    public var rules: [ComplianceRate]
    /// Per pack: the same, summed over the pack's rules.
    public var packs: [ComplianceRate]
    /// Per department: records without errors among the department's records.
    public var departments: [ComplianceRate]
    /// Per month of the record's date: records without errors.
    public var months: [ComplianceRate]
    /// Names of record kinds, for people.
    public var kindNames: [String: LocalizedText]
    /// Names of rule packs, for people.
    public var packNames: [String: LocalizedText]
    /// Short names of kinds, for the printed records table.
    public var shortKindNames: [String: LocalizedText]
    /// How the run was set up: an audit names the rules the configuration disabled, the
    /// severities and parameters it changed, so a rate of 100 % is read with what was not checked.
    public var run: RunDescription = .plain
    /// Findings about no record: waivers expired, unused or running too long, run-level rules (no
    /// registry of people). Listed with the findings, counted in no rate (an expired waiver the office
    /// relied on went unsaid in every format of the audit, where `check` warned of it).
    public var runFindings: [Finding] = []

    /// Builds the audit of the records of a run that fall in a period.
    public init(
        version: String, from: Day, to: Day, asOf: Day, language: Language, records: [CheckedRecord], rules: [Rule],
        kindNames: [String: LocalizedText] = [:], shortKindNames: [String: LocalizedText] = [:], packNames: [String: LocalizedText] = [:]
    ) {
        self.packNames = packNames
        self.shortKindNames = shortKindNames
        self.version = version
        self.kindNames = kindNames
        self.from = from
        self.to = to
        self.asOf = asOf
        self.language = language
        // No record is dropped: one without any date (or a file that could not be read) is listed
        // in every period, in the months table as "undated".
        var inPeriod: [CheckedRecord] = []
        var outsideById: [String: [String]] = [:]
        for record in records {
            if let date = record.periodDate, !(from <= date && date <= to) {
                // (By the id as a reader tells ids apart, as the duplicate check does: `ｚｙ－００１`.)
                if record.standing == .record, let id = record.id { outsideById[ReaderFolding.folded(id), default: []].append(record.place) }
            } else {
                inPeriod.append(record)
            }
        }
        // A record whose id another record outside the period has too: the finding of the
        // duplicate (on the later of the two) was in the other period's audit, and this one's row
        // said 合规 with no word of it, where the gate holds the record back.
        if !outsideById.isEmpty {
            for index in inPeriod.indices {
                if let id = inPeriod[index].id, let places = outsideById[ReaderFolding.folded(id)] { inPeriod[index].sameIdOutsidePeriod = places }
            }
        }
        self.records = inPeriod

        // The kind an unread kind is likely meant as (`重大行政决测`, one of a kind's names a typo
        // away): its record is counted by that kind's rules alone; one like no kind (`其它`), or
        // none, by every rule that judged the period.
        let kindGuesses: [Int: String] = Self.kindGuesses(inPeriod, kindNames: kindNames)
        var ruleRates: [ComplianceRate] = []
        for rule in rules {
            var rate = ComplianceRate(key: rule.id, label: rule.title, applicable: 0, passed: 0, errors: 0, warnings: 0)
            // A record a rule could not check counts as failed, "could not be checked" (`unverifiable`).
            for record in inPeriod {
                guard !Self.couldNotBeChecked(record, by: rule) else {
                    rate.applicable += 1
                    rate.unverifiable += 1
                    continue
                }
                guard record.applicableRules.contains(rule.id) else { continue }
                let findings = record.findings.filter { $0.rule == rule.id }
                // Work still ahead is not yet a failure, nor a pass.
                if !findings.isEmpty, findings.allSatisfy(\.pending) {
                    rate.pending += 1
                    continue
                }
                let settled = findings.filter { !$0.pending }
                rate.count(findings, passed: settled.isEmpty, waivedOnly: settled.allSatisfy { $0.waiver != nil })
            }
            rate.notInForce = inPeriod.count { $0.notInForceRules.contains(rule.id) }
            guard rate.applicable > 0 || rate.notInForce > 0 || rate.pending > 0 else { continue }
            // A file that could not be read may hold records the rule applies to, none of them
            // checked: counted as not checkable by each rule that judged a record of the period (a
            // major decision with a YAML slip and no review left "no legality review" at 100 %).
            // (The record pack's own rules judged the file: an unreadable file is their finding.)
            if !rule.isRecordPack {
                // (So does a record whose kind could not be read, as the annual report counts it:
                // none, or one that is no kind's code, `kind: 重大行政决测`. Such a record was in no
                // rule's figures, and three major decisions so written, none reviewed, left "no
                // legality review" at 100 %.)
                let unread = inPeriod.indices.count { index in
                    let record = inPeriod[index]
                    let kindUnread = record.kind.map { !kindNames.isEmpty && kindNames[$0] == nil } ?? true
                    let kindUnknown = record.standing == .record && kindUnread && record.blocked && !record.rulesNotCheckable.contains(rule.id)
                    let kind = kindUnread ? kindGuesses[index] : record.kind
                    return (record.standing == .unreadableFile || record.mayHoldRecords || kindUnknown)
                        && (kind.map { kind in rule.kinds?.contains(kind) ?? true } ?? true)
                }
                rate.applicable += unread
                rate.unverifiable += unread
            }
            ruleRates.append(rate)
        }
        self.rules = ruleRates

        var packOrder: [String] = []
        var packRates: [String: ComplianceRate] = [:]
        for rule in rules {
            guard let rate = ruleRates.first(where: { $0.key == rule.id }) else { continue }
            if packRates[rule.pack] == nil {
                packOrder.append(rule.pack)
                packRates[rule.pack] = ComplianceRate(
                    key: rule.pack, label: packNames[rule.pack] ?? LocalizedText(zh: rule.pack, en: rule.pack), applicable: 0, passed: 0, errors: 0, warnings: 0)
            }
            packRates[rule.pack]?.applicable += rate.applicable
            packRates[rule.pack]?.passed += rate.passed
            packRates[rule.pack]?.waived += rate.waived
            packRates[rule.pack]?.unverifiable += rate.unverifiable
            packRates[rule.pack]?.errors += rate.errors
            packRates[rule.pack]?.warnings += rate.warnings
            // (A pack's checks not yet due or under no law in force, as its rules': they were 0.)
            packRates[rule.pack]?.pending += rate.pending
            packRates[rule.pack]?.notInForce += rate.notInForce
        }
        packs = packOrder.sorted().compactMap { packRates[$0] }

        let unknown = LocalizedText(zh: "（未注明）", en: "(not given)")
        departments = Self.group(inPeriod) { $0.department.map { LocalizedText(zh: $0, en: $0) } ?? unknown }
        var months = Self.group(inPeriod) { record in
            guard let date = record.periodDate else { return LocalizedText(zh: "未注明日期", en: "undated") }
            return Self.month(date)
        }
        // Every month of the period is shown, a month with no record as zero, in a period of up to
        // a hundred years (its months past the 200th were left out unsaid). A longer one (a year
        // mistyped, 0202) lists the months with records only: a million empty rows read no better.
        let (fromYear, fromMonth, _) = from.components
        let (toYear, toMonth, _) = to.components
        if (toYear - fromYear) * 12 + toMonth - fromMonth + 1 <= Self.mostMonthsListed {
            var day = from
            var seen = Set(months.map(\.key))
            while day <= to {
                let name = Self.month(day)
                if seen.insert(name.zh).inserted {
                    months.append(ComplianceRate(key: name.zh, label: name, applicable: 0, passed: 0, errors: 0, warnings: 0))
                }
                let (year, month, _) = day.components
                day = Day(year: month == 12 ? year + 1 : year, month: month == 12 ? 1 : month + 1, day: 1) ?? to.adding(days: 1)
            }
        }
        self.months = months.sorted { $0.key.precedesInUTF8($1.key) }
    }

    /// The most months of a period listed one by one, those with no record among them.
    static let mostMonthsListed = 1_200

    /// `YYYY-MM` of a day.
    private static func month(_ day: Day) -> LocalizedText {
        let (year, month, _) = day.components
        let key = "\(year)-\(month < 10 ? "0" : "")\(month)"
        return LocalizedText(zh: key, en: key)
    }

    /// Whether a rule could not check a record it would have checked: one of its kinds whose
    /// meaning the record pack found unknown (the rule did not run) and whose `when`, read from
    /// what could be read, does not rule it out, one a rule could not be
    /// finished on (out of its budget, values of mixed types: what it would have found is
    /// unknown), or one it needs a registry for and none was found. (The record pack's own
    /// rules ran on every record the pack blocked.)
    /// For each record of `records` (by index) whose kind is written but is no kind's code, the
    /// kind whose code or name it is a typo of (`Suggestion.closest`), where there is one.
    static func kindGuesses(_ records: [CheckedRecord], kindNames: [String: LocalizedText]) -> [Int: String] {
        guard !kindNames.isEmpty else { return [:] }
        var codeOfName: [String: String] = [:]
        for (code, names) in kindNames {
            for name in [code, names.zh, names.en] { codeOfName[name] = code }
        }
        var guesses: [Int: String] = [:]
        for (index, record) in records.enumerated() {
            guard let kind = record.kind, kindNames[kind] == nil,
                  let near = Suggestion.closest(to: kind, in: codeOfName.keys.sorted()), let code = codeOfName[near] else { continue }
            guesses[index] = code
        }
        return guesses
    }

    static func couldNotBeChecked(_ record: CheckedRecord, by rule: Rule) -> Bool {
        guard record.standing == .record else { return false }
        if record.blocked { return record.rulesNotCheckable.contains(rule.id) }
        return (record.hasEngineFinding && record.applicableRules.contains(rule.id)) || record.rulesNotRunWithoutRegistry.contains(rule.id)
            || misreadKeyLeavesInDoubt(record, by: rule)
    }

    /// Whether a key of the record that looks meant as one the rules read, and was not read (the
    /// gate holds such a record back), leaves a rule's verdict in doubt: the rule applied and
    /// found nothing (`staus: planned` in a review the rule of no legality review took as done), or, for a key that may
    /// be a well-known fact, a rule of the record's kind did not apply by its facts (`案件类型: 重大`
    /// beside `facts`, and the rule of a major case without legal review). The annual report counts such a record as not checked too; the
    /// audit had counted it as passed, at 100 %.
    static func misreadKeyLeavesInDoubt(_ record: CheckedRecord, by rule: Rule) -> Bool {
        guard record.hasMisreadKey, !rule.isRecordPack, !record.findings.contains(where: { $0.rule == rule.id }) else { return false }
        if record.applicableRules.contains(rule.id) { return true }
        guard record.hasMisreadFact, let kind = record.kind, rule.kinds?.contains(kind) ?? true,
              !record.notInForceRules.contains(rule.id) else { return false }
        return rule.applicabilityReadsFacts
    }

    /// The standing of a record in the audit's records table.
    public static func status(of record: CheckedRecord) -> AuditStatus {
        if record.standing != .record { return .unreadable }
        // A record whose meaning is unknown (the record pack blocked it) cannot be checked.
        if record.blocked { return .unverifiable }
        let active = record.findings.filter { $0.waiver == nil && !$0.pending }
        if active.contains(where: { $0.severity == .error && !$0.isEngineFinding }) { return .noncompliant }
        // Nor can one a rule could not be finished on (out of its budget, values of mixed types),
        // which may hide a finding, as the annual report says too (an error found is said first).
        if record.hasEngineFinding { return .unverifiable }
        // Nor one whose rules needing a registry did not run (none beside it): an expired
        // certificate was 合规.
        if !record.rulesNotRunWithoutRegistry.isEmpty { return .unverifiable }
        // Nor one with a key that looks meant as one the rules read and was not read, which the
        // gate holds back and the annual report counts as not checked.
        if record.hasMisreadKey { return .unverifiable }
        if hasWaivedError(record) { return .waived }
        if !active.isEmpty { return .warnings }
        // Findings all waived (a warning): waived, as the row's counts say (it was 有警告 with 警告 0).
        if record.findings.contains(where: { $0.waiver != nil }) { return .waived }
        if record.findings.contains(where: \.pending) { return .pending }
        return record.checkedBeyondFormat ? .compliant : .formatOnly
    }

    /// A record's findings as the records tables count them: errors and warnings (neither waived
    /// nor pending), waived ones, pending ones (work still ahead, never errors), and the rules broken.
    static func counts(of record: CheckedRecord) -> (errors: Int, warnings: Int, waived: Int, pending: Int, broken: [String]) {
        let active = record.findings.filter { $0.waiver == nil && !$0.pending }
        return (active.count { $0.severity == .error }, active.count { $0.severity == .warning },
                record.findings.count { $0.waiver != nil }, record.findings.count { $0.waiver == nil && $0.pending },
                Array(Set(active.map(\.rule))).sorted())
    }

    /// What a record's status rests on beyond its counts, for the records tables: the rules whose
    /// findings are work still ahead, or waived, the rules needing a registry that did not run,
    /// the rules that could not finish on it, and for a record the record pack held back, that no
    /// other rule judged it. (A row said 无法核查 with no rule and no count, and 有待办 without
    /// saying what was ahead: the reason was on standard error only.) Each part is a label and
    /// the rule ids it names.
    static func noteParts(of record: CheckedRecord, _ language: Language) -> [(label: String, rules: [String])] {
        let zh = language == .zh
        func rules(_ findings: [Finding]) -> [String] { Set(findings.map(\.rule)).sorted() }
        var parts: [(label: String, rules: [String])] = []
        if record.blocked { parts.append((zh ? "记录格式有误，其他规则未检查" : "the record's format is in doubt; no other rule judged it", [])) }
        // (An engine finding's own id is the tool's; the rule it stands for is in its evidence.)
        let unfinished = Set(record.findings.filter(\.isEngineFinding).flatMap { finding in
            finding.evidence.filter { $0.key == ToolFinding.ruleEvidenceKey }.map { $0.value.text(language) }
        }).sorted()
        if !unfinished.isEmpty { parts.append((zh ? "规则未能完成检查：" : "rules that could not finish: ", unfinished)) }
        if !record.rulesNotRunWithoutRegistry.isEmpty {
            parts.append((zh ? "未找到人员名册，未执行：" : "no registry of people, not run: ", record.rulesNotRunWithoutRegistry.sorted()))
        }
        if record.hasMisreadKey, !record.blocked {
            parts.append((zh ? "有疑似误写的键未被读取（见“未知字段”警告），规则的结论存疑" : "a key that looks mistyped was not read (see the warning of an unknown key); the rules' verdicts are in doubt", []))
        }
        if !record.sameIdOutsidePeriod.isEmpty {
            parts.append((zh ? "编号与期间外的记录相同，无法确定哪一条属实：" : "its id is also that of a record outside the period, and which one holds is unknown: ",
                          record.sameIdOutsidePeriod))
        }
        let pending = record.findings.filter { $0.waiver == nil && $0.pending }
        if !pending.isEmpty { parts.append((zh ? "待办：" : "pending: ", rules(pending))) }
        // (A row of 有警告 with no warning counted rested on an info, unsaid.)
        let infos = record.findings.filter { $0.waiver == nil && !$0.pending && $0.severity == .info }
        if !infos.isEmpty { parts.append((zh ? "提示：" : "infos: ", rules(infos))) }
        let waived = record.findings.filter { $0.waiver != nil }
        if !waived.isEmpty { parts.append((zh ? "已豁免：" : "waived: ", rules(waived))) }
        // (A deadline counted in a year the calendar lacks: a CSV table read in Excel said nothing of it.)
        if !record.uncoveredYears.isEmpty { parts.append((TextReporter.uncoveredYearsNote(record.uncoveredYears, language: language), [])) }
        return parts
    }

    /// `noteParts` as one text.
    static func note(of record: CheckedRecord, _ language: Language) -> String {
        let zh = language == .zh
        return noteParts(of: record, language).map { $0.label + $0.rules.joined(separator: zh ? "、" : ", ") }.joined(separator: zh ? "；" : "; ")
    }

    /// Whether a record counts as without errors in the department, month and overall rates.
    static func isWithoutErrors(_ record: CheckedRecord, status: AuditStatus? = nil) -> Bool {
        switch status ?? self.status(of: record) {
        case .compliant, .warnings, .pending: true
        case .waived: !hasWaivedError(record)
        default: false
        }
    }

    /// Whether an error of a record is waived (its status is then `waived`, and it fails the rates).
    static func hasWaivedError(_ record: CheckedRecord) -> Bool {
        record.findings.contains { $0.waiver != nil && $0.severity == .error }
    }

    /// All findings of the records in the period, sorted.
    public var findings: [Finding] { (records.flatMap(\.findings) + runFindings).sorted(by: Finding.precedes) }

    /// What the headline says of the findings about no record (the configuration's waivers, no
    /// registry of people); nil when there are none.
    public func runFindingsSentence(_ language: Language) -> String? {
        guard !runFindings.isEmpty else { return nil }
        let count = runFindings.count
        return language == .zh
            ? "另有不属于任何记录的问题 \(count) 项（如未找到人员名册、豁免过期），不计入上述数字，见问题清单"
            : "\(count) more \(count == 1 ? "finding concerns" : "findings concern") no record (such as no registry of people or an expired waiver), counted in none of these figures: see the findings"
    }

    /// Records without errors among all records of the period that some rule beyond the record
    /// format applied to.
    public var overall: ComplianceRate {
        var rate = ComplianceRate(key: "all", label: LocalizedText(zh: "全部", en: "all"), applicable: 0, passed: 0, errors: 0, warnings: 0)
        for record in records where Self.isRated(record) { rate.count(record) }
        return rate
    }

    /// Whether a record counts in the department, month and overall rates: not one no rule beyond
    /// the record format applied to (无适用规则), which is neither compliant nor not, as no rule's
    /// rate counts it (a department's one licence showed as 1/1, 100 %, in green). Such a record
    /// has no error or warning to count.
    static func isRated(_ record: CheckedRecord) -> Bool {
        status(of: record) != .formatOnly
    }

    private static func group(_ records: [CheckedRecord], by label: (CheckedRecord) -> LocalizedText) -> [ComplianceRate] {
        var rates: [String: ComplianceRate] = [:]
        for record in records where isRated(record) {
            let name = label(record)
            var rate = rates[name.zh] ?? ComplianceRate(key: name.zh, label: name, applicable: 0, passed: 0, errors: 0, warnings: 0)
            rate.count(record)
            rates[name.zh] = rate
        }
        return rates.values.sorted { $0.key.precedesInUTF8($1.key) }
    }
}
