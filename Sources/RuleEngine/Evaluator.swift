import DecisionRecords
import RuleLanguage
import YAMLTree

/// Evaluates rules' programs (see `Program`) on one record. Shared definitions are computed at most once per
/// record; a rule's `let` bindings at most once per rule (or per loop item when they read it).
///
/// A class, made and used by one record's evaluation on one thread: it is handed to every call
/// of the engine and of itself, and a struct of its size was copied (every reference retained)
/// on many of those calls.
///
/// The state read on every reference (slots, `let`s, definitions, parameters) and what rules note
/// on the way (type errors, `seen_before` questions, years out of the calendar, the version in use)
/// is marked `@exclusivity(unchecked)`: each access reads or writes one element and ends before any other
/// evaluation starts (none is held across a call that could reach the same property), so the
/// runtime's check of each access, about 60 instructions, could never fail.
final class Evaluator {
    /// What every record's evaluation shares (a class: copying the context's many parts into
    /// each record's evaluator retained and released each of them).
    let shared: SharedEvaluation
    var context: EvaluationContext { shared.context }
    var definitions: [DefinitionProgram] { shared.definitions }
    let record: DecisionRecord
    /// The registry the record is checked against.
    let registry: Registry?
    /// Step indices ordered by date, ties in written order.
    let order: [Int]
    /// The same indices grouped by step type, each group in date order (see `typeGroups`).
    private let orderByType: [Int]
    /// The step types of the record and where each one's steps stand in `orderByType`; a record
    /// has a handful of types, so a list searched in order costs less than hashing every type.
    private let typeGroups: [TypeGroup]
    @exclusivity(unchecked) private var definitionCache: [Value?]
    /// The record's `facts`, looked up once.
    private let facts: Value
    @exclusivity(unchecked) private var slots: [Value?] = []
    /// For each slot, the index in `lets` of the binding that computes it; -1 for none.
    @exclusivity(unchecked) private var letsBySlot: [Int] = []
    /// The `let` bindings of the rule under evaluation (held whole: copying each program
    /// into its slot retained and released it for every rule on every record).
    @exclusivity(unchecked) private var lets: [BindingProgram] = []
    @exclusivity(unchecked) private var parameters: [String: Value] = [:]
    var problem: RecordProblem?
    /// The values `seen_before` asked about, in order; each is answered "seen" for now and
    /// settled in file order by `RunState.settle`.
    @exclusivity(unchecked) var seenQueries: [SeenQuery] = []
    @exclusivity(unchecked) var uncoveredYears: Set<Int> = []

    init(_ shared: SharedEvaluation, record: DecisionRecord) {
        self.shared = shared
        self.record = record
        // Room for the most slots a rule of the run needs, made once for every rule of the record.
        slots = Array(repeating: nil, count: shared.slotCount)
        letsBySlot = Array(repeating: -1, count: shared.slotCount)
        registry = shared.context.registries.registry(for: record.file)
        order = Self.dateOrder(of: record.steps)
        (orderByType, typeGroups) = Self.groupedByType(order, of: record.steps)
        definitionCache = Array(repeating: nil, count: shared.definitions.count)
        facts = record.node["facts"].map(Value.from) ?? .missing
    }

    /// The steps of one type: where they stand in `orderByType`.
    private struct TypeGroup {
        let type: String
        let isASCII: Bool
        var start = 0
        var count = 1

        var range: Range<Int> { start..<(start + count) }
    }

    /// Step indices ordered by date, ties in written order. Steps are mostly written in date
    /// order, and a record has a handful: those are sorted by insertion (a pass over sorted
    /// steps), longer lists by the library's sort.
    private static func dateOrder(of steps: [Step]) -> [Int] {
        // Sorted by the days alone: a comparison that read the steps copied the record each time.
        let days = steps.map(\.day.ordinal)
        guard days.count <= 32 else {
            return days.indices.sorted { lhs, rhs in days[lhs] != days[rhs] ? days[lhs] < days[rhs] : lhs < rhs }
        }
        var order = Array(days.indices)
        for next in order.indices.dropFirst() {
            let index = order[next]
            var place = next
            while place > 0, days[order[place - 1]] > days[index] {
                order[place] = order[place - 1]
                place -= 1
            }
            order[place] = index
        }
        return order
    }

