import Foundation
import Testing

/// Values as clerks write them (a review of some 650 ways of writing them, applied one at a time
/// to every example record): those that turned a failing record into a passing one unsaid.
@Suite struct ValueReadingTests {
    static func penaltyCase() throws -> String {
        try String(contentsOf: CLIRunner.root.appendingPathComponent("cases/penalty/building-materials-major-hearing.yaml"), encoding: .utf8)
    }

    static func findings(_ record: String, asOf: String = "2026-11-27") throws -> (status: Int32, findings: [[String: Any]]) {
        let registry = try String(contentsOf: CLIRunner.root.appendingPathComponent("cases/registry.yaml"), encoding: .utf8)
        let folder = try CLIRunner.folder(["registry.yaml": registry, "a.yaml": record])
        let result = try CLIRunner.run(["check", "--as-of", asOf, "--format", "json", "a.yaml"], in: folder)
        return (result.status, try #require(try CLIRunner.json(result.stdout)["findings"] as? [[String: Any]]))
    }

    /// A review written with the other kind's type (合法性审查 in a penalty case, 法制审核 in a
    /// decision) is read by none of the record's rules: a failed review so written passed the case,
    /// and the gate said READY. It is a value problem saying the type the record's kind has.
    @Test func aReviewOfAnotherKindsTypeIsAValueProblem() throws {
        let failed = try Self.penaltyCase().replacingOccurrences(of: "  - type: legal_review\n    date: 2026-03-10\n    outcome: passed", with: "  - type: 合法性审查\n    date: 2026-03-10\n    outcome: failed")
        let (status, findings) = try Self.findings(failed)
        #expect(status == 1)
        let value = try #require(findings.first { $0["rule"] as? String == "REC-006" }, "\(findings)")
        #expect((value["message"] as? String)?.contains("第 6 个步骤的类型 合法性审查（legality_review） 属于重大行政决策、行政规范性文件，不属于行政处罚，行政处罚的规则不读它；行政处罚中对应的步骤类型是 法制审核（legal_review）？") == true, "\(value)")
        #expect(value["line"] as? Int == 25)
        let decision = Fixtures.compliant.replacingOccurrences(of: "type: legality_review", with: "type: legal_review")
        let (_, decisionFindings) = try Self.findings(decision, asOf: "2024-12-31")
        #expect(decisionFindings.contains { $0["rule"] as? String == "REC-006" && ($0["message"] as? String)?.contains("法制审核（legal_review） 属于行政处罚，不属于重大行政决策") == true }, "\(decisionFindings)")
        // Beside the kind's own review, one of the other type that passed is an internal review (a
        // department's 法制审核 before the government's 合法性审查): a warning; one that did not
        // pass is a value problem still (a failed second review so written went unread).
        let internalReview = Fixtures.compliant.replacingOccurrences(of: "  - type: legality_review\n", with: "  - {type: 法制审核, date: 2024-02-20, outcome: passed}\n  - type: legality_review\n")
        let (_, internalFindings) = try Self.findings(internalReview, asOf: "2024-12-31")
        #expect(!internalFindings.contains { $0["rule"] as? String == "REC-006" }, "\(internalFindings)")
        #expect(internalFindings.contains { $0["rule"] as? String == "REC-007" && ($0["message"] as? String)?.contains("如是部门内部的审核，可照写") == true }, "\(internalFindings)")
        let failedSecond = Fixtures.compliant.replacingOccurrences(of: "  - type: collective_discussion\n", with: "  - {type: 法制审核, date: 2024-03-16, outcome: failed}\n  - type: collective_discussion\n")
        let (failedStatus, failedFindings) = try Self.findings(failedSecond, asOf: "2024-12-31")
        #expect(failedStatus == 1 && failedFindings.contains { $0["rule"] as? String == "REC-006" }, "\(failedFindings)")
        // Nor does a hint propose a type of another kind: 合法性审核 in a penalty case was told
        // 合法性审查, which no penalty rule reads. (合法性审核, the normative documents' word, is a
        // name of the legality review: the case is told the type its kind has.)
        let hinted = try Self.penaltyCase().replacingOccurrences(of: "  - type: legal_review\n", with: "  - type: 合法性审核\n")
        let (_, hintedFindings) = try Self.findings(hinted)
        let hint = try #require(hintedFindings.first { $0["rule"] as? String == "REC-006" }.flatMap { $0["message"] as? String })
        #expect(!hint.contains("是否应为 合法性审查") && hint.contains("行政处罚中对应的步骤类型是 法制审核（legal_review）？"), "\(hint)")
    }

    /// A year mistyped into the century before (`1925-11-04` for 2025) dated the step before every
    /// law, and the rules about it said nothing: a case of one officer passed. A step or a signoff
    /// dated before 1950 is a step problem, as a ledger's date cell is.
    @Test(arguments: ["1925-01-14", "1025-01-14"])
    func aDateBefore1950IsAStepProblem(date: String) throws {
        let early = try Self.penaltyCase().replacingOccurrences(of: "  - type: investigation\n    date: 2026-01-14", with: "  - type: investigation\n    date: \(date)")
        let (status, findings) = try Self.findings(early)
        #expect(status == 1)
        let step = try #require(findings.first { $0["rule"] as? String == "REC-003" }, "\(findings)")
        #expect((step["message"] as? String)?.contains("第 2 个步骤的 date 是 \(date)，早于 1950 年，不可能是办理日期；年份是否写错了（如 2025）？") == true, "\(step)")
        let signed = Fixtures.compliant.replacingOccurrences(of: "role: legal_adviser, date: 2024-03-15", with: "role: legal_adviser, date: 1924-03-15")
        let (_, signedFindings) = try Self.findings(signed, asOf: "2024-12-31")
        #expect(signedFindings.contains { $0["rule"] as? String == "REC-003" && ($0["message"] as? String)?.contains("signoffs.date 是 1924-03-15，早于 1950 年") == true }, "\(signedFindings)")
    }

    /// A fact whose name holds a well-known fact's code as whole words, with a yes-or-no value
    /// (`major_case: true`), was meant as it: read by no rule, a major case with no legal review
    /// passed unsaid. A fact of another value so named (`stability_risk_level: 低`) is the office's own.
    @Test func aFactNamedWithAWellKnownFactsWordsIsReported() throws {
        let named = try Self.penaltyCase().replacingOccurrences(of: "  major: true\n", with: "  major_case: true\n  stability_risk_level: 低\n")
        let (_, findings) = try Self.findings(named)
        let keys = findings.filter { $0["rule"] as? String == "REC-007" }.compactMap { $0["message"] as? String }
        #expect(keys.count == 1, "\(keys)")
        #expect(keys.first?.contains("facts 下的 major_case 不是已知的事实，也没有规则读取它；是否应为 major？") == true, "\(keys)")
        // A name saying "not", or adding another thing, is proposed nothing: `not_exploratory_reform`
        // told `exploratory_reform` lifted a failed review's error when followed.
        let negated = try Self.penaltyCase().replacingOccurrences(of: "  major: true\n", with: "  major: true\n  not_urgent: true\n  stability_risk_assessed: true\n")
        let (_, negatedFindings) = try Self.findings(negated)
        #expect(!negatedFindings.contains { ($0["message"] as? String)?.contains("是否应为") == true }, "\(negatedFindings)")
    }

    /// A well-known fact in words of its own — a name of the vocabulary's (`重大案件`), a hint in
    /// brackets (`重大执法决定（是/否）`), a `是否为` before it — under `facts`, or written beside
    /// `facts` at the record's top (`重大执法决定: true`, `major_case: true`, as `import` writes a
    /// ledger's unread column, `列 F：是否为重大案件`): read by no rule, a major case with no legal
    /// review was READY. Each is REC-007 with the fact meant, and holds the gate's item back; one
    /// saying no hides nothing and is only listed.
    @Test(arguments: [
        ("facts", "重大案件: 是"), ("facts", "\"重大执法决定（是/否）\": 是"), ("facts", "是否为重大案件: 是"),
        ("facts", "major_penalty: true"), ("facts", "major_enforcement_decision: true"),
        ("top", "重大执法决定: true"), ("top", "major_case: true"), ("top", "\"列 F：是否为重大案件\": 是"), ("top", "是否重大行政执法决定: 是"),
    ])
    func aFactInOtherWordsHoldsTheGate(place: String, line: String) throws {
        let withoutFact = try Self.penaltyCase().replacingOccurrences(of: "  major: true\n", with: "")
        let record = Self.placed(line, place, in: withoutFact)
        #expect(record != withoutFact)
        let (_, findings) = try Self.findings(record)
        let key = try #require(findings.first { $0["rule"] as? String == "REC-007" }?["message"] as? String, "\(findings)")
        #expect(key.contains(place == "facts" ? "是否应为 major？" : "似为事实 major（重大执法决定或情节复杂、重大违法），应写在 facts 下"), "\(key)")
        // (Nor is it told to take the x_ prefix, which only silenced it: `x_重大执法决定: true` passed.)
        #expect(!key.contains("自定义事实请以 x_ 开头"), "\(key)")
        let item = try Self.gateItem(record)
        #expect(item["misreadKey"] as? Bool == true, "\(item)")
        #expect(item["ready"] as? Bool == false, "\(item)")
    }

    /// A decision's fact named with its code beside words of degree or domain (`high_stability_risk`,
    /// `social_stability_risk`) or a Chinese name after `存在` (`存在稳定风险: 是`) passed a decision
    /// with no risk assessment unsaid: each is REC-007 proposing `stability_risk`. One adding
    /// another thing (`stability_risk_assessed`) is the office's own and proposes nothing.
    @Test(arguments: ["high_stability_risk: true", "social_stability_risk: true", "stability_risk_high: true", "存在稳定风险: 是"])
    func aDecisionsFactWithWordsOfDegreeIsReported(line: String) throws {
        let record = Fixtures.compliant.replacingOccurrences(of: "steps:\n", with: "facts:\n  \(line)\nsteps:\n")
        let (_, findings) = try Self.findings(record, asOf: "2024-12-31")
        let key = try #require(findings.first { $0["rule"] as? String == "REC-007" }?["message"] as? String, "\(findings)")
        #expect(key.contains("是否应为 stability_risk？"), "\(key)")
        let assessed = Fixtures.compliant.replacingOccurrences(of: "steps:\n", with: "facts:\n  stability_risk_assessed: true\nsteps:\n")
        let (_, assessedFindings) = try Self.findings(assessed, asOf: "2024-12-31")
        #expect(!assessedFindings.contains { ($0["message"] as? String)?.contains("是否应为") == true }, "\(assessedFindings)")
    }

    /// The same fact beside its code given as false (`major: false` with `重大案件: 是`, or
    /// `重大执法决定: true` at the top): the two disagree, and which holds is unknown. The code was
    /// not looked for (already given), and a major case with no legal review went READY.
    @Test(arguments: [("facts", "重大案件: 是"), ("top", "重大执法决定: true"), ("facts", "\"涉及公共利益（是/否）\": 是")])
    func aFactInOtherWordsContradictingItsCodeHoldsTheGate(place: String, line: String) throws {
        let saidNo = try Self.penaltyCase().replacingOccurrences(of: "  major: true\n", with: "  major: false\n  affects_public_interest: false\n")
        let record = place == "facts"
            ? saidNo.replacingOccurrences(of: "facts:\n", with: "facts:\n  \(line)\n")
            : saidNo.replacingOccurrences(of: "steps:\n", with: "\(line)\nsteps:\n")
        let (_, findings) = try Self.findings(record)
        let key = try #require(findings.first { $0["rule"] as? String == "REC-007" }?["message"] as? String, "\(findings)")
        #expect(key.contains(": false 相矛盾，以哪个为准无法确定"), "\(key)")
        let item = try Self.gateItem(record)
        #expect(item["misreadKey"] as? Bool == true && item["ready"] as? Bool == false, "\(item)")
    }

    /// The same fact saying no is listed, and holds nothing back.
    @Test(arguments: ["重大执法决定: false", "是否重大案件: 否", "\"重大案件（是/否）\": 否"])
    func aFactInOtherWordsSayingNoIsOnlyListed(line: String) throws {
        let withoutFact = try Self.penaltyCase().replacingOccurrences(of: "  major: true\n", with: "")
        let item = try Self.gateItem(withoutFact.replacingOccurrences(of: "steps:\n", with: "\(line)\nsteps:\n"))
        #expect(item["misreadKey"] as? Bool == false, "\(item)")
        #expect((item["findings"] as? [[String: Any]])?.contains { $0["rule"] as? String == "REC-007" } == true, "\(item)")
    }

    /// A category whose value names a well-known fact (`案件类型: 重大`, as offices' ledgers have
    /// `案件类型（一般/重大）`), or the fact's shortest name (`重大: 是`, `是否重大: 是`): read by no
    /// rule, a major case with no legal review was READY without a word. Each is REC-007 naming
    /// the fact, and holds the gate's item back.
    @Test(arguments: [
        ("facts", "案件类型: 重大", "其值“重大”似指事实 major（重大执法决定或情节复杂、重大违法），规则只读 facts: {major: true}"),
        ("facts", "\"案件类型（一般/重大）\": 重大", "其值“重大”似指事实 major"),
        ("facts", "案件性质: 重大案件", "其值“重大案件”似指事实 major"),
        ("facts", "case_type: major", "其值“major”似指事实 major"),
        ("facts", "重大: 是", "是否应为 major？"),
        ("facts", "是否重大: 是", "是否应为 major？"),
        ("top", "案件类型: 重大", "字段 案件类型 似为事实 major（重大执法决定或情节复杂、重大违法），应写在 facts 下"),
    ])
    func aCategoryNamingAFactHoldsTheGate(place: String, line: String, said: String) throws {
        let withoutFact = try Self.penaltyCase().replacingOccurrences(of: "  major: true\n", with: "")
        let record = Self.placed(line, place, in: withoutFact)
        #expect(record != withoutFact)
        let (_, findings) = try Self.findings(record)
        let key = try #require(findings.first { $0["rule"] as? String == "REC-007" }?["message"] as? String, "\(findings)")
        #expect(key.contains(said), "\(key)")
        let item = try Self.gateItem(record)
        #expect(item["misreadKey"] as? Bool == true && item["ready"] as? Bool == false, "\(item)")
    }

    /// A category of a value naming no fact (`案件类型: 一般`, `案件类型: 食品安全`, `案件性质:
    /// 非重大`) is the office's own: nothing is said of it.
    @Test(arguments: ["案件类型: 一般", "案件类型: 食品安全", "案件性质: 非重大", "备注: 重大"])
    func aCategoryOfNoFactIsTheOfficesOwn(line: String) throws {
        let record = try Self.penaltyCase().replacingOccurrences(of: "facts:\n", with: "facts:\n  \(line)\n")
        let (_, findings) = try Self.findings(record)
        #expect(!findings.contains { $0["rule"] as? String == "REC-007" }, "\(findings)")
    }

    /// A fact no rule of the record's kind reads changes nothing there: `重大: 是` in a major
    /// administrative decision is no penalty case's `major`, and held the decision back; the
    /// facts listed are the decision's own.
    @Test func aFactOfAnotherKindHoldsNothing() throws {
        let record = Fixtures.compliant.replacingOccurrences(of: "steps:\n", with: "facts:\n  重大: 是\n  决策类型: 重大\nsteps:\n")
        #expect(record != Fixtures.compliant)
        let (_, findings) = try Self.findings(record, asOf: "2024-12-31")
        let keys = findings.filter { $0["rule"] as? String == "REC-007" }.compactMap { $0["message"] as? String }
        #expect(keys.count == 1, "\(keys)")
        let key = try #require(keys.first)
        #expect(key.contains("facts 下的 重大 不是已知的事实") && !key.contains("是否应为"), "\(key)")
        #expect(key.contains("stability_risk") && !key.contains("complex") && !key.contains("major"), "\(key)")
        let planned = Fixtures.compliant.replacingOccurrences(of: "steps:\n", with: "facts:\n  重大: 是\nsteps:\n")
            .replacingOccurrences(of: "  - type: collective_discussion\n    date: 2024-03-20\n", with: "  - type: collective_discussion\n    status: planned\n    date: 2024-03-20\n")
            .replacingOccurrences(of: "  - {type: decision, date: 2024-03-20, by: [P-1]}\n  - {type: publication, date: 2024-03-25}", with: "")
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": planned])
        let gate = try CLIRunner.run(["gate", "--meeting", "2024-03-20", "--today", "2024-03-19", "--format", "json", "a.yaml"], in: folder)
        let item = try #require((try CLIRunner.json(gate.stdout)["items"] as? [[String: Any]])?.first, "\(gate.stdout)")
        #expect(item["misreadKey"] as? Bool == false && item["ready"] as? Bool == true, "\(item)")
    }

    /// A record with `line` under its facts (`place` "facts") or at its top.
    static func placed(_ line: String, _ place: String, in record: String) -> String {
        place == "facts"
            ? record.replacingOccurrences(of: "facts:\n", with: "facts:\n  \(line)\n")
            : record.replacingOccurrences(of: "steps:\n", with: "\(line)\nsteps:\n")
    }

    /// The gate's item of a penalty case whose collective discussion, and nothing after it, is
    /// planned for the meeting.
    static func gateItem(_ record: String) throws -> [String: Any] {
        let planned = try #require(record.components(separatedBy: "  - type: decision\n").first)
            .replacingOccurrences(of: "  - type: collective_discussion\n    date: 2026-03-13\n", with: "  - type: collective_discussion\n    status: planned\n    date: 2026-03-13\n")
        let registry = try String(contentsOf: CLIRunner.root.appendingPathComponent("cases/registry.yaml"), encoding: .utf8)
        let folder = try CLIRunner.folder(["registry.yaml": registry, "a.yaml": planned])
        let gate = try CLIRunner.run(["gate", "--meeting", "2026-03-13", "--today", "2026-03-12", "--format", "json", "a.yaml"], in: folder)
        return try #require((try CLIRunner.json(gate.stdout)["items"] as? [[String: Any]])?.first, "\(gate.stdout)")
    }

    /// A registry's certificate dated before 1950 (`1925-01-01` for 2025) was valid for a century,
    /// and an officer's lapse passed: the registry is refused at the date.
    @Test func aRegistryDateBefore1950StopsTheRun() throws {
        let registry = Fixtures.registry.replacingOccurrences(of: "valid_from: 2019-01-01, valid_until: 2030-12-31}]}\n  - {id: P-4", with: "valid_from: 1925-01-01, valid_until: 2030-12-31}]}\n  - {id: P-4")
        #expect(registry != Fixtures.registry)
        let folder = try CLIRunner.folder(["registry.yaml": registry, "a.yaml": Fixtures.compliant])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--lang", "en", "a.yaml"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("'valid_from' is 1925-01-01, before 1950, which no certificate can be dated"), "\(result.stderr)")
    }
}
