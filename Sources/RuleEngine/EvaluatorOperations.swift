import DecisionRecords
import RuleLanguage

/// What programs ask of the evaluator: dates and periods, people, lists, messages.
extension Evaluator {
    /// Evaluates each program in order.
    func evaluateAll(_ programs: ProgramList) -> [Value] {
        var values: [Value] = []
        values.reserveCapacity(programs.count)
        for index in 0..<programs.count { values.append(programs.call(index, self)) }
        return values
    }

    /// The day `count` working days after `day`; nil, a type error of the rule, for a negative
    /// count (working days are counted forward only: `-5`, computed or a parameter's, was taken
    /// as 0, and "5 working days before the meeting" passed a hearing of the day before).
    func workingDaysLater(_ day: Day, _ count: Int) -> Day? {
        guard count >= 0 else {
            noteTypeError(LocalizedText(
                zh: "工作日只能向后数，\(count) 不是可用的工作日数（“某日之前 N 个工作日”应从较早的一天向后数）",
                en: "working days are counted forward only, and \(count) is no count of them (for N working days before a day, count forward from the earlier day)"), .missing, .missing)
            return nil
        }
        let result = context.calendar.adding(workingDays: count, to: day)
        noteCoverage(day, result)
        return result
    }

    /// The working days between two days.
    func workingDays(from start: Day, to end: Day) -> Int {
        noteCoverage(start, end)
        return context.calendar.workingDays(from: start, to: end)
    }

    /// `add_period`: `count` days of a unit after `day`; an unknown unit is a type error.
    func addPeriod(_ day: Day, _ count: Int, unit: Value) -> Value {
        switch text(unit, .en) {
        case "working_days": return workingDaysLater(day, count).map { .date($0, nil) } ?? .missing
        case "calendar_days": return .date(calendarPeriodEnd(day, count), nil)
        case "days": return .date(day.adding(days: count), nil)
        case let other:
            noteTypeError(LocalizedText(
                zh: "add_period 的单位“\(other)”不是 working_days、calendar_days 或 days",
                en: "'\(other)' is no unit of add_period (working_days, calendar_days or days)"), .missing, .missing)
            return .missing
        }
    }

    /// The days of a step's period, both ends counted (1 for a step that is no period).
    func periodDays(_ value: Value) -> Value {
        guard case .step(let index) = value else { return .missing }
        let node = record.steps[index].node
        guard let start = node["start"].flatMap(RecordLoader.date), let end = node["end"].flatMap(RecordLoader.date) else { return .number(1) }
        return .number(Double(start.days(to: end) + 1))
    }

    /// The registry's name of a person, else the id as written.
    func personName(_ value: Value) -> Value {
        let id = text(value, .en)
        let name = registry?.lookUp(id) { $0.name } ?? nil
        return .text(name ?? id, position(of: value))
    }

    /// The roles the registry gives a person (none for a person it does not know), each as the
    /// vocabulary's code when it is written as a code or a name of a role (`法律顾问` is
    /// `legal_adviser`), else as written: a registry's roles are an office's own words.
    func personRoles(_ value: Value) -> Value {
        // (Most people have no roles listed.)
        guard let roles = registry?.lookUp(text(value, .en), { $0.roles }), !roles.isEmpty else { return .list([]) }
        // A step for each role read (a person of 10,000 roles named by thousands of signoffs took minutes).
        guard spend(roles.count) else { return .missing }
        return .list(roles.map { .text(roleCode($0), nil) })
    }

    /// Whether the registry gives a person a role, written as the role's code or as one of its
    /// names in the vocabulary (`法律顾问` is `legal_adviser`, `行政执法人员` `enforcement_officer`),
    /// as `personRoles` reads them; the role asked may be named so too.
    func hasRole(_ person: String, _ role: String) -> Bool {
        guard let roles = registry?.lookUp(person, { $0.roles }), !roles.isEmpty, spend(roles.count) else { return false }
        let wanted = roleCode(role)
        return roles.contains { $0 == wanted || roleCode($0) == wanted }
    }

    /// The ids of the people the registry gives a role, written as its code or as one of its names
    /// in the vocabulary (the role asked may be named so too), in UTF-8 order (whether the
    /// registry records legal advisers at all).
    func peopleWithRole(_ role: String) -> Value {
        guard let registry else { return .list([]) }
        let wanted = roleCode(role)
        var lists: [[String]] = []
        for (written, holders) in registry.roleHolders where written == wanted || roleCode(written) == wanted {
            // A step for each person named (a registry of 10,000 advisers is read as it is named).
            guard spend(holders.count) else { return .missing }
            lists.append(holders)
        }
        // One way of writing the role (most registries): its people as they are kept, in id order.
        let ids = lists.count == 1 ? lists[0] : Set(lists.joined()).sorted { $0.precedesInUTF8($1) }
        return .list(ids.map { .text($0, nil) })
    }

