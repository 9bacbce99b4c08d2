import Foundation
import Testing

/// What a county's rule author meets writing rules of its own: examples that can fail, errors that
/// say what to do, packs named by their folders.
@Suite struct RuleAuthorTests {
    /// A triggering example fails when the rule could not judge its record (the engine's
    /// `rule-error`, a number compared with a text): it passed on that finding, and the rule, whose
    /// threshold was in the wrong unit, never fired.
    @Test func aTriggeringExampleTheRuleCouldNotJudgeFails() throws {
        let rule = """
            id: LOCAL-1
            severity: warning
            basis: {instrument: 本地规定, article: 第一条}
            title: {zh: 大额项目, en: Large project}
            message: {zh: 大额项目, en: large project}
            violation: {gt: [$facts.budget, 100]}
            examples:
              triggering:
                - record: {id: E-1, kind: other, title: t, facts: {budget: 1500万元}, steps: [{type: decision, date: 2024-01-02}]}
                  at: facts.budget
            """
        let folder = try CLIRunner.folder(["local/rule.yaml": rule])
        let result = try CLIRunner.run(["test", "--lang", "en", "local"], in: folder)
        #expect(result.status == 1, "\(result.stdout)")
        #expect(result.stdout.contains("the rule could not judge the example's record (the engine's finding, not the rule's)"), "\(result.stdout)")
    }

    /// A definition reading one written below it is told so, not "not defined; define it under
    /// 'let' or 'for_each'", which a definitions file has neither of.
    @Test func aDefinitionReadingOneBelowIsToldToMoveIt() throws {
        let folder = try CLIRunner.folder(["d/defs.yaml": "definitions:\n  a: $b\n  b: {first: {steps: {type: decision}}}\n"])
        let result = try CLIRunner.run(["rules", "lint", "d"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("d/defs.yaml:2:6: '$b' is a definition written below the one that reads it; a definition reads only those above it: move 'b' up"), "\(result.stderr)")
    }

    /// `--rules .` names the pack by the folder's own name, not ".".
    @Test func rulesNamedAsTheCurrentFolderTakeItsName() throws {
        let folder = try CLIRunner.folder(["mine/rule.yaml": TestCommandTests.rule])
        let result = try CLIRunner.run(["rules", "show", "LOCAL-1", "--rules", ".", "--lang", "en"], in: folder.appendingPathComponent("mine"))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("mine") && !result.stdout.contains("pack: ."), "\(result.stdout)")
    }
}
