import DecisionRecords
import RuleLanguage

/// Step selections: the steps of some types, statuses, dates and field values, in date order.
extension Evaluator {
    /// The steps a selection keeps, in date order, into `selected` (which may keep only what a
    /// `first`, `last`, `count` or `exists` of them needs).
    func select(_ selection: SelectionProgram, into selected: inout SelectedSteps) {
        // The bounds make one span of days (no list of them is made for every selection); a
        // missing bound (`on_or_before: $first_discussion` with no discussion) selects nothing,
        // and one that is there but no date (`2024年3月1日`) is a type error of the rule.
        var days = DaySpan()
        for place in selection.boundComparisons.indices {
            let bound = selection.boundValues.call(place, self)
            guard let day = day(bound)?.ordinal else {
                if exists(bound) { noteBoundError(bound) }
                return
            }
            days.bound(selection.boundComparisons[place], day)
        }
        // The candidates: a span of `orderByType` (one type), or `order` (every type, or several),
        // read in place (a slice of either list, or a list made of the steps of several types,
        // was counted, an atomic operation, for every selection). Each candidate spends a step of
        // the rule's budget: a selection inside another's filter went through every step for each
        // step within one step each, and a record of 100,000 steps took minutes.
        if selection.types == nil {
            _ = spend(order.count)
            if !order.isEmpty { selected.makeRoom(for: order.count) }
            for place in order.indices { consider(order[place], selection, days, into: &selected) }
        } else if let wanted = selection.singleType {
            guard let group = typeGroup(of: wanted, number: selection.singleTypeNumber, isASCII: selection.typesAreASCII) else { return }
            // Most candidates of the right type are kept: room for all is made at once.
            let range = typeGroups[group].range
            _ = spend(range.count)
            if !range.isEmpty { selected.makeRoom(for: range.count) }
            for place in range { consider(orderByType[place], selection, days, into: &selected) }
        } else {
            _ = spend(order.count)
            for place in order.indices where isSelected(record.steps[order[place]], selection) {
                consider(order[place], selection, days, into: &selected)
            }
        }
    }

    private func noteBoundError(_ bound: Value) {
        noteTypeError(LocalizedText(
            zh: "步骤选择的日期界限（on_or_before、after 等）需要日期，而“\(text(bound, .zh))”不是日期（应写作 YYYY-MM-DD）",
            en: "a step selection's date bound (on_or_before, after, ...) needs a date; '\(text(bound, .en))' is not one (expected YYYY-MM-DD)"), bound, .missing)
    }

    /// The place in `typeGroups` of the steps of a type (with its number in the selections'
    /// numbering, and whether it is ASCII); nil when the record has none. Types are told apart by
    /// their numbers, else (ASCII ones) by length first.
    private func typeGroup(of wanted: String, number: Int?, isASCII wantedIsASCII: Bool) -> Int? {
        let number = stepTypesNumbered ? number : nil
        for place in typeGroups.indices
        where Self.sameType(typeGroups[place].type, typeGroups[place].number, typeGroups[place].isASCII, wanted, number, wantedIsASCII) {
            return place
        }
        return nil
    }

    /// Adds the step at `index` to `selected` when its status, day, fields and filter are the
    /// selection's (its type was told before).
    private func consider(_ index: Int, _ selection: SelectionProgram, _ days: DaySpan, into selected: inout SelectedSteps) {
        let status = record.steps[index].status
        switch selection.status {
        case .done where status != .done: return
        case .planned where status != .planned: return
        default: break
        }
        guard days.contains(record.steps[index].day.ordinal) else { return }
        // (Read by place: a field test taken out of the list counted its two lists.) Past the budget
        // (long texts compared spend it within one candidate), no more is compared.
        for place in selection.fields.indices where exhausted || !matches(index, selection.fields[place]) { return }
        // (Called where it lies: a filter taken out of its optional counted its closure.)
        if selection.filter?.keeps(.step(index), self) == false { return }
        selected.add(index)
    }

