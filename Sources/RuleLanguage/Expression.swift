public import YAMLTree

/// A constant written in a rule.
public enum Literal: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case text(String)
}

extension Literal {
    /// A scalar read by the YAML core schema (a collection reads as null).
    public init(_ node: YAMLNode) {
        switch node.coreValue ?? .null {
        case .null: self = .null
        case .bool(let value): self = .bool(value)
        case .int(let value): self = .number(Double(value))
        case .float(let value): self = .number(value)
        case .string(let value): self = .text(value)
        }
    }
}

extension Literal {
    /// The constant as a rule file writes it (`null`, `true`, `7`, `2.5`, `failed`), for messages.
    public var written: String {
        switch self {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .number(let value): value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        case .text(let value): value
        }
    }

    /// A constant's kind, for messages: `a number`, `a text`, `true or false`.
    public var kindName: String {
        switch self {
        case .null: "a value"
        case .bool: "true or false"
        case .number: "a number"
        case .text: "a text"
        }
    }

    /// `kindName` in Chinese: `数字`, `文本`, `布尔值（true 或 false）`.
    public var chineseKindName: String {
        switch self {
        case .null: "单个值"
        case .bool: "布尔值（true 或 false）"
        case .number: "数字"
        case .text: "文本"
        }
    }

    /// Whether two constants are of one kind (a null is of every kind).
    public func isSameKind(as other: Literal) -> Bool {
        switch (self, other) {
        case (.null, _), (_, .null), (.bool, .bool), (.number, .number), (.text, .text): true
        default: false
        }
    }
}

/// How two values compare in `eq`, `ne`, `lt`, `le`, `gt` and `ge`.
public enum Comparison: String, Sendable, CaseIterable {
    case eq, ne, lt, le, gt, ge

    /// Whether an order (the sign of left - right) satisfies the comparison. (Inlinable: the
    /// evaluator asks it of every comparison, and lint of constants.)
    @inlinable
    public func holds(_ order: Int) -> Bool {
        let sign = order.signum()
        switch self {
        case .eq: return sign == 0
        case .ne: return sign != 0
        case .lt: return sign < 0
        case .le: return sign <= 0
        case .gt: return sign > 0
        case .ge: return sign >= 0
        }
    }
}

/// An arithmetic operator.
public enum Arithmetic: String, Sendable {
    case add, sub, min, max, sum
}

/// A part of a date.
public enum DatePart: String, Sendable {
    case year, month
}

/// Which steps a step selection keeps by status.
public enum StatusFilter: String, Sendable {
    /// Only done steps (the default: a planned review is no review).
    case done
    /// Only planned steps.
    case planned
    /// Done and planned steps.
    case any
}

/// A field test in a step selection: the value at `path` is one of `values`
/// (a null among them matches an absent field).
public struct FieldMatch: Sendable {
    /// The field path inside the step, such as `["meeting", "type"]`.
    public var path: [String]
    /// The accepted values.
    public var values: [Expression]
}

/// A date bound in a step selection.
public struct DateBound: Sendable {
    /// How the step's date must relate to the bound.
    public var comparison: Comparison
    /// The bound: a date or a step (whose date is used).
    public var value: Expression
}

/// `steps: {...}`: the record's steps of some types, statuses and field values, ordered by date
/// (a period by its end; ties keep the written order).
public struct StepSelection: Sendable {
    /// Accepted types; nil accepts every type.
    public var types: [String]?
    /// Accepted status.
    public var status: StatusFilter
    /// Field tests.
    public var fields: [FieldMatch]
    /// Date bounds.
    public var bounds: [DateBound]
    /// A further condition, with `$it` bound to each candidate step.
    public var filter: Filter?
    /// Where the selection is written.
    public var position: SourcePosition = .start
}

/// A condition evaluated on each item of a list, with the item in a slot (`$it`).
public struct Filter: Sendable {
    /// The slot that holds the current item.
    public var slot: Int
    /// The condition.
    public var condition: Expression
    /// Where the condition is written.
    public var position: SourcePosition = .start
}

/// Where a reference starts.
public enum ReferenceRoot: Sendable, Hashable {
    /// The record's root mapping (`$record`).
    case record
    /// The record's `facts` (`$facts`).
    case facts
    /// Every step, done and planned, ordered by date (`$steps`).
    case steps
    /// The as-of date (`$as_of`).
    case asOf
    /// The meeting day in the meeting gate, absent in `check` (`$meeting`).
    case meeting
    /// Whether a registry of people was found (`$registry_loaded`).
    case registryLoaded
    /// A rule parameter (`$param.NAME`).
    case parameter(String)
    /// The load problem a `when_load_problem` rule reports (`$problem`).
    case problem
    /// A shared definition, by index in the rule set.
    case definition(Int)
    /// A slot of the rule: a `let`, a `for_each` variable or `$it`.
    case slot(Int)
}

