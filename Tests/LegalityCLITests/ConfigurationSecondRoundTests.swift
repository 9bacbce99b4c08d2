import Foundation
import Testing

/// What an office's configuration changes is named in every report, and a mistake in it is
/// refused or told, never silently applied: the configuration review's findings.
@Suite struct ConfigurationSecondRoundTests {
    /// A decision never reviewed (MAD-001) of 2025.
    static let unreviewed = """
        id: C-1
        kind: major_administrative_decision
        title: 未经审查的决策
        steps:
          - {type: collective_discussion, date: 2025-11-20, meeting: {type: executive, minutes: true}, attendees: [P-1]}
          - {type: decision, date: 2025-11-20, by: [P-1]}
        """

    static func folder(_ configuration: String, _ files: [String: String] = [:]) throws -> URL {
        try CLIRunner.folder(["registry.yaml": Fixtures.registry, "c1.yaml": Self.unreviewed, ".legality.yaml": configuration, ".git/HEAD": "ref: refs/heads/main\n"]
            .merging(files) { _, new in new })
    }

    /// The annual report names the configuration, and a claim's rule made an info still denies the
    /// claim and is listed among the problems ("no legality review" as an info read "未发现问题").
    @Test func theAnnualReportNamesTheConfigurationAndKeepsALoweredProblem() throws {
        let folder = try Self.folder("severity: {MAD-001: info}\nparameters:\n  NOR-006: {days: 45}\n")
        let report = try CLIRunner.run(["report", ".", "--year", "2025", "--as-of", "2026-06-30"], in: folder).stdout
        #expect(report.contains("> 配置：.legality.yaml；调整级别：MAD-001（提示）；调整参数：NOR-006 days = 45"), "\(report)")
        #expect(report.contains("1 项（C-1）未经合法性审查"), "\(report)")
        #expect(!report.contains("未发现问题"), "\(report)")
        let html = try CLIRunner.run(["report", ".", "--year", "2025", "--as-of", "2026-06-30", "--format", "html"], in: folder).stdout
        #expect(html.contains("调整级别：MAD-001（提示）"), "\(html)")
    }

    /// Check's JSON, SARIF and JUnit and the gate's JSON name the severities and parameters the
    /// configuration changed, as the audit's JSON did: a finding read `"info"` with nothing saying
    /// it had been an error.
    @Test func machineReadableReportsNameWhatTheConfigurationChanged() throws {
        let folder = try Self.folder("severity: {MAD-001: info}\nparameters:\n  NOR-006: {days: 45}\n")
        let check = ["check", "c1.yaml", "--as-of", "2026-06-30"]
        let json = try CLIRunner.json(try CLIRunner.run(check + ["--format", "json"], in: folder).stdout)
        #expect((json["severityChanged"] as? [String: String]) == ["MAD-001": "info"], "\(json)")
        #expect((json["parametersChanged"] as? [String]) == ["NOR-006 days = 45"], "\(json)")
        let sarif = try CLIRunner.run(check + ["--format", "sarif"], in: folder).stdout
        #expect(sarif.contains("\"severityChanged\": {\n") && sarif.contains("\"MAD-001\": \"info\""), "\(sarif)")
        let junit = try CLIRunner.run(check + ["--format", "junit"], in: folder).stdout
        #expect(junit.contains("<property name=\"severityChanged\" value=\"MAD-001=info\"/>"), "\(junit)")
        #expect(junit.contains("<property name=\"parametersChanged\" value=\"NOR-006 days = 45\"/>"), "\(junit)")
        let gate = try CLIRunner.json(try CLIRunner.run(["gate", "--meeting", "2025-11-20", "c1.yaml", "--format", "json"], in: folder).stdout)
        #expect((gate["parametersChanged"] as? [String]) == ["NOR-006 days = 45"], "\(gate)")
    }

    /// A record no rule beyond the record format applied to is not called passed: the HTML says
    /// 未作实质检查, and every summary counts such records (also when checked by worker processes).
    @Test func aRecordNothingOfSubstanceWasCheckedInIsNotCalledPassed() throws {
        let permit = "id: L-1\nkind: 行政许可\ntitle: 许可\nsteps:\n  - {type: decision, date: 2025-03-01}\n"
        let folder = try CLIRunner.folder(["a/permit.yaml": permit, "b/c1.yaml": Self.unreviewed, "registry.yaml": Fixtures.registry])
        let html = try CLIRunner.run(["check", ".", "--as-of", "2026-06-30", "--format", "html"], in: folder).stdout
        #expect(html.contains("<span class=\"badge unchecked\">未作实质检查</span>"), "\(html)")
        for jobs in ["1", "2"] {
            let text = try CLIRunner.run(["check", ".", "--as-of", "2026-06-30", "--jobs", jobs], in: folder).stdout
            #expect(text.contains("；1 条记录除记录格式外没有适用的规则，未作实质检查（a/permit.yaml）"), "\(text)")
            let json = try CLIRunner.json(try CLIRunner.run(["check", ".", "--as-of", "2026-06-30", "--jobs", jobs, "--format", "json"], in: folder).stdout)
            #expect((json["summary"] as? [String: Any])?["formatOnly"] as? Int == 1, "\(json)")
            #expect((json["summary"] as? [String: Any])?["formatOnlyFiles"] as? [String] == ["a/permit.yaml"], "\(json)")
        }
        let english = try CLIRunner.run(["check", "a", "--as-of", "2026-06-30", "--lang", "en"], in: folder).stdout
        #expect(english.contains("; 1 record had no rule beyond the record format (nothing of substance checked: a/permit.yaml)"), "\(english)")
        // A log for code scanning names them too: it held no result, and nothing of the record.
        let sarif = try CLIRunner.json(try CLIRunner.run(["check", "a", "--as-of", "2026-06-30", "--format", "sarif"], in: folder).stdout)
        let properties = ((sarif["runs"] as? [[String: Any]])?.first?["properties"] as? [String: Any]) ?? [:]
        #expect(properties["formatOnly"] as? Int == 1 && properties["formatOnlyFiles"] as? [String] == ["a/permit.yaml"], "\(properties)")
    }

