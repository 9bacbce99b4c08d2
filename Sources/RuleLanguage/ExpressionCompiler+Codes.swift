import DecisionRecords
import YAMLTree

/// What the compiler knows of a value's shape, enough to check step field names and the codes a
/// comparison asks a code field for.
enum StaticType: Equatable {
    case step, steps
    /// A step's signoffs (`$review.signoffs`), or one of them (`$it` over them).
    case signoffs, signoff
    /// A step's meeting (`$discussion.meeting`).
    case meeting
    /// A field whose values are codes of a vocabulary section (`$review.outcome`, `$record.kind`).
    case code(section: String)
    /// The vocabulary's names of such a field's codes (`label: $review.outcome`): words equal to
    /// a text that is one of their two names.
    case words(section: String)
    case other
}

/// A value of a step selection's field chosen by `if` or `coalesce` (`outcome: {if: [...]}`), where
/// it is written: its codes are checked once the selection's types are known.
struct SelectionChoice {
    /// Where the selection is written (which selection the value is of).
    let selection: SourcePosition
    let path: [String]
    let expression: Expression
    let node: YAMLNode
}

/// A key of the format a path reads at a level the format does not put it (`meeting.attendees`).
struct MisplacedRead {
    let key: String
    let level: RecordFormat.Level
    /// The path as written (`$discussion.meeting.attendees`).
    let written: String
    let position: SourcePosition
}

/// A text a comparison asks a code field for (`eq: [$review.outcome, passd]`), to be checked
/// against the vocabulary where the rule is loaded.
struct CodeComparison {
    let section: String
    let text: String
    let position: SourcePosition
    /// Where the text stands when it is no literal of a comparison (`the default of parameter
    /// 'kinds'`, `参数 kinds 的默认值`).
    var context: LocalizedText?
    /// Whether the text is compared with the codes' names (`label` of the field), not the codes.
    var isName = false
}

extension ExpressionCompiler {
    /// Notes the texts among a parameter's values (its default, or a version's) whose values are
    /// compared with a code field.
    mutating func noteCodes(of section: String, in values: [Literal], at position: SourcePosition, context: LocalizedText) {
        for case .text(let text) in values {
            codeComparisons.append(CodeComparison(section: section, text: text, position: position, context: context))
        }
    }

    /// Notes what a code field is compared with: a text, a list of texts, or a parameter; and
    /// through a let, `if` and `coalesce`, the texts and parameters they may give (a code held
    /// in a let, `bad: 不通过`, or chosen, `if: [c, 不通过, failed]`, was never checked).
    mutating func noteCodes(of section: String, in expression: Expression, at node: YAMLNode) {
        var followed: Set<Int> = []
        noteTexts(of: section, in: expression, at: node, followed: &followed, names: false)
    }

    /// Notes what the names of a code field's codes are compared with (`eq: [{label: $review.outcome}, 不通过]`):
    /// a text that is no name of the section's codes (`未通过`) is equal to no label.
    mutating func noteNames(of section: String, in expression: Expression, at node: YAMLNode) {
        var followed: Set<Int> = []
        noteTexts(of: section, in: expression, at: node, followed: &followed, names: true)
    }

    /// Notes a comparison's operand with the other's type: codes or names of a section.
    mutating func noteComparison(of type: StaticType, with expression: Expression, at node: YAMLNode) {
        switch type {
        case .code(let section): noteCodes(of: section, in: expression, at: node)
        case .words(let section): noteNames(of: section, in: expression, at: node)
        default: break
        }
    }

    /// Notes the texts an operand may give, as codes of a section or (`names`) as their names.
    private mutating func noteTexts(of section: String, in expression: Expression, at node: YAMLNode, followed: inout Set<Int>, names: Bool) {
        switch expression {
        case .literal(.text(let text)):
            codeComparisons.append(CodeComparison(section: section, text: text, position: node.position, isName: names))
        case .list(let items):
            for (item, itemNode) in zip(items, node.sequence ?? []) { noteTexts(of: section, in: item, at: itemNode, followed: &followed, names: names) }
        case .reference(let reference) where reference.path.isEmpty:
            switch reference.root {
            // (A parameter compared with names is no code parameter: its values are names.)
            case .parameter(let name) where !names: codeParameters[name] = section
            // Each let once: a chain of lets each naming the one before twice doubled the walk at every let.
            case .slot(let slot):
                if let bound = letExpressions[slot], followed.insert(slot).inserted {
                    noteTexts(of: section, in: bound.expression, at: bound.node, followed: &followed, names: names)
                }
            default: break
            }
        case .choose(_, let then, let otherwise):
            guard let parts = node["if"]?.sequence, parts.count == 3 else { return }
            noteTexts(of: section, in: then, at: parts[1], followed: &followed, names: names)
            noteTexts(of: section, in: otherwise, at: parts[2], followed: &followed, names: names)
        case .coalesce(let items):
            for (item, itemNode) in zip(items, node["coalesce"]?.sequence ?? []) { noteTexts(of: section, in: item, at: itemNode, followed: &followed, names: names) }
        default:
            break
        }
    }

