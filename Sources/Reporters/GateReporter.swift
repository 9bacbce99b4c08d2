public import DecisionRecords
public import RuleEngine
import RuleLanguage

/// One agenda item of the meeting gate.
public struct AgendaItem: Sendable {
    /// The record file (for a ledger row, with its sheet and row: `台账.xlsx:行政处罚!A14`).
    public var file: String
    /// The record id; nil for a file that could not be read as records.
    public var record: String?
    /// The decision's title.
    public var title: String?
    /// The findings of prerequisite rules, sorted.
    public var findings: [Finding]
    /// Whether the item may go to the meeting.
    public var ready: Bool
    /// Whether some prerequisite rule beyond the record format applied to it (false too for a file
    /// that could not be read, or a record the record pack blocked): a READY item of a kind no
    /// pack checks is only well-formed, which says nothing of its procedure.
    public var ruleApplied: Bool
    /// The day the record's decision was made, when it was made before the meeting and the record
    /// has no discussion: proposed for this meeting, as v2 has it, but discussed after the decision
    /// (the prerequisites of discussion may all hold; a decision made undiscussed is a finding of
    /// `check`, not of the gate's rules).
    public var decidedUndiscussed: Day?
    /// Whether the item is held back for a key that looks meant as one the rules read and was not
    /// read (a warning of the record pack): what the record says is in doubt.
    public var heldForMisreadKey = false
    /// Another record of the run with the same id, held back for it: which of the two is the
    /// item's record cannot be told. (The record pack reports the later of the two, which may
    /// be off the agenda: the item read READY beside an unreviewed namesake.)
    public var sharedId: String?
    /// A document of the item's file that has no id (`file:line`), held back for it: it may continue
    /// the item's record (a review added below a `---`), which then read READY beside its failed
    /// re-review, listed as an item of its own.
    public var idlessBeside: String?
    /// The rules stating a prohibition the law allows no exception to (`absolute: true`) whose
    /// waived findings still hold the item back: a waiver explains, it does not make the
    /// discussion lawful (the checklist showed BLOCKED above a finding marked waived, unexplained).
    public var heldDespiteWaiver: [String] = []
    /// The years a prerequisite's working-day count reached that the calendar does not cover
    /// (counted Monday to Friday there: a review submitted four days before Spring Festival met
    /// "7 working days").
    public var uncoveredYears: [Int] = []
    /// Whether such a count was made by a rule that could block the item, which holds it back.
    public var heldForCalendar = false
    /// The rules of the item's kind that did not apply because the act they are judged by came
    /// before their law (a discussion before 2019-09-01): said so where no rule applied, not
    /// "no pack checks its kind".
    public var rulesNotInForce: [String] = []

    /// Creates an item.
    public init(file: String, record: String?, title: String?, findings: [Finding], ready: Bool, ruleApplied: Bool = true) {
        self.file = file
        self.record = record
        self.title = title
        self.findings = findings
        self.ready = ready
        self.ruleApplied = ruleApplied
    }

    /// What the checklist says of an item decided before the meeting without a discussion. (It
    /// is said of every kind, so it says what holds of every kind: an ordinary penalty case,
    /// closed months ago, was told that `check` reports its missing discussion, which no rule asks.)
    static func decidedNotice(_ day: Day, _ language: Language) -> String {
        language == .zh
            ? "注意：此记录已于 \(day) 作出决定，此前没有集体讨论。如是已办结、无须上会的事项，不必列入本次会议的检查；如依法须经集体讨论，决定后再讨论不能补正（legality check 报告须经讨论而未讨论的决定）。"
            : "Note: this record's decision was made on \(day) with no discussion before it. If it is a closed matter that needs no meeting, leave it out of this meeting's check; if the law requires its discussion, discussing it now, after the decision, does not mend that (legality check reports decisions made without a discussion they required)."
    }

