import DecisionRecords
import Testing

@Suite("Day")
struct DayTests {
    @Test func parsesCalendarDate() throws {
        let parsed = try day("2020-04-28")
        #expect(parsed.components == (2020, 4, 28))
        #expect(parsed == Day(year: 2020, month: 4, day: 28))
        #expect(parsed.year == 2020)
    }

    @Test func epochIsOrdinalZero() throws {
        #expect(try day("1970-01-01").ordinal == 0)
        #expect(try day("1970-01-02").ordinal == 1)
        #expect(try day("1969-12-31").ordinal == -1)
        #expect(try day("2000-03-01").ordinal == 11_017)
    }

    @Test(arguments: ["2020-02-30", "2021-02-29", "1900-02-29", "2020-04-31", "2020-13-01", "2020-00-10", "2020-01-00", "2020-01-32"])
    func nonexistentDaysAreRejected(_ text: String) {
        #expect(Day(parsing: text) == nil)
    }

    @Test func leapDays() {
        #expect(Day(parsing: "2024-02-29") != nil)
        #expect(Day(parsing: "2000-02-29") != nil)
        #expect(Day(parsing: "2020-02-29") != nil)
        #expect(Day(year: 2021, month: 2, day: 29) == nil)
        #expect(Day(year: 2100, month: 2, day: 29) == nil)
    }

    @Test func dateTimeGivesItsOwnCalendarDate() throws {
        #expect(try day("2020-04-28T09:30:00+08:00") == day("2020-04-28"))
        // Late evening west of Greenwich is still the 28th where it was written.
        #expect(try day("2020-04-28T23:30:00-05:00") == day("2020-04-28"))
        #expect(try day("2020-04-28T00:00:00Z") == day("2020-04-28"))
        #expect(try day("2020-04-28T09:30:00.123+08:00") == day("2020-04-28"))
        #expect(try day("2020-04-28 09:30") == day("2020-04-28"))
        #expect(try day("2020-04-28t09:30:00z") == day("2020-04-28"))
        #expect(try day("2020-04-28T09:30+0800") == day("2020-04-28"))
        #expect(try day("2020-04-28T09:30:00 +08:00") == day("2020-04-28"))
    }

    @Test(arguments: [
        "", "garbage", "2020", "2020-4-28", "2020/04/28", "20200428", "2020-04-2", "abcd-ef-gh",
        "２０２０-04-28", "2020-04-28x", "2020-04-28T", "2020-04-28T25:00", "2020-04-28T09:60",
        "2020-04-28T09:30:00+08:00 extra", "2020-04-28T09:30:61", "2020-04-28T09:30:00.", "2020-04-28T09:30:00+24:00",
        "2020-04-30T09", " 2020-04-28", "2020-02-30T09:30:00+08:00",
    ])
    func garbageIsRejected(_ text: String) {
        #expect(Day(parsing: text) == nil)
    }

    @Test func weekdays() throws {
        #expect(try day("1970-01-01").weekday == 4)  // Thursday
        #expect(try day("1969-12-31").weekday == 3)  // Wednesday, before the epoch
        #expect(try day("2020-04-28").weekday == 2)  // Tuesday
        #expect(try day("2024-10-12").weekday == 6)  // Saturday
        #expect(try day("2024-10-13").weekday == 7)  // Sunday
        #expect(try day("2024-10-14").weekday == 1)  // Monday
        #expect(try day("1900-01-01").weekday == 1)  // Monday
    }

    @Test func weekend() throws {
        #expect(try day("2024-10-12").isWeekend)
        #expect(try day("2024-10-13").isWeekend)
        #expect(try !day("2024-10-11").isWeekend)
        #expect(try !day("2024-10-14").isWeekend)
    }

    @Test(arguments: ["2020-04-28", "2024-02-29", "1970-01-01", "1969-12-31", "0001-01-01", "0999-12-31", "9999-12-31", "2000-10-05"])
    func descriptionRoundTrips(_ text: String) throws {
        let parsed = try day(text)
        #expect(parsed.description == text)
        #expect(Day(parsing: parsed.description) == parsed)
    }

    @Test func daysOfFourDigitYearsAreWrittenDigitByDigitAndOthersAsBefore() {
        #expect(Day(year: 0, month: 3, day: 1)?.description == "0000-03-01")
        #expect(Day(year: 12_345, month: 6, day: 7)?.description == "12345-06-07")
        #expect(Day(year: 2026, month: 12, day: 31)?.description == "2026-12-31")
    }

    @Test func everyDayOfTwoYearsRoundTrips() throws {
        var current = try day("2023-01-01")
        for _ in 0..<731 {
            let (year, month, dayOfMonth) = current.components
            #expect(Day(year: year, month: month, day: dayOfMonth) == current)
            #expect(Day(parsing: current.description) == current)
            current = current.adding(days: 1)
        }
        #expect(current == (try day("2025-01-01")))
    }

    @Test func addingDaysAcrossMonthsAndYears() throws {
        #expect(try day("2023-12-31").adding(days: 1) == day("2024-01-01"))
        #expect(try day("2024-02-28").adding(days: 1) == day("2024-02-29"))
        #expect(try day("2023-02-28").adding(days: 1) == day("2023-03-01"))
        #expect(try day("2024-01-01").adding(days: -1) == day("2023-12-31"))
        #expect(try day("2025-07-05").adding(days: 90) == day("2025-10-03"))
        #expect(try day("2026-01-20").adding(days: 30) == day("2026-02-19"))
        #expect(try day("2019-12-25").adding(days: 400) == day("2021-01-28"))
        #expect(try day("2020-04-28").adding(days: 0) == day("2020-04-28"))
    }

    @Test func daysBetween() throws {
        #expect(try day("2024-01-01").days(to: day("2025-01-01")) == 366)
        #expect(try day("2023-01-01").days(to: day("2024-01-01")) == 365)
        #expect(try day("2025-01-01").days(to: day("2024-01-01")) == -366)
        #expect(try day("2020-04-28").days(to: day("2020-04-28")) == 0)
    }

    @Test func ordering() throws {
        #expect(try day("2020-04-27") < day("2020-04-28"))
        #expect(try day("2019-12-31") < day("2020-01-01"))
        #expect(try !(day("2020-04-28") < day("2020-04-28")))
        #expect(try [day("2021-01-01"), day("2020-06-01"), day("2020-12-31")].sorted().map(\.description)
                == ["2020-06-01", "2020-12-31", "2021-01-01"])
    }

    /// Dates written another common way are guessed for "did you mean"; what is no day is not.
    @Test(arguments: [
        ("2025/3/13", "2025-03-13"), ("2025.2.17", "2025-02-17"), ("2025年3月7日", "2025-03-07"), ("20250317", "2025-03-17"),
        ("２０２５年３月７日", "2025-03-07"), ("２０２５／３／１３", "2025-03-13"), ("20251317", nil), ("2025317", nil), ("三月七日", nil), ("12/3/2025", nil),
    ] as [(String, String?)])
    func otherWaysOfWritingADayAreGuessed(written: String, guess: String?) {
        #expect(Day(guessing: written)?.description == guess)
    }
}
