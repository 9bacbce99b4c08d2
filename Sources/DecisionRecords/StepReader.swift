import YAMLTree

/// Reading one step: its type, status and dates, the shapes of its fields, its codes.
extension RecordReader {
    /// Reads a step into `steps` (unless it cannot be placed: no type or no valid date), and
    /// returns its node with codes in place of names when a name was written (nil when the step
    /// is kept as it is). (Appended here: a step handed back was copied, every text and node of it
    /// counted, on its way into the list.)
    mutating func readStep(_ original: BorrowedNode, index: Int, into steps: inout [Step]) -> YAMLNode? {
        let number = index + 1
        guard original.kind == .mapping else {
            stepsOfUnreadableType.append(index)
            add(.step, zh: "第 \(number) 个步骤是\(Wording.kind(original.kind, .zh))，应为映射", en: "step \(number) is \(Wording.kind(original.kind, .en)), expected a mapping", at: original)
            return nil
        }
        // The format held here for the step: a section read from the reader's own (which a
        // mutating method may replace) was counted, an atomic operation, for every field read.
        let format = format
        var node = MappingRewrite(original)
        var fields = StepFields()
        fields.read(original)
        let before = problems.count
        var (type, typeNumber) = readCode("type", fields.type, of: &node, step: number, section: format.codes.stepTypes,
                            what: LocalizedText(zh: "步骤类型", en: "step type"), required: true, checked: checksValues)
        // (A review of another kind's type is known to be no discussion: not among the steps whose
        // type could not be read, which may be one, its day was listed as a discussion's.)
        if checksValues, let written = type, format.codes.stepTypes.mayBeBound(typeNumber), let typeNode = fields.type,
           !belongsToRecordKind(written, step: number, at: typeNode, of: original) {
            (type, typeNumber) = (nil, nil)
        } else if type == nil {
            stepsOfUnreadableType.append(index)
        }
        var status = StepStatus.done
        var statusKnown = true
        if fields.status != nil {
            if let code = readCode("status", fields.status, of: &node, step: number, section: format.codes.statuses,
                                   what: LocalizedText(zh: "步骤状态", en: "step status"), required: false, checked: true).code,
               let parsed = StepStatus(rawValue: code) {
                status = parsed
            } else {
                statusKnown = false
            }
        }
        if checksValues {
            readCode("outcome", fields.outcome, of: &node, step: number, section: format.codes.outcomes,
                         what: LocalizedText(zh: "结论", en: "outcome"), required: false, checked: true)
            if let type, Self.isCode(type, "legality_review") {
                readCode("form", fields.form, of: &node, step: number, section: format.codes.forms,
                             what: LocalizedText(zh: "审查形式", en: "review form"), required: false, checked: true)
            } else if let type, Self.isCode(type, "legal_review"), let form = fields.form {
                formOfLegalReview(form, type: type, step: number)
            }
        }
        let (dated, dayNode) = readDates(fields, of: original, step: number)
        readPeople(fields, step: number)
        let isDiscussion = type.map { Self.isCode($0, "collective_discussion") } ?? false
        meetingStepDay = dated
        readMeeting(fields.meeting, of: &node, step: number, isDiscussion: isDiscussion)
        meetingStepDay = nil
        readSignoffs(fields.signoffs, of: &node, step: number)
        // (A review read as done and passed: what its documents say against it is looked at.)
        let passedReview = status == .done && type.map { format.codes.stepTypes.kinds(ofBound: $0) != nil } == true
            && fields.outcome?.scalar.flatMap { format.codes.outcomes.code(for: $0.text) }.map(RecordFormat.passingOutcomes.contains) == true
        readDocuments(fields.documents, step: number, ofPassedReview: passedReview)
        if passedReview, let type, Self.isCode(type, "legality_review") { solicitationReadAsReview(fields, step: number) }
        if checksValues {
            if let shown = fields.credentialsShown { requireBoolean(shown, key: "credentials_shown") }
            // (A free text over several lines may hold a key folded into it.)
            func freeText(_ value: BorrowedNode, of key: String) {
                guard value.kind == .scalar, value.range.start.line != value.range.end.line else { return }
                keyFoldedIntoText(value, of: key, in: original, step: number)
            }
            if let channel = fields.channel { freeText(channel, of: "channel") }
            for key in fields.otherKeys { freeText(original.value(at: key.place), of: key.text) }
            var unread = 0
            for key in fields.otherKeys where RecordFormat.isExtension(key.text) && !format.isReadByRule(key.text, at: .step) {
                ownKey(original.key(at: key.place), key.text, value: original.value(at: key.place), in: original, level: .step,
                       what: LocalizedText(zh: "第 \(number) 个步骤", en: "step \(number)"))
            }
            for key in fields.otherKeys where !format.isReadByRule(key.text, at: .step) && !RecordFormat.isExtension(key.text) {
                unread += 1
                guard unread <= Self.unreadKeysLookedAt else { continue }
                unknownKey(original.key(at: key.place), key.text, of: original, known: RecordFormat.stepKeys, level: .step) { LocalizedText(zh: "第 \(number) 个步骤", en: "step \(number)") }
            }
            sayUnreadKeysNotLookedAt(unread, in: original, what: LocalizedText(zh: "第 \(number) 个步骤", en: "step \(number)"))
            for place in fields.collectionKeys {
                collectionKey(original.key(at: place), of: LocalizedText(zh: "第 \(number) 个步骤", en: "step \(number)"))
            }
        }
        // (By place: no slice of the problems is made for every step.)
        var placed = true
        for place in before..<problems.count where problems[place].code == .step {
            placed = false
            break
        }
        // A done step dated after the as-of date is said whatever else is wrong with the step (its
        // date was found only once the step's other problem had been put right, a run later).
        if statusKnown, status == .done, let day = dated, let dayNode {
            if day > format.asOf {
                add(.future,
                    zh: "第 \(number) 个步骤标为已完成，但日期 \(day) 晚于检查基准日 \(format.asOf)；日期写错了，还是应标为 status: planned？",
                    en: "step \(number) is done but dated \(day), after the as-of date \(format.asOf); is the date wrong, or should it be status: planned?",
                    at: dayNode)
            } else if let today = format.today, day > today, !isMeetingsOwn(type, day: day) {
                let period = fields.start != nil && fields.date == nil
                add(.future,
                    zh: "第 \(number) 个步骤标为已完成，但\(period ? "期间到 \(day) 才结束，晚于今天（\(today)），尚未结束" : "日期 \(day) 晚于今天（\(today)），尚未发生")；日期写错了，还是应标为 status: planned（完成后再如实填写；台账中请先留空该日期）？",
                    en: "step \(number) is done but \(period ? "its period ends on \(day), after today (\(today)), so it has not ended yet" : "dated \(day), after today (\(today)), so it has not happened yet"); is the date wrong, or should it be status: planned until it is done (in a ledger, leave the date empty until then)?",
                    at: dayNode)
            }
        }
        // A planned step more than ten years ahead is a year mistyped (`3025-09-19` for 2025): the
        // rules waited for it, their findings pending for ever, and the check passed.
        if statusKnown, status == .planned, let day = dated, let dayNode, day > Self.latestPlannedDay(asOf: format.asOf) {
            let guess = 2000 + day.year % 100
            let (zh, en) = guess != day.year && abs(guess - format.asOf.year) <= Self.yearsAheadPlanned ? ("（如 \(guess)）", " (\(guess))") : ("", "")
            add(.step,
                zh: "第 \(number) 个步骤计划在 \(day)，比检查基准日 \(format.asOf) 晚 \(Self.yearsAheadPlanned) 年以上，不可能是计划的办理日期；年份是否写错了\(zh)？",
                en: "step \(number) is planned for \(day), more than \(Self.yearsAheadPlanned) years after the as-of date \(format.asOf), which no step of a decision is planned for; is the year mistyped\(en)?",
                at: dayNode)
            return node.rewritten
        }
        guard placed, let type, let day = dated else { return node.rewritten }
        steps.append(Step(index: index, type: type, typeNumber: typeNumber, status: statusKnown ? status : .planned, day: day,
                          node: node.rewritten ?? original.owned, dayPosition: dayNode?.position))
        return node.rewritten
    }

