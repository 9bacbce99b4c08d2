import DecisionRecords
import Foundation
import RuleEngine
import RuleLanguage
import Testing
import YAMLTree

/// Rules a user wrote that loaded without a word and never fired (a review of the rule language
/// as its users write it): each is now a correct answer, an error where the rule loads, or a
/// `rule-error` at the record's value.
@Suite struct RuleLanguageThirdRoundTests {
    static let record = """
        id: L-1
        kind: administrative_license
        title: 某许可
        organ: 某县人民政府
        facts: %FACTS%
        steps:
          - {type: delivery, date: 2026-03-02}
        """

    static func findings(_ body: String, facts: String) throws -> [Finding] {
        try RuleLanguageTrapTests.findings(RuleLanguageTrapTests.rule(body), record.replacingOccurrences(of: "%FACTS%", with: facts))
    }

    static func loadError(_ body: String) -> String? {
        RuleLanguageTrapTests.loadError(RuleLanguageTrapTests.rule(body))
    }

    // MARK: A single value where a list is expected is one item

    @Test(arguments: [("P-777", 1), ("[P-777, P-1]", 1), ("[P-1]", 0), ("~", 0)])
    func forEachOverASingleValueRunsOnce(reviewers: String, expected: Int) throws {
        let findings = try Self.findings("for_each: {person: $facts.reviewers}\nviolation: {eq: [$person, P-777]}", facts: "{reviewers: \(reviewers)}")
        #expect(findings.count == expected, "\(findings.map(\.message.en))")
    }

    @Test(arguments: ["某县人民政府", "[某县人民政府, 某市人民政府]"])
    func inLooksInASingleValueAsInAListOfOne(covered: String) throws {
        let findings = try Self.findings("violation: {in: [$record.organ, $facts.covered_organs]}", facts: "{covered_organs: \(covered)}")
        #expect(findings.map(\.rule) == ["TRAP-1"])
    }

    @Test func distinctAndItemsTakeASingleValueAsOneItem() throws {
        #expect(try Self.findings("violation: {eq: [{count: {distinct: $facts.reviewers}}, 1]}", facts: "{reviewers: P-777}").count == 1)
        #expect(try Self.findings("violation: {exists: {items: {in: $facts.reviewers, where: {eq: [$it, P-777]}}}}", facts: "{reviewers: P-777}").count == 1)
    }

    @Test(arguments: ["in: [$record.organ, 某县人民政府]", "in: [$record.organ, 3]"])
    func aSingleConstantAsTheListOfInIsALoadError(condition: String) throws {
        let error = try #require(Self.loadError("violation: {\(condition)}"))
        #expect(error.contains("is one value: write ["), "\(error)")
    }

    // MARK: A condition is a boolean

    @Test(arguments: [("true", 1), ("false", 0), ("~", 0)])
    func isTrueOfABooleanOrMissingValue(flag: String, expected: Int) throws {
        #expect(try Self.findings("violation: {is_true: $facts.flag}", facts: "{flag: \(flag)}").count == expected)
    }

    @Test(arguments: ["{is_true: $facts.flag}", "{not: $facts.flag}", "$facts.flag", "{all: [$facts.flag]}", "{exists: {items: {in: [1], where: $facts.flag}}}"])
    func aRecordValueThatIsNoBooleanIsARuleErrorWhereverAConditionStands(violation: String) throws {
        let findings = try Self.findings("violation: \(violation)", facts: "{flag: 是}")
        #expect(findings.map(\.rule) == ["rule-error"], "\(findings.map(\.message.en))")
        #expect(findings.first?.message.en.contains("a condition needs a boolean (true or false), found text '是'") == true, "\(findings.first?.message.en ?? "")")
        #expect(findings.first?.position == SourcePosition(line: 5, column: 15))
    }

