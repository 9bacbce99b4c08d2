import Foundation
import Testing

/// Rules a county's engineer wrote that passed `rules lint` and `legality test` and then never
/// fired, or fired on lawful records (the third review of the rule language as its authors write
/// it): each is now refused where it is written, warned of by lint, or judged as the docs say.
@Suite struct RuleAuthorThirdRoundTests {
    static func rule(_ body: String, id: String = "LOCAL-1", kinds: String = "[major_administrative_decision]") -> String {
        RuleAuthorSecondRoundTests.rule(body, id: id, kinds: kinds)
    }

    static let decision = """
        id: D-1
        kind: major_administrative_decision
        title: 某决策
        organ: 某县人民政府
        facts: %FACTS%
        steps:
          - {type: legality_review, date: 2024-03-01, outcome: passed}
          - {type: collective_discussion, date: 2024-03-10, meeting: {type: executive, minutes: true}}
          - {type: decision, date: 2024-03-12}
        """

    /// The rule ids a check of one record with the rule reports, beyond the record pack's.
    static func findings(_ rule: String, facts: String = "{}", configuration: String? = nil) throws -> (status: Int32, rules: [String], stderr: String) {
        var files = ["local/rule.yaml": rule, "a.yaml": decision.replacingOccurrences(of: "%FACTS%", with: facts)]
        if let configuration { files[".legality.yaml"] = configuration }
        let result = try CLIRunner.run(
            ["check", "a.yaml", "--rules", "local", "--no-builtin", "--as-of", "2024-06-01", "--format", "json", "--lang", "en"], in: try CLIRunner.folder(files))
        let rules = (result.stdout.components(separatedBy: "\"rule\": \"").dropFirst().map { String($0.prefix { $0 != "\"" }) }).filter { !$0.hasPrefix("REC-") }
        return (result.status, rules, result.stderr)
    }