    /// Whether a step type belongs to the record's kind; when not (another kind's, in a kind with
    /// a type of its own among those the vocabulary ties to kinds), a value problem says which
    /// type of the kind is meant, or, for a passed internal review beside the kind's own, a key
    /// problem says it is read by no rule. The vocabulary ties some types to kinds (`kinds:`): a penalty
    /// case's failed review written 合法性审查 (the decisions' review) was read by no penalty rule,
    /// and the case passed, as did a decision's failed second review written 法制审核.
    private mutating func belongsToRecordKind(_ type: String, step: Int, at typeNode: BorrowedNode, of stepNode: BorrowedNode) -> Bool {
        // (Only in a kind with a type of its own among them: a contract or a record of `other` may
        // have either review.)
        let types = format.codes.stepTypes
        guard let kind = recordKind, let kinds = types.kinds(ofBound: type), !kinds.contains(kind), let meant = types.ownBound[kind] else { return true }
        let vocabulary = format.vocabulary
        func named(_ code: String, in section: String, _ language: Language) -> String {
            vocabulary.names(of: code, in: section).map { language == .zh ? "\($0.zh)（\(code)）" : "'\(code)' (\($0.en))" } ?? code
        }
        let kindSection = RecordFormat.Section.kinds
        let belongs = (zh: kinds.map { vocabulary.names(of: $0, in: kindSection)?.zh ?? $0 }.joined(separator: "、"),
                       en: kinds.map { vocabulary.names(of: $0, in: kindSection)?.en ?? $0 }.joined(separator: " and "))
        let own = (zh: vocabulary.names(of: kind, in: kindSection)?.zh ?? kind, en: vocabulary.names(of: kind, in: kindSection)?.en ?? kind)
        // Beside a review of the kind's own type, one of the other type that passed (or gives no
        // outcome) is an internal review (a department's 法制审核 before the government's
        // 合法性审查): read by no rule, and said as a key no rule reads is. One that did not pass
        // is a value problem still: a failed second review so written went unread.
        let outcome = stepNode["outcome"]?.scalar.map { format.codes.outcomes.code(for: $0.text) ?? $0.text }
        if outcome.map({ RecordFormat.passingOutcomes.contains($0) }) ?? true, hasStep(ofTypeIn: meant) {
            add(.key,
                zh: "第 \(step) 个步骤的类型 \(named(type, in: RecordFormat.Section.stepTypes, .zh)) 属于\(belongs.zh)，\(own.zh)的规则不读它（此记录另有\(meant.map { named($0, in: RecordFormat.Section.stepTypes, .zh) }.joined(separator: "、"))）；如是部门内部的审核，可照写，或改为本地步骤类型",
                en: "step \(step) has the type \(named(type, in: RecordFormat.Section.stepTypes, .en)) of \(belongs.en), which no rule of \(own.en) reads (the record has \(meant.map { named($0, in: RecordFormat.Section.stepTypes, .en) }.joined(separator: " or ")) too); an internal review may stay so, or take a local step type",
                at: typeNode)
            return false
        }
        add(.value,
            zh: "第 \(step) 个步骤的类型 \(named(type, in: RecordFormat.Section.stepTypes, .zh)) 属于\(belongs.zh)，不属于\(own.zh)，\(own.zh)的规则不读它；\(own.zh)中对应的步骤类型是 \(meant.map { named($0, in: RecordFormat.Section.stepTypes, .zh) }.joined(separator: "、"))？",
            en: "step \(step) has the type \(named(type, in: RecordFormat.Section.stepTypes, .en)) of \(belongs.en), not of \(own.en), whose rules do not read it; did you mean \(meant.map { named($0, in: RecordFormat.Section.stepTypes, .en) }.joined(separator: " or "))?",
            at: typeNode)
        return false
    }

