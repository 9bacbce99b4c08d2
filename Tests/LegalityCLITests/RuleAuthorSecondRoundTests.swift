import Foundation
import Testing

/// Mistakes a county's rule author makes that loaded a rule which then never fired, or fired on
/// something other than it said: each is now refused with where it is and what to write, or
/// warned of by `rules lint`, or fails the example that passed for the wrong reason.
@Suite struct RuleAuthorSecondRoundTests {
    /// A rule around a violation, with everything else a rule needs.
    static func rule(_ body: String, id: String = "LOCAL-1", kinds: String = "[administrative_penalty]") -> String {
        """
        id: \(id)
        severity: error
        kinds: \(kinds)
        title: {zh: 测试规则, en: Test rule}
        message: {zh: 有问题, en: a problem}
        basis: {instrument: 某县办法, article: 第一条}
        \(body)
        """
    }

    static func lint(_ files: [String: String], _ path: String = "local") throws -> CLIRunner.Result {
        try CLIRunner.run(["rules", "lint", path], in: try CLIRunner.folder(files))
    }

    /// A fact read by a name holding a known fact's words (`is_major`) is warned of with the fact
    /// meant; one read by a name of the vocabulary's (`重大案件`) is refused, as a step type so
    /// written is: records write the code, and the rule never fired on a record written right.
    @Test func aFactReadInOtherWordsIsToldTheCode() throws {
        let words = try Self.lint(["local/rule.yaml": Self.rule("when: {is_true: $facts.is_major}\nviolation: {missing: {steps: {type: legal_review}}}")])
        #expect(words.stdout.contains("LOCAL-1 reads the fact 'is_major', which is no fact of the vocabulary; did you mean 'major'?"), "\(words.stdout)")
        let name = try Self.lint(["local/rule.yaml": Self.rule("when: {is_true: $facts.重大案件}\nviolation: {missing: {steps: {type: legal_review}}}")])
        #expect(name.status == 2)
        #expect(name.stderr.contains("the rule reads the fact '重大案件', a name of the fact 'major': records write facts by their codes; read $facts.major"), "\(name.stderr)")
    }

    /// A placeholder in the full-width braces a Chinese input method types (`｛deadline｝`) was
    /// printed as written in every finding: lint warns of it.
    @Test func aPlaceholderInFullWidthBracesIsWarnedOf() throws {
        let rule = Self.rule("violation: true").replacingOccurrences(of: "message: {zh: 有问题, en: a problem}", with: "message: {zh: \"截止 ｛record.id｝\", en: \"due {record.id}\"}")
        let result = try Self.lint(["local/rule.yaml": rule])
        #expect(result.stdout.contains("LOCAL-1 的 message 中有 ｛record.id｝") || result.stdout.contains("LOCAL-1's message holds '｛record.id｝'"), "\(result.stdout)")
    }

    /// Versions of a law with days between them that no version covers leave the rule applying
    /// to no act of those days: a record of 2021 passed it unsaid.
    @Test func aGapBetweenVersionsIsWarnedOf() throws {
        let rule = Self.rule("violation: true\nversions:\n  - {from: 2018-01-01, until: 2020-12-31}\n  - from: 2022-01-01")
        let result = try Self.lint(["local/rule.yaml": rule])
        #expect(result.stdout.contains("LOCAL-1's versions leave 2021-01-01 to 2021-12-31 uncovered"), "\(result.stdout)")
        let joined = Self.rule("violation: true\nversions:\n  - {from: 2018-01-01, until: 2021-12-31}\n  - from: 2022-01-01")
        #expect(!(try Self.lint(["local/rule.yaml": joined]).stdout.contains("uncovered")))
    }