/// `$root.path.to.field`: a value from the record, the run, or a binding.
public struct Reference: Sendable {
    /// Where it starts.
    public var root: ReferenceRoot
    /// The field path after the root.
    public var path: [String]
    /// The reference as written, for messages.
    public var text: String
}

/// An expression of the rule language, checked and with names resolved to slots.
public indirect enum Expression: Sendable {
    case literal(Literal)
    case list([Expression])
    case reference(Reference)
    case steps(StepSelection)
    /// `items: {in: LIST, where: COND}`.
    case items(Expression, Filter?)
    /// The earliest (`first`) or latest (`last`) element; steps by date.
    case first(Expression)
    case last(Expression)
    case earliest([Expression])
    case latest([Expression])
    case coalesce([Expression])
    /// `if: [CONDITION, THEN, ELSE]`.
    case choose(Expression, Expression, Expression)
    case concat([Expression])
    case distinct(Expression)
    case count(Expression)
    case addDays(Expression, Expression)
    case addWorkingDays(Expression, Expression)
    /// A period of calendar days (期间): the day N days later, rolled forward to the next working
    /// day when it is a rest day or a public holiday.
    case addCalendarDays(Expression, Expression)
    /// `add_period: [DATE, N, UNIT]`: N `working_days`, `calendar_days` (rolled forward) or `days`
    /// (exact, for lead times), the unit chosen by a value (usually a parameter a version sets).
    case addPeriod(Expression, Expression, Expression)
    case days(Expression, Expression)
    case workingDays(Expression, Expression)
    case periodDays(Expression)
    case personName(Expression)
    /// The name of a code (an outcome, a meeting type, a step type) from the vocabulary.
    case label(Expression)
    case all([Expression])
    case any([Expression])
    case not(Expression)
    case exists(Expression)
    case missing(Expression)
    case compare(Comparison, Expression, Expression)
    case isIn(Expression, Expression)
    case isTrue(Expression)
    case registered(Expression)
    case certificateValid(person: Expression, type: Expression, on: Expression)
    /// The first day from `from` to `to` on which the person holds no valid certificate of the
    /// type (a gap between two certificates, a revocation); missing when there is none.
    case certificateGap(person: Expression, type: Expression, from: Expression, to: Expression)
    case hasQualification(person: Expression, type: Expression)
    /// True when the value was already seen, by this expression, in an earlier record of the run.
    case seenBefore(id: Int, Expression)
    /// What a value is: `text`, `number`, `boolean`, `date`, `list`, `mapping` or `missing`.
    case typeOf(Expression)
    /// True when the value is a text that stands for no one where a person's id belongs: blank, or
    /// a word of the vocabulary's `no_one_words` (`无`, `待定`, `N/A`).
    case standsForNoOne(Expression)
    /// Arithmetic over numbers: `add`, `sub`, `min`, `max` and `sum` (lists are taken item by item).
    case arithmetic(Arithmetic, [Expression])
    /// The year or the month (1-12) of a date.
    case datePart(DatePart, Expression)
    /// Whether the registry gives a person a role: `has_role: {person: P, role: R}`.
    case hasRole(person: Expression, role: Expression)
    /// A text in both languages with values in place: `text: {zh: "...{x}...", en: "..."}`.
    case phrase(MessageTemplate)
    /// The id of the registry person with this name, for "did you mean": `person_named: $name`.
    case personNamed(Expression)
    /// The ids of every registry person with this name, in id order: `people_named: $name`.
    case peopleNamed(Expression)
    /// The ids of every registry person the registry gives this role (its code, or a name of it),
    /// in id order: `people_with_role: legal_adviser`.
    case peopleWithRole(Expression)
    /// The id of the one registry person whose id or name is a character away: `person_like: $text`.
    case personLike(Expression)
    /// The roles the registry gives a person, as codes of the vocabulary's roles where a role is
    /// written as one of their names (empty for a person it does not know): `person_roles: P`.
    case personRoles(Expression)
}