    /// Whether a step is the meeting's own, dated ahead by nature in the gate: its collective
    /// discussion, and a decision on the meeting day (a ledger filled in before the meeting holds
    /// the decision it is to take).
    private func isMeetingsOwn(_ type: String?, day: Day) -> Bool {
        guard let type else { return false }
        return Self.isCode(type, "collective_discussion") || (Self.isCode(type, "decision") && day == format.asOf)
    }

    /// Whether a step's type is the given code, told apart by length first: a code of more than
    /// fifteen bytes is a string of its own, and comparing two of those goes the long way.
    static func isCode(_ type: String, _ code: String) -> Bool {
        type.utf8.count == code.utf8.count && type == code
    }

    /// Reads a code field, whose value `valueNode` is (nil when absent): a text that is a code or
    /// a name of `section` (rewritten to the code in `node`), with the code's number in the
    /// section. No value (null) or not a text: a step problem. An empty text: a value problem when
    /// `checked` and not `required`, else a step problem. Neither code nor name: a value problem
    /// when `checked`, else the text as written (without a number).
    @discardableResult
    private mutating func readCode(
        _ key: String, _ valueNode: BorrowedNode?, of node: inout MappingRewrite, step: Int, section: Vocabulary.Section, what: LocalizedText,
        required: Bool, checked: Bool, shownAs shown: String? = nil
    ) -> (code: String?, number: Int?) {
        // The value's core type is resolved once (nil for a list or a mapping).
        let value = valueNode?.coreValue
        guard let valueNode else {
            if required {
                add(.step, zh: "第 \(step) 个步骤缺少 \(shown ?? key)", en: "step \(step) lacks '\(shown ?? key)'", at: node.original)
            }
            return (nil, nil)
        }
        // A key written without a value (`status:`, `status: ~`) is no text: left unread, a null
        // status made a done step planned, and every rule passed it by.
        guard value != .null else {
            codeWithoutValue(shown ?? key, at: valueNode, step: step, what: what, required: required)
            return (nil, nil)
        }
        guard case .string(let written) = value else {
            let kind = value.map { Wording.kind($0, .zh) } ?? Wording.kind(valueNode.kind, .zh)
            let kindEnglish = value.map { Wording.kind($0, .en) } ?? Wording.kind(valueNode.kind, .en)
            add(.step, zh: "第 \(step) 个步骤的 \(shown ?? key) 是\(kind)，应为文本", en: "step \(step) has \(shown ?? key) \(kindEnglish), expected a text", at: valueNode)
            return (nil, nil)
        }
        if Vocabulary.trimmed(written).isEmpty {
            // An empty text is a text that is no code (a value problem where codes are checked);
            // an empty type leaves the step without one.
            if checked, !required {
                unknownCode(written, at: valueNode, section: section.name, what: what)
            } else {
                add(.step, zh: "第 \(step) 个步骤的 \(shown ?? key) 是空文本，应为\(what.zh)", en: "step \(step) has an empty \(shown ?? key), expected a \(what.en)", at: valueNode)
            }
            return (nil, nil)
        }
        if let number = section.number(of: written) { return (written, number) }
        if let code = section.code(named: written) {
            // A name: the code is written in its place.
            node.replace(key, withCode: code)
            return (code, section.number(of: code))
        }
        if checked {
            unknownCode(written, at: valueNode, section: section.name, what: what)
            return (nil, nil)
        }
        return (written, nil)
    }

    /// A code field written without a value: a step problem at it. (Apart from `readCode`, which
    /// every step calls several times: the message's code made it dearer for every code read.)
    @inline(never)
    private mutating func codeWithoutValue(_ key: String, at valueNode: BorrowedNode, step: Int, what: LocalizedText, required: Bool) {
        add(.step, zh: "第 \(step) 个步骤的 \(key) 没有值（空值），应为\(what.zh)\(required ? "" : "；不需要时请删去这一项")",
            en: "step \(step) has '\(key)' without a value (null), expected a \(what.en)\(required ? "" : "; remove the key if it does not apply")", at: valueNode)
    }

    /// The step's dates: each valid; a period has both ends, in order; the day it is dated by, and
    /// the node of that day (`date`, else the period's `end`).
    private mutating func readDates(_ fields: StepFields, of node: BorrowedNode, step: Int) -> (Day?, BorrowedNode?) {
        // Every date field of the format is checked, in the order of `RecordFormat.stepDateKeys`;
        // the step is dated by `date` or its period.
        let (dateNode, start, end) = (fields.date, fields.start, fields.end)
        let date = dateNode.flatMap { readDate("date", $0, step: step) }
        let first = start.flatMap { readDate("start", $0, step: step) }
        let last = end.flatMap { readDate("end", $0, step: step) }
        let handedIn = fields.submitted.flatMap { readDate("submitted", $0, step: step) }
        if let start, end == nil {
            add(.step, zh: "第 \(step) 个步骤有 start 却没有 end；期间须写明起止日期", en: "step \(step) has 'start' but no 'end'; a period needs both", at: start)
        } else if let end, start == nil {
            add(.step, zh: "第 \(step) 个步骤有 end 却没有 start；期间须写明起止日期", en: "step \(step) has 'end' but no 'start'; a period needs both", at: end)
        }
        if let first, let last, last < first, let end {
            add(.step, zh: "第 \(step) 个步骤的期间结束于 \(last)，早于开始日期 \(first)", en: "step \(step) ends on \(last), before it starts on \(first)", at: end)
        }
        // A step with a date and a whole period is dated twice: by its period's end, as a period
        // step is ordered (rule-catalogue.md), or by its date. When the two differ, which holds
        // is unknown, and either could hide a finding (a review dated before the meeting whose
        // period ends after it passed), so the step is said to be wrong.
        if let date, let first, let last, first <= last, date != last, let dateNode {
            add(.step,
                zh: "第 \(step) 个步骤既有 date（\(date)）又有期间（\(first) 至 \(last)），两者不一致（期间步骤以结束日期为准）；只写其一，或使 date 与 end 相同",
                en: "step \(step) has both a date (\(date)) and a period (\(first) to \(last)) that ends on another day (a period step is dated by its end); give one of them, or make date the same as end",
                at: dateNode)
        }
        // Submitted after it was concluded: one of the two dates is wrong, and which is unknown (a
        // review "submitted" after the meeting it was concluded before went to the gate READY).
        if let handedIn, let concluded = date ?? last, handedIn > concluded, let submitted = fields.submitted {
            add(.step,
                zh: "第 \(step) 个步骤的送审日期 submitted（\(handedIn)）晚于其日期（\(concluded)）；请改正其中有误的日期",
                en: "step \(step) was submitted (\(handedIn)) after its own date (\(concluded)); correct the date that is wrong",
                at: submitted)
        }
        if dateNode == nil, start == nil, end == nil {
            add(.step, zh: "第 \(step) 个步骤缺少 date（或期间的 start 与 end）", en: "step \(step) lacks 'date' (or 'start' and 'end' for a period)", at: node)
        }
        return (date ?? (start != nil ? last : nil), dateNode ?? end)
    }

