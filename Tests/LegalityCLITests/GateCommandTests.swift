import Foundation
import Testing

/// `legality gate`: READY or BLOCKED per agenda item, as of the meeting day.
@Suite struct GateCommandTests {
    static let reviewed = """
        id: G-1
        kind: major_administrative_decision
        title: 已审查的议题
        steps:
          - type: legality_review
            submitted: 2024-02-26
            date: 2024-03-06
            outcome: passed
            signoffs: [{person: P-2, role: legal_adviser, date: 2024-03-06}]
        """
    static let unreviewed = """
        id: G-2
        kind: major_administrative_decision
        title: 未审查的议题
        steps:
          - {type: legality_review, status: planned, date: 2024-03-14}
        """

    /// Each finding of the checklist says where it is (file:line:column in the text, line and
    /// column in the printable page): two findings of one rule, or two unreadable documents of one
    /// file, were told apart by nothing.
    @Test func eachFindingSaysWhereItIs() throws {
        let twoBroken = "---\n[a, b]\n---\n42\n"
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "b.yaml": Self.unreviewed, "two.yaml": twoBroken])
        let text = try CLIRunner.run(["gate", "--meeting", "2024-03-12", "."], in: folder)
        #expect(text.stdout.contains("位置：b.yaml:"), "\(text.stdout)")
        #expect(text.stdout.contains("位置：two.yaml:2:1") && text.stdout.contains("位置：two.yaml:4:1"), "\(text.stdout)")
        let html = try CLIRunner.run(["gate", "--meeting", "2024-03-12", "--format", "html", "--lang", "en", "."], in: folder)
        #expect(html.stdout.contains("; at line 2, column 1</div>") && html.stdout.contains("; at line 4, column 1</div>"), "\(html.stdout)")
        // Each finding names its rule's title before the message, as the text checklist does.
        #expect(html.stdout.contains("<b>MAD-001 error</b> No legality review: the record has"), "\(html.stdout)")
        // A ledger row's finding is at its cell, as check names it.
        let ledger = try CLIRunner.folder(["台账.csv": "案件编号,案件名称,立案日期,调查取证日期,执法人员\nF-1,某案,2024-03-01,2024-03-02,张伟\n"])
        let fromLedger = try CLIRunner.run(["gate", "--meeting", "2024-03-12", "台账.csv"], in: ledger)
        #expect(fromLedger.stdout.contains("位置：台账.csv:D2"), "\(fromLedger.stdout)")
        #expect(!fromLedger.stdout.contains("位置：台账.csv:2:1"), "\(fromLedger.stdout)")
        let ledgerHTML = try CLIRunner.run(["gate", "--meeting", "2024-03-12", "--format", "html", "台账.csv"], in: ledger)
        #expect(ledgerHTML.stdout.contains("；位置：单元格 D2</div>"), "\(ledgerHTML.stdout)")
    }

    /// A record with no discussion is proposed for the meeting (v2), but one decided already is
    /// said to be: a ledger of past cases listed each READY, unsaid, though discussing a decision
    /// made mends nothing.
    @Test func anItemDecidedBeforeTheMeetingWithoutADiscussionIsSaidToBe() throws {
        let decided = Self.reviewed + "\n  - {type: decision, date: 2024-03-08, by: [P-1]}\n"
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": decided, "b.yaml": Self.reviewed.replacingOccurrences(of: "G-1", with: "G-9")])
        let text = try CLIRunner.run(["gate", "--meeting", "2024-03-12", "."], in: folder)
        #expect(text.stdout.contains("注意：此记录已于 2024-03-08 作出决定，此前没有集体讨论"), "\(text.stdout)")
        #expect(text.stdout.components(separatedBy: "作出决定，此前没有集体讨论").count == 2, "\(text.stdout)")
        let items = try #require(try CLIRunner.json(try CLIRunner.run(["gate", "--meeting", "2024-03-12", "--format", "json", "."], in: folder).stdout)["items"] as? [[String: Any]])
        #expect(items.compactMap { $0["decidedUndiscussed"] as? String } == ["2024-03-08"], "\(items)")
        let html = try CLIRunner.run(["gate", "--meeting", "2024-03-12", "--format", "html", "--lang", "en", "."], in: folder)
        #expect(html.stdout.contains("Note: this record&#39;s decision was made on 2024-03-08") || html.stdout.contains("Note: this record's decision was made on 2024-03-08"), "\(html.stdout)")
    }

    @Test func itemsAreReadyOrBlocked() throws {
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": Self.reviewed, "b.yaml": Self.unreviewed])
        let result = try CLIRunner.run(["gate", "--meeting", "2024-03-12", "--format", "json", "."], in: folder)
        #expect(result.status == 1)
        let report = try CLIRunner.json(result.stdout)
        #expect(report["meeting"] as? String == "2024-03-12")
        let items = try #require(report["items"] as? [[String: Any]])
        #expect(items.map { $0["ready"] as? Bool } == [true, false])
        let blocking = (items[1]["findings"] as? [[String: Any]])?.map { $0["rule"] as? String }
        #expect(blocking == ["MAD-001"])
        #expect(report["findings"] as? [Any] != nil)
    }

    /// A meeting over two days (`start` to `end`) is held on its first day too: the record was
    /// "not on the agenda" of that day, and its missing review went unseen.
    @Test func aDiscussionOverSeveralDaysIsOnTheAgendaOfEach() throws {
        let twoDays = """
            id: G-31
            kind: major_administrative_decision
            title: 两天会议议题，未审查
            steps:
              - {type: collective_discussion, status: planned, start: 2024-03-12, end: 2024-03-13, meeting: {type: plenary}}
            """
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": twoDays])
        for day in ["2024-03-12", "2024-03-13"] {
            let result = try CLIRunner.run(["gate", "--meeting", day, "--format", "json", "a.yaml"], in: folder)
            #expect(result.status == 1, "\(day): \(result.stdout)")
            let report = try CLIRunner.json(result.stdout)
            let items = try #require(report["items"] as? [[String: Any]])
            #expect(items.count == 1 && items[0]["ready"] as? Bool == false, "\(day)")
            #expect((items.first?["findings"] as? [[String: Any]])?.map { $0["rule"] as? String } == ["MAD-001"])
        }
        let after = try CLIRunner.run(["gate", "--meeting", "2024-03-14", "--format", "json", "a.yaml"], in: folder)
        #expect(after.status == 0)
        #expect((try CLIRunner.json(after.stdout)["notOnAgenda"] as? [Any])?.count == 1)
        // The text names the discussion whole, not by its last day alone.
        let text = try CLIRunner.run(["gate", "--meeting", "2024-03-14", "a.yaml"], in: folder)
        #expect(text.stdout.contains("（2024-03-12～2024-03-13）"), "\(text.stdout)")
    }

    /// A step whose type cannot be read never takes a record with no discussion off the agenda:
    /// a review mistyped `legality_reveiw` (failed), or a step written `tpye:`, dated before the
    /// meeting, was taken for a discussion on its day, the record listed as discussed then, its
    /// problems unsaid and the gate's exit 0.
    @Test func aMistypedStepOfAnotherDayIsNoDiscussionHeldThen() throws {
        let folder = try CLIRunner.folder([
            "registry.yaml": Fixtures.registry,
            "review.yaml": "id: T-1\nkind: major_administrative_decision\ntitle: 测试\nsteps:\n  - {type: legality_reveiw, date: 2026-03-10, outcome: failed}\n",
            "notype.yaml": "id: T-2\nkind: administrative_penalty\ntitle: 测试\nsteps:\n  - {type: inspection, date: 2026-03-10, officers: [P-3]}\n  - {tpye: notice_of_rights, date: 2026-03-12}\n",
        ])
        let result = try CLIRunner.run(["gate", "--meeting", "2026-03-20", "--format", "json", "."], in: folder)
        #expect(result.status == 1, "\(result.stdout)")
        let report = try CLIRunner.json(result.stdout)
        let items = try #require(report["items"] as? [[String: Any]])
        #expect(items.compactMap { $0["record"] as? String }.sorted() == ["T-1", "T-2"], "\(result.stdout)")
        #expect(items.allSatisfy { $0["ready"] as? Bool == false })
        #expect((report["notOnAgenda"] as? [Any])?.isEmpty ?? true, "\(result.stdout)")
    }

    /// A re-discussion whose step type cannot be read (the meeting's type written as the step's,
    /// or no type) may be the discussion of the meeting day: the record is on its agenda,
    /// BLOCKED. It was "discussed on another day" (its first, held, discussion), and a failed
    /// review went to the meeting with exit 0. A mistyped step of another day leaves it off.
    @Test func aStepWhoseTypeCannotBeReadMayBeTheDiscussion() throws {
        func record(_ id: String, _ step: String) -> String {
            """
            id: \(id)
            kind: major_administrative_decision
            title: 复议议题
            steps:
              - {type: legality_review, date: 2025-08-20, outcome: passed, signoffs: [{person: P-2, role: legal_adviser, date: 2025-08-20}]}
              - {type: collective_discussion, date: 2025-08-29, meeting: {type: executive, minutes: true}}
              - {type: legality_review, date: 2025-09-12, outcome: failed}
              - \(step)
            """
        }
        let folder = try CLIRunner.folder([
            "registry.yaml": Fixtures.registry,
            "typo.yaml": record("G-41", "{type: 常务会议, status: planned, date: 2025-09-19}"),
            "none.yaml": record("G-42", "{status: planned, date: 2025-09-19}"),
            "other-day.yaml": record("G-43", "{type: 常务会议, status: planned, date: 2025-09-26}"),
            // A kind no pack checks may use step types of its own: not taken for a discussion when
            // the record is blocked for another reason (a missing title), so it stays an item.
            "own-type.yaml": "id: G-44\nkind: other\nsteps:\n  - {type: site_visit, date: 2025-09-26}\n",
        ])
        let result = try CLIRunner.run(["gate", "--meeting", "2025-09-19", "--format", "json", "."], in: folder)
        #expect(result.status == 1)
        let report = try CLIRunner.json(result.stdout)
        let items = try #require(report["items"] as? [[String: Any]])
        #expect(items.compactMap { $0["record"] as? String }.sorted() == ["G-41", "G-42", "G-44"])
        #expect(items.allSatisfy { $0["ready"] as? Bool == false })
        let rules = items.flatMap { ($0["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String } }
        #expect(rules.contains("REC-006") && rules.contains("REC-003"))
        let away = (report["notOnAgenda"] as? [[String: Any]])?.map { $0["record"] as? String }
        #expect(away == ["G-43"])
    }
    /// A ledger row whose step is dated after the meeting is an item: the values of a row share
    /// their cells' places, and every step of such a row was taken for a discussion of its day,
    /// the row "discussed on another day" and never judged. (Its later step is planned: a ledger
    /// has no status column, and its decision after the meeting is work still ahead.)
    @Test func aLedgerRowWithALaterStepIsAnItem() throws {
        let csv = "案件编号,案件名称,立案日期,决定日期\nL-1,某案,2025-10-20,2025-11-10\n"
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "台账.csv": csv])
        let result = try CLIRunner.run(["gate", "--meeting", "2025-11-06", "--format", "json", "."], in: folder)
        #expect(result.status == 0, "\(result.stdout)")
        let report = try CLIRunner.json(result.stdout)
        let items = try #require(report["items"] as? [[String: Any]])
        #expect(items.compactMap { $0["record"] as? String } == ["L-1"], "\(result.stdout)")
        #expect((report["notOnAgenda"] as? [Any])?.isEmpty == true)
    }

    /// A title written over two lines (`title: |`) reads as one line in the checklist, not with a
    /// replacement character where the line ended.
    @Test func aTitleOfSeveralLinesIsOneLine() throws {
        let twoLines = Self.reviewed.replacingOccurrences(of: "title: 已审查的议题", with: "title: |\n  第一行\n  第二行")
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": twoLines])
        let result = try CLIRunner.run(["gate", "--meeting", "2024-03-12", "a.yaml"], in: folder)
        #expect(result.stdout.contains("G-1 第一行 第二行\n"), "\(result.stdout)")
        #expect(!result.stdout.contains("\u{FFFD}"))
    }

    /// An item of a kind no pack checks is READY when well-formed, and the checklist says that
    /// this is all READY means (v2.md: the record pack alone runs on it).
    @Test func anItemNoPrerequisiteAppliesToSaysSo() throws {
        let other = """
            id: G-9
            kind: other
            title: 其他事项
            steps:
              - {type: collective_discussion, status: planned, date: 2024-03-12}
            """
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": other, "b.yaml": Self.reviewed])
        let text = try CLIRunner.run(["gate", "--meeting", "2024-03-12", "."], in: folder)
        #expect(text.status == 0)
        #expect(text.stdout.contains("[可以上会] G-9 其他事项\n           a.yaml\n    - 注意：除记录格式外，没有上会前提规则适用于此议题"), "\(text.stdout)")
        #expect(text.stdout.components(separatedBy: "注意：除记录格式外").count == 2)
        let json = try CLIRunner.json(try CLIRunner.run(["gate", "--meeting", "2024-03-12", "--format", "json", "."], in: folder).stdout)
        let items = try #require(json["items"] as? [[String: Any]])
        #expect(items.map { $0["ruleApplied"] as? Bool } == [false, true])
    }

    @Test func allReadyExitsZeroAndPrintsAChecklist() throws {
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": Self.reviewed])
        let result = try CLIRunner.run(["gate", "--meeting", "2024-03-12", "a.yaml"], in: folder)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("[可以上会] G-1 已审查的议题"))
    }

    @Test func tooLittleReviewTimeIsAWarningThatDoesNotBlock() throws {
        // Submitted 2024-03-06, meeting 2024-03-12: 4 working days, fewer than 7 (MAD-007, a warning).
        let rushed = Self.reviewed.replacingOccurrences(of: "submitted: 2024-02-26", with: "submitted: 2024-03-06")
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": rushed])
        let result = try CLIRunner.run(["gate", "--meeting", "2024-03-12", "--format", "json", "a.yaml"], in: folder)
        #expect(result.status == 0)
        let items = try #require(try CLIRunner.json(result.stdout)["items"] as? [[String: Any]])
        #expect(items.first?["ready"] as? Bool == true)
        #expect((items.first?["findings"] as? [[String: Any]])?.map { $0["rule"] as? String } == ["MAD-007"])
        let strict = try CLIRunner.run(["gate", "--meeting", "2024-03-12", "--fail-on", "warning", "a.yaml"], in: folder)
        #expect(strict.status == 1)
    }

    /// A configuration committed with the records (`fail_on: never`) made every agenda item READY
    /// and the gate exit 0, whatever the findings. It does not apply to the gate (which says so);
    /// `--fail-on never` on the gate's own command line still lists without blocking, and a
    /// stricter configured level (`warning`) still applies.
    @Test func aConfigurationCannotMakeEveryItemReady() throws {
        let folder = try CLIRunner.folder([
            ".git/HEAD": "ref: refs/heads/main\n", ".legality.yaml": "fail_on: never\n",
            "registry.yaml": Fixtures.registry, "b.yaml": Self.unreviewed,
        ])
        let gate = try CLIRunner.run(["gate", "--meeting", "2024-03-12", "."], in: folder)
        #expect(gate.status == 1)
        #expect(gate.stdout.contains("0 项可以上会，1 项暂缓"))
        #expect(gate.stderr.contains("配置中的 fail_on: never 不适用于会前审查"))
        let listed = try CLIRunner.run(["gate", "--meeting", "2024-03-12", "--fail-on", "never", "."], in: folder)
        #expect(listed.status == 0)
        #expect(!listed.stderr.contains("fail_on"))
        // `check` keeps the configured level: it is named in the set-up line.
        let check = try CLIRunner.run(["check", "--as-of", "2024-03-12", "."], in: folder)
        #expect(check.status == 0)
        let rushed = Self.reviewed.replacingOccurrences(of: "submitted: 2024-02-26", with: "submitted: 2024-03-06")
        let strict = try CLIRunner.folder([
            ".git/HEAD": "ref: refs/heads/main\n", ".legality.yaml": "fail_on: warning\n", "registry.yaml": Fixtures.registry, "a.yaml": rushed,
        ])
        #expect(try CLIRunner.run(["gate", "--meeting", "2024-03-12", "."], in: strict).status == 1)
    }

    /// Nor can it disable a prerequisite of discussion or make one milder (`disable: [MAD-001]`,
    /// `severity: {MAD-001: info}` made an unreviewed item READY): the gate checks such rules at
    /// their own severity and says so; `check` keeps the configuration's choice, in its set-up line.
    @Test func aConfigurationCannotWeakenAPrerequisiteForTheGate() throws {
        for configuration in ["disable: [MAD-001]\n", "severity: {MAD-001: info}\n"] {
            let folder = try CLIRunner.folder([
                ".git/HEAD": "ref: refs/heads/main\n", ".legality.yaml": configuration,
                "registry.yaml": Fixtures.registry, "b.yaml": Self.unreviewed,
            ])
            let gate = try CLIRunner.run(["gate", "--meeting", "2024-03-12", "--format", "json", "."], in: folder)
            #expect(gate.status == 1, "\(configuration)")
            let items = try #require(try CLIRunner.json(gate.stdout)["items"] as? [[String: Any]])
            #expect((items.first?["findings"] as? [[String: Any]])?.first?["severity"] as? String == "error", "\(configuration)")
            #expect(gate.stderr.contains("the configuration disables or lowers the severity of MAD-001") || gate.stderr.contains("配置停用或调低了讨论前置规则 MAD-001 的级别"), "\(gate.stderr)")
            let check = try CLIRunner.run(["check", "--as-of", "2024-03-12", "."], in: folder)
            #expect(!check.stdout.contains("错误[MAD-001]"), "\(configuration)")
        }
        // Raising a prerequisite's severity, or changing a rule that is none, still applies.
        let rushed = Self.reviewed.replacingOccurrences(of: "submitted: 2024-02-26", with: "submitted: 2024-03-06")
        let stricter = try CLIRunner.folder([
            ".git/HEAD": "ref: refs/heads/main\n", ".legality.yaml": "severity: {MAD-007: error}\n", "registry.yaml": Fixtures.registry, "a.yaml": rushed,
        ])
        let strict = try CLIRunner.run(["gate", "--meeting", "2024-03-12", "."], in: stricter)
        #expect(strict.status == 1 && strict.stderr.isEmpty, "\(strict.stderr)")
    }

    /// A meeting day on which no record is discussed, while a discussion is planned a few days
    /// off, is likely mistyped: every record discussed on the real day would be "not on the
    /// agenda", which blocks nothing. The checklist says so first, naming the nearest planned day.
    @Test func aMeetingDayWithNoDiscussionIsQuestioned() throws {
        let planned = Self.unreviewed + "\n  - {type: collective_discussion, status: planned, date: 2024-03-20}\n"
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": planned])
        let mistyped = try CLIRunner.run(["gate", "--meeting", "2024-03-02", "a.yaml"], in: folder)
        #expect(mistyped.status == 0, "the record is not an item: \(mistyped.stdout)")
        let notice = "注意：没有记录的集体讨论安排在 2024-03-02；最近计划的集体讨论在 2024-03-20（1 条记录，列在后面，不影响结论）。会议日期如有误，请改正后重新检查。"
        #expect(mistyped.stdout.contains("（会议日期 2024-03-02）\n\n" + notice + "\n"), "\(mistyped.stdout)")
        #expect(mistyped.stderr.isEmpty, "the terminal shows the checklist: said once")
        let json = try CLIRunner.run(["gate", "--format", "json", "--meeting", "2024-03-02", "a.yaml"], in: folder)
        #expect(try CLIRunner.json(json.stdout)["notice"] as? String == notice)
        #expect(json.stderr.contains(notice))
        let html = try CLIRunner.run(["gate", "--format", "html", "--lang", "en", "--meeting", "2024-03-02", "a.yaml"], in: folder)
        #expect(html.stdout.contains("<p class=\"notice\">Note: no record has a collective discussion on 2024-03-02; the nearest planned discussion is on 2024-03-20"))
        let right = try CLIRunner.run(["gate", "--meeting", "2024-03-20", "a.yaml"], in: folder)
        #expect(!right.stdout.contains("注意"), "\(right.stdout)")
        // Further off, and no item at all, the nearest planned day is named too (a meeting day
        // mistyped by a year gave an empty agenda, exit 0, and no word).
        let yearOff = try CLIRunner.run(["gate", "--meeting", "2025-03-20", "a.yaml"], in: folder)
        #expect(yearOff.stdout.contains("注意：没有记录的集体讨论安排在 2025-03-20；最近计划的集体讨论在 2024-03-20（1 条记录"), "\(yearOff.stdout)")
        #expect(yearOff.stdout.contains("共 0 项"))
        // A meeting with nothing on it and nothing planned anywhere says so.
        let held = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": Self.reviewed + "\n  - {type: collective_discussion, date: 2024-03-08}\n"])
        let empty = try CLIRunner.run(["gate", "--meeting", "2024-05-02", "a.yaml"], in: held)
        #expect(empty.stdout.contains("注意：没有记录的集体讨论安排在 2024-05-02，也没有尚未安排讨论的记录，本次会议没有议题；请核对会议日期和记录所在的文件夹。"), "\(empty.stdout)")
        // A meeting of new proposals only (no discussion step yet), beside records discussed
        // before, is no mistake: nothing is said.
        let done = Self.reviewed + "\n  - {type: collective_discussion, date: 2024-03-08}\n"
        let proposals = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": done, "b.yaml": Self.unreviewed.replacingOccurrences(of: "G-2", with: "G-3")])
        let quiet = try CLIRunner.run(["gate", "--meeting", "2024-03-12", "."], in: proposals)
        #expect(!quiet.stdout.contains("注意"), "\(quiet.stdout)")
        #expect(quiet.stdout.contains("G-3"))
    }

    /// A penalty case going to a second meeting is judged by the legal review before that
    /// meeting: one whose re-review failed after its first discussion was READY, judged by the
    /// review before the first.
    @Test func aCaseAtItsSecondMeetingIsJudgedByTheReviewBeforeIt() throws {
        let record = """
            id: G2-A
            kind: 行政处罚
            title: 某化工企业未批先建案（二次上会）
            facts: {major: true}
            steps:
              - {type: 立案, date: 2026-01-05}
              - {type: 调查取证, date: 2026-01-06, officers: [ZY-041, ZY-042], credentials_shown: true}
              - {type: 权利告知, date: 2026-01-20}
              - {type: 法制审核, date: 2026-02-02, outcome: 通过, by: [ZY-051]}
              - {type: 集体讨论, date: 2026-02-10, meeting: {type: 常务会议, minutes: true}}
              - {type: 调查取证, date: 2026-02-24, officers: [ZY-041, ZY-042], credentials_shown: true}
              - {type: 法制审核, date: 2026-03-02, outcome: 不通过, by: [ZY-051]}
              - {type: 集体讨论, date: 2026-03-11, status: 计划, meeting: {type: 常务会议}}
            """
        let registry = try String(contentsOf: CLIRunner.root.appendingPathComponent("cases/registry.yaml"), encoding: .utf8)
        let folder = try CLIRunner.folder(["p.yaml": record, "registry.yaml": registry])
        let result = try CLIRunner.run(["gate", "--meeting", "2026-03-11", "--format", "json", "p.yaml"], in: folder)
        #expect(result.status == 1, "\(result.stdout)")
        let item = try #require((try CLIRunner.json(result.stdout)["items"] as? [[String: Any]])?.first)
        #expect(item["ready"] as? Bool == false)
        #expect((item["findings"] as? [[String: Any]])?.compactMap { $0["rule"] as? String }.contains("PEN-006") == true, "\(item)")
    }

    /// Without a registry the certificate and qualification rules (PEN-002, PEN-007) are not
    /// evaluated: a penalty item was READY although nobody checked its officers. It is now held
    /// back, saying why; a decision whose prerequisites need no registry is judged as before.
    @Test func anItemWhosePrerequisitesNeedTheMissingRegistryIsNotReady() throws {
        let penalty = try String(contentsOf: CLIRunner.root.appendingPathComponent("cases/penalty/restaurant-fine-compliant.yaml"), encoding: .utf8)
        let registry = try String(contentsOf: CLIRunner.root.appendingPathComponent("cases/registry.yaml"), encoding: .utf8)
        let withRegistry = try CLIRunner.run(["gate", "--meeting", "2025-10-20", "p.yaml"], in: try CLIRunner.folder(["p.yaml": penalty, "registry.yaml": registry]))
        #expect(withRegistry.status == 0, "\(withRegistry.stdout)")
        let without = try CLIRunner.run(["gate", "--format", "json", "--meeting", "2025-10-20", "."], in: try CLIRunner.folder(["p.yaml": penalty, "a.yaml": Self.reviewed]))
        #expect(without.status == 1)
        let items = try #require(try CLIRunner.json(without.stdout)["items"] as? [[String: Any]])
        let held = try #require(items.first { $0["file"] as? String == "p.yaml" })
        #expect(held["ready"] as? Bool == false)
        let finding = try #require((held["findings"] as? [[String: Any]])?.first)
        #expect(finding["rule"] as? String == "registry-missing")
        #expect((finding["message"] as? String)?.contains("PEN-002（执法人员未持有效执法证件）、PEN-007（法制审核人员无法律职业资格）依赖人员名册") == true)
        // A decision whose legal adviser signed is held too: who signed, and whether as one, is
        // in the registry (a reviewer signing as the legal adviser was READY without one).
        let decision = try #require(items.first { $0["file"] as? String == "a.yaml" })
        #expect(decision["ready"] as? Bool == false)
        let rules = (decision["findings"] as? [[String: Any]])?.compactMap { $0["message"] as? String } ?? []
        #expect(rules.contains { $0.contains("REC-004") && $0.contains("REC-009") }, "\(rules)")
        // One naming nobody is judged as before.
        let anonymous = Self.reviewed.replacingOccurrences(of: "signoffs: [{person: P-2, role: legal_adviser, date: 2024-03-06}]", with: "signoffs: [{role: legal_adviser, date: 2024-03-06}]")
        let alone = try CLIRunner.run(["gate", "--format", "json", "--meeting", "2024-03-12", "a.yaml"], in: try CLIRunner.folder(["a.yaml": anonymous]))
        let judged = try #require((try CLIRunner.json(alone.stdout)["items"] as? [[String: Any]])?.first)
        #expect((judged["findings"] as? [[String: Any]])?.contains { $0["rule"] as? String == "registry-missing" } == false, "\(judged)")
    }

    /// A record decided before the meeting with no discussion held by then is said so, though a
    /// discussion is planned for this meeting (which mends nothing): it was said only of a record
    /// with no discussion at all.
    @Test func anItemDecidedBeforeTheMeetingIsSaidSoThoughADiscussionIsPlanned() throws {
        let decided = Self.reviewed + "\n  - {type: decision, date: 2024-03-08, by: [P-1]}\n  - {type: collective_discussion, status: planned, date: 2024-03-12, meeting: {type: executive}}\n"
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": decided])
        let result = try CLIRunner.run(["gate", "--format", "json", "--meeting", "2024-03-12", "a.yaml"], in: folder)
        let item = try #require((try CLIRunner.json(result.stdout)["items"] as? [[String: Any]])?.first)
        #expect(item["decidedUndiscussed"] as? String == "2024-03-08", "\(item)")
    }

    /// JSON says the fail level a gate was given: `--fail-on never` made an unreviewed decision
    /// READY, said in text and HTML but not in JSON.
    @Test func gateJSONSaysTheFailLevel() throws {
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "b.yaml": Self.unreviewed])
        let result = try CLIRunner.run(["gate", "--format", "json", "--meeting", "2024-03-12", "--fail-on", "never", "b.yaml"], in: folder)
        let json = try CLIRunner.json(result.stdout)
        #expect(json["failLevel"] as? String == "never", "\(json)")
        #expect((json["failLevelNotice"] as? String)?.isEmpty == false, "\(json)")
        let plain = try CLIRunner.json(try CLIRunner.run(["gate", "--format", "json", "--meeting", "2024-03-12", "b.yaml"], in: folder).stdout)
        #expect(plain["failLevel"] is NSNull, "\(plain)")
    }

    /// A key that looks meant as one the rules read (`fomr` for `form`, `状态` for `status`, a
    /// fact in Chinese) was not read, so what the record says is in doubt: the item is held back,
    /// saying why, under the record pack's warning. (`fomr: opinion_solicitation` read the review
    /// as formal, and `staus: planned` an unreviewed decision as reviewed: both went READY.) A key
    /// that looks like none of them (`备注`) is only listed.
    @Test func aMisspeltKeyHoldsTheItemBack() throws {
        let misspelt = Self.reviewed.replacingOccurrences(of: "outcome: passed", with: "outcome: passed\n    fomr: opinion_solicitation")
        let chinese = Self.reviewed.replacingOccurrences(of: "G-1", with: "G-3").replacingOccurrences(of: "outcome: passed", with: "outcome: passed\n    状态: 计划")
        let remark = Self.reviewed.replacingOccurrences(of: "G-1", with: "G-4").replacingOccurrences(of: "outcome: passed", with: "outcome: passed\n    备注: 已按意见修改")
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": misspelt, "c.yaml": chinese, "d.yaml": remark])
        let result = try CLIRunner.run(["gate", "--meeting", "2024-03-12", "--format", "json", "."], in: folder)
        #expect(result.status == 1)
        let items = try #require(try CLIRunner.json(result.stdout)["items"] as? [[String: Any]])
        #expect(items.map { $0["ready"] as? Bool } == [false, false, true], "\(items)")
        #expect(items.map { $0["misreadKey"] as? Bool } == [true, true, false])
        let listed = try #require((items.first?["findings"] as? [[String: Any]])?.first)
        #expect(listed["rule"] as? String == "REC-007")
        #expect(listed["severity"] as? String == "warning")
        #expect(listed["line"] as? Int == 9)
        // (Held back, it is not told to take the x_ prefix, which only silenced it: `x_fomr: 书面`.)
        #expect((listed["message"] as? String)?.contains("请以 x_ 开头") == false, "\(listed)")
        let written = Self.reviewed.replacingOccurrences(of: "outcome: passed", with: "outcome: passed\n    fomr: 书面")
        let writtenChecked = try CLIRunner.run(["check", "--as-of", "2024-03-12", "a.yaml"], in: try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": written]))
        #expect(writtenChecked.stdout.contains("是否应为 form？（只有含义与之不同的自定义字段才以 x_ 开头"), "\(writtenChecked.stdout)")
        let text = try CLIRunner.run(["gate", "--meeting", "2024-03-12", "a.yaml"], in: folder)
        #expect(text.stdout.contains("[暂缓上会] G-1"))
        #expect(text.stdout.contains("    - 暂缓原因：记录中有字段没有被读取，而它可能改变结论（疑似误写、写错层级或用中文写，或者以“是/否”写的与读取的不一致，见所列的警告），记录的意思不能确定；请按警告如实改正记录后重新检查。不要只把该字段改名、删去或在台账映射中忽略：那样清单会显示可以上会，而记录所说的（如审查尚未完成）并没有改变。\n"), "\(text.stdout)")
        // check keeps the record pack's warning a warning.
        #expect(try CLIRunner.run(["check", "--as-of", "2024-03-12", "a.yaml"], in: folder).status == 0)
        // A key meant as one nothing is decided by (部门 for department, a step's ref), or a fact
        // that says no, is listed under a READY item; a key whose value is a status, a form or an
        // outcome (审查状态: 计划中, result: failed beside outcome: passed) holds it back.
        let cases: [(String, Bool)] = [
            ("outcome: passed\n    ref: 法审〔2024〕1号", true), ("outcome: passed\n    审查状态: 计划中", false),
            ("outcome: passed\n    result: failed", false), ("outcome: passed\n    方式: 征求意见", false),
            // (One that agrees with what was read, or the field's default, changes nothing.)
            ("outcome: passed\n    审查结论: 通过", true), ("outcome: passed\n    审查方式: 正式审查", true), ("outcome: passed\n    办理状态: 已完成", true),
        ]
        for (change, ready) in cases {
            let record = Self.reviewed.replacingOccurrences(of: "outcome: passed", with: change)
            let one = try CLIRunner.run(["gate", "--meeting", "2024-03-12", "--format", "json", "a.yaml"], in: try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": record]))
            let item = try #require((try CLIRunner.json(one.stdout)["items"] as? [[String: Any]])?.first)
            #expect(item["ready"] as? Bool == ready, "\(change): \(item)")
        }
        let department = Self.reviewed.replacingOccurrences(of: "title: 已审查的议题", with: "title: 已审查的议题\n部门: 党政办\nfacts: {是否涉密: 否, is_urgent: false}")
        let plain = try CLIRunner.run(["gate", "--meeting", "2024-03-12", "a.yaml"], in: try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": department]))
        #expect(plain.stdout.contains("[可以上会] G-1") && plain.stdout.contains("警告[REC-007]"), "\(plain.stdout)")
    }

    /// A review written `done: false` (or `已完成: 否`), or its adviser's signoff `signed: false`, was
    /// read as done and signed: the format says these with `status` and a signoff being there, and
    /// no rule read the key. The item went READY under a warning; it is held back, saying why.
    @Test func aReviewWrittenAsNotDoneHoldsTheItemBack() throws {
        for change in ["outcome: passed\n    done: false", "outcome: passed\n    已完成: 否", "outcome: passed\n    审查是否通过: 否"] {
            let record = Self.reviewed.replacingOccurrences(of: "outcome: passed", with: change)
            let result = try CLIRunner.run(["gate", "--meeting", "2024-03-12", "a.yaml"], in: try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": record]))
            #expect(result.status == 1, "\(change): \(result.stdout)")
            #expect(result.stdout.contains("[暂缓上会] G-1") && result.stdout.contains("    - 暂缓原因："), "\(change): \(result.stdout)")
        }
        let unsigned = Self.reviewed.replacingOccurrences(of: "date: 2024-03-06}", with: "date: 2024-03-06, signed: false}")
        let held = try CLIRunner.run(["gate", "--meeting", "2024-03-12", "a.yaml"], in: try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": unsigned]))
        #expect(held.stdout.contains("[暂缓上会] G-1") && held.stdout.contains("它说此人没有签署（signed: false）"), "\(held.stdout)")
        // Said as it was read, it changes nothing.
        let agreeing = Self.reviewed.replacingOccurrences(of: "outcome: passed", with: "outcome: passed\n    已完成: 是")
        let ready = try CLIRunner.run(["gate", "--meeting", "2024-03-12", "a.yaml"], in: try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": agreeing]))
        #expect(ready.status == 0 && ready.stdout.contains("[可以上会] G-1"), "\(ready.stdout)")
        // A ledger's column no mapping reads that asks as much, and answers no, holds its row back.
        let ledger = "文件编号,文件名称,制定机关,送审日期,审核完成日期,审核方式,审核结论,法律顾问,集体审议日期,会议类型,是否通过合法性审查\n"
            + "GF-1,某办法,某镇人民政府,2024-02-26,2024-03-06,正式审查,通过,钱律师,2024-03-12,常务会议,否\n"
        for (answer, verdict) in [("否", "[暂缓上会] GF-1"), ("是", "[可以上会] GF-1")] {
            let csv = ledger.replacingOccurrences(of: ",否\n", with: ",\(answer)\n")
            let row = try CLIRunner.run(["gate", "--meeting", "2024-03-12", "."], in: try CLIRunner.folder(["registry.yaml": Fixtures.registry, "台账.csv": csv]))
            #expect(row.stdout.contains(verdict), "\(answer): \(row.stdout)")
        }
        // So does one whose cell is a status, form or outcome other than the row is read as
        // (`审查状态` = 计划中 and `复核结论` = 不通过 went READY); one the row agrees with is listed.
        // A column speaking of something else than the review (the matter closed, the public's
        // participation) is only listed: on an agenda, no matter is closed.
        for (extra, verdict) in [("审查状态,计划中", "[暂缓上会] GF-1"), ("复核结论,不通过", "[暂缓上会] GF-1"), ("复核方式,征求意见", "[暂缓上会] GF-1"),
                                 ("复核结论,通过", "[可以上会] GF-1"), ("审查状态,未完成", "[暂缓上会] GF-1"), ("是否办结,否", "[可以上会] GF-1"),
                                 ("公众参与方式,征求意见", "[可以上会] GF-1"), ("决策是否通过,否", "[可以上会] GF-1")] {
            let parts = extra.split(separator: ",").map(String.init)
            let csv = ledger.replacingOccurrences(of: "是否通过合法性审查", with: parts[0]).replacingOccurrences(of: ",否\n", with: ",\(parts[1])\n")
            let row = try CLIRunner.run(["gate", "--meeting", "2024-03-12", "."], in: try CLIRunner.folder(["registry.yaml": Fixtures.registry, "台账.csv": csv]))
            #expect(row.stdout.contains(verdict), "\(extra): \(row.stdout)")
        }
        // The message says what the cell says; a ninth extra column is looked at as the first.
        let said = try CLIRunner.run(["gate", "--meeting", "2024-03-12", "."], in: try CLIRunner.folder(["registry.yaml": Fixtures.registry, "台账.csv": ledger]))
        #expect(said.stdout.contains("它（“否”）说的是审查，与此行按读取的列所判断的不同"), "\(said.stdout)")
        let padded = ledger.replacingOccurrences(of: ",是否通过合法性审查\n", with: ",备注1,备注2,备注3,备注4,备注5,备注6,备注7,备注8,是否通过合法性审查\n")
            .replacingOccurrences(of: ",否\n", with: ",a,b,c,d,e,f,g,h,否\n")
        let ninth = try CLIRunner.run(["gate", "--meeting", "2024-03-12", "."], in: try CLIRunner.folder(["registry.yaml": Fixtures.registry, "台账.csv": padded]))
        #expect(ninth.stdout.contains("[暂缓上会] GF-1"), "\(ninth.stdout)")
    }

    /// A meeting on a rest day (a weekend or a public holiday by the calendar) is said: a day so
    /// mistyped otherwise passed unremarked. A working weekend (调休上班) is no rest day.
    @Test func aMeetingOnARestDayIsSaid() throws {
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": Self.reviewed])
        let sunday = try CLIRunner.run(["gate", "--meeting", "2024-03-10", "a.yaml"], in: folder)
        #expect(sunday.stdout.contains("注意：会议日期 2024-03-10 是休息日（星期日）；日期如有误，请改正后重新检查。"), "\(sunday.stdout)")
        let holiday = try CLIRunner.run(["gate", "--meeting", "2024-10-01", "--format", "json", "a.yaml"], in: folder)
        #expect(try CLIRunner.json(holiday.stdout)["restDayNotice"] as? String == "注意：会议日期 2024-10-01 是休息日（法定节假日）；日期如有误，请改正后重新检查。")
        #expect(holiday.stderr.contains("是休息日"))
        // 2024-10-12, a Saturday, was a working day (国庆节调休).
        let working = try CLIRunner.run(["gate", "--meeting", "2024-10-12", "a.yaml"], in: folder)
        #expect(!working.stdout.contains("休息日"), "\(working.stdout)")
        let weekday = try CLIRunner.run(["gate", "--meeting", "2024-03-12", "a.yaml"], in: folder)
        #expect(!weekday.stdout.contains("休息日"))
    }

    /// What could not be checked is never READY, whatever the fail level: `--fail-on never` listed
    /// an item READY whose prerequisites needing the registry had not run for want of one.
    @Test func anItemNotCheckedIsHeldBackUnderNever() throws {
        let folder = try CLIRunner.folder(["a.yaml": Self.reviewed + "\n  - {type: collective_discussion, status: planned, date: 2024-03-12}\n"])
        let result = try CLIRunner.run(["gate", "--meeting", "2024-03-12", "--fail-on", "never", "a.yaml"], in: folder)
        #expect(result.status == 1, "\(result.stdout)")
        #expect(result.stdout.contains("[暂缓上会] G-1"))
        #expect(result.stdout.contains("错误[registry-missing]"))
    }

    /// A review recorded as done on a day still ahead has not happened, though the meeting is
    /// later still: a review "done" on the meeting day, filled in the day before, went READY; nor
    /// has an adviser's opinion signed on such a day. The meeting's own discussion, dated ahead by
    /// nature, is no such step, nor a decision on the meeting day (a ledger filled in before it).
    @Test func aReviewDoneAfterTodayIsHeldBack() throws {
        let ahead = Self.reviewed.replacingOccurrences(of: "2024-02-26", with: "2099-02-26").replacingOccurrences(of: "2024-03-06", with: "2099-03-06")
            + "\n  - {type: collective_discussion, date: 2099-03-12, meeting: {type: executive}}\n"
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": ahead])
        let result = try CLIRunner.run(["gate", "--meeting", "2099-03-12", "a.yaml"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.contains("错误[REC-008]"), "\(result.stdout)")
        #expect(result.stdout.contains("晚于今天（"), "\(result.stdout)")
        #expect(result.stdout.contains("第 1 个步骤标为已完成，但日期 2099-03-06 晚于今天（"), "\(result.stdout)")
        #expect(result.stdout.contains("第 1 个步骤的签署日期 2099-03-06 晚于今天（"), "\(result.stdout)")
        #expect(result.stdout.components(separatedBy: "错误[REC-008]").count == 3, "the review and its signoff, not the meeting's own discussion: \(result.stdout)")
        // The day of the run may be given, for a checklist that can be made again.
        let later = try CLIRunner.run(["gate", "--meeting", "2099-03-12", "--today", "2099-03-11", "a.yaml"], in: folder)
        #expect(later.status == 0 && !later.stdout.contains("REC-008"), "\(later.stdout)")
        // Its JSON says the day given (and none when the clock's was used: the same every day).
        let given = try CLIRunner.json(try CLIRunner.run(["gate", "--meeting", "2099-03-12", "--today", "2099-03-11", "--format", "json", "a.yaml"], in: folder).stdout)
        #expect(given["today"] as? String == "2099-03-11")
        #expect(try CLIRunner.json(try CLIRunner.run(["gate", "--meeting", "2099-03-12", "--format", "json", "a.yaml"], in: folder).stdout)["today"] is NSNull)
        let decided = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": Self.reviewed + "\n  - {type: collective_discussion, date: 2099-03-12, meeting: {type: executive}}\n  - {type: decision, date: 2099-03-12, by: [P-1]}\n"])
        let onTheDay = try CLIRunner.run(["gate", "--meeting", "2099-03-12", "a.yaml"], in: decided)
        #expect(!onTheDay.stdout.contains("REC-008"), "\(onTheDay.stdout)")
    }

    /// An item whose id another record of the run has, on the agenda or not, is held back:
    /// which is the item's record cannot be told. (The record pack reports the later of the two;
    /// when that one was off the agenda, the item read READY beside an unreviewed namesake.)
    @Test func anItemSharingItsIdIsHeldBack() throws {
        let held = Self.reviewed + "\n  - {type: collective_discussion, status: planned, date: 2024-03-12}\n"
        let other = Self.unreviewed.replacingOccurrences(of: "G-2", with: "G-1") + "\n  - {type: collective_discussion, status: planned, date: 2024-03-20}\n"
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": held, "z.yaml": other])
        let result = try CLIRunner.run(["gate", "--meeting", "2024-03-12", "."], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.contains("[暂缓上会] G-1"), "\(result.stdout)")
        #expect(result.stdout.contains("暂缓原因：z.yaml:1 中另有一条记录使用同一编号"), "\(result.stdout)")
        let json = try CLIRunner.json(try CLIRunner.run(["gate", "--format", "json", "--meeting", "2024-03-12", "."], in: folder).stdout)
        let items = try #require(json["items"] as? [[String: Any]])
        #expect(items.first?["sameIdAs"] as? String == "z.yaml:1")
    }

    /// Ids differing only in case or width (`Ｇ－１`, `g-1` beside `G-1`) are one id to a reader:
    /// three READY items of one matter. Each is held back as sharing its id.
    @Test(arguments: ["Ｇ－１", "g-1"])
    func anItemSharingItsIdInAnotherCaseOrWidthIsHeldBack(other: String) throws {
        let held = Self.reviewed + "\n  - {type: collective_discussion, status: planned, date: 2024-03-12}\n"
        let alike = held.replacingOccurrences(of: "id: G-1", with: "id: \(other)")
        #expect(alike != held)
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": held, "z.yaml": alike])
        let json = try CLIRunner.json(try CLIRunner.run(["gate", "--format", "json", "--meeting", "2024-03-12", "."], in: folder).stdout)
        let items = try #require(json["items"] as? [[String: Any]])
        #expect(items.count == 2 && items.allSatisfy { $0["ready"] as? Bool == false && $0["sameIdAs"] is String }, "\(items)")
    }

    /// A ledger row whose two cells of one column disagree on the discussion's day is an item of
    /// either day's meeting, BLOCKED: read by its first cell, it went off the agenda of the other.
    /// One whose other cells disagree (two outcome columns of a case discussed last year) stays
    /// where its discussion is: on every meeting's agenda, it held every later meeting back.
    @Test func aLedgerRowOfTwoDiscussionDaysIsAnItem() throws {
        let csv = "决策编号,决策事项名称,集体讨论日期,会议日期\nDC-04,未经审查,2024-03-20,2024-03-12\n"
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "台账.csv": csv])
        let result = try CLIRunner.run(["gate", "--meeting", "2024-03-12", "."], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.contains("[暂缓上会] DC-04"), "\(result.stdout)")
        #expect(result.stdout.contains("错误[REC-000]"))
        let outcomes = "决策编号,决策事项名称,审查完成日期,审查结论,合法性审查结论,集体讨论日期\nDC-05,去年的事项,2023-03-01,通过,不通过,2023-03-20\n"
        let past = try CLIRunner.run(["gate", "--meeting", "2024-03-12", "."], in: try CLIRunner.folder(["registry.yaml": Fixtures.registry, "台账.csv": outcomes]))
        #expect(!past.stdout.contains("[暂缓上会] DC-05") && past.stdout.contains("DC-05 去年的事项（2023-03-20）"), "\(past.stdout)")
    }

    @Test func aWaivedFindingIsShownWithItsWaiver() throws {
        // The checklist the adviser signs says which finding was waived, why and on whose
        // approval (the printable page had left it out). A waiver of a prohibition the law allows
        // no exception to (no legality review: MAD-001 is `absolute`) does not let the item go,
        // as no configuration's `disable` does: a waiver's "防汛紧急" took an unreviewed decision
        // to the meeting. Said on standard error.
        let config = """
            waivers:
              - {rule: MAD-001, record: G-2, reason: 防汛紧急, approved_by: 县政府办公室〔2024〕3号, expires: 2026-12-31}
            """
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "b.yaml": Self.unreviewed, ".legality.yaml": config])
        let text = try CLIRunner.run(["gate", "--meeting", "2024-03-12", "--lang", "zh", "b.yaml"], in: folder)
        #expect(text.status == 1)
        #expect(text.stdout.contains("[暂缓上会] G-2 未审查的议题"))
        #expect(text.stdout.contains("    - 错误[MAD-001]（已豁免） 未经合法性审查"))
        #expect(text.stdout.contains("      已豁免：防汛紧急（批准：县政府办公室〔2024〕3号，有效期至 2026-12-31）"))
        #expect(text.stderr.contains("MAD-001 是法律不允许例外的禁止性规定"), "\(text.stderr)")
        // The checklist itself says why the item is held, under it.
        #expect(text.stdout.contains("    - 暂缓原因：MAD-001 是法律不允许例外的禁止性规定"), "\(text.stdout)")
        let json = try CLIRunner.run(["gate", "--meeting", "2024-03-12", "--format", "json", "b.yaml"], in: folder)
        let item = try #require((try CLIRunner.json(json.stdout)["items"] as? [[String: Any]])?.first)
        #expect(item["heldDespiteWaiver"] as? [String] == ["MAD-001"], "\(item)")
        let html = try CLIRunner.run(["gate", "--meeting", "2024-03-12", "--format", "html", "b.yaml"], in: folder)
        #expect(html.stdout.contains("<b>MAD-001 错误（已豁免）</b>"))
        #expect(html.stdout.contains("<div class=\"waiver\">已豁免：防汛紧急（批准：县政府办公室〔2024〕3号，有效期至 2026-12-31）</div>"))
        #expect(html.stdout.contains("<div class=\"notice\">暂缓原因：MAD-001 是法律不允许例外的禁止性规定"), "\(html.stdout)")
        // Only --fail-on never on the command line lists it without blocking.
        let listed = try CLIRunner.run(["gate", "--meeting", "2024-03-12", "--fail-on", "never", "b.yaml"], in: folder)
        #expect(listed.status == 0 && listed.stdout.contains("[可以上会] G-2"), "\(listed.stdout)")
        // A waiver of another prerequisite (no legal adviser's opinion, MAD-005) lets the item go.
        let noAdviser = Self.reviewed.replacingOccurrences(of: "    signoffs: [{person: P-2, role: legal_adviser, date: 2024-03-06}]\n", with: "").replacingOccurrences(of: "    signoffs: [{person: P-2, role: legal_adviser, date: 2024-03-06}]", with: "")
        let adviserWaiver = "waivers:\n  - {rule: MAD-005, record: G-1, reason: 法律顾问出缺，已由司法局派员列席, approved_by: 县政府办公室〔2024〕4号, expires: 2026-12-31}\n"
        let other = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": noAdviser, ".legality.yaml": adviserWaiver])
        let waived = try CLIRunner.run(["gate", "--meeting", "2024-03-12", "a.yaml"], in: other)
        #expect(waived.stdout.contains("[可以上会] G-1") && waived.stdout.contains("错误[MAD-005]（已豁免）"), "\(waived.stdout)")
    }

    /// A waiver of an item that runs for longer than a waiver may is said, as `check` says it:
    /// one running to 2099 let the item go with nothing said.
    @Test func aWaiverOfAnItemRunningTooLongIsSaid() throws {
        let config = """
            waivers:
              - {rule: MAD-001, record: G-2, reason: 防汛紧急, approved_by: 县政府办公室〔2024〕3号, expires: 2099-12-31}
            """
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "b.yaml": Self.unreviewed, ".legality.yaml": config])
        let result = try CLIRunner.run(["gate", "--meeting", "2024-03-12", "--format", "json", "b.yaml"], in: folder)
        let runFindings = try #require(try CLIRunner.json(result.stdout)["findings"] as? [[String: Any]])
        #expect(runFindings.contains { $0["rule"] as? String == "waiver-too-long" }, "\(runFindings)")
    }

    /// Rules added with --rules of which none is a prerequisite of discussion run in no gate: said
    /// on standard error (the set-up line named the pack, and its item was READY).
    @Test func addedRulesOfWhichNoneIsAPrerequisiteAreSaidNotToRun() throws {
        let rule = """
            id: LAND-001
            severity: error
            kinds: [major_administrative_decision]
            title: {zh: 征地未听证, en: No hearing}
            message: {zh: 未听证, en: no hearing}
            basis: {instrument: 本地规定, article: 第一条}
            violation: {missing: {steps: {type: hearing}}}
            """
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": Self.reviewed, "local/land.yaml": rule])
        let result = try CLIRunner.run(["gate", "--meeting", "2024-03-12", "--rules", "local", "a.yaml"], in: folder)
        #expect(result.stderr.contains("另加的 1 条规则都不是讨论前置规则，会前审查不执行它们"), "\(result.stderr)")
        // A prerequisite among them runs, and nothing is said.
        let prerequisite = rule.replacingOccurrences(of: "severity: error\n", with: "severity: error\nprerequisite: true\n")
        let withPrerequisite = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": Self.reviewed, "local/land.yaml": prerequisite])
        let blocked = try CLIRunner.run(["gate", "--meeting", "2024-03-12", "--rules", "local", "a.yaml"], in: withPrerequisite)
        #expect(!blocked.stderr.contains("讨论前置规则"), "\(blocked.stderr)")
        #expect(blocked.status == 1 && blocked.stdout.contains("LAND-001"), "\(blocked.stdout)")
    }

    /// The note on an item decided without a discussion says what holds of every kind: an
    /// ordinary penalty case closed months ago was told that `check` reports its missing
    /// discussion, which no rule asks of it.
    @Test func theDecidedNoteClaimsNoFindingOfCheck() throws {
        let decided = Self.reviewed + "\n  - {type: decision, date: 2024-03-08, by: [P-1]}\n"
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": decided])
        let text = try CLIRunner.run(["gate", "--meeting", "2024-03-12", "a.yaml"], in: folder)
        #expect(text.stdout.contains("如是已办结、无须上会的事项，不必列入本次会议的检查；如依法须经集体讨论，决定后再讨论不能补正"), "\(text.stdout)")
        #expect(!text.stdout.contains("legality check 报告此问题"), "\(text.stdout)")
    }

    /// An agenda item in a file the search passes over (saved as `a.yaml.txt`, or in a hidden
    /// folder) was missing from the checklist an adviser signs, said on standard error only. It is
    /// named at the checklist's top, in every format.
    @Test func filesPassedOverAreNamedOnTheChecklist() throws {
        let folder = try CLIRunner.folder([
            "registry.yaml": Fixtures.registry, "agenda/a.yaml": Self.reviewed, "agenda/b.yaml.txt": Self.unreviewed, "agenda/.草稿/c.yaml": Self.unreviewed,
        ])
        let text = try CLIRunner.run(["gate", "--meeting", "2024-03-12", "agenda"], in: folder)
        #expect(text.stdout.contains("注意：以下文件看似决策记录，但未检查") && text.stdout.contains("agenda/.草稿/c.yaml、agenda/b.yaml.txt"), "\(text.stdout)")
        let json = try CLIRunner.json(try CLIRunner.run(["gate", "--meeting", "2024-03-12", "--format", "json", "agenda"], in: folder).stdout)
        #expect(json["passedOver"] as? [String] == ["agenda/.草稿/c.yaml", "agenda/b.yaml.txt"], "\(json)")
        let html = try CLIRunner.run(["gate", "--meeting", "2024-03-12", "--format", "html", "--lang", "en", "agenda"], in: folder)
        #expect(html.stdout.contains("Note: these files look like decision records but were not checked"), "\(html.stdout)")
        // Nothing passed over, nothing said.
        let plain = try CLIRunner.run(["gate", "--meeting", "2024-03-12", "agenda/a.yaml"], in: folder)
        #expect(!plain.stdout.contains("看似决策记录"), "\(plain.stdout)")
    }
}
