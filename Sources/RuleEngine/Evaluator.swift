import DecisionRecords
import RuleLanguage
import YAMLTree

/// Evaluates rules' programs (see `Program`) on one record. Shared definitions are computed at
/// most once per record; a rule's `let` bindings at most once per rule (or per loop item when
/// they read it).
///
/// A class, made and used by one record's evaluation on one thread: it is handed to every
/// program and to the engine, and a struct of its size was copied (every reference retained)
/// on many of those calls.
///
/// The state read on every reference (slots, `let`s, definitions, parameters) and what rules
/// note on the way (type errors, `seen_before` questions, years out of the calendar, the version
/// in use) is marked `@exclusivity(unchecked)`: each access reads or writes one element and ends
/// before any other evaluation starts (none is held across a call that could reach the same
/// property), so the runtime's check of each access, about 60 instructions, could never fail.
final class Evaluator {
    /// What every record's evaluation shares (a class: copying the context's many parts into
    /// each record's evaluator retained and released each of them).
    let shared: SharedEvaluation
    var context: EvaluationContext { shared.context }
    let record: DecisionRecord
    /// The registry the record is checked against.
    let registry: Registry?
    /// Step indices ordered by date, ties in written order.
    let order: [Int]
    /// The same indices grouped by step type, each group in date order (see `typeGroups`).
    let orderByType: [Int]
    /// The step types of the record and where each one's steps stand in `orderByType`; a record
    /// has a handful of types, so a list searched in order costs less than hashing every type.
    let typeGroups: [TypeGroup]
    /// Whether the record's step types are numbered as the programs' selections are (read with
    /// the engine's format), so types are told apart by their numbers.
    let stepTypesNumbered: Bool
    /// Each shared definition's value for the record, once computed (memory of the evaluator's
    /// own, read in place: a list copied for each record from a shared empty one cost some 500
    /// instructions a record).
    let definitionCache: UnsafeMutableBufferPointer<Value?>
    /// The record's `facts`, looked up once.
    let facts: Value
    /// The slots of the rule under evaluation, and of the definitions being computed; each
    /// slot says which of the rule's `let`s computes it.
    @exclusivity(unchecked) var slots: SlotStack
    /// The plan of the rule under evaluation, whose `let` bindings and parameters are read in
    /// place. It is held without a count of its own (`Unmanaged`, read through
    /// `_withUnsafeGuaranteedRef`): the engine holds every plan for as long as it lives, and an
    /// evaluator lives within one of the engine's calls. (Storing the rule's bindings and
    /// parameters here counted four references for every rule on every record, each an atomic
    /// operation; an `unowned(unsafe)` reference was counted again on every read.)
    @exclusivity(unchecked) private var plan: Unmanaged<RulePlan>?
    /// The load problem a `when_load_problem` rule reports (`$problem`).
    var problem: RecordProblem?
    /// The values `seen_before` asked about, in order; each is answered "seen" for now and
    /// settled in file order by `RunState.settle`.
    @exclusivity(unchecked) var seenQueries: [SeenQuery] = []
    /// Years a working-day count touched that the calendar does not cover.
    @exclusivity(unchecked) var uncoveredYears: Set<Int> = []
    /// The highest severity of a rule whose count touched such a year: the gate holds an item
    /// back only where the count could decide its verdict.
    @exclusivity(unchecked) var uncoveredSeverity: Severity?
    /// The shared definitions whose value a count in such a year went into: a rule reading one
    /// later, from the cache, relies on that count too.
    @exclusivity(unchecked) var definitionsCountingUncovered: Set<Int> = []
    /// The shared definition being computed (`definitionValue`), if any.
    @exclusivity(unchecked) var definitionComputed: Int?
    /// The registry searches made for this record (see `spendSearching`).
    private var registrySearches = 0

    init(_ shared: SharedEvaluation, record: consuming DecisionRecord) {
        self.shared = shared
        // Room for the most slots a rule of the run needs, and for a few definitions' above them.
        slots = SlotStack(capacity: shared.slotCount + 8)
        registry = shared.context.registries.registry(for: record.file)
        order = Self.dateOrder(of: record.steps)
        stepTypesNumbered = record.stepTypeNumbering === shared.stepTypes
        (orderByType, typeGroups) = Self.groupedByType(order, of: record.steps, numbered: stepTypesNumbered)
        definitionCache = .allocate(capacity: shared.definitionSlotCounts.count)
        definitionCache.initialize(repeating: nil)
        facts = record.node["facts"].map(Value.from) ?? .missing
        // Last: the record is moved in, not copied.
        self.record = record
    }

