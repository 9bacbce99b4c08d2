import DecisionRecords
import YAMLTree

/// Compiles the YAML of one rule's expressions: checks operators and arguments, resolves
/// names to slots, definitions and parameters, and collects diagnostics instead of stopping.
struct ExpressionCompiler {
    /// Step fields the record format defines; a field close to one of these is a typo.
    static let stepFields: Set<String> = [
        "type", "date", "start", "end", "status", "outcome", "form", "submitted", "by", "officers",
        "credentials_shown", "signoffs", "meeting", "attendees", "documents", "channel",
    ]
    /// The units of `add_period`.
    static let periodUnits = ["working_days", "calendar_days", "days"]
    static let builtinRoots = ["record", "facts", "steps", "as_of", "meeting", "registry_loaded", "param"]

    static let operators: [String] = [
        "all", "any", "not", "exists", "missing", "eq", "ne", "lt", "le", "gt", "ge", "in", "is_true",
        "steps", "items", "first", "last", "earliest", "latest", "coalesce", "if", "concat", "distinct", "count",
        "add_days", "add_working_days", "add_calendar_days", "add_period", "days", "working_days", "period_days", "person_name", "label",
        "registered", "certificate_valid", "certificate_gap", "has_qualification", "seen_before", "type_of", "stands_for_no_one", "text", "person_named", "people_named", "person_like", "add", "sub", "min", "max", "sum", "year", "month", "has_role", "person_roles", "people_with_role",
    ]

    let file: String
    let definitions: [String: Int]
    /// What each shared definition's value is, by name (see `StaticType`).
    var definitionTypes: [String: StaticType] = [:]
    /// The step types a definition's steps are of, when its selection says (by definition index).
    var definitionStepTypes: [Int: [String]] = [:]
    /// The step types a slot's steps are of, when its selection says: a `let`, a `for_each`
    /// variable, `$it` of a selection's `where`.
    var slotStepTypes: [Int: [String]] = [:]
    var parameters: Set<String> = []
    var allowsProblem = false
    var diagnostics: [InputError] = []
    /// Visible names, innermost last.
    private(set) var scopes: [[String: (slot: Int, type: StaticType)]] = [[:]]
    private(set) var itSlots: [(slot: Int, type: StaticType)] = []
    private(set) var slotCount = 0
    /// Loop slots, to know which lets depend on a loop.
    var loopSlots: Set<Int> = []
    /// The names of the rule's lets not yet declared, so that one read before its place is named as such.
    var letsBelow: Set<String> = []
    /// The names of the shared definitions written below the one being compiled, likewise.
    var definitionsBelow: Set<String> = []
    /// For each let slot, the loop slots it reads (directly or through other lets).
    var letLoopDependencies: [Int: Set<Int>] = [:]
    /// For each let slot, and each shared definition by its number, how deep evaluating it may
    /// go: its nesting, and that of the lets and definitions it reads, one inside another (see
    /// `ExpressionCompiler.maxEvaluationDepth`).
    var letDepths: [Int: Int] = [:]
    var definitionDepths: [Int: Int] = [:]
    /// The deepest let or definition read since the last `resetReadLoopSlots()`.
    private(set) var deepestRead = 0
    /// The loop slots read since the last `resetReadLoopSlots()`.
    private(set) var readLoopSlots: Set<Int> = []
    private(set) var readsRegistry = false
    var seenCounter: Int
    /// Texts compared with a code field, and parameters compared with one (by name, with the
    /// section whose codes they hold and where the comparison is written).
    /// (Set by the comparisons' notes, `ExpressionCompiler+Codes.swift`.)
    var codeComparisons: [CodeComparison] = []
    /// The record's fields the compiled expressions read, each at the level it stands at where
    /// that is known (see `noteFieldReads`).
    var fieldReads: Set<RecordFormat.FieldRead> = []
    /// The roles written in `has_role` (checked against the vocabulary's where the rule is loaded).
    var registryRoles: [(text: String, position: SourcePosition)] = []
    /// The certificate and qualification types written in `certificate_valid`, `certificate_gap`
    /// and `has_qualification`, with their vocabulary section (checked where the rule is loaded).
    var registryTypes: [(section: String, text: String, position: SourcePosition)] = []
    var codeParameters: [String: String] = [:]
    /// The parameters read (`$param.NAME`) by what was compiled.
    var parametersRead: Set<String> = []
    /// Keys of the format read at a level the format does not put them (see `noteFieldReads`),
    /// checked where the vocabulary is known (which may declare them there).
    var misplacedReads: [MisplacedRead] = []
    /// The rule's lets by slot, with where each is written: a code compared with a let's value is
    /// checked in that value (`failing: [failed, retruned]`, `in: [$review.outcome, $failing]`
    /// never matched `returned`, unsaid).
    var letExpressions: [Int: (expression: Expression, node: YAMLNode)] = [:]
    /// The values of step selections' fields chosen by `if` or `coalesce`, with their nodes.
    var selectionChoices: [SelectionChoice] = []

