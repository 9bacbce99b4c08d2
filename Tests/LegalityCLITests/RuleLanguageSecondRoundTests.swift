import Foundation
import Testing

/// The rule language's second round, end to end: seven rules a county engineer needed, written
/// with no workaround; the operators they use; the tools around them.
@Suite struct RuleLanguageSecondRoundTests {
    static let fixtures = CLIRunner.root.appendingPathComponent("Tests/Fixtures/second-round-rules").path

    @Test func theSevenRulesPassTheirExamplesAndLint() throws {
        let test = try CLIRunner.run(["test", Self.fixtures])
        #expect(test.status == 0, "\(test.stdout)")
        #expect(test.stdout.contains("7 rules, 22 examples") && test.stdout.contains("22 passed, 0 failed"))
        let lint = try CLIRunner.run(["rules", "lint", Self.fixtures])
        #expect(lint.stdout.hasSuffix("7 rules checked, 0 errors, 0 warnings\n"), "\(lint.stdout)")
    }

    @Test func noBuiltinKeepsTheSharedDefinitions() throws {
        let record = "id: L-1\nkind: administrative_license\ntitle: 某许可\nsteps:\n  - {type: acceptance, date: 2024-03-01}\n  - {type: decision, date: 2024-04-01}\n"
        let folder = try CLIRunner.folder(["l.yaml": record])
        let result = try CLIRunner.run(["check", "--no-builtin", "--rules", Self.fixtures, "--format", "json", "--as-of", "2024-12-31", "l.yaml"], in: folder)
        #expect(result.status == 1, "\(result.stderr)")
        let rules = (try CLIRunner.json(result.stdout)["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        #expect(rules.contains("LIC-042") && !rules.contains { $0.hasPrefix("MAD") || $0.hasPrefix("PEN") })
    }

    @Test(arguments: [
        ("{add: [$facts.a, $facts.b, 5]}", "12"), ("{sub: [$facts.a, $facts.b]}", "1"), ("{sum: $facts.list}", "10"),
        ("{min: $facts.list}", "1"), ("{max: [$facts.list, 7]}", "7"), ("{year: $facts.day}", "2024"), ("{month: $facts.day}", "3"),
    ])
    func arithmeticAndDateParts(expression: String, result: String) throws {
        let rule = "id: ARI-1\nseverity: info\ntitle: {zh: t, en: t}\nmessage: {zh: \"{value}\", en: \"{value}\"}\nbasis: {instrument: i}\nlet:\n  value: \(expression)\nviolation: true\n"
        let record = "id: A-1\nkind: other\ntitle: t\nfacts: {a: 4, b: 3, list: [1, 2, 3, 4], day: 2024-03-09}\nsteps: [{type: decision, date: 2024-03-01}]\n"
        let folder = try CLIRunner.folder(["a.yaml": record, "rules-local/r.yaml": rule])
        let run = try CLIRunner.run(["check", "--rules", "rules-local", "--format", "json", "--as-of", "2024-12-31", "a.yaml"], in: folder)
        let finding = try #require((try CLIRunner.json(run.stdout)["findings"] as? [[String: Any]])?.first { $0["rule"] as? String == "ARI-1" })
        #expect(finding["message"] as? String == result)
    }

    @Test func arithmeticOnATextIsARuleError() throws {
        let rule = "id: ARI-2\nseverity: info\ntitle: {zh: t, en: t}\nmessage: {zh: m, en: m}\nbasis: {instrument: i}\nviolation: {gt: [{sum: $facts.parts}, 10]}\n"
        let record = "id: A-2\nkind: other\ntitle: t\nfacts: {parts: [5, \"1,500\"]}\nsteps: [{type: decision, date: 2024-03-01}]\n"
        let folder = try CLIRunner.folder(["a.yaml": record, "rules-local/r.yaml": rule])
        let run = try CLIRunner.run(["check", "--rules", "rules-local", "--format", "json", "--lang", "en", "--as-of", "2024-12-31", "a.yaml"], in: folder)
        let finding = try #require((try CLIRunner.json(run.stdout)["findings"] as? [[String: Any]])?.first { $0["rule"] as? String == "rule-error" })
        #expect((finding["message"] as? String)?.contains("'1,500' is not one") == true)
        #expect(finding["line"] as? Int == 4)
    }

    @Test func testFollowsTheLanguageAndAtTakesARecordIndex() throws {
        let rule = """
            id: DUP-1
            severity: error
            title: {zh: 重复, en: duplicate}
            message: {zh: 重复, en: duplicate}
            basis: {instrument: i}
            violation: {seen_before: $facts.code}
            at: $facts.code
            examples:
              triggering:
                - name: 第二条记录重复
                  text: |
                    id: X-1
                    kind: other
                    title: t
                    facts: {code: A}
                    steps: [{type: decision, date: 2024-01-02}]
                    ---
                    id: X-2
                    kind: other
                    title: t
                    facts: {code: A}
                    steps: [{type: decision, date: 2024-01-02}]
                  at: 0.facts.code
            """
        let folder = try CLIRunner.folder(["rules-local/dup.yaml": rule])
        let chinese = try CLIRunner.run(["test", "--lang", "zh", "rules-local"], in: folder)
        #expect(chinese.status == 1)
        #expect(chinese.stdout.contains("问题指向的位置不对") && chinese.stdout.contains("应为 4:"))
        let english = try CLIRunner.run(["test", "--lang", "en", "rules-local"], in: folder)
        #expect(english.stdout.contains("findings point at the wrong place"))
        try rule.replacingOccurrences(of: "at: 0.facts.code", with: "at: 1.facts.code")
            .write(to: folder.appendingPathComponent("rules-local/dup.yaml"), atomically: true, encoding: .utf8)
        #expect(try CLIRunner.run(["test", "rules-local"], in: folder).status == 0)
    }

    @Test func lintPointsAtTheOffendingLineAndMisplacedKeysAreNamed() throws {
        let nested = """
            id: NEST-1
            severity: info
            title: {zh: t, en: t}
            message: {zh: m, en: m}
            basis: {instrument: i}
            description: {zh: d, en: d}
            help: {zh: h, en: h}
            for_each:
              hearing: {steps: {type: hearing}}
            violation:
              missing: {steps: {type: hearing_notice, before: $hearing}}
            examples: {triggering: [{record: {id: X, kind: other, title: t, steps: [{type: hearing, date: 2024-01-02}]}}], non_triggering: [{record: {id: Y, kind: other, title: t, steps: [{type: decision, date: 2024-01-02}]}}]}
            """
        let misplaced = nested.replacingOccurrences(of: "id: NEST-1", with: "id: NEST-2")
            .replacingOccurrences(of: "  missing: {steps: {type: hearing_notice, before: $hearing}}", with: "  missing: {steps: {type: hearing_notice, before: $hearing}}\n  at: $hearing")
        let folder = try CLIRunner.folder(["a/nest.yaml": nested, "b/nest.yaml": misplaced])
        let lint = try CLIRunner.run(["rules", "lint", "a"], in: folder)
        #expect(lint.stdout.contains("a/nest.yaml:11:20: warning: NEST-1 is quadratic"), "\(lint.stdout)")
        let error = try CLIRunner.run(["rules", "lint", "b"], in: folder)
        #expect(error.status == 2)
        #expect(error.stderr.contains("b/nest.yaml:12:3") && error.stderr.contains("'at' is a key of the rule, indented too far"), "\(error.stderr)")
    }
}
