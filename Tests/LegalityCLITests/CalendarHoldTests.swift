import Foundation
import Testing

/// The gate and a working-day count in a year the calendar does not cover: counted Monday to
/// Friday there, a review submitted two days before Spring Festival 2027 met "5 working days",
/// and the item was READY with only a note at the foot of the checklist.
@Suite struct CalendarHoldTests {
    static let item = """
        id: CH-1
        kind: major_administrative_decision
        title: 春节后上会的议题
        steps:
          - type: legality_review
            submitted: 2027-02-03
            date: 2027-02-04
            outcome: passed
            by: [P-2]
            signoffs:
              - {person: P-2, role: legal_adviser, date: 2027-02-04}
          - {type: collective_discussion, status: planned, date: 2027-02-15, meeting: {type: executive}}
        """
    /// A county's own rule, at error level: at least 5 working days from submission to the meeting.
    static let countyRule = """
        id: LOCAL-001
        severity: error
        prerequisite: true
        kinds: [major_administrative_decision]
        title: {zh: 本县送审时间要求, en: The county's lead time for review}
        description: {zh: 送审到上会不少于 5 个工作日。, en: At least 5 working days from submission to the meeting.}
        message: {zh: "送审后只有 {working_days} 个工作日", en: "only {working_days} working days after submission"}
        basis: {instrument: 《某县重大行政决策程序规定》, article: 第十条, en: "County rules, art. 10"}
        let:
          review: {last: {steps: {type: legality_review}}}
          discussion: {first: {steps: {type: collective_discussion, status: any}}}
          working_days: {working_days: [$review.submitted, $discussion]}
        violation: {lt: [$working_days, 5]}
        at: $review
        """

    /// A 2027 calendar in the form of a State Council notice (made up for the test: every range
    /// with its weekend days, 33 days off, a make-up Sunday).
    static var calendar2027: String {
        let ranges = [("01-01", 3), ("02-05", 9), ("04-03", 3), ("05-01", 5), ("06-09", 3), ("09-15", 3), ("10-01", 7)]
        var days: [String] = []
        for (start, count) in ranges {
            let parts = start.split(separator: "-").compactMap { Int($0) }
            for offset in 0..<count {
                var components = DateComponents(year: 2027, month: parts[0], day: parts[1] + offset)
                components.calendar = Calendar(identifier: .gregorian)
                components.calendar?.timeZone = TimeZone(identifier: "UTC") ?? .current
                if let date = components.date {
                    let shown = date.formatted(.iso8601.year().month().day().dateSeparator(.dash))
                    days.append(shown)
                }
            }
        }
        return "calendar: cn-2027-test\nyears:\n  2027:\n    holidays: [\(days.joined(separator: ", "))]\n    workdays: [2027-02-14]\n"
    }

    static func folder() throws -> URL {
        try CLIRunner.folder([
            "a.yaml": Self.item, "registry.yaml": Fixtures.registry, "local/LOCAL-001.yaml": Self.countyRule,
            "cal2027.yaml": Self.calendar2027,
        ])
    }

    /// The built-in prerequisite that counts working days is a warning: it cannot block the item,
    /// which stays READY, with a note that the count ignored the holidays.
    @Test func aWarningsCountIsNotedAndDoesNotHold() throws {
        let folder = try Self.folder()
        let text = try CLIRunner.run(["gate", "--meeting", "2027-02-15", "--today", "2027-02-05", "a.yaml"], in: folder)
        #expect(text.status == 0, "\(text.stdout)")
        #expect(text.stdout.contains("[可以上会] CH-1"), "\(text.stdout)")
        #expect(text.stdout.contains("注意：本议题的工作日期限（不决定能否上会的检查）计算到 2027 年"), "\(text.stdout)")
        let json = try CLIRunner.json(try CLIRunner.run(["gate", "--format", "json", "--meeting", "2027-02-15", "--today", "2027-02-05", "a.yaml"], in: folder).stdout)
        let item = try #require((json["items"] as? [[String: Any]])?.first)
        #expect(item["uncoveredYears"] as? [Int] == [2027] && item["heldForCalendar"] as? Bool == false, "\(item)")
        // At the warning level it could block: held.
        let strict = try CLIRunner.run(["gate", "--meeting", "2027-02-15", "--today", "2027-02-05", "--fail-on", "warning", "a.yaml"], in: folder)
        #expect(strict.status == 1, "\(strict.stdout)")
        #expect(strict.stdout.contains("[暂缓上会] CH-1"), "\(strict.stdout)")
        #expect(strict.stdout.contains("暂缓原因：本议题的工作日期限计算到 2027 年，工作日历未涵盖该年"), "\(strict.stdout)")
    }

