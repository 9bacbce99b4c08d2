public import DecisionRecords
public import RuleLanguage
public import YAMLTree

/// Evaluates compiled rules on loaded documents.
///
/// A class: every file a worker checks uses the worker's one engine (as a struct of some twenty
/// references it was copied, each reference retained, for each file); a second worker thread
/// checks with a `replica()`.
public final class Engine: Sendable {
    /// The evaluation context.
    public let context: EvaluationContext
    /// The rules that run, in id order.
    public let rules: [Rule]

    /// Each rule with what evaluating it needs, in the order of `rules`.
    let plans: [RulePlan]
    /// The same plans, handed to each record's evaluation without counting a reference to each:
    /// `plans` holds them for as long as the engine lives (counting cost two atomic operations
    /// for every rule on every record).
    private let uncountedPlans: [Unmanaged<RulePlan>]
    /// What every record's evaluation shares.
    let shared: SharedEvaluation
    /// The indices of the rules that apply to each kind named by some rule (with those that apply
    /// to every kind, in id order), and of those that apply to every kind.
    private let rulesByKind: [String: [Int]]
    private let rulesForEveryKind: [Int]
    /// The rules that turn load problems into findings, and their ids.
    private let loadProblemRuleIDs: [String]
    /// The latest of the days the laws of rules with an act of their law (`RulePlan.lawAct`) came into force (their first
    /// versions'): a record whose steps are all of that day or later has no act before its law.
    let latestFirstVersionStart: Day?

    /// Creates an engine for the rules that pass `include`.
    public convenience init(context: EvaluationContext, include: (Rule) -> Bool = { _ in true }) {
        self.init(context: context, rules: context.rules.rules.filter(include))
    }

    /// An engine of the same rules and context whose compiled programs, parameter values and
    /// record format (the object; the vocabulary's storage behind it is still shared) are its
    /// own, for a worker thread to use alone.
    ///
    /// Evaluating counts references to what the programs hold (their constants, the parameters'
    /// lists, the format's code lists); when two threads count references to the same objects,
    /// every count moves a cache line from one core to the other (a part of why two workers took
    /// a fifth more processor time than one job). Findings are the same as the original's; a
    /// replica costs about as much as making the engine did (some 0.4 ms for the built-in rules).
    public func replica() -> Engine {
        Engine(context: context, rules: rules)
    }

    private init(context: EvaluationContext, rules: [Rule]) {
        self.context = context
        self.rules = rules
        // One format for loading and for the programs: step types are numbered in its vocabulary.
        let format = context.format
        let programs = Programs(codes: format.codes)
        plans = rules.map { RulePlan(rule: $0, context: context, programs: programs) }
        uncountedPlans = plans.map(Unmanaged.passUnretained)
        shared = SharedEvaluation(
            context: context, definitions: context.rules.definitions, programs: programs,
            slotCount: plans.map(\.check.slotCount).max() ?? 0)
        var byKind: [String: [Int]] = [:]
        for (index, rule) in rules.enumerated() {
            for kind in rule.kinds ?? [] { byKind[kind, default: []].append(index) }
        }
        let everyKind = rules.indices.filter { rules[$0].kinds == nil }
        rulesByKind = byKind.mapValues { ($0 + everyKind).sorted() }
        rulesForEveryKind = everyKind
        self.format = format
        latestFirstVersionStart = plans.filter { $0.lawAct != nil }.compactMap(\.rule.versions.first?.from).max()
        loadProblemRuleIDs = rules.compactMap { rule in
            if case .loadProblems = rule.body { return rule.id }
            return nil
        }
    }

    /// The indices of the rules for a kind, in id order.
    func ruleIndices(for kind: String) -> [Int] {
        rulesByKind[kind] ?? rulesForEveryKind
    }

    /// What loading checks records against (settled once: it reads every rule).
    public let format: RecordFormat

    /// Reads a document as a record, with the run's vocabulary, known keys and as-of date.
    /// A record whose act of a law is dated, alone, before the law (a year mistyped) has the
    /// record pack's problem of it (`problemsOfActsBeforeTheirLaw`).
    public func load(_ document: YAMLNode, file: String) -> LoadedDocument {
        var loaded = RecordLoader.load(document, file: file, format: format)
        let problems = problemsOfActsBeforeTheirLaw(in: loaded)
        if !problems.isEmpty { loaded.problems += problems }
        return loaded
    }

