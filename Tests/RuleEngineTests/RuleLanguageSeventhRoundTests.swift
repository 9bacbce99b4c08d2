import DecisionRecords
import Foundation
import RuleEngine
@testable import RuleLanguage
import Testing

/// Rules and vocabularies a rule author wrote that loaded without a word and never fired (the
/// seventh review of the rule language as its users write it).
@Suite struct RuleLanguageSeventhRoundTests {
    /// A key of the format read by another name of the vocabulary's (`结论` for `outcome`), or a
    /// well-known fact read outside `facts`: records write neither there, and the rule never fired.
    @Test(arguments: [
        ("let:\n  r: {last: {steps: {type: legality_review}}}\nviolation: {eq: [$r.结论, failed]}", "a name of the format's key 'outcome'"),
        ("violation: {is_true: $record.urgent}", "the rule reads 'urgent' outside facts"),
        ("let:\n  r: {last: {steps: {type: legality_review}}}\nviolation: {is_true: $r.technical}", "the rule reads 'technical' outside facts"),
    ])
    func aKeyReadWhereNoRecordWritesItIsRefused(body: String, message: String) {
        let error = RuleLanguageFifthRoundTests.loadError(body)
        #expect(error?.contains(message) == true, "\(error ?? "loaded")")
    }

    /// A name of a key of another level (`文号`, a document's `ref`, read of the record) is no name
    /// of a key the rule reads: it loads, as a key of the office's own.
    @Test func aNameOfAnotherLevelsKeyLoads() {
        #expect(RuleLanguageFifthRoundTests.loadError("violation: {exists: $record.文号}") == nil)
    }

    /// Read where records write them, the same keys load, and the rule fires.
    @Test func theKeysReadWhereRecordsWriteThemLoadAndFire() throws {
        let body = "let:\n  r: {last: {steps: {type: legality_review}}}\nviolation: {all: [{eq: [$r.outcome, failed]}, {is_true: $facts.urgent}]}"
        #expect(RuleLanguageFifthRoundTests.loadError(body) == nil)
        let findings = try RuleLanguageFifthRoundTests.findings(body, RuleLanguageFifthRoundTests.record(outcome: "failed", facts: "{urgent: true}"))
        #expect(findings.map(\.rule) == ["TRAP-1"])
    }

    /// A certificate or qualification type one typo from the vocabulary's is refused; the
    /// vocabulary's code or name, or a type of the office's own, loads.
    @Test(arguments: [
        ("{certificate_valid: {person: P-1, type: enforcment, on: $as_of}}", "'enforcment' is no certificate type of the vocabulary; did you mean 'enforcement'?"),
        ("{certificate_valid: {person: P-1, type: Enforcement, on: $as_of}}", "did you mean 'enforcement'?"),
        ("{certificate_gap: {person: P-1, type: enforcemnt, from: $as_of, to: $as_of}}", "did you mean 'enforcement'?"),
        ("{has_qualification: {person: P-1, type: legal_profesion}}", "'legal_profesion' is no qualification type of the vocabulary; did you mean 'legal_profession'?"),
        ("{certificate_valid: {person: P-1, type: enforcement, on: $as_of}}", nil),
        ("{certificate_valid: {person: P-1, type: 执法证, on: $as_of}}", nil),
        ("{certificate_valid: {person: P-1, type: hazardous_chemicals_permit, on: $as_of}}", nil),
    ] as [(String, String?)])
    func aRegistryTypeOneTypoFromTheVocabularysIsRefused(question: String, message: String?) {
        let error = RuleLanguageFifthRoundTests.loadError("violation: {not: \(question)}")
        if let message {
            #expect(error?.contains(message) == true, "\(error ?? "loaded")")
        } else {
            #expect(error == nil, "\(error ?? "")")
        }
    }