    /// A reference with a space at an end of a name (a full-width one an input method left inside
    /// the quotes) or a character no one sees read a fact no record has: refused, with the name meant.
    @Test(arguments: ["\"$facts.budget\u{3000}\"", "\"$facts.budget \"", "\"$facts.bud\u{200B}get\"", "\"$facts.budget\u{200D}\"", "\"$facts.budget\u{2002}\"", "\"$facts.budget\u{E0100}\"", "\"$facts.budget\u{3164}\""])
    func aReferenceWithASpaceOrAnUnseenCharacterIsRefused(reference: String) throws {
        let result = try Self.findings(Self.rule("violation: {gt: [\(reference), 1000]}"), facts: "{budget: 1500}")
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("no record's key holds it") && result.stderr.contains("write $facts.budget\n"), "\(result.stderr)")
        let plain = try Self.findings(Self.rule("violation: {gt: [$facts.budget, 1000]}"), facts: "{budget: 1500}")
        #expect(plain.rules == ["LOCAL-1"], "\(plain.stderr)")
    }

    /// `missing:` holds of a text of spaces only, an empty mapping and a list of nothing but such,
    /// as of an absent key (the docs: "absent or empty"); `exists:` does not.
    @Test(arguments: [("\"\"", true), ("\"\u{3000}\"", true), ("\"\\n\"", true), ("\"\u{200B}\"", true), ("{}", true), ("[\"\", ~]", true), ("某政发〔2024〕3号", false), ("[某政发〔2024〕3号]", false)])
    func anEmptyValueIsMissing(value: String, missing: Bool) throws {
        let result = try Self.findings(Self.rule("violation: {missing: $facts.doc_no}"), facts: "{doc_no: \(value)}")
        #expect(result.rules == (missing ? ["LOCAL-1"] : []), "\(value): \(result.stderr)")
        let exists = try Self.findings(Self.rule("violation: {exists: $facts.doc_no}"), facts: "{doc_no: \(value)}")
        #expect(exists.rules == (missing ? [] : ["LOCAL-1"]), "\(value): \(exists.stderr)")
    }

    /// A path past a field of the format that holds a single value or ids (`$decision.date.year`,
    /// `$discussion.attendees.role`) read nothing on every record: refused, with what to write.
    @Test(arguments: [
        ("{ge: [$d.date.year, 2024]}", "reads 'year' of 'date', which is a date", "write {year: $d.date}"),
        ("{in: [legal_adviser, $d.attendees.role]}", "reads 'role' of 'attendees', which is a person id", "{person_roles: …}"),
        ("{eq: [$d.outcome.code, passed]}", "reads 'code' of 'outcome', which is a single value", ""),
        ("{exists: $d.signoffs.person.name}", "reads 'name' of 'person', which is a person id", ""),
        ("{exists: $d.meeting.minutes.x}", "reads 'x' of 'minutes', which is a single value", ""),
        ("{exists: $record.title.zh}", "reads 'zh' of 'title', which is a single value", ""),
    ])
    func aPathPastASingleValueIsRefused(violation: String, message: String, advice: String) throws {
        let result = try Self.findings(Self.rule("let:\n  d: {first: {steps: {type: collective_discussion}}}\nviolation: \(violation)"))
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains(message) && (advice.isEmpty || result.stderr.contains(advice)), "\(result.stderr)")
    }

    /// A step's own key past a field of the format, and a key of a meeting or a fact, are read as before.
    @Test func aPathIntoAMappingStillLoads() throws {
        let result = try Self.findings(Self.rule("let:\n  d: {first: {steps: {type: collective_discussion}}}\nviolation: {all: [{is_true: $d.meeting.minutes}, {exists: $facts.x.y}, {missing: $d.x_own.z}]}"), facts: "{x: {y: 1}}")
        #expect(result.status == 1 && result.rules == ["LOCAL-1"], "\(result.stderr)")
    }

    /// A configuration's empty list for a list parameter matched nothing, and the rule never fired
    /// with only "parameters changed" said; a number parameter set to `.inf` never held. Both are refused.
    @Test(arguments: [("{towns: []}", "takes at least one value that is not blank"), ("{towns: [\"\"]}", "takes at least one value that is not blank"), ("{towns: [\"\\u200B\"]}", "takes at least one value that is not blank"), ("{limit: .inf}", "takes a finite number")])
    func aConfigurationCannotEmptyAParameter(value: String, message: String) throws {
        let rule = Self.rule("parameters:\n  towns: {default: [城关镇]}\n  limit: {default: 1000}\nwhen: {in: [$facts.town, $param.towns]}\nviolation: {gt: [$facts.budget, $param.limit]}")
        let result = try Self.findings(rule, facts: "{town: 城关镇, budget: 1500}", configuration: "parameters:\n  LOCAL-1: \(value)\n")
        #expect(result.status == 2 && result.stderr.contains(message), "\(result.stderr)")
        let kept = try Self.findings(rule, facts: "{town: 城关镇, budget: 1500}", configuration: "parameters:\n  LOCAL-1: {towns: [城关镇, 石桥镇], limit: 1200}\n")
        #expect(kept.rules == ["LOCAL-1"], "\(kept.stderr)")
    }

    /// A list of exceptions the rule lets be empty (`may_be_empty: true`) may be emptied: the rule
    /// then excepts no one, and fires on more, not on nothing.
    @Test func aListOfExceptionsMayBeEmptiedWhereTheRuleSaysSo() throws {
        let rule = Self.rule("parameters:\n  exempt: {default: [县应急局], may_be_empty: true}\nwhen: {not: {in: [$record.department, $param.exempt]}}\nviolation: true")
        let result = try Self.findings(rule, configuration: "parameters:\n  LOCAL-1: {exempt: []}\n")
        #expect(result.rules == ["LOCAL-1"], "\(result.stderr)")
    }

    static let testedRule = rule("""
        parameters:
          towns: {default: [城关镇]}
        when: {in: [$facts.town, $param.towns]}
        violation: true
        examples:
          triggering:
            - {name: t, record: {id: EX-1, kind: major_administrative_decision, title: x, facts: {town: 城关镇}, steps: [{type: decision, date: 2024-01-01}]}}
          non_triggering:
            - {name: n, record: {id: EX-2, kind: major_administrative_decision, title: x, facts: {town: 石桥镇}, steps: [{type: decision, date: 2024-01-01}]}}
        """)

    /// `legality test` with a configuration says the parameters it changes are not used by the
    /// examples; a rule it disables is tested all the same, and named ("no rule found" before).
    @Test func testSaysWhatTheConfigurationChanges() throws {
        let folder = try CLIRunner.folder(["local/rule.yaml": Self.testedRule])
        try ".legality.yaml".write(to: folder, "parameters:\n  LOCAL-1: {towns: [石桥镇]}\n")
        let changed = try CLIRunner.run(["test", "local", "--lang", "en"], in: folder)
        #expect(changed.status == 0, "\(changed.stderr)")
        #expect(changed.stdout.contains("not those the configuration") && changed.stdout.contains("LOCAL-1 towns = [石桥镇]"), "\(changed.stdout)")
        try ".legality.yaml".write(to: folder, "disable: [LOCAL-1]\n")
        let disabled = try CLIRunner.run(["test", "local", "--lang", "en"], in: folder)
        #expect(disabled.status == 0 && disabled.stdout.contains("2 passed, 0 failed"), "\(disabled.stdout)\(disabled.stderr)")
        #expect(disabled.stdout.contains("LOCAL-1 disabled by the configuration"), "\(disabled.stdout)")
        try FileManager.default.removeItem(at: folder.appendingPathComponent(".legality.yaml"))
        let plain = try CLIRunner.run(["test", "local", "--lang", "en"], in: folder)
        #expect(plain.status == 0 && !plain.stdout.contains("note:"), "\(plain.stdout)")
    }

    /// A rule in a hidden file or folder of a rules folder never ran, unsaid: lint and a run adding
    /// the folder name it. A hidden file that holds no rule, and a `.git` folder, are not named.
    @Test func hiddenRuleFilesAreNamed() throws {
        let folder = try CLIRunner.folder([
            "local/rule.yaml": Self.rule("violation: true"), "local/.rule2.yaml": Self.rule("violation: true", id: "LOCAL-2"),
            "local/.drafts/rule3.yaml": Self.rule("violation: true", id: "LOCAL-3"), "local/.notes.yaml": "todo: [x]\n",
            "local/.git/rule4.yaml": Self.rule("violation: true", id: "LOCAL-4"),
            "a.yaml": Self.decision.replacingOccurrences(of: "%FACTS%", with: "{}"),
        ])
        let lint = try CLIRunner.run(["rules", "lint", "local", "--lang", "en"], in: folder)
        #expect(lint.stdout.contains("local/.rule2.yaml: warning: not read as rules: it is hidden"), "\(lint.stdout)")
        #expect(lint.stdout.contains("local/.drafts/rule3.yaml: warning: not read as rules: it is hidden"), "\(lint.stdout)")
        #expect(!lint.stdout.contains(".notes.yaml") && !lint.stdout.contains(".git/"), "\(lint.stdout)")
        let check = try CLIRunner.run(["check", "a.yaml", "--rules", "local", "--as-of", "2024-06-01", "--lang", "en"], in: folder)
        #expect(check.stderr.contains("local/.rule2.yaml: not read as rules: it is hidden"), "\(check.stderr)")
        let test = try CLIRunner.run(["test", "local", "--lang", "en"], in: folder)
        #expect(test.stderr.contains("local/.drafts/rule3.yaml: not read as rules: it is hidden"), "\(test.stderr)")
    }

    /// Lint warns of a `when` asking the kind to be none of the rule's kinds, of a condition with
    /// its own `not`, and of two facts read one typo apart.
    @Test(arguments: [
        ("when: {ne: [$record.kind, major_administrative_decision]}\nviolation: true", "asking the record's kind not to be major_administrative_decision"),
        ("when: {not: {in: [$record.kind, [major_administrative_decision, normative_document]]}}\nviolation: true", "asking the record's kind not to be"),
        ("violation: {all: [{is_true: $facts.major}, {not: {is_true: $facts.major}}]}", "violation that is false as written"),
        ("violation: {all: [{exists: {steps: {type: decision}}}, {missing: {steps: {type: decision}}}]}", "violation that is false as written"),
        ("violation: {all: [{exists: {steps: {type: decision}}}, {not: {exists: {steps: {type: decision}}}}]}", "violation that is false as written"),
        ("violation: {gt: [$facts.investmnet, 1000]}\nmessage: {zh: \"投资 {facts.investment}\", en: \"investment {facts.investment}\"}", "reads both the facts 'investment' and 'investmnet'"),
    ])
    func lintWarnsOfARuleThatNeverFires(body: String, warning: String) throws {
        let rule = body.contains("message:") ? Self.rule(body).replacingOccurrences(of: "message: {zh: 有问题, en: a problem}\n", with: "") : Self.rule(body)
        let result = try RuleAuthorSecondRoundTests.lint(["local/rule.yaml": rule])
        #expect(result.stdout.contains(warning), "\(result.stdout)\(result.stderr)")
        let fine = try RuleAuthorSecondRoundTests.lint(["local/rule.yaml": Self.rule("when: {ne: [$record.kind, normative_document]}\nviolation: {gt: [$facts.investment, 1000]}")])
        #expect(fine.stdout.contains("0 warnings") || !fine.stdout.contains("never"), "\(fine.stdout)")
    }

    /// A reference refused inside `exists` is said once, as a reference (it read "'exists' of the
    /// constant 'null' … did you mean $null?").
    @Test func aRefusedReferenceInsideExistsIsSaidOnce() throws {
        let result = try Self.findings(Self.rule("violation: {exists: \"$facts.plan \"}"))
        #expect(result.stderr.contains("no record's key holds it") && !result.stderr.contains("constant"), "\(result.stderr)")
    }

    /// Two facts one typo apart, each written in a different example (the typo in the one that
    /// needs it to fire), are warned of: only one example writing both shows two facts.
    @Test func factsOneTypoApartInTwoExamplesAreWarnedOf() throws {
        let example = { (id: String, facts: String) in "{id: \(id), kind: major_administrative_decision, title: x, facts: \(facts), steps: [{type: decision, date: 2024-01-10}]}" }
        let body = "violation: {gt: [$facts.investmnet, 1000]}\nexamples:\n  triggering:\n    - {name: t, record: \(example("EX-1", "{investmnet: 2000}"))}\n  non_triggering:\n    - {name: n, record: \(example("EX-2", "{investment: 10}"))}"
        let rule = Self.rule(body).replacingOccurrences(of: "message: {zh: 有问题, en: a problem}", with: "message: {zh: \"投资 {facts.investment}\", en: \"investment {facts.investment}\"}")
        let result = try RuleAuthorSecondRoundTests.lint(["local/rule.yaml": rule])
        #expect(result.stdout.contains("one typo apart") || result.stdout.contains("spelt almost alike"), "\(result.stdout)\(result.stderr)")
    }

    /// Names told apart by digits alone, or Chinese names a character apart, are other facts, not typos.
    @Test(arguments: [("fine_2024", "fine_2025"), ("投资额", "融资额")])
    func factsToldApartByDigitsOrAWordAreNotTypos(one: String, other: String) throws {
        let example = { (id: String, facts: String) in "{id: \(id), kind: major_administrative_decision, title: x, facts: \(facts), steps: [{type: decision, date: 2024-01-10}]}" }
        let body = "violation: {any: [{gt: [$facts.\(one), 1000]}, {gt: [$facts.\(other), 1000]}]}\nexamples:\n  triggering:\n    - {name: t, record: \(example("EX-1", "{\(one): 2000}"))}\n  non_triggering:\n    - {name: n, record: \(example("EX-2", "{\(other): 10}"))}"
        let result = try RuleAuthorSecondRoundTests.lint(["local/rule.yaml": Self.rule(body)])
        #expect(!result.stdout.contains("spelt almost alike"), "\(result.stdout)\(result.stderr)")
    }

    /// Two facts one typo apart that the examples both write are read on purpose (`phase1_budget`,
    /// `phase2_budget`): no warning.
    @Test func factsReadOnPurposeAreNotCalledATypo() throws {
        let example = { (id: String) in "{id: \(id), kind: major_administrative_decision, title: x, facts: {phase1_budget: 600, phase2_budget: 600}, steps: [{type: decision, date: 2024-01-10}]}" }
        let body = "violation: {gt: [{add: [$facts.phase1_budget, $facts.phase2_budget]}, 1000]}\nexamples:\n  triggering:\n    - {name: t, record: \(example("EX-1"))}"
        let result = try RuleAuthorSecondRoundTests.lint(["local/rule.yaml": Self.rule(body)])
        #expect(!result.stdout.contains("one typo apart"), "\(result.stdout)\(result.stderr)")
    }
}

private extension String {
    func write(to folder: URL, _ text: String) throws {
        try text.write(to: folder.appendingPathComponent(self), atomically: true, encoding: .utf8)
    }
}
