import DecisionRecords
import RuleEngine
import RuleLanguage

/// The counting behind `AnnualReport`: which records belong to the year, how each claim
/// stands, and the words for it.
struct AnnualReportDraft {
    let year: Int
    let language: Language
    let wording: AnnualReportWording
    let kindNames: [String: LocalizedText]
    /// Records of the year with a known kind.
    let current: [CheckedRecord]
    /// Records of the year before with a known kind.
    let previous: [CheckedRecord]
    /// Files and records that could not be placed: unreadable, undated (a record with only planned
    /// steps and no valid date among them), or of the year with no known kind.
    let notCounted: [CheckedRecord]
    /// Records of the year with only planned steps, named apart when the wording has words for
    /// them (`overview.planned_only`; else they are among `notCounted`).
    let plannedOnly: [CheckedRecord]
    /// The ids of the rules the run evaluated; nil when not told (every claim's rules are taken as run).
    var rulesRun: Set<String>?
    /// Ids two or more records share (a duplicate id): each is named with its file, so the records can be
    /// told apart ("P25-01、P25-01" could not).
    let sharedIDs: Set<String>
    /// Files holding two or more records of a shared id, whose records are named with their lines.
    let sharedPlaces: Set<String>

    init(year: Int, language: Language, records: [CheckedRecord], wording: AnnualReportWording, kindNames: [String: LocalizedText]) {
        self.year = year
        self.language = language
        self.wording = wording
        self.kindNames = kindNames
        func known(_ record: CheckedRecord) -> Bool { record.kind.map { kindNames[$0] != nil } ?? false }
        // A record with nothing done made no decision and handled no case: it is no figure of a
        // year (it was counted among the decisions made), only named as not counted in the year
        // of its plan. Unless a claim's rule found it wanting once its plan's day had passed (a
        // discussion planned for a day gone by, with no review: "no legality review", an error, not pending):
        // it denies the claim, as the audit of the year counts it (the report said "全部履行").
        let claimRules = Set(wording.claims.flatMap { $0.problems.map(\.rule) })
        func deniesAClaim(_ record: CheckedRecord) -> Bool {
            record.findings.contains { !$0.pending && !$0.isEngineFinding && claimRules.contains($0.rule) }
        }
        func yearOf(_ record: CheckedRecord) -> Int? {
            record.standing == .record && (!record.isPlannedOnly || deniesAClaim(record)) ? record.periodDate?.components.year : nil
        }
        current = records.filter { yearOf($0) == year && known($0) }
        previous = records.filter { yearOf($0) == year - 1 && known($0) }
        // (Named apart, they were told "the file could not be read" among the unreadable.)
        let sayPlannedApart = wording.texts["overview.planned_only"] != nil
        // (A record the record pack blocks, a status `plan` or a kind mistyped, has reasons of its
        // own, said in `overview.not_counted`: "only planned steps" misnamed it.)
        func isPlannedOnly(_ record: CheckedRecord) -> Bool {
            record.standing == .record && record.isPlannedOnly && !deniesAClaim(record) && !record.blocked && record.periodDate?.components.year == year
        }
        plannedOnly = sayPlannedApart ? records.filter(isPlannedOnly) : []
        notCounted = records.filter { record in
            if record.standing == .record, record.isPlannedOnly, !deniesAClaim(record) {
                // (Undated, it belongs to no year: named in every year's report, as an undated
                // record is, not left out of all of them.)
                guard let planYear = record.periodDate?.components.year else { return true }
                return planYear == year && !(sayPlannedApart && isPlannedOnly(record))
            }
            guard let recordYear = yearOf(record) else { return true }
            return recordYear == year && !known(record)
        }
        var seen: Set<String> = []
        var shared: Set<String> = []
        for case let id? in records.map(\.id) where !seen.insert(id).inserted { shared.insert(id) }
        sharedIDs = shared
        var places: Set<String> = []
        var twice: Set<String> = []
        for record in records where record.id.map(shared.contains) ?? false {
            let key = "\(record.id ?? "")\u{0}\(record.place)"
            if !places.insert(key).inserted { twice.insert(record.place) }
        }
        sharedPlaces = twice
    }