    /// An error rule's count in 2027 holds the item, in every format; with the year's calendar
    /// the count is real, and the rule itself blocks it (3 working days over Spring Festival).
    @Test func anErrorRulesCountHoldsTheItemUntilTheYearsCalendarIsGiven() throws {
        let folder = try Self.folder()
        let arguments = ["gate", "--meeting", "2027-02-15", "--today", "2027-02-05", "--rules", "local", "a.yaml"]
        let text = try CLIRunner.run(arguments, in: folder)
        #expect(text.status == 1, "\(text.stdout)")
        #expect(text.stdout.contains("[暂缓上会] CH-1"), "\(text.stdout)")
        #expect(!text.stdout.contains("LOCAL-001"), "Monday to Friday give 8 working days: no finding, yet held\n\(text.stdout)")
        #expect(text.stdout.contains("暂缓原因：本议题的工作日期限计算到 2027 年"), "\(text.stdout)")
        let json = try CLIRunner.json(try CLIRunner.run(arguments + ["--format", "json"], in: folder).stdout)
        let item = try #require((json["items"] as? [[String: Any]])?.first)
        #expect(item["ready"] as? Bool == false && item["heldForCalendar"] as? Bool == true, "\(item)")
        let html = try CLIRunner.run(arguments + ["--format", "html", "--lang", "en"], in: folder)
        #expect(html.stdout.contains("Held back: a working-day period of this item runs into 2027"), "\(html.stdout)")
        // Two jobs: the worker's evaluation carries the severity across.
        let twoJobs = try CLIRunner.run(arguments + ["--jobs", "2"], in: folder)
        #expect(twoJobs.stdout == text.stdout)
        let withCalendar = try CLIRunner.run(arguments + ["--calendar", "cal2027.yaml"], in: folder)
        #expect(withCalendar.stdout.contains("错误[LOCAL-001] 本县送审时间要求：送审后只有 3 个工作日"), "\(withCalendar.stdout)")
        #expect(!withCalendar.stdout.contains("暂缓原因：本议题的工作日期限"), "\(withCalendar.stdout)")
        // Never failing, nothing holds.
        let never = try CLIRunner.run(arguments + ["--fail-on", "never"], in: folder)
        #expect(never.status == 0 && never.stdout.contains("[可以上会] CH-1"), "\(never.stdout)")
    }
    /// An empty calendar file (or one of comments only) was listed as loaded, "另加日历", and
    /// added nothing.
    @Test func anEmptyCalendarFileStopsTheRun() throws {
        let folder = try CLIRunner.folder(["a.yaml": Fixtures.compliant, "registry.yaml": Fixtures.registry, "empty.yaml": "", "comments.yaml": "# 2027 年放假安排（待补）\n"])
        for file in ["empty.yaml", "comments.yaml"] {
            let result = try CLIRunner.run(["check", "--calendar", file, "a.yaml"], in: folder)
            #expect(result.status == 2, "\(result.stdout)")
            #expect(result.stderr.contains("invalid calendar: \(file) holds nothing (empty, or only comments)"), "\(result.stderr)")
        }
    }