    /// What the checklist says of an item held back for a misread key.
    static func misreadKeyNotice(_ language: Language) -> String {
        language == .zh
            ? "暂缓原因：记录中有字段没有被读取，而它可能改变结论（疑似误写、写错层级或用中文写，或者以“是/否”写的与读取的不一致，见所列的警告），记录的意思不能确定；请按警告如实改正记录后重新检查。不要只把该字段改名、删去或在台账映射中忽略：那样清单会显示可以上会，而记录所说的（如审查尚未完成）并没有改变。"
            : "Held back: a key of the record was not read that may change the verdict (it looks like a misspelt, misplaced or Chinese form of one the rules read, or says yes or no otherwise than what was read; see the warning listed), so what the record says is in doubt. Correct the record as the warning says and check again. Do not merely rename, delete or ignore the key or the ledger's column: the checklist would then say READY while what the record said (a review not yet done) stays true."
    }

    /// What the checklist says of an item with a count in years the calendar lacks: held back
    /// when the rule counting could block it, else a note (a warning there may be missing).
    static func calendarNotice(_ years: [Int], held: Bool, _ language: Language) -> String {
        let zh = language == .zh
        let years = years.map(String.init).joined(separator: zh ? "、" : ", ")
        if held {
            return zh
                ? "暂缓原因：本议题的工作日期限计算到 \(years) 年，工作日历未涵盖该年，只能按周一至周五计算（法定节假日和调休未计入），期限是否满足无法确定。请按国务院办公厅公布的该年放假安排补充日历（--calendar，或配置中的 calendars:）后重新检查。"
                : "Held back: a working-day period of this item runs into \(years), which the working-day calendar does not cover; counted Monday to Friday there (public holidays and make-up working days unknown), whether the period is met cannot be told. Add that year's holiday notice as a calendar (--calendar, or calendars: in the configuration) and check again."
        }
        return zh
            ? "注意：本议题的工作日期限（不决定能否上会的检查）计算到 \(years) 年，工作日历未涵盖该年，按周一至周五计算，节假日期间的期限可能不足而未提示；请人工核对，或补充该年日历（--calendar）后重新检查。"
            : "Note: a working-day period of this item (a check that does not decide the verdict) runs into \(years), which the working-day calendar does not cover; counted Monday to Friday, a period short over the holidays may have gone unreported. Check it by hand, or add that year's calendar (--calendar) and check again."
    }

    /// What the checklist says of an item held back though its findings of these rules are waived.
    static func waiverNotice(_ rules: [String], _ language: Language) -> String {
        language == .zh
            ? "暂缓原因：\(rules.joined(separator: "、")) 是法律不允许例外的禁止性规定（未经合法性审查或者经审查不合法的，不得提交讨论；未经法制审核或者审核未通过的，不得作出决定），豁免只说明情况，不能使议题可以上会；请补办程序后重新检查。"
            : "Held back: \(rules.joined(separator: ", ")): a prohibition the law allows no exception to (no discussion without a legality review that passed; no penalty decision without a legal review that passed); a waiver explains, and does not make the item READY. Complete the procedure and check again."
    }

    /// What the checklist says of an item held back for a document of its file with no id.
    static func idlessNotice(_ place: String, _ language: Language) -> String {
        language == .zh
            ? "暂缓原因：同一文件中 \(place) 另有一个没有编号（id）的文档，它可能是本议题记录的续写（如补写的审查步骤），其内容没有计入本记录；请为它写明编号并补全为一条记录，或把其中的步骤并入本记录。"
            : "Held back: the same file holds, at \(place), a document with no id, which may continue this item's record (a review added later, say) and was not counted in it; give it its id and make it a whole record, or move its steps into this record."
    }

    /// What the checklist says of an item held back because another record has its id.
    static func sharedIdNotice(_ place: String, _ language: Language) -> String {
        language == .zh
            ? "暂缓原因：\(place) 中另有一条记录使用同一编号（或仅大小写、全角半角、连字符或不可见字符不同的编号），无法确定哪一条是本议题的记录；请核实后改正编号，或删去作废的记录。"
            : "Held back: another record, in \(place), has the same id (or one differing only in case, width, dashes or invisible characters), so which of the two is this item's record cannot be told; correct the id, or remove the record that is void."
    }

