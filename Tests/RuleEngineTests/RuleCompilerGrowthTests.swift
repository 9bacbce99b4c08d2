@testable import RuleLanguage
import Testing
import YAMLTree

/// What a rule's compilation keeps grows with the rule, never faster: a chain of lets each taking
/// the one before twice (`coalesce: [$l0, $l0]`) doubled its list of step types at every let, and
/// a rule file of 1 KB took gigabytes to load.
@Suite struct RuleCompilerGrowthTests {
    func compiled(_ text: String) throws -> (ExpressionCompiler, [String]?) {
        var compiler = ExpressionCompiler(file: "t.yaml", definitions: [:], seenCounter: 0)
        var types: [String]?
        try YAMLParser.parse(Array(text.utf8), file: "t.yaml") { node in
            let expression = compiler.compile(node)
            types = compiler.stepTypes(of: expression)
        }
        return (compiler, types)
    }

    @Test(arguments: ["{coalesce: [{steps: {type: decision}}, {steps: {type: decision}}]}",
                      "{latest: [{steps: {type: [decision, publication]}}, {steps: {type: decision}}]}",
                      "{if: [true, {steps: {type: decision}}, {steps: {type: decision}}]}"])
    func stepTypesAreListedOnce(expression: String) throws {
        let (compiler, types) = try compiled(expression)
        #expect(compiler.diagnostics.isEmpty, "\(compiler.diagnostics)")
        let listed = try #require(types)
        #expect(listed.count == Set(listed).count, "\(listed)")
        #expect(listed.first == "decision")
    }
}