extension Expression {
    /// The expressions directly inside this one.
    public var children: [Expression] {
        switch self {
        case .steps(let selection):
            return selection.bounds.map(\.value) + selection.fields.flatMap(\.values) + [selection.filter?.condition].compactMap { $0 }
        case .items(let source, let filter):
            return [source] + [filter?.condition].compactMap { $0 }
        case .list(let items), .earliest(let items), .latest(let items), .coalesce(let items), .concat(let items), .all(let items), .any(let items),
             .arithmetic(_, let items):
            return items
        case .datePart(_, let inner):
            return [inner]
        case .first(let inner), .last(let inner), .distinct(let inner), .count(let inner), .periodDays(let inner), .personName(let inner),
             .label(let inner), .not(let inner), .exists(let inner), .missing(let inner), .isTrue(let inner), .registered(let inner),
             .seenBefore(_, let inner), .typeOf(let inner), .standsForNoOne(let inner), .personNamed(let inner), .peopleNamed(let inner), .personLike(let inner),
             .personRoles(let inner), .peopleWithRole(let inner):
            return [inner]
        case .phrase(let template):
            return (template.zh + template.en).compactMap { part in
                if case .value(let expression) = part { return expression }
                return nil
            }
        case .choose(let a, let b, let c), .certificateValid(let a, let b, let c), .addPeriod(let a, let b, let c):
            return [a, b, c]
        case .certificateGap(let a, let b, let c, let d):
            return [a, b, c, d]
        case .addDays(let a, let b), .addWorkingDays(let a, let b), .addCalendarDays(let a, let b), .days(let a, let b), .workingDays(let a, let b),
             .compare(_, let a, let b), .isIn(let a, let b), .hasQualification(let a, let b), .hasRole(let a, let b):
            return [a, b]
        case .literal, .reference:
            return []
        }
    }

    /// This expression and every expression inside it, depth first.
    public var descendants: [Expression] {
        var result: [Expression] = []
        var pending = [self]
        while let next = pending.popLast() {
            result.append(next)
            pending += next.children.reversed()
        }
        return result
    }

    /// The step types this expression selects, anywhere inside it, with where each selection is
    /// written (for `rules lint`).
    public var selectedStepTypes: [(type: String, position: SourcePosition)] {
        descendants.flatMap { expression -> [(type: String, position: SourcePosition)] in
            if case .steps(let selection) = expression { return (selection.types ?? []).map { ($0, selection.position) } }
            return []
        }
    }

    /// Where the first step selection inside this expression is written, if any.
    public var firstSelectionPosition: SourcePosition? {
        for expression in descendants { if case .steps(let selection) = expression { return selection.position } }
        return nil
    }
}

extension Expression {
    /// How evaluation time grows with the number of steps in a record, as a power: 0 constant,
    /// 1 linear (one pass over the steps), 2 quadratic (a pass inside a pass), and so on. `$steps`,
    /// a step selection and `items` over a list are one pass; their `where` runs once per item.
    public var stepsDegree: Int {
        switch self {
        case .reference(let reference):
            if case .steps = reference.root { return 1 }
            // `$record.steps` (and a field read through every step) is the steps as written: a pass too.
            if case .record = reference.root, reference.path.first == "steps" { return 1 }
            return 0
        case .steps(let selection):
            let perCandidate = (selection.filter.map { $0.condition.stepsDegree } ?? 0)
            let once = (selection.bounds.map(\.value) + selection.fields.flatMap(\.values)).map(\.stepsDegree).max() ?? 0
            return max(once, 1 + perCandidate)
        case .items(let source, let filter):
            let perItem = filter?.condition.stepsDegree ?? 0
            return max(source.stepsDegree, source.stepsDegree == 0 && perItem == 0 ? 0 : max(1, source.stepsDegree) + perItem)
        default:
            return children.map(\.stepsDegree).max() ?? 0
        }
    }
}

extension Check {
    /// How evaluation time grows with the number of steps (see `Expression.stepsDegree`): each
    /// `for_each` over a list of steps multiplies the work of what it encloses.
    public var stepsDegree: Int {
        let loopDegree = loops.reduce(0) { $0 + max($1.expression.stepsDegree, 0) }
        // A `let` that reads no loop variable is computed once per record, outside the loops.
        let once = lets.filter { !$0.dependsOnLoop }.map(\.expression.stepsDegree).max() ?? 0
        let perItem = ([violation, location, about].compactMap { $0 } + lets.filter(\.dependsOnLoop).map(\.expression) + evidence.map(\.value))
            .map(\.stepsDegree).max() ?? 0
        return max(once, loopDegree + perItem)
    }

    /// Where the work that makes the check quadratic is written: a step selection run for each
    /// item of a loop, or one run inside another's `where`.
    public var quadraticPosition: SourcePosition? {
        let perItem = [violation, location, about].compactMap { $0 } + lets.filter(\.dependsOnLoop).map(\.expression) + evidence.map(\.value)
        if loops.contains(where: { $0.expression.stepsDegree > 0 }) {
            for expression in perItem where expression.stepsDegree > 0 { if let position = expression.firstSelectionPosition { return position } }
        }
        for expression in perItem + loops.map(\.expression) + lets.map(\.expression) {
            for inner in expression.descendants {
                if case .steps(let selection) = inner, let filter = selection.filter, filter.condition.stepsDegree > 0 {
                    return filter.condition.firstSelectionPosition ?? selection.position
                }
                if case .items(_, let filter) = inner, let filter, filter.condition.stepsDegree > 0 {
                    return filter.condition.firstSelectionPosition ?? filter.position
                }
            }
        }
        return nil
    }
}