    init(file: String, definitions: [String: Int], seenCounter: Int) {
        self.file = file
        self.definitions = definitions
        self.seenCounter = seenCounter
    }

    /// Parameters used where a number of days is needed (`add_days`, `add_working_days`, ...).
    private(set) var dayCountParameters: Set<String> = []
    /// Parameters given where a date is needed (`days: [$publication, $param.working_days]`):
    /// their values must be dates (`RuleCompiler.dayCountProblem`).
    private(set) var dateParameters: Set<String> = []
    /// Those of them counted as working days, forward only (`add_working_days`, `add_period` of working days).
    private(set) var workingDayCountParameters: Set<String> = []
    /// Parameters used as the unit of `add_period`.
    private(set) var periodUnitParameters: Set<String> = []

    mutating func error(at position: SourcePosition, _ message: String, zh: String?) {
        diagnostics.append(InputError(file: file, position: position, message: message, chineseMessage: zh))
    }

    /// Refuses a constant count of days that is no number (`"15个工作日"`; a quoted `"15"` is one).
    /// Refuses too a negative constant count of working days, which is taken as 0: "3 working days
    /// before the meeting" passed a review of the day before.
    private mutating func requireDayCount(_ count: Expression, _ name: String, at node: YAMLNode, countsWorkingDays: Bool = false) {
        if case .literal(.text(let text)) = count, Double(text) == nil {
            error(node, "'\(name)' adds a number of days, and '\(text)' is no number: write it as 15, not 15个工作日",
                  zh: "\(name) 加上的是天数，而“\(text)”不是数字：请写成 15，而不是 15个工作日")
        }
        let value: Double? = switch count {
        case .literal(.number(let number)): number
        case .literal(.text(let text)): Double(text)
        default: nil
        }
        // Only a count of working days stops at 0 (`add_period` of working days is one).
        if countsWorkingDays, let value, value < 0 {
            error(node, "'\(name)' counts working days forward only (a negative count is taken as 0): for \"N working days before X\", count forward from the earlier day, {gt: [{add_working_days: [$earlier, N]}, $later]}, or use add_days to count calendar days back",
                  zh: "\(name) 只向后推算工作日（负数按 0 计）：要表达“X 之前 N 个工作日”，请从较早的日期向后推算：{gt: [{add_working_days: [$earlier, N]}, $later]}，或用 add_days 按自然日向前倒推")
        }
    }

    /// A constant where a date is needed that is none (`add_days: [15, 15]`, `working_days:
    /// [$publication, 15]`, arguments swapped): the arithmetic gave no date on every record, and
    /// the rule never fired.
    private mutating func requireDate(_ date: Expression, _ name: String, at node: YAMLNode) {
        if case .reference(let reference) = date, reference.path.isEmpty, case .parameter(let parameter) = reference.root {
            dateParameters.insert(parameter)
            return
        }
        let written: String? = switch date {
        case .literal(.number(let number)): number == number.rounded() ? String(Int(number)) : String(number)
        case .literal(.bool(let truth)): String(truth)
        case .literal(.text(let text)) where Day(parsing: text) == nil: text
        default: nil
        }
        guard let written else { return }
        error(node, "'\(name)' takes a date where '\(written)' is written, which is none: write a date (YYYY-MM-DD) or an expression whose value is one, such as $decision",
              zh: "\(name) 在写着“\(written)”的位置需要日期，而它不是日期：请写日期（YYYY-MM-DD）或值为日期的表达式，如 $decision")
    }

    /// `exists` or `missing` of a constant (`exists: facts.major`, the `$` forgotten): always true
    /// or always false, and the rule fired on every record or never. (A list of values, one of
    /// them read from the record, is no constant.)
    private mutating func requireNoConstant(_ inner: Expression, _ name: String, at node: YAMLNode) {
        guard case .literal(let literal) = inner else { return }
        // (A reference refused where it is written stands as null: no second error of a constant.)
        if literal == .null, node.scalar?.text.hasPrefix("$") == true || node.sequence?.first?.scalar?.text.hasPrefix("$") == true { return }
        let written: String = switch literal {
        case .text(let text): text
        case .number(let number): number == number.rounded() ? String(Int(number)) : String(number)
        case .bool(let truth): String(truth)
        case .null: "null"
        }
        let meant = written.first?.isLetter == true && !written.contains(" ") ? (en: "; did you mean $\(written)?", zh: "；是否应为 $\(written)？") : (en: "", zh: "")
        error(node, "'\(name)' of the constant '\(written)' is always \((name == "exists") != (literal == .null) ? "true" : "false"): it asks of a value, written with $ (such as $decision)\(meant.en)",
              zh: "\(name) 的对象是常量“\(written)”，结果总是\((name == "exists") != (literal == .null) ? "真" : "假")：应写以 $ 开头的值（如 $decision）\(meant.zh)")
    }

