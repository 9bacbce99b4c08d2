import Foundation
import Testing

/// Records and ledgers written as clerks write them that went to the meeting READY, or passed
/// `check`, under a warning at most (a review of the gate and the record pack as a clerk uses
/// them): each is now held back or reported.
@Suite struct SilentPassFifthRoundTests {
    static let meeting = ["--meeting", "2024-03-20", "--format", "json", "."]

    /// The verdicts of the gate of 2024-03-20 on a folder, by record id (true: READY).
    static func verdicts(_ files: [String: String]) throws -> [String: Bool] {
        let result = try CLIRunner.run(["gate"] + meeting, in: try CLIRunner.folder(files))
        let items = try #require(try CLIRunner.json(result.stdout)["items"] as? [[String: Any]], "\(result.stdout)\(result.stderr)")
        var verdicts: [String: Bool] = [:]
        for item in items {
            if let record = item["record"] as? String, let ready = item["ready"] as? Bool { verdicts[record] = ready }
        }
        return verdicts
    }

    /// The compliant record (`Fixtures.compliant`) as it stands before its meeting of 2024-03-20:
    /// reviewed, the discussion on the meeting day, no decision yet. READY.
    static let agendaItem = Fixtures.compliant.split(separator: "\n", omittingEmptySubsequences: false)
        .filter { !$0.contains("type: decision") && !$0.contains("type: publication") }.joined(separator: "\n")

    /// The agenda item with `extra` added to its review step.
    static func review(adding extra: String) -> String {
        agendaItem.replacingOccurrences(of: "    outcome: passed\n", with: "    outcome: passed\n\(extra)\n")
    }

