import YAMLTree

/// The key problems of keys asking yes or no (`YesNoKey`), made while a record is read.
extension RecordReader {
    /// A key problem for a key asking yes or no (`YesNoKey`) of what was read: listed as any
    /// unknown key when its answer is what was read, and, when it is not, one that leaves the
    /// record in doubt (the gate holds it back): `done: false` on a step with no status (read as
    /// done), `审查是否通过: 否` beside `outcome: passed`, a signoff's `signed: false`, a record's
    /// or a fact's `是否通过合法性审查: 否`. False, and nothing added, for a question the level does not hold
    /// (whether a public comment "passed", a record's yes that names no review).
    mutating func yesNoKey(_ asked: YesNoKey, _ keyNode: BorrowedNode, _ key: String, value: String, of mapping: BorrowedNode, level: RecordFormat.Level, what: LocalizedText) -> Bool {
        let said: (zh: String, en: String)
        let quoted = (zh: "\(key): \(value)", en: "\(key): \(value)")
        // (A review is a step of a type tied to kinds: the legality review, the legal review.)
        let isReview = level == .step && mapping["type"]?.scalar.flatMap { format.codes.stepTypes.code(for: $0.text) }
            .map { format.codes.stepTypes.kinds(ofBound: $0) != nil } == true
        // One naming the review or the adviser is asked of a review (a discussion's `是否经合法性审查`,
        // a public lawyer's review's `法律顾问: 无` are no such questions of the step).
        switch (asked.question, level) {
        case (_, .step) where !isReview && (asked.namesReview || asked.namesPerson):
            // Of another step, a no is said of the record's review, as a record's key saying it is
            // (a discussion's `备注: 审查意见书尚未出具，先上会`, `是否经合法性审查: 否` went READY
            // under a warning); a yes changes nothing.
            guard !asked.answer, asked.namesReview || namesNeededAdviser(asked) else { return false }
            said = (zh: "说审查没有完成、没有通过或没有签署（\(quoted.zh)），而记录的审查按其步骤读取；请在该审查步骤中如实写明 status、outcome 或签署，删去此字段",
                    en: "says a review is not done, did not pass or is not signed (\(quoted.en)), but a record's review is read from its steps; write the true status, outcome or signoffs in the review's step, and remove this key")
        case (.passed, .step):
            // (Asked of a review, or a step with an outcome: a public comment's `是否通过政府网站公开`
            // is none; a discussion's `会议是否通过` is no review's.)
            let outcomeNode = mapping["outcome"]
            guard outcomeNode != nil || isReview else { return false }
            let outcome = outcomeNode.flatMap { format.codes.outcomes.code(for: $0.scalar?.text ?? "") }
            let passed = outcome.map(RecordFormat.passingOutcomes.contains)
            if passed == asked.answer { return agreeingYesNoKey(keyNode, key, what: what, read: (zh: "outcome: \(outcome ?? "")", en: "outcome: \(outcome ?? "")")) }
            let answer = asked.answer ? (zh: "审查通过", en: "the review passed") : (zh: "审查没有通过", en: "the review did not pass")
            said = if let outcome {
                (zh: "说\(answer.zh)（\(quoted.zh)），而此步骤的 outcome 为 \(outcome)；以哪个为准无法确定，请如实写明 outcome，删去此字段",
                 en: "says \(answer.en) (\(quoted.en)), but the step's outcome is \(outcome): which of the two holds is unknown; write the true outcome, and remove this key")
            } else {
                (zh: "说\(answer.zh)（\(quoted.zh)），而审查结论写在 outcome 中，此步骤没有 outcome；是否应为 outcome: \(asked.answer ? "passed" : "failed")？",
                 en: "says \(answer.en) (\(quoted.en)), but a review's conclusion is its outcome, and the step has none; did you mean outcome: \(asked.answer ? "passed" : "failed")?")
            }
        case (.done, .step):
            let statusNode = mapping["status"]
            let status = statusNode.flatMap { format.codes.statuses.code(for: $0.scalar?.text ?? "") } ?? (statusNode == nil ? RecordFormat.defaultCodes["status"] : nil)
            let done = status.map { $0 == "done" }
            if done == asked.answer { return agreeingYesNoKey(keyNode, key, what: what, read: (zh: "status: \(status ?? "")", en: "status: \(status ?? "")")) }
            let read = statusNode == nil
                ? (zh: "此步骤没有写 status，读作已完成（done）", en: "the step has no status, so it reads as done")
                : (zh: "此步骤的 status 为 \(status ?? "")", en: "the step's status is \(status ?? "")")
            said = asked.answer
                ? (zh: "说此步骤已经完成（\(quoted.zh)），而\(read.zh)；以哪个为准无法确定，请如实写明 status（已完成的写 status: done 和完成日期），删去此字段",
                   en: "says the step is done (\(quoted.en)), but \(read.en): which of the two holds is unknown; write the true status (a done step has status: done and its date), and remove this key")
                : (zh: "说此步骤没有完成（\(quoted.zh)），而\(read.zh)；尚未完成的步骤请写 status: planned（计划），删去此字段",
                   en: "says the step is not done (\(quoted.en)), but \(read.en); write status: planned for a step not yet done, and remove this key")
        case (.signed, .step), (.done, .signoff), (.signed, .signoff):
            // A signoff in the record is one made: the format has no signoff still to be signed.
            // (Asked of a review, or a step with signoffs: a party's `是否签字` on a notice of rights
            // is the party's.)
            let signed = level == .signoff || (mapping["signoffs"]?.itemCount ?? 0) > 0
            guard level == .signoff || signed || isReview else { return false }
            if signed == asked.answer {
                return agreeingYesNoKey(keyNode, key, what: what, read: signed
                    ? (zh: "签署读作已签署", en: "a signoff reads as signed")
                    : (zh: "此步骤没有签署（signoffs）", en: "the step has no signoffs"))
            }
            said = if level == .signoff {
                (zh: "说此人没有签署（\(quoted.zh)），而记录中的签署都读作已签署；尚未签署的不要写入 signoffs，签署后再写明签署人、角色和日期",
                 en: "says the person has not signed (\(quoted.en)), but every signoff of a record reads as signed; leave one not yet signed out of signoffs, and write it with its person, role and date once signed")
            } else if signed {
                (zh: "说没有签署（\(quoted.zh)），而此步骤的签署（signoffs）都读作已签署；尚未签署的不要写入 signoffs",
                 en: "says it is not signed (\(quoted.en)), but the step's signoffs all read as signed; leave one not yet signed out of signoffs")
            } else {
                (zh: "说已经签署（\(quoted.zh)），而此步骤没有签署（signoffs）；签署请写在 signoffs 中，写明签署人、角色和日期",
                 en: "says it is signed (\(quoted.en)), but the step has no signoffs; write each signoff under signoffs, with its person, role and date")
            }
        case (.passed, .signoff):
            // (A signoff is an opinion given; whether the adviser agreed is asked of nothing the
            // format has: a no leaves the review in doubt, a yes changes nothing.)
            if asked.answer { return agreeingYesNoKey(keyNode, key, what: what, read: (zh: "签署读作已出具意见", en: "a signoff reads as an opinion given")) }
            said = (zh: "说此人不同意或审查没有通过（\(quoted.zh)），而签署只读作已出具意见，审查按其 outcome 读取；请如实写明审查的 outcome，删去此字段",
                    en: "says the person did not agree or the review did not pass (\(quoted.en)), but a signoff reads only as an opinion given, and the review as its outcome says; write the review's true outcome, and remove this key")
        case (.certified, .step), (.certified, .record), (.certified, .facts):
            // (Of a step with officers, an inspection or an investigation, or the whole case: a
            // yes agrees with the registry the rules read, a no says what the registry may not.)
            let type = mapping["type"]?.scalar.flatMap { format.codes.stepTypes.code(for: $0.text) }
            guard level != .step || mapping["officers"] != nil || type.map(Self.certifiedStepTypes.contains) == true else { return false }
            if asked.answer {
                return agreeingYesNoKey(keyNode, key, what: what, read: (zh: "执法证按人员名册读取", en: "certificates are read from the registry"))
            }
            said = (zh: "说执法人员没有有效的执法证（\(quoted.zh)），而执法证只按人员名册读取，这一说法没有被检查；由未持有效执法证的人员实施的执法不合法（行政处罚法 第四十二条）：请核实，在人员名册中如实写明每名执法人员的执法证及有效期，删去此字段",
                    en: "says the officers hold no valid enforcement certificate (\(quoted.en)), but certificates are read from the registry alone, and this was not checked; enforcement by an officer without a valid certificate is unlawful (Administrative Penalty Law, art. 42): find out, write each officer's certificate and its validity in the registry as they are, and remove this key")
        case (_, .record) where (asked.namesReview || namesNeededAdviser(asked)) && !asked.answer,
             (_, .facts) where (asked.namesReview || namesNeededAdviser(asked)) && !asked.answer:
            // (Of the whole record, or a fact of it: which of its steps is meant is not known, and
            // only a no is in doubt. One of the adviser too: `facts: {法律顾问意见: 不同意}`,
            // `adviser_opinion: against` went READY, unsaid.)
            said = (zh: "说审查没有完成、没有通过或没有签署（\(quoted.zh)），而记录的审查按其步骤读取；请在该审查步骤中如实写明 status、outcome 或签署，删去此字段",
                    en: "says a review is not done, did not pass or is not signed (\(quoted.en)), but a record's review is read from its steps; write the true status, outcome or signoffs in the review's step, and remove this key")
        default:
            return false
        }
        add(.key,
            zh: "\(what.zh)中的字段 \(key) 既不是记录格式的字段，也没有规则读取它；它\(said.zh)",
            en: "the key '\(key)' of \(what.en) is neither a key of the record format nor read by any rule; it \(said.en)",
            at: keyNode, misreadKey: true)
        return true
    }

    /// Whether a key names the adviser in a record of a kind whose rules ask for one (a penalty
    /// case's `法律顾问意见: 未出具` asks nothing its rules need).
    private func namesNeededAdviser(_ asked: YesNoKey) -> Bool {
        asked.namesPerson && recordKind.map(Self.kindsWithAdvisers.contains) == true
    }

    /// The step types whose officers' certificates the rules read.
    private static let certifiedStepTypes: Set<String> = ["investigation", "inspection"]

    /// A yes-or-no key whose answer is what was read: changes nothing, listed as removable.
    private mutating func agreeingYesNoKey(_ keyNode: BorrowedNode, _ key: String, what: LocalizedText, read: (zh: String, en: String)) -> Bool {
        add(.key,
            zh: "\(what.zh)中的字段 \(key) 既不是记录格式的字段，也没有规则读取它，所说的与读取的一致（\(read.zh)）；可删去，或以 x_ 开头",
            en: "the key '\(key)' of \(what.en) is neither a key of the record format nor read by any rule; what it says is what was read (\(read.en)): remove it, or prefix it with x_",
            at: keyNode)
        return true
    }
}
