import DecisionRecords
import RuleLanguage

/// An expression made ready to evaluate, once per run: a closure over its parts, themselves made
/// ready. Evaluating one is a call; the tree of expression cases is not walked, nor each case's
/// parts taken out (and retained) again, for every record.
///
/// Every program spends one step of the rule's budget when it starts, as evaluating its
/// expression did, and answers `missing` once the budget is spent.
///
/// (A struct around the closure: a bare closure kept in an array or an optional is stored at
/// the most general abstraction, and every call went through a thunk that copied its value.)
struct Program: Sendable {
    let run: @Sendable (Evaluator) -> Value

    init(_ run: @escaping @Sendable (Evaluator) -> Value) {
        self.run = run
    }

    /// Evaluates the program on the evaluator's record.
    @inline(__always) func callAsFunction(_ evaluator: Evaluator) -> Value {
        run(evaluator)
    }
}

/// A step selection made ready to evaluate (see `StepSelection`). A class: a selection is taken
/// out of its program whole, as one reference.
final class SelectionProgram: Sendable {
    /// Accepted types; nil accepts every type.
    let types: [String]?
    /// Each accepted type's number in the step types records are read with (nil for a type that
    /// is none of their codes).
    let typeNumbers: [Int?]
    /// Whether every accepted type is ASCII (as codes are), so a step's type is told apart from
    /// them by length first.
    let typesAreASCII: Bool
    /// The one accepted type, when there is exactly one (most selections), and its number.
    /// (Read from the selection where it lies: a type taken out of `types` was counted, an
    /// atomic operation, for every selection.)
    let singleType: String?
    let singleTypeNumber: Int?
    let status: StatusFilter
    let fields: [FieldProgram]
    /// The date bounds: each one's comparison, and its value's program at the same place of
    /// `boundValues` (a program taken out of a list of bounds had its closure counted for every
    /// selection; see `ProgramList`).
    let boundComparisons: [Comparison]
    let boundValues: ProgramList
    let filter: FilterProgram?

    init(_ selection: StepSelection, using programs: Programs) {
        types = selection.types
        typeNumbers = (selection.types ?? []).map(programs.stepTypes.number(of:))
        typesAreASCII = selection.types?.allSatisfy(\.isAllASCII) ?? false
        singleType = selection.types?.count == 1 ? selection.types?.first : nil
        singleTypeNumber = singleType.flatMap(programs.stepTypes.number(of:))
        status = selection.status
        fields = selection.fields.map { FieldProgram($0, using: programs) }
        boundComparisons = selection.bounds.map(\.comparison)
        boundValues = ProgramList(selection.bounds.map { programs.make($0.value) })
        filter = selection.filter.map { FilterProgram($0, using: programs) }
    }
}

/// A field test of a step selection: the field at `path` is one of the accepted values; a null
/// among them (`nil` here, never evaluated) matches an absent field.
struct FieldProgram: Sendable {
    let path: [PathField]
    let values: [Program?]

    init(_ match: FieldMatch, using programs: Programs) {
        path = match.path.map(PathField.init)
        values = match.values.map { value in
            if case .literal(.null) = value { return nil }
            return programs.make(value)
        }
    }
}

/// A condition evaluated on each item of a list, with the item in a slot.
struct FilterProgram: Sendable {
    let slot: Int
    let condition: Program

    init(_ filter: Filter, using programs: Programs) {
        slot = filter.slot
        condition = programs.make(filter.condition)
    }

    /// Whether the condition holds with `item` in the filter's slot. (Called on the filter where
    /// it lies, as `selection.filter?.keeps(...)`: a filter taken out of its optional had its
    /// closure counted for every step tried.)
    func keeps(_ item: Value, _ evaluator: Evaluator) -> Bool {
        evaluator.keep(item, self)
    }
}

/// A bilingual message template made ready to render.
struct TemplateProgram: Sendable {
    enum Part: Sendable {
        case text(String)
        case value(Program)
    }