    /// `fine_amount` is a well-known fact of the format, though no boolean: a rule reading it
    /// misspelt (in its check or its message) is warned of, as a boolean fact misspelt is.
    @Test func aMisspeltNumberFactIsWarnedOf() throws {
        let rule = Self.rule("violation: {gt: [$facts.fine_amont, 10000]}").replacingOccurrences(
            of: "message: {zh: 有问题, en: a problem}", with: "message: {zh: \"罚款 {facts.fine_amont} 元\", en: \"fine {facts.fine_amont}\"}")
        let result = try Self.lint(["local/rule.yaml": rule])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("LOCAL-1 reads the fact 'fine_amont', which is no fact of the vocabulary; did you mean 'fine_amount'?"), "\(result.stdout)")
        let right = try Self.lint(["local/rule.yaml": Self.rule("violation: {gt: [$facts.fine_amount, 10000]}")])
        #expect(!right.stdout.contains("reads the fact"), "\(right.stdout)")
    }

    /// `exists: $facts.major` holds for `major: false` too: a rule for major cases fired on every
    /// case that said it was none. Lint warns of it; `is_true` is not warned of.
    @Test func existsOfABooleanFactIsWarnedOf() throws {
        let asked = try Self.lint(["local/rule.yaml": Self.rule("when: {exists: $facts.major}\nviolation: {missing: {first: {steps: {type: collective_discussion}}}}")])
        #expect(asked.status == 0, "\(asked.stderr)")
        #expect(asked.stdout.contains("LOCAL-1 asks 'exists' of the boolean fact 'major': a record writing 'major: false' satisfies it too"), "\(asked.stdout)")
        let right = try Self.lint(["local/rule.yaml": Self.rule("when: {is_true: $facts.major}\nviolation: {missing: {first: {steps: {type: collective_discussion}}}}")])
        #expect(!right.stdout.contains("asks 'exists'"), "\(right.stdout)")
    }

    /// A rule that can never fire, plain from the rule alone, was said by `rules lint` only: a
    /// check or gate with it reported the records clean. The run says so on standard error; a
    /// rule that can fire is not named.
    @Test func anAddedRuleThatNeverFiresIsSaidByTheRun() throws {
        let never = Self.rule(
            "when: {eq: [$record.kind, major_administrative_decision]}\nviolation: {missing: {first: {steps: {type: collective_discussion}}}}",
            kinds: "[administrative_penalty]")
        let folder = try CLIRunner.folder(["local/rule.yaml": never, "local/other.yaml": Self.rule("violation: {missing: $facts.major}", id: "LOCAL-2"), "a.yaml": Fixtures.compliant])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--rules", "local", "a.yaml"], in: folder)
        #expect(result.stderr.contains("local/rule.yaml:1:1: the rule LOCAL-1 has a 'when' asking the record's kind to be major_administrative_decision"), "\(result.stderr)")
        #expect(result.stderr.contains("it reports nothing in this run"), "\(result.stderr)")
        #expect(!result.stderr.contains("LOCAL-2"), "\(result.stderr)")
        // (So for a kind asked with `in`, every kind of its list left out by `kinds`.)
        let listed = Self.rule(
            "when: {in: [$record.kind, [major_administrative_decision, normative_document]]}\nviolation: {missing: {first: {steps: {type: collective_discussion}}}}",
            kinds: "[administrative_penalty]")
        let lint = try Self.lint(["local/rule.yaml": listed])
        #expect(lint.stdout.contains("has a 'when' asking the record's kind to be major_administrative_decision, normative_document"), "\(lint.stdout)")
    }

    /// A user's rules in a folder named `record` (or `pack: record`) joined legality's record
    /// pack, whose rules are not checked against the vocabulary: a misspelt step type loaded unsaid.
    @Test func aUsersRuleInThePackRecordIsRefused() throws {
        let rule = Self.rule("for_each:\n  step: {steps: {type: inspecton}}\nviolation: true")
        let folder = try CLIRunner.folder(["local/record/rule.yaml": rule, "other/rule.yaml": Self.rule("pack: record\nviolation: false")])
        let inFolder = try CLIRunner.run(["rules", "lint", "local"], in: folder)
        #expect(inFolder.status == 2)
        #expect(inFolder.stderr.contains("local/record/rule.yaml:1:1: LOCAL-1 is in the pack 'record' (named by its folder or its 'pack'), which is legality's own record pack"), "\(inFolder.stderr)")
        let byKey = try CLIRunner.run(["check", "--rules", "other", "other"], in: folder)
        #expect(byKey.status == 2)
        #expect(byKey.stderr.contains("other/rule.yaml:1:1: LOCAL-1 is in the pack 'record'"), "\(byKey.stderr)")
        // The built-in record pack itself loads as ever.
        let builtin = try CLIRunner.run(["rules", "lint"], in: folder)
        #expect(builtin.status == 0, "\(builtin.stderr)")
    }

    /// A rule reading `$meeting` that is no prerequisite never sees a meeting: lint says so, and
    /// its examples judged as the gate would judge them fail.
    @Test func aRuleReadingTheMeetingThatIsNoPrerequisiteIsTold() throws {
        let rule = Self.rule("""
            when: {exists: $meeting}
            violation: {missing: {steps: {type: legality_review}}}
            examples:
              triggering:
                - meeting: 2025-06-10
                  record: {id: E-1, kind: major_administrative_decision, title: t, steps: [{type: collective_discussion, date: 2025-06-10, status: planned}]}
            """, kinds: "[major_administrative_decision]")
        let folder = try CLIRunner.folder(["local/rule.yaml": rule])
        let lint = try CLIRunner.run(["rules", "lint", "local"], in: folder)
        #expect(lint.stdout.contains("LOCAL-1 reads $meeting, which only the gate sets, but is not 'prerequisite: true'"), "\(lint.stdout)")
        let test = try CLIRunner.run(["test", "--lang", "en", "local"], in: folder)
        #expect(test.status == 1, "\(test.stdout)")
        #expect(test.stdout.contains("the gate runs only rules marked 'prerequisite: true'"), "\(test.stdout)")
        let prerequisite = try CLIRunner.folder(["local/rule.yaml": rule.replacingOccurrences(of: "severity: error", with: "severity: error\nprerequisite: true")])
        let passing = try CLIRunner.run(["test", "local"], in: prerequisite)
        #expect(passing.status == 0, "\(passing.stdout)")
        let quiet = try CLIRunner.run(["rules", "lint", "local"], in: prerequisite)
        #expect(!quiet.stdout.contains("reads $meeting"), "\(quiet.stdout)")
    }

    /// A selection takes done steps unless told otherwise, so a `where` asking for planned ones
    /// selected nothing.
    @Test func aWhereAskingForAStatusTheSelectionNeverTakesIsRefused() throws {
        let planned = Self.rule("for_each:\n  d: {steps: {type: collective_discussion, where: {eq: [$it.status, planned]}}}\nviolation: true")
        let result = try Self.lint(["local/rule.yaml": planned])
        #expect(result.status == 2)
        #expect(result.stderr.contains("local/rule.yaml:8:51: this 'where' asks for planned steps, and the selection takes done steps only"), "\(result.stderr)")
        let inList = Self.rule("for_each:\n  d: {steps: {type: decision, status: planned, where: {in: [$it.status, [done]]}}}\nviolation: true")
        #expect(try Self.lint(["local/rule.yaml": inList]).stderr.contains("asks for done steps, and the selection takes planned steps only"))
        let notSame = Self.rule("for_each:\n  d: {steps: {type: decision, where: {ne: [$it.status, done]}}}\nviolation: true")
        #expect(try Self.lint(["local/rule.yaml": notSame]).status == 2)
        let any = Self.rule("for_each:\n  d: {steps: {type: decision, status: any, where: {eq: [$it.status, planned]}}}\nviolation: true")
        #expect(try Self.lint(["local/rule.yaml": any]).status == 0)
        // Inside `all` the test holds for every step kept; under `not` or `any` a step may pass otherwise.
        let inAll = Self.rule("for_each:\n  d: {steps: {type: decision, where: {all: [{exists: $it.by}, {eq: [$it.status, planned]}]}}}\nviolation: true")
        #expect(try Self.lint(["local/rule.yaml": inAll]).status == 2)
        for condition in ["{not: {eq: [$it.status, planned]}}", "{any: [{eq: [$it.status, planned]}, {exists: $it.by}]}"] {
            let rule = Self.rule("for_each:\n  d: {steps: {type: decision, where: \(condition)}}\nviolation: true")
            let result = try Self.lint(["local/rule.yaml": rule])
            #expect(result.status == 0, "\(condition): \(result.stderr)")
        }
    }

    /// `label` gives the vocabulary's names: a text compared with them that is no name (`未通过`
    /// for `不通过`) never matched, and the rule never fired.
    @Test func aTextComparedWithALabelMustBeOneOfItsNames() throws {
        let rule = { (name: String) in
            Self.rule("""
                let:
                  review: {last: {steps: {type: legality_review}}}
                  verdict: {label: $review.outcome}
                violation: {eq: [$verdict, \(name)]}
                """, kinds: "[normative_document]")
        }
        let wrong = try Self.lint(["local/rule.yaml": rule("未通过")])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("local/rule.yaml:10:28: '未通过' is no name 'label' gives a code of outcomes, so a comparison with it would never hold"), "\(wrong.stderr)")
        #expect(wrong.stderr.contains("did you mean '不通过'?"), "\(wrong.stderr)")
        #expect(try Self.lint(["local/rule.yaml": rule("不通过")]).status == 0)
        #expect(try Self.lint(["local/rule.yaml": rule("failed")]).status == 0)
        let inList = try Self.lint(["local/rule.yaml": rule("x").replacingOccurrences(of: "{eq: [$verdict, x]}", with: "{in: [$verdict, [不通过, 退会]]}")])
        #expect(inList.stderr.contains("'退会' is no name 'label' gives a code of outcomes"), "\(inList.stderr)")
    }

    /// A document's key misspelt is refused, as a meeting's or a signoff's is.
    @Test func aMisspeltDocumentKeyIsRefused() throws {
        let rule = Self.rule("""
            let:
              review: {last: {steps: {type: legal_review}}}
            violation: {not: {in: [review_opinion, $review.documents.typ]}}
            """)
        let result = try Self.lint(["local/rule.yaml": rule])
        #expect(result.status == 2)
        #expect(result.stderr.contains("'typ' in '$review.documents.typ' is no key of a document; did you mean 'type'?"), "\(result.stderr)")
        let selection = Self.rule("for_each:\n  s: {steps: {type: legal_review, documents.tpe: review_opinion}}\nviolation: true")
        #expect(try Self.lint(["local/rule.yaml": selection]).stderr.contains("'tpe' in 'documents.tpe' is no key of a document; did you mean 'type'?"))
    }

    /// A parameter declared and never read changes nothing when a configuration sets it, though
    /// every report names it as changed.
    @Test func aParameterNeverReadIsWarnedOf() throws {
        let rule = Self.rule("parameters: {working_days: 15, threshold: 100}\nviolation: {gt: [$facts.fine_amount, $param.threshold]}")
        let result = try Self.lint(["local/rule.yaml": rule])
        #expect(result.stdout.contains("local/rule.yaml:7:28: warning: LOCAL-1: the parameter 'working_days' is declared but never read ($param.working_days)"), "\(result.stdout)")
        #expect(!result.stdout.contains("'threshold' is declared"), "\(result.stdout)")
        // A parameter read in the message only is read.
        let inMessage = rule.replacingOccurrences(of: "message: {zh: 有问题, en: a problem}", with: "message: {zh: \"{param.working_days} 日\", en: \"{param.working_days} days\"}")
        #expect(!(try Self.lint(["local/rule.yaml": inMessage]).stdout.contains("is declared but never read")))
    }

    /// A law in force only from a year far ahead (a typo, 2204) switched the rule off for every
    /// record; lint asks whether the year is right, unless a version is in force already.
    @Test func aLawInForceOnlyFromAFutureDayIsWarnedOf() throws {
        let rule = Self.rule("violation: true\nversions:\n  - from: 2204-03-01")
        let result = try Self.lint(["local/rule.yaml": rule])
        #expect(result.stdout.contains("local/rule.yaml:9:5: warning: LOCAL-1 has a version of its law in force from 2204-03-01, after today"), "\(result.stdout)")
        let amended = Self.rule("violation: true\nversions:\n  - {from: 2021-07-15, until: 2204-02-29}\n  - from: 2204-03-01")
        #expect(!(try Self.lint(["local/rule.yaml": amended]).stdout.contains("after today")))
    }

    /// Files a text editor saved under another name, and a rule file left empty, are named by
    /// lint: it said "6 rules checked", the seventh rule unsaid.
    @Test func filesNotReadAndEmptyRuleFilesAreNamed() throws {
        let folder = try CLIRunner.folder([
            "local/rule.yaml": Self.rule("violation: false"), "local/draft.yaml.txt": Self.rule("violation: false", id: "LOCAL-2"),
            "local/sub/x.json": "{}", "local/notes.txt": "notes", "local/empty.yaml": "# 待写\n",
            // (Names a slip from a rule file's, and a rule under a name of no extension.)
            "local/a.yam": Self.rule("violation: false", id: "LOCAL-3"), "local/b.ymal": Self.rule("violation: false", id: "LOCAL-4"),
            "local/c.yaml ": Self.rule("violation: false", id: "LOCAL-5"), "local/LOCAL-6": Self.rule("violation: false", id: "LOCAL-6"),
        ])
        let result = try CLIRunner.run(["rules", "lint", "local"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("local/draft.yaml.txt: warning: not read as rules"), "\(result.stdout)")
        #expect(result.stdout.contains("local/sub/x.json: warning: not read as rules"), "\(result.stdout)")
        #expect(!result.stdout.contains("notes.txt"), "\(result.stdout)")
        for name in ["local/a.yam", "local/b.ymal", "local/c.yaml ", "local/LOCAL-6"] {
            #expect(result.stdout.contains("\(name): warning: not read as rules"), "\(name): \(result.stdout)")
        }
        #expect(result.stdout.contains("empty.yaml: warning: holds nothing (empty, or only comments)"), "\(result.stdout)")
    }

    /// A date written with slashes or dots is a text, never earlier or later than a day: ordered
    /// with one, it is refused at load, as `2024年1月1日` is.
    @Test func aDateWrittenWithSlashesIsRefusedWhereDatesAreOrdered() throws {
        for written in ["\"2024/01/01\"", "\"2024.1.1\""] {
            let rule = Self.rule("for_each:\n  d: {steps: {type: decision}}\nviolation: {lt: [$d.date, \(written)]}")
            let result = try Self.lint(["local/rule.yaml": rule])
            #expect(result.status == 2, "\(written)")
            #expect(result.stderr.contains("'lt' orders numbers and dates"), "\(result.stderr)")
        }
        #expect(try Self.lint(["local/rule.yaml": Self.rule("violation: {eq: [$record.title, \"2024/01/01\"]}")]).status == 0)
    }

    /// Placeholders are filled in the message only: one in a title was printed as written in every report.
    @Test func aPlaceholderOutsideTheMessageIsWarnedOf() throws {
        let rule = Self.rule("violation: false").replacingOccurrences(
            of: "title: {zh: 测试规则, en: Test rule}", with: "title: {zh: \"罚款 {facts.fine_amount} 元\", en: Large fine}")
        let result = try Self.lint(["local/rule.yaml": rule])
        #expect(result.stdout.contains("warning: LOCAL-1's title holds '{facts.fine_amount}', which is printed as written"), "\(result.stdout)")
        #expect(!(try Self.lint(["local/rule.yaml": Self.rule("violation: false")]).stdout.contains("printed as written")))
    }

    /// A triggering example that made no finding because its record has a problem of its own
    /// says what the problem is, as a non-triggering one does.
    @Test func aTriggeringExampleWithAProblemOfItsOwnSaysWhy() throws {
        let rule = Self.rule("""
            for_each:
              d: {steps: {type: decision}}
            violation: true
            examples:
              triggering:
                - as_of: 2024-01-01
                  record: {id: E-1, kind: other, title: t, steps: [{type: decision, date: 2024-03-02}]}
            """, kinds: "[other]")
        let result = try CLIRunner.run(["test", "--lang", "en", "local"], in: try CLIRunner.folder(["local/rule.yaml": rule]))
        #expect(result.status == 1, "\(result.stdout)")
        #expect(result.stdout.contains("expected a finding, got none: the example's record has a problem of its own, and the rule did not judge it:"), "\(result.stdout)")
        #expect(result.stdout.contains("  ! local/rule.yaml:"), "\(result.stdout)")
    }
}
