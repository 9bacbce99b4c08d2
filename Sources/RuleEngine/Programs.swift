import DecisionRecords
import RuleLanguage

/// Makes programs of expressions, for records read with a vocabulary's step types.
struct Programs {
    /// The code sections of the vocabulary records are read with.
    let codes: RecordFormat.CodeSections
    /// The step types: a selection's types are numbered in them once, as records' step types are when read.
    var stepTypes: Vocabulary.Section { codes.stepTypes }

    /// The program of an expression: what `expression` means, evaluated on an evaluator's record.
    func make(_ expression: Expression) -> Program {
        if let program = summaryOfSelection(expression) { return program }
        switch expression {
        case .literal(let literal):
            let value = Value.from(literal)
            return Program { $0.spend() ? value : .missing }
        case .list(let items):
            // A list of constants (`[legal_adviser, public_lawyer]` in an `in`) is made once, not
            // item by item at every evaluation; it spends as the items would.
            let constants = items.compactMap { item -> Value? in
                if case .literal(let literal) = item { return Value.from(literal) }
                return nil
            }
            if constants.count == items.count {
                let (value, cost) = (Value.list(constants), constants.count + 1)
                return Program { $0.spend(cost) ? value : .missing }
            }
            let items = ProgramList(items.map(make))
            return Program { $0.spend() ? .list($0.evaluateAll(items)) : .missing }
        case .reference(let reference):
            // A name alone (`$decision`, `$it`, a shared definition), the most read of all, is
            // read without a path to follow.
            if reference.path.isEmpty {
                switch reference.root {
                case .slot(let slot): return Program { $0.spend() ? $0.boundValue(slot) : .missing }
                case .definition(let index): return Program { $0.spend() ? $0.definitionValue(index) : .missing }
                default: break
                }
            }
            let (root, path) = (reference.root, reference.path.map(PathField.init))
            return Program { $0.spend() ? $0.reference(root, path) : .missing }
        case .steps(let selection):
            let selection = SelectionProgram(selection, using: self)
            return Program { evaluator in
                guard evaluator.spend() else { return .missing }
                var selected = SelectedSteps(keepingSteps: true)
                evaluator.select(selection, into: &selected)
                return .list(selected.steps)
            }
        case .items(let source, let filter):
            let source = make(source)
            guard let filter = filter.map({ FilterProgram($0, using: self) }) else {
                return Program { $0.spend() ? .list(source($0).takeItems()) : .missing }
            }
            return Program { evaluator in
                guard evaluator.spend() else { return .missing }
                var kept: [Value] = []
                for item in source(evaluator).takeItems() where evaluator.keep(item, filter) { kept.append(item) }
                return .list(kept)
            }
        case .first(let inner):
            let inner = make(inner)
            return Program { $0.spend() ? $0.pick(inner($0), latest: false) : .missing }
        case .last(let inner):
            let inner = make(inner)
            return Program { $0.spend() ? $0.pick(inner($0), latest: true) : .missing }
        case .earliest(let items):
            let items = ProgramList(items.map(make))
            return Program { $0.spend() ? $0.pick(.list($0.evaluateAll(items)), latest: false) : .missing }
        case .latest(let items):
            let items = ProgramList(items.map(make))
            return Program { $0.spend() ? $0.pick(.list($0.evaluateAll(items)), latest: true) : .missing }
        case .coalesce(let items):
            let items = ProgramList(items.map(make))
            return Program { evaluator in
                guard evaluator.spend() else { return .missing }
                for index in 0..<items.count {
                    let value = items.call(index, evaluator)
                    if !value.isMissing { return value }
                }
                return .missing
            }
        case .choose(let condition, let then, let otherwise):
            let (condition, then, otherwise) = (make(condition), make(then), make(otherwise))
            return Program { evaluator in
                guard evaluator.spend() else { return .missing }
                return evaluator.conditionHolds(condition(evaluator)) ? then(evaluator) : otherwise(evaluator)
            }
        case .concat(let items):
            let items = ProgramList(items.map(make))
            return Program { evaluator in
                guard evaluator.spend() else { return .missing }
                // Lists are joined; a single value joins as one item (a missing one as none). The
                // first list is taken as it is, and grown in place (a one-item list was made for
                // each single value, and every list copied).
                var joined: [Value] = []
                for index in 0..<items.count {
                    let before = joined.count
                    switch items.call(index, evaluator) {
                    case .missing: continue
                    case .list(let elements): if joined.isEmpty { joined = elements } else { joined += elements }
                    case let value:
                        if let elements = value.elements { joined += elements } else { joined.append(value) }
                    }
                    // A step for each item joined: lists doubled by a few `let`s took gigabytes.
                    guard evaluator.spend(joined.count - before) else { return .missing }
                }
                return .list(joined)
            }
        case .distinct(let inner):
            let inner = make(inner)
            return Program { evaluator in
                guard evaluator.spend() else { return .missing }
                let items = inner(evaluator).takeItems()
                // (Texts are hashed whole: a step for every `bytesPerStep` bytes too.)
                var bytes = 0
                for case .text(let text, _) in items { bytes &+= text.utf8.count }
                return evaluator.spend(items.count + bytes / Evaluator.bytesPerStep) ? .list(evaluator.distinct(items)) : .missing
            }
        case .count(let inner):
            let inner = make(inner)
            return Program { $0.spend() ? .number(Double(inner($0).takeElements()?.count ?? 1)) : .missing }
        case .addDays(let date, let count):
            let (date, count) = (make(date), make(count))
            return Program { evaluator in
                guard evaluator.spend(), let day = evaluator.dateArgument(date(evaluator)), let number = evaluator.dayCount(count(evaluator)) else { return .missing }
                return .date(day.adding(days: number), nil)
            }
        case .addWorkingDays(let date, let count):
            let (date, count) = (make(date), make(count))
            return Program { evaluator in
                guard evaluator.spend(), let day = evaluator.dateArgument(date(evaluator)), let number = evaluator.dayCount(count(evaluator)),
                      let later = evaluator.workingDaysLater(day, number) else { return .missing }
                return .date(later, nil)
            }
        case .addCalendarDays(let date, let count):
            let (date, count) = (make(date), make(count))
            return Program { evaluator in
                guard evaluator.spend(), let day = evaluator.dateArgument(date(evaluator)), let number = evaluator.dayCount(count(evaluator)) else { return .missing }
                return .date(evaluator.calendarPeriodEnd(day, number), nil)
            }
        case .addPeriod(let date, let count, let unit):
            let (date, count, unit) = (make(date), make(count), make(unit))
            return Program { evaluator in
                guard evaluator.spend(), let day = evaluator.dateArgument(date(evaluator)), let number = evaluator.dayCount(count(evaluator)) else { return .missing }
                return evaluator.addPeriod(day, number, unit: unit(evaluator))
            }
        case .days(let from, let to):
            let (from, to) = (make(from), make(to))
            return Program { evaluator in
                guard evaluator.spend(), let start = evaluator.dateArgument(from(evaluator)), let end = evaluator.dateArgument(to(evaluator)) else { return .missing }
                return .number(Double(start.days(to: end)))
            }
        case .workingDays(let from, let to):
            let (from, to) = (make(from), make(to))
            return Program { evaluator in
                guard evaluator.spend(), let start = evaluator.dateArgument(from(evaluator)), let end = evaluator.dateArgument(to(evaluator)) else { return .missing }
                return .number(Double(evaluator.workingDays(from: start, to: end)))
            }
        case .periodDays(let inner):
            let inner = make(inner)
            return Program { $0.spend() ? $0.periodDays(inner($0)) : .missing }
        case .personName(let inner):
            let inner = make(inner)
            return Program { $0.spend() ? $0.personName(inner($0)) : .missing }
        case .personRoles(let inner):
            let inner = make(inner)
            return Program { $0.spend() ? $0.personRoles(inner($0)) : .missing }
        case .label(let inner):
            let inner = make(inner)
            return Program { $0.spend() ? $0.label(inner($0)) : .missing }
        case .all(let items):
            let items = ProgramList(items.map(make))
            return Program { evaluator in
                guard evaluator.spend() else { return .missing }
                for index in 0..<items.count where !evaluator.conditionHolds(items.call(index, evaluator)) { return .bool(false) }
                return .bool(true)
            }
        case .any(let items):
            let items = ProgramList(items.map(make))
            return Program { evaluator in
                guard evaluator.spend() else { return .missing }
                for index in 0..<items.count where evaluator.conditionHolds(items.call(index, evaluator)) { return .bool(true) }
                return .bool(false)
            }
        case .not(let inner):
            let inner = make(inner)
            return Program { $0.spend() ? .bool(!$0.conditionHolds(inner($0))) : .missing }
        case .exists(let inner):
            let inner = make(inner)
            return Program { $0.spend() ? .bool($0.exists(inner($0))) : .missing }
        case .missing(let inner):
            let inner = make(inner)
            return Program { $0.spend() ? .bool(!$0.exists(inner($0))) : .missing }
        case .compare(let comparison, let lhs, let rhs):
            let (lhs, rhs) = (make(lhs), make(rhs))
            return Program { evaluator in
                guard evaluator.spend() else { return .missing }
                return .bool(evaluator.compare(lhs(evaluator), rhs(evaluator), comparison))
            }
        case .isIn(let item, let list):
            let (item, list) = (make(item), make(list))
            return Program { evaluator in
                guard evaluator.spend() else { return .missing }
                let value = item(evaluator)
                guard !value.isMissing else { return .bool(false) }
                let candidates = list(evaluator).takeItems()
                guard evaluator.spend(candidates.count) else { return .missing }
                for candidate in candidates {
                    // Long texts compared spend the budget within one candidate: stop once it is spent.
                    if evaluator.exhausted { return .missing }
                    if evaluator.compare(value, candidate, .eq) { return .bool(true) }
                }
                return .bool(false)
            }
        case .isTrue(let inner):
            let inner = make(inner)
            return Program { $0.spend() ? .bool($0.conditionHolds(inner($0))) : .missing }
        case .registered(let inner):
            let inner = make(inner)
            return Program { $0.spend() ? .bool($0.registry?.contains($0.text(inner($0), .en)) ?? false) : .missing }
        case .certificateValid(let person, let type, let on):
            let (person, type, on) = (make(person), make(type), make(on))
            let types = codes.certificateTypes
            return Program { evaluator in
                guard evaluator.spend() else { return .missing }
                guard let certificates = evaluator.registry?.lookUp(evaluator.text(person(evaluator), .en), { $0.certificates }),
                      let day = evaluator.day(on(evaluator)) else { return .bool(false) }
                // A type asked by a name of it (a configured `certificate_type: 执法证`) is its code,
                // as the registry's types are read.
                let written = evaluator.text(type(evaluator), .en)
                let wanted = types.code(for: written) ?? written
                return .bool(certificates.contains { $0.type == wanted && $0.isValid(on: day) })
            }
        case .certificateGap(let person, let type, let from, let to):
            let (person, type, from, to) = (make(person), make(type), make(from), make(to))
            let types = codes.certificateTypes
            return Program { evaluator in
                guard evaluator.spend() else { return .missing }
                guard let last = evaluator.day(to(evaluator)) else { return .missing }
                let first = evaluator.day(from(evaluator)).map { min($0, last) } ?? last
                guard let certificates = evaluator.registry?.lookUp(evaluator.text(person(evaluator), .en), { $0.certificates }) else { return .date(first, nil) }
                let written = evaluator.text(type(evaluator), .en)
                let wanted = types.code(for: written) ?? written
                return Certificate.firstDayWithout(certificates.filter { $0.type == wanted }, from: first, through: last).map { .date($0, nil) } ?? .missing
            }
        case .hasQualification(let person, let type):
            let types = codes.qualificationTypes
            return Self.listed(make(type), for: make(person), naming: types) { $0.qualifications }
        case .phrase(let template):
            let template = TemplateProgram(template, using: self)
            return Program { evaluator in
                guard evaluator.spend() else { return .missing }
                let texts = evaluator.valueTexts(template)
                // A step for each byte of the values written into the text: a text doubled by a
                // few `let`s (`{a}{a}`) took gigabytes within the rule's budget.
                guard evaluator.spend(texts.reduce(0) { $0 + $1.utf8.count }) else { return .missing }
                return .localized(template.rendered(with: texts, cut: false))
            }
        case .personNamed(let inner):
            let inner = make(inner)
            return Program { evaluator in
                guard evaluator.spend() else { return .missing }
                let name = evaluator.text(inner(evaluator), .en)
                guard let person = evaluator.registry?.person(named: name) else { return .missing }
                return .text(person.id, nil)
            }
        case .peopleNamed(let inner):
            let inner = make(inner)
            return Program { evaluator in
                guard evaluator.spend() else { return .missing }
                let ids = evaluator.registry?.ids(named: evaluator.text(inner(evaluator), .en)) ?? []
                return .list(ids.map { .text($0, nil) })
            }
        case .peopleWithRole(let inner):
            let inner = make(inner)
            return Program { evaluator in
                guard evaluator.spend() else { return .missing }
                return evaluator.peopleWithRole(evaluator.text(inner(evaluator), .en))
            }
        case .personLike(let inner):
            let inner = make(inner)
            return Program { evaluator in
                guard evaluator.spend(), let registry = evaluator.registry, evaluator.spendSearching(registry),
                      let person = registry.person(resembling: evaluator.text(inner(evaluator), .en)) else { return .missing }
                return .text(person.id, nil)
            }
        case .arithmetic(let operation, let operands):
            let operands = operands.map(make)
            return Program { $0.spend() ? $0.arithmetic(operation, operands) : .missing }
        case .datePart(let part, let inner):
            let inner = make(inner)
            return Program { $0.spend() ? $0.datePart(part, of: inner($0)) : .missing }
        case .hasRole(let person, let role):
            let (person, role) = (make(person), make(role))
            return Program { $0.spend() ? .bool($0.hasRole($0.text(person($0), .en), $0.text(role($0), .en))) : .missing }
        case .typeOf(let inner):
            let inner = make(inner)
            return Program { $0.spend() ? .text($0.typeName(inner($0)), nil) : .missing }
        case .standsForNoOne(let inner):
            let inner = make(inner)
            let noOne = codes.noOne
            return Program { evaluator in
                guard evaluator.spend() else { return .missing }
                guard case .text(let text, _) = inner(evaluator) else { return .bool(false) }
                return .bool(noOne.holds(text))
            }
        case .seenBefore(let id, let inner):
            let inner = make(inner)
            return Program { $0.spend() ? $0.seenBefore(id, inner($0)) : .missing }
        }
    }
}

