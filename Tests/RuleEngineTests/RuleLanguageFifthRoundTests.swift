import DecisionRecords
import Foundation
import RuleEngine
@testable import RuleLanguage
import Testing

/// Rules a compliance officer wrote that loaded without a word and passed records they were
/// written to fail (the fifth review of the rule language as its users write it).
@Suite struct RuleLanguageFifthRoundTests {
    static let decision = """
        id: D-1
        kind: major_administrative_decision
        title: 某决策
        organ: 某县人民政府
        facts: %FACTS%
        steps:
          - {type: legality_review, date: 2025-03-01, outcome: %OUTCOME%}
          - {type: collective_discussion, date: 2025-03-10, meeting: {type: executive, minutes: true}}
          - {type: publication, date: 2025-03-20}
        """

    static func record(outcome: String = "passed", facts: String = "{}", id: String = "D-1") -> String {
        decision.replacingOccurrences(of: "%OUTCOME%", with: outcome).replacingOccurrences(of: "%FACTS%", with: facts)
            .replacingOccurrences(of: "D-1", with: id)
    }

    static func rule(_ body: String) -> String {
        RuleLanguageTrapTests.rule(body, kinds: "[major_administrative_decision]")
    }

    static func findings(_ body: String, _ record: String) throws -> [Finding] {
        try RuleLanguageTrapTests.findings(rule(body), record)
    }

    static func loadError(_ body: String) -> String? {
        RuleLanguageTrapTests.loadError(rule(body))
    }

    // MARK: Words in two languages compare in either

    /// `label` gives a code's name in both languages: compared with the Chinese name a user sees in
    /// every message, it never matched (it was compared by its English alone).
    @Test(arguments: [
        ("{eq: [$o, 不通过]}", "failed", 1), ("{eq: [$o, 不通过]}", "passed", 0),
        ("{in: [$o, [不通过, 退回]]}", "returned", 1), ("{eq: [$o, failed]}", "failed", 1),
        ("{ne: [$o, 通过]}", "passed", 0), ("{ne: [$o, 通过]}", "failed", 1),
    ] as [(String, String, Int)])
    func aLabelEqualsEitherOfItsNames(violation: String, outcome: String, expected: Int) throws {
        let body = "let:\n  r: {last: {steps: {type: legality_review}}}\n  o: {label: $r.outcome}\nviolation: \(violation)"
        #expect(try Self.findings(body, Self.record(outcome: outcome)).count == expected)
    }

    /// A text made with `text` equals a value written in either of its languages: a document
    /// number built in Chinese never matched, and `ne` said the number "应为" itself.
    @Test func aTextEqualsAValueInEitherLanguage() throws {
        let lets = "let:\n  year: {year: {first: {steps: {type: publication}}}}\n  expected: {text: {zh: \"某政发〔{year}〕号\", en: \"Mouzhengfa ({year})\"}}\n"
        let facts = "{doc_no: 某政发〔2025〕号}"
        #expect(try Self.findings(lets + "violation: {eq: [$facts.doc_no, $expected]}", Self.record(facts: facts)).count == 1)
        #expect(try Self.findings(lets + "violation: {ne: [$facts.doc_no, $expected]}", Self.record(facts: facts)).isEmpty)
        #expect(try Self.findings(lets + "violation: {ne: [$facts.doc_no, $expected]}", Self.record(facts: "{doc_no: 某政发〔2024〕号}")).count == 1)
    }

    /// A key made with `text` is the same only in both languages: keyed by its English alone
    /// (`en: x`), every record was a duplicate of the first.
    @Test func aKeyInTwoLanguagesIsTheSameOnlyInBoth() throws {
        let body = "violation: {seen_before: {text: {zh: \"{record.id}\", en: x}}}"
        let records = [Self.record(id: "R-0"), Self.record(id: "R-1"), Self.record(id: "R-0")].joined(separator: "\n---\n")
        let findings = try Self.findings(body, records)
        #expect(findings.map(\.record) == ["R-0"], "\(findings.map(\.message.en))")
    }

    // MARK: Codes are checked wherever they are held