    /// A role as its code: of the signoff roles (`roles`), else of the registry's own
    /// (`registry_roles`), else as written.
    private func roleCode(_ written: String) -> String {
        shared.roles.code(for: written) ?? shared.registryRoles.code(for: written) ?? written
    }

    /// The year or the month of a date; a value that is no date is a type error.
    func datePart(_ part: DatePart, of value: Value) -> Value {
        guard let day = day(value) else {
            if !value.isMissing { noteTypeError(LocalizedText(zh: "“\(text(value, .zh))”不是日期", en: "'\(text(value, .en))' is not a date"), value, .missing) }
            return .missing
        }
        let components = day.components
        return .number(Double(part == .year ? components.year : components.month), position(of: value))
    }

    /// `seen_before`: answered "seen" for now, the question kept for `RunState.settle`.
    func seenBefore(_ id: Int, _ value: Value) -> Value {
        // A key of several parts (`[$a, $b]`) with a part missing is no key: it never matches.
        guard !value.isMissing else { return .bool(false) }
        if case .list(let parts) = value, parts.isEmpty || parts.contains(where: \.isMissing) { return .bool(false) }
        // Texts as a reader tells them apart (`ReaderFolding`): `t-001` and `Ｔ－００１` are `T-001`.
        func part(_ value: Value) -> String {
            if case .localized(let words) = value { return "\(words.zh)\u{1E}\(words.en)" }
            return ReaderFolding.folded(text(value, .en))
        }
        let key = if case .list(let parts) = value { parts.map(part).joined(separator: "\u{1F}") } else { part(value) }
        seenQueries.append(SeenQuery(expression: id, value: key, record: record.id, line: record.position.line))
        return .bool(true)
    }

    /// The items without repeats (by `identity`), each at its first place. A short list (a record's
    /// people) is searched in place: a set, grown insert by insert, cost more than the items; a long
    /// one goes through a set made at its size, so a hostile list stays linear.
    func distinct(_ items: [Value]) -> [Value] {
        var unique: [Value] = []
        unique.reserveCapacity(items.count)
        if items.count <= 16 {
            var keys: [String] = []
            keys.reserveCapacity(items.count)
            for item in items {
                let key = identity(item)
                guard !keys.contains(key) else { continue }
                keys.append(key)
                unique.append(item)
            }
            return unique
        }
        var keys = Set<String>(minimumCapacity: items.count)
        for item in items where keys.insert(identity(item)).inserted { unique.append(item) }
        return unique
    }

    /// The last day of a period of `count` calendar days from `day` (counted from the day after),
    /// moved to the next working day when it falls on a rest day or a public holiday.
    func calendarPeriodEnd(_ day: Day, _ count: Int) -> Day {
        let end = day.adding(days: count)
        let rolled = context.calendar.rollingForward(end)
        noteCoverage(end, rolled)
        return rolled
    }

    /// `add`, `sub`, `min`, `max`, `sum` over numbers; lists are taken item by item and missing
    /// values are skipped (`min`/`max` of nothing is missing, `sum` of nothing is 0). A value that
    /// is no number (a text such as `1,500`) is a type error of the rule on this record.
    func arithmetic(_ operation: Arithmetic, _ operands: [Program]) -> Value {
        var numbers: [Double] = []
        for operand in operands {
            let value = operand(self)
            for item in value.elements ?? [value] where !item.isMissing {
                switch item {
                case .number(let number, _): numbers.append(number)
                case .text(let text, _) where Self.plainNumber(text) != nil: numbers.append(Self.plainNumber(text) ?? 0)
                default:
                    noteTypeError(LocalizedText(
                        zh: "\(operation.rawValue) 只能计算数字，“\(text(item, .zh))”不是数字（不能带千位分隔符或单位）",
                        en: "\(operation.rawValue) works on numbers; '\(text(item, .en))' is not one (no thousands separators or units)"), item, .missing)
                    return .missing
                }
            }
        }
        switch operation {
        case .add, .sum: return .number(numbers.reduce(0, +))
        case .sub:
            guard numbers.count == 2 else { return .missing }
            return .number(numbers[0] - numbers[1])
        case .min: return numbers.min().map { .number($0) } ?? .missing
        case .max: return numbers.max().map { .number($0) } ?? .missing
        }
    }

