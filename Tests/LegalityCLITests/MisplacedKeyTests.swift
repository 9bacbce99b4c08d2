import Foundation
import Testing

/// Lines indented one level too deep or too shallow: a key of the format where the format does
/// not put it is reported, never taken as known because some rule reads a key of that name
/// elsewhere, and steps written under `documents:` do not vanish.
@Suite struct MisplacedKeyTests {
    static func findings(_ record: String, arguments: [String] = []) throws -> [[String: Any]] {
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": record])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "json", "--lang", "en"] + arguments + ["a.yaml"], in: folder)
        return try #require(try CLIRunner.json(result.stdout)["findings"] as? [[String: Any]])
    }

    /// `status: planned` written in the review's signoff instead of the review: the planned review
    /// was read as done, and the record passed with nothing said (rules read a step's `status`,
    /// which made `status` a known key everywhere).
    @Test(arguments: [
        ("    signoffs:\n      - {person: P-2, role: legal_adviser, date: 2024-03-15}", "    signoffs:\n      - {person: P-2, role: legal_adviser, date: 2024-03-15, status: planned}", "a signoff of step 1", "a step"),
        ("    outcome: passed\n", "    outcome: passed\n    signoffs_note: {form: opinion_solicitation}\n", nil, nil),
        ("meeting: {type: executive, minutes: true}", "meeting: {type: executive, minutes: true, date: 2024-03-20}", "the meeting of step 2", "a step or a signoff"),
        ("title: 某镇老旧小区改造方案\n", "title: 某镇老旧小区改造方案\nstatus: planned\n", "the record", "a step"),
    ] as [(String, String, String?, String?)])
    func aKeyOfTheFormatAtAnotherLevelIsReported(original: String, misplaced: String, level: String?, belongs: String?) throws {
        let record = Fixtures.compliant.replacingOccurrences(of: original, with: misplaced)
        #expect(record != Fixtures.compliant)
        let keys = try Self.findings(record).filter { $0["rule"] as? String == "REC-007" }.compactMap { $0["message"] as? String }
        #expect(keys.count == 1, "\(keys)")
        if let level, let belongs {
            #expect(keys.first?.contains("of \(level) is a key of \(belongs), not of this level; is it indented wrongly?") == true, "\(keys)")
        }
    }

    /// Steps indented under a step's `documents:` vanished: a discussion after a failed review,
    /// and the decision, checked clean.
    @Test func stepsWrittenUnderDocumentsAreReported() throws {
        let record = """
            id: T-1
            kind: major_administrative_decision
            title: 缩进错误
            steps:
              - type: legality_review
                date: 2024-03-12
                outcome: failed
                signoffs: [{person: P-2, role: legal_adviser, date: 2024-03-10}]
                documents:
                  - {type: review_opinion, ref: 审〔2024〕4号}
                  - type: 集体讨论
                    date: 2024-03-14
                    meeting: {type: executive, minutes: true}
                  - {type: decision, date: 2024-03-30, by: [P-1]}
            """
        let findings = try Self.findings(record)
        let steps = findings.filter { $0["rule"] as? String == "REC-003" }.compactMap { $0["message"] as? String }
        #expect(steps.count == 2 && steps.allSatisfy { $0.contains("is a step") && $0.contains("not a document; is it indented too deep?") }, "\(steps)")
        // A document is none of these, a decision document with its own date and keys of the
        // office's own too.
        let documents = "    documents: [{type: review_opinion, ref: 审〔2024〕1号}, {type: decision, ref: 政发〔2024〕1号, date: 2024-03-20, x_note: 1, pages: 3}]\n"
        let plain = try Self.findings(Fixtures.compliant.replacingOccurrences(of: "    outcome: passed\n", with: "    outcome: passed\n" + documents))
        #expect(plain.isEmpty, "\(plain)")
    }