    /// A date field's day, or a problem naming it: no valid date, or one before any decision
    /// these rules speak of (`earliestDay`).
    private mutating func readDate(_ key: String, _ node: BorrowedNode, step: Int) -> Day? {
        guard let day = RecordLoader.date(node) else {
            badDate(key, node, step: step)
            return nil
        }
        guard day >= Self.earliestDay else {
            earlyDate(key, day, node, step: step)
            return nil
        }
        return day
    }

    /// The first day a step may be dated: an earlier one is a year mistyped (`1925-11-04` for
    /// 2025), which dated the step before every law, and the rules about it said nothing (a case
    /// of one officer, inspected "in 1925", passed). A ledger's date cell has the same floor.
    static let earliestDay = Day(year: 1950, month: 1, day: 1) ?? Day(ordinal: 0)

    /// How many years ahead of the as-of date a step may be planned.
    static let yearsAheadPlanned = 5

    /// The last day a step may be planned for: `yearsAheadPlanned` years after the as-of date, to
    /// the day (a year's end let 2036-12-10, a typo of 2026, through in December 2026).
    static func latestPlannedDay(asOf: Day) -> Day {
        let (year, month, day) = (asOf.components.year + yearsAheadPlanned, asOf.components.month, asOf.components.day)
        return Day(year: year, month: month, day: day) ?? Day(year: year, month: 3, day: 1) ?? asOf
    }

    private mutating func earlyDate(_ key: String, _ day: Day, _ node: BorrowedNode, step: Int) {
        // The year in this century with the same last digits, when it is not yet to come.
        let guess = 2000 + day.year % 100
        let (zh, en) = guess <= format.asOf.year ? ("（如 \(guess)）", " (\(guess))") : ("", "")
        add(.step,
            zh: "第 \(step) 个步骤的 \(key) 是 \(day)，早于 1950 年，不可能是办理日期；年份是否写错了\(zh)？",
            en: "step \(step) has \(key) \(day), before 1950, which no step of a decision can be dated; is the year mistyped\(en)?",
            at: node)
    }

    private mutating func badDate(_ key: String, _ node: BorrowedNode, step: Int) {
        let written = (node.scalar?.text ?? Wording.kind(node.kind, .en)).onOneLine
        let guess = node.scalar.flatMap { Day(guessing: $0.text) }
        add(.step,
            zh: "第 \(step) 个步骤的 \(key) 不是有效日期：\(written)（应为实际存在的日期，格式 YYYY-MM-DD\(guess.map { "；是否应为 \($0)？" } ?? "")）",
            en: "step \(step) has \(key) '\(written)', which is not a valid date (expected a real day, YYYY-MM-DD\(guess.map { "; did you mean \($0)?" } ?? ""))",
            at: node)
    }

    /// `by`, `officers` and `attendees`, the step fields that hold people, are lists of person
    /// ids (texts), read in this order.
    private mutating func readPeople(_ fields: StepFields, step: Int) {
        if let list = fields.by { readPersonList("by", list, step: step) }
        if let list = fields.officers { readPersonList("officers", list, step: step) }
        if let list = fields.attendees { readPersonList("attendees", list, step: step) }
    }