    /// A code compared with a field of codes is checked where it is written: in a let, through
    /// `if` and `coalesce`, in a selection given a let (each passed a typo or a Chinese name unsaid).
    @Test(arguments: [
        ("let:\n  failing: [failed, retruned]\nviolation: {in: [$review.outcome, $failing]}", "'retruned' is no code of outcomes"),
        ("let:\n  bad: 不通过\nviolation: {exists: {steps: {type: legality_review, outcome: $bad}}}", "write 'failed' for '不通过'"),
        ("violation: {eq: [$review.outcome, {if: [true, 不通过, failed]}]}", "write 'failed' for '不通过'"),
        ("violation: {eq: [$review.outcome, {coalesce: [$facts.x, retruned]}]}", "'retruned' is no code of outcomes"),
        ("let:\n  t: hearng\nviolation: {exists: {steps: {type: [hearing, public_comment], where: {eq: [$it.type, $t]}}}}", "'hearng' is no code of step_types"),
        ("let:\n  a: 不通过\n  b: $a\nviolation: {eq: [$review.outcome, $b]}", "write 'failed' for '不通过'"),
    ] as [(String, String)])
    func aCodeHeldInALetOrAChoiceIsChecked(body: String, error: String) throws {
        let rule = body.hasPrefix("let:") ? body.replacingOccurrences(of: "let:\n", with: "let:\n  review: {last: {steps: {type: legality_review}}}\n")
            : "let:\n  review: {last: {steps: {type: legality_review}}}\n" + body
        let message = try #require(Self.loadError(rule))
        #expect(message.contains(error), "\(message)")
    }

    /// A let of texts that is no code, compared with no code field, still loads.
    @Test func aLetOfTextsComparedWithTextsLoads() {
        #expect(Self.loadError("let:\n  organs: [某县人民政府, 某市人民政府]\nviolation: {in: [$record.organ, $organs]}") == nil)
    }

    // MARK: Counts of days

    /// A parameter used as a count of days defaults to a whole number within the days date
    /// arithmetic counts, not below 0 where working days are counted forward (-5 was taken as 0).
    @Test(arguments: [
        ("-5", "add_working_days", "from 0 to 36500"), ("40000", "add_days", "from -36500 to 36500"), ("2.5", "add_days", "from -36500 to 36500"),
    ])
    func aCountParameterDefaultsWithinItsRange(value: String, operation: String, error: String) throws {
        let body = "parameters: {lead_days: {default: \(value), description: 天数}}\nlet:\n  d: {first: {steps: {type: collective_discussion}}}\nviolation: {exists: {\(operation): [$d, $param.lead_days]}}"
        let message = try #require(Self.loadError(body))
        #expect(message.contains("parameter 'lead_days' is used as a number of") && message.contains(error), "\(message)")
    }

    /// A count of working days computed below 0 is a `rule-error`, not 0: "5 working days before"
    /// written as a negative count passed a hearing of the day before.
    @Test func aNegativeCountOfWorkingDaysIsARuleError() throws {
        let body = "let:\n  d: {first: {steps: {type: collective_discussion}}}\nviolation: {missing: {steps: {type: hearing, on_or_before: {add_working_days: [$d, {sub: [0, 5]}]}}}}"
        let findings = try Self.findings(body, Self.record())
        #expect(findings.map(\.rule) == ["rule-error"], "\(findings.map(\.message.en))")
        #expect(findings.first?.message.en.contains("working days are counted forward only") == true, "\(findings.map(\.message.en))")
    }

    // MARK: Messages

    /// A message is cut at 8,000 characters in each language, said at its end: 20,000 placeholders of one
    /// long value (the budget counts a value once) wrote gigabytes.
    @Test func aLongMessageIsCut() throws {
        let long = String(repeating: "长", count: 2_000)
        let message = String(repeating: "{t}", count: 2_000)
        let rule = RuleLanguageTrapTests.rule("let:\n  t: {text: {zh: \"\(long)\", en: \"\(long)\"}}\nviolation: true", kinds: "[major_administrative_decision]")
            .replacingOccurrences(of: "message: {zh: m, en: m}", with: "message: {zh: \"\(message)\", en: \"\(message)\"}")
        let findings = try RuleLanguageTrapTests.findings(rule, Self.record())
        let finding = try #require(findings.first)
        #expect(finding.message.zh.unicodeScalars.count < 8_100 && finding.message.zh.hasSuffix("……（消息过长，其余部分未写出）"))
        #expect(finding.message.en.unicodeScalars.count < 8_100 && finding.message.en.hasSuffix(" … (the message is too long; the rest is left out)"))
        // A text made of many values is not cut: it may be compared, here with a fact holding
        // the whole of it (60,000 bytes).
        let text = RuleLanguageTrapTests.rule("let:\n  t: {text: {zh: \"\(long)\", en: x}}\n  all: {text: {zh: \"\(String(repeating: "{t}", count: 10))\", en: x}}\nviolation: {eq: [$facts.whole, $all]}", kinds: "[major_administrative_decision]")
        let whole = String(repeating: long, count: 10)
        #expect(try RuleLanguageTrapTests.findings(text, Self.record(facts: "{whole: \(whole)}")).map(\.rule) == ["TRAP-1"])
        #expect(try RuleLanguageTrapTests.findings(text, Self.record(facts: "{whole: \(whole.dropLast())}")).isEmpty)
    }