    private func text(_ path: String, _ values: [String: String] = [:]) -> String {
        wording.text(path, language, values)
    }

    private func ids(_ records: [CheckedRecord]) -> String {
        records.map { record in
            guard let id = record.id, sharedIDs.contains(id) else { return Self.name(record) }
            // Two documents of one file are told apart by their lines.
            let place = record.row == nil && sharedPlaces.contains(record.place) ? "\(record.place):\(record.line)" : record.place
            return language == .zh ? "\(id)（\(place)）" : "\(id) (\(place))"
        }.sorted().joined(separator: text("phrases.id_separator"))
    }

    /// A record's id, else where it is: its file, or for a ledger's row the row (`p.xlsx:台账!A2`,
    /// not the whole workbook, which read as unreadable).
    static func name(_ record: CheckedRecord) -> String {
        record.id ?? record.place
    }

    // MARK: Overview

    func overview() -> [String] {
        var sentences: [String] = []
        if current.isEmpty && previous.isEmpty {
            sentences.append(text("overview.none", ["year": "\(year)"]))
        } else {
            let byKind = Dictionary(grouping: current) { $0.kind ?? "" }
            let previousByKind = Dictionary(grouping: previous) { $0.kind ?? "" }
            var pieces: [String] = []
            var inProgress: [String] = []
            // A kind of the year before with none this year is said as 0 beside its figure then
            // (it was left out, its fall unsaid).
            let present = Set(byKind.keys).union(previousByKind.keys)
            let kinds = wording.kindOrder.filter(present.contains) + present.filter { !wording.kindOrder.contains($0) }.sorted()
            for kind in kinds {
                let records = byKind[kind] ?? []
                // A kind whose count says the decision was made (作出, 制定) counts the records with a
                // decision done; the others are said apart (a draft at public comment was "made",
                // beside a claim of the same report that no decision was made that year).
                let (counted, undecided) = madeAndUndecided(records, kind: kind)
                var piece = wording.texts["kinds.\(kind).count"] != nil
                    ? text("kinds.\(kind).count", ["count": "\(counted)"])
                    : text("overview.other_kind", ["name": kindNames[kind]?.text(language) ?? kind, "count": "\(counted)"])
                if !previous.isEmpty { piece += text("overview.previous", ["previous": "\(madeAndUndecided(previousByKind[kind] ?? [], kind: kind).made)"]) }
                pieces.append(piece)
                if !undecided.isEmpty {
                    inProgress.append(text("kinds.\(kind).in_progress", ["count": "\(undecided.count)", "ids": ids(undecided)]))
                }
            }
            sentences.append(text("overview.sentence", ["year": "\(year)", "counts": pieces.joined(separator: text("phrases.list_separator"))]))
            sentences += inProgress
        }
        // Records counted above that share an id (a ledger and the records imported from it, read
        // together): the figures count each, and the report is copied into the government's.
        var counted: [String: Int] = [:]
        for case let id? in current.map(\.id) { counted[id, default: 0] += 1 }
        let repeated = current.filter { record in record.id.map { counted[$0, default: 0] > 1 } ?? false }
        if !repeated.isEmpty, wording.texts["overview.duplicates"] != nil {
            let shared = Set(repeated.compactMap(\.id)).sorted()
            sentences.append(text("overview.duplicates", [
                "count": "\(repeated.count)", "distinct": "\(shared.count)", "ids": shared.joined(separator: text("phrases.id_separator")),
            ]))
        }
        if !plannedOnly.isEmpty {
            sentences.append(text("overview.planned_only", ["count": "\(plannedOnly.count)", "ids": ids(plannedOnly)]))
        }
        if !notCounted.isEmpty {
            sentences.append(text("overview.not_counted", ["count": "\(notCounted.count)", "ids": ids(notCounted)]))
        }
        return sentences
    }