    private mutating func readPersonList(_ key: String, _ list: BorrowedNode, step: Int) {
        guard let count = list.itemCount else {
            // (Several ids written as one, `ZY-047、ZY-041`, are the list's items: the hint kept
            // them one item, and followed, read one unregistered person where there were two.)
            let written = Self.idsInText((list.scalar?.text ?? "").onOneLine).joined(separator: ", ")
            let hint = list.scalar != nil && list.coreValue != .null ? ("；应写成列表：\(key): [\(written)]", "; write a list: \(key): [\(written)]") : ("", "")
            add(.step,
                zh: "第 \(step) 个步骤的 \(key) 是\(Wording.kind(list.kind, .zh))，应为人员编号列表\(hint.0)",
                en: "step \(step) has \(key) as \(Wording.kind(list.kind, .en)), expected a list of person ids\(hint.1)", at: list)
            return
        }
        for index in 0..<count {
            let item = list.item(index)
            guard case .string(let text) = item.coreValue else {
                let written = (item.scalar?.text ?? Wording.kind(item.kind, .en)).onOneLine
                add(.step,
                    zh: "第 \(step) 个步骤的 \(key) 中“\(written)”不是人员编号（文本）；数字编号请加引号",
                    en: "step \(step) lists '\(written)' in \(key), which is not a person id (a text); quote numeric ids", at: item)
                continue
            }
            // A blank id or a word standing for no one (`待定`, `无`) is no person: counted as one,
            // `officers: [P-1, 待定]` passed a one-officer investigation where no registry said otherwise.
            if format.standsForNoOne(text) {
                let blank = Vocabulary.isBlank(text)
                add(.step,
                    zh: "第 \(step) 个步骤的 \(key) 中“\(text.onOneLine)”不是人员编号\(blank ? "（空白）" : "，而是表示无人或待定的词")；没有此人的，删去此项；人员尚未确定的，把步骤写成计划（status: planned）",
                    en: "step \(step) lists '\(text.onOneLine)' in \(key), which is no person id (\(blank ? "blank" : "a word for no one or someone not yet known")); remove it if there is no one, or make the step planned (status: planned) while the person is not yet known",
                    at: item)
                continue
            }
            // Several ids joined by a Chinese comma or 、 in a flow list (`[ZY-043，ZY-047]`) are one
            // item to YAML: one unregistered officer was reported, the list's count was one, and the
            // expired certificate of one of the two went unsaid.
            let parts = Self.idsWrittenAsOne(text)
            if parts.count > 1 {
                let written = parts.joined(separator: ", ")
                add(.step,
                    zh: "第 \(step) 个步骤的 \(key) 中“\(text.onOneLine)”是用中文标点连在一起的 \(parts.count) 个人员编号，被读作一个人；应写成列表：\(key): [\(written)]（用半角逗号分隔）",
                    en: "step \(step) lists '\(text.onOneLine)' in \(key): \(parts.count) person ids joined by a Chinese comma, read as one person; write a list: \(key): [\(written)]",
                    at: item)
            }
        }
    }

    /// The ids a text joins with Chinese commas, `、` or semicolons (`ZY-043，ZY-047`), each with a
    /// digit as ids have; one text (a name, an id) when it joins none.
    static func idsWrittenAsOne(_ text: String) -> [String] {
        // (Told by the bytes first: `;`, and the lead bytes of `，`, `；` and `、`. Stepping through
        // every id's characters cost some 20,000 instructions a record.)
        guard text.utf8.contains(where: { $0 == 0x3B || $0 == 0xEF || $0 == 0xE3 }), text.contains(where: { "，、；;".contains($0) }) else { return [text] }
        let parts = listParts(text, separators: "，、；;")
        return parts.count > 1 && parts.allSatisfy({ $0.contains(where: \.isNumber) }) ? parts : [text]
    }

    /// The ids a text written in place of a list holds, for the list it is told to write: its
    /// parts between commas, `、` or semicolons, inside the brackets of a list quoted as a text
    /// (`"[P-1, P-2]"` was told to write `[[P-1, P-2]]`), or between spaces when each part has a
    /// digit as ids have (`P-1 P-2` was told to write `[P-1 P-2]`, one id).
    static func idsInText(_ text: String) -> [String] {
        var inner = Vocabulary.trimmed(text)
        if inner.hasPrefix("["), inner.hasSuffix("]"), inner.count >= 2 { inner = String(inner.dropFirst().dropLast()) }
        let parts = listParts(inner, separators: "、，,；;")
        guard parts.count == 1 else { return parts }
        let spaced = listParts(inner, separators: " \u{3000}\t")
        return spaced.count > 1 && spaced.allSatisfy({ $0.contains(where: \.isNumber) }) ? spaced : parts
    }

    /// A text's parts between `separators`, trimmed, the empty left out.
    static func listParts(_ text: String, separators: String) -> [String] {
        text.split(whereSeparator: { separators.contains($0) }).map { Vocabulary.trimmed(String($0)) }.filter { !$0.isEmpty }
    }

    /// `meeting` is a mapping; a discussion's meeting type is a code; its booleans are booleans.
    private mutating func readMeeting(_ value: BorrowedNode?, of node: inout MappingRewrite, step: Int, isDiscussion: Bool) {
        guard let meeting = value else { return }
        guard meeting.kind == .mapping else {
            add(.step, zh: "第 \(step) 个步骤的 meeting 是\(Wording.kind(meeting.kind, .zh))，应为映射（type、ref、minutes 等）",
                en: "step \(step) has meeting as \(Wording.kind(meeting.kind, .en)), expected a mapping (type, ref, minutes, ...)", at: meeting)
            return
        }
        guard checksValues else { return }
        if isDiscussion {
            var rewrite = MappingRewrite(meeting)
            _ = readCode("type", meeting["type"], of: &rewrite, step: step, section: format.codes.meetingTypes,
                         what: LocalizedText(zh: "会议类型", en: "meeting type"), required: false, checked: true, shownAs: "meeting.type")
            if let rewritten = rewrite.rewritten { node.replace("meeting", with: rewritten) }
        }
        for key in ["minutes", "dissent_recorded"] {
            if let flag = meeting[key] { requireBoolean(flag, key: "meeting.\(key)") }
        }
        unknownKeys(in: meeting, known: RecordFormat.knownMeetingKeys, level: .meeting, what: LocalizedText(zh: "第 \(step) 个步骤的会议（meeting）", en: "the meeting of step \(step)"))
    }