    /// A key a local rule reads that is none of the format's is still known wherever it is written.
    @Test func aKeyOfARuleOfOneselfIsKnown() throws {
        let rule = TestCommandTests.rule.replacingOccurrences(of: "{missing: $decision.by}", with: "{missing: $decision.served_on}")
        let folder = try CLIRunner.folder([
            "registry.yaml": Fixtures.registry, "local/rule.yaml": rule,
            "a.yaml": Fixtures.compliant.replacingOccurrences(of: "{type: decision, date: 2024-03-20, by: [P-1]}", with: "{type: decision, date: 2024-03-20, by: [P-1], served_on: 2024-03-21}"),
        ])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "json", "--rules", "local", "a.yaml"], in: folder)
        let findings = try #require(try CLIRunner.json(result.stdout)["findings"] as? [[String: Any]])
        #expect(!findings.contains { $0["rule"] as? String == "REC-007" }, "\(findings)")
    }

    /// A key of the format a local rule reads where it is written is known there: the rule's own
    /// finding stood beside "no rule reads it" (v2: a key no loaded rule reads; the engine knows
    /// every field path its rules read). The same key elsewhere is still at the wrong level.
    @Test func aKeyOfTheFormatALocalRuleReadsWhereItStandsIsKnown() throws {
        let rules = """
            id: LOCAL-1
            severity: warning
            basis: {instrument: 本地规定, article: 第一条}
            title: {zh: 登记日期, en: Registered}
            message: {zh: "登记 {record.date}", en: "registered {record.date}"}
            violation: {exists: $record.date}
            ---
            id: LOCAL-2
            severity: warning
            basis: {instrument: 本地规定, article: 第二条}
            title: {zh: 签署未完成, en: Signoff pending}
            message: {zh: 签署未完成, en: signoff pending}
            for_each:
              review: {steps: {type: legality_review}}
              signoff: $review.signoffs
            violation: {eq: [$signoff.status, pending]}
            ---
            id: LOCAL-3
            severity: warning
            basis: {instrument: 本地规定, article: 第三条}
            title: {zh: 会议日期, en: Meeting date}
            message: {zh: 会议日期不同, en: the meeting's date differs}
            for_each:
              discussion: {steps: {type: collective_discussion}}
            violation: {ne: [$discussion.meeting.date, $discussion.date]}
            """
        let record = Fixtures.compliant
            .replacingOccurrences(of: "title: 某镇老旧小区改造方案\n", with: "title: 某镇老旧小区改造方案\ndate: 2024-03-01\n")
            .replacingOccurrences(of: "role: legal_adviser, date: 2024-03-15}", with: "role: legal_adviser, date: 2024-03-15, status: pending}")
            .replacingOccurrences(of: "meeting: {type: executive, minutes: true}", with: "meeting: {type: executive, minutes: true, date: 2024-03-19}")
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "local/rules.yaml": rules, "a.yaml": record])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "json", "--rules", "local", "a.yaml"], in: folder)
        let findings = try #require(try CLIRunner.json(result.stdout)["findings"] as? [[String: Any]])
        #expect(findings.compactMap { $0["rule"] as? String }.sorted() == ["LOCAL-1", "LOCAL-2", "LOCAL-3"], "\(findings)")
        // Without the rules, each is a key at the wrong level.
        let plain = try Self.findings(record)
        #expect(plain.filter { $0["rule"] as? String == "REC-007" }.count == 3, "\(plain)")
    }

    /// A `for_each` variable is typed by its list: over a definition, `{first: …}`, `items` of a
    /// let's signoffs, its comparisons of codes with names and its typos were unchecked (a rule
    /// fired on every review written 通过), and its reads of a signoff's keys were taken for reads
    /// at no known level. Over a meeting's own `signoffs` (no step's), a signoff's keys are not made known.
    @Test(arguments: [
        ("r: $latest_review_before_discussion", "violation: {ne: [$r.outcome, 通过]}", "write 'passed' for '通过'"),
        ("d: {first: {steps: {type: decision}}}", "violation: {exists: $d.outcom}", "did you mean 'outcome'"),
        ("s: {items: {in: $review.signoffs, where: {exists: $it.person}}}", "violation: {in: [$s.rol, [legal_adviser]]}", "did you mean 'role'"),
        ("d: $first_discussion", "violation: {ne: [$d.meeting.type, 常务会议]}", "write 'executive' for '常务会议'"),
    ] as [(String, String, String)])
    func aLoopVariableIsTypedByItsList(loop: String, violation: String, error: String) throws {
        let rule = """
            id: LOCAL-1
            severity: warning
            basis: {instrument: 本地规定, article: 第一条}
            title: {zh: 测试, en: Test}
            message: {zh: 测试, en: test}
            let:
              review: {first: {steps: {type: legality_review}}}
            for_each:
              \(loop)
            \(violation)
            """
        let folder = try CLIRunner.folder(["local/rule.yaml": rule])
        let lint = try CLIRunner.run(["rules", "lint", "--lang", "en", "local"], in: folder)
        #expect(lint.status == 2, "\(lint.stdout)")
        #expect(lint.stderr.contains(error), "\(lint.stderr)")
    }

    @Test func signoffKeysReadThroughListsOfSignoffsAreKnownAtTheirLevel() throws {
        let rules = """
            id: LOCAL-1
            severity: warning
            basis: {instrument: 本地规定, article: 第一条}
            title: {zh: 签署未通过, en: Signoff failed}
            message: {zh: 签署未通过, en: signoff failed}
            for_each:
              s: {distinct: $steps.signoffs}
            violation: {eq: [$s.outcome, failed]}
            ---
            id: LOCAL-2
            severity: warning
            basis: {instrument: 本地规定, article: 第二条}
            title: {zh: 签到缺席, en: Absent}
            message: {zh: 缺席, en: absent}
            for_each:
              d: {steps: {type: collective_discussion}}
              s: $d.meeting.signoffs
            violation: {eq: [$s.status, absent]}
            ---
            id: LOCAL-3
            severity: warning
            basis: {instrument: 本地规定, article: 第三条}
            title: {zh: 签署待定, en: Pending}
            message: {zh: 待定, en: pending}
            for_each:
              review: {steps: {type: legality_review}}
              signoff: $signoffs
            let:
              signoffs: $review.signoffs
            violation: {eq: [$signoff.form, written]}
            """
        let record = Fixtures.compliant.replacingOccurrences(of: "role: legal_adviser, date: 2024-03-15}", with: "role: legal_adviser, date: 2024-03-15, outcome: failed, status: planned, form: written}")
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "local/rules.yaml": rules, "a.yaml": record])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "json", "--lang", "en", "--rules", "local", "a.yaml"], in: folder)
        let findings = try #require(try CLIRunner.json(result.stdout)["findings"] as? [[String: Any]])
        #expect(findings.contains { $0["rule"] as? String == "LOCAL-1" } && findings.contains { $0["rule"] as? String == "LOCAL-3" }, "\(findings)")
        // `outcome` and `form` are read of signoffs (`form` through a let of an earlier loop's
        // variable); `status` only of a meeting's own signoffs, not a step's.
        let keys = findings.filter { $0["rule"] as? String == "REC-007" }.compactMap { $0["message"] as? String }
        #expect(keys.count == 1 && keys.allSatisfy { $0.contains("the key 'status' of a signoff") }, "\(keys)")
    }

    /// A key of the format read at a level the format does not put it (a step's `attendees` read
    /// from its meeting) is loaded, as a key of an office's own may be, but `rules lint` warns of
    /// it: the rule never saw the attendees records write on the step. A vocabulary declaring the
    /// key at that level silences it.
    @Test func lintWarnsOfAFormatKeyReadAtAnotherLevel() throws {
        let rule = """
            id: LOCAL-1
            severity: error
            kinds: [major_administrative_decision]
            basis: {instrument: 本地规定, article: 第一条}
            title: {zh: 无法律顾问列席, en: No legal adviser present}
            message: {zh: 无法律顾问列席, en: no legal adviser present}
            let:
              d: {first: {steps: {type: collective_discussion}}}
            when: {exists: $d.meeting.attendees}
            violation: {missing: $d.meeting.attendees}
            """
        let folder = try CLIRunner.folder(["local/rule.yaml": rule])
        let lint = try CLIRunner.run(["rules", "lint", "--lang", "en", "local"], in: folder)
        #expect(lint.status == 0, "\(lint.stderr)")
        #expect(lint.stdout.contains("warning: LOCAL-1: 'attendees' in '$d.meeting.attendees' is the format's key of a step, read here of a meeting"), "\(lint.stdout)")
        #expect(lint.stdout.components(separatedBy: "'attendees' in").count == 2, "said once: \(lint.stdout)")
        let declared = try CLIRunner.folder(["local/rule.yaml": rule, "local/vocabulary.yaml": "vocabulary:\n  meeting_keys:\n    attendees: {zh: 列席人员, en: attendees}\n"])
        let quiet = try CLIRunner.run(["rules", "lint", "--lang", "en", "local"], in: declared)
        #expect(!quiet.stdout.contains("'attendees' in"), "\(quiet.stdout)")
        // The built-in rules read no key where the format does not put it.
        let builtin = try CLIRunner.run(["rules", "lint", "--lang", "en"])
        #expect(!builtin.stdout.contains("is the format's key of"), "\(builtin.stdout)")
    }
}