    /// How many records of a kind count as made, and those that do not: for a kind worded with
    /// `in_progress`, the records with a decision done are made; for another kind, every record.
    private func madeAndUndecided(_ records: [CheckedRecord], kind: String) -> (made: Int, undecided: [CheckedRecord]) {
        guard wording.texts["kinds.\(kind).in_progress"] != nil else { return (records.count, []) }
        let undecided = records.filter { $0.decisionDate == nil }
        return (records.count - undecided.count, undecided)
    }

    // MARK: Claims

    /// How the records of a kind stand against a claim.
    struct Tally {
        var population: [CheckedRecord] = []
        var held = 0
        /// Per rule of the claim, in the claim's order: the records it failed and those of them waived.
        var failed: [(rule: String, records: [CheckedRecord], waived: [CheckedRecord])] = []
        var pending: [CheckedRecord] = []
        var unverifiable: [CheckedRecord] = []
        /// Records in which none of the claim's `shown_by` rules had anything to check.
        var unshown: [CheckedRecord] = []
    }

    static func tally(_ claim: AnnualReportWording.Claim, _ records: [CheckedRecord]) -> Tally {
        let rules = Set(claim.problems.map(\.rule))
        let about = claim.about.isEmpty ? rules : Set(claim.about)
        var tally = Tally()
        tally.failed = claim.problems.map { ($0.rule, [], []) }
        for record in records where record.kind == claim.kind {
            // A record the engine could not finish (a rule out of its budget, values of mixed
            // types) may hide a finding: it bears nothing out.
            if record.blocked || record.hasEngineFinding {
                // Unless its facts show it is none the claim speaks of (an ordinary case with a
                // mistyped delivery date is no major case).
                if !claim.aboutFacts.isEmpty || !claim.aboutSteps.isEmpty, let traits = record.uncheckedTraits,
                   !traits.mayBe(facts: claim.aboutFacts, steps: claim.aboutSteps) { continue }
                tally.population.append(record)
                tally.unverifiable.append(record)
                continue
            }
            // A record with a key that may change the verdict and was not read (`状态: 计划` in its
            // review, `重大执法决定: true` beside its facts), which the gate holds back, bears
            // nothing out either: the report certified "every major case was reviewed" of a review
            // written as planned. It is one the claim speaks of when the claim's rules applied, or,
            // for a claim of cases with some fact (major ones), when the key may be a fact (a
            // stray key in an ordinary case's publication made it a major one).
            if record.hasMisreadKey, !record.findings.contains(where: { rules.contains($0.rule) && !$0.pending }),
               record.applicableRules.contains(where: about.contains) || (!claim.aboutFacts.isEmpty && record.hasMisreadFact) {
                tally.population.append(record)
                tally.unverifiable.append(record)
                continue
            }
            guard record.applicableRules.contains(where: about.contains) else { continue }
            tally.population.append(record)
            let findings = record.findings.filter { rules.contains($0.rule) }
            let settled = findings.filter { !$0.pending }
            if settled.isEmpty {
                if !findings.isEmpty {
                    tally.pending.append(record)
                } else if let shownBy = claim.shownBy, !shownBy.rules.contains(where: { rule in
                    record.applicableRules.contains(rule) && !record.rulesWithNothingToCheck.contains(rule)
                }) {
                    tally.unshown.append(record)
                } else {
                    tally.held += 1
                }
                continue
            }
            // Each record under one of the claim's problems, so the parts add up to the whole (a
            // document with no review that was only put out for opinions was counted twice, 15 parts
            // of 14 documents): the first, in the claim's order, that is not waived, else the first.
            let problems = tally.failed.indices.filter { index in settled.contains { $0.rule == tally.failed[index].rule } }
            let waived = { (index: Int) in settled.allSatisfy { $0.rule != tally.failed[index].rule || $0.waiver != nil } }
            if let index = problems.first(where: { !waived($0) }) ?? problems.first {
                tally.failed[index].records.append(record)
                if waived(index) { tally.failed[index].waived.append(record) }
            }
        }
        return tally
    }