    /// The findings of one loaded document of a file, in evaluation order; documents must come in file order.
    public func check(_ document: LoadedDocument, file: String, state: inout RunState) -> [Finding] {
        var evaluation = evaluate(document, file: file)
        state.settle(&evaluation, file: file)
        return evaluation.findings
    }

    /// The findings of one loaded document, and the rules that applied to it: those whose kinds
    /// and `when` held (a rule with `for_each` applies even when it had no item to check).
    /// A record with a problem that blocks evaluation (a missing or mistyped key, a bad step, an
    /// unknown code, a done step in the future) is
    /// evaluated by the record pack only.
    ///
    /// Documents may be evaluated in any order and in parallel; `RunState.settle` must then see
    /// each evaluation in file order, which decides the findings that depend on earlier records.
    ///
    /// - Parameter listingRules: whether the evaluation lists the rules that applied and those not
    ///   in force (`applicableRules`, `notInForceRules`, `rulesWithNothingToCheck`), which only reports that keep records read;
    ///   without it both stay empty.
    public func evaluate(_ document: consuming LoadedDocument, file: String, listingRules: Bool = true) -> RecordEvaluation {
        var result = RecordEvaluation(findings: [], applicableRules: listingRules ? loadProblemRuleIDs : [])
        result.listsRules = listingRules
        // Most documents load without a problem: their id and place are not even asked.
        if !document.problems.isEmpty {
            result.findings = loadProblemFindings(document.problems, record: document.id, at: document.record?.position, file: file)
        }
        let blocked = document.isBlocked
        guard var record = document.record.take() else {
            // A document that could not be read as a record was checked by the rule of its
            // problem alone: an audit counted an unparseable file as having passed the rules of
            // steps, values and dates that never saw it (100 % where nothing was read).
            if listingRules {
                let reported = Set(result.findings.map(\.rule))
                result.applicableRules = loadProblemRuleIDs.filter(reported.contains)
            }
            return result
        }
        result.judgedAsRecord = !blocked
        if let meeting = context.meeting, !blocked { addMeeting(on: meeting, to: &record) }
        // The record is the evaluator's from here (handed over, not copied).
        let evaluator = Evaluator(shared, record: consume record)
        let indices = ruleIndices(for: evaluator.record.kind)
        // Room for every rule that may apply, made once (it grew five times a record).
        if listingRules { result.applicableRules.reserveCapacity(result.applicableRules.count + indices.count) }
        for index in indices {
            // A plan is a reference: taking a rule from `rules` would copy every field of it.
            uncountedPlans[index]._withUnsafeGuaranteedRef { plan in
                guard plan.scope == .eachRecord, !blocked || plan.isRecordPack else {
                    if blocked, listingRules, plan.scope == .eachRecord, mayApply(plan, with: evaluator) { result.rulesNotCheckable.append(plan.rule.id) }
                    return
                }
                if plan.rule.needsRegistry, evaluator.registry == nil { return }
                evaluator.prepare(for: plan, slotCount: plan.check.slotCount)
                guard evaluate(plan, with: evaluator, into: &result) else { return }
                if listingRules { result.applicableRules.append(plan.rule.id) }
                if !plan.isRecordPack { result.appliedBeyondRecordPack = true }
            }
        }
        result.uncoveredYears = evaluator.uncoveredYears
        result.uncoveredSeverity = evaluator.uncoveredSeverity
        result.seenQueries = evaluator.seenQueries
        return result
    }

    /// Findings of run-scope rules, such as "no registry was found".
    public func runFindings() -> [Finding] {
        let empty = DecisionRecord(id: "", kind: "", title: "", file: "", node: YAMLNode(.mapping([]), range: SourceRange(at: .start)), steps: [])
        let evaluator = Evaluator(shared, record: empty)
        var result = RecordEvaluation(findings: [], applicableRules: [])
        for plan in plans {
            guard plan.scope == .run else { continue }
            evaluator.prepare(for: plan, slotCount: plan.check.slotCount)
            evaluate(plan, with: evaluator, into: &result)
        }
        // A run-level rule has no file order to settle a `seen_before` question in: its finding
        // stands as evaluated, the question answered "seen".
        let findings = RecordEvaluation.merge(result.findings, result.deferred) { $0.plan.finding($0.parts) }
        return findings.map { finding in
            var runLevel = finding
            runLevel.record = nil
            runLevel.file = ""
            runLevel.position = nil
            return runLevel
        }
    }

