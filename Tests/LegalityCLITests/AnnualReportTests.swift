import Foundation
import Testing

/// `legality report --year`: each claim stated only when the records bear it out, otherwise the
/// true figure with the records that fall short; empty years said as such.
@Suite struct AnnualReportTests {
    /// The compliant decision of the fixtures, moved to 2020 under another id.
    static func decision(_ id: String, from record: String = Fixtures.compliant, year: Int = 2020) -> String {
        record.replacingOccurrences(of: record == Fixtures.compliant ? "T-2024-001" : "T-2024-002", with: id)
            .replacingOccurrences(of: "2024-", with: "\(year)-")
    }

    static func report(_ files: [String: String], year: Int = 2020, extra: [String] = []) throws -> CLIRunner.Result {
        let folder = try CLIRunner.folder(files.merging(["registry.yaml": Fixtures.registry]) { first, _ in first })
        return try CLIRunner.run(["report", "--year", "\(year)", "--as-of", "2026-06-30"] + extra + ["."], in: folder)
    }

    @Test func aClaimBorneOutByEveryRecordIsStatedAsAWhole() throws {
        let result = try Self.report(["a.yaml": Self.decision("A-1"), "b.yaml": Self.decision("A-2")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("2020 年度，作出重大行政决策 2 项。"))
        #expect(result.stdout.contains("重大行政决策提交决策机关讨论前全部履行合法性审查程序（共 2 项）。"))
        #expect(result.stdout.contains("合法性审查全部听取法律顾问、公职律师意见。"))
        #expect(result.stdout.contains("依据记录：A-1、A-2"))
        #expect(!result.stdout.contains("项在集体讨论前完成合法性审查"))
    }

    /// A rule that found nothing because there was nothing to judge bears nothing out: a decision
    /// never reviewed was counted as "formally reviewed" and as a review that "heard a legal
    /// adviser", and a document not yet filed within its period as "filed on time".
    @Test func nothingToJudgeIsNeverAClaimBorneOut() throws {
        let unreviewed = """
            id: X-1
            kind: major_administrative_decision
            title: 未经任何审查
            steps:
              - {type: collective_discussion, date: 2025-05-10, meeting: {type: executive, minutes: true}}
              - {type: decision, date: 2025-05-12, by: [P-1]}
              - {type: publication, date: 2025-05-13}
            """
        let solicited = unreviewed.replacingOccurrences(of: "X-1", with: "X-2")
            .replacingOccurrences(of: "steps:\n", with: "steps:\n  - {type: legality_review, form: opinion_solicitation, date: 2025-05-01, outcome: passed}\n")
        let unfiled = """
            id: N-1
            kind: normative_document
            title: 年底公布尚未备案
            steps:
              - {type: legality_review, date: 2025-12-01, outcome: passed, signoffs: [{person: P-2, role: legal_adviser, date: 2025-12-01}]}
              - {type: collective_discussion, date: 2025-12-10, meeting: {type: executive, minutes: true}}
              - {type: decision, date: 2025-12-15, by: [P-1]}
              - {type: publication, date: 2025-12-20}
            """
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": unreviewed, "b.yaml": solicited, "c.yaml": unfiled])
        let result = try CLIRunner.run(["report", "--year", "2025", "--as-of", "2026-01-05", "."], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("1 项重大行政决策中 0 项由合法性审查机构正式审查，1 项（X-2）以征求意见代替合法性审查。"), "\(result.stdout)")
        #expect(result.stdout.contains("本年度没有需听取法律顾问意见的合法性审查。"))
        #expect(!result.stdout.contains("合法性审查全部听取法律顾问、公职律师意见"))
        #expect(result.stdout.contains("1 件行政规范性文件中 0 件按时报送备案，1 件（N-1）尚未报送备案，备案期限未到，未能确认。"))
        // Once the period is over, the document is late, and said so.
        let late = try CLIRunner.run(["report", "--year", "2025", "--as-of", "2026-03-01", "."], in: folder)
        #expect(late.stdout.contains("1 件（N-1）未按期报送备案"), "\(late.stdout)")
    }

    /// Work still under way bears out no claim: a major case neither discussed nor decided was
    /// counted as one that "passed a legal review", and a decision still at public comment as one
    /// "reviewed before its discussion".
    @Test func workStillUnderWayBearsOutNoClaim() throws {
        let openCase = """
            id: P-30
            kind: administrative_penalty
            title: 年底在办的重大案件
            facts: {major: true}
            steps:
              - {type: case_filing, date: 2025-12-01}
              - {type: inspection, date: 2025-12-02, officers: [P-1, P-2], credentials_shown: true}
            """
        let atComment = """
            id: M-40
            kind: major_administrative_decision
            title: 尚在征求意见的决策
            steps:
              - {type: public_comment, start: 2025-11-01, end: 2025-12-05}
            """
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": openCase, "b.yaml": atComment])
        let result = try CLIRunner.run(["report", "--year", "2025", "--as-of", "2025-12-31", "."], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("1 件重大执法决定中 0 件经法制审核通过，1 件（P-30）尚未集体讨论或作出决定，未能确认。"), "\(result.stdout)")
        #expect(!result.stdout.contains("重大执法决定全部履行法制审核程序"))
        #expect(!result.stdout.contains("重大行政决策提交决策机关讨论前全部履行合法性审查程序"))
        #expect(result.stdout.contains("本年度没有需经合法性审查的重大行政决策（《重大行政决策程序暂行条例》自 2019 年 9 月 1 日起施行）。"), "\(result.stdout)")
        // Nor is a normative document still a draft, or one whose filing alone is recorded, one
        // "reviewed for legality".
        let draft = """
            id: N-D
            kind: normative_document
            title: 征求意见稿
            steps:
              - {type: public_comment, start: 2025-06-01, end: 2025-07-01}
              - {type: legality_review, status: planned, date: 2026-02-01}
            """
        let drafts = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": draft])
        let normative = try CLIRunner.run(["report", "--year", "2025", "--as-of", "2025-12-31", "."], in: drafts)
        #expect(!normative.stdout.contains("行政规范性文件全部经合法性审核"), "\(normative.stdout)")
    }

    /// A document that has two of a claim's problems is counted under the first: one only put out
    /// for opinions was also counted as unreviewed, and the parts came to more than the whole.
    @Test func thePartsOfAClaimAddUpToTheWhole() throws {
        let solicited = """
            id: N-2
            kind: normative_document
            title: 以征求意见代替审核的文件
            steps:
              - {type: legality_review, form: opinion_solicitation, date: 2025-05-01, outcome: passed}
              - {type: collective_discussion, date: 2025-05-10, meeting: {type: executive, minutes: true}}
              - {type: decision, date: 2025-05-12, by: [P-1]}
              - {type: publication, date: 2025-05-13}
            """
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": solicited])
        let result = try CLIRunner.run(["report", "--year", "2025", "--as-of", "2026-06-30", "."], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("1 件行政规范性文件中 0 件经合法性审核通过，1 件（N-2）以征求意见代替合法性审核。"), "\(result.stdout)")
        #expect(!result.stdout.contains("（N-2）未经合法性审核"))
        // A waived problem does not hide one that is not: the record is listed under the latter.
        let waiver = "waivers:\n  - {rule: NOR-007, record: N-2, reason: 经市司法局同意, approved_by: 某司法局〔2025〕1号, expires: 2099-12-31}\n"
        try waiver.write(to: folder.appendingPathComponent(".legality.yaml"), atomically: true, encoding: .utf8)
        let waived = try CLIRunner.run(["report", "--year", "2025", "--as-of", "2026-06-30", "."], in: folder)
        #expect(waived.status == 0, "\(waived.stderr)")
        #expect(waived.stdout.contains("1 件（N-2）未经合法性审核"), "\(waived.stdout)")
        #expect(!waived.stdout.contains("（N-2）以征求意见代替合法性审核"))
    }

    /// A deadline counted in a year the calendar does not cover: the report says so itself (it
    /// was said on standard error alone, and the printed report called the case late or in time).
    @Test func aYearTheCalendarDoesNotCoverIsNamedInTheReport() throws {
        let record = """
            id: Y31
            kind: administrative_penalty
            title: 某案
            steps:
              - {type: case_filing, date: 2030-12-01}
              - {type: inspection, date: 2030-12-02, officers: [P-3, P-4], credentials_shown: true}
              - {type: decision, date: 2031-01-05}
            """
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": record])
        let result = try CLIRunner.run(["report", "--year", "2031", "--as-of", "2031-06-30", "."], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("工作日历未涵盖 2031 年，这些年份的期限按周一至周五计算，节假日未计入，相关数字须另行核对。"), "\(result.stdout)")
    }

    /// Without a registry the certificate rule did not run, and "every enforcement officer held a
    /// valid certificate" was stated all the same.
    @Test func aClaimOfARuleThatNeedsTheMissingRegistryIsNotStated() throws {
        let folder = try CLIRunner.folder(["a.yaml": try String(contentsOf: CLIRunner.root.appendingPathComponent("cases/penalty/restaurant-fine-compliant.yaml"), encoding: .utf8)])
        let result = try CLIRunner.run(["report", "--year", "2025", "--as-of", "2026-06-30", "."], in: folder)
        #expect(result.stdout.contains("本项未核查：PEN-002、REC-004 在本次检查中未启用（配置停用、未加载内置规则包，或有记录没有人员名册），须另行核对。"), "\(result.stdout)")
        #expect(!result.stdout.contains("实现全员持证上岗"))
    }

    /// One record without a registry beside it keeps only the claims of its own kind from being
    /// stated, and the violations the registry's rules found on the other records are listed: a
    /// stray case without one made the report say "本次检查启用的规则未发现问题" of a year with an
    /// expired certificate found, and call that case 合规 in the annex, where the audit says 无法核查.
    @Test func aRecordWithoutARegistryHidesNoViolationFoundElsewhere() throws {
        let bundled = CLIRunner.root.appendingPathComponent("cases")
        let expired = try String(contentsOf: bundled.appendingPathComponent("penalty/gas-station-expired-certificate.yaml"), encoding: .utf8)
        let compliant = try String(contentsOf: bundled.appendingPathComponent("penalty/restaurant-fine-compliant.yaml"), encoding: .utf8)
        let registry = try String(contentsOf: bundled.appendingPathComponent("registry.yaml"), encoding: .utf8)
        let folder = try CLIRunner.folder(["a/registry.yaml": registry, "a/expired.yaml": expired, "b/alone.yaml": compliant.replacingOccurrences(of: "ZY-SJ-2025-217", with: "ZY-SJ-2025-999")])
        let result = try CLIRunner.run(["report", "--year", "2025", "--as-of", "2026-11-27", "a", "b"], in: folder)
        #expect(result.stdout.contains("执法人员未持有效执法证件（"), "\(result.stdout)")
        #expect(result.stdout.contains("ZY-YJ-2025-033"), "\(result.stdout)")
        #expect(!result.stdout.contains("本次检查启用的规则未发现问题"), "\(result.stdout)")
        #expect(result.stdout.contains("另有 1 项记录旁没有人员名册，PEN-002、"), "\(result.stdout)")
        let annex = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("| ZY-SJ-2025-999") })
        #expect(annex.contains("无法核查"), "\(annex)")
    }

    /// A decision of 2026 whose steps are all planned.
    static let plannedOnly = """
        id: P-1
        kind: major_administrative_decision
        title: 全部计划中
        steps:
          - {type: legality_review, date: 2026-06-02, status: planned}
          - {type: collective_discussion, date: 2026-06-10, status: planned, meeting: {type: executive}}
        """

    /// A record with nothing done made no decision: it was counted among "作出重大行政决策 1 项"
    /// beside "本年度没有作出决定的重大行政决策". It is named as not counted in the year of its plan.
    @Test func aRecordWithNothingDoneIsNoDecisionMade() throws {
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": Self.plannedOnly])
        let result = try CLIRunner.run(["report", "--year", "2026", "--as-of", "2026-01-15", "."], in: folder)
        #expect(!result.stdout.contains("作出重大行政决策 1 项"), "\(result.stdout)")
        #expect(result.stdout.contains("另有 1 项记录的步骤均在计划中、尚无已完成的步骤，未计入上述数字（P-1）。"), "\(result.stdout)")
        // Named apart, not among the files that could not be read.
        #expect(!result.stdout.contains("文件无法读取"), "\(result.stdout)")
        let english = try CLIRunner.run(["report", "--year", "2026", "--as-of", "2026-01-15", "--lang", "en", "."], in: folder)
        #expect(english.stdout.contains("1 more record has only planned steps, none done yet, and is not counted above (P-1)."), "\(english.stdout)")
        // A record the record pack blocks (a status no code) has reasons of its own: not "only planned".
        let blocked = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": Self.plannedOnly.replacingOccurrences(of: "status: planned}\n  - {type: collective", with: "status: plan}\n  - {type: collective")])
        let told = try CLIRunner.run(["report", "--year", "2026", "--as-of", "2026-01-15", "--lang", "en", "."], in: blocked)
        #expect(told.stdout.contains("1 more file or record is not counted above (P-1)") && !told.stdout.contains("only planned steps"), "\(told.stdout)")
    }

    /// A record with only planned steps and no valid date has no year of its plan: it was named in
    /// no year's report. It is among those not counted, as an undated record is.
    @Test func anUndatedPlannedOnlyRecordIsNotCountedInAnyYear() throws {
        let undated = Self.plannedOnly
            .replacingOccurrences(of: "date: 2026-06-02", with: "date: 2026-02-30")
            .replacingOccurrences(of: "date: 2026-06-10", with: "date: 待定")
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": undated])
        for year in ["2025", "2026"] {
            let result = try CLIRunner.run(["report", "--year", year, "--as-of", "2026-01-15", "--lang", "en", "."], in: folder)
            #expect(result.stdout.contains("not counted above (P-1)"), "\(year): \(result.stdout)")
        }
    }

    /// A wording file of an earlier version, without `overview.planned_only`, still loads: such
    /// records are then among those not counted.
    @Test func plannedOnlyRecordsWithoutTheirWordsAreAmongTheNotCounted() throws {
        let wording = try String(contentsOf: CLIRunner.root.appendingPathComponent("rules/report/annual-report.yaml"), encoding: .utf8)
        let start = try #require(wording.range(of: "    # 步骤都在计划中的记录"))
        let end = try #require(wording.range(of: "  kinds:\n"))
        let earlier = wording.replacingCharacters(in: start.lowerBound..<end.lowerBound, with: "")
        // The built-in rules copied, their wording as it was before.
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "records/a.yaml": Self.plannedOnly])
        let rules = folder.appendingPathComponent("rules")
        try FileManager.default.copyItem(at: CLIRunner.root.appendingPathComponent("rules"), to: rules)
        try earlier.write(to: rules.appendingPathComponent("report/annual-report.yaml"), atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["report", "--year", "2026", "--as-of", "2026-01-15", "records"], in: folder, environment: ["LEGALITY_RULES": rules.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("另有 1 个文件或记录未计入上述数字（P-1）"), "\(result.stdout)")
    }

    /// The compliant penalty case of `cases/`, with its registry.
    static func penaltyCase(_ change: (String) -> String) throws -> [String: String] {
        let text = try String(contentsOf: CLIRunner.root.appendingPathComponent("cases/penalty/restaurant-fine-compliant.yaml"), encoding: .utf8)
        let registry = try String(contentsOf: CLIRunner.root.appendingPathComponent("cases/registry.yaml"), encoding: .utf8)
        return ["a.yaml": text, "b.yaml": change(text).replacingOccurrences(of: "ZY-SJ-2025-217", with: "ZY-SJ-2025-218"), "registry.yaml": registry]
    }

    /// An officer the registry lacks (REC-004) has no certificate to check, and the claim that every
    /// officer held a valid one was stated all the same (PEN-002 says nothing of unknown people).
    @Test func anUnregisteredOfficerDeniesTheCertifiedOfficersClaim() throws {
        let folder = try CLIRunner.folder(try Self.penaltyCase { $0.replacingOccurrences(of: "officers: [ZY-049, ZY-048]", with: "officers: [ZY-049, zy-049]") })
        let result = try CLIRunner.run(["report", "--year", "2025", "--as-of", "2026-06-30", "."], in: folder)
        #expect(!result.stdout.contains("实现全员持证上岗"), "\(result.stdout)")
        #expect(result.stdout.contains("1 件（ZY-SJ-2025-218）有人员未在人员名册中登记，证件无从核对"))
    }

    /// A record whose decision can be read belongs to that year, whatever step could not be read:
    /// undated, it left the year, whose claims then said "全部" and "未发现问题".
    @Test func aRecordWithAnUnreadableStepStaysInItsDecisionsYear() throws {
        let folder = try CLIRunner.folder(try Self.penaltyCase { $0.replacingOccurrences(of: "date: 2025-09-09", with: "date: 2025-02-30") })
        let result = try CLIRunner.run(["report", "--year", "2025", "--as-of", "2026-06-30", "."], in: folder)
        #expect(result.stdout.contains("办理行政处罚案件 2 件"), "\(result.stdout)")
        #expect(result.stdout.contains("1 件（ZY-SJ-2025-218）记录有误，无法核查"))
    }

    /// A case whose rules could not run is one of the major enforcement decisions only when its
    /// facts do not show it is neither major nor complex: an ordinary case with a mistyped
    /// date was counted as a major one "无法核查", beside the audit's count of major cases.
    @Test func aCaseThatCannotBeCheckedIsAMajorOneOnlyByItsFacts() throws {
        let mistyped = { (text: String) in text.replacingOccurrences(of: "date: 2025-09-09", with: "date: 2025-02-30") }
        let arguments = ["report", "--year", "2025", "--as-of", "2026-06-30", "."]
        let ordinary = try CLIRunner.run(arguments, in: try CLIRunner.folder(try Self.penaltyCase(mistyped)))
        #expect(ordinary.stdout.contains("本年度没有需法制审核的重大执法决定。"), "\(ordinary.stdout)")
        let major = try CLIRunner.run(arguments, in: try CLIRunner.folder(try Self.penaltyCase {
            mistyped($0).replacingOccurrences(of: "facts:\n", with: "facts:\n  major: true\n")
        }))
        let sentence = major.stdout.split(separator: "\n").first { $0.contains("重大执法决定中") }
        #expect(sentence?.contains("1 件（ZY-SJ-2025-218）记录有误，无法核查") == true, "\(major.stdout)")
        // So is a case of public interest, one with a hearing, and one whose facts cannot be read.
        let others: [(String) -> String] = [
            { $0.replacingOccurrences(of: "facts:\n", with: "facts:\n  affects_public_interest: true\n") },
            { $0.replacingOccurrences(of: "steps:\n", with: "steps:\n  - {type: hearing, date: 2025-09-01}\n") },
            { $0.replacingOccurrences(of: "facts:\n  fine_amount: 8000\n", with: "facts: [major]\n") },
        ]
        for change in others {
            let result = try CLIRunner.run(arguments, in: try CLIRunner.folder(try Self.penaltyCase { change(mistyped($0)) }))
            #expect(result.stdout.contains("（ZY-SJ-2025-218）记录有误，无法核查"), "\(result.stdout)")
            #expect(!result.stdout.contains("本年度没有需法制审核的重大执法决定"), "\(result.stdout)")
        }
    }

    /// A case with a key that may change the verdict and was not read bears no claim out: a
    /// major case whose legal review said `状态: 计划` was certified "经法制审核通过", and one
    /// saying `重大执法决定: true` beside its facts was no major case at all. Each is "记录有误，
    /// 无法核查", as the gate holds it back.
    @Test func aCaseWithAMisreadKeyBearsNoClaimOut() throws {
        let arguments = ["report", "--year", "2025", "--as-of", "2026-06-30", "."]
        let reviewed = { (text: String) in
            text.replacingOccurrences(of: "facts:\n", with: "facts:\n  major: true\n")
                .replacingOccurrences(of: "  - type: decision\n", with: "  - {type: legal_review, date: 2025-09-26, outcome: passed, by: [ZY-051]}\n  - type: decision\n")
        }
        let plain = try CLIRunner.run(arguments, in: try CLIRunner.folder(try Self.penaltyCase(reviewed)))
        #expect(plain.stdout.contains("1 件重大执法决定全部经法制审核") || plain.stdout.contains("重大执法决定全部"), "\(plain.stdout)")
        let planned = try CLIRunner.run(arguments, in: try CLIRunner.folder(try Self.penaltyCase {
            reviewed($0).replacingOccurrences(of: "{type: legal_review, date:", with: "{type: legal_review, 状态: 计划, date:")
        }))
        let sentence = planned.stdout.split(separator: "\n").first { $0.contains("重大执法决定") }
        #expect(sentence?.contains("1 件（ZY-SJ-2025-218）记录有误，无法核查") == true, "\(planned.stdout)")
        let besideFacts = try CLIRunner.run(arguments, in: try CLIRunner.folder(try Self.penaltyCase {
            $0.replacingOccurrences(of: "facts:\n", with: "重大执法决定: true\nfacts:\n")
        }))
        let major = besideFacts.stdout.split(separator: "\n").first { $0.contains("重大执法决定") }
        #expect(major?.contains("（ZY-SJ-2025-218）记录有误，无法核查") == true, "\(besideFacts.stdout)")
        // A stray key of an ordinary case that can be no fact (a publication's `送达状态: 计划`)
        // makes it no major one.
        let stray = try CLIRunner.run(arguments, in: try CLIRunner.folder(try Self.penaltyCase {
            $0.replacingOccurrences(of: "    channel: 国家企业信用信息公示系统\n", with: "    channel: 国家企业信用信息公示系统\n    送达状态: 计划\n")
        }))
        #expect(stray.stdout.contains("本年度没有需法制审核的重大执法决定。"), "\(stray.stdout)")
    }

    /// Records that share an id (REC-002) are named with their files, so they can be told apart:
    /// the report listed "A-1、A-1".
    @Test func recordsSharingAnIdAreNamedWithTheirFiles() throws {
        let result = try Self.report(["a.yaml": Self.decision("A-1"), "b.yaml": Self.decision("A-1", from: Fixtures.lateReview)])
        #expect(result.stdout.contains("依据记录：A-1（a.yaml）、A-1（b.yaml）"), "\(result.stdout)")
        #expect(result.stdout.contains("记录编号重复（决策记录格式规范 id）：1 项（A-1（b.yaml））"), "\(result.stdout)")
        // Two documents of one file are told apart by their lines.
        let oneFile = try Self.report(["a.yaml": Self.decision("A-1") + "\n---\n" + Self.decision("A-1", from: Fixtures.lateReview)])
        #expect(oneFile.stdout.contains("A-1（a.yaml:1）") && oneFile.stdout.contains("A-1（a.yaml:18）"), "\(oneFile.stdout)")
    }

    /// A ledger row without an id is named by its row, not by the whole workbook (which read as a
    /// file that could not be read).
    @Test func aLedgerRowWithoutAnIdIsNamedByItsRow() throws {
        let csv = "案件编号,案件名称,立案日期,决定日期\n,某案,2025-03-03,2025-03-20\n"
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "台账.csv": csv])
        let result = try CLIRunner.run(["report", "--year", "2025", "--as-of", "2026-06-30", "."], in: folder)
        #expect(result.stdout.contains("（台账.csv:A2）"), "\(result.stdout)")
    }

    @Test func aClaimSomeRecordsDenyGivesTheTrueFigureAndTheRecords() throws {
        let result = try Self.report(["a.yaml": Self.decision("A-1"), "b.yaml": Self.decision("A-2", from: Fixtures.lateReview)])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("2 项重大行政决策中 1 项在集体讨论前完成合法性审查，1 项（A-2）审查晚于讨论。"))
        #expect(!result.stdout.contains("全部履行合法性审查程序"))
        #expect(result.stdout.contains("合法性审查晚于集体讨论（《重大行政决策程序暂行条例》第二十五条）：1 项（A-2）"))
        #expect(result.stdout.contains("| A-2 | 某镇老旧小区改造方案 | 重大行政决策 | 2020-03-20 | 不合规 | b.yaml |"))
    }

    /// A claim whose rules did not run is not stated: with "reviewed after the discussion"
    /// disabled, the late review would pass for one reviewed in time.
    @Test func aClaimWhoseRulesDidNotRunIsNotStated() throws {
        let files = [
            "a.yaml": Self.decision("A-1"), "b.yaml": Self.decision("A-2", from: Fixtures.lateReview),
            ".legality.yaml": "disable: [MAD-002]\n",
        ]
        let result = try Self.report(files)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("本项未核查：MAD-002 在本次检查中未启用（配置停用、未加载内置规则包，或有记录没有人员名册），须另行核对。"))
        #expect(!result.stdout.contains("在集体讨论前完成合法性审查"))
        #expect(!result.stdout.contains("全部履行合法性审查程序"))
        // Nor does the problems section say "no problems" of problems nobody looked for.
        #expect(result.stdout.contains("本次检查启用的规则未发现问题。"))
        #expect(result.stdout.contains("MAD-002 在本次检查中未启用，其所查问题未列入本节，须另行核对。"))
        #expect(!result.stdout.contains("\n未发现问题。"), "\(result.stdout)")
        let english = try Self.report(files, extra: ["--lang", "en"])
        #expect(english.stdout.contains("Not checked: MAD-002 did not run (disabled by the configuration, the built-in packs not loaded, or a record without a registry of people); to be verified otherwise."))
        #expect(english.stdout.contains("Not run, so not listed here: the problems of MAD-002; to be verified otherwise."))
    }

    @Test func aClaimWithNoRecordOfItsKindSaysSo() throws {
        let penalty = try String(contentsOf: CLIRunner.root.appendingPathComponent("cases/penalty/restaurant-fine-compliant.yaml"), encoding: .utf8)
        let result = try Self.report(["p.yaml": penalty], year: 2025)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("本年度没有需经合法性审查的重大行政决策（《重大行政决策程序暂行条例》自 2019 年 9 月 1 日起施行）。"))
        #expect(result.stdout.contains("本年度没有制定行政规范性文件。"))
        #expect(!result.stdout.contains("重大行政决策全部经集体讨论决定"))
        let none = try Self.report(["a.yaml": Self.decision("A-1")], year: 2018)
        #expect(none.stdout.contains("所给路径中没有 2018 年度的记录。"))
        // Nothing checked is no "no problems" (a report drafted from the wrong folder said so).
        #expect(none.stdout.contains("没有可核查的 2018 年度记录，未作核查（请确认所给路径是否正确）。"), "\(none.stdout)")
        #expect(!none.stdout.contains("未发现问题"), "\(none.stdout)")
    }

    @Test func aRecordThatCannotBeCheckedKeepsEveryClaimOfItsKindFromBeingStated() throws {
        let typo = Self.decision("A-3").replacingOccurrences(of: "  - {type: decision", with: "  - {status: finishd, type: decision")
        let result = try Self.report(["a.yaml": Self.decision("A-1"), "c.yaml": typo])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("2 项重大行政决策中 1 项在集体讨论前完成合法性审查，1 项（A-3）记录有误，无法核查。"))
        #expect(!result.stdout.contains("全部经集体讨论决定"))
    }

    @Test func unreadableFilesAreNamedAsNotCounted() throws {
        let result = try Self.report(["a.yaml": Self.decision("A-1"), "broken.yaml": "id: [unclosed\n"])
        #expect(result.stdout.contains("另有 1 个文件或记录未计入上述数字（broken.yaml）"))
    }

    @Test func thePreviousYearIsComparedWhenItsRecordsAreGiven() throws {
        let result = try Self.report([
            "a.yaml": Self.decision("A-1"), "b.yaml": Self.decision("A-2"),
            "old.yaml": Self.decision("O-1", from: Fixtures.lateReview, year: 2019).replacingOccurrences(of: "2019-03", with: "2019-10"),
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("作出重大行政决策 2 项（上年 1）"))
        #expect(result.stdout.contains("上年：0/1"))
        #expect(result.stdout.contains("全部履行合法性审查程序（共 2 项）"))
    }

    @Test func theReportIsWordedInEnglishOnRequest() throws {
        let result = try Self.report(["a.yaml": Self.decision("A-1"), "b.yaml": Self.decision("A-2", from: Fixtures.lateReview)], extra: ["--lang", "en"])
        #expect(result.stdout.contains("Of 2 major administrative decisions, 1 was reviewed for legality before the collective discussion; reviewed only after the discussion: 1 (A-2)."))
        #expect(result.stdout.contains("In 2020, 2 major administrative decisions were made."))
        // A count of one takes the singular.
        let one = try Self.report(["a.yaml": Self.decision("A-1")], extra: ["--lang", "en"])
        #expect(one.stdout.contains("In 2020, 1 major administrative decision was made."), "\(one.stdout)")
    }

    @Test func htmlIsOnePrintablePageOfTheSameFigures() throws {
        let result = try Self.report(["a.yaml": Self.decision("A-1"), "b.yaml": Self.decision("A-2", from: Fixtures.lateReview)], extra: ["--format", "html"])
        #expect(result.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(result.stdout.contains("@page { size: A4"))
        #expect(result.stdout.contains("<section class=\"claim partly\">\n<p>2 项重大行政决策中 1 项在集体讨论前完成合法性审查，1 项（A-2）审查晚于讨论。</p>"))
    }

    @Test func docxIsAWordDocumentHoldingTheSentences() throws {
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": Self.decision("A-1"), "b.yaml": Self.decision("A-2", from: Fixtures.lateReview)])
        let result = try CLIRunner.run(["report", "--year", "2020", "--as-of", "2026-06-30", "--format", "docx", "--output", "r.docx", "."], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let bytes = try Data(contentsOf: folder.appendingPathComponent("r.docx"))
        #expect(bytes.prefix(2) == Data("PK".utf8))
        let list = try CLIRunner.shell(
            "python3 -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(z.namelist()); print(z.read(\"word/document.xml\").decode())' r.docx",
            in: folder)
        #expect(list.stdout.contains("'[Content_Types].xml'"))
        #expect(list.stdout.contains("'word/styles.xml'"))
        #expect(list.stdout.contains("2 项重大行政决策中 1 项在集体讨论前完成合法性审查，1 项（A-2）审查晚于讨论。"))
        // The same records give the same bytes (no date is written).
        let again = try CLIRunner.run(["report", "--year", "2020", "--as-of", "2026-06-30", "--format", "docx", "--output", "s.docx", "."], in: folder)
        #expect(again.status == 0)
        #expect(try Data(contentsOf: folder.appendingPathComponent("s.docx")) == bytes)
    }

    /// What a user would do: LibreOffice opens the .docx and its PDF holds the figures. Runs where
    /// LibreOffice and pdftotext are installed (Debian: libreoffice-writer-nogui, poppler-utils).
    @Test(.enabled(if: AnnualReportTests.hasOffice)) func libreOfficeOpensTheDocx() throws {
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": Self.decision("A-1"), "b.yaml": Self.decision("A-2", from: Fixtures.lateReview)])
        let result = try CLIRunner.shell(
            """
            "$0" report --year 2020 --as-of 2026-06-30 --format docx --output r.docx . &&
            HOME="$PWD" timeout 180 soffice --headless --convert-to pdf r.docx >/dev/null 2>&1 && pdftotext r.pdf - | tr -d ' \\n'
            """, in: folder)
        #expect(result.stdout.contains("2项重大行政决策中1项在集体讨论前完成合法性审查，1项（A-2）审查晚于讨论。"), "\(result.stderr)")
    }

    static let hasOffice: Bool = ["soffice", "pdftotext"].allSatisfy { tool in
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)")
        }
    }

    /// `rules lint` of a local wording of one claim, whose `holds` is given.
    static func lintClaim(holdsZh: String, holdsEn: String) throws -> CLIRunner.Result {
        let folder = try CLIRunner.folder([
            "local/report.yaml": """
                annual_report:
                  claims:
                    - id: mad-review-before-discussion
                      kind: major_administrative_decision
                      holds: {zh: "\(holdsZh)", en: "\(holdsEn)"}
                      partly: {zh: "{total} 中 {held}", en: "{held} of {total}"}
                      empty: {zh: 无。, en: None.}
                      problems:
                        MAD-002: {zh: 晚于讨论, en: late}
                """,
        ])
        return try CLIRunner.run(["rules", "lint", "--rules", "local"], in: folder)
    }

    @Test func wordingWithAnUnknownPlaceholderIsALoadError() throws {
        let result = try Self.lintClaim(holdsZh: "全部审查（{totl} 项）。", holdsEn: "All {total}.")
        #expect(result.status == 2)
        #expect(result.stderr.contains("report.yaml:5:14:"))
        #expect(result.stderr.contains("may not use {totl}"))
    }

    /// A word agreeing with a count is written in three parts and chosen by a count: `{total|decision}`
    /// and `{ids|a|b}` were taken, and printed as written or always in the plural.
    @Test(arguments: [
        ("All {total|decision}.", "a word agreeing with a count is written {count|one|other}"),
        ("All {total|a|b|c}.", "a word agreeing with a count is written {count|one|other}"),
        ("All {year|a|b}.", "only a count ({count}, {total}, {held}, {previous}) chooses a word, not {year}"),
    ])
    func aWordAgreeingWithACountIsWellFormed(holds: String, error: String) throws {
        let result = try Self.lintClaim(holdsZh: "全部审查（{total} 项）。", holdsEn: holds)
        #expect(result.status == 2 && result.stderr.contains(error), "\(result.stderr)")
    }

    @Test func aLocalFileRewordsAClaim() throws {
        let local = """
            annual_report:
              claims:
                - id: mad-review-before-discussion
                  kind: major_administrative_decision
                  holds: {zh: "本镇 {total} 项重大决策均经合法性审查。", en: "All {total} reviewed."}
                  partly: {zh: "{total} 项中 {held} 项先审查后讨论", en: "{held} of {total}"}
                  empty: {zh: 无。, en: None.}
                  problems:
                    MAD-002: {zh: 晚于讨论, en: late}
            """
        let result = try Self.report(["a.yaml": Self.decision("A-1"), "local/report.yaml": local], extra: ["--rules", "local"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("本镇 1 项重大决策均经合法性审查。"))
        #expect(!result.stdout.contains("重大行政决策提交决策机关讨论前全部履行合法性审查程序"))
    }

    /// A penalty case that is not major is no "major enforcement decision" of the legal-review
    /// claim, and one without an inspection recorded bears out no claim about who inspected: the
    /// report had said of two ordinary cases, one with no inspection at all, that every major
    /// decision passed a legal review and every case was handled by two certified officers.
    @Test func aClaimSpeaksOnlyOfTheRecordsThatShowIt() throws {
        let inspected = """
            id: P-2020-1
            kind: administrative_penalty
            title: 占道经营处罚
            steps:
              - {type: case_filing, date: 2020-03-02}
              - {type: inspection, date: 2020-03-03, officers: [P-3, P-4], credentials_shown: true}
              - {type: notice_of_rights, date: 2020-03-10}
              - {type: decision, date: 2020-03-20}
              - {type: delivery, date: 2020-03-21}
            """
        let uninspected = """
            id: P-2020-2
            kind: administrative_penalty
            title: 无调查检查记录的处罚
            steps:
              - {type: case_filing, date: 2020-04-01}
              - {type: notice_of_rights, date: 2020-04-10}
              - {type: decision, date: 2020-04-20}
              - {type: delivery, date: 2020-04-21}
            """
        let result = try Self.report(["a.yaml": inspected, "b.yaml": uninspected])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("本年度没有需法制审核的重大执法决定。"), "\(result.stdout)")
        #expect(!result.stdout.contains("重大执法决定全部履行法制审核程序"))
        #expect(result.stdout.contains("2 件行政处罚案件中 1 件由两名以上持有效执法证件的执法人员办理，1 件（P-2020-2）未记录调查或检查及其执法人员。"), "\(result.stdout)")
        #expect(!result.stdout.contains("实现全员持证上岗"))
        // With only the inspected case, the claim holds as a whole.
        let whole = try Self.report(["a.yaml": inspected])
        #expect(whole.stdout.contains("实现全员持证上岗，行政处罚案件均由两名以上持有效执法证件的执法人员办理（共 1 件）。"), "\(whole.stdout)")
    }

    @Test func aClaimsAboutAndShownByNameLoadedRules() throws {
        let folder = try CLIRunner.folder([
            "local/report.yaml": """
                annual_report:
                  claims:
                    - id: penalty-certified-officers
                      kind: administrative_penalty
                      about: [PEN-999]
                      about_facts: [majr]
                      shown_by: {rules: [PEN-001]}
                      holds: {zh: "全部（{total} 件）。", en: "All {total}."}
                      partly: {zh: "{total} 中 {held}", en: "{held} of {total}"}
                      empty: {zh: 无。, en: None.}
                      problems:
                        PEN-001: {zh: 不足两人, en: fewer than two}
                """,
        ])
        let result = try CLIRunner.run(["rules", "lint", "--rules", "local"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("'shown_by' {rules: [RULE-ID, ...], missing:"), "\(result.stderr)")
        #expect(result.stderr.contains("names the rule PEN-999, which is not loaded"), "\(result.stderr)")
        #expect(result.stderr.contains("names the fact 'majr' in about_facts, which is no boolean fact of the vocabulary; did you mean 'major'?"), "\(result.stderr)")
    }

    /// The overview's count of decisions made (作出, 制定) takes those with a decision done; the
    /// others are said apart. A draft at public comment was "made", beside the same report's
    /// 本年度没有作出决定的重大行政决策, and counted again the year it was decided.
    @Test func onlyDecisionsDoneAreCountedAsMade() throws {
        let draft = """
            id: Y-1
            kind: major_administrative_decision
            title: 某方案（草案）
            steps:
              - {type: public_comment, start: 2020-11-01, end: 2020-12-05}
              - {type: collective_discussion, date: 2021-05-10, status: planned, meeting: {type: executive}}
            """
        let document = """
            id: N-1
            kind: normative_document
            title: 某办法（征求意见稿）
            steps:
              - {type: public_comment, start: 2020-11-01, end: 2020-11-30}
            """
        let result = try Self.report(["a.yaml": Self.decision("A-1"), "b.yaml": draft, "c.yaml": document])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("2020 年度，作出重大行政决策 1 项，制定行政规范性文件 0 件。"), "\(result.stdout)")
        #expect(result.stdout.contains("另有重大行政决策 1 项尚未作出决定（Y-1）。"), "\(result.stdout)")
        #expect(result.stdout.contains("另有行政规范性文件 1 件尚无制定印发决定的记录（N-1）。"), "\(result.stdout)")
    }

    /// A rule's problems are listed by the version of the law each finding applied: cases before
    /// and after 2021-07-15 both cited the article of whichever case's file came first.
    @Test func problemsCiteTheVersionOfTheLawEachCaseFellUnder() throws {
        func penalty(_ id: String, inspected: String) -> String {
            """
            id: \(id)
            kind: administrative_penalty
            title: 一人执法
            facts: {party_present_at_decision: true}
            steps:
              - {type: inspection, date: \(inspected), officers: [P-3], credentials_shown: true}
              - {type: notice_of_rights, date: \(inspected)}
              - {type: decision, date: 2021-08-09}
              - {type: publication, date: 2021-08-09}
            """
        }
        for (first, second) in [("a.yaml", "b.yaml"), ("b.yaml", "a.yaml")] {
            let result = try Self.report([first: penalty("P-2021", inspected: "2021-08-01"), second: penalty("P-2017", inspected: "2021-07-01")], year: 2021)
            #expect(result.stdout.contains("执法人员不足两人（《中华人民共和国行政处罚法》第四十二条）：1 件（P-2021）"), "\(result.stdout)")
            #expect(result.stdout.contains("执法人员不足两人（《中华人民共和国行政处罚法》（2017年修正）第三十七条）：1 件（P-2017）"), "\(result.stdout)")
        }
    }

    /// The note names the years without a calendar that the report's own records reached, not
    /// those of a record of another year.
    @Test func theCalendarNoteNamesTheYearsOfTheReportsRecords() throws {
        let old = """
            id: N-2018
            kind: normative_document
            title: 旧文件
            steps:
              - {type: legality_review, submitted: 2018-03-01, date: 2018-03-10, outcome: passed, signoffs: [{person: P-2, role: legal_adviser, date: 2018-03-10}]}
              - {type: collective_discussion, date: 2018-03-20, meeting: {type: executive, minutes: true}}
              - {type: decision, date: 2018-03-21, by: [P-1]}
              - {type: publication, date: 2018-03-22}
            """
        let files = ["a.yaml": Self.decision("A-2"), "b.yaml": old]
        let ofItsYear = try Self.report(files, year: 2018)
        #expect(ofItsYear.stdout.contains("工作日历未涵盖 2018 年"), "\(ofItsYear.stdout)")
        let result = try Self.report(files)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("工作日历未涵盖"), "\(result.stdout)")
    }
}