    /// A calendar given among the rules was passed over unsaid, and the deadlines it moves were
    /// counted without it.
    @Test func aCalendarGivenAsRulesIsRefused() throws {
        let calendar = "calendar: local\nyears:\n  2025: {notice: 通知, source: 某文, holidays: [2025-09-29], workdays: []}\n"
        let folder = try Self.folder("rules: [calendars/]\n", ["calendars/local.yaml": calendar])
        let result = try CLIRunner.run(["check", "c1.yaml", "--as-of", "2026-06-30"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("calendars/local.yaml: a file in a folder named calendars, ledgers or starter is not read as rules; give a calendar under 'calendars:'"), "\(result.stderr)")
        let right = try Self.folder("calendars: [calendars/local.yaml]\n", ["calendars/local.yaml": calendar])
        #expect(try CLIRunner.run(["check", "c1.yaml", "--as-of", "2026-06-30"], in: right).status == 1)
        // A calendar the configuration names as one may lie in the folder of the rules.
        let inRules = try Self.folder("rules: [local/]\ncalendars: [local/calendars/x.yaml]\n", [
            "local/calendars/x.yaml": calendar, "local/rule.yaml": RuleAuthorSecondRoundTests.rule("violation: false"),
        ])
        let result2 = try CLIRunner.run(["check", "c1.yaml", "--as-of", "2026-06-30"], in: inRules)
        #expect(result2.status == 1, "\(result2.stderr)")
    }

    /// The law's seven days to deliver a decision may not be widened by a configuration (60 days
    /// took every late delivery out of the reports), as two officers may not be made one.
    @Test func aParameterAboveWhatTheLawAllowsIsRefused() throws {
        let folder = try Self.folder("parameters:\n  PEN-011: {days: 60}\n")
        let result = try CLIRunner.run(["check", "c1.yaml", "--as-of", "2026-06-30"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("PEN-011's parameter 'days' may never be more than 7 ('60' is): the law rules it out"), "\(result.stderr)")
        #expect(try CLIRunner.run(["check", "c1.yaml", "--as-of", "2026-06-30"], in: try Self.folder("parameters:\n  PEN-011: {days: 5}\n")).status == 1)
    }

    /// Small mistakes of a configuration: a rule disabled twice is named once, a severity set to
    /// the rule's own is no change, an id in the wrong case gets a "did you mean", and a
    /// configuration saved as `.legality.yml` is said to be unread.
    @Test func smallMistakesAreToldOrHarmless() throws {
        let folder = try Self.folder("disable: [MAD-012, MAD-012]\nseverity: {MAD-002: error}\n")
        let json = try CLIRunner.json(try CLIRunner.run(["check", "c1.yaml", "--as-of", "2026-06-30", "--format", "json"], in: folder).stdout)
        #expect((json["disabled"] as? [String]) == ["MAD-012"], "\(json)")
        #expect((json["severityChanged"] as? [String: String]) == [:], "\(json)")
        let cased = try CLIRunner.run(["check", "c1.yaml"], in: try Self.folder("disable: [mad-012]\n"))
        #expect(cased.stderr.contains("no rule has the id 'mad-012'; did you mean 'MAD-012'?"), "\(cased.stderr)")
        let wide = try CLIRunner.run(["check", "c1.yaml"], in: try Self.folder("disable: [ＭＡＤ-012]\n"))
        #expect(wide.stderr.contains("did you mean 'MAD-012'?"), "\(wide.stderr)")
        let yml = try CLIRunner.folder(["c1.yaml": Self.unreviewed, ".legality.yml": "disable: [MAD-001]\n", ".git/HEAD": "x\n"])
        let unread = try CLIRunner.run(["check", "c1.yaml", "--as-of", "2026-06-30"], in: yml)
        #expect(unread.stderr.contains("legality: .legality.yml is not read: the configuration is named .legality.yaml"), "\(unread.stderr)")
    }
}