    private func loadProblemFindings(_ problems: [RecordProblem], record: String?, at recordPosition: SourcePosition?, file: String) -> [Finding] {
        // Most documents load without a problem: no rule is looked at for them.
        guard !problems.isEmpty else { return [] }
        var findings: [Finding] = []
        for plan in plans {
            guard case .loadProblems(let codes) = plan.rule.body else { continue }
            let first = findings.count
            var unlisted = 0
            for problem in problems where codes.contains(problem.code) {
                guard findings.count - first < Finding.listedPerRule else {
                    unlisted += 1
                    continue
                }
                let empty = DecisionRecord(id: record ?? "", kind: "", title: "", file: file, node: YAMLNode(.mapping([]), range: SourceRange(at: problem.position)), steps: [])
                let evaluator = Evaluator(shared, record: empty)
                evaluator.problem = problem
                evaluator.prepare(for: plan, slotCount: 0)
                findings.append(plan.finding(FindingParts(
                    position: problem.position, evidence: [], messageValues: evaluator.valueTexts(plan.message, forMessage: true),
                    record: record, file: file, recordPosition: recordPosition)))
            }
            if unlisted > 0, let last = findings.last { findings.append(.unlisted(unlisted, after: last, pending: false)) }
        }
        return findings
    }

    /// What a rule's evaluation on a record met: which versions of its law (to tell whether the
    /// rule applied), and how many findings it made beyond those listed.
    private struct VersionUse {
        /// A violation was checked under a version in force.
        var inForce = false
        /// An act was dated when no version was in force.
        var outOfForce = false
        /// The innermost loop was reached: there was something to check.
        var reached = false
        /// Where the rule's findings on this record start in the evaluation's list.
        var firstFinding = 0
        /// Findings made beyond `Finding.listedPerRule`, counted but not kept, and how many of them were pending.
        var unlisted = 0
        var unlistedPending = 0
    }

    /// Evaluates a rule on the evaluator's record; true when the rule applied (its kinds and
    /// `when` held and, for a rule with versions, its law was in force on the day of the act).
    @discardableResult
    private func evaluate(_ plan: RulePlan, with evaluator: Evaluator, into result: inout RecordEvaluation) -> Bool {
        evaluator.startBudget(context.ruleStepBudget)
        defer { evaluator.startBudget(.max) }
        if let when = plan.check.when, !evaluator.conditionHolds(when(evaluator)) { return budgetBreach(plan.rule, evaluator, &result) }
        var use = VersionUse(firstFinding: result.findings.count)
        loop(0, plan, evaluator, &result, &use)
        if evaluator.exhausted || evaluator.typeError != nil { return budgetBreach(plan.rule, evaluator, &result) }
        if use.unlisted > 0, let last = result.findings.last {
            result.findings.append(.unlisted(use.unlisted, after: last, pending: use.unlistedPending == use.unlisted))
        }
        if !use.reached, result.listsRules { result.rulesWithNothingToCheck.append(plan.rule.id) }
        if plan.rule.versions.isEmpty || use.inForce { return true }
        var inForce = !use.outOfForce
        // No item to check: the rule applies unless the act it is about predates its law, or,
        // with no act dated, unless no step of the record is under it (a record of a review of
        // 2019-06 alone, before the regulations, was "compliant" with them).
        if !use.outOfForce {
            if let act = actInForce(plan, evaluator), let day = evaluator.day(act) {
                inForce = plan.rule.versions.contains { $0.holds(on: day) }
            } else {
                inForce = undatedActVersion(plan, evaluator) != nil
            }
        }
        if !inForce, result.listsRules { result.notInForceRules.append(plan.rule.id) }
        return inForce
    }

    /// Whether a rule may apply to a record the record pack blocked: no part of its `when` that
    /// reads the facts alone (`RulePlan.factGuards`) rules it out — the rest may read what could
    /// not be read (a filing date of 2025-02-30 is no filing for `exists: $filing`). The audit
    /// counts such a rule's check as one that could not be made; a record whose facts say no
    /// stability risk is no unmade check of the risk assessment (counted so, the rule read 0/1
    /// for a typo elsewhere).
    private func mayApply(_ plan: RulePlan, with evaluator: Evaluator) -> Bool {
        guard !plan.factGuards.isEmpty else { return true }
        evaluator.prepare(for: plan, slotCount: plan.check.slotCount)
        evaluator.startBudget(context.ruleStepBudget)
        defer { evaluator.startBudget(.max) }
        for guardProgram in plan.factGuards {
            let holds = evaluator.conditionHolds(guardProgram(evaluator))
            if !holds, !evaluator.exhausted, evaluator.typeError == nil { return false }
        }
        return true
    }