    /// `signoffs` is a list of mappings, each with a text `role` that is a code, and a valid date.
    /// `documents`, a list of `{type, ref}`, whose entries were never looked at: steps indented one
    /// level too deep, under `documents:`, vanished without a word (a discussion after a failed
    /// review, and the decision, with them). An entry is such a step when its type is a step type
    /// and it holds a key only a step has (`meeting`, `by`, `outcome`, …); a document of type
    /// `decision` with its `ref` and `date` is a document. (Other keys of an entry are the office's
    /// own: the unknown-key check speaks of records, steps, meetings and signoffs.)
    private mutating func readDocuments(_ value: BorrowedNode?, step: Int, ofPassedReview passedReview: Bool) {
        guard let list = value, list.coreValue != .null else { return }
        // A list of mappings, as signoffs are: `documents:` written as a mapping held a misplaced
        // `status: planned` no check looked at, and the gate called the planned review done.
        guard let count = list.itemCount else {
            add(.step, zh: "第 \(step) 个步骤的 documents 是\(Wording.kind(list.kind, .zh))，应为列表：[{type, ref}]",
                en: "step \(step) has documents as \(Wording.kind(list.kind, .en)), expected a list of {type, ref}", at: list)
            return
        }
        for index in 0..<count {
            let entry = list.item(index)
            guard entry.kind == .mapping else {
                add(.step, zh: "第 \(step) 个步骤的 documents 第 \(index + 1) 项是\(Wording.kind(entry.kind, .zh))，应为映射 {type, ref}",
                    en: "item \(index + 1) of the documents of step \(step) is \(Wording.kind(entry.kind, .en)), expected a mapping {type, ref}", at: entry)
                continue
            }
            if passedReview { documentAgainstReview(entry, index: index, step: step) }
            // One pass over the entry's keys: most hold `type` and `ref` alone, and are done with.
            var stepKey = false
            for place in entry.pairPlaces {
                guard let key = entry.keyText(at: place), key != "type", key != "ref" else { continue }
                if RecordFormat.stepOnlyKeys.contains(key) { stepKey = true }
            }
            guard stepKey, case .string(let written)? = entry["type"]?.coreValue,
                  format.codes.stepTypes.number(of: written) != nil || format.codes.stepTypes.code(named: written) != nil else { continue }
            add(.step,
                zh: "第 \(step) 个步骤的 documents 第 \(index + 1) 项是一个步骤（类型 \(written.onOneLine)），不是文件；是否缩进错了？步骤应写在 steps 下",
                en: "item \(index + 1) of the documents of step \(step) is a step (of type \(written.onOneLine)), not a document; is it indented too deep? Steps belong under steps",
                at: entry)
        }
    }

    /// A key problem for a document of a review read as done and passed that says otherwise: a
    /// review opinion not yet issued (`ref: 待出具`, `ref: pending`), one whose type says the draft
    /// failed or was returned (`审查意见书（不予通过）`, `退回函`), or a key of its own saying no
    /// (`结论: 不合法`, `意见: 不同意提请常务会议审议`). The format reads a document's type and ref
    /// alone, and each went READY with no finding at all. (A document's ref standing for no one,
    /// `无`, is one not issued.)
    private mutating func documentAgainstReview(_ entry: BorrowedNode, index: Int, step: Int) {
        var said: [String] = []
        let type = entry["type"]?.scalar?.text ?? ""
        // (Words are looked for by their bytes, `WordSearch`; the format's own type holds none.)
        let isOwnType = Self.isCode(type, "review_opinion")
        // (A review's own opinion, not an earlier round's or a reply to one: a re-review files the
        // first round's `初审退回意见` and the drafter's `退回修改意见的回复函`.)
        let earlierOrReply = !isOwnType && WordSearch.containsAny(type, Self.earlierRoundWords)
        // (The review's opinion: not a draft for comments, a department's opinion, a list of materials.)
        let isOpinion = !earlierOrReply && (isOwnType || WordSearch.containsAny(type, Self.opinionTypeWords))
        // (An opinion unnumbered, `ref: 无`, `未单独发文`, is issued: township justice offices write
        // many so.)
        if isOpinion, let ref = entry["ref"]?.scalar?.text, Self.saysNotIssued(ref) { said.append("ref: \(ref.onOneLine)") }
        // (A type saying the review failed: the opinion's own, or a letter whose name starts with it,
        // `退回函`; not a return of materials to complete, `退回补正材料通知书`, nor a draft's title.)
        if !isOwnType, !earlierOrReply, WordSearch.containsAny(type, format.failingOutcomeWords),
           isOpinion || (WordSearch.startsWithAny(type, format.failingOutcomeWords) && !WordSearch.containsAny(type, Self.materialWords)) {
            said.append("type: \(type.onOneLine)")
        }
        for place in entry.pairPlaces {
            guard let key = entry.keyText(at: place), key != "type", key != "ref", !RecordFormat.isExtension(key),
                  let text = entry.value(at: place).scalar?.text else { continue }
            let asked = format.yesNoWords.read(key: key, value: text)
            let named = format.vocabulary.code(for: key, in: RecordFormat.Section.keyNames) ?? key
            // (The review's opinion still to come: `status: planned` in it went READY.)
            if isOpinion, named == "status", format.codes.statuses.code(for: text) == "planned" {
                said.append("\(key): \(text.onOneLine)")
                continue
            }
            let concludes = RecordFormat.namesOpinion(key) || named == "outcome"
            if asked.map({ !$0.answer }) ?? (concludes && !RecordFormat.saysPassed(text)
                && format.codes.outcomes.code(for: text).map(RecordFormat.passingOutcomes.contains) != true) {
                said.append("\(key): \(text.onOneLine)")
            }
        }
        guard !said.isEmpty else { return }
        let quoted = said.joined(separator: "；")
        add(.key,
            zh: "第 \(step) 个步骤的 documents 第 \(index + 1) 项说审查没有通过、不同意或尚未出具（\(quoted)），而此步骤按已完成、已通过的审查读取，文件中的这些内容没有规则读取；以哪个为准无法确定，请核实后如实写明审查步骤的 outcome（尚未审结的写 status: planned），尚未出具的文件不要写入 documents",
            en: "item \(index + 1) of the documents of step \(step) says the review did not pass, disagreed or is not issued yet (\(quoted)), but the step reads as a review done and passed, and no rule reads this in a document; which holds is unknown: find out, and write the review's true outcome (status: planned for one not yet concluded); leave a document not yet issued out of documents",
            at: entry, misreadKey: true)
    }