    /// `.nan` compares with nothing: every comparison was false, so `gt` and `not: {le: …}` both
    /// passed a budget no one had written.
    @Test(arguments: ["{gt: [$facts.budget, 1000]}", "{not: {le: [$facts.budget, 1000]}}", "{eq: [$facts.budget, $facts.budget]}", "{gt: [$facts.budget, \"1000\"]}"])
    func notANumberIsARuleErrorNeverASilentAnswer(violation: String) throws {
        let findings = try Self.findings("violation: \(violation)", facts: "{budget: .nan}")
        #expect(findings.map(\.rule) == ["rule-error"], "\(findings.map(\.message.en))")
        #expect(findings.first?.message.en.contains("cannot compare .nan (not a number") == true, "\(findings.first?.message.en ?? "")")
        #expect(try Self.findings("violation: \(violation)", facts: "{budget: 500}").allSatisfy { $0.rule != "rule-error" })
    }

    /// A let is evaluated where it is first read, inside the expression reading it: a chain of
    /// 50,000 lets overflowed the stack (signal 11, no message). One too deep is refused at load.
    @Test func aChainOfLetsTooDeepToEvaluateIsRefusedWhereItLoads() throws {
        func chain(_ count: Int) -> String {
            "let:\n  a0: {exists: $facts.flag}\n" + (1..<count).map { "  a\($0): {not: $a\($0 - 1)}\n" }.joined() + "violation: $a\(count - 1)"
        }
        let error = try #require(Self.loadError(chain(600)))
        #expect(error.contains("'a500' reads lets or definitions nested more than 1000 levels deep"), "\(error)")
        // A chain within the bound is evaluated: 401 lets from `exists` (true) flip to false.
        #expect(try Self.findings(chain(401), facts: "{flag: true}").count == 1)
        #expect(try Self.findings(chain(400), facts: "{flag: true}").isEmpty)
        // Shared definitions are held to the same bound.
        let definitions = "definitions:\n  d0: {exists: $facts.flag}\n" + (1..<600).map { "  d\($0): {not: $d\($0 - 1)}\n" }.joined()
        #expect {
            _ = try BuiltinRules.load(extra: [("defs.yaml", definitions)])
        } throws: { "\($0)".contains("'d500' reads lets or definitions nested more than 1000 levels deep") }
    }

    @Test func aWhenThatIsNoBooleanIsARuleErrorToo() throws {
        let findings = try Self.findings("when: $facts.flag\nviolation: true", facts: "{flag: 1}")
        #expect(findings.map(\.rule) == ["rule-error"])
    }

    @Test(arguments: [("violation: \"yes\"", "'yes' is neither"), ("violation: 1", "'1' is neither"),
                      ("violation: $the_decision", "$the_decision is a step or a list"),
                      ("violation: {not: {steps: {type: decision}}}", "is a step or a list"),
                      ("when: {all: [\"false\"]}\nviolation: true", "'false' is neither")])
    func aConstantOrAStepAsAConditionIsALoadError(body: String, expected: String) throws {
        let error = try #require(Self.loadError(body))
        #expect(error.contains("a condition is true or false"), "\(error)")
        #expect(error.contains(expected), "\(error)")
    }

    // MARK: Date bounds of a step selection

    @Test(arguments: ["\"2024/01/01\"", "2024-1-1", "5"])
    func aConstantBoundThatIsNoDateIsALoadError(bound: String) throws {
        let error = try #require(Self.loadError("violation: {exists: {steps: {type: delivery, on_or_after: \(bound)}}}"))
        #expect(error.contains("'on_or_after' takes a date (YYYY-MM-DD)"), "\(error)")
    }

    @Test(arguments: [("2024年3月1日", ["rule-error"]), ("2026-03-01", ["TRAP-1"]), ("2026-03-05", []), ("~", ["TRAP-1"])])
    func aBoundFromTheRecordThatIsNoDateIsARuleError(deadline: String, expected: [String]) throws {
        // A missing bound selects nothing (the delivery is then missing: a finding), as before.
        let findings = try Self.findings("violation: {missing: {steps: {type: delivery, on_or_before: $facts.deadline}}}", facts: "{deadline: \(deadline)}")
        #expect(findings.map(\.rule) == expected, "\(findings.map(\.message.en))")
    }

    // MARK: Constants that can never work

    @Test(arguments: [("violation: {gt: [$facts.fine, \"5万\"]}", "'5万' is neither"),
                      ("violation: {lt: [$facts.day, \"2024年1月1日\"]}", "'2024年1月1日' is neither"),
                      ("violation: {exists: {add_working_days: [$facts.day, \"15个工作日\"]}}", "'15个工作日' is no number"),
                      ("violation: {exists: {add_period: [$facts.day, \"15个工作日\", working_days]}}", "'15个工作日' is no number")])
    func numbersAndDaysWrittenWithUnitsAreALoadError(body: String, expected: String) throws {
        let error = try #require(Self.loadError(body))
        #expect(error.contains(expected), "\(error)")
    }

    /// Keys of an office's own start with `x_`, however near a key of the format; texts that are
    /// no number with a unit order as texts; a quoted plain number is a number.
    @Test(arguments: ["violation: {exists: $record.x_kind}", "violation: {lt: [$facts.x_time, \"09:30\"]}", "violation: {exists: {add_days: [$facts.day, \"15\"]}}"])
    func whatIsNoMistakeStillLoads(body: String) throws {
        #expect(Self.loadError(body) == nil, "\(Self.loadError(body) ?? "")")
    }

    @Test func aTextDoubledByLetsStopsAtTheBudget() throws {
        var lets = "let:\n  a0: $record.title\n"
        for level in 1...40 { lets += "  a\(level): {text: {zh: \"{a\(level - 1)}{a\(level - 1)}\", en: x}}\n" }
        let findings = try Self.findings(lets + "violation: {exists: $a40}", facts: "{}")
        #expect(findings.map(\.rule) == ["rule-budget"])
    }

    /// A rule may not take the id of legality's own findings: a local rule named `rule-budget`
    /// let a waiver of that id hide every "the rule could not finish" error of the record.
    @Test func theIdsOfLegalitysOwnFindingsAreReserved() throws {
        #expect(Set(ToolFinding.all.map(\.id)) == RuleLoader.reservedIDs)
        for id in ToolFinding.all.map(\.id) + ["Rule-Budget"] {
            let error = RuleLanguageTrapTests.loadError(RuleLanguageTrapTests.rule("violation: true", id: id))
            #expect(error?.contains("is the id of findings legality makes itself") == true, "\(error ?? "")")
        }
        // Nor a built-in rule's id in full-width letters, a rule of its own to the loader and one to a reader.
        let wide = RuleLanguageTrapTests.loadError(RuleLanguageTrapTests.rule("violation: true", id: "ＭＡＤ－００２"))
        #expect(wide?.contains("is already defined in") == true && wide?.contains("case or width") == true, "\(wide ?? "")")
    }

    /// `absolute: true` (no waiver makes a gate's item READY) is honoured by the gate alone, which
    /// runs prerequisites only: on a rule that is none, it would be a promise never kept.
    @Test func anAbsoluteRuleIsAPrerequisite() throws {
        let alone = RuleLanguageTrapTests.loadError(RuleLanguageTrapTests.rule("absolute: true\nviolation: true"))
        #expect(alone?.contains("'absolute: true' says no waiver makes a gate's item READY") == true, "\(alone ?? "")")
        let notBoolean = RuleLanguageTrapTests.loadError(RuleLanguageTrapTests.rule("prerequisite: true\nabsolute: 是\nviolation: true"))
        #expect(notBoolean?.contains("'absolute' is true or false") == true, "\(notBoolean ?? "")")
        #expect(RuleLanguageTrapTests.loadError(RuleLanguageTrapTests.rule("prerequisite: true\nabsolute: true\nviolation: true")) == nil)
        // The built-in prohibitions of discussing without a legality review that passed are absolute.
        let absolute = try BuiltinRules.load().rules.filter(\.absolute).map(\.id)
        #expect(absolute == ["MAD-001", "MAD-002", "MAD-003", "MAD-004", "NOR-001", "NOR-002", "NOR-007", "PEN-005", "PEN-006"])
    }

    @Test func aVersionFromThatIsNoDayIsNamedAsSuch() throws {
        let error = try #require(Self.loadError("violation: true\nversions:\n  - from: \"2025年1月1日\""))
        #expect(error.contains("'from' is the day the version came into force, written YYYY-MM-DD; '2025年1月1日' is no such day"), "\(error)")
    }

    @Test(arguments: [("legal_advisor", true), ("public_layer", true), ("enforcement_officer", false), ("assessor", false), ("法律顾问", false)])
    func aRoleOneTypoFromTheVocabularysIsALoadError(role: String, refused: Bool) throws {
        let error = Self.loadError("violation: {has_role: {person: $record.organ, role: \(role)}}")
        #expect((error != nil) == refused, "\(error ?? "")")
        if refused { #expect(error?.contains("the role '\(role)' is no role of the vocabulary; did you mean") == true) }
        let holders = Self.loadError("violation: {exists: {people_with_role: \(role)}}")
        #expect((holders != nil) == refused, "\(holders ?? "")")
    }

    /// `people_with_role` lists the registry's people of a role, written as its code or a name of
    /// it, in id order; none without a registry.
    @Test func peopleWithARoleAreListedInIdOrder() throws {
        /// The message of an info rule that always holds, with `lets` (name: expression) in it.
        func message(_ lets: [(String, String)], violation: String = "true", registry: Registry) throws -> String? {
            let rule = """
                id: ROLE-1
                severity: info
                title: {zh: 示例, en: Example}
                message: {zh: "\(lets.map { "{\($0.0)}" }.joined(separator: " / "))", en: "\(lets.map { "{\($0.0)}" }.joined(separator: " / "))"}
                basis: {instrument: 示例, article: 一}
                let:
                \(lets.map { "  \($0.0): \($0.1)" }.joined(separator: "\n"))
                violation: \(violation)
                """
            let rules = try BuiltinRules.load(extra: [("r.yaml", rule)])
            let record = "id: R-1\nkind: other\ntitle: t\nsteps:\n  - {type: decision, date: 2026-03-02}\n"
            return try BuiltinRules.check(record, rules: rules, asOf: "2026-12-31", registry: registry, only: { $0.id == "ROLE-1" }).first?.message.en
        }
        let registry = Registry(people: [
            Person(id: "P-3", roles: ["法律顾问"]), Person(id: "P-1", roles: ["legal_adviser", "reviewer"]), Person(id: "P-2", roles: ["reviewer"]),
        ])
        #expect(try message([("advisers", "{people_with_role: legal_adviser}")], registry: registry) == "P-1, P-3")
        // The role asked may be named too, and a registry's own roles (registry_roles) by their names.
        let withOfficer = Registry(people: [Person(id: "P-3", roles: ["法律顾问"]), Person(id: "P-1", roles: ["legal_adviser"]), Person(id: "P-4", roles: ["行政执法人员"])])
        let told = try message(
            [("advisers", "{people_with_role: 法律顾问}"), ("officers", "{people_with_role: enforcement_officer}")],
            violation: "{has_role: {person: P-4, role: enforcement_officer}}", registry: withOfficer)
        #expect(told == "P-1, P-3 / P-4", "\(told ?? "none")")
    }

    @Test func aMisspeltFileKeyIsNamed() throws {
        let error = try #require(RuleLanguageTrapTests.loadError("defintions:\n  x: $record.title\n"))
        #expect(error.contains("unknown key 'defintions'; did you mean 'definitions'?"), "\(error)")
        #expect(!error.contains("needs an 'id'"), "\(error)")
    }
}