    /// Notes a `$param.NAME` given where a number of days is needed.
    private mutating func noteDayCount(_ node: YAMLNode?, workingDays: Bool) {
        guard let text = node?.scalar?.text, text.hasPrefix("$param.") else { return }
        let name = String(text.dropFirst("$param.".count).prefix { $0 != "." })
        dayCountParameters.insert(name)
        if workingDays { workingDayCountParameters.insert(name) }
    }

    mutating func error(_ node: YAMLNode, _ message: String, zh: String?) {
        diagnostics.append(InputError(file: file, position: node.position, message: message, chineseMessage: zh))
    }

    /// Reserves a slot for a name in the current scope.
    mutating func declare(_ name: String, type: StaticType) -> Int {
        let slot = slotCount
        slotCount += 1
        scopes[scopes.count - 1][name] = (slot, type)
        return slot
    }

    mutating func resetReadLoopSlots() {
        readLoopSlots = []
        deepestRead = 0
    }

    /// Notes that a slot is read: a loop slot, or a let that depends on loop slots.
    mutating func noteRead(ofSlot slot: Int) {
        if loopSlots.contains(slot) { readLoopSlots.insert(slot) }
        readLoopSlots.formUnion(letLoopDependencies[slot] ?? [])
        deepestRead = max(deepestRead, letDepths[slot] ?? 0)
    }

    /// Notes that a shared definition is read.
    mutating func noteRead(ofDefinition index: Int) {
        deepestRead = max(deepestRead, definitionDepths[index] ?? 0)
    }

    /// How deep evaluating a let or a definition may go, each nested level of an expression and
    /// each let or definition read inside another counting one. A let or definition is evaluated
    /// when it is first read, inside the expression reading it: a chain of 50,000 lets, each
    /// reading the one before, overflowed the stack and the run ended with signal 11.
    static let maxEvaluationDepth = 1_000

    /// The depth of a let or definition whose expression is `node`, given what it read (call right
    /// after compiling it), with an error when it is deeper than `maxEvaluationDepth` only for the
    /// first so deep of a chain (the lets after it read its depth, and are deeper still).
    mutating func evaluationDepth(of node: YAMLNode, named name: String, at key: YAMLNode) -> Int {
        let depth = deepestRead + node.nestingDepth
        if depth > Self.maxEvaluationDepth, deepestRead <= Self.maxEvaluationDepth {
            error(key, "'\(name)' reads lets or definitions nested more than \(Self.maxEvaluationDepth) levels deep, one inside another (each nested expression counting one); rules that deep cannot be evaluated: shorten the chain",
                  zh: "\(name) 读取的变量（let）或共用定义一个套一个，嵌套超过 \(Self.maxEvaluationDepth) 层（每层嵌套的表达式计一层）；嵌套过深的规则无法计算：请缩短这一引用链")
        }
        return depth
    }

    // MARK: Expressions

    mutating func compile(_ node: YAMLNode) -> Expression {
        compileTyped(node).0
    }

    mutating func compileTyped(_ node: YAMLNode) -> (Expression, StaticType) {
        switch node.content {
        case .scalar(let scalar):
            if scalar.text.hasPrefix("$"), node.tag == nil {
                return reference(scalar.text, at: node)
            }
            switch node.coreValue ?? .null {
            case .null: return (.literal(.null), .other)
            case .bool(let value): return (.literal(.bool(value)), .other)
            case .int(let value): return (.literal(.number(Double(value))), .other)
            case .float(let value): return (.literal(.number(value)), .other)
            case .string(let value):
                // A date written in a rule must be a real day: 2021-13-01 is a mistake, not a text.
                if Self.looksLikeDate(value), Day(parsing: value) == nil {
                    error(node, "'\(value)' is not a valid date (expected a real day, YYYY-MM-DD)",
                          zh: "“\(value)”不是有效日期（应为实际存在的日期，格式 YYYY-MM-DD）")
                } else if let padded = Self.paddedDate(value) {
                    // (`2025-3-20` is a text to the rule, compared with a date on every record as a
                    // rule-error.)
                    error(node, "'\(value)' is read as a text, not a date: write a date as YYYY-MM-DD ('\(padded)')",
                          zh: "“\(value)”会被读作文本而不是日期：日期请写成 YYYY-MM-DD（“\(padded)”）")
                }
                return (.literal(.text(value)), .other)
            }
        case .sequence(let items):
            return (.list(items.map { compile($0) }), .other)
        case .mapping(let pairs):
            guard pairs.count == 1, let name = pairs[0].key.scalar?.text else {
                let keys = pairs.compactMap { $0.key.scalar?.text }
                var message = "an expression is a mapping with exactly one operator (such as 'all', 'exists' or 'steps'), found \(pairs.count) keys: \(keys.joined(separator: ", "))"
                var chineseMessage = "表达式应为只含一个运算符（如 all、exists 或 steps）的映射，实际有 \(pairs.count) 个键：\(keys.joined(separator: "、"))"
                if let misplaced = keys.first(where: { RuleLoader.ruleKeys.contains($0) && !Self.operators.contains($0) }),
                   let pair = pairs.first(where: { $0.key.scalar?.text == misplaced }) {
                    message += "; '\(misplaced)' is a key of the rule, indented too far: write it at the rule's top level, under no other key"
                    chineseMessage += "；\(misplaced) 是规则的键，缩进过深：请写在规则的顶层，不要放在其他键下"
                    error(pair.key, message, zh: chineseMessage)
                } else {
                    error(node, message, zh: chineseMessage)
                }
                return (.literal(.null), .other)
            }
            return operation(name, pairs[0].value, key: pairs[0].key)
        }
    }