    /// A key problem for a legality review read as formal (no `form`) and passed whose
    /// channel or documents say it was a request for opinions (`channel: 书面征求司法局意见`, a
    /// document `opinion_request` or `征求意见函`) with no review opinion among its documents: the
    /// form defaults to the formal review, and a solicitation written so, the very thing the rule
    /// of review replaced by soliciting opinions forbids, went READY with no finding at all. (Not
    /// a draft for comments, `征求意见稿`: the draft itself.)
    private mutating func solicitationReadAsReview(_ fields: StepFields, step: Int) {
        guard fields.form == nil else { return }
        var said: [String] = []
        var at: BorrowedNode?
        if let channel = fields.channel?.scalar?.text {
            // (A channel saying the review, `司法局书面审查`, is one, whatever its documents are.)
            if WordSearch.containsAny(channel, Self.reviewWords) { return }
            if Self.saysSolicitation(channel) {
                said.append("channel: \(channel.onOneLine)")
                at = fields.channel
            }
        }
        if let list = fields.documents, let count = list.itemCount {
            for index in 0..<count {
                guard let type = list.item(index)["type"]?.scalar?.text else { continue }
                if Self.saysSolicitation(type) {
                    said.append("type: \(type.onOneLine)")
                    at = at ?? list.item(index)
                } else if Self.isCode(type, "review_opinion") || WordSearch.containsAny(type, Self.opinionTypeWords)
                            || WordSearch.containsAny(type, Self.replyWords) {
                    // (A review that asked others' opinions on the way and issued its own, under
                    // any name, `司法局复函`, `审查报告`, is one.)
                    return
                }
            }
        }
        guard let at, !said.isEmpty else { return }
        let quoted = said.joined(separator: "；")
        add(.key,
            zh: "第 \(step) 个步骤按正式的合法性审查读取（没有写 form），但其中写明的是征求意见（\(quoted)），没有审查意见书；以征求意见代替合法性审查的，应写 form: opinion_solicitation；确为正式审查的，请写明 form: formal 并列出审查意见书",
            en: "step \(step) reads as a formal legality review (no form), but what it says is a request for opinions (\(quoted)), with no review opinion among its documents; a review replaced by soliciting opinions is form: opinion_solicitation; for a formal review, write form: formal and list its opinion",
            at: at, misreadKey: true)
    }

    /// Whether a review step's channel or document type says opinions were asked (`征求意见函`,
    /// `会签单`), not a draft (`征求意见稿`).
    private static func saysSolicitation(_ text: String) -> Bool {
        WordSearch.containsAny(text, ["征求", "意见征求", "征询", "函询", "会签", "opinion_request", "opinion request", "solicit"])
            && !WordSearch.containsAny(text, ["意见稿", "送审稿", "draft"])
    }

    /// Words of a channel naming the review itself (`司法局书面审查`).
    private static let reviewWords = ["审查", "审核", "review"]
    /// Words of a document's type naming a reply or a report, a review's opinion under another name
    /// (`司法局复函`, `审查报告`, `意见书`).
    private static let replyWords = ["复函", "回复", "答复", "报告", "意见书"]

    /// Whether a document's ref says it is not issued yet (`待出具`, `尚未出具`, `审查中`, `pending`);
    /// one unnumbered (`未编号`, `无文号`) is issued.
    static func saysNotIssued(_ ref: String) -> Bool {
        // (A document number, `泽司审〔2026〕44号`, as nearly every ref is: told by its end.)
        if ref.utf8.reversed().starts(with: "号".utf8.reversed()), ref.utf8.contains(where: { (0x30...0x39).contains($0) }),
           !WordSearch.startsWithAny(ref, ["待", "尚未", "暂未", "还未"]) {
            return false
        }
        if WordSearch.containsAny(ref, ["编号", "文号", "标号", "发文"]) { return false }
        if WordSearch.containsAny(ref, notIssuedWords) { return true }
        // (Through the marks it opens with, `（待定）`, `“待出具”`: a ref is a document number
        // nearly always, and taking a text out of its marks, `KeyText.unwrapped`, cost more than the
        // search.)
        let scalars = ref.unicodeScalars
        let start = scalars.firstIndex { !Self.openingMarks.contains($0) } ?? scalars.endIndex
        let bare = start == scalars.startIndex ? ref : String(scalars[start...])
        if WordSearch.startsWithAny(bare, ["待", "尚未", "暂未", "还未"]) { return true }
        // (English in any case: `Pending`, `TBD`.)
        guard ref.utf8.contains(where: { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }) else { return false }
        let lowered = Vocabulary.trimmed(KeyText.unwrapped(ref)).lowercased()
        return WordSearch.containsAny(lowered, notIssuedWords) || ["tbd", "tbc"].contains(lowered)
    }

    /// Marks a ref may open with (`saysNotIssued`).
    private static let openingMarks: Set<Unicode.Scalar> = [" ", "\u{3000}", "\t", "“", "‘", "\"", "'", "（", "(", "【", "[", "「", "『", "《", "<", "〔"]

    /// Words of a ref saying the document is not issued yet (`saysNotIssued`).
    private static let notIssuedWords = [
        "后补", "待出具", "未出具", "审查中", "审核中", "送审中", "正在", "尚在", "起草中", "未印发", "待印发", "会后出具", "等待",
        "pending", "awaiting", "to follow", "not yet", "not issued", "to be issued", "in progress", "under review",
    ]

    /// Words of a document's type naming the review's opinion.
    private static let opinionTypeWords = ["审查意见", "审核意见", "法律意见", "合法性审查", "合法性审核", "opinion", "Opinion", "OPINION"]

    /// Words of a document's type naming materials returned to be completed (`退回补正材料通知书`).
    private static let materialWords = ["补正", "补充", "材料"]

    /// Words of a document's type naming an earlier round of review or a reply to one.
    private static let earlierRoundWords = ["上次", "前次", "上一次", "初审", "第一次", "首次", "原审", "回复", "答复", "修改说明", "整改", "反馈"]

