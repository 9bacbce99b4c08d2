import DecisionRecords
@testable import RuleEngine
import Testing
import YAMLTree

/// A list of programs called by place, whose cells are reached without counted references: each
/// program is the one made for its place, and what it captured lives exactly as long as the list.
@Suite("Program lists")
struct ProgramListTests {
    /// What a program captures, noting when it is freed.
    final class Token: Sendable {
        let name: String
        init(_ name: String) { self.name = name }
    }

    static func evaluator() throws -> Evaluator {
        let context = EvaluationContext(
            rules: try BuiltinRules.load(), calendar: try BuiltinRules.calendar(), registry: nil, asOf: Day(ordinal: 20_000))
        let shared = SharedEvaluation(context: context, definitions: [], programs: Programs(codes: context.format.codes), slotCount: 0)
        let empty = YAMLNode(.mapping([]), range: SourceRange(at: .start))
        return Evaluator(shared, record: DecisionRecord(id: "R-1", kind: "major_administrative_decision", title: "某决策", file: "r.yaml", node: empty, steps: []))
    }

    @Test func eachProgramIsCalledByItsPlace() throws {
        let evaluator = try Self.evaluator()
        // Texts longer than fifteen bytes live on the heap, as most captured values do.
        let list = ProgramList((0..<6).map { place in
            let text = "program number \(place) of the list"
            return Program { _ in .text(text, nil) }
        })
        #expect(list.count == 6)
        for place in 0..<6 {
            guard case .text(let text, _) = list.call(place, evaluator) else {
                Issue.record("program \(place) gave no text")
                continue
            }
            #expect(text == "program number \(place) of the list")
        }
        // Called again, in another order, each still gives its own.
        guard case .text(let again, _) = list.call(3, evaluator) else {
            Issue.record("no text")
            return
        }
        #expect(again == "program number 3 of the list")
    }

    @Test func whatTheProgramsCaptureLivesAsLongAsTheList() throws {
        let evaluator = try Self.evaluator()
        weak var watched: Token?
        var list: ProgramList?
        do {
            let token = Token("captured")
            watched = token
            list = ProgramList([Program { _ in .text(token.name, nil) }])
        }
        // The list alone holds the program, and the program the token.
        #expect(watched != nil)
        if case .text(let text, _)? = list?.call(0, evaluator) { #expect(text == "captured") } else { Issue.record("no text") }
        list = nil
        #expect(watched == nil)
    }
}