    private mutating func operation(_ name: String, _ argument: YAMLNode, key: YAMLNode) -> (Expression, StaticType) {
        switch name {
        case "all": return (.all(sequence(argument, name).map { compileCondition($0) }), .other)
        case "any": return (.any(sequence(argument, name).map { compileCondition($0) }), .other)
        case "not": return (.not(compileCondition(argument)), .other)
        case "exists", "missing":
            let inner = compile(argument)
            requireNoConstant(inner, name, at: argument)
            return (name == "exists" ? .exists(inner) : .missing(inner), .other)
        case "is_true": return (.isTrue(compileCondition(argument)), .other)
        case "eq", "ne", "lt", "le", "gt", "ge":
            let (a, b) = pair(argument, name, notingCodes: name == "eq" || name == "ne")
            if let kinds = Self.literalKindNames(a, b) {
                error(argument, "'\(name)' compares \(kinds.en.0) with \(kinds.en.1), which never compare; compare values of one type",
                      zh: "\(name) 比较的是\(kinds.zh.0)与\(kinds.zh.1)，两者无法比较；请比较同一类型的值")
            }
            // A missing value compares with nothing, so a comparison with null never holds (`ne`
            // neither). (Asked of what is written: an operand that failed to compile is null too.)
            if argument.sequence?.contains(where: Self.isWrittenNull) == true {
                error(argument, "'\(name)' with null never holds: a missing value compares with nothing; write {missing: X} for an absent value, {exists: X} for a present one",
                      zh: "\(name) 与 null 比较永远不成立：缺失的值与任何值都无法比较；判断值不存在请写 {missing: X}，判断值存在请写 {exists: X}")
            }
            if name != "eq", name != "ne", let text = Self.unitText(a) ?? Self.unitText(b) {
                error(argument, "'\(name)' orders numbers and dates, and '\(text)' is neither: write a number without units or separators (50000, not 5万 or 50,000), a date as YYYY-MM-DD",
                      zh: "\(name) 比较的是数字或日期的大小，而“\(text)”两者都不是：数字请写成不带单位或分隔符的形式（50000，而不是 5万 或 50,000），日期请写成 YYYY-MM-DD")
            }
            return (.compare(Comparison(rawValue: name) ?? .eq, a, b), .other)
        case "in":
            let (a, b) = pair(argument, name, notingCodes: true)
            if case .literal(let literal) = b, literal != .null, let written = argument.sequence?.last?.scalar?.text {
                error(argument, "'in' looks for a value in a list, and '\(written)' is one value: write [\(written)], or compare with eq",
                      zh: "in 在列表中查找值，而“\(written)”是单个值：请写成 [\(written)]，或改用 eq 比较")
            }
            if case .list(let items) = b, let kinds = items.lazy.compactMap({ Self.literalKindNames(a, $0) }).first {
                error(argument, "'in' looks for \(kinds.en.0) in a list holding \(kinds.en.1), which never compare; compare values of one type",
                      zh: "in 在由\(kinds.zh.1)组成的列表中查找\(kinds.zh.0)，两者无法比较；请比较同一类型的值")
            }
            // (In a step selection's field, null matches an absent field; in 'in' it matches nothing.)
            if let list = argument.sequence?.dropFirst().first?.sequence, list.contains(where: Self.isWrittenNull) {
                error(argument, "null in the list of 'in' matches nothing: a missing value is in no list; for 'absent or one of these' write {any: [{missing: X}, {in: [X, [...]]}]}",
                      zh: "in 的列表中的 null 匹配不到任何值：缺失的值不在任何列表中；要表达“不存在或为其中之一”，请写 {any: [{missing: X}, {in: [X, [...]]}]}")
            }
            if case .list(let items) = b, items.isEmpty {
                error(argument, "'in' with an empty list never holds", zh: "in 的列表为空，永远不成立")
            }
            return (.isIn(a, b), .other)
        case "steps": return (.steps(stepSelection(argument)), .steps)
        case "items":
            return items(argument)
        case "first", "last":
            let (inner, type) = compileTyped(argument)
            let resultType: StaticType = switch type {
            case .steps: .step
            case .signoffs: .signoff
            default: .other
            }
            return (name == "first" ? .first(inner) : .last(inner), resultType)
        case "earliest", "latest":
            let (arguments, types) = typedList(argument, name)
            // Of signoffs, a signoff; else a step, as dates are asked of.
            let type: StaticType = !types.isEmpty && types.allSatisfy({ $0 == .signoff || $0 == .signoffs }) ? .signoff : .step
            return (name == "earliest" ? .earliest(arguments) : .latest(arguments), type)
        case "coalesce":
            let (arguments, types) = typedList(argument, name)
            return (.coalesce(arguments), Self.commonType(types))
        case "if":
            let items = sequence(argument, name)
            guard items.count == 3 else {
                if argument.sequence != nil {
                    error(argument, "'if' takes a list of three: [condition, value if true, value if false]",
                          zh: "if 应为含三项的列表：[条件, 条件成立时的值, 条件不成立时的值]")
                }
                return (.literal(.null), .other)
            }
            let (then, thenType) = compileTyped(items[1])
            let (otherwise, elseType) = compileTyped(items[2])
            return (.choose(compileCondition(items[0]), then, otherwise), thenType == elseType ? thenType : .other)
        case "concat":
            // Steps with steps are steps; signoffs with signoffs, signoffs.
            let (arguments, types) = typedList(argument, name)
            let listType: StaticType = switch Self.commonType(types.map { $0 == .step ? .steps : $0 == .signoff ? .signoffs : $0 }) {
            case .steps: .steps
            case .signoffs: .signoffs
            default: .other
            }
            return (.concat(arguments), listType)
        case "distinct":
            let (inner, type) = compileTyped(argument)
            return (.distinct(inner), type == .steps || type == .signoffs ? type : .other)
        case "count": return (.count(compile(argument)), .other)
        case "add_days", "add_working_days", "add_calendar_days":
            noteDayCount(argument.sequence?.dropFirst().first, workingDays: name == "add_working_days")
            let (a, b) = pair(argument, name)
            requireDate(a, name, at: argument)
            requireDayCount(b, name, at: argument, countsWorkingDays: name == "add_working_days")
            switch name {
            case "add_days": return (.addDays(a, b), .other)
            case "add_working_days": return (.addWorkingDays(a, b), .other)
            default: return (.addCalendarDays(a, b), .other)
            }
        case "add_period":
            noteDayCount(argument.sequence?.dropFirst().first, workingDays: argument.sequence?.dropFirst(2).first?.scalar?.text == "working_days")
            if let unit = argument.sequence?.dropFirst(2).first?.scalar?.text, unit.hasPrefix("$param.") {
                periodUnitParameters.insert(String(unit.dropFirst("$param.".count)))
            }
            let items = sequence(argument, name)
            guard items.count == 3 else {
                if argument.sequence != nil {
                    error(argument, "'add_period' takes [DATE, COUNT, UNIT], UNIT one of working_days, calendar_days, days",
                          zh: "add_period 应为 [DATE, COUNT, UNIT]，UNIT 为 working_days、calendar_days、days 之一")
                }
                return (.literal(.null), .other)
            }
            if let unit = items[2].scalar?.text, !unit.hasPrefix("$"), !Self.periodUnits.contains(unit) {
                error(items[2], "unknown unit '\(unit)'\(Suggestion.phrase(for: unit, in: Self.periodUnits)); expected working_days, calendar_days or days",
                      zh: "未知的单位 \(unit)\(Suggestion.chinesePhrase(for: unit, in: Self.periodUnits))（应为 working_days、calendar_days 或 days）")
            }
            let count = compile(items[1])
            requireDayCount(count, name, at: argument, countsWorkingDays: items[2].scalar?.text == "working_days")
            let date = compile(items[0])
            requireDate(date, name, at: argument)
            return (.addPeriod(date, count, compile(items[2])), .other)
        case "days":
            let (a, b) = pair(argument, name)
            requireDate(a, name, at: argument)
            requireDate(b, name, at: argument)
            return (.days(a, b), .other)
        case "working_days":
            let (a, b) = pair(argument, name)
            requireDate(a, name, at: argument)
            requireDate(b, name, at: argument)
            return (.workingDays(a, b), .other)
        case "period_days": return (.periodDays(compile(argument)), .other)
        case "person_name":
            readsRegistry = true
            return (.personName(compile(argument)), .other)
        case "label":
            let (inner, type) = compileTyped(argument)
            guard case .code(let section) = type else { return (.label(inner), .other) }
            return (.label(inner), .words(section: section))
        case "registered":
            readsRegistry = true
            return (.registered(compile(argument)), .other)
        case "certificate_valid":
            readsRegistry = true
            noteRegistryType(argument, in: RecordFormat.Section.certificateTypes)
            let fields = arguments(argument, name, required: ["person", "type", "on"])
            return (.certificateValid(person: fields["person"] ?? .literal(.null), type: fields["type"] ?? .literal(.null), on: fields["on"] ?? .literal(.null)), .other)
        case "certificate_gap":
            readsRegistry = true
            noteRegistryType(argument, in: RecordFormat.Section.certificateTypes)
            let fields = arguments(argument, name, required: ["person", "type", "from", "to"])
            return (.certificateGap(
                person: fields["person"] ?? .literal(.null), type: fields["type"] ?? .literal(.null),
                from: fields["from"] ?? .literal(.null), to: fields["to"] ?? .literal(.null)), .other)
        case "has_qualification":
            readsRegistry = true
            noteRegistryType(argument, in: RecordFormat.Section.qualificationTypes)
            let fields = arguments(argument, name, required: ["person", "type"])
            return (.hasQualification(person: fields["person"] ?? .literal(.null), type: fields["type"] ?? .literal(.null)), .other)
        case "type_of": return (.typeOf(compile(argument)), .other)
        case "stands_for_no_one": return (.standsForNoOne(compile(argument)), .other)
        case "add", "min", "max":
            // A list of values (each a number or a list of numbers), or one list-valued expression.
            let operands = argument.sequence.map { $0.map { compile($0) } } ?? [compile(argument)]
            return (.arithmetic(Arithmetic(rawValue: name) ?? .add, operands), .other)
        case "sum": return (.arithmetic(.sum, [compile(argument)]), .other)
        case "sub":
            let (a, b) = pair(argument, name)
            return (.arithmetic(.sub, [a, b]), .other)
        case "year", "month": return (.datePart(DatePart(rawValue: name) ?? .year, compile(argument)), .other)
        case "has_role":
            readsRegistry = true
            if let role = argument["role"], let text = role.scalar?.text, !text.hasPrefix("$") { registryRoles.append((text, role.position)) }
            let fields = arguments(argument, name, required: ["person", "role"])
            return (.hasRole(person: fields["person"] ?? .literal(.null), role: fields["role"] ?? .literal(.null)), .other)
        case "text":
            guard argument.mapping != nil, let zh = argument["zh"], let en = argument["en"], let zhText = zh.scalar?.text,
                  let enText = en.scalar?.text, argument.mapping?.count == 2 else {
                error(argument, "'text' takes {zh: ..., en: ...}, a text in both languages with {name} for values",
                      zh: "text 应为 {zh: ..., en: ...}，即中英文两种文本，其中的值用 {name} 表示")
                return (.literal(.null), .other)
            }
            return (.phrase(MessageTemplate(zh: template(zhText, at: zh), en: template(enText, at: en))), .other)
        case "person_roles":
            readsRegistry = true
            return (.personRoles(compile(argument)), .other)
        case "person_named":
            readsRegistry = true
            return (.personNamed(compile(argument)), .other)
        case "people_named":
            readsRegistry = true
            return (.peopleNamed(compile(argument)), .other)
        case "people_with_role":
            readsRegistry = true
            // (A role written as a constant is checked against the vocabulary's, as `has_role`'s is.)
            if let text = argument.scalar?.text, !text.hasPrefix("$") { registryRoles.append((text, argument.position)) }
            return (.peopleWithRole(compile(argument)), .other)
        case "person_like":
            readsRegistry = true
            return (.personLike(compile(argument)), .other)
        case "seen_before":
            seenCounter += 1
            return (.seenBefore(id: seenCounter - 1, compile(argument)), .other)
        default:
            if RuleLoader.ruleKeys.contains(name) {
                error(key, "'\(name)' is a key of the rule, not an operator: it is indented too far; write it at the rule's top level, under no other key",
                      zh: "\(name) 是规则的键，不是运算符：缩进过深；请写在规则的顶层，不要放在其他键下")
            } else {
                error(key, "unknown operator '\(name)'\(Suggestion.phrase(for: name, in: Self.operators))",
                      zh: "未知的运算符 \(name)\(Suggestion.chinesePhrase(for: name, in: Self.operators))")
            }
            return (.literal(.null), .other)
        }
    }