    /// A key problem for `form` on a penalty case's `legal_review`, where no rule reads it (the
    /// format gives a form to a legality review alone): `form: 征求意见` (the legal review replaced
    /// by asking opinions) counted as the legal review a major case needs, unsaid, and `form: 会签`
    /// was not even looked at. One saying the formal review (the form's default) is only listed.
    /// (Another step's form, an expert review's `opinion_solicitation`, claims no review.)
    private mutating func formOfLegalReview(_ form: BorrowedNode, type: String, step: Int) {
        let written = form.scalar?.text
        let code = written.flatMap(format.codes.forms.code(for:))
        // (As penalty work says the formal review: `正式审核`, `法制审核`, `书面审核`.)
        let formal = code == RecordFormat.defaultCodes["form"]
            || written.map { text in text.contains("正式") || ["法制审核", "书面审核", "书面审查"].contains(Vocabulary.trimmed(text)) } == true
        let shown = (written ?? Wording.kind(form.kind, .en)).onOneLine
        let said: (zh: String, en: String) = formal
            ? ("，所写与正式审查一致，可删去", ", and says the formal form: remove it")
            : code != nil
            ? ("；它说此步骤不是正式的审核（“\(shown)”），而此步骤按已完成的 \(type) 读取：以征求意见等方式代替的，不是法律要求的审核，请如实记录（删去此步骤或改正其内容），不要只删去此字段",
               "; it says the step was no formal review ('\(shown)'), and the step is read as a done \(type): one replaced by asking opinions is not the review the law asks for; record what happened (remove the step, or correct it), do not only remove this key")
            : ("；其值“\(shown)”不是审查形式，此步骤是否为正式的审核无法确定，而它按已完成的 \(type) 读取；请核实：正式审核的删去此字段，以征求意见等方式代替的不是法律要求的审核",
               "; its value '\(shown)' is no review form, so whether the step was a formal review is unknown, and it is read as a done \(type); find out: remove the key for a formal review; one replaced by asking opinions is not the review the law asks for")
        add(.key,
            zh: "第 \(step) 个步骤（\(type)）有 form 字段：form 只用于合法性审查（legality_review），写在这里没有规则读取它\(said.zh)",
            en: "step \(step) (\(type)) has 'form', which only a legality review (legality_review) has: here no rule reads it\(said.en)",
            at: form, misreadKey: !formal)
    }

    private mutating func readSignoffs(_ value: BorrowedNode?, of node: inout MappingRewrite, step: Int) {
        guard let list = value else { return }
        // A list of them is made only when a role was written by its name.
        guard let count = list.itemCount else {
            add(.step, zh: "第 \(step) 个步骤的 signoffs 是\(Wording.kind(list.kind, .zh))，应为列表：[{person, role, date}]",
                en: "step \(step) has signoffs as \(Wording.kind(list.kind, .en)), expected a list of {person, role, date}", at: list)
            return
        }
        var rewritten: [(index: Int, node: YAMLNode)] = []
        for index in 0..<count {
            let signoff = list.item(index)
            guard signoff.kind == .mapping else {
                add(.step, zh: "第 \(step) 个步骤的签署是\(Wording.kind(signoff.kind, .zh))，应为映射 {person, role, date}",
                    en: "a signoff of step \(step) is \(Wording.kind(signoff.kind, .en)), expected a mapping {person, role, date}", at: signoff)
                continue
            }
            if let role = signoff["role"] {
                var rewrite = MappingRewrite(signoff)
                _ = readCode("role", role, of: &rewrite, step: step, section: format.codes.roles,
                             what: LocalizedText(zh: "签署角色", en: "signoff role"), required: false, checked: checksValues)
                if let node = rewrite.rewritten { rewritten.append((index, node)) }
            } else {
                add(.step, zh: "第 \(step) 个步骤的签署缺少 role", en: "a signoff of step \(step) lacks 'role'", at: signoff)
            }
            if let dateNode = signoff["date"] {
                if let day = RecordLoader.date(dateNode) {
                    if day < Self.earliestDay { earlyDate("signoffs.date", day, dateNode, step: step) }
                    // Signed "after today" in the gate: an opinion not given yet, filled in ahead,
                    // counted as heard (a step so dated is said above).
                    if let today = format.today, day > today, day <= format.asOf {
                        add(.future,
                            zh: "第 \(step) 个步骤的签署日期 \(day) 晚于今天（\(today)），意见尚未签署；日期写错了，还是签署后再填写？",
                            en: "a signoff of step \(step) is dated \(day), after today (\(today)), so it has not been signed yet; is the date wrong, or should it be written once signed?",
                            at: dateNode)
                    }
                } else {
                    badDate("signoffs.date", dateNode, step: step)
                }
            }
            if let person = signoff["person"] {
                if case .string(let text) = person.coreValue {
                    if format.standsForNoOne(text) {
                        let blank = Vocabulary.isBlank(text)
                        add(.step,
                            zh: "第 \(step) 个步骤的签署人“\(text.onOneLine)”不是人员编号\(blank ? "（空白）" : "，而是表示无人或待定的词")；尚未签署的，删去此签署",
                            en: "a signoff of step \(step) has '\(text.onOneLine)' as its person, \(blank ? "a blank" : "a word for no one or someone not yet known"), not a person id; remove the signoff if no one has signed", at: person)
                    }
                } else {
                    add(.step, zh: "第 \(step) 个步骤的签署人不是人员编号（文本）", en: "a signoff of step \(step) has a person that is not a person id (a text)", at: person)
                }
            }
            if checksValues {
                unknownKeys(in: signoff, known: RecordFormat.knownSignoffKeys, level: .signoff, what: LocalizedText(zh: "第 \(step) 个步骤的签署", en: "a signoff of step \(step)"))
            }
        }
        if !rewritten.isEmpty {
            var nodes = (0..<count).map { list.item($0).owned }
            for (index, signoff) in rewritten { nodes[index] = signoff }
            node.replace("signoffs", with: YAMLNode(.sequence(nodes), range: list.range, tag: list.tag))
        }
    }
}