    /// The records of a claim's kind none of whose rules the claim speaks of applied because
    /// their law was not yet in force (and that could be read: one in error is counted as such).
    static func beforeTheLaw(_ claim: AnnualReportWording.Claim, _ records: [CheckedRecord]) -> [CheckedRecord] {
        let about = claim.about.isEmpty ? Set(claim.problems.map(\.rule)) : Set(claim.about)
        return records.filter { record in
            record.kind == claim.kind && !record.blocked && !record.hasEngineFinding
                && !record.applicableRules.contains(where: about.contains) && record.notInForceRules.contains(where: about.contains)
        }
    }

    func statement(_ claim: AnnualReportWording.Claim) -> AnnualReport.Statement {
        // A claim whose rules did not all run is not stated: with "no legality review" disabled,
        // "5 of 6 were reviewed" was printed for a year with one decision never reviewed.
        // (A rule that did not run on some record of the claim's kind, for want of a registry beside
        // it, is not run for the claim: a penalty case without one withdrew no claim about decisions.)
        let withoutRegistry = Set((current + previous).filter { $0.kind == claim.kind }.flatMap(\.rulesNotRunWithoutRegistry))
        let notRun = claim.problems.map(\.rule).filter { rule in (rulesRun.map { !$0.contains(rule) } ?? false) || withoutRegistry.contains(rule) }
        // (With no record of the claim's kind in the year, nor the year before when it is given,
        // there was nothing to check: "no penalty case was handled" is said, not "not checked". A
        // year before's figure would rest on the rules that did not run.)
        if !notRun.isEmpty, current.contains(where: { $0.kind == claim.kind }) || previous.contains(where: { $0.kind == claim.kind }) {
            return AnnualReport.Statement(
                claim: claim.id, outcome: .unchecked, sentence: text("phrases.unchecked", ["rules": notRun.joined(separator: text("phrases.id_separator"))]),
                total: 0, held: 0, records: nil, previous: nil)
        }
        let tally = Self.tally(claim, current)
        let total = tally.population.count
        let counts = ["total": "\(total)", "held": "\(tally.held)", "year": "\(year)"]
        // Files that could not be read, and records of the claim's kind that could not be dated, may
        // hold one the claim speaks of: it is not stated as a whole (a major decision with a YAML
        // slip and no review left "全部履行合法性审查程序" standing), and they are named.
        // (A file with no document, empty or comments only, holds no record: the audit leaves it
        // out of its rates, and so does the claim. A list of records is read as none, and may be.)
        let unread = notCounted.filter { record in
            record.mayHideUnchecked && (record.kind.map { $0 == claim.kind || kindNames[$0] == nil } ?? true)
        }
        let unreadFigure = unread.isEmpty || wording.texts["phrases.not_read"] == nil ? nil : text("phrases.not_read", ["count": "\(unread.count)", "ids": ids(unread)])
        let outcome: AnnualReport.Outcome = total == 0 ? .empty : tally.held == total && unread.isEmpty ? .holds : .partly
        // Records of the kind the claim's law did not yet apply to are named, not passed over: a
        // decision discussed before the Regulations took effect made "1 decision was made" stand
        // beside "no decision was made in the year".
        let beforeTheLaw = wording.texts["phrases.not_in_force"] == nil ? [] : Self.beforeTheLaw(claim, current)
        let beforeTheLawSentence = beforeTheLaw.isEmpty ? "" : text("phrases.not_in_force", [
            "count": "\(beforeTheLaw.count)", "ids": ids(beforeTheLaw), "unit": unit(of: claim.kind),
        ])
        var sentence: String
        if total == 0 {
            sentence = AnnualReportWording.fill(claim.empty.text(language), counts)
            if let unreadFigure { sentence += (language == .zh ? "" : " ") + unreadFigure + text("phrases.end") }
        } else if outcome == .holds {
            sentence = AnnualReportWording.fill(claim.holds.text(language), counts)
        } else {
            // (The files not read are parted from the claim's problems by a semicolon: after a comma
            // they read as one more problem.)
            sentence = ([AnnualReportWording.fill(claim.partly.text(language), counts)] + figures(claim, tally))
                .joined(separator: text("phrases.figure_separator"))
                + (unreadFigure.map { (language == .zh ? "；" : "; ") + $0 } ?? "") + text("phrases.end")
        }
        // (The wording's sentence begins with what parts it from the claim's: a space in English.)
        sentence += beforeTheLawSentence
        var previousLine: String?
        if !previous.isEmpty {
            let before = Self.tally(claim, previous)
            previousLine = before.population.isEmpty
                ? text("phrases.previous_empty")
                : text("phrases.previous", ["held": "\(before.held)", "total": "\(before.population.count)"])
        }
        return AnnualReport.Statement(
            claim: claim.id, outcome: outcome, sentence: sentence, total: total, held: tally.held,
            records: total == 0 ? nil : text("phrases.records", ["ids": ids(tally.population)]), previous: previousLine)
    }