    /// The date order grouped by step type (types in the order they first come), and the groups.
    private static func groupedByType(_ order: [Int], of steps: [Step]) -> ([Int], [TypeGroup]) {
        var groups: [TypeGroup] = []
        groups.reserveCapacity(order.count)
        var groupOfPlace = [Int](repeating: 0, count: order.count)
        for (place, index) in order.enumerated() {
            let type = steps[index].type
            let isASCII = type.isAllASCII
            if let known = groups.firstIndex(where: { same($0.type, $0.isASCII, type, isASCII) }) {
                groups[known].count += 1
                groupOfPlace[place] = known
            } else {
                groups.append(TypeGroup(type: type, isASCII: isASCII))
                groupOfPlace[place] = groups.count - 1
            }
        }
        // Each group's place follows the ones before it; its steps are counted in again as placed.
        var start = 0
        for group in groups.indices {
            groups[group].start = start
            start += groups[group].count
            groups[group].count = 0
        }
        var grouped = [Int](repeating: 0, count: order.count)
        for (place, index) in order.enumerated() {
            let group = groupOfPlace[place]
            grouped[groups[group].start + groups[group].count] = index
            groups[group].count += 1
        }
        return (grouped, groups)
    }

    // MARK: Rules

    /// Readies the evaluator for a rule: empty slots (reusing their storage) and the rule's parameters.
    /// (The check's parts come one by one: wrapping a check in an optional would copy all of it.)
    func prepare(slotCount count: Int, lets: [BindingProgram], parameters: [String: Value]) {
        // The storage only grows: a rule reads no slot beyond its own count.
        if slots.count < count {
            slots += repeatElement(nil, count: count - slots.count)
            letsBySlot += repeatElement(-1, count: count - letsBySlot.count)
        }
        // Each array is cleared in one access (a class's property is checked for exclusive access each time).
        slots.withUnsafeMutableBufferPointer { buffer in
            for slot in 0..<count { buffer[slot] = nil }
        }
        letsBySlot.withUnsafeMutableBufferPointer { buffer in
            for slot in 0..<count { buffer[slot] = -1 }
        }
        // Written through the array, whose bounds are checked (a binding's slot is the compiler's).
        for (index, binding) in lets.enumerated() { letsBySlot[binding.slot] = index }
        self.lets = lets
        self.parameters = parameters
        version = nil
        typeError = nil
    }

    /// The first comparison across types in the rule under evaluation, with the place of the
    /// record value involved; the engine reports it as the rule's own finding.
    @exclusivity(unchecked) var typeError: (problem: LocalizedText, position: SourcePosition?)?

    /// The version of the rule's law the parameters are set for.
    @exclusivity(unchecked) private var version: Int?

    /// Sets the parameters of a version of the rule's law; when the version changes, the rule's
    /// `let` values are computed again.
    func use(version: Int, parameters: [String: Value], lets: [BindingProgram]) {
        guard version != self.version else { return }
        self.version = version
        self.parameters = parameters
        for index in lets.indices { slots[lets[index].slot] = nil }
    }

    /// Binds a loop variable and forgets the `let`s that read it. (The bindings' fields are read
    /// in place: taking each binding out retained and released its name and expression.)
    func bind(_ slot: Int, to value: Value, resetting lets: [BindingProgram]) {
        slots[slot] = value
        for index in lets.indices where lets[index].dependsOnLoop { slots[lets[index].slot] = nil }
    }

    func slotValue(_ slot: Int) -> Value { slots[slot] ?? .missing }

    // MARK: Programs

    /// Evaluates each program in order.
    func evaluateAll(_ programs: [Program]) -> [Value] {
        var values: [Value] = []
        values.reserveCapacity(programs.count)
        for program in programs { values.append(program(self)) }
        return values
    }

    /// Evaluation steps left for the rule under evaluation; when they run out, every evaluation
    /// answers `missing` at once and `exhausted` is set, so a hostile rule cannot run for minutes.
    @exclusivity(unchecked) private var stepsLeft = Int.max
    /// Whether the rule under evaluation ran out of steps.
    var exhausted: Bool { stepsLeft <= 0 }

    /// Gives the rule about to be evaluated its budget of steps.
    func startBudget(_ steps: Int) { stepsLeft = steps }

    /// Spends a step of the budget, as every program does when it starts; false when none is left.
    @inline(__always) func spend() -> Bool {
        stepsLeft -= 1
        return stepsLeft > 0
    }