    let zh: [Part]
    let en: [Part]
    /// The bytes a rendered text likely needs: its literal parts' and 24 for each value.
    let zhRoom: Int
    let enRoom: Int
    /// How many values the two templates hold together (`Evaluator.valueTexts` makes room for them).
    let valueCount: Int

    init(_ template: MessageTemplate, using programs: Programs) {
        func parts(_ parts: [TemplatePart]) -> [Part] {
            parts.map { part in
                switch part {
                case .text(let text): .text(text)
                case .value(let expression): .value(programs.make(expression))
                }
            }
        }
        func room(_ parts: [Part]) -> Int {
            parts.reduce(0) { total, part in
                switch part {
                case .text(let text): total + text.utf8.count
                case .value: total + 24
                }
            }
        }
        zh = parts(template.zh)
        en = parts(template.en)
        zhRoom = room(zh)
        enRoom = room(en)
        valueCount = (zh + en).count { if case .value = $0 { true } else { false } }
    }

    /// The template with `texts`, its values' texts (`Evaluator.valueTexts`), in their places:
    /// the text `Evaluator.render` makes of it. With `cut` (a finding's message), a text is cut at
    /// `mostCharacters`, said at its end: a message of 20,000 placeholders of one long value
    /// (within the budget, which counts the value once) wrote a report of 2.5 GB in 7.5 GB of
    /// memory. (Its values past the cut are left empty by `Evaluator.valueTexts`.)
    func rendered(with texts: [String], cut: Bool) -> LocalizedText {
        var next = 0
        func render(_ parts: [Part], room: Int, cutNote: String) -> String {
            var text = ""
            text.reserveCapacity(room)
            for part in parts {
                switch part {
                case .text(let literal): text += literal
                case .value:
                    text += texts[next]
                    next += 1
                }
            }
            return cut ? text.clipped(to: Self.mostCharacters, mark: cutNote) : text
        }
        let chinese = render(zh, room: zhRoom, cutNote: "……（消息过长，其余部分未写出）")
        return LocalizedText(zh: chinese, en: render(en, room: enRoom, cutNote: " … (the message is too long; the rest is left out)"))
    }

    /// The most characters (Unicode scalars) of a rendered message, in each language.
    static let mostCharacters = 8_000
    /// The most characters of a finding's evidence value, in each language, before "…".
    static let mostEvidenceCharacters = 500
}

/// Where a `let` or `for_each` binding goes: the slot it fills, and whether it reads a loop item
/// (its program is the check's, at the same place: `CheckProgram.letPrograms`, `loopPrograms`).
struct BindingProgram: Sendable {
    let slot: Int
    let dependsOnLoop: Bool

    init(_ binding: Binding) {
        slot = binding.slot
        dependsOnLoop = binding.dependsOnLoop
    }
}

/// A rule's check made ready (see `Check`).
struct CheckProgram: Sendable {
    let lets: [BindingProgram]
    let loops: [BindingProgram]
    /// The programs of `lets` and of `loops`, in their order, to be called (see `ProgramList`).
    let letPrograms: ProgramList
    let loopPrograms: ProgramList
    let when: ProgramCell?
    let violation: Program
    let location: ProgramCell?
    let about: ProgramCell?
    let inForceOn: ProgramCell?
    let evidence: [(key: String, label: LocalizedText, value: Program)]
    let slotCount: Int

    init(_ check: Check, using programs: Programs) {
        lets = check.lets.map(BindingProgram.init)
        loops = check.loops.map(BindingProgram.init)
        letPrograms = ProgramList(check.lets.map { programs.make($0.expression) })
        loopPrograms = ProgramList(check.loops.map { programs.make($0.expression) })
        when = check.when.map { ProgramCell(programs.make($0)) }
        violation = programs.make(check.violation)
        location = check.location.map { ProgramCell(programs.make($0)) }
        about = check.about.map { ProgramCell(programs.make($0)) }
        inForceOn = check.inForceOn.map { ProgramCell(programs.make($0)) }
        evidence = check.evidence.map { ($0.key, $0.label, programs.make($0.value)) }
        slotCount = check.slotCount
    }
}