    /// A failed review written under a key of its own, beside `steps` (`补充步骤`, `步骤`, the
    /// vocabulary's own name for `steps`) or inside the review (`复审`): no rule read it, `check`
    /// exited 0 and the gate said READY under a warning. Now REC-003, and the item BLOCKED.
    @Test func aStepWrittenOutsideStepsIsNoPass() throws {
        let failed = "{type: legality_review, date: 2024-03-18, outcome: failed, by: [P-2]}"
        let records = [
            "outside": Self.agendaItem + "\n补充步骤:\n  - \(failed)\n",
            "chinese": Self.agendaItem + "\n步骤:\n  - \(failed)\n",
            "inside": Self.review(adding: "    复审: \(failed)"),
            "nested": Self.agendaItem + "\n补充材料:\n  复审: \(failed)\n",
            "chineseKeys": Self.agendaItem + "\n补充步骤:\n  - {类型: 合法性审查, 日期: 2024-03-18, 结论: 不通过}\n",
            "facts": Self.agendaItem.replacingOccurrences(of: "steps:\n", with: "facts:\n  复审: \(failed)\nsteps:\n"),
        ]
        for (name, record) in records {
            let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "r.yaml": record])
            let check = try CLIRunner.run(["check", "--format", "json", "--as-of", "2024-03-31", "."], in: folder)
            #expect(check.status == 1, "\(name): \(check.stdout)")
            #expect(check.stdout.contains("\"rule\": \"REC-003\"") && check.stdout.contains("不在记录的 steps 中"), "\(name): \(check.stdout)")
            #expect(try Self.verdicts(["registry.yaml": Fixtures.registry, "r.yaml": record]) == ["T-2024-001": false], "\(name)")
        }
        // A key of the user's own holds what it likes; a list of documents whose type is a
        // step's name but which has no key of a step is no step (REC-007 only, READY).
        for extra in ["\nx_补充步骤:\n  - \(failed)\n", "\n附件:\n  - {type: decision, ref: 镇政发〔2024〕3号, date: 2024-03-20}\n",
                      "\n归档材料:\n  - {类型: 决定, 文号: 镇政发〔2024〕3号, 形式: 纸质, 签发人: 张镇长}\n"] {
            let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "r.yaml": Self.agendaItem + extra])
            let check = try CLIRunner.run(["check", "--format", "json", "--as-of", "2024-03-31", "."], in: folder)
            #expect(check.status == 0, "\(extra): \(check.stdout)")
            #expect(!check.stdout.contains("\"rule\": \"REC-003\""), "\(extra): \(check.stdout)")
        }
    }

    /// A review's outcome in words of its own beside `outcome: passed` (`审查结论: 暂缓`, `原则通过`,
    /// `修改后通过`, `待定`): which of the two holds is unknown, and the item went READY. An outcome
    /// of the vocabulary or a yes that agrees with the one read (`合法`, `通过`) changes nothing.
    @Test func anOutcomeInWordsOfItsOwnHoldsTheItem() throws {
        for words in ["暂缓", "原则通过", "修改后通过", "待定", "无"] {
            let verdicts = try Self.verdicts(["registry.yaml": Fixtures.registry, "r.yaml": Self.review(adding: "    审查结论: \(words)")])
            #expect(verdicts == ["T-2024-001": false], "\(words)")
        }
        for words in ["合法", "通过", "符合法律规定", "合法有效", "予以通过", "无异议", "可以提交常务会议审议", "是", "未发现与上位法相抵触的内容"] {
            let verdicts = try Self.verdicts(["registry.yaml": Fixtures.registry, "r.yaml": Self.review(adding: "    审查结论: \(words)")])
            #expect(verdicts == ["T-2024-001": true], "\(words)")
        }
    }

    /// An adviser's opinion naming the meeting it objects to (`意见: 不同意提交常务会议`) was read as
    /// no answer, the signoff as an opinion given, and the item READY; `不同意提交会议` was held.
    @Test func anAdvisersObjectionNamingTheMeetingHoldsTheItem() throws {
        for (opinion, ready) in [("不同意提交常务会议", false), ("不同意提交政府常务会议", false), ("同意提交常务会议", true),
                                 ("不同意提交局务会议", false), ("不同意提请常务会议审议", false), ("建议暂缓提交会议", false),
                                 ("不同意报请区政府常务会议审定", false), ("同意提请局务会议研究", true)] {
            // (Waiting for the meeting is no review waiting: a passed review's `备注: 待提请常务会议`.)
            let remark = Self.review(adding: "    备注: 待提请常务会议")
            #expect(try Self.verdicts(["registry.yaml": Fixtures.registry, "r.yaml": remark]) == ["T-2024-001": true])
            let record = Self.agendaItem.replacingOccurrences(of: "role: legal_adviser, date: 2024-03-15}", with: "role: legal_adviser, date: 2024-03-15, 意见: \(opinion)}")
            #expect(record.contains(opinion))
            #expect(try Self.verdicts(["registry.yaml": Fixtures.registry, "r.yaml": record]) == ["T-2024-001": ready], "\(opinion)")
        }
    }

    /// A penalty case's legal review written with a form (`form: 征求意见`, `form: 会签`), which only
    /// a legality review has: no rule read it, and the review replaced by asking opinions counted
    /// as the legal review PEN-005 asks for, READY. Held now; the formal form is only listed.
    @Test func aLegalReviewsFormIsNotPassedOver() throws {
        func penaltyCase(form: String) -> String {
            """
            id: C-9
            kind: administrative_penalty
            title: 某企业违法排污案
            facts: {major: true}
            steps:
              - {type: case_filing, date: 2024-03-01}
              - {type: investigation, date: 2024-03-05, officers: [P-3, P-4], credentials_shown: true}
              - {type: notice_of_rights, date: 2024-03-10}
              - {type: legal_review, date: 2024-03-15, outcome: passed, by: [P-2], form: \(form)}
              - {type: collective_discussion, date: 2024-03-20, status: planned, meeting: {type: executive}}
            """
        }
        for (form, ready) in [("征求意见", false), ("opinion_solicitation", false), ("会签", false), ("正式审查", true)] {
            let files = ["registry.yaml": Fixtures.registry, "c.yaml": penaltyCase(form: form)]
            #expect(try Self.verdicts(files) == ["C-9": ready], "\(form)")
            let check = try CLIRunner.run(["check", "--format", "json", "--as-of", "2024-03-19", "."], in: try CLIRunner.folder(files))
            #expect(check.stdout.contains("form 只用于合法性审查"), "\(form): \(check.stdout)")
        }
    }

    /// Run from a subfolder of a repository, a configuration there (`lang: zh` alone) or one named
    /// with `--config ../ci/legality.yaml` ended the registry search at the subfolder: the registry
    /// at the root was not read, PEN-002 did not run, and an expired certificate passed, exit 0.
    @Test func aConfigurationBelowTheRootHidesNoRegistry() throws {
        let registry = """
            people:
              - {id: P-5, name: 孙执法, certificates: [{type: enforcement, valid_from: 2019-01-01, valid_until: 2023-12-31}]}
              - {id: P-6, name: 周执法, certificates: [{type: enforcement, valid_from: 2019-01-01, valid_until: 2030-12-31}]}
            """
        let expired = """
            id: C-5
            kind: administrative_penalty
            title: 某加油站安全检查案
            steps:
              - {type: inspection, date: 2024-03-10, officers: [P-5, P-6], credentials_shown: true}
            """
        let folder = try CLIRunner.folder([
            ".git/HEAD": "ref: refs/heads/main\n", "registry.yaml": registry, "ci/legality.yaml": "lang: zh\n",
            "decisions/c.yaml": expired, "own/.legality.yaml": "lang: zh\n", "own/c.yaml": expired,
        ])
        for (subfolder, arguments) in [("decisions", ["--config", "../ci/legality.yaml"]), ("own", [])] {
            let result = try CLIRunner.run(["check", "--format", "json", "--as-of", "2024-12-31"] + arguments + ["."], in: folder.appendingPathComponent(subfolder))
            #expect(result.status == 1, "\(subfolder): \(result.stdout)\(result.stderr)")
            #expect(result.stdout.contains("\"rule\": \"PEN-002\""), "\(subfolder): \(result.stdout)")
        }
    }

    /// A discussion planned for one day whose meeting was moved to another, written as the
    /// meeting's `会议日期`: the record was off the agenda of the day it names, with a failed
    /// review and no word. It is on that day's agenda now, held (and BLOCKED by the review).
    @Test func aMeetingMovedToAnotherDayIsOnThatDaysAgenda() throws {
        let moved = """
            id: T-2024-009
            kind: major_administrative_decision
            title: 某镇集贸市场改造方案
            steps:
              - {type: legality_review, date: 2024-03-01, outcome: failed, by: [P-2]}
              - type: collective_discussion
                date: 2024-03-13
                status: planned
                meeting: {type: executive, 会议日期: 2024-03-20}
            """
        let verdicts = try Self.verdicts(["registry.yaml": Fixtures.registry, "a.yaml": Self.agendaItem, "b.yaml": moved])
        #expect(verdicts == ["T-2024-001": true, "T-2024-009": false])
        // The day it names alone: a meeting's date mistyped in a discussion of years ago held the
        // record at every meeting since.
        let later = try CLIRunner.run(["gate", "--meeting", "2024-06-12", "--format", "json", "."], in: try CLIRunner.folder(["registry.yaml": Fixtures.registry, "b.yaml": moved]))
        let laterReport = try CLIRunner.json(later.stdout)
        #expect((laterReport["items"] as? [Any])?.isEmpty == true, "\(later.stdout)")
        #expect((laterReport["notOnAgenda"] as? [[String: Any]])?.compactMap { $0["record"] as? String } == ["T-2024-009"], "\(later.stdout)")
        // Alone on the agenda, it is no record "listed after" a notice of a mistyped meeting day.
        let alone = try CLIRunner.run(["gate", "--meeting", "2024-03-20", "."], in: try CLIRunner.folder(["registry.yaml": Fixtures.registry, "b.yaml": moved]))
        #expect(alone.stdout.contains("[暂缓上会] T-2024-009"), "\(alone.stdout)")
        #expect(!alone.stdout.contains("最近计划的集体讨论"), "\(alone.stdout)")
    }

    /// A ledger's column of a second or final review (`最终审查结论`, `复审结论`, `县司法局审查结论`)
    /// saying it failed: the column was unread, its row READY. Now held; one saying it passed is not.
    @Test func aLedgerColumnOfAnotherReviewIsRead() throws {
        let registry = """
            people:
              - {id: P-1, name: 张镇长, roles: [head]}
              - {id: P-3, name: 李审查, roles: [reviewer], qualifications: [{type: legal_profession}]}
              - {id: P-7, name: 王顾问, roles: [legal_adviser], qualifications: [{type: legal_profession}]}
            """
        func ledger(_ header: String, _ cell: String) -> String {
            """
            决策编号,决策事项名称,承办单位,送审日期,审查完成日期,审查方式,审查结论,审查人员,法律顾问,法律顾问意见日期,集体讨论日期,会议类型,\(header)
            SQ-1,石桥镇台账决策,党政办,2024-03-01,2024-03-15,正式审查,通过,P-3,王顾问,2024-03-14,2024-03-20,常务会议,\(cell)

            """
        }
        // A column of the meeting's own (`常务会议审议情况`, `审批状态`) or of the people says nothing of the review.
        for (header, cell) in [("常务会议审议情况", "待上会"), ("审批状态", "办理中"), ("审查人员2", "李审查"), ("最终审查结论", "合法有效"),
                               ("公平竞争审查结论", "不涉及"), ("复审结论", "/")] {
            #expect(try Self.verdicts(["registry.yaml": registry, "台账.csv": ledger(header, cell)]) == ["SQ-1": true], "\(header) = \(cell)")
        }
        for header in ["最终审查结论", "复审结论", "县司法局审查结论", "审查结论2"] {
            for (cell, ready) in [("不通过", false), ("不同意", false), ("暂缓", false), ("否", false), ("通过", true)] {
                let verdicts = try Self.verdicts(["registry.yaml": registry, "台账.csv": ledger(header, cell)])
                #expect(verdicts == ["SQ-1": ready], "\(header) = \(cell)")
            }
        }
    }
}