    /// What a field of a value holds: a step's signoffs, or codes of a vocabulary section (a
    /// step's `type`, `status`, `outcome`, a signoff's `role`, the record's `kind`), as records
    /// are read (v2.md 1). A review's `form` and a discussion's `meeting.type` are codes only of
    /// those steps: they are asked when the selection the steps come from (`stepTypes`) has that
    /// type alone.
    static func fieldType(root: ReferenceRoot, type: StaticType, path: [String], stepTypes: [String]? = nil) -> StaticType {
        if root == .record, path.first == "steps" {
            return path.count == 1 ? .steps : fieldType(root: .steps, type: .steps, path: Array(path.dropFirst()))
        }
        if type == .step || type == .steps, let only = stepTypes, !only.isEmpty {
            if path == ["form"], only.allSatisfy({ $0 == "legality_review" }) { return .code(section: RecordFormat.Section.forms) }
            if path == ["meeting", "type"], only.allSatisfy({ $0 == "collective_discussion" }) { return .code(section: RecordFormat.Section.meetingTypes) }
        }
        return switch (type, path) {
        case (.step, ["signoffs"]), (.steps, ["signoffs"]): .signoffs
        case (.step, ["meeting"]), (.steps, ["meeting"]): .meeting
        case (.meeting, ["type"]), (.step, ["meeting", "type"]), (.steps, ["meeting", "type"]): .code(section: RecordFormat.Section.meetingTypes)
        case (.step, ["type"]), (.steps, ["type"]): .code(section: RecordFormat.Section.stepTypes)
        case (.step, ["status"]), (.steps, ["status"]): .code(section: RecordFormat.Section.statuses)
        case (.step, ["outcome"]), (.steps, ["outcome"]): .code(section: RecordFormat.Section.outcomes)
        case (.step, ["signoffs", "role"]), (.steps, ["signoffs", "role"]), (.signoff, ["role"]), (.signoffs, ["role"]):
            .code(section: RecordFormat.Section.roles)
        case (_, ["kind"]) where root == .record: .code(section: RecordFormat.Section.kinds)
        default: .other
        }
    }

    /// The step types an expression's steps are of, when its selection says: a selection with
    /// `type`, its first, last or filtered items, a binding or definition of one, the earliest,
    /// latest or either (`if`) of such.
    /// Types in first-written order, each once: joined as they were, a chain of lets each taking
    /// the one before twice (`coalesce: [$l0, $l0]`) doubled its list at every let, and a rule of
    /// 1 KB took gigabytes to load.
    private static func distinct(_ types: [String]) -> [String] {
        var seen: Set<String> = []
        return types.filter { seen.insert($0).inserted }
    }

    func stepTypes(of expression: Expression) -> [String]? {
        switch expression {
        case .steps(let selection): return selection.types
        case .first(let inner), .last(let inner), .items(let inner, _): return stepTypes(of: inner)
        case .choose(_, let then, let otherwise):
            guard let thenTypes = stepTypes(of: then), let otherTypes = stepTypes(of: otherwise) else { return nil }
            return Self.distinct(thenTypes + otherTypes)
        case .earliest(let items), .latest(let items), .coalesce(let items):
            let known = items.map { stepTypes(of: $0) }
            guard !known.isEmpty, known.allSatisfy({ $0 != nil }) else { return nil }
            return Self.distinct(known.flatMap { $0 ?? [] })
        case .reference(let reference) where reference.path.isEmpty:
            switch reference.root {
            case .slot(let slot): return slotStepTypes[slot]
            case .definition(let index): return definitionStepTypes[index]
            default: return nil
            }
        default: return nil
        }
    }

    /// The names a selection's `type` gives: one, or a list.
    static func names(in node: YAMLNode) -> [String] {
        (node.sequence ?? [node]).compactMap { $0.coreValue?.text }
    }
}
