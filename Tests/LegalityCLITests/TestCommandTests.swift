import Foundation
import Testing

/// `legality test`: runs rule examples and closes with "N passed, N failed".
@Suite struct TestCommandTests {
    static let rule = """
        id: LOCAL-1
        severity: warning
        title: {zh: 决定缺少签发人, en: Decision without signer}
        message: {zh: 决定没有签发人, en: the decision has no signer}
        basis: {instrument: 某县办法, article: 第三条}
        for_each:
          decision: {steps: {type: decision}}
        violation: {missing: $decision.by}
        examples:
          triggering:
            - record: {id: E-1, kind: other, title: t, steps: [{type: decision, date: 2024-01-02}]}
              at: steps.0
          non_triggering:
            - record: {id: E-2, kind: other, title: t, steps: [{type: decision, date: 2024-01-02, by: [P-1]}]}
        """

    @Test func passingExamples() throws {
        let folder = try CLIRunner.folder(["local/rule.yaml": Self.rule])
        let result = try CLIRunner.run(["test", "local"], in: folder)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.hasSuffix("2 passed, 0 failed\n"))
    }

    /// A non-triggering example whose record the rule never judged (its kind misspelt, a key
    /// unknown) passed whatever the rule said.
    @Test(arguments: ["{id: E-2, kind: othre, title: t", "{id: E-2, kind: other, titel: t"])
    func aNonTriggeringExampleWithAProblemOfItsOwnFails(written: String) throws {
        let broken = Self.rule.replacingOccurrences(of: "{id: E-2, kind: other, title: t", with: written)
        #expect(broken != Self.rule)
        let folder = try CLIRunner.folder(["local/rule.yaml": broken])
        let result = try CLIRunner.run(["test", "--lang", "en", "local"], in: folder)
        #expect(result.status == 1, "\(result.stdout)")
        #expect(result.stdout.contains("FAIL LOCAL-1 non-triggering"), "\(result.stdout)")
        #expect(result.stdout.contains("the example's record has a problem of its own, so the rule did not judge what the example means"))
        #expect(result.stdout.hasSuffix("1 passed, 1 failed\n"))
    }

    /// A folder holding no rule file (a rule saved as `rule.yaml.txt`) tested and linted nothing,
    /// and said "0 passed, 0 failed" with exit status 0.
    @Test func aFolderWithoutRuleFilesIsAnError() throws {
        let folder = try CLIRunner.folder(["local/rule.yaml.txt": Self.rule])
        for arguments in [["test", "local"], ["rules", "lint", "local"]] {
            let result = try CLIRunner.run(arguments, in: folder)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains("local: no rule files (.yaml) found, so nothing was tested or checked"), "\(result.stderr)")
        }
    }

    @Test func aFolderOfDefinitionsAloneTestsNothingAndSaysSo() throws {
        let folder = try CLIRunner.folder(["local/definitions.yaml": "definitions:\n  my_decision: {first: {steps: {type: decision}}}\n"])
        let result = try CLIRunner.run(["test", "local"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("local: no rule found (the files hold definitions, a vocabulary or other data only), so nothing was tested"), "\(result.stderr)")
        #expect(try CLIRunner.run(["rules", "lint", "local"], in: folder).status == 0)
    }

    /// What `rules lint` says of a rule that loads but can never fire.
    @Test(arguments: [
        ("violation: {missing: $decision.by}", "violation: {any: []}", "has a violation that is false as written"),
        ("severity: warning", "severity: warning\nkinds: []", "applies to no kind ('kinds: []'), so it never runs"),
        ("violation: {missing: $decision.by}", "when: false\nviolation: {missing: $decision.by}", "has a 'when' that is false as written"),
        // Constants settled: `not` of true, `any` of false ones, a comparison of two constants.
        ("violation: {missing: $decision.by}", "when: {not: true}\nviolation: {missing: $decision.by}", "has a 'when' that is false as written"),
        ("violation: {missing: $decision.by}", "violation: {any: [false, {eq: [1, 2]}]}", "has a violation that is false as written"),
        ("for_each:\n  decision: {steps: {type: decision}}\nviolation: {missing: $decision.by}", "violation: {all: [true, {ne: [a, b]}]}", "has a violation that is true as written"),
        // One value compared with constants no value meets at once, or with itself (where `any` was meant).
        ("violation: {missing: $decision.by}", "violation: {all: [{eq: [$decision.outcome, failed]}, {eq: [$decision.outcome, returned]}]}", "has a violation that is false as written"),
        ("violation: {missing: $decision.by}", "violation: {all: [{gt: [$facts.budget, 10]}, {lt: [$facts.budget, 5]}]}", "has a violation that is false as written"),
        ("violation: {missing: $decision.by}", "violation: {all: [{ge: [$facts.budget, 10]}, {lt: [10, $facts.budget]}, {le: [$facts.budget, 10]}]}", "has a violation that is false as written"),
        ("violation: {missing: $decision.by}", "violation: {gt: [$decision, $decision]}", "has a violation that is false as written"),
        // A prerequisite that selects discussions held only never sees the gate's meeting, a planned one.
        ("severity: warning", "severity: warning\nprerequisite: true\nwhen: {exists: {first: {steps: {type: collective_discussion}}}}",
         "is a prerequisite of the gate but selects only discussions held (done)"),
    ])
    func lintWarnsOfARuleThatCanNeverFire(original: String, replacement: String, warning: String) throws {
        let folder = try CLIRunner.folder(["local/rule.yaml": Self.rule.replacingOccurrences(of: original, with: replacement)])
        let result = try CLIRunner.run(["rules", "lint", "local"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(warning), "\(result.stdout)")
    }

    /// Bounds some value meets, and two comparisons with one constant, are no warning.
    @Test(arguments: ["{all: [{ge: [$facts.budget, 10]}, {le: [$facts.budget, 10]}]}", "{all: [{eq: [$decision.outcome, failed]}, {eq: [$decision.outcome, failed]}]}",
                      "{any: [{eq: [$decision.outcome, failed]}, {eq: [$decision.outcome, returned]}]}", "{ge: [$decision, $decision]}"])
    func lintDoesNotWarnOfBoundsSomeValueMeets(violation: String) throws {
        let rule = Self.rule.replacingOccurrences(of: "violation: {missing: $decision.by}", with: "violation: \(violation)")
        let result = try CLIRunner.run(["rules", "lint", "local"], in: try CLIRunner.folder(["local/rule.yaml": rule]))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("as written"), "\(result.stdout)")
    }

    /// A prerequisite that reads the meeting's discussion (`status: any`, or `$first_discussion`)
    /// is not warned of.
    @Test(arguments: ["{exists: {first: {steps: {type: collective_discussion, status: any}}}}", "{exists: $first_discussion}"])
    func lintDoesNotWarnOfAPrerequisiteThatSeesTheMeeting(when: String) throws {
        let rule = Self.rule.replacingOccurrences(of: "severity: warning", with: "severity: warning\nprerequisite: true\nwhen: \(when)")
        let result = try CLIRunner.run(["rules", "lint", "local"], in: try CLIRunner.folder(["local/rule.yaml": rule]))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("selects only discussions held"), "\(result.stdout)")
    }

    /// Calendar days may be counted back (working days may not); a name that cannot be resolved is
    /// one error, not also "a comparison with null" (the failed operand reads as null).
    @Test func calendarDaysCountBackAndAnUnknownNameIsOneError() throws {
        let back = Self.rule.replacingOccurrences(
            of: "violation: {missing: $decision.by}",
            with: "violation: {all: [{gt: [$decision, {add_period: [$decision, -3, days]}]}, {gt: [$decision, {add_calendar_days: [$decision, -3]}]}]}")
        let accepted = try CLIRunner.run(["rules", "lint", "local"], in: try CLIRunner.folder(["local/rule.yaml": back]))
        #expect(accepted.status == 0, "\(accepted.stderr)")
        for typo in ["violation: {eq: [$decison.date, \"2024-01-01\"]}", "violation: {in: [$decision.outcome, [passed, $param.nothing]]}"] {
            let refused = try CLIRunner.run(["rules", "lint", "local"], in: try CLIRunner.folder(["local/rule.yaml": Self.rule.replacingOccurrences(of: "violation: {missing: $decision.by}", with: typo)]))
            #expect(refused.status == 2)
            #expect(!refused.stderr.contains("null"), "\(refused.stderr)")
        }
    }

    /// A key of the format read under a misspelt name loaded and never fired.
    @Test(arguments: [
        ("violation: {eq: [$record.orgen, 某县]}", "'orgen' in '$record.orgen' is no key of a record; did you mean 'organ'?"),
        ("violation: {eq: [$decision.meeting.typ, executive]}", "'typ' in '$decision.meeting.typ' is no key of a meeting; did you mean 'type'?"),
        ("violation: {exists: {items: {in: $decision.signoffs, where: {eq: [$it.rol, head]}}}}", "'rol' in '$it.rol' is no key of a signoff; did you mean 'role'?"),
        ("violation: {is_true: $decision.signoffs.rol}", "'rol' in '$decision.signoffs.rol' is no key of a signoff; did you mean 'role'?"),
        // A missing value compares with nothing and is in no list; an empty list holds nothing.
        ("violation: {eq: [$decision.outcome, null]}", "'eq' with null never holds: a missing value compares with nothing; write {missing: X}"),
        ("violation: {gt: [$decision, {add_period: [$decision, -3, working_days]}]}", "'add_period' counts working days forward only"),
        ("violation: {ne: [$decision.outcome, ~]}", "'ne' with null never holds"),
        ("violation: {in: [$decision.outcome, [failed, null]]}", "null in the list of 'in' matches nothing"),
        ("violation: {in: [$decision.outcome, []]}", "'in' with an empty list never holds"),
        ("violation: {missing: {steps: {type: collective_discussion, meeting.type: []}}}", "'meeting.type: []' selects no step"),
        ("violation: {gt: [$decision, {add_working_days: [$decision, -3]}]}", "'add_working_days' counts working days forward only (a negative count is taken as 0)"),
    ])
    func aMisspeltKeyOfTheFormatIsRefused(violation: String, error: String) throws {
        let folder = try CLIRunner.folder(["local/rule.yaml": Self.rule.replacingOccurrences(of: "violation: {missing: $decision.by}", with: violation)])
        let result = try CLIRunner.run(["rules", "lint", "local"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains(error), "\(result.stderr)")
    }

    @Test func aWrongExampleFailsWithADiff() throws {
        let broken = Self.rule.replacingOccurrences(of: "at: steps.0", with: "at: steps.0.date")
        let folder = try CLIRunner.folder(["local/rule.yaml": broken])
        let result = try CLIRunner.run(["test", "--lang", "en", "local"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.contains("FAIL LOCAL-1 triggering"))
        #expect(result.stdout.contains("- expected 11:"))
        #expect(result.stdout.hasSuffix("1 passed, 1 failed\n"))
    }

    /// A selection of a step type the vocabulary does not name never matches a record the rule
    /// checks: the rule is refused where it is loaded, by `check` as by `rules lint`.
    @Test func aStepTypeTheVocabularyDoesNotKnowIsRefused() throws {
        let misspelt = Self.rule.replacingOccurrences(of: "{steps: {type: decision}}", with: "{steps: {type: decsion}}")
        let folder = try CLIRunner.folder(["local/rule.yaml": misspelt, "a.yaml": Fixtures.compliant])
        for arguments in [["rules", "lint", "local"], ["check", "--rules", "local", "a.yaml"]] {
            let result = try CLIRunner.run(arguments, in: folder)
            #expect(result.status == 2)
            #expect(result.stderr.contains("the step type 'decsion' is not in the vocabulary; did you mean 'decision'?"), "\(result.stderr)")
        }
        // A name, which records may write, is no code: rules select by code.
        let named = try CLIRunner.folder(["local/rule.yaml": Self.rule.replacingOccurrences(of: "{steps: {type: decision}}", with: "{steps: {type: 作出决定}}")])
        let result = try CLIRunner.run(["rules", "lint", "local"], in: named)
        #expect(result.status == 2)
        #expect(result.stderr.contains("rules select steps by code: write 'decision' for '作出决定'"), "\(result.stderr)")
        // So is a code field asked for a value no record it checks can hold; a delivery's `form`
        // (written, post) is its own and is not a review's form.
        let outcome = try CLIRunner.folder([
            "local/rule.yaml": Self.rule.replacingOccurrences(of: "{steps: {type: decision}}", with: "{steps: {type: decision, outcome: passd}}"),
            "local/delivery.yaml": Self.rule.replacingOccurrences(of: "LOCAL-1", with: "LOCAL-2").replacingOccurrences(of: "{steps: {type: decision}}", with: "{steps: {type: delivery, form: post}}"),
        ])
        let refused = try CLIRunner.run(["rules", "lint", "local"], in: outcome)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("'passd' is no code of outcomes for the step field outcome; did you mean 'passed'?"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("post"), "\(refused.stderr)")
    }

    /// A comparison that asks a code field for a text the vocabulary does not name never holds
    /// (`ne` always does): the rule is refused where it is loaded, whether the field is read from
    /// a step bound by the rule, a shared definition, a signoff of a filter or the record's kind,
    /// and whether the text is written in the check or is a parameter's default.
    @Test func aComparisonOfACodeFieldWithNoCodeIsRefused() throws {
        let cases: [(check: String, message: String)] = [
            ("violation: {eq: [$decision.outcome, faild]}", "'faild' is no code of outcomes; did you mean 'failed'?"),
            ("violation: {ne: [$record.kind, 重大行政决策]}", "records' values are read as codes: write 'major_administrative_decision' for '重大行政决策'"),
            ("violation: {exists: {items: {in: $decision.signoffs, where: {eq: [$it.role, legal_advisor]}}}}", "'legal_advisor' is no code of roles; did you mean 'legal_adviser'?"),
            ("violation: {in: [$latest_review_before_discussion.outcome, [passed, 附条件通]]}", "'附条件通' is no code of outcomes; did you mean 'conditional' (附条件通过)?"),
            ("parameters: {kinds: {default: [contract, normative_documnt]}}\nviolation: {in: [$record.kind, $param.kinds]}", "'normative_documnt' (the default of parameter 'kinds') is no code of kinds; did you mean 'normative_document'?"),
            ("violation: {exists: {items: {in: $record.steps, where: {eq: [$it.type, decison]}}}}", "'decison' is no code of step_types; did you mean 'decision'?"),
            ("violation: {exists: {steps: {type: legality_review, signoffs.role: legal_advisor}}}", "'legal_advisor' is no code of roles for the step field signoffs.role; did you mean 'legal_adviser'?"),
            ("let: {review: {if: [$facts.major, $latest_review_before_discussion, {last: $formal_reviews}]}}\nviolation: {eq: [$review.form, opinion]}", "'opinion' is no code of forms"),
            ("violation: {in: [$decision.type, [decision, decison]]}", "'decison' is no code of step_types; did you mean 'decision'?"),
            // A review's form and a discussion's meeting type, where the selection has that type alone.
            ("let: {review: {last: {steps: {type: legality_review}}}}\nviolation: {eq: [$review.form, formal_reveiw]}", "'formal_reveiw' is no code of forms; did you mean 'formal_review'?"),
            ("violation: {exists: {steps: {type: collective_discussion, where: {eq: [$it.meeting.type, plenery]}}}}", "'plenery' is no code of meeting_types; did you mean 'plenary'?"),
            ("violation: {eq: [$latest_review_before_discussion.form, 征求意见]}", "records' values are read as codes: write 'opinion_solicitation' for '征求意见'"),
            // A parameter in a step selection's code field: its default must be codes too.
            ("parameters: {ok: {default: pass}}\nviolation: {missing: {steps: {type: legality_review, outcome: $param.ok}}}", "'pass' (the default of parameter 'ok') is no code of outcomes"),
            ("parameters: {types: {default: [excutive, plenary]}}\nviolation: {missing: {steps: {type: collective_discussion, meeting.type: $param.types}}}", "'excutive' (the default of parameter 'types') is no code of meeting_types; did you mean 'executive'?"),
        ]
        for (check, message) in cases {
            let rule = Self.rule.replacingOccurrences(of: "violation: {missing: $decision.by}", with: check)
            let folder = try CLIRunner.folder(["local/rule.yaml": rule])
            let result = try CLIRunner.run(["rules", "lint", "local"], in: folder)
            #expect(result.status == 2, "\(check)")
            #expect(result.stderr.contains(message), "\(check): \(result.stderr)")
        }
        // Codes, and fields that are no codes (a document's ref, a fact, the form of a step that
        // may be a delivery), are compared freely.
        let fine = Self.rule.replacingOccurrences(
            of: "violation: {missing: $decision.by}",
            with: "let: {either: {last: {steps: {type: [legality_review, delivery]}}}}\nviolation: {all: [{in: [$decision.outcome, [passed, conditional]]}, {ne: [$record.kind, other]}, {eq: [$facts.outcome, faild]}, {eq: [$decision.documents.ref, x]}, {eq: [$either.form, post]}, {eq: [$decision.form, post]}]}")
        let accepted = try CLIRunner.run(["rules", "lint", "local"], in: try CLIRunner.folder(["local/rule.yaml": fine]))
        #expect(accepted.status == 0, "\(accepted.stderr)")
    }

    /// A local vocabulary may add codes and rename its own, but a name another code already goes
    /// by (or that is another code) would be read as that code without a word: refused.
    @Test func aVocabularyNameTwoCodesWouldShareIsRefused() throws {
        let clashing = """
            vocabulary:
              meeting_types:
                town_office: {zh: 办公会议, en: town office meeting}
                executive_x: {zh: executive, en: exec}
                plenary: {zh: 全体大会, en: plenary}
            """
        let folder = try CLIRunner.folder(["local/vocabulary.yaml": clashing, "local/rule.yaml": Self.rule])
        let result = try CLIRunner.run(["rules", "lint", "local"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("local/vocabulary.yaml:3:5: the name '办公会议' of 'town_office' is already a name of 'office' in meeting_types"), "\(result.stderr)")
        #expect(result.stderr.contains("the name 'executive' of 'executive_x' is already a code in meeting_types"), "\(result.stderr)")
        #expect(!result.stderr.contains("plenary"), "renaming a code of its own is allowed: \(result.stderr)")
        // A section that only names codes in reports (for `label`) may give two codes one name.
        let labels = "vocabulary:\n  meeting_types:\n    town_office: {zh: 镇务会议, en: town office meeting}\n  service_forms:\n    online: {zh: 网上办理, en: online}\n    app: {zh: 掌上办理, en: online}\n"
        let own = try CLIRunner.folder(["local/vocabulary.yaml": labels, "local/rule.yaml": Self.rule])
        let accepted = try CLIRunner.run(["rules", "lint", "local"], in: own)
        #expect(accepted.status == 0, "\(accepted.stderr)")
    }

    /// Shared definitions are held to what rules are: a step type or code the vocabulary does not
    /// name, in a selection or a comparison, is refused where they are loaded (they are compiled
    /// before the vocabulary is read, and were not asked).
    @Test func aDefinitionSelectingOrComparingNoCodeIsRefused() throws {
        let definitions = """
            definitions:
              town_review: {last: {steps: {type: legality_reveiw}}}
              town_failed: {steps: {type: legality_review, outcome: faild}}
              town_passed: {steps: {type: legality_review, where: {eq: [$it.outcome, passd]}}}
            """
        let folder = try CLIRunner.folder(["local/definitions.yaml": definitions, "local/rule.yaml": Self.rule])
        let result = try CLIRunner.run(["rules", "lint", "local"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("local/definitions.yaml:2:31: the step type 'legality_reveiw' is not in the vocabulary"), "\(result.stderr)")
        #expect(result.stderr.contains("local/definitions.yaml:3:24: 'faild' is no code of outcomes for the step field outcome"), "\(result.stderr)")
        #expect(result.stderr.contains("local/definitions.yaml:4:74: 'passd' is no code of outcomes"), "\(result.stderr)")
    }

    /// A rule reading a fact one typo from a fact of the vocabulary is loaded (records may hold
    /// facts of their own), but `rules lint` says it would never fire on records that write the
    /// vocabulary's fact.
    @Test func lintNamesAFactOneTypoFromTheVocabularys() throws {
        let rule = Self.rule.replacingOccurrences(
            of: "violation: {missing: $decision.by}",
            with: "when: {any: [{is_true: $facts.affects_public_intrest}, {is_true: $record.facts.urgnt}, {is_true: $facts.budget_large}]}\nviolation: {missing: $decision.by}")
        let folder = try CLIRunner.folder(["local/rule.yaml": rule])
        let lint = try CLIRunner.run(["rules", "lint", "local"], in: folder)
        #expect(lint.status == 0)
        #expect(lint.stdout.contains("warning: LOCAL-1 reads the fact 'affects_public_intrest', which is no fact of the vocabulary; did you mean 'affects_public_interest'?"), "\(lint.stdout)")
        #expect(lint.stdout.contains("did you mean 'urgent'?"), "\(lint.stdout)")
        #expect(!lint.stdout.contains("budget_large"), "a fact of the records' own: \(lint.stdout)")
    }

    /// Rules that can never fire are warned of: a step type of another kind's (`legal_review`, a
    /// penalty case's, in a rule of major decisions), a `when` asking a kind the rule's `kinds`
    /// leave out, `exists` and `missing` of one thing together. Each passed lint and `test`
    /// silently, and never fired.
    @Test func lintWarnsOfRulesThatCanNeverFire() throws {
        let base = "id: LOCAL-%ID%\nseverity: error\nkinds: [major_administrative_decision]\ntitle: {zh: t, en: t}\nmessage: {zh: m, en: m}\nbasis: {instrument: 某县办法}\n"
        let folder = try CLIRunner.folder([
            "local/a.yaml": base.replacingOccurrences(of: "%ID%", with: "A") + "violation: {exists: {steps: {type: legal_review, outcome: failed}}}\n",
            "local/b.yaml": base.replacingOccurrences(of: "%ID%", with: "B") + "when: {all: [{exists: $first_discussion}, {eq: [$record.kind, administrative_penalty]}]}\nviolation: true\n",
            "local/c.yaml": base.replacingOccurrences(of: "%ID%", with: "C") + "when: {all: [{exists: $first_discussion}, {missing: $first_discussion}]}\nviolation: true\n",
            "local/d.yaml": base.replacingOccurrences(of: "%ID%", with: "D") + "when: {exists: $first_discussion}\nviolation: {missing: {steps: {type: legality_review}}}\n",
        ])
        let lint = try CLIRunner.run(["rules", "lint", "--lang", "en", "local"], in: folder)
        #expect(lint.stdout.contains("LOCAL-A selects the step type 'legal_review', which belongs to administrative_penalty alone"), "\(lint.stdout)")
        #expect(lint.stdout.contains("LOCAL-B has a 'when' asking the record's kind to be administrative_penalty"), "\(lint.stdout)")
        #expect(lint.stdout.contains("LOCAL-C has a 'when' that is false as written"), "\(lint.stdout)")
        #expect(!lint.stdout.contains("LOCAL-D selects") && !lint.stdout.contains("LOCAL-D has a 'when'"), "\(lint.stdout)")
    }
}