    /// Whether a step's type is one of the selection's (`types`, whose numbers are `typeNumbers`):
    /// by number when the record's types are numbered and the step's is a code (a type without a
    /// number is no code, so it cannot equal one), else as texts.
    private func isSelected(_ step: borrowing Step, _ selection: SelectionProgram) -> Bool {
        guard let types = selection.types else { return true }
        let numbers = selection.typeNumbers
        guard stepTypesNumbered else { return types.contains(step.type) }
        if let number = step.typeNumber { return numbers.contains(number) }
        return types.indices.contains { numbers[$0] == nil && types[$0] == step.type }
    }

    /// Whether two texts are equal (`==`). Two ASCII texts of different lengths are told apart
    /// without comparing them: an ASCII text is canonically equivalent only to itself.
    static func same(_ lhs: String, _ lhsIsASCII: Bool, _ rhs: String, _ rhsIsASCII: Bool) -> Bool {
        if lhsIsASCII, rhsIsASCII, lhs.utf8.count != rhs.utf8.count { return false }
        return lhs == rhs
    }

    /// Whether a step's field is one of the accepted values. A value that is a list (a parameter
    /// such as `$param.forms`) means any of its items, exactly as a literal list does; a null among
    /// them matches an absent field.
    private func matches(_ index: Int, _ match: FieldProgram) -> Bool {
        var value = navigate(.step(index), match.path, from: 0)
        // A list written in the record is read item by item once, not for each accepted value.
        if case .node(let node) = value, node.kind == .sequence { value = .list(value.elements ?? []) }
        for expected in match.values {
            guard let expected else {
                if value.isMissing { return true }
                continue
            }
            // A single accepted value and a single field value are compared as they are: making a
            // one-item list of each cost two allocations for every step and field tried.
            let accepted = expected(self)
            switch accepted {
            case .list(let candidates):
                for candidate in candidates where holds(candidate, in: value) { return true }
            case .node(let node) where node.kind == .sequence:
                for candidate in accepted.elements ?? [] where holds(candidate, in: value) { return true }
            default:
                if holds(accepted, in: value) { return true }
            }
        }
        return false
    }

    /// Whether a step's field value is an accepted value: a missing one matches an absent field;
    /// a field that holds a list (`by`, `officers`) matches when one of its items does.
    private func holds(_ candidate: Value, in value: Value) -> Bool {
        if candidate.isMissing { return value.isMissing }
        switch value {
        case .list(let items):
            for item in items where compare(item, candidate, .eq) { return true }
            return false
        default:
            return compare(value, candidate, .eq)
        }
    }
}

/// What a step selection kept: its steps, or (for a `first`, `last`, `count` or `exists` of a
/// selection) only the first, the last and how many, without a list of them.
struct SelectedSteps {
    /// Whether the steps themselves are kept.
    let keepsSteps: Bool
    private(set) var steps: [Value] = []
    private(set) var first: Int?
    private(set) var last: Int?
    private(set) var count = 0

    init(keepingSteps: Bool) {
        keepsSteps = keepingSteps
    }

    mutating func makeRoom(for count: Int) {
        if keepsSteps { steps.reserveCapacity(count) }
    }

    @inline(__always) mutating func add(_ index: Int) {
        if keepsSteps { steps.append(.step(index)) }
        if first == nil { first = index }
        last = index
        count += 1
    }
}

/// The days a selection's bounds leave (`date: {le: ..., ne: ...}`), as day ordinals.
struct DaySpan {
    private var earliest = Int.min, latest = Int.max
    /// The days a `ne` bound leaves out; nil while there are none (no list is made for a
    /// selection without one).
    private var excluded: [Int]?

    /// Narrows the span by one bound.
    mutating func bound(_ comparison: Comparison, _ day: Int) {
        switch comparison {
        case .le: latest = min(latest, day)
        case .lt: latest = min(latest, day - 1)
        case .ge: earliest = max(earliest, day)
        case .gt: earliest = max(earliest, day + 1)
        case .eq: (earliest, latest) = (max(earliest, day), min(latest, day))
        case .ne: excluded = (excluded ?? []) + [day]
        }
    }

    /// Whether a day is in the span.
    func contains(_ day: Int) -> Bool {
        day >= earliest && day <= latest && excluded?.contains(day) != true
    }
}