    /// When a rule ran out of evaluation steps, or compared values across types: its findings on
    /// this record are dropped (they may be wrong) and one finding names the rule instead, so the
    /// record is never silently passed. Returns whether the rule applied (false when neither happened).
    private func budgetBreach(_ rule: Rule, _ evaluator: Evaluator, _ result: inout RecordEvaluation) -> Bool {
        let budget = context.ruleStepBudget
        if evaluator.exhausted {
            replaceFindings(of: rule, in: &result, record: evaluator.record, with: ToolFinding.ruleBudget.finding(
                record: nil, file: evaluator.record.file, position: evaluator.record.position,
                message: LocalizedText(
                    zh: "规则 \(rule.id) 在这条记录上计算超过 \(budget) 步，已停止，其结论未知（规则文件：\(rule.file)）",
                    en: "the rule \(rule.id) took more than \(budget) evaluation steps on this record and was stopped; its result is unknown (rule file: \(rule.file))"),
                basis: Basis(instrument: "legality", article: "规则计算预算", english: "legality limits"),
                evidence: [ToolFinding.ruleEvidence(rule.id)]))
            return true
        }
        if let error = evaluator.typeError {
            replaceFindings(of: rule, in: &result, record: evaluator.record, with: ToolFinding.ruleError.finding(
                record: nil, file: evaluator.record.file, position: error.position ?? evaluator.record.position,
                message: LocalizedText(
                    zh: "规则 \(rule.id) 在这条记录上\(error.problem.zh)，其结论未知（规则文件：\(rule.file)）",
                    en: "the rule \(rule.id) met a value it cannot use on this record: \(error.problem.en); its result is unknown (rule file: \(rule.file))"),
                basis: Basis(instrument: "legality", article: "规则语言", english: "legality rule language"),
                evidence: [ToolFinding.ruleEvidence(rule.id)]))
            evaluator.typeError = nil
            return true
        }
        return false
    }

    /// Replaces a rule's findings on the evaluator's record (and the `seen_before` questions they
    /// rest on) with one finding of the engine's.
    private func replaceFindings(of rule: Rule, in result: inout RecordEvaluation, record: DecisionRecord, with engineFinding: Finding) {
        result.findings.removeAll { $0.rule == rule.id && $0.recordPosition == record.position }
        result.deferred.removeAll { $0.plan.rule.id == rule.id && $0.parts.recordPosition == record.position }
        var finding = engineFinding
        finding.record = record.id.isEmpty ? nil : record.id
        finding.recordPosition = record.position
        result.findings.append(finding)
    }

    /// Checks the violation for every combination of loop items, under the version of the law in
    /// force on the day of the act each finding is about.
    private func loop(
        _ level: Int, _ plan: RulePlan, _ evaluator: Evaluator, _ result: inout RecordEvaluation,
        _ use: inout VersionUse
    ) {
        guard level < plan.check.loops.count else {
            use.reached = true
            // A rule with versions needs the act's day before its violation (it picks the version);
            // any other rule only once the violation holds, to tell whether the finding is pending.
            // (A rule whose version is picked by another act, `in_force_on`, asks for both.)
            let hasVersions = !plan.rule.versions.isEmpty
            // (A rule of the record pack with versions is judged by them too: one in a folder named
            // `record` cited a law before it was in force. Its findings are never pending.)
            let versionAct = hasVersions ? actInForce(plan, evaluator) : nil
            let separateActs = plan.check.inForceOn != nil
            var about = separateActs || plan.isRecordPack ? nil : versionAct
            var version: Int?
            if hasVersions {
                if let versionAct, let day = evaluator.day(versionAct) {
                    guard let found = plan.rule.versions.firstIndex(where: { $0.holds(on: day) }) else {
                        use.outOfForce = true
                        return
                    }
                    version = found
                } else {
                    guard let found = undatedActVersion(plan, evaluator) else {
                        use.outOfForce = true
                        return
                    }
                    version = found
                }
                use.inForce = true
                if let version { evaluator.use(version: version) }
            }
            let asked = evaluator.seenQueries.count
            if evaluator.conditionHolds(plan.check.violation(evaluator)) {
                if !plan.isRecordPack, !hasVersions || separateActs { about = subjectAfterViolation(plan, evaluator) }
                var parts = findingParts(plan, evaluator)
                if let version {
                    parts.basis = plan.rule.versions[version].basis
                    parts.help = plan.rule.versions[version].help
                }
                if case .step(let step) = about {
                    let day = evaluator.record.steps[step]
                    parts.pending = day.status == .planned && day.day > context.asOf
                }
                if evaluator.seenQueries.count > asked {
                    result.deferred.append(DeferredFinding(place: result.findings.count, plan: plan, parts: parts, query: asked))
                } else if result.findings.count - use.firstFinding < Finding.listedPerRule {
                    result.findings.append(plan.finding(parts))
                } else {
                    use.unlisted += 1
                    if parts.pending { use.unlistedPending += 1 }
                }
            }
            return
        }
        let slot = plan.check.loops[level].slot
        for item in plan.check.loopPrograms.call(level, evaluator).takeItems() {
            if evaluator.exhausted { return }
            evaluator.bind(slot, to: item, resetting: plan.check.lets)
            loop(level + 1, plan, evaluator, &result, &use)
        }
    }