    /// A date constant with a month or day of one digit is a text to the rule (a rule-error on
    /// every record): refused, with the date it means.
    @Test(arguments: [("\"2025-3-20\"", "'2025-3-20' is read as a text, not a date: write a date as YYYY-MM-DD ('2025-03-20')"),
                      ("\"2025-03-2\"", "('2025-03-02')"), ("2025-03-20", nil), ("\"2025-3-2x\"", nil)] as [(String, String?)])
    func anUnpaddedDateIsRefused(constant: String, message: String?) {
        let error = RuleLanguageFifthRoundTests.loadError("violation: {lt: [$as_of, \(constant)]}")
        if let message {
            #expect(error?.contains(message) == true, "\(error ?? "loaded")")
        } else if constant == "2025-03-20" {
            #expect(error == nil, "\(error ?? "")")
        } else {
            #expect(error?.contains("read as a text, not a date") != true, "\(error ?? "")")
        }
    }

    /// A kind or step type a vocabulary file declares one typo from one already declared: a
    /// misspelt kind, declared as the rule's error advised, loaded clean and applied to no record.
    @Test(arguments: [
        ("kinds", "administrative_penality", "'administrative_penality' is one typo from 'administrative_penalty'"),
        ("step_types", "expert_reveiw", "'expert_reveiw' is one typo from 'expert_review'"),
        ("kinds", "water_permit", nil),
    ] as [(String, String, String?)])
    func aVocabularyCodeOneTypoFromAnotherIsRefused(section: String, code: String, message: String?) {
        let vocabulary = "vocabulary:\n  \(section):\n    \(code): {zh: 某类, en: some}\n"
        var error: String?
        do {
            _ = try BuiltinRules.load(extra: [("vocabulary.yaml", vocabulary)])
        } catch let loadError {
            error = "\(loadError)"
        }
        if let message {
            #expect(error?.contains(message) == true, "\(error ?? "loaded")")
        } else {
            #expect(error == nil, "\(error ?? "")")
        }
    }

    /// A fact of an office's own that a rule reads, written one typo apart in a record (`budget`
    /// where the rule reads `budgte`): REC-007 names the fact the rule reads.
    @Test func aFactOneTypoFromTheOneARuleReadsIsReported() throws {
        let body = "violation: {gt: [$facts.budgte, 1000]}"
        let rules = try BuiltinRules.load(extra: [("trap.yaml", RuleLanguageFifthRoundTests.rule(body))])
        let findings = try BuiltinRules.check(RuleLanguageFifthRoundTests.record(facts: "{budget: 1500}"), rules: rules, asOf: "2026-12-31")
        let unknown = try #require(findings.first { $0.rule == "REC-007" }, "\(findings.map(\.rule))")
        #expect(unknown.message.en.contains("did you mean 'budgte'?"), "\(unknown.message.en)")
        // Written as the rule reads it, the rule fires and the record pack says nothing of it.
        let right = try BuiltinRules.check(RuleLanguageFifthRoundTests.record(facts: "{budgte: 1500}"), rules: rules, asOf: "2026-12-31")
        #expect(right.contains { $0.rule == "TRAP-1" } && !right.contains { $0.rule == "REC-007" }, "\(right.map(\.rule))")
    }

    /// A text compared with `eq` or `in` is the same but for spaces at its ends, as names are
    /// matched: a department written `县自然资源局　` (an ideographic space) passed its rule.
    @Test(arguments: ["某县人民政府　", " 某县人民政府", "某县人民政府"])
    func aTextWithSpacesAtItsEndsIsTheSame(organ: String) throws {
        let body = "violation: {in: [$record.organ, [某县人民政府]]}"
        let record = RuleLanguageFifthRoundTests.record().replacingOccurrences(of: "organ: 某县人民政府", with: "organ: \"\(organ)\"")
        #expect(record.contains(organ))
        #expect(try RuleLanguageFifthRoundTests.findings(body, record).map(\.rule) == ["TRAP-1"])
        let other = RuleLanguageFifthRoundTests.record().replacingOccurrences(of: "organ: 某县人民政府", with: "organ: 某县人民政府办公室")
        #expect(try RuleLanguageFifthRoundTests.findings(body, other).isEmpty)
    }
}