    /// What the checklist says of an item no prerequisite rule beyond the record format applied
    /// to: the rules whose law was not yet in force on the day of their act, when there are such.
    static func noRuleNotice(_ language: Language, notInForce: [String] = []) -> String {
        if !notInForce.isEmpty {
            let rules = notInForce.count > 3 ? "\(notInForce[0]) 等 \(notInForce.count) 条规则" : notInForce.joined(separator: "、") + " "
            let english = notInForce.count > 3 ? "\(notInForce[0]) and \(notInForce.count - 1) more rules" : notInForce.joined(separator: ", ")
            return language == .zh
                ? "注意：除记录格式外，没有上会前提规则适用于此议题：\(rules)所依据的法律在其所判断的行为之日（如首次集体讨论之日）尚未施行（`legality rules show` 列出各规则的施行日）；“可以上会”只表示记录格式无误，请核实日期，并人工审查其程序。"
                : "Note: no prerequisite rule beyond the record format applies to this item: the law of \(english) was not yet in force on the day of the act they judge (the first discussion, say; `legality rules show` lists each rule's versions); READY says only that the record is well-formed: check the dates, and review its procedure by hand."
        }
        return language == .zh
            ? "注意：除记录格式外，没有上会前提规则适用于此议题（如其类型没有规则包检查）；“可以上会”只表示记录格式无误，请人工审查其程序。"
            : "Note: no prerequisite rule beyond the record format applies to this item (no pack checks its kind, say); READY says only that the record is well-formed: review its procedure by hand."
    }
}

/// A record not on this meeting's agenda: all its discussions are on other days.
public struct OffAgendaRecord: Sendable {
    /// The record file (for a ledger row, with its sheet and row).
    public var file: String
    /// The record id.
    public var record: String?
    /// The decision's title.
    public var title: String?
    /// The days of its discussions (the last of one held over several days).
    public var discussions: [Day]
    /// Its discussions as held, first to last day, in the order of `discussions`.
    public var spans: [ClosedRange<Day>] = []

    /// The discussions as a reader names them: `2026-12-03～2026-12-04` for one of two days.
    public var shownDiscussions: String {
        let written = spans.count == discussions.count
            ? spans.map { $0.lowerBound == $0.upperBound ? $0.lowerBound.description : "\($0.lowerBound)～\($0.upperBound)" }
            : discussions.map(\.description)
        return written.joined(separator: ", ")
    }

    /// Creates an entry.
    public init(file: String, record: String?, title: String?, discussions: [Day]) {
        self.file = file
        self.record = record
        self.title = title
        self.discussions = discussions
    }
}

/// The meeting gate's result.
public struct Agenda: Sendable {
    /// The meeting day.
    public var meeting: Day
    /// The day of the run, when it was given (`--today`): done steps and signoffs were checked
    /// against it. (The day of the run taken from the clock is no part of the report: output is
    /// the same every day it is made.)
    public var today: Day?
    /// The tool's version.
    public var version: String
    /// The items in file order: records with a discussion on the meeting day, and records with
    /// none at all (proposed for this meeting).
    public var items: [AgendaItem]
    /// Records whose discussions are all on other days; they do not affect the exit status.
    public var notOnAgenda: [OffAgendaRecord] = []
    /// Files the search passed over that may be agenda items (a record saved as `a.yaml.txt`, one
    /// in a hidden folder): named on the checklist, since an item in one was missing from it
    /// and the run said so on standard error only.
    public var passedOver: [String] = []

