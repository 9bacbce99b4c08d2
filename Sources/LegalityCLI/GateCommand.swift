import ArgumentParser
import DecisionRecords
import Reporters
import RuleEngine
import RuleLanguage
import YAMLTree

/// `legality gate`: may each agenda item go to the meeting on a given day?
struct GateCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "gate",
            abstract: Interface.text("会前审查：逐项给出可以上会或暂缓上会。", "Check a meeting's agenda: READY or BLOCKED for each record."),
            discussion: Interface.text(
                "议程包括会议当天有集体讨论的记录和尚无讨论的记录；每项按会议当天召开集体讨论、以会议日期为基准日检查，只用声明为讨论前置条件的规则；已完成的步骤和签署不得晚于运行当天。其他日期讨论的记录另行列出。配置文件中的 fail_on: never，以及对讨论前置规则的停用或调低级别，不适用于会前审查。退出状态：全部可以上会为 0，有暂缓的为 1，无法运行为 2。",
                """
                Each record is evaluated as if a planned collective discussion were held on the meeting day, \
                as of that day, with only the rules that declare themselves prerequisites of discussion; no done step or signoff may be dated after the day of the run. \
                A configuration's fail_on: never, and its disabling or lowering of prerequisites of discussion, do not apply to the gate. Exit status: 0 when every item is READY, 1 when any is BLOCKED, 2 when the run could not be made.
                """)
        )
    }

    @Option(name: .customLong("meeting"), help: Interface.help("会议日期。", "The meeting day.", valueName: "YYYY-MM-DD"))
    var meetingArgument: DayArgument

    var meeting: Day { meetingArgument.day }

    @Option(name: .customLong("today"), help: Interface.help(
        "运行当天（默认：本机日期）：已完成的步骤和签署不得晚于这一天。为使清单可以复现，可写明这一天。",
        "The day of the run (default: the machine's date): no done step or signoff may be dated after it. Give it to make a checklist reproducible.",
        valueName: "YYYY-MM-DD"))
    var todayArgument: DayArgument?

    @Argument(help: Interface.help("记录文件或文件夹（默认：当前文件夹）。", "Record files or folders (default: the current folder).", valueName: "path"))
    var paths: [String] = []

    @OptionGroup var ruleOptions: RuleOptions
    @OptionGroup(title: Interface.text("输入限制", "Limits")) var limitOptions: LimitOptions
    @OptionGroup var outputOptions: GateOutputOptions

    /// Says so when rules of the user's own (beside the built-in folder) were loaded and none is a
    /// prerequisite of discussion: the gate runs none of them (a pack added with --rules checked
    /// nothing, and its item was READY with the pack named in the set-up line).
    private func noteRulesNotRun(_ run: PreparedRun) {
        guard let builtin = Discovery.builtinRulesFolder().map({ FileSystem.realPath($0) ?? $0 }) else { return }
        let own = run.rules.rules.filter { !(FileSystem.realPath($0.file) ?? $0.file).hasPrefix(builtin + "/") }
        guard !own.isEmpty, !own.contains(where: \.prerequisite) else { return }
        FileSystem.writeStandardError(run.language == .zh
            ? "legality：另加的 \(own.count) 条规则都不是讨论前置规则，会前审查不执行它们（须在上会前检查的规则，请在规则文件中写 prerequisite: true）\n"
            : "legality: none of the \(own.count) added rules is a prerequisite of discussion, so the gate runs none of them (a rule to check before the meeting says prerequisite: true)\n")
    }

    func run() throws {
        let paths = paths.isEmpty ? ["."] : paths
        let found = try Discovery.recordFiles(paths)
        let run = try PreparedRun.prepare(ruleOptions, failOn: outputOptions.failOn, recordPaths: paths, recordFiles: found, configurationMayPassAll: false)
        let files = try run.records(among: found, named: paths)
        if outputOptions.failOn == nil, run.sparedFailOnNever {
            FileSystem.writeStandardError(run.language == .zh
                ? "legality：配置中的 fail_on: never 不适用于会前审查，有错误的议题仍为暂缓上会（只列问题、不暂缓时请用 --fail-on never）\n"
                : "legality: the configuration's fail_on: never does not apply to the gate; an item with an error is still BLOCKED (give --fail-on never to list findings without blocking)\n")
        }
        if !run.sparedPrerequisites.isEmpty {
            let ids = run.sparedPrerequisites.joined(separator: run.language == .zh ? "、" : ", ")
            FileSystem.writeStandardError(run.language == .zh
                ? "legality：配置停用或调低了讨论前置规则 \(ids) 的级别，会前审查仍按规则本身的级别检查\n"
                : "legality: the configuration disables or lowers the severity of \(ids), prerequisites of discussion; the gate checks them at their own severity\n")
        }
        noteRulesNotRun(run)
        try OutputTarget.requireNotAnInput(outputOptions.output, records: files, run: run)
        let limits = run.limits(limitOptions, paths: paths)
        var context = run.context(asOf: meeting, meeting: meeting, limits: limits)
        context.today = todayArgument?.day ?? RunSetup.today()
        let engine = Engine(context: context, include: \.prerequisite)
        let checked = RecordChecker.check(files, engine: engine, jobs: ruleOptions.workerCount, limits: limits)
        let threshold = run.failOn
        var ledger = run.ledger(asOf: meeting, paths: paths, files: files)
        var items: [AgendaItem] = []
        var away: [OffAgendaRecord] = []
        let absolute = Set(run.rules.rules.filter(\.absolute).map(\.id))
        let namesakes = Self.namesakes(checked.records)
        let idless = Self.idlessDocuments(checked.records)
        let calendarDoubts = doubtsOfTheCalendar(checked.records, threshold: threshold, absolute: absolute, waivers: ledger, context: context, limits: limits)
        for item in checked.records {
            guard isOnAgenda(item) else {
                // (Ordered by their last days, as the days are; a discussion of several days is shown whole.)
                var entry = OffAgendaRecord(file: item.place, record: item.id, title: item.title, discussions: item.discussionDays.sorted())
                entry.spans = item.discussionSpans.sorted { ($0.upperBound, $0.lowerBound) < ($1.upperBound, $1.lowerBound) }
                away.append(entry)
                continue
            }
            var findings = item.findings
            // Prerequisites that need the registry were not evaluated without one: not READY.
            if item.standing == .record, run.registries.registry(for: item.file) == nil {
                // The record pack's too, for an item naming people: a reviewer signing as the legal
                // adviser went to the meeting READY whenever the registry was not found.
                let unchecked = engine.rulesNotRunWithoutRegistry(forKind: item.kind, namesPeople: item.namesPeople)
                if !unchecked.isEmpty {
                    findings.append(.registryMissing(for: unchecked, record: item.id, file: item.file, position: SourcePosition(line: item.line, column: 1)))
                }
            }
            ledger.mark(&findings)
            // A waiver of a prohibition the law allows no exception to (`absolute: true`: no
            // legality review, a failed one) explains, and does not make the item READY: a
            // waiver's "reason: 紧急" took an unreviewed decision to the meeting.
            let blocking = Self.blocks(findings, threshold: threshold, absolute: absolute)
            let waivedAbsolute = threshold.map { level in
                Set(findings.filter { $0.severity >= level && $0.waiver != nil && absolute.contains($0.rule) && !$0.pending }.map(\.rule)).sorted()
            } ?? []
            // What could not be checked (a rule that did not finish, prerequisites that need the
            // missing registry) is never READY, at any fail level: `never` listed such items READY.
            let unchecked = findings.contains { $0.isEngineFinding && $0.waiver == nil }
            // A count in a year the calendar lacks, by a rule that could block the item, cannot
            // be relied on either way (Monday to Friday were counted there), unless any notice for
            // that year would give the same verdict.
            let doubt = calendarDoubts[Self.itemKey(item)]
            let heldForCalendar = doubt == .hold
            let sharedId = item.id.flatMap { id in namesakes[Self.idKey(id)]?.first { $0 != Self.location(item) } }
            let idlessBeside = item.id == nil || item.row != nil ? nil : idless[item.file]?.first { $0 != Self.location(item) }
            var agendaItem = AgendaItem(
                file: item.place, record: item.id, title: item.title, findings: findings.sorted(by: Finding.precedes),
                ready: !blocking && !unchecked && !item.blocked && !item.hasMisreadKey && sharedId == nil && idlessBeside == nil
                    && item.standing == .record && !heldForCalendar,
                ruleApplied: item.standing == .record && item.checkedBeyondFormat)
            agendaItem.heldForMisreadKey = item.hasMisreadKey && !item.blocked
            agendaItem.rulesNotInForce = item.notInForceRules
            agendaItem.heldDespiteWaiver = waivedAbsolute
            agendaItem.sharedId = sharedId
            agendaItem.idlessBeside = idlessBeside
            // Said when held, or when a finding below the fail level may come or go with the
            // year's notice; a count whose findings any notice would leave as they are, is not.
            if doubt != nil { agendaItem.uncoveredYears = item.uncoveredYears }
            agendaItem.heldForCalendar = heldForCalendar
            // Decided before the meeting with no discussion held by then: said, since the
            // prerequisites may all hold (a ledger of past cases listed each as READY, unsaid), and
            // a discussion planned for this meeting after the decision mends nothing.
            if item.standing == .record, let decided = item.decisionDate, decided < meeting, !item.heldDiscussionDays.contains(where: { $0 <= decided }) {
                agendaItem.decidedUndiscussed = decided
            }
            items.append(agendaItem)
        }
        // The rules whose waived findings held an item back, said on standard error.
        let heldWaivers = Set(items.flatMap(\.heldDespiteWaiver))
        if !heldWaivers.isEmpty {
            let ids = heldWaivers.sorted().joined(separator: run.language == .zh ? "、" : ", ")
            FileSystem.writeStandardError(run.language == .zh
                ? "legality：\(ids) 是法律不允许例外的禁止性规定（未经合法性审查或者经审查不合法的，不得提交讨论；未经法制审核或者审核未通过的，不得作出决定），豁免不能使议题可以上会；有关议题仍为暂缓上会\n"
                : "legality: \(ids): a prohibition the law allows no exception to (no discussion without a legality review that passed; no penalty decision without a legal review that passed); a waiver does not make an item READY, and the items stay BLOCKED\n")
        }
        // An item's waiver that has run out, or runs for longer than a waiver may, is said, as
        // check says it (the signer relies on it; one running to 2099 was unsaid).
        let onAgenda = Set(items.compactMap(\.record))
        let expired = ledger.diagnostics().filter { [ToolFinding.waiverExpired.id, ToolFinding.waiverTooLong.id].contains($0.rule) && $0.record.map(onAgenda.contains) == true }
        var agenda = Agenda(meeting: meeting, version: Legality.version, items: items, runFindings: engine.runFindings() + expired, language: run.language)
        agenda.notOnAgenda = away
        agenda.passedOver = found.passedOver
        agenda.today = todayArgument?.day
        agenda.plannedElsewhere = plannedElsewhere(checked.records, agendaIsEmpty: items.isEmpty)
        agenda.meetingOnRestDay = !run.calendar.isWorkingDay(meeting)
        // Said on standard error too when the checklist is not what the terminal shows.
        for notice in [agenda.dayNotice, agenda.restDayNotice].compactMap({ $0 }) where outputOptions.format == .json || outputOptions.output != nil {
            FileSystem.writeStandardError("legality: \(notice)\n")
        }
        agenda.run = run.description(uncoveredYears: checked.uncoveredYears)
        // (Named at the checklist's top, not again in its set-up line.)
        agenda.run.passedOver = []
        CalendarWarning.print(checked.uncoveredYears, calendar: run.calendar, language: run.language)
        let text = switch outputOptions.format {
        case .json: GateReporter.json(agenda)
        case .html: GateHTMLReporter.render(agenda)
        case .text: GateReporter.text(agenda)
        }
        try FileSystem.deliver(text, to: outputOptions.output)
        if items.contains(where: { !$0.ready }) { throw ExitCode(1) }
    }

    /// What a count in a year the calendar lacks leaves in doubt.
    enum CalendarDoubt {
        /// The verdict: the item is held back.
        case hold
        /// A finding below the fail level, which may come or go: said under the item.
        case note
    }

    /// The items a count in a year the calendar lacks leaves in doubt. Their files are checked
    /// again under the two extremes a notice for those years could make — every day of them a
    /// working day, every day off — and an item is held back when a rule that could block it
    /// counted there and the verdict under those and under Monday to Friday is not one and the
    /// same (a review submitted in November 2026 for a January 2027 meeting had some forty
    /// working days in 2026 alone, and was held; two rules blocking each under one extreme left
    /// the item READY on Monday to Friday); noted when only its findings below the fail level
    /// differ. Waivers apply as in the run; records read from standard input cannot be read again,
    /// and are held or noted by the severity of the rules that counted.
    private func doubtsOfTheCalendar(
        _ records: [CheckedRecord], threshold: Severity?, absolute: Set<String>, waivers: WaiverLedger, context: EvaluationContext, limits: RecordLimits
    ) -> [String: CalendarDoubt] {
        let candidates = records.filter { isOnAgenda($0) && $0.uncoveredSeverity != nil }
        guard !candidates.isEmpty else { return [:] }
        func couldBlock(_ record: CheckedRecord) -> Bool {
            threshold.map { level in record.uncoveredSeverity.map { $0 >= level } ?? false } ?? false
        }
        // What decides an item: whether it blocks, and the findings it has (by rule and place).
        func outcome(_ findings: [Finding]) -> (blocks: Bool, findings: Set<String>) {
            var marked = findings
            var ledger = waivers
            ledger.mark(&marked)
            let blocks = Self.blocks(marked, threshold: threshold, absolute: absolute)
            let said = Set(marked.filter { $0.waiver == nil && !$0.pending }.map { "\($0.rule)\u{0}\($0.position?.line ?? 0)" })
            return (blocks, said)
        }
        let readAgain = candidates.filter { $0.file != "-" }
        let years = Set(readAgain.flatMap(\.uncoveredYears))
        let files = PathList(Set(readAgain.map(\.file)).sorted { $0.precedesInUTF8($1) })
        func outcomes(allWorking: Bool) -> [String: (blocks: Bool, findings: Set<String>)] {
            guard !files.isEmpty else { return [:] }
            var assumed = context
            assumed.calendar = context.calendar.assuming(years, allWorking: allWorking)
            let engine = Engine(context: assumed, include: \.prerequisite)
            let checked = RecordChecker.check(files, engine: engine, jobs: 1, limits: limits)
            return Dictionary(checked.records.map { (Self.itemKey($0), outcome($0.findings)) }, uniquingKeysWith: { first, _ in first })
        }
        let (allOff, allWorking) = (outcomes(allWorking: false), outcomes(allWorking: true))
        var doubts: [String: CalendarDoubt] = [:]
        for record in candidates {
            let key = Self.itemKey(record)
            guard let off = allOff[key], let working = allWorking[key] else {
                doubts[key] = couldBlock(record) ? .hold : .note
                continue
            }
            let counted = outcome(record.findings)
            if couldBlock(record), !(off.blocks == working.blocks && working.blocks == counted.blocks) {
                doubts[key] = .hold
            } else if !(off.findings == working.findings && working.findings == counted.findings) {
                doubts[key] = .note
            }
        }
        return doubts
    }

    /// Whether findings block an item: one at the fail level or above, not pending, and not waived
    /// (a waiver of a prohibition the law allows no exception to, `absolute`, does not count).
    private static func blocks(_ findings: [Finding], threshold: Severity?, absolute: Set<String>) -> Bool {
        threshold.map { level in
            findings.contains { $0.severity >= level && ($0.waiver == nil || absolute.contains($0.rule)) && !$0.pending }
        } ?? false
    }

    /// A record's place, to find it again in a second check of its file.
    private static func itemKey(_ record: CheckedRecord) -> String {
        "\(record.file)\u{0}\(record.line)\u{0}\(record.row ?? "")"
    }

    /// The places of the records of each id that more than one record of the run has, on the
    /// agenda or not, in path order.
    /// (Ids by their bytes, as the record pack's duplicate check compares them: `CAFÉ-1` written
    /// precomposed and decomposed is two ids there, and was one here. But in one case and width,
    /// `idKey`: `Ｔ－００１` and `t-001` beside `T-001` were three READY items.)
    private static func namesakes(_ records: [CheckedRecord]) -> [[UInt8]: [String]] {
        var places: [[UInt8]: [String]] = [:]
        for record in records where record.standing == .record {
            if let id = record.id { places[idKey(id), default: []].append(location(record)) }
        }
        return places.filter { $0.value.count > 1 }
    }

    /// The places of the documents of each file (not a ledger's rows) that have no id: a mapping
    /// without one, or a list (of steps, below a `---`). (Not an empty document, a stray `---`:
    /// it continues nothing, and is an item of its own, BLOCKED.)
    private static func idlessDocuments(_ records: [CheckedRecord]) -> [String: [String]] {
        var places: [String: [String]] = [:]
        for record in records where record.row == nil && record.id == nil && (record.standing == .record || record.mayHoldRecords) {
            places[record.file, default: []].append(location(record))
        }
        return places
    }

    /// An id as a reader tells ids apart (`ReaderFolding`), as bytes.
    static func idKey(_ id: String) -> [UInt8] {
        Array(ReaderFolding.folded(id).utf8)
    }

    /// Where a reader finds a record: a ledger row's sheet and cell, a document's file and line
    /// (two records of one file are told apart).
    private static func location(_ record: CheckedRecord) -> String {
        record.row == nil ? "\(record.file):\(record.line)" : record.place
    }

    /// When no record is discussed on the meeting day: the nearest other day within a month on
    /// which records have a planned discussion, and how many (see `Agenda.plannedElsewhere`); when
    /// the agenda is empty, the nearest at any distance (a meeting day mistyped by a year gave an
    /// empty agenda, exit 0, and no word). Only records off the agenda count, as the notice says
    /// they are listed after it (one whose meeting was moved, its day unknown, is an item).
    private func plannedElsewhere(_ records: [CheckedRecord], agendaIsEmpty: Bool) -> (day: Day, records: Int)? {
        guard !records.contains(where: { $0.discussionSpans.contains { $0.contains(meeting) } }) else { return nil }
        let days = records.filter { !isOnAgenda($0) }.map { Set($0.plannedDiscussionDays) }
        let candidates = Set(days.flatMap { $0 }).filter { agendaIsEmpty || abs($0.ordinal - meeting.ordinal) <= 31 }
        // The nearest day; of two as near, the earlier.
        guard let nearest = candidates.min(by: { (abs($0.ordinal - meeting.ordinal), $0.ordinal) < (abs($1.ordinal - meeting.ordinal), $1.ordinal) }) else { return nil }
        return (nearest, days.count { $0.contains(nearest) })
    }

    /// The items of the meeting: records with a collective discussion (done or planned) on the
    /// meeting day (a meeting over several days, from its `start` to its `end`, on each of them),
    /// records with none at all (proposed for it), records whose discussion has no valid date,
    /// and files that could not be read. Records discussed only on other days are not.
    ///
    /// A step whose type cannot be read may be the discussion, so it puts the record on the agenda
    /// of its day; it never takes one off another day's: a record whose only such step (a review
    /// mistyped `legality_reveiw`, dated before the meeting) has no discussion, and was listed as
    /// discussed on another day, its failed review unsaid and the gate's exit 0.
    private func isOnAgenda(_ record: CheckedRecord) -> Bool {
        guard record.standing == .record, !record.hasUndatedDiscussion else { return true }
        let hasReadableDiscussion = !record.plannedDiscussionDays.isEmpty || !record.heldDiscussionDays.isEmpty
        return !hasReadableDiscussion || record.discussionSpans.contains { $0.contains(meeting) }
    }
}
