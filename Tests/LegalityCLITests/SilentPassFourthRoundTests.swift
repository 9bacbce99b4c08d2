import Foundation
import Testing

/// Records that meant the same as a record reported and passed without a word (a review that
/// mutated every rule's triggering examples as clerks write them, and one comparing the commands'
/// verdicts on the same records): each is now reported, or counted as not checked.
@Suite struct SilentPassFourthRoundTests {
    static let asOf = ["--as-of", "2024-12-31"]

    /// A penalty case of one officer (PEN-001) whose list holds a second entry.
    static func oneOfficer(_ officers: String) -> String {
        """
        id: C-1
        kind: administrative_penalty
        title: 某商店销售过期食品案
        steps:
          - {type: investigation, date: 2024-03-10, officers: \(officers), credentials_shown: true}
        """
    }

    static func check(_ files: [String: String], _ arguments: [String] = []) throws -> CLIRunner.Result {
        try CLIRunner.run(["check", "--format", "json", "."] + asOf + arguments, in: try CLIRunner.folder(files))
    }

    /// A major penalty case without legal review (PEN-005) whose facts are written otherwise.
    static func majorCase(facts: String) -> String {
        """
        id: C-2
        kind: administrative_penalty
        title: 某企业违法排污案
        facts: \(facts)
        steps:
          - {type: case_filing, date: 2024-03-01}
          - {type: investigation, date: 2024-03-05, officers: [P-3, P-4], credentials_shown: true}
          - {type: notice_of_rights, date: 2024-03-10}
          - {type: decision, date: 2024-03-20, by: [P-1]}
        """
    }

    /// `officers: [P-1, ""]`, `[P-1, 待定]`: the blank or the word for no one was a second officer,
    /// and without a registry PEN-001 passed. Each is now no person id (REC-003), registry or none.
    @Test func aBlankOrPlaceholderPersonIsNoPerson() throws {
        for officers in ["[P-3, \"\"]", "[P-3, \"　\"]", "[P-3, 待定]", "[P-3, 无]", "[P-3, \"-\"]", "[P-3, N/A]"] {
            let result = try Self.check(["c.yaml": Self.oneOfficer(officers)])
            #expect(result.status == 1, "\(officers): \(result.stdout)")
            #expect(result.stdout.contains("\"rule\": \"REC-003\""), "\(officers): \(result.stdout)")
            #expect(result.stdout.contains("不是人员编号"), "\(officers): \(result.stdout)")
        }
        // With a registry, a blank id or a word for no one is not also "a person not in the
        // registry" (REC-004 asks `stands_for_no_one`: `待定` was reported twice).
        for officers in ["[P-3, \"\"]", "[P-3, 待定]", "[P-3, N/A]"] {
            let registered = try Self.check(["registry.yaml": Fixtures.registry, "c.yaml": Self.oneOfficer(officers)])
            #expect(registered.stdout.contains("\"rule\": \"REC-003\""), "\(officers): \(registered.stdout)")
            #expect(!registered.stdout.contains("\"rule\": \"REC-004\""), "\(officers): \(registered.stdout)")
        }
        // An office's own word, added to the vocabulary beside its rules, is one too.
        let own = try Self.check([
            "registry.yaml": Fixtures.registry, "c.yaml": Self.oneOfficer("[P-3, 尚未指定]"),
            "rules/vocabulary.yaml": "vocabulary:\n  no_one_words:\n    no_one: {zh: 无人, en: no one, also: [尚未指定]}\n",
        ], ["--rules", "rules"])
        #expect(own.stdout.contains("\"rule\": \"REC-003\"") && !own.stdout.contains("\"rule\": \"REC-004\""), "\(own.stdout)")
        // Ids are still ids: two officers of the registry pass PEN-001.
        let two = try Self.check(["registry.yaml": Fixtures.registry, "c.yaml": Self.oneOfficer("[P-3, P-4]")])
        #expect(!two.stdout.contains("\"rule\": \"REC-003\"") && !two.stdout.contains("\"rule\": \"PEN-001\""), "\(two.stdout)")
        // A signoff by 无 is no signoff.
        let signoff = Fixtures.compliant.replacingOccurrences(of: "{person: P-2, role: legal_adviser", with: "{person: 无, role: legal_adviser")
        #expect(signoff != Fixtures.compliant)
        let signed = try Self.check(["registry.yaml": Fixtures.registry, "a.yaml": signoff])
        #expect(signed.stdout.contains("签署人“无”不是人员编号"), "\(signed.stdout)")
    }