    deinit {
        definitionCache.deinitialize()
        definitionCache.deallocate()
    }

    /// The steps of one type: where they stand in `orderByType`.
    struct TypeGroup {
        let type: String
        /// The type's number, when the record's step types are numbered (`stepTypesNumbered`)
        /// and it is a code.
        let number: Int?
        /// Whether the type is ASCII (asked only of a type without a number).
        let isASCII: Bool
        var start = 0
        var count = 1

        var range: Range<Int> { start..<(start + count) }
    }

    /// Whether two step types are the same: by their numbers when both have one (of one
    /// numbering), else as texts (`same`). A type with a number is a code and one without is
    /// none, so the two differ.
    static func sameType(_ type: String, _ number: Int?, _ isASCII: Bool, _ other: String, _ otherNumber: Int?, _ otherIsASCII: Bool) -> Bool {
        switch (number, otherNumber) {
        case let (number?, otherNumber?): number == otherNumber
        case (nil, nil): same(type, isASCII, other, otherIsASCII)
        default: false
        }
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

    /// The date order grouped by step type (types in the order they first come), and the groups;
    /// types are told apart by their numbers when `numbered`.
    private static func groupedByType(_ order: [Int], of steps: [Step], numbered: Bool) -> ([Int], [TypeGroup]) {
        var groups: [TypeGroup] = []
        groups.reserveCapacity(order.count)
        // (The lists are made by reserving room and appending: `Array(repeating:count:)` makes its
        // storage through a generic routine of the standard library that looks up the storage's
        // type at run time, some 1,000 instructions a list, where appending costs 250.)
        var groupOfPlace: [Int] = []
        groupOfPlace.reserveCapacity(order.count)
        for index in order {
            let type = steps[index].type
            let number = numbered ? steps[index].typeNumber : nil
            let isASCII = number == nil && type.isAllASCII
            if let known = groups.firstIndex(where: { sameType($0.type, $0.number, $0.isASCII, type, number, isASCII) }) {
                groups[known].count += 1
                groupOfPlace.append(known)
            } else {
                groups.append(TypeGroup(type: type, number: number, isASCII: isASCII))
                groupOfPlace.append(groups.count - 1)
            }
        }
        // Each group's place follows the ones before it; its steps are counted in again as placed.
        var start = 0
        for group in groups.indices {
            groups[group].start = start
            start += groups[group].count
            groups[group].count = 0
        }
        // Every place is written below; the date order is only the list's first contents.
        var grouped: [Int] = []
        grouped.reserveCapacity(order.count)
        grouped.append(contentsOf: order)
        for (place, index) in order.enumerated() {
            let group = groupOfPlace[place]
            grouped[groups[group].start + groups[group].count] = index
            groups[group].count += 1
        }
        return (grouped, groups)
    }

    // MARK: Rules

    /// Readies the evaluator for a rule: empty slots (reusing their storage), the rule's `let`s and
    /// parameters. `plan` must be one of the engine's (see `plan`).
    func prepare(for plan: RulePlan, slotCount count: Int) {
        slots.startRule(slotCount: count)
        for index in plan.check.lets.indices { slots.setLet(plan.check.lets[index].slot, to: index) }
        self.plan = Unmanaged.passUnretained(plan)
        version = nil
        // (Cleared only when set: writing nothing over nothing still destroyed the old error, a
        // call, for every rule.)
        if typeError != nil { typeError = nil }
    }

    /// The severity of the rule under evaluation.
    var ruleSeverity: Severity? {
        plan?._withUnsafeGuaranteedRef { $0.rule.severity }
    }

    /// A parameter of the rule under evaluation, of the version of its law in use.
    func parameter(_ name: String) -> Value? {
        plan?._withUnsafeGuaranteedRef { plan in
            guard let version else { return plan.parameters[name] }
            return plan.versionParameters[version][name]
        }
    }

    /// The value of the rule's `let` binding of this index, computed.
    func letValue(_ index: Int) -> Value {
        plan?._withUnsafeGuaranteedRef { $0.check.letPrograms.call(index, self) } ?? .missing
    }

    /// The first comparison across types in the rule under evaluation, with the place of the
    /// record value involved; the engine reports it as the rule's own finding.
    @exclusivity(unchecked) var typeError: (problem: LocalizedText, position: SourcePosition?)?

    /// The version of the rule's law the parameters are set for.
    @exclusivity(unchecked) private var version: Int?

    /// Uses the parameters of a version of the rule's law; when the version changes, the rule's
    /// `let` values are computed again.
    func use(version: Int) {
        guard version != self.version, let plan else { return }
        self.version = version
        plan._withUnsafeGuaranteedRef { plan in
            for index in plan.check.lets.indices { slots.empty(plan.check.lets[index].slot) }
        }
    }

    /// Binds a loop variable and forgets the `let`s that read it. (The bindings' fields are read
    /// in place: taking each binding out retained and released its name and expression.)
    func bind(_ slot: Int, to value: Value, resetting lets: [BindingProgram]) {
        slots[slot] = value
        for index in lets.indices where lets[index].dependsOnLoop { slots.empty(lets[index].slot) }
    }

    /// A slot's value as bound, without computing a `let` (for a loop's item).
    func slotValue(_ slot: Int) -> Value { slots[slot] ?? .missing }

    // MARK: Budget

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

    /// Whether the registry may be searched once more for this record (the first
    /// `mostRegistrySearches` times), spending a step for every `peoplePerStep` people: a record
    /// naming thousands of unknown people asked for a likely person of each, and its rule ran for
    /// minutes within one step each. Past that, a search finds no one (a hint is left out). (A
    /// large registry is indexed for these searches, `Registry.prepareForSearches`: one looks at
    /// a few people, and costs a step.)
    func spendSearching(_ registry: Registry) -> Bool {
        guard registrySearches < Self.mostRegistrySearches else { return false }
        registrySearches += 1
        return spend(registry.isIndexedForSearches ? 1 : registry.count / Self.peoplePerStep)
    }

    /// The registry searches one record's evaluation may make.
    static let mostRegistrySearches = 64

    /// Spends a step for each item of a list an operation makes or goes through (`concat`,
    /// `distinct`, `in`, `earliest` and the like): lists doubled by a few `let`s took gigabytes,
    /// and an `in` over a long list in a filter took minutes, within a few dozen steps.
    func spend(_ items: Int) -> Bool {
        stepsLeft -= items
        return stepsLeft > 0
    }

    /// Spends a step for every `bytesPerStep` bytes of two texts compared: a rule comparing two
    /// texts of a megabyte for each of 100,000 steps ran for minutes within 200,000 steps.
    @inline(__always) func spendComparing(_ left: String, _ right: String) {
        let bytes = left.utf8.count &+ right.utf8.count
        if bytes > Self.bytesPerStep { stepsLeft -= bytes / Self.bytesPerStep }
    }

    /// Bytes of texts compared for a step of the budget.
    static let bytesPerStep = 64

    /// People compared for a step of the budget.
    static let peoplePerStep = 16
}

/// What the evaluation of every record of a run shares: the context, the shared definitions made
/// ready, and the most slots a rule needs.
final class SharedEvaluation: Sendable {
    let context: EvaluationContext
    /// The shared definitions' programs, in their order (see `ProgramList`), and the slots each needs.
    let definitionPrograms: ProgramList
    let definitionSlotCounts: [Int]
    /// The numbering of step types the programs' selections were made with.
    let stepTypes: Vocabulary.Numbering
    /// The sections a registry's roles are named in (taken out of the vocabulary once: made for
    /// every role read, each cost an allocation).
    let roles, registryRoles: Vocabulary.Section
    /// The most slots a rule needs.
    let slotCount: Int

    /// What a run's records share, their definitions made by `programs`.
    init(context: EvaluationContext, definitions: [Definition], programs: Programs, slotCount: Int) {
        self.context = context
        definitionPrograms = ProgramList(definitions.map { programs.make($0.expression) })
        definitionSlotCounts = definitions.map(\.slotCount)
        stepTypes = programs.stepTypes.numbering
        roles = programs.codes.roles
        registryRoles = programs.codes.registryRoles
        self.slotCount = slotCount
    }
}
