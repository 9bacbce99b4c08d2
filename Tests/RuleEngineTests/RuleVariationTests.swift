import Foundation
import RuleEngine
import RuleLanguage
import Testing

/// The constructs are generic: copies of catalogue rules with other step types and outcomes
/// work without any Swift, and a local regulation is one more YAML file.
@Suite struct RuleVariationTests {
    /// MAD-003 with its step types changed: "the latest X before the first Y must have passed".
    static func latestBeforeFirst(_ id: String, latest: String, first: String) throws -> String {
        let original = try String(contentsOf: BuiltinRules.folder.appendingPathComponent("mad/MAD-003.yaml"), encoding: .utf8)
        let body = original.components(separatedBy: "\nexamples:")[0]
        return body
            .replacingOccurrences(of: "id: MAD-003", with: "id: \(id)")
            .replacingOccurrences(of: "  before_discussion: $latest_review_before_discussion", with: """
                  first_target: {first: {steps: {type: \(first), status: any}}}
                  before_discussion: {last: {steps: {type: \(latest), on_or_before: $first_target}}}
                """)
    }

    @Test func latestRiskAssessmentBeforeFirstExpertReviewMustPass() throws {
        let rules = try BuiltinRules.load(extra: [("v1.yaml", try Self.latestBeforeFirst("LOCAL-1", latest: "risk_assessment", first: "expert_review"))])
        let failing = """
            id: V-1
            kind: major_administrative_decision
            title: 示例
            steps:
              - {type: risk_assessment, date: 2024-03-01, outcome: passed}
              - {type: risk_assessment, date: 2024-03-05, outcome: failed}
              - {type: expert_review, date: 2024-03-10}
              - {type: risk_assessment, date: 2024-03-20, outcome: passed}
            """
        let findings = try BuiltinRules.check(failing, rules: rules, asOf: "2024-12-31", only: { $0.id == "LOCAL-1" })
        #expect(findings.map(\.rule) == ["LOCAL-1"])
        #expect(findings.first?.position?.line == 6)
        let passing = failing.replacingOccurrences(of: "outcome: failed", with: "outcome: conditional")
        #expect(try BuiltinRules.check(passing, rules: rules, asOf: "2024-12-31", only: { $0.id == "LOCAL-1" }).isEmpty)
    }

    @Test func latestLegalReviewBeforeFirstDecisionMustPass() throws {
        // (Of penalty cases, whose review legal_review is: in a decision the vocabulary refuses it.)
        let rule = try Self.latestBeforeFirst("LOCAL-2", latest: "legal_review", first: "decision")
            .replacingOccurrences(of: "kinds: [major_administrative_decision]", with: "kinds: [administrative_penalty]")
        let rules = try BuiltinRules.load(extra: [("v2.yaml", rule)])
        let record = """
            id: V-2
            kind: administrative_penalty
            title: 示例
            steps:
              - {type: legal_review, date: 2024-05-01, outcome: returned}
              - {type: decision, date: 2024-05-02}
            """
        #expect(try BuiltinRules.check(record, rules: rules, asOf: "2024-12-31", only: { $0.id == "LOCAL-2" }).map(\.rule) == ["LOCAL-2"])
        let noReview = record.replacingOccurrences(of: "  - {type: legal_review, date: 2024-05-01, outcome: returned}\n", with: "")
        try #require(!noReview.contains("legal_review"))
        #expect(try BuiltinRules.check(noReview, rules: rules, asOf: "2024-12-31", only: { $0.id == "LOCAL-2" }).isEmpty)
    }

    static let localFilingRule = """
        id: LOCAL-NOR-001
        severity: warning
        kinds: [normative_document]
        title: {zh: 未在15个工作日内备案, en: Not filed within 15 working days}
        message: {zh: "{publication.date} 公布，应在 {deadline} 前备案", en: "published on {publication.date}; to be filed by {deadline}"}
        basis: {instrument: 某市行政规范性文件管理办法, article: 第二十条}
        parameters: {working_days: 15}
        let:
          publication: {first: {steps: {type: publication}}}
          deadline: {add_working_days: [$publication, $param.working_days]}
        when: {exists: $publication}
        violation:
          all:
            - {missing: {steps: {type: filing, on_or_after: $publication, on_or_before: $deadline}}}
            - {gt: [$as_of, $deadline]}
        at: $publication
        """