    /// `facts: {facts: {major: true}}`, `案件情况: {major: true}`, `tags: [major]`: a fact one level
    /// down was read by no rule and reported by none, and a major case passed unreviewed.
    @Test func aFactWrittenOneLevelDownIsReported() throws {
        for facts in ["{facts: {major: true}}", "{案件情况: {major: true}}", "{tags: [major, complex]}", "{案件情况: {重大案件: 是}}"] {
            let result = try Self.check(["registry.yaml": Fixtures.registry, "c.yaml": Self.majorCase(facts: facts)])
            #expect(result.stdout.contains("\"rule\": \"REC-007\""), "\(facts): \(result.stdout)")
            #expect(result.stdout.contains("规则只读取直接写在 facts 下的事实"), "\(facts): \(result.stdout)")
        }
        // One saying no hides nothing; a flat fact is read.
        let no = try Self.check(["registry.yaml": Fixtures.registry, "c.yaml": Self.majorCase(facts: "{案件情况: {major: false}}")])
        #expect(!no.stdout.contains("规则只读取直接写在 facts 下的事实"), "\(no.stdout)")
        let flat = try Self.check(["registry.yaml": Fixtures.registry, "c.yaml": Self.majorCase(facts: "{major: true}")])
        #expect(flat.stdout.contains("\"rule\": \"PEN-005\""), "\(flat.stdout)")
    }

    /// `public_interest`, `social_stability`, `needs_expert_review`: English names of a fact that
    /// drop a word of its code passed silently where the Chinese ones were reported.
    @Test func englishNamesOfAFactAreReported() throws {
        for (key, meant) in [("public_interest", "affects_public_interest"), ("social_stability", "stability_risk"),
                             ("stability_risk_assessment", "stability_risk"), ("needs_expert_review", "technical")] {
            let record = Fixtures.compliant.replacingOccurrences(of: "title: 某镇老旧小区改造方案\n", with: "title: 某镇老旧小区改造方案\nfacts: {\(key): true}\n")
            #expect(record != Fixtures.compliant)
            let result = try Self.check(["registry.yaml": Fixtures.registry, "a.yaml": record])
            #expect(result.stdout.contains("\"rule\": \"REC-007\""), "\(key): \(result.stdout)")
            #expect(result.stdout.contains(meant), "\(key): \(result.stdout)")
        }
    }

    /// `channel: 县政府门户网站` followed by `      status:planned` (deeper, no space after the colon)
    /// is one text: the planned publication was read as done, and MAD-013 went unsaid.
    @Test func aKeyFoldedIntoTheTextAboveIsReported() throws {
        for line in ["      status:planned", "      status：计划", "      状态：计划"] {
            let record = Fixtures.compliant.replacingOccurrences(
                of: "  - {type: publication, date: 2024-03-25}", with: "  - type: publication\n    date: 2024-03-25\n    channel: 县政府门户网站\n\(line)")
            #expect(record != Fixtures.compliant)
            let result = try Self.check(["registry.yaml": Fixtures.registry, "a.yaml": record])
            #expect(result.stdout.contains("\"rule\": \"REC-007\""), "\(line): \(result.stdout)")
            #expect(result.stdout.contains("文字跨行续写"), "\(line): \(result.stdout)")
        }
        // A text over two lines of words alone is a text.
        let words = Fixtures.compliant.replacingOccurrences(
            of: "  - {type: publication, date: 2024-03-25}", with: "  - type: publication\n    date: 2024-03-25\n    channel: 县政府门户网站\n      及政务公开栏 备注:见附件")
        let plain = try Self.check(["registry.yaml": Fixtures.registry, "a.yaml": words])
        #expect(!plain.stdout.contains("文字跨行续写"), "\(plain.stdout)")
    }