    /// The version of a rule's law for an act with no day: the one in force on the latest step of
    /// the record that is under some version (a record of a 2020 inspection, its officer no step,
    /// was judged by the text of 2022; one of 2019 steps and a 2020 decision, by a law repealed at
    /// the end of 2019, was "not under it"). The newest for a record with no dated step; nil when
    /// no step of the record is under the law.
    private func undatedActVersion(_ plan: RulePlan, _ evaluator: Evaluator) -> Int? {
        let versions = plan.rule.versions
        guard !evaluator.order.isEmpty else { return versions.count - 1 }
        for index in evaluator.order.reversed() {
            let day = evaluator.record.steps[index].day
            if let found = versions.firstIndex(where: { $0.holds(on: day) }) { return found }
        }
        return nil
    }

    /// The act a finding is about, whose day decides whether the finding is pending (and the
    /// version of the law, unless the rule names another act with `in_force_on`): the rule's
    /// `about`, else what the finding points at, else its innermost loop item — the first of
    /// these that is a step or a date.
    private func subject(_ plan: RulePlan, _ evaluator: Evaluator) -> Value? {
        if let about = plan.check.about?(evaluator), let value = dated(about) { return value }
        if let location = plan.check.location?(evaluator), let value = dated(location) { return value }
        if let innermost = plan.check.loops.last { return dated(evaluator.slotValue(innermost.slot)) }
        return nil
    }

    /// The act whose day picks the version of the law: the rule's `in_force_on` when it names a
    /// step or a date, else the act the finding is about (`subject`).
    private func actInForce(_ plan: RulePlan, _ evaluator: Evaluator) -> Value? {
        if let act = plan.check.inForceOn?(evaluator), let value = dated(act) { return value }
        return subject(plan, evaluator)
    }

    /// A step or a date, or nil for any other value.
    private func dated(_ value: Value) -> Value? {
        switch value {
        case .step, .date: value
        default: nil
        }
    }

    /// `subject`, asked once the violation held, reporting the type error it meets as the first
    /// of the rule's, as it was when the subject was asked first.
    private func subjectAfterViolation(_ plan: RulePlan, _ evaluator: Evaluator) -> Value? {
        let violationError = evaluator.typeError
        evaluator.typeError = nil
        let about = subject(plan, evaluator)
        if evaluator.typeError == nil { evaluator.typeError = violationError }
        return about
    }

    private func findingParts(_ plan: RulePlan, _ evaluator: Evaluator) -> FindingParts {
        let check = plan.check
        var position: SourcePosition?
        if let location = check.location?(evaluator) { position = evaluator.position(of: location) }
        if position == nil, let innermost = check.loops.last {
            position = evaluator.position(of: evaluator.slotValue(innermost.slot))
        }
        var evidence: [Evidence] = []
        // Each value cut as a message is: a title of 900 KB quoted in 40 fields of 100 findings
        // took 5 GB and ended the run.
        func shown(_ text: String) -> String { text.clipped(to: TemplateProgram.mostEvidenceCharacters).onOneLine }
        for (key, label, program) in check.evidence {
            let value = program(evaluator)
            evidence.append(Evidence(key: key, label: label, value: LocalizedText(zh: shown(evaluator.text(value, .zh)), en: shown(evaluator.text(value, .en)))))
        }
        let record = evaluator.record
        return FindingParts(
            position: position ?? record.position, evidence: evidence, messageValues: evaluator.valueTexts(plan.message, forMessage: true),
            record: record.id.isEmpty ? nil : record.id, file: record.file, recordPosition: record.position)
    }

