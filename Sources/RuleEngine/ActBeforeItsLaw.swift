import DecisionRecords
import RuleLanguage

extension Engine {
    /// How many days an act dated before its law may stand before the next step of its record
    /// and still be taken as dated right (a case filed under the old law and decided 200 days
    /// later, with no step between, is no slip; a year mistyped is some 300 days or more: a
    /// discussion of 2019-10-10 typed 2018, its review of 2019-09-20 before it, is 345 days alone).
    static let mostDaysAnActStandsAlone = 300

    /// The record pack's question of a year (`RecordProblem.Code.doubtfulYear`, at the act's date)
    /// of a record whose act of a law — the step a rule's `in_force_on` (or `about`) names, such as
    /// the first collective discussion or the case filing — is dated before the law came into
    /// force, alone: the record's earliest step, more than 300 days before the next, none of its
    /// type, while some other step is dated under the law.
    ///
    /// By the date as written, none of the law's rules applies; but a decision whose review and
    /// comment period are of 2026 is not discussed in 2016, nor is a case investigated and decided
    /// in 2025 filed in 2015. A year so mistyped took the record out of every rule of its law,
    /// unsaid: exit 0, counted "not applicable" in the audit, with not a word. Asked as a warning,
    /// since the record may be dated right (a case filed in 2021 and resumed in 2022, a plan
    /// discussed in 2019 and decided in 2020), the record is still evaluated as dated.
    func problemsOfActsBeforeTheirLaw(in document: LoadedDocument) -> [RecordProblem] {
        guard let latestFirstLaw = latestFirstVersionStart, let steps = document.record?.steps, steps.count >= 2 else { return [] }
        // (Asked of the two earliest days first, without a copy: an act standing alone is the
        // earliest step, more than 300 days before the next; nearly every record has none.)
        var (earliest, next) = (Day(ordinal: Int.max), Day(ordinal: Int.max))
        for step in steps {
            if step.day < earliest { (earliest, next) = (step.day, earliest) } else if step.day < next { next = step.day }
        }
        guard earliest < latestFirstLaw, earliest.days(to: next) > Self.mostDaysAnActStandsAlone, !document.isBlocked,
              let record = document.record else { return [] }
        let evaluator = Evaluator(shared, record: record)
        var acts: [Int: (law: RuleVersion, rules: [String])] = [:]
        for index in ruleIndices(for: record.kind) {
            let plan = plans[index]
            guard plan.scope == .eachRecord, !plan.isRecordPack, let law = plan.rule.versions.first, let actProgram = plan.lawAct,
                  earliest < law.from
            else { continue }
            evaluator.prepare(for: plan, slotCount: plan.check.slotCount)
            evaluator.startBudget(context.ruleStepBudget)
            let act = actProgram(evaluator)
            evaluator.startBudget(.max)
            guard !evaluator.exhausted, evaluator.typeError == nil, case .step(let step) = act,
                  let day = evaluator.day(act), day < law.from, standsAlone(step, day: day, before: law.from, in: record)
            else { continue }
            acts[step, default: (law, [])].rules.append(plan.rule.id)
        }
        return acts.keys.sorted().compactMap { step in
            guard let (law, rules) = acts[step] else { return nil }
            return problem(of: record.steps[step], day: record.steps[step].day, law: law, rules: rules, in: record)
        }
    }

    /// Whether a step dated `day`, before its law's first day, is the record's earliest and more
    /// than 300 days before every other step, some of which are dated under the law — none of them
    /// a step of its type (a first discussion before the regulations and a second after them are
    /// two rounds, the first of which, by the catalogue, picks the law).
    private func standsAlone(_ step: Int, day: Day, before lawStart: Day, in record: DecisionRecord) -> Bool {
        let act = record.steps[step]
        let others = record.steps.filter { $0.index != act.index }
        guard let next = others.map(\.day).min(), let last = others.map(\.day).max() else { return false }
        return day.days(to: next) > Self.mostDaysAnActStandsAlone && last >= lawStart && !others.contains { $0.type == act.type }
    }

    private func problem(of step: Step, day: Day, law: RuleVersion, rules: [String], in record: DecisionRecord) -> RecordProblem {
        let others = record.steps.filter { $0.index != step.index }
        let next = others.min { $0.day < $1.day }
        let names = format.vocabulary.names(of: step.type, in: RecordFormat.Section.stepTypes)
        let nextNames = next.flatMap { format.vocabulary.names(of: $0.type, in: RecordFormat.Section.stepTypes) }
        // One rule names its article (the 90 days of 《行政处罚法》 are of its 2021 text); several, the instrument.
        let instrument = rules.count == 1 ? law.basis.text(.zh) : law.basis.instrument
        let instrumentEnglish = rules.count == 1 ? law.basis.text(.en) : law.basis.instrument
        let ruleList = rules.count > 3 ? "\(rules[0]) 等 \(rules.count) 条规则都" : rules.count > 1 ? rules.joined(separator: "、") + " 都" : rules.joined() + " "
        let ruleListEnglish = rules.count > 3 ? "\(rules[0]) and \(rules.count - 1) more rules do" : rules.count > 1 ? rules.joined(separator: ", ") + " do" : rules.joined() + " does"
        let nextZh = next.map { "（最早的是第 \($0.index + 1) 个步骤\(nextNames.map { "“\($0.zh)”" } ?? "") \($0.day)）" } ?? ""
        let nextEn = next.map { " (the earliest, step \($0.index + 1)\(nextNames.map { " (\($0.en))" } ?? ""), is dated \($0.day))" } ?? ""
        return RecordProblem(
            code: .doubtfulYear,
            message: LocalizedText(
                zh: "第 \(step.index + 1) 个步骤\(names.map { "“\($0.zh)”" } ?? "")的日期 \(day) 早于\(instrument)施行之日 \(law.from)，按此日期，\(ruleList)不适用于这条记录；但记录的其他步骤都在它之后 300 天以上\(nextZh)，且有步骤在该法施行之后。年份是否写错了？日期无误的（如案件中止后恢复，或讨论一年后才作出决定），此提示可不理会，该法的规则按所写日期不适用。",
                en: "step \(step.index + 1)\(names.map { " (\($0.en))" } ?? "") is dated \(day), before \(instrumentEnglish) came into force on \(law.from), so by this date \(ruleListEnglish) not apply to the record; yet every other step of the record is more than 300 days later\(nextEn), and some are dated under that law. Is the year mistyped? If the date is right (a case suspended and resumed, a decision made a year after its discussion), this warning may stand: by the date as written, the law's rules do not apply."),
            position: step.dayPosition)
    }
}

extension RulePlan {
    /// The program naming the act whose day picks the rule's law, where it can be asked of a
    /// record outside the rule's loops: its `in_force_on`, else (with no loops) its `about`.
    var lawAct: ProgramCell? {
        check.inForceOn ?? (check.loops.isEmpty ? check.about : nil)
    }
}