    /// `staus: planned` in the review: `check` warned, the gate held the item back, the annual
    /// report said the record could not be checked, and the audit counted MAD-001 as passed at
    /// 100 %. The audit now counts the record as not checkable by the rules it leaves in doubt.
    @Test func aMisreadKeyLeavesTheAuditsRatesInDoubt() throws {
        let misread = Fixtures.compliant.replacingOccurrences(of: "    outcome: passed\n", with: "    outcome: passed\n    staus: planned\n")
        #expect(misread != Fixtures.compliant)
        let files = ["registry.yaml": Fixtures.registry, "a.yaml": misread]
        let rules = try CLIRunner.run(["audit", ".", "--from", "2024-01-01", "--to", "2024-12-31", "--table", "rules", "--lang", "en"] + Self.asOf, in: try CLIRunner.folder(files))
        let row = rules.stdout.split(whereSeparator: \.isNewline).first { $0.hasPrefix("MAD-001,") }.map(String.init)
        #expect(row?.hasPrefix("MAD-001,No legality review,1,0,1,0,1,0.0%") == true, "\(rules.stdout)")
        let records = try CLIRunner.run(["audit", ".", "--from", "2024-01-01", "--to", "2024-12-31", "--table", "records"] + Self.asOf, in: try CLIRunner.folder(files))
        #expect(records.stdout.contains("无法核查"), "\(records.stdout)")
        #expect(records.stdout.contains("有疑似误写的键未被读取"), "\(records.stdout)")
        // A penalty case with a fact keyed in words of its own: PEN-005, which did not apply by
        // its facts, could not be checked either.
        let penalty = ["registry.yaml": Fixtures.registry, "c.yaml": Self.majorCase(facts: "{案件类型: 重大}")]
        let penaltyRules = try CLIRunner.run(["audit", ".", "--from", "2024-01-01", "--to", "2024-12-31", "--table", "rules", "--lang", "en"] + Self.asOf, in: try CLIRunner.folder(penalty))
        #expect(penaltyRules.stdout.split(whereSeparator: \.isNewline).contains { $0.hasPrefix("PEN-005,") && $0.contains(",1,0,1,0,1,") }, "\(penaltyRules.stdout)")
        // The compliant record is compliant still.
        let clean = try CLIRunner.run(["audit", ".", "--from", "2024-01-01", "--to", "2024-12-31", "--table", "rules", "--lang", "en"] + Self.asOf,
                                      in: try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant]))
        #expect(clean.stdout.contains("MAD-001,No legality review,1,1,0,0,0,100.0%"), "\(clean.stdout)")
    }

    /// `--fail-on never`: the text, JSON and SARIF summaries said a record failed, and the JUnit of
    /// the same run said no test did (a CI dashboard showed green). The exit status stays 0.
    @Test func junitUnderFailOnNeverFailsTheRecordsTheSummariesCount() throws {
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": Fixtures.lateReview])
        let junit = try CLIRunner.run(["check", ".", "--format", "junit", "--fail-on", "never"] + Self.asOf, in: folder)
        #expect(junit.status == 0, "\(junit.stderr)")
        #expect(junit.stdout.contains("<testsuites name=\"legality\" tests=\"1\" failures=\"1\""), "\(junit.stdout)")
        #expect(junit.stdout.contains("<failure message=\"MAD-002"), "\(junit.stdout)")
        let json = try CLIRunner.run(["check", ".", "--format", "json", "--fail-on", "never"] + Self.asOf, in: folder)
        #expect(json.stdout.contains("\"failed\": 1"), "\(json.stdout)")
    }

    /// The list a text of ids is told to be: `"P-1 P-2"` was told `[P-1 P-2]` (one id) and
    /// `"[P-1, P-2]"` was told `[[P-1, P-2]]` (a list in a list, refused in turn).
    @Test func aTextOfIdsIsToldTheListItHolds() throws {
        let record = """
            id: A-1
            kind: administrative_penalty
            title: 某案
            steps:
              - {type: investigation, date: 2024-03-01, officers: "P-3 P-4"}
              - {type: decision, date: 2024-03-05, by: "[P-1, P-2]"}
              - {type: decision, date: 2024-03-06, by: "张 三"}
            """
        let result = try CLIRunner.run(["check", "."] + Self.asOf, in: try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": record]))
        #expect(result.stdout.contains("应写成列表：officers: [P-3, P-4]"), "\(result.stdout)")
        #expect(result.stdout.contains("应写成列表：by: [P-1, P-2]"), "\(result.stdout)")
        // A name with a space in it is one name.
        #expect(result.stdout.contains("应写成列表：by: [张 三]"), "\(result.stdout)")
    }

    /// `TYPE` and `ｓｕｂｍｉｔｔｅｄ` got no hint where `Type` did; a fact written in a step got the
    /// words of any unknown key, not where it belongs.
    @Test func keysInOtherCaseOrWidthAndFactsInAStepAreToldWhatTheyAre() throws {
        let record = Fixtures.compliant.replacingOccurrences(of: "    submitted: 2024-03-01\n", with: "    ｓｕｂｍｉｔｔｅｄ: 2024-03-01\n    stability_risk: true\n")
            .replacingOccurrences(of: "  - type: collective_discussion", with: "  - TYPE: collective_discussion")
        #expect(record != Fixtures.compliant)
        let result = try CLIRunner.run(["check", "."] + Self.asOf, in: try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": record]))
        #expect(result.stdout.contains("字段 ｓｕｂｍｉｔｔｅｄ 既不是记录格式的字段，也没有规则读取它；是否应为 submitted？"), "\(result.stdout)")
        #expect(result.stdout.contains("字段 TYPE 既不是记录格式的字段，也没有规则读取它；是否应为 type？"), "\(result.stdout)")
        #expect(result.stdout.contains("字段 stability_risk 是一项事实，应写在记录的 facts 下"), "\(result.stdout)")
    }

    /// What the regression review of these checks found them saying of lawful records: a note of
    /// the office's own over several lines (`x_备注`), a channel continued with a time or a type, an
    /// office's own facts holding a number or a grade under a fact's name, a nested fact saying
    /// "not" in words of its own. None is reported, nor holds the gate; a blank signoff is REC-003.
    @Test func lawfulRecordsAreNotReportedByTheseChecks() throws {
        let noted = Fixtures.compliant.replacingOccurrences(
            of: "  - {type: publication, date: 2024-03-25}",
            with: "  - type: publication\n    date: 2024-03-25\n    channel: 县政府门户网站\n      时间：上午9:30 类型：政策文件\n    x_备注: 审查人孟庆云\n      结果：同意 状态：已完成")
        #expect(noted != Fixtures.compliant)
        let notes = try Self.check(["registry.yaml": Fixtures.registry, "a.yaml": noted])
        #expect(!notes.stdout.contains("\"rule\": \"REC-007\""), "\(notes.stdout)")
        let own = Fixtures.compliant.replacingOccurrences(of: "title: 某镇老旧小区改造方案\n", with: """
            title: 某镇老旧小区改造方案
            facts:
              专家组: {technical: 3, legal: 2}
              policy_goals: [stability, employment]
              风险评估结论: {社会稳定风险: 低风险}
              复杂程度: {complex: 不复杂, stability_risk: 非重大}

            """)
        #expect(own != Fixtures.compliant)
        let facts = try Self.check(["registry.yaml": Fixtures.registry, "a.yaml": own])
        #expect(!facts.stdout.contains("规则只读取直接写在 facts 下的事实"), "\(facts.stdout)")
        #expect(!facts.stdout.contains("\"rule\": \"REC-007\"") && facts.status == 0, "\(facts.stdout)")
        let blank = Fixtures.compliant.replacingOccurrences(of: "{person: P-2, role: legal_adviser", with: "{person: P-2, role: legal_adviser, date: 2024-03-15}\n      - {person: \"\", role: head")
        #expect(blank != Fixtures.compliant)
        let signed = try Self.check(["registry.yaml": Fixtures.registry, "a.yaml": blank])
        #expect(signed.stdout.contains("\"rule\": \"REC-003\""), "\(signed.stdout)")
    }
}