    /// The day `count` working days after `day`.
    func workingDaysLater(_ day: Day, _ count: Int) -> Day {
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
        case "working_days": return .date(workingDaysLater(day, count), nil)
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
        let key = if case .list(let parts) = value { parts.map { text($0, .en) }.joined(separator: "\u{1F}") } else { text(value, .en) }
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

    /// A bilingual template with the values of this record in place.
    func render(_ template: TemplateProgram) -> LocalizedText {
        LocalizedText(zh: render(template.zh, .zh, room: template.zhRoom), en: render(template.en, .en, room: template.enRoom))
    }

    /// A template's text; `room` is the bytes made room for at once (its literal parts and some
    /// for each value), so the text is not copied again as it grows.
    private func render(_ parts: [TemplateProgram.Part], _ language: Language, room: Int) -> String {
        var text = ""
        text.reserveCapacity(room)
        for part in parts {
            switch part {
            case .text(let literal): text += literal
            case .value(let program): text += self.text(program(self), language)
            }
        }
        return text
    }

    func exists(_ value: Value) -> Bool {
        switch value {
        case .missing: false
        case .list(let items): !items.isEmpty
        case .node(let node): node.items.map { !$0.isEmpty } ?? true
        default: true
        }
    }

    func keep(_ item: Value, _ filter: FilterProgram) -> Bool {
        let saved = slots[filter.slot]
        slots[filter.slot] = item
        defer { slots[filter.slot] = saved }
        return filter.condition(self).isTrue
    }

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
        var candidates = order[...]
        if let types = selection.types {
            // ASCII types are told apart by length first: most differ in it, and it is at hand.
            if types.count == 1 {
                let (wanted, wantedIsASCII) = (types[0], selection.typesAreASCII)
                let group = typeGroups.first { Self.same($0.type, $0.isASCII, wanted, wantedIsASCII) }
                candidates = group.map { orderByType[$0.range] } ?? []
            } else {
                candidates = order.filter { types.contains(record.steps[$0].type) }[...]
            }
        }
        // Most candidates of the right type are kept: room for all is made at once.
        if !candidates.isEmpty { selected.makeRoom(for: candidates.count) }
        for index in candidates {
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

    /// Whether two texts are equal (`==`). Two ASCII texts of different lengths are told apart
    /// without comparing them: an ASCII text is canonically equivalent only to itself.
    private static func same(_ lhs: String, _ lhsIsASCII: Bool, _ rhs: String, _ rhsIsASCII: Bool) -> Bool {
        if lhsIsASCII, rhsIsASCII, lhs.utf8.count != rhs.utf8.count { return false }
        return lhs == rhs
    }

    /// Whether a step's field is one of the accepted values. A value that is a list (a parameter
    /// such as `$param.forms`) means any of its items, exactly as a literal list does; a null among
    /// them matches an absent field.
    private func matches(_ index: Int, _ match: FieldProgram) -> Bool {
        var value = navigate(.step(index), match.path[...])
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

    // MARK: References and paths

    func reference(_ reference: Reference) -> Value {
        let path = reference.path[...]
        switch reference.root {
        // Read from the root node itself: a value of it boxed the node for every reference.
        case .record: return navigate(node: record.node, path)
        case .facts: return navigate(facts, path)
        case .steps:
            var steps: [Value] = []
            steps.reserveCapacity(order.count)
            for index in order { steps.append(.step(index)) }
            return navigate(.list(steps), path)
        case .asOf: return navigate(.date(context.asOf, nil), path)
        case .meeting: return context.meeting.map { .date($0, nil) } ?? .missing
        case .registryLoaded: return .bool(context.registries.coversEveryRecord)
        case .parameter(let name): return navigate(parameters[name] ?? .missing, path)
        case .problem:
            guard let problem else { return .missing }
            switch path.first {
            case "message": return .localized(problem.message)
            case "code": return .text(problem.code.rawValue, nil)
            default: return .missing
            }
        case .definition(let index): return navigate(definitionValue(index), path)
        case .slot(let slot): return navigate(boundValue(slot), path)
        }
    }

    /// A shared definition's value for the record, computed on first use.
    func definitionValue(_ index: Int) -> Value {
        if let cached = definitionCache[index] { return cached }
        // A definition has slots of its own; the rule's are set aside while it is computed.
        let definition = definitions[index]
        let (savedSlots, savedLetsBySlot, savedLets) = (slots, letsBySlot, lets)
        // (Most definitions have no slot: an empty list is made without an allocation.)
        slots = definition.slotCount == 0 ? [] : Array(repeating: nil, count: definition.slotCount)
        letsBySlot = definition.slotCount == 0 ? [] : Array(repeating: -1, count: definition.slotCount)
        lets = []
        let value = definition.program(self)
        (slots, letsBySlot, lets) = (savedSlots, savedLetsBySlot, savedLets)
        definitionCache[index] = value
        return value
    }

    /// The value in a slot: a loop variable's, `$it`, or a `let`'s, computed on first use.
    func boundValue(_ slot: Int) -> Value {
        if let value = slots[slot] { return value }
        let letIndex = letsBySlot[slot]
        guard letIndex >= 0 else { return .missing }
        let value = lets[letIndex].program(self)
        slots[slot] = value
        return value
    }

    func navigate(_ value: Value, _ path: ArraySlice<String>) -> Value {
        guard let field = path.first else { return value }
        let rest = path.dropFirst()
        switch value {
        case .step(let index):
            // Fields are read in place: copying the step would retain its node and texts.
            switch field {
            case "date":
                return navigate(.date(record.steps[index].day, record.steps[index].dayPosition), rest)
            case "status": return navigate(.text(record.steps[index].status.rawValue, record.steps[index].node["status"]?.position), rest)
            case "type": return navigate(.text(record.steps[index].type, record.steps[index].node["type"]?.position), rest)
            default: return record.steps[index].node[field].map { navigate(node: $0, rest) } ?? .missing
            }
        case .node(let node):
            return navigate(node: node, path)
        case .list(let items):
            var result: [Value] = []
            result.reserveCapacity(items.count)
            for item in items { appendFlattened(navigate(item, path), to: &result) }
            return .list(result)
        default:
            return .missing
        }
    }

    /// What a path reads from a node of the record: `navigate(.from(node), path)`, without making a
    /// value of each mapping and list on the way (a value of a node copies it, and is taken apart again).
    private func navigate(node: YAMLNode, _ path: ArraySlice<String>) -> Value {
        guard let field = path.first else { return .from(node) }
        if let items = node.items {
            var result: [Value] = []
            result.reserveCapacity(items.count)
            for item in items { appendNavigated(node: item, path, to: &result) }
            return .list(result)
        }
        // A mapping's field; a scalar has none.
        return node[field].map { navigate(node: $0, path.dropFirst()) } ?? .missing
    }

    /// `appendFlattened(navigate(node: node, path), to: &result)`, without the values made on the
    /// way: each item's field is appended where it is read (a path over the steps, such as
    /// `$record.steps.by`, boxed every step's list in a value and built a list per step).
    private func appendNavigated(node: YAMLNode, _ path: ArraySlice<String>, to result: inout [Value]) {
        guard let field = path.first else {
            if let items = node.items {
                for item in items { result.append(.from(item)) }
            } else if node.kind == .mapping {
                result.append(.node(node))
            } else {
                appendFlattened(.from(node), to: &result)
            }
            return
        }
        if let items = node.items {
            for item in items { appendNavigated(node: item, path, to: &result) }
        } else {
            // A mapping's field; a scalar has none.
            if let value = node[field] { appendNavigated(node: value, path.dropFirst(), to: &result) }
        }
    }

    /// Adds what a path read from one item of a list: nothing when missing, the items of a list
    /// (one level), else the value itself. (One list is built for all items, not one per item.)
    private func appendFlattened(_ value: Value, to result: inout [Value]) {
        switch value {
        case .missing: break
        case .list(let items): result += items
        case .node(let node):
            if let items = node.items {
                for item in items { result.append(.from(item)) }
            } else {
                result.append(value)
            }
        default: result.append(value)
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

/// What the evaluation of every record of a run shares: the context, the shared definitions made
/// ready, and the most slots a rule needs.
final class SharedEvaluation: Sendable {
    let context: EvaluationContext
    let definitions: [DefinitionProgram]
    let slotCount: Int

    init(context: EvaluationContext, definitions: [DefinitionProgram], slotCount: Int) {
        self.context = context
        self.definitions = definitions
        self.slotCount = slotCount
    }
}