    private func figures(_ claim: AnnualReportWording.Claim, _ tally: Tally) -> [String] {
        let template = wording.texts["kinds.\(claim.kind).figure"] != nil ? "kinds.\(claim.kind).figure" : "phrases.figure"
        func figure(_ records: [CheckedRecord], _ problem: String) -> String {
            text(template, ["count": "\(records.count)", "ids": ids(records), "problem": problem])
        }
        var figures: [String] = []
        for (rule, records, waived) in tally.failed where !records.isEmpty {
            let problem = claim.problems.first { $0.rule == rule }?.text.text(language) ?? rule
            var line = figure(records, problem)
            if !waived.isEmpty {
                line += text("phrases.waived", ["count": "\(waived.count)", "ids": ids(waived), "unit": unit(of: claim.kind)])
            }
            figures.append(line)
        }
        if !tally.pending.isEmpty { figures.append(figure(tally.pending, text("phrases.pending"))) }
        if !tally.unverifiable.isEmpty { figures.append(figure(tally.unverifiable, text("phrases.unverifiable"))) }
        if let shownBy = claim.shownBy, !tally.unshown.isEmpty { figures.append(figure(tally.unshown, shownBy.missing.text(language))) }
        return figures
    }

    // MARK: Problems and annex

    func problems(rules: [Rule]) -> [String] {
        // No record of the year: nothing was checked, which is no "no problems" (a report drafted
        // from the wrong folder said 未发现问题).
        guard !current.isEmpty else { return [text("phrases.nothing_checked", ["year": "\(year)"])] }
        let ruleIDs = Set(rules.map(\.id))
        // Grouped by rule and by the basis of the law's version the finding applied: one rule's
        // findings under the 2017 and the 2021 texts of a law are two lines, each citing its own
        // article (all were cited by the first finding's, whichever file came first).
        var byProblem: [ProblemKey: [CheckedRecord]] = [:]
        /// Per problem, the records whose findings of it are all waived (said so, as the claims say).
        var waivedByProblem: [ProblemKey: [CheckedRecord]] = [:]
        // A claim's rule made an info by the configuration still denies the claim, and its
        // findings are problems here too ("no legality review" made an info read "未发现问题").
        let claimRules = Set(wording.claims.flatMap { $0.problems.map(\.rule) })
        for record in current {
            // Each problem counts a record once, however many findings it has there.
            var counted: Set<ProblemKey> = []
            // The engine's own findings (a rule out of its budget) are no problem of the
            // government's: the claims count those records as not checkable. A rule that did not
            // run on every record is said apart, below, not listed in part.
            for finding in record.findings
            where !finding.pending && (finding.severity != .info || claimRules.contains(finding.rule)) && !finding.isEngineFinding
                && rulesRun.map({ $0.contains(finding.rule) || !ruleIDs.contains(finding.rule) }) ?? true {
                let key = ProblemKey(rule: finding.rule, basis: finding.basis.text(language))
                guard counted.insert(key).inserted else { continue }
                byProblem[key, default: []].append(record)
                let waived = record.findings.allSatisfy { other in
                    other.rule != key.rule || other.basis.text(language) != key.basis || other.pending || other.waiver != nil
                }
                if waived { waivedByProblem[key, default: []].append(record) }
            }
        }
        // With a claim's rule not run, "no problems" would speak for problems nobody looked for.
        let notRun = claimRules.filter { rule in rulesRun.map { !$0.contains(rule) } ?? false }.sorted()
        var notRunLine = notRun.isEmpty ? [] : [text("phrases.problems_not_run", ["rules": notRun.joined(separator: text("phrases.id_separator"))])]
        // Rules that ran, but not on the records without a registry beside them: what they found
        // is listed (one penalty case without a registry dropped every expired certificate found
        // on the others, and "no problems found" was printed), and what they could not look at is
        // said, in the report's own sentence (a wording file needs no new text).
        let partly = current.filter { !$0.rulesNotRunWithoutRegistry.isEmpty }
        let partlyRun = Set(partly.flatMap(\.rulesNotRunWithoutRegistry)).subtracting(notRun).sorted()
        if !partlyRun.isEmpty {
            let rules = partlyRun.joined(separator: text("phrases.id_separator"))
            notRunLine.append(language == .zh
                ? "另有 \(partly.count) 项记录旁没有人员名册，\(rules) 未对其执行，所查问题可能不止以上所列，须另行核对。"
                : "\(Wording.counted(partly.count, "record")) had no registry of people beside them, and \(rules) did not run on them: their problems may be more than listed here; to be verified otherwise.")
        }
        // Files that could not be read and records that could not be dated: their problems are in
        // none of the lines (the section said 未发现问题 beside a file of a YAML slip).
        let unread = notCounted.filter(\.mayHideUnchecked)
        if !unread.isEmpty {
            notRunLine.append(language == .zh
                ? "另有 \(unread.count) 个文件或记录无法读取或无法确定年度（\(ids(unread))），其中的问题未能查明，须另行核对。"
                : "\(unread.count) more \(unread.count == 1 ? "file or record" : "files or records") could not be read or dated (\(ids(unread))): what problems \(unread.count == 1 ? "it holds is" : "they hold is") not known; to be verified otherwise.")
        }
        guard !byProblem.isEmpty else { return [text(notRun.isEmpty && partlyRun.isEmpty ? "phrases.no_problems" : "phrases.no_problems_among_run")] + notRunLine }
        let byID = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let listed = byProblem.sorted { lhs, rhs in
            if lhs.value.count != rhs.value.count { return lhs.value.count > rhs.value.count }
            return lhs.key.rule != rhs.key.rule ? lhs.key.rule < rhs.key.rule : lhs.key.basis < rhs.key.basis
        }.map { problem, records in
            // The measure word of the one kind the rule checks (项, 件), else the general one.
            let kinds = byID[problem.rule]?.kinds ?? []
            let measure = unit(of: kinds.count == 1 ? kinds.first : nil)
            let line = text("phrases.problem", [
                "name": byID[problem.rule]?.title.text(language) ?? problem.rule, "basis": problem.basis,
                "count": "\(records.count)", "ids": ids(records), "unit": measure,
            ])
            guard let waived = waivedByProblem[problem] else { return line }
            return line + text("phrases.waived", ["count": "\(waived.count)", "ids": ids(waived), "unit": measure])
        }
        return listed + notRunLine
    }

    /// A problem of the report's list: a rule, and the basis its findings cite (a rule with
    /// versions cites the version in force on the day of each act).
    private struct ProblemKey: Hashable {
        let rule: String
        let basis: String
    }

    /// The measure word of a kind (项, 件), else the general one.
    private func unit(of kind: String?) -> String {
        guard let kind, wording.texts["kinds.\(kind).unit"] != nil else { return text("phrases.unit") }
        return text("kinds.\(kind).unit")
    }

    func rows() -> [AnnualReport.Row] {
        current.sorted { Self.name($0) < Self.name($1) }.map { record in
            AnnualReport.Row(cells: [
                Self.name(record), record.title ?? "", record.kind.flatMap { kindNames[$0]?.text(language) } ?? "",
                record.periodDate.map { "\($0)" } ?? "", AuditReport.status(of: record).text(language), record.place,
            ])
        }
    }
}