    /// What the checklist says of the files passed over.
    public var passedOverNotice: String? {
        guard !passedOver.isEmpty else { return nil }
        let shown = passedOver.prefix(10).map(TextReporter.singleLine).joined(separator: language == .zh ? "、" : ", ")
        let more = passedOver.count > 10 ? (language == .zh ? " 等 \(passedOver.count) 个" : " and \(passedOver.count - 10) more") : ""
        return language == .zh
            ? "注意：以下文件看似决策记录，但未检查（名称不是 .yaml、.yml 或 .json 结尾，或位于隐藏文件夹、rules 文件夹中）：\(shown)\(more)。如是本次会议的议题，请改名或移出后重新检查。"
            : "Note: these files look like decision records but were not checked (their names do not end in .yaml, .yml or .json, or they are in a hidden or rules folder): \(shown)\(more). If one is an item of this meeting, rename or move it and check again."
    }
    /// The day nearest the meeting day (within a month, or at any distance when the agenda is
    /// empty) on which records not on the agenda have a planned discussion, and how many, when no
    /// record is discussed on the meeting day itself:
    /// the meeting day may be mistyped, and every item discussed on the real day would have gone to
    /// `notOnAgenda`, which blocks nothing. Nil otherwise.
    public var plannedElsewhere: (day: Day, records: Int)?

    /// Whether the meeting day is no working day by the calendar (a weekend or a public holiday,
    /// not a working weekend): a day mistyped into one is said, as a meeting may be held on one.
    public var meetingOnRestDay = false

    /// The notice that the meeting is on a rest day, or nil.
    public var restDayNotice: String? {
        guard meetingOnRestDay else { return nil }
        let weekday = meeting.isWeekend
            ? (language == .zh ? (meeting.weekday == 6 ? "星期六" : "星期日") : (meeting.weekday == 6 ? "a Saturday" : "a Sunday"))
            : (language == .zh ? "法定节假日" : "a public holiday")
        return language == .zh
            ? "注意：会议日期 \(meeting) 是休息日（\(weekday)）；日期如有误，请改正后重新检查。"
            : "Note: the meeting date \(meeting) is a rest day (\(weekday)); if the date is wrong, correct it and check again."
    }

    /// The notice that the meeting day may be mistyped, or that the agenda is empty; or nil.
    public var dayNotice: String? {
        guard let (day, records) = plannedElsewhere else {
            guard items.isEmpty else { return nil }
            return language == .zh
                ? "注意：没有记录的集体讨论安排在 \(meeting)，也没有尚未安排讨论的记录，本次会议没有议题；请核对会议日期和记录所在的文件夹。"
                : "Note: no record has a collective discussion on \(meeting) and none is yet to be discussed, so the meeting has no item; check the meeting date and the folder of the records."
        }
        return language == .zh
            ? "注意：没有记录的集体讨论安排在 \(meeting)；最近计划的集体讨论在 \(day)（\(records) 条记录，列在后面，不影响结论）。会议日期如有误，请改正后重新检查。"
            : "Note: no record has a collective discussion on \(meeting); the nearest planned discussion is on \(day) (\(Wording.counted(records, "record")), listed below; they do not affect the verdict). If the meeting date is wrong, correct it and check again."
    }

    /// The notice that nothing can block an item (fail level `never`), or nil.
    public var failLevelNotice: String? {
        guard run.failLevel == "never" else { return nil }
        return language == .zh
            ? "注意：失败级别为 never，发现问题的议题也标为可以上会（无法读取或含义不明、未能核查的记录除外，仍暂缓上会）；请逐项核对其下列出的问题。"
            : "Note: the fail level is never, so items with findings are marked ready too (except records that could not be read or understood, and so were not checked, which stay blocked); check the findings listed under each."
    }

    /// The configuration, disabled rules and registries of the run.
    public var run: RunDescription = .plain
    /// Run-level findings, such as a missing registry.
    public var runFindings: [Finding]
    /// The language.
    public var language: Language

    /// Creates an agenda.
    public init(meeting: Day, version: String, items: [AgendaItem], runFindings: [Finding], language: Language) {
        self.meeting = meeting
        self.version = version
        self.items = items
        self.runFindings = runFindings
        self.language = language
    }
}