    /// Compiles a condition (`when`, `violation`, `where`, an item of `all` or `any`, what `not`,
    /// `is_true` and `if` test): a constant that is no boolean (`violation: "yes"`) or a step,
    /// steps or signoffs (`violation: $the_decision`) is never true or false, and is refused here.
    mutating func compileCondition(_ node: YAMLNode) -> Expression {
        let (expression, type) = compileTyped(node)
        switch (expression, type) {
        case (.literal(.text), _), (.literal(.number), _):
            error(node, "a condition is true or false, and '\(node.scalar?.text ?? "")' is neither; write true, false, or an expression such as {exists: ...}",
                  zh: "条件的值应为真或假，而“\(node.scalar?.text ?? "")”两者都不是；请写 true、false，或 {exists: ...} 等表达式")
        case (_, .step), (_, .steps), (_, .signoff), (_, .signoffs):
            let written = node.scalar?.text ?? "this value"
            let chineseWritten = node.scalar?.text ?? "该值"
            error(node, "a condition is true or false, and \(written) is a step or a list, never either; ask {exists: \(written)} or {missing: \(written)}",
                  zh: "条件的值应为真或假，而\(node.scalar == nil ? chineseWritten : " \(chineseWritten) ")是步骤或列表，既不是真也不是假；请写 {exists: \(chineseWritten)} 或 {missing: \(chineseWritten)}")
        default:
            break
        }
        return expression
    }

