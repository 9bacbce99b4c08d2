import DecisionRecords
import RuleLanguage

/// Step selections: the steps of some types, statuses, dates and field values, in date order.
extension Evaluator {
    /// The steps a selection keeps, in date order, into `selected` (which may keep only what a
    /// `first`, `last`, `count` or `exists` of them needs).
    func select(_ selection: SelectionProgram, into selected: inout SelectedSteps) {
        // The bounds make one span of days (no list of them is made for every selection); a
        // bound that is no date selects nothing.
        var earliest = Int.min, latest = Int.max
        var excluded: [Int] = []
        for bound in selection.bounds {
            guard let day = day(bound.value(self))?.ordinal else { return }
            switch bound.comparison {
            case .le: latest = min(latest, day)
            case .lt: latest = min(latest, day - 1)
            case .ge: earliest = max(earliest, day)
            case .gt: earliest = max(earliest, day + 1)
            case .eq: (earliest, latest) = (max(earliest, day), min(latest, day))
            case .ne: excluded.append(day)
            }
        }
        // The candidates: a span of `orderByType` (one type), of `order` (every type), or of the
        // steps kept by type (several types), read in place (a slice of either list counted a
        // reference to it for every selection).
        enum Source { case order, byType, kept }
        var (source, span) = (Source.order, order.indices)
        var kept: [Int] = []
        if let types = selection.types {
            // Types are told apart by their numbers, else (ASCII ones) by length first.
            if types.count == 1 {
                let (wanted, wantedIsASCII) = (types[0], selection.typesAreASCII)
                let number = stepTypesNumbered ? selection.typeNumbers[0] : nil
                guard let group = typeGroups.first(where: { Self.sameType($0.type, $0.number, $0.isASCII, wanted, number, wantedIsASCII) }) else { return }
                (source, span) = (.byType, group.range)
            } else {
                // Room for every step made at once (`filter` grew its list from nothing).
                kept.reserveCapacity(order.count)
                for place in order.indices where isSelected(record.steps[order[place]], types: types, numbers: selection.typeNumbers) {
                    kept.append(order[place])
                }
                (source, span) = (.kept, kept.indices)
            }
        }
        // Most candidates of the right type are kept: room for all is made at once.
        if !span.isEmpty { selected.makeRoom(for: span.count) }
        for place in span {
            let index = switch source {
            case .order: order[place]
            case .byType: orderByType[place]
            case .kept: kept[place]
            }
            let status = record.steps[index].status
            switch selection.status {
            case .done where status != .done: continue
            case .planned where status != .planned: continue
            default: break
            }
            let ordinal = record.steps[index].day.ordinal
            if ordinal < earliest || ordinal > latest || (!excluded.isEmpty && excluded.contains(ordinal)) { continue }
            var fieldsMatch = true
            for field in selection.fields where !matches(index, field) {
                fieldsMatch = false
                break
            }
            if !fieldsMatch { continue }
            if let filter = selection.filter, !keep(.step(index), filter) { continue }
            selected.add(index)
        }
    }

    /// Whether a step's type is one of `types` (whose numbers are `numbers`): by number when the
    /// record's types are numbered and the step's is a code (a type without a number is no code,
    /// so it cannot equal one), else as texts.
    private func isSelected(_ step: borrowing Step, types: [String], numbers: [Int?]) -> Bool {
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