/// Renders the meeting gate as a printable checklist or as the contract's JSON.
public enum GateReporter {
    /// The JSON of the contract: meeting, items, run-level findings.
    public static func json(_ agenda: Agenda) -> String {
        let report = Report(version: agenda.version, asOf: agenda.meeting, records: [], rules: [], findings: [], failOn: .error, language: agenda.language)
        return JSON.object([
            ("tool", .object([("name", .string("legality")), ("version", .string(agenda.version))])),
            ("meeting", .string(agenda.meeting.description)),
            ("today", .optional(agenda.today?.description)),
            ("summary", .object([
                ("items", .int(agenda.items.count)),
                ("ready", .int(agenda.items.count { $0.ready })),
                ("blocked", .int(agenda.items.count { !$0.ready })),
            ])),
            ("items", .array(agenda.items.map { item in
                .object([
                    ("record", .optional(item.record)),
                    ("title", .optional(item.title)),
                    ("file", .string(item.file)),
                    ("ready", .bool(item.ready)),
                    ("ruleApplied", .bool(item.ruleApplied)),
                    ("decidedUndiscussed", .optional(item.decidedUndiscussed?.description)),
                    ("misreadKey", .bool(item.heldForMisreadKey)),
                    ("heldDespiteWaiver", .array(item.heldDespiteWaiver.map(JSON.string))),
                    ("sameIdAs", .optional(item.sharedId)),
                    ("idlessDocumentBeside", .optional(item.idlessBeside)),
                    ("uncoveredYears", .array(item.uncoveredYears.map { .int($0) })),
                    ("heldForCalendar", .bool(item.heldForCalendar)),
                    ("findings", .array(item.findings.map { JSONReporter.finding($0, report) })),
                ])
            })),
            ("notOnAgenda", .array(agenda.notOnAgenda.map { entry in
                .object([
                    ("record", .optional(entry.record)),
                    ("title", .optional(entry.title)),
                    ("file", .string(entry.file)),
                    ("discussions", .array(entry.discussions.map { .string($0.description) })),
                ])
            })),
            ("findings", .array(agenda.runFindings.map { JSONReporter.finding($0, report) })),
            ("notice", .optional(agenda.dayNotice)),
            ("passedOver", .array(agenda.passedOver.map(JSON.string))),
            ("restDayNotice", .optional(agenda.restDayNotice)),
            // The fail level the run was given, when not the default, and what it means for the
            // items: `never` made an unreviewed decision READY, unsaid in JSON.
            ("failLevel", .optional(agenda.run.failLevel)),
            ("failLevelNotice", .optional(agenda.failLevelNotice)),
            ("config", .optional(agenda.run.configuration)),
            ("disabled", .array(agenda.run.disabledRules.map(JSON.string))),
        // (The files passed over are the checklist's own `passedOver`, above.)
        ] + JSONReporter.setupChanges(agenda.run).filter { $0.0 != "passedOver" } + [
            ("registries", .array(agenda.run.registries.map(JSON.string))),
            ("uncoveredYears", .array(agenda.run.uncoveredYears.map { .int($0) })),
        ]).rendered() + "\n"
    }