    /// A constant text that starts as a number does and goes on with a thousands separator or a
    /// unit (`5万`, `1,500`, `2024年1月1日`): meant as a number or a date, it never orders as one.
    /// (Texts such as `09:30` order as texts.)
    static func unitText(_ expression: Expression) -> String? {
        guard case .literal(.text(let text)) = expression, let first = text.utf8.first,
              (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return nil }
        return text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 >= 0x80 }) || isOtherDateNotation(text) ? text : nil
    }

    /// Whether a text is a date written with slashes or dots (`2024/01/01`, `2024.1.1`): ordered,
    /// it is a text, and a step's date is never earlier or later than it.
    static func isOtherDateNotation(_ text: String) -> Bool {
        let parts = text.utf8.split(omittingEmptySubsequences: false) { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ".") }
        let separators = text.utf8.filter { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ".") }
        guard parts.count == 3, Set(separators).count == 1 else { return false }
        let digits = UInt8(ascii: "0")...UInt8(ascii: "9")
        return parts[0].count == 4 && (1...2).contains(parts[1].count) && (1...2).contains(parts[2].count)
            && parts.allSatisfy { $0.allSatisfy(digits.contains) }
    }

    /// Whether a constant is a date (a date-shaped text of a real day).
    static func isDate(_ literal: Literal) -> Bool {
        if case .text(let text) = literal { return Day(parsing: text) != nil }
        return false
    }

    /// Whether a node is a null written as such (`~`, `null`, nothing), not a quoted text.
    static func isWrittenNull(_ node: YAMLNode) -> Bool {
        node.scalar != nil && node.coreValue == .null
    }

    /// The kinds of two constants of types that never compare (`gt: [true, 1000]`, `gt: [[500], 1000]`),
    /// in English and in Chinese (`a boolean` 布尔值, `a number` 数字, `a date` 日期, `a text` 文本,
    /// `a list` 列表).
    static func literalKindNames(_ a: Expression, _ b: Expression) -> (en: (String, String), zh: (String, String))? {
        func kind(_ expression: Expression) -> (en: String, zh: String)? {
            switch expression {
            case .literal(.bool): (en: "a boolean", zh: "布尔值")
            case .literal(.number): (en: "a number", zh: "数字")
            // (A text that is a day is a date: `gt: [2024-01-01, 30]` loaded, and was a rule-error
            // blamed on every record; one that is a plain number may be either.)
            case .literal(.text(let text)): Day(parsing: text) != nil ? (en: "a date", zh: "日期") : Double(text) == nil ? (en: "a text", zh: "文本") : nil
            case .list: (en: "a list", zh: "列表")
            default: nil
            }
        }
        guard let left = kind(a), let right = kind(b), left.en != right.en else { return nil }
        return ((left.en, right.en), (left.zh, right.zh))
    }

    /// A date written with a month or day of one digit (`2025-3-20`), as it is meant: `2025-03-20`;
    /// nil for any other text.
    static func paddedDate(_ text: String) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              parts[1].count + parts[2].count < 4, parts.allSatisfy({ $0.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } })
        else { return nil }
        let padded = "\(parts[0])-\(parts[1].count == 1 ? "0" : "")\(parts[1])-\(parts[2].count == 1 ? "0" : "")\(parts[2])"
        return Day(parsing: padded) == nil ? nil : padded
    }

    static func looksLikeDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8.prefix(10))
        guard bytes.count == 10 else { return false }
        return bytes.enumerated().allSatisfy { index, byte in
            index == 4 || index == 7 ? byte == UInt8(ascii: "-") : (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
    }

    private mutating func sequence(_ node: YAMLNode, _ name: String) -> [YAMLNode] {
        guard let items = node.sequence else {
            error(node, "'\(name)' takes a list, found \(node.kindDescription)", zh: "\(name) 应为列表，实际是\(node.chineseKindDescription)")
            return []
        }
        return items
    }

    private mutating func list(_ node: YAMLNode, _ name: String) -> [Expression] {
        sequence(node, name).map { compile($0) }
    }

    /// The items of an operator's list, compiled, with their types.
    private mutating func typedList(_ node: YAMLNode, _ name: String) -> ([Expression], [StaticType]) {
        var expressions: [Expression] = []
        var types: [StaticType] = []
        for item in sequence(node, name) {
            let (expression, type) = compileTyped(item)
            expressions.append(expression)
            types.append(type)
        }
        return (expressions, types)
    }

    /// The type values of these types share (`other` when they differ, or there are none).
    static func commonType(_ types: [StaticType]) -> StaticType {
        guard let first = types.first, types.allSatisfy({ $0 == first }) else { return .other }
        return first
    }

    private mutating func pair(_ node: YAMLNode, _ name: String, notingCodes: Bool = false) -> (Expression, Expression) {
        let items = sequence(node, name)
        guard items.count == 2 else {
            if node.sequence != nil { error(node, "'\(name)' takes a list of two values, found \(items.count)", zh: "\(name) 应为含两个值的列表，实际有 \(items.count) 个") }
            return (.literal(.null), .literal(.null))
        }
        let (a, aType) = compileTyped(items[0])
        let (b, bType) = compileTyped(items[1])
        if notingCodes {
            noteComparison(of: aType, with: b, at: items[1])
            noteComparison(of: bType, with: a, at: items[0])
        }
        return (a, b)
    }

    /// Notes the `type` of a registry question written as a constant (not `$…`), to be checked
    /// against the vocabulary's types where the rule is loaded.
    private mutating func noteRegistryType(_ argument: YAMLNode, in section: String) {
        guard let type = argument["type"], let text = type.scalar?.text, !text.hasPrefix("$") else { return }
        registryTypes.append((section, text, type.position))
    }

    private mutating func arguments(_ node: YAMLNode, _ name: String, required: [String]) -> [String: Expression] {
        guard let pairs = node.mapping else {
            error(node, "'\(name)' takes a mapping with \(required.joined(separator: ", ")), found \(node.kindDescription)",
                  zh: "\(name) 应为包含 \(required.joined(separator: "、")) 的映射，实际是\(node.chineseKindDescription)")
            return [:]
        }
        var result: [String: Expression] = [:]
        for pair in pairs {
            let key = pair.key.scalar?.text ?? ""
            guard required.contains(key) else {
                error(pair.key, "'\(name)' has no argument '\(key)'\(Suggestion.phrase(for: key, in: required)); expected \(required.joined(separator: ", "))",
                      zh: "\(name) 没有参数 \(key)\(Suggestion.chinesePhrase(for: key, in: required))（可用的参数：\(required.joined(separator: "、"))）")
                continue
            }
            result[key] = compile(pair.value)
        }
        for key in required where result[key] == nil {
            error(node, "'\(name)' needs '\(key)'", zh: "\(name) 缺少 \(key)")
        }
        return result
    }

    private mutating func items(_ node: YAMLNode) -> (Expression, StaticType) {
        guard node.mapping != nil else {
            error(node, "'items' takes a mapping with 'in' and optionally 'where', found \(node.kindDescription)",
                  zh: "items 应为包含 in（可另加 where）的映射，实际是\(node.chineseKindDescription)")
            return (.literal(.null), .other)
        }
        var source: Expression = .literal(.null)
        var sourceType = StaticType.other
        var filterNode: YAMLNode?
        for pair in node.mapping ?? [] {
            switch pair.key.scalar?.text ?? "" {
            case "in": (source, sourceType) = compileTyped(pair.value)
            case "where": filterNode = pair.value
            case let other:
                error(pair.key, "'items' has no key '\(other)'\(Suggestion.phrase(for: other, in: ["in", "where"])); expected 'in' and 'where'",
                      zh: "items 中有未知的键 \(other)\(Suggestion.chinesePhrase(for: other, in: ["in", "where"]))（可用的键：in、where）")
            }
        }
        if node["in"] == nil { error(node, "'items' needs 'in': the list to filter", zh: "items 缺少 in：要筛选的列表") }
        let itemType: StaticType = switch sourceType {
        case .steps: .step
        case .signoffs: .signoff
        default: .other
        }
        let filter = filterNode.map { self.filter($0, itemType: itemType, stepTypes: itemType == .step ? stepTypes(of: source) : nil) }
        return (.items(source, filter), sourceType)
    }

    mutating func filter(_ node: YAMLNode, itemType: StaticType, stepTypes: [String]? = nil) -> Filter {
        let slot = slotCount
        slotCount += 1
        if let stepTypes { slotStepTypes[slot] = stepTypes }
        itSlots.append((slot, itemType))
        defer { itSlots.removeLast() }
        return Filter(slot: slot, condition: compileCondition(node), position: node.position)
    }
}