    @Test func aLocalFilingDeadlineInWorkingDays() throws {
        let rules = try BuiltinRules.load(extra: [("local.yaml", Self.localFilingRule)])
        // Published Thursday 2025-09-25: the 15th working day after it, across National Day, is 2025-10-22.
        let record = """
            id: V-3
            kind: normative_document
            title: 示例
            steps:
              - {type: publication, date: 2025-09-25}
              - {type: filing, date: FILED}
            """
        let onTime = record.replacingOccurrences(of: "FILED", with: "2025-10-22")
        let late = record.replacingOccurrences(of: "FILED", with: "2025-10-23")
        let only: (Rule) -> Bool = { $0.id == "LOCAL-NOR-001" }
        #expect(try BuiltinRules.check(onTime, rules: rules, asOf: "2025-12-31", only: only).isEmpty)
        let findings = try BuiltinRules.check(late, rules: rules, asOf: "2025-12-31", only: only)
        #expect(findings.map(\.message.zh) == ["2025-09-25 公布，应在 2025-10-22 前备案"])
        let notYetDue = record.replacingOccurrences(of: "\n  - {type: filing, date: FILED}", with: "")
        try #require(!notYetDue.contains("FILED"))
        #expect(try BuiltinRules.check(notYetDue, rules: rules, asOf: "2025-10-22", only: only).isEmpty)
        #expect(try BuiltinRules.check(notYetDue, rules: rules, asOf: "2025-10-23", only: only).count == 1)
    }

    /// A local info rule with the same message in both languages; `body` holds its lets and violation.
    static func infoRule(_ id: String, message: String, body: String) -> String {
        """
        id: \(id)
        severity: info
        title: {zh: 标题, en: title}
        message: {zh: "\(message)", en: "\(message)"}
        basis: {instrument: 测试}
        \(body)
        """
    }

    @Test func booleansAndDistinctMappingsCompareAsValues() throws {
        let rule = Self.infoRule("LOCAL-3", message: "{count}", body: """
            let:
              count: {count: {distinct: $steps.signoffs}}
            violation: {all: [{ne: [$facts.urgent, false]}, {eq: [$count, 2]}]}
            """)
        let rules = try BuiltinRules.load(extra: [("local.yaml", rule)])
        let record = """
            id: V-4
            kind: other
            title: 示例
            facts: {urgent: true}
            steps:
              - {type: legality_review, date: 2024-05-01, signoffs: [{person: P-1, role: legal_adviser}, {person: P-2, role: legal_adviser}]}
            """
        let findings = try BuiltinRules.check(record, rules: rules, asOf: "2024-12-31", only: { $0.id == "LOCAL-3" })
        #expect(findings.map(\.message.en) == ["2"])
        let notUrgent = record.replacingOccurrences(of: "urgent: true", with: "urgent: false")
        #expect(try BuiltinRules.check(notUrgent, rules: rules, asOf: "2024-12-31", only: { $0.id == "LOCAL-3" }).isEmpty)
    }

    /// `distinct` keeps each item's first place and treats texts alike when Swift does (a name in
    /// other bytes of the same text is one name), for a short list, searched in place, and a long
    /// one, which goes through a set.
    @Test(arguments: [2, 12])
    func distinctKeepsFirstPlacesInShortAndLongLists(stepCount: Int) throws {
        let rule = Self.infoRule("LOCAL-4", message: "{count}: {people}", body: """
            let:
              people: {distinct: $steps.by}
              count: {count: $people}
            violation: {exists: $people}
            """)
        let rules = try BuiltinRules.load(extra: [("local.yaml", rule)])
        // Each step lists the same five names, one of them in a decomposed spelling every other step.
        var steps = ""
        for index in 0..<stepCount {
            let cafe = index % 2 == 0 ? "caf\u{E9}" : "cafe\u{301}"
            steps += "  - {type: legality_review, date: 2024-05-\(String(format: "%02d", index + 1)), by: [P-2, \"\(cafe)\", P-1, P-2, P-3]}\n"
        }
        let record = "id: V-5\nkind: other\ntitle: 示例\nsteps:\n" + steps
        let findings = try BuiltinRules.check(record, rules: rules, asOf: "2024-12-31", only: { $0.id == "LOCAL-4" })
        #expect(findings.map(\.message.en) == ["4: P-2, caf\u{E9}, P-1, P-3"])
    }

    @Test func noCatalogueRuleIdAppearsInSources() throws {
        let sources = BuiltinRules.folder.deletingLastPathComponent().appendingPathComponent("Sources")
        let enumerator = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        let pattern = try Regex(#"(REC|MAD|PEN|NOR)-0\d\d"#)
        var offenders: [String] = []
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            let text = try String(contentsOf: url, encoding: .utf8)
            if text.contains(pattern) { offenders.append(url.lastPathComponent) }
        }
        #expect(offenders.isEmpty, "rule ids in Swift sources: \(offenders)")
    }
}