    /// The texts of a template's values, those of its Chinese text and then those of its English
    /// one, each value evaluated once for each language, in order, for
    /// `TemplateProgram.rendered(with:cut:)`.
    ///
    /// For a finding's message, once a language's values hold more than a rendered message keeps
    /// (`TemplateProgram.mostCharacters`), the rest are left empty: the message is cut before them
    /// (each was kept, copied into the findings sent from the workers and scanned for line
    /// breaks: gigabytes from one message). A `text` value is never cut: it may be compared.
    func valueTexts(_ template: TemplateProgram, forMessage: Bool = false) -> [String] {
        var texts: [String] = []
        texts.reserveCapacity(template.valueCount)
        for (parts, language) in [(template.zh, Language.zh), (template.en, .en)] {
            let first = texts.count
            // The values' bytes, and their scalars once the bytes pass the cut: a text has no more
            // scalars than bytes, so most messages are never stepped through (every finding's was).
            var bytes = 0
            var characters: Int?
            for case .value(let program) in parts {
                guard !forMessage || (characters ?? 0) <= TemplateProgram.mostCharacters else {
                    texts.append("")
                    continue
                }
                let value = text(program(self), language)
                texts.append(value)
                guard forMessage else { continue }
                bytes += value.utf8.count
                if let counted = characters {
                    characters = counted + value.unicodeScalars.count
                } else if bytes > TemplateProgram.mostCharacters {
                    characters = texts[first...].reduce(0) { $0 + $1.unicodeScalars.count }
                }
            }
        }
        return texts
    }

    /// Whether a value is there: not missing, and not an empty list.
    ///
    /// Empty is empty however written: a text of spaces only (`doc_no: ""`, `"　"`, a line break or
    /// a zero-width space alone), a mapping with no keys (`{}`) and a list of such items or nulls
    /// (`[""]`, `[~]`) are absent, as the record pack calls `title: ""` empty. (Each was present,
    /// and `missing: $facts.doc_no` never fired.)
    func exists(_ value: Value) -> Bool {
        switch value {
        case .missing: false
        case .text(let text, _): !Vocabulary.isBlank(text)
        case .list(let items): items.contains { exists($0) }
        case .node(let node):
            node.withBorrowed { node in
                if let count = node.itemCount { return (0..<count).contains { exists(.from(node.item($0))) } }
                var pairs = node.pairPlaces.makeIterator()
                return pairs.next() != nil
            }
        default: true
        }
    }

    /// Whether a filter's condition holds with `item` in its slot (the slot's value is put back after).
    func keep(_ item: Value, _ filter: FilterProgram) -> Bool {
        let saved = slots[filter.slot]
        slots[filter.slot] = item
        defer { slots[filter.slot] = saved }
        return conditionHolds(filter.condition(self))
    }

    /// Whether a condition (`when`, `violation`, `where`, an item of `all` or `any`, what `not`,
    /// `is_true` and `if` test) holds: only a boolean true does, and a missing value (a field not
    /// written) does not. Any other value (a text such as 是, a number, a step) is no condition: a
    /// type error of the rule on this record, never a silent true or false.
    @inline(__always)
    func conditionHolds(_ value: Value) -> Bool {
        switch value {
        case .bool(let holds, _): return holds
        case .missing: return false
        default:
            noteConditionError(value)
            return false
        }
    }

    @inline(never)
    private func noteConditionError(_ value: Value) {
        let kind = typeName(value)
        noteTypeError(LocalizedText(
            zh: "遇到不是布尔值的条件：\(Self.chineseTypeName(kind))“\(text(value, .zh))”（条件须为 true 或 false；是否存在请用 exists）",
            en: "a condition needs a boolean (true or false), found \(kind) '\(text(value, .en))' (to ask whether a value is there, use exists)"), value, .missing)
    }

    /// The earliest or latest element; steps by date (ties: the first listed for the earliest,
    /// the last listed for the latest), dates by day, other lists by position.
    func pick(_ value: Value, latest: Bool) -> Value {
        guard let items = value.elements else { return value }
        var best: (Value, Day)?
        var sawUndated = false
        for item in items where !item.isMissing {
            guard let day = day(item) else {
                sawUndated = true
                continue
            }
            if let current = best {
                if latest ? day >= current.1 : day < current.1 { best = (item, day) }
            } else {
                best = (item, day)
            }
        }
        if sawUndated || best == nil {
            let present = items.filter { !$0.isMissing }
            return (latest ? present.last : present.first) ?? .missing
        }
        return best?.0 ?? .missing
    }
}