    /// Words in two languages have no order: `lt` of a label is a `rule-error`, not an order
    /// by its English that disagreed with its equality in Chinese.
    @Test func wordsHaveNoOrder() throws {
        let body = "let:\n  r: {last: {steps: {type: legality_review}}}\n  o: {label: $r.outcome}\nviolation: {lt: [$o, g]}"
        let findings = try Self.findings(body, Self.record(outcome: "failed"))
        #expect(findings.map(\.rule) == ["rule-error"], "\(findings.map(\.message.en))")
        #expect(findings.first?.message.en.contains("label and text give words in two languages") == true)
    }

    /// A code chosen by `if` or `coalesce` written in a selection is checked; a code of a let
    /// compared three times is told of once.
    @Test func codesChosenInASelectionAreCheckedAndToldOnce() throws {
        let chosen = try #require(Self.loadError("violation: {exists: {steps: {type: legality_review, outcome: {if: [true, 不通过, failed]}}}}"))
        #expect(chosen.contains("write 'failed' for '不通过'"), "\(chosen)")
        let coalesced = try #require(Self.loadError("violation: {exists: {steps: {type: legality_review, outcome: {coalesce: [$facts.x, retruned]}}}}"))
        #expect(coalesced.contains("'retruned' is no code of outcomes"), "\(coalesced)")
        let thrice = try #require(Self.loadError("let:\n  review: {last: {steps: {type: legality_review}}}\n  bad: 不通过\nviolation: {any: [{eq: [$review.outcome, $bad]}, {ne: [$review.outcome, $bad]}, {in: [$review.outcome, [$bad]]}]}"))
        #expect(thrice.components(separatedBy: "write 'failed' for '不通过'").count == 2, "\(thrice)")
    }

    /// A version's value of a count of days is held to the range its default is.
    @Test func aVersionsCountOfDaysIsInRange() throws {
        let body = "parameters: {lead_days: {default: 5, description: 天数}}\nversions:\n  - {from: 2020-01-01, basis: {instrument: 测试}, parameters: {lead_days: -5}}\nlet:\n  d: {first: {steps: {type: collective_discussion}}}\nviolation: {exists: {add_working_days: [$d, $param.lead_days]}}"
        let message = try #require(Self.loadError(body))
        #expect(message.contains("parameter 'lead_days' is used as a number of working days, counted forward: a whole number from 0 to 36500, and this version gives -5"), "\(message)")
    }

    /// A chain of lets each naming the one before twice is followed once a let (a walk of every
    /// path through it, 2^60, would never end).
    @Test func aChainOfLetsIsFollowedOnceALet() throws {
        var lets = "let:\n  review: {last: {steps: {type: legality_review}}}\n  l0: 不通过\n"
        for level in 1...60 { lets += "  l\(level): {coalesce: [$l\(level - 1), $l\(level - 1)]}\n" }
        let message = try #require(Self.loadError(lets + "violation: {eq: [$review.outcome, $l60]}"))
        #expect(message.components(separatedBy: "write 'failed' for '不通过'").count == 2, "\(message)")
    }

    // MARK: The rule check runs is the rule lint passed

    /// Without its examples a check reads a rule whose alias may name an anchor of an example's
    /// record: such a file is read whole, so `check` runs the rule `lint` and `test` passed.
    @Test func anAnchorOfAnExampleKeepsItsMeaning() throws {
        let rule = """
            id: ANC-1
            severity: warning
            kinds: [major_administrative_decision]
            title: {zh: 无听证, en: no hearing}
            message: {zh: 无听证, en: no hearing}
            basis: {instrument: 测试}
            let:
              unused: &cond {is_true: $facts.never_set}
            examples:
              triggering:
                - name: 无听证
                  record: {id: EX-1, kind: major_administrative_decision, title: 征地, facts: {x: &cond {missing: {steps: {type: hearing}}}}, steps: [{type: collective_discussion, date: 2025-06-06}]}
            violation: *cond
            """
        let whole = try RuleLoader.load([RuleSource(path: "anc.yaml", bytes: Array(rule.utf8), defaultPack: "test")], examples: true)
        let shorter = try RuleLoader.load([RuleSource(path: "anc.yaml", bytes: Array(rule.utf8), defaultPack: "test")], examples: false)
        #expect("\(whole.rules.map(\.body))" == "\(shorter.rules.map(\.body))")
        #expect(RuleLoader.withoutExamplesIfSame(Array(rule.utf8)) == nil)
        // Files with no alias, or no anchor in their examples, are read without their examples.
        let plain = rule.replacingOccurrences(of: "violation: *cond", with: "violation: {missing: $facts.x}")
        #expect(RuleLoader.withoutExamplesIfSame(Array(plain.utf8)) != nil)
    }
}