    /// A county's file changing a day of the built-in calendar (its own day off on a make-up
    /// Saturday) is applied, and named in every report's set-up, since it moves deadlines against
    /// the State Council's notice; it was applied unsaid.
    @Test func aDayOfTheBuiltInCalendarChangedIsNamed() throws {
        let folder = try CLIRunner.folder([
            "a.yaml": Fixtures.compliant, "registry.yaml": Fixtures.registry,
            "county.yaml": "years:\n  2024:\n    holidays: [2024-10-12, 2024-10-08]\n",
        ])
        let text = try CLIRunner.run(["check", "--calendar", "county.yaml", "--as-of", "2024-12-31", "a.yaml"], in: folder)
        #expect(text.stdout.contains("另加日历：county.yaml；日历改动：2024-10-12 改为休息日（county.yaml 改动内置日历）"), "\(text.stdout)")
        let json = try CLIRunner.json(try CLIRunner.run(["check", "--calendar", "county.yaml", "--as-of", "2024-12-31", "--format", "json", "a.yaml"], in: folder).stdout)
        let changes = try #require(json["calendarChanges"] as? [[String: Any]])
        #expect(changes.count == 1 && changes.first?["day"] as? String == "2024-10-12" && changes.first?["working"] as? Bool == false, "\(changes)")
    }

    /// A count into 2027 whose verdict no notice for 2027 could change holds nothing: a review
    /// submitted in November 2026 for a meeting in January 2027 has some forty working days in
    /// 2026 alone (it was held, "whether the period is met cannot be told").
    @Test func aCountWhoseVerdictNoNoticeCouldChangeHoldsNothing() throws {
        let early = Self.item.replacingOccurrences(of: "submitted: 2027-02-03", with: "submitted: 2026-11-02")
            .replacingOccurrences(of: "2027-02-04", with: "2026-11-20").replacingOccurrences(of: "2027-02-15", with: "2027-01-08")
        let folder = try CLIRunner.folder(["a.yaml": early, "registry.yaml": Fixtures.registry, "local/LOCAL-001.yaml": Self.countyRule])
        for extra in [["--fail-on", "warning"], ["--rules", "local"]] {
            let result = try CLIRunner.run(["gate", "--meeting", "2027-01-08", "--today", "2027-01-06", "a.yaml"] + extra, in: folder)
            #expect(result.status == 0 && result.stdout.contains("[可以上会] CH-1"), "\(extra): \(result.stdout)")
            #expect(!result.stdout.contains("暂缓原因：本议题的工作日期限"), "\(extra): \(result.stdout)")
        }
    }

    /// The re-check applies the run's waivers (a waived MAD-007 can block under no calendar, and
    /// the item was held), and a record read from standard input, which cannot be read again, is
    /// held as before (it went READY).
    @Test func theReCheckAppliesWaiversAndHoldsWhatCannotBeReadAgain() throws {
        let waiver = "waivers:\n  - {rule: MAD-007, record: CH-1, reason: 防汛紧急经县政府同意缩短审查时间, approved_by: 县政府办公室〔2027〕3号, expires: 2027-12-31}\n"
        let folder = try CLIRunner.folder(["a.yaml": Self.item, "registry.yaml": Fixtures.registry, ".legality.yaml": waiver])
        let waived = try CLIRunner.run(["gate", "--meeting", "2027-02-15", "--today", "2027-02-05", "--fail-on", "warning", "a.yaml"], in: folder)
        #expect(waived.stdout.contains("[可以上会] CH-1") && !waived.stdout.contains("暂缓原因：本议题的工作日期限"), "\(waived.stdout)")
        let plain = try CLIRunner.folder(["a.yaml": Self.item, "registry.yaml": Fixtures.registry])
        let piped = try CLIRunner.shell("\"$0\" gate --meeting 2027-02-15 --today 2027-02-05 --fail-on warning --registry registry.yaml - < a.yaml", in: plain)
        #expect(piped.stdout.contains("暂缓原因：本议题的工作日期限计算到 2027 年"), "\(piped.stdout)")
    }
}