    /// A checklist a legal adviser can print. Every field from records or rule packs is cleaned of
    /// control, bidirectional and escape characters, so no record can forge or hide a line.
    public static func text(_ agenda: Agenda) -> String {
        let language = agenda.language
        let zh = language == .zh
        let line = TextReporter.singleLine
        let text = TextReporter.printable
        var output = zh ? "会议议题合法性审查清单（会议日期 \(agenda.meeting)）\n\n" : "Agenda check for the meeting of \(agenda.meeting)\n\n"
        for notice in [agenda.failLevelNotice, agenda.dayNotice, agenda.restDayNotice, agenda.passedOverNotice].compactMap({ $0 }) { output += notice + "\n\n" }
        for item in agenda.items {
            let mark = item.ready ? (zh ? "[可以上会]" : "[READY]  ") : (zh ? "[暂缓上会]" : "[BLOCKED]")
            let name = [item.record.map(line), item.title.map(TextReporter.title)].compactMap { $0 }.joined(separator: " ")
            output += "\(mark) \(name.isEmpty ? line(item.file) : name)\n"
            output += "\(String(repeating: " ", count: TextReporter.width(mark) + 1))\(line(item.file))\n"
            for finding in item.findings {
                let severity = Wording.severity(finding.severity, language)
                // A waived finding says so, and by whose approval: the adviser signs for the exception too.
                let state = Wording.mark(finding, language)
                output += "    - \(severity)[\(line(finding.rule))]\(state) \(line(finding.title.text(language)))\(zh ? "：" : ": ")\(text(finding.message.text(language)))\n"
                if let waiver = Wording.waiver(finding, language) { output += "      \(line(waiver))\n" }
                output += "      \(Wording.label("依据", "basis", language))\(line(finding.basis.text(language)))\n"
                // Where to look: two findings of one rule, or two unreadable documents of one file, are told apart.
                // (A ledger row's finding is at its cell, as `check` names it.)
                if let cell = finding.cell {
                    output += "      \(Wording.label("位置", "at", language))\(line(finding.file)):\(line(cell.description))\n"
                } else if let position = finding.position, finding.file == item.file {
                    // (A ledger row's item is named by its cell; a finding of it with no cell of its
                    // own, as the engine's, has no line to show.)
                    output += "      \(Wording.label("位置", "at", language))\(line(finding.file)):\(position.line):\(position.column)\n"
                }
                if let help = finding.help { output += "      \(Wording.label("需要做", "to do", language))\(text(help.text(language)))\n" }
            }
            if item.ready, !item.ruleApplied { output += "    - \(AgendaItem.noRuleNotice(language, notInForce: item.rulesNotInForce))\n" }
            if let day = item.decidedUndiscussed { output += "    - \(AgendaItem.decidedNotice(day, language))\n" }
            if item.heldForMisreadKey { output += "    - \(AgendaItem.misreadKeyNotice(language))\n" }
            if !item.heldDespiteWaiver.isEmpty { output += "    - \(AgendaItem.waiverNotice(item.heldDespiteWaiver, language))\n" }
            if !item.uncoveredYears.isEmpty { output += "    - \(AgendaItem.calendarNotice(item.uncoveredYears, held: item.heldForCalendar, language))\n" }
            if let place = item.sharedId { output += "    - \(AgendaItem.sharedIdNotice(line(place), language))\n" }
            if let place = item.idlessBeside { output += "    - \(AgendaItem.idlessNotice(line(place), language))\n" }
            output += "\n"
        }
        if !agenda.notOnAgenda.isEmpty {
            output += zh ? "不在本次会议议程上的记录（讨论安排在其他日期）：\n" : "Not on this meeting's agenda (discussed on other days):\n"
            for entry in agenda.notOnAgenda {
                let name = [entry.record.map(line), entry.title.map(TextReporter.title)].compactMap { $0 }.joined(separator: " ")
                let days = entry.shownDiscussions
                output += "  - \(name.isEmpty ? line(entry.file) : name)（\(days)） \(line(entry.file))\n"
            }
            output += "\n"
        }
        for finding in agenda.runFindings {
            output += "\(line(finding.rule))\(zh ? "：" : ": ")\(text(finding.message.text(language)))\n"
        }
        output += TextReporter.setup(agenda.run, language: language)
        let ready = agenda.items.count { $0.ready }
        output += zh
            ? "共 \(agenda.items.count) 项：\(ready) 项可以上会，\(agenda.items.count - ready) 项暂缓\n"
            : "\(Wording.counted(agenda.items.count, "item")): \(ready) ready, \(agenda.items.count - ready) blocked\n"
        return output
    }
}