    /// The meeting gate's "as if": a planned collective discussion on the meeting day,
    /// unless the record already has a discussion dated that day.
    private func addMeeting(on day: Day, to record: inout DecisionRecord) {
        if record.steps.contains(where: { $0.type == "collective_discussion" && $0.day == day }) { return }
        let position = record.node.pair(for: "steps")?.key.position ?? record.position
        let range = SourceRange(at: position)
        func scalar(_ text: String) -> YAMLNode { YAMLNode(.scalar(YAMLScalar(text: text)), range: range) }
        let node = YAMLNode(.mapping([
            YAMLPair(key: scalar("type"), value: scalar("collective_discussion")),
            YAMLPair(key: scalar("date"), value: scalar(day.description)),
            YAMLPair(key: scalar("status"), value: scalar("planned")),
        ]), range: range)
        let type = "collective_discussion"
        // Numbered as a step read with the engine's format would be (none when the record's
        // steps were numbered otherwise).
        let number = record.stepTypeNumbering === format.codes.stepTypes.numbering ? format.codes.stepTypes.number(of: type) : nil
        record.steps.append(Step(index: record.steps.count, type: type, typeNumber: number, status: .planned, day: day, node: node))
    }
}

/// A rule and what evaluating it needs, computed once per run. A class, so handing one to each
/// record's evaluation costs one reference instead of a copy of the rule's many fields.
final class RulePlan: Sendable {
    let rule: Rule
    /// The rule's check, made ready (read in place: taken out of the rule's body for each record,
    /// its seven parts were retained and released on every rule evaluation); empty for a
    /// load-problem rule.
    let check: CheckProgram
    /// The rule's message, made ready.
    let message: TemplateProgram
    /// When the check is made.
    let scope: Scope
    /// Whether the rule is of the record pack (asked for every rule on every record).
    let isRecordPack: Bool
    enum Scope { case eachRecord, run, loadProblems }
    /// The rule's parameter values.
    let parameters: ParameterValues
    /// The rule's parameter values under each version of its law.
    let versionParameters: [ParameterValues]
    /// The parts of the rule's `when` that read the record's facts alone (the whole `when`, or
    /// items of an `all`): on a record the record pack blocked, a part that is false rules the
    /// rule out (what else it reads may be what could not be read).
    let factGuards: [Program]

    init(rule: Rule, context: EvaluationContext, programs: Programs) {
        self.rule = rule
        switch rule.body {
        case .record(let check): (self.check, scope) = (CheckProgram(check, using: programs), .eachRecord)
        case .run(let check): (self.check, scope) = (CheckProgram(check, using: programs), .run)
        case .loadProblems: (check, scope) = (CheckProgram(.never, using: programs), .loadProblems)
        }
        message = TemplateProgram(rule.message, using: programs)
        isRecordPack = rule.isRecordPack
        parameters = ParameterValues(context.parameters(for: rule))
        versionParameters = context.versionParameters(for: rule).map(ParameterValues.init)
        if case .record(let written) = rule.body, let when = written.when {
            let parts: [Expression] = if case .all(let items) = when { items } else { [when] }
            factGuards = parts.filter(Self.readsFactsAlone).map(programs.make)
        } else {
            factGuards = []
        }
    }

    /// Whether an expression reads nothing of a record but its facts and kind (and constants and
    /// parameters).
    static func readsFactsAlone(_ expression: Expression) -> Bool {
        var readsFacts = false
        for part in expression.descendants {
            switch part {
            case .steps: return false
            case .reference(let reference):
                switch reference.root {
                case .facts: readsFacts = true
                case .record where reference.path.first == "facts" || reference.path == ["kind"]: readsFacts = true
                case .parameter: continue
                default: return false
                }
            default: continue
            }
        }
        return readsFacts
    }

    /// The rule's finding of a case.
    func finding(_ parts: FindingParts) -> Finding {
        // Made whole at once: a finding set field by field after it was made was copied twice.
        Finding(
            rule: rule.id, pack: rule.pack, severity: rule.severity, record: parts.record, file: parts.file,
            // Its values on one line: a value a record wrote with a line break (a person id) put a
            // line of its own under a gate item, `[可以上会] …`. (Here, where a finding is made: a
            // finding resting on `seen_before` is most often dropped unmade.)
            position: parts.position, title: rule.title, message: message.rendered(with: parts.messageValues.map(\.onOneLine), cut: true),
            basis: parts.basis ?? rule.basis, help: parts.help ?? rule.help, evidence: parts.evidence,
            pending: parts.pending, recordPosition: parts.recordPosition, cell: parts.cell)
    }
}
