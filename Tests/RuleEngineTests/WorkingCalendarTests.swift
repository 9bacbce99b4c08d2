import DecisionRecords
import Foundation
import RuleEngine
import Testing
import YAMLTree

/// One row of the working-day test vectors in notes/legal.md section 7.3.
struct WorkingDayVector: Sendable, CustomTestStringConvertible {
    var start: String
    var count: Int
    var expected: String
    var why: String

    var testDescription: String { "\(start) + \(count) working days = \(expected) (\(why))" }
}

@Suite("Working calendar")
struct WorkingCalendarTests {
    /// rules/calendars/cn-mainland.yaml, found from this file: Tests/RuleEngineTests/ → ../../rules/calendars/.
    static let calendarURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("../../rules/calendars/cn-mainland.yaml")
        .standardizedFileURL

    static func mainland() throws -> WorkingCalendar {
        let bytes = [UInt8](try Data(contentsOf: calendarURL))
        var calendar = WorkingCalendar()
        for document in try YAMLParser.parse(bytes, file: "cn-mainland.yaml") {
            try calendar.add(document, file: "cn-mainland.yaml", builtIn: true)
        }
        return calendar
    }

    static func day(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Day {
        try #require(Day(parsing: text), "not a day: \(text)", sourceLocation: sourceLocation)
    }

    static func document(_ text: String) throws -> YAMLNode {
        try #require(try YAMLParser.parse(Array(text.utf8), file: "user.yaml").first)
    }

    static let vectors: [WorkingDayVector] = [
        .init(start: "2024-09-27", count: 7, expected: "2024-10-12", why: "lands on a make-up Saturday"),
        .init(start: "2025-09-30", count: 7, expected: "2025-10-16", why: "8-day National Day break and make-up Saturday 10-11"),
        .init(start: "2025-09-25", count: 20, expected: "2025-10-29", why: "20-working-day GIS deadline across National Day"),
        .init(start: "2026-02-12", count: 5, expected: "2026-02-26", why: "make-up Saturday 02-14, then the 9-day Spring Festival"),
        .init(start: "2026-02-13", count: 7, expected: "2026-03-02", why: "make-up Saturday 02-28 is counted"),
        .init(start: "2023-12-29", count: 3, expected: "2024-01-04", why: "crosses a year boundary and New Year's Day"),
        .init(start: "2020-01-20", count: 7, expected: "2020-02-06", why: "the 2020 COVID extension"),
    ]

    @Test("Test vectors of legal.md 7.3", arguments: vectors)
    func addingWorkingDays(_ vector: WorkingDayVector) throws {
        let calendar = try Self.mainland()
        let start = try Self.day(vector.start)
        let result = calendar.adding(workingDays: vector.count, to: start)
        #expect(result.description == vector.expected)
        // The same vector read backwards: exactly `count` working days W with start < W <= result.
        #expect(calendar.workingDays(from: start, to: result) == vector.count)
        #expect(calendar.isWorkingDay(result))
    }

    @Test func calendarFileIsFound() throws {
        #expect(FileManager.default.fileExists(atPath: Self.calendarURL.path))
        let calendar = try Self.mainland()
        #expect(calendar.years == Set(2019...2026))
    }

    @Test func addingZeroOrNegativeIsTheSameDay() throws {
        let calendar = try Self.mainland()
        let start = try Self.day("2024-10-01")
        #expect(calendar.adding(workingDays: 0, to: start) == start)
        #expect(calendar.adding(workingDays: -3, to: start) == start)
    }

    @Test func addingFromAHolidayStartsCountingNextDay() throws {
        let calendar = try Self.mainland()
        // 2024-10-01..07 is the National Day break; 10-08 is the first working day after it.
        #expect(calendar.adding(workingDays: 1, to: try Self.day("2024-10-01")).description == "2024-10-08")
        #expect(calendar.adding(workingDays: 1, to: try Self.day("2024-09-30")).description == "2024-10-08")
    }

    @Test func workingDaysCountsTheEndButNotTheStart() throws {
        let calendar = try Self.mainland()
        let monday = try Self.day("2024-11-04")
        let friday = try Self.day("2024-11-08")
        #expect(calendar.workingDays(from: monday, to: friday) == 4)
        #expect(calendar.workingDays(from: monday, to: monday) == 0)
        #expect(calendar.workingDays(from: friday, to: monday) == -4)
        // Friday to the following Monday: the weekend does not count, Monday does.
        #expect(calendar.workingDays(from: friday, to: try Self.day("2024-11-11")) == 1)
        // A stretch that is all days off counts nothing.
        #expect(calendar.workingDays(from: try Self.day("2024-09-30"), to: try Self.day("2024-10-07")) == 0)
        // National Day 2024: 09-29 (Sun) and 10-12 (Sat) are make-up days.
        #expect(calendar.workingDays(from: try Self.day("2024-09-27"), to: try Self.day("2024-10-12")) == 7)
        #expect(calendar.workingDays(from: try Self.day("2024-10-12"), to: try Self.day("2024-09-27")) == -7)
    }

    @Test func makeUpSaturdayIsAWorkingDay() throws {
        let calendar = try Self.mainland()
        let saturday = try Self.day("2024-10-12")
        #expect(saturday.weekday == 6)
        #expect(calendar.isWorkingDay(saturday))
        let sunday = try Self.day("2024-09-29")
        #expect(sunday.weekday == 7)
        #expect(calendar.isWorkingDay(sunday))
        // An ordinary Saturday is not.
        #expect(!calendar.isWorkingDay(try Self.day("2024-10-19")))
    }

    @Test func holidayWeekdayIsNotAWorkingDay() throws {
        let calendar = try Self.mainland()
        let nationalDay = try Self.day("2024-10-01")
        #expect(nationalDay.weekday == 2)
        #expect(!calendar.isWorkingDay(nationalDay))
        #expect(!calendar.isWorkingDay(try Self.day("2025-01-28")))  // 除夕 2025, a Tuesday
        #expect(calendar.isWorkingDay(try Self.day("2024-10-08")))   // the Tuesday after
    }

    @Test func covid2020ExtensionTurnedAMakeUpSaturdayIntoADayOff() throws {
        let calendar = try Self.mainland()
        #expect(!calendar.isWorkingDay(try Self.day("2020-02-01")))
        #expect(calendar.isWorkingDay(try Self.day("2020-01-19")))  // a make-up Sunday
        #expect(calendar.isWorkingDay(try Self.day("2020-02-03")))
    }

    @Test func newYearBlockListedUnderTheNextYear() throws {
        let calendar = try Self.mainland()
        // 2022-12-31 is filed under 2023 in the notices; it is a Saturday off either way.
        #expect(!calendar.isWorkingDay(try Self.day("2022-12-31")))
        #expect(!calendar.isWorkingDay(try Self.day("2023-01-02")))  // Monday, New Year holiday
    }

    @Test func coversOnlyTheYearsInTheFile() throws {
        let calendar = try Self.mainland()
        #expect(!calendar.covers(try Self.day("2018-12-31")))
        #expect(calendar.covers(try Self.day("2019-12-31")))
        #expect(calendar.covers(try Self.day("2024-06-01")))
        #expect(calendar.covers(try Self.day("2020-01-01")))
        #expect(calendar.covers(try Self.day("2026-12-31")))
        #expect(!calendar.covers(try Self.day("2027-01-01")))
    }

    @Test func yearOutsideTheCalendarIsMondayToFriday() throws {
        let calendar = try Self.mainland()
        let newYear2030 = try Self.day("2030-01-01")  // a Tuesday; no 2030 data, so a working day
        #expect(!calendar.covers(newYear2030))
        #expect(calendar.isWorkingDay(newYear2030))
        #expect(!calendar.isWorkingDay(try Self.day("2030-01-05")))  // Saturday
        #expect(calendar.adding(workingDays: 1, to: try Self.day("2030-01-04")).description == "2030-01-07")
        #expect(calendar.adding(workingDays: 10, to: try Self.day("2030-01-04")).description == "2030-01-18")
        // 2018 is before the calendar: 2018-10-01 was a holiday in fact, but is a plain Monday here.
        #expect(calendar.isWorkingDay(try Self.day("2018-10-01")))
        // 2019 is in it (国办发明电〔2018〕15号, with the May Day change of 国办发明电〔2019〕3号).
        #expect(!calendar.isWorkingDay(try Self.day("2019-10-01")))
        #expect(calendar.isWorkingDay(try Self.day("2019-04-28")))  // a Sunday, a make-up working day
        #expect(!calendar.isWorkingDay(try Self.day("2019-05-03")))  // a Friday of the May Day holiday
    }

    /// Outside the table, counts are arithmetic (weeks of Monday to Friday), never a walk: they
    /// agree with walking day by day, and the widest range costs nothing.
    @Test func countsOutsideTheCalendarAreArithmetic() throws {
        let calendar = try Self.mainland()
        let empty = WorkingCalendar()
        func walked(_ from: Day, _ to: Day) -> Int {
            var count = 0
            var day = from
            while day < to {
                day = day.adding(days: 1)
                if calendar.isWorkingDay(day) { count += 1 }
            }
            return count
        }
        for (from, to) in [("2015-03-04", "2019-02-10"), ("2018-12-28", "2020-01-06"), ("2026-12-20", "2028-02-01"), ("2017-01-01", "2029-06-30")] {
            let (a, b) = (try Self.day(from), try Self.day(to))
            #expect(calendar.workingDays(from: a, to: b) == walked(a, b), "\(from)...\(to)")
            #expect(calendar.workingDays(from: b, to: a) == -walked(a, b))
            let count = walked(a, b)
            #expect(calendar.adding(workingDays: count, to: a) <= b)
            #expect(calendar.workingDays(from: a, to: calendar.adding(workingDays: count, to: a)) == count)
        }
        for start in ["2017-12-29", "2026-12-30", "2031-05-17"] {
            let day = try Self.day(start)
            for count in [0, 1, 4, 5, 6, 17, 260, 3000] {
                let result = empty.adding(workingDays: count, to: day)
                #expect(empty.workingDays(from: day, to: result) == count)
                #expect(count == 0 || empty.isWorkingDay(result))
            }
        }
        let (first, last) = (try #require(Day(year: 0, month: 1, day: 1)), try #require(Day(year: 9999, month: 12, day: 31)))
        #expect(calendar.workingDays(from: first, to: last) > 2_600_000)
    }

    @Test func calendarYearsOutside1900To2200AreRefused() throws {
        for year in ["9223372036854775807", "100000000", "1000000", "1899", "2201"] {
            var calendar = WorkingCalendar()
            let node = try #require(try YAMLParser.parse(Array("years:\n  \(year): {holidays: []}\n".utf8), file: "c.yaml").first)
            #expect(throws: InputError.self) { try calendar.add(node, file: "c.yaml") }
        }
    }

    @Test func emptyCalendarIsMondayToFriday() throws {
        let calendar = WorkingCalendar()
        #expect(calendar.years.isEmpty)
        #expect(!calendar.covers(try Self.day("2024-10-01")))
        #expect(calendar.isWorkingDay(try Self.day("2024-10-01")))
        #expect(!calendar.isWorkingDay(try Self.day("2024-10-12")))
        #expect(calendar.adding(workingDays: 7, to: try Self.day("2024-09-27")).description == "2024-10-08")
    }

    @Test func userCalendarOverridesADayAndLaterFileWins() throws {
        var calendar = try Self.mainland()
        let user = try Self.document("""
            # a local calendar
            years:
              2024:
                holidays: [2024-10-12]
                workdays: [2024-10-07]
              2030:
                holidays: [2030-01-02]

            """)
        try calendar.add(user, file: "local.yaml")
        #expect(!calendar.isWorkingDay(try Self.day("2024-10-12")))
        #expect(calendar.isWorkingDay(try Self.day("2024-10-07")))
        // A local day off applies, but a year with no more is no year's calendar: it is still
        // not covered (the report says it is counted Monday to Friday; a county's file for a
        // year whose notice was not out hid that, and 2030-01-01 counted as a working day).
        #expect(!calendar.isWorkingDay(try Self.day("2030-01-02")))
        #expect(!calendar.years.contains(2030))
        #expect(!calendar.covers(try Self.day("2030-06-01")))
        // A year's notice, with its holidays, covers it.
        let days = (1...20).map { String(format: "2030-10-%02d", $0) }.joined(separator: ", ")
        try calendar.add(try Self.document("years:\n  2030:\n    holidays: [\(days)]\n"), file: "notice.yaml")
        #expect(calendar.covers(try Self.day("2030-06-01")))
        // Days the user file does not name keep the national calendar's status.
        #expect(!calendar.isWorkingDay(try Self.day("2024-10-01")))
        #expect(calendar.isWorkingDay(try Self.day("2024-09-29")))
        // The first vector changes: 10-07 now counts and 10-12 does not.
        #expect(calendar.adding(workingDays: 7, to: try Self.day("2024-09-27")).description == "2024-10-11")
        // Each change of the built-in calendar is listed for the reports.
        #expect(calendar.changedDays.map(\.day.description) == ["2024-10-12", "2024-10-07"])
    }

    @Test func malformedCalendarsAreRefusedWithPositions() throws {
        func error(_ text: String) throws -> InputError? {
            var calendar = WorkingCalendar()
            do {
                try calendar.add(try Self.document(text), file: "user.yaml")
                return nil
            } catch let error as InputError {
                return error
            }
        }
        let noYears = try #require(try error("calendar: x\n"))
        #expect(noYears.position == SourcePosition(line: 1, column: 1))
        let badYear = try #require(try error("years:\n  twenty: {}\n"))
        #expect(badYear.position == SourcePosition(line: 2, column: 3))
        let badList = try #require(try error("years:\n  2024:\n    holidays: 2024-10-01\n"))
        #expect(badList.position == SourcePosition(line: 3, column: 15))
        let badDate = try #require(try error("years:\n  2024:\n    holidays: [2024-10-01, 2024-02-30]\n"))
        #expect(badDate.position == SourcePosition(line: 3, column: 28))
        #expect(badDate.message.contains("2024-02-30"))
        #expect(badDate.description.hasPrefix("user.yaml:3:28: "))
        let unknown = try #require(try error("years:\n  2024:\n    holiday: [2024-10-01]\n"))
        #expect(unknown.position == SourcePosition(line: 3, column: 5))
        #expect(unknown.message.contains("'holiday'"))
        // A misspelt 'years' is named at its key, not as a calendar without years.
        let misspelt = try #require(try error("calendar: local\nyaers:\n  2025:\n    holidays: [2025-03-12]\n"))
        #expect(misspelt.position == SourcePosition(line: 2, column: 1))
        #expect(misspelt.message == "unknown key 'yaers' in a calendar; did you mean 'years'?; expected calendar, years")
        // A day of one file both off and worked, or a mistyped year, would move a deadline unseen.
        let both = try #require(try error("years:\n  2025:\n    holidays: [2025-05-06]\n    workdays: [2025-05-06]\n"))
        #expect(both.position == SourcePosition(line: 4, column: 16))
        #expect(both.message == "2025-05-06 is listed both as a holiday and as a working day (workdays) in this calendar")
        let mistypedYear = try #require(try error("years:\n  2025:\n    holidays: [2024-05-06]\n"))
        #expect(mistypedYear.message.hasPrefix("2024-05-06 is not in 2025"))
        // The New Year days around a year are its notice's too.
        #expect(try error("years:\n  2023:\n    holidays: [2022-12-31, 2023-01-01]\n  2024:\n    workdays: [2025-01-04]\n") == nil)
    }
    /// A weekday under `workdays` is a working day already: most likely a holiday under the wrong
    /// key (National Day's weekdays so listed passed a hearing notice of three working days).
    @Test func aWeekdayListedAsAMakeUpWorkingDayIsRefused() throws {
        var calendar = WorkingCalendar()
        #expect {
            try calendar.add(try Self.document("years:\n  2026:\n    workdays: [2026-10-10, 2026-10-01]\n"), file: "county.yaml")
        } throws: { error in
            let error = error as? InputError
            return error?.position == SourcePosition(line: 3, column: 28)
                && error?.message == "2026-10-01 is a Thursday, a working day already: 'workdays' lists the weekend days worked (调休上班); is it a holiday listed under the wrong key?"
        }
        // A Saturday worked is one.
        var saturday = WorkingCalendar()
        try saturday.add(try Self.document("years:\n  2026:\n    workdays: [2026-10-10]\n"), file: "county.yaml")
        #expect(saturday.isWorkingDay(try Self.day("2026-10-10")))
    }

    /// A later file changing a day of an earlier one (a county's own day off on a make-up
    /// Saturday of the national notice, or of a 2027 notice a user added) is applied and listed
    /// for the reports: the file loaded last won, unsaid.
    @Test func aLaterFileChangingADayIsListed() throws {
        var calendar = try Self.mainland()
        try calendar.add(try Self.document("years:\n  2026:\n    holidays: [2026-02-16, 2026-02-14]\n"), file: "county.yaml")
        #expect(!calendar.isWorkingDay(try Self.day("2026-02-14")))
        #expect(calendar.changedDays == [WorkingCalendar.DayChange(day: try Self.day("2026-02-14"), working: false, file: "county.yaml", changed: nil)])
        // Agreeing with it (2026-02-16 is a holiday in both), or adding a day of its own, changes nothing of it.
        var agreeing = try Self.mainland()
        try agreeing.add(try Self.document("years:\n  2026:\n    holidays: [2026-02-16, 2026-03-12]\n"), file: "county.yaml")
        #expect(!agreeing.isWorkingDay(try Self.day("2026-03-12")))
        #expect(agreeing.changedDays.isEmpty)
        // Two user files: a national notice the user added, and a county's change of it.
        var two = WorkingCalendar()
        try two.add(try Self.document("years:\n  2027:\n    workdays: [2027-01-02]\n"), file: "cn-2027.yaml")
        try two.add(try Self.document("years:\n  2027:\n    holidays: [2027-01-02]\n"), file: "county.yaml")
        #expect(!two.isWorkingDay(try Self.day("2027-01-02")))
        #expect(two.changedDays.map(\.changed) == ["cn-2027.yaml"])
    }
}