extension Programs {
    /// Whether the registry lists a value for a person in one of the person's lists (qualifications,
    /// roles); false for a person it does not know, or when there is no registry.
    /// (A value written as a name of `naming`'s, `法律职业资格`, is its code, as the registry's are read.)
    private static func listed(
        _ value: Program, for person: Program, naming: Vocabulary.Section, in list: @escaping @Sendable (borrowing Person) -> [String]
    ) -> Program {
        Program { evaluator in
            guard evaluator.spend() else { return .missing }
            guard let entries = evaluator.registry?.lookUp(evaluator.text(person(evaluator), .en), list) else { return .bool(false) }
            let written = evaluator.text(value(evaluator), .en)
            return .bool(entries.contains(naming.code(for: written) ?? written))
        }
    }

    /// `first`, `last`, `count`, `exists` or `missing` of a step selection: the selection runs as
    /// it would (every candidate tried, every step of the budget spent), but keeps only what the
    /// outer expression reads, not a list of the steps. The answers are the outer expression's
    /// over the list, also when the budget runs out between the two.
    func summaryOfSelection(_ expression: Expression) -> Program? {
        let outer: @Sendable (_ selected: SelectedSteps?) -> Value
        let inner: Expression
        switch expression {
        // The earliest of steps in date order is the first (ties: the first listed), the latest the last.
        case .first(let selection): (inner, outer) = (selection, { $0?.first.map(Value.step) ?? .missing })
        case .last(let selection): (inner, outer) = (selection, { $0?.last.map(Value.step) ?? .missing })
        case .count(let selection): (inner, outer) = (selection, { .number(Double($0?.count ?? 0)) })
        case .exists(let selection): (inner, outer) = (selection, { .bool(($0?.count ?? 0) > 0) })
        case .missing(let selection): (inner, outer) = (selection, { .bool(($0?.count ?? 0) == 0) })
        default: return nil
        }
        guard case .steps(let written) = inner else { return nil }
        let selection = SelectionProgram(written, using: self)
        return Program { evaluator in
            guard evaluator.spend() else { return .missing }
            // The selection's own step; when none is left, it is missing (an empty list to the outer).
            guard evaluator.spend() else { return outer(nil) }
            var selected = SelectedSteps(keepingSteps: false)
            evaluator.select(selection, into: &selected)
            return outer(selected)
        }
    }
}
