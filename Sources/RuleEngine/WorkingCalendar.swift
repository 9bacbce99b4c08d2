public import DecisionRecords
public import YAMLTree
import RuleLanguage

/// Working days (工作日): Monday to Friday, less official holidays, plus official make-up
/// working days (调休上班), for the years a calendar covers; Monday to Friday outside them.
public struct WorkingCalendar: Sendable {
    /// Days whose status the calendar sets: true for a working day, false for a day off.
    private var overrides: [Int: Bool] = [:]
    /// The file that set each day of `overrides`, named when a later file changes the day.
    private var setBy: [Int: String] = [:]
    /// The days a later calendar file changed from an earlier one, in the order read.
    public private(set) var changedDays: [DayChange] = []
    /// The built-in calendar's files, named as such in `changedDays`.
    private var builtInFiles: Set<String> = []

    /// A day a calendar file changed from an earlier one (a county's file, the national notice's).
    public struct DayChange: Sendable, Equatable {
        /// The day.
        public var day: Day
        /// Whether it is now a working day (else a day off).
        public var working: Bool
        /// The file that changed it.
        public var file: String
        /// The file whose day it changed; nil for the built-in calendar.
        public var changed: String?

        /// Creates a change.
        public init(day: Day, working: Bool, file: String, changed: String?) {
            self.day = day
            self.working = working
            self.file = file
            self.changed = changed
        }
    }
    /// The years the calendar covers: those whose holidays the files list as a State Council
    /// notice does (at least `fewestHolidaysInANotice` days off). A year with a few local days off
    /// only (a county's own file, for a year whose notice is not out) is not covered: its days
    /// apply, and the year is still reported as counted Monday to Friday.
    public private(set) var years: Set<Int> = []
    /// The years the files list days of, covered or not.
    private var listedYears: Set<Int> = []

    /// The fewest holidays a year's notice lists (26 to 33 from 2019 to 2026: the Spring Festival
    /// and National Day alone take 15): fewer are local days off, not the year's calendar.
    public static let fewestHolidaysInANotice = 20
    /// A dense table over the covered years: `table.start` is the ordinal of its first day, and
    /// `table.before[i]` counts the working days before day `start + i`, so counts are one subtraction.
    private var table: (start: Int, before: [Int32]) = (0, [0])

    /// An empty calendar: Monday to Friday everywhere.
    public init() {}

    /// The years a calendar file may hold: a typo such as 20200 is an error, not 18,000 years of table.
    public static let supportedYears = 1900...2200

    /// Whether the calendar has data for a day's year.
    public func covers(_ day: Day) -> Bool { years.contains(day.year) }

    /// Whether a day is a working day.
    public func isWorkingDay(_ day: Day) -> Bool {
        let offset = day.ordinal - table.start
        if offset >= 0, offset + 1 < table.before.count { return table.before[offset + 1] > table.before[offset] }
        return overrides[day.ordinal] ?? !day.isWeekend
    }

    /// The `count`-th working day after `day` (`day` itself not counted). Inside the calendar's
    /// years this is a search over the table; outside them, weeks of Monday to Friday are counted
    /// arithmetically, so no count walks day by day.
    public func adding(workingDays count: Int, to day: Day) -> Day {
        var current = day
        var remaining = max(0, count)
        guard remaining > 0 else { return day }
        let first = table.start
        let last = table.start + table.before.count - 2
        // Before the table: Monday to Friday.
        if current.ordinal < first {
            let available = Self.weekdays(after: current.ordinal, through: first - 1)
            if remaining <= available { return Day(ordinal: Self.weekday(number: Self.weekdayCount(current.ordinal) + remaining)) }
            remaining -= available
            current = Day(ordinal: first - 1)
        }
        // In the table: jump by binary search over the running counts.
        if current.ordinal <= last, table.before.count > 1 {
            let offset = current.ordinal - first
            let target = Int(table.before[offset + 1]) + remaining
            if let total = table.before.last, target <= Int(total) {
                var low = offset + 1
                var high = table.before.count - 1
                while low < high {
                    let middle = (low + high) / 2
                    if Int(table.before[middle]) < target { low = middle + 1 } else { high = middle }
                }
                return Day(ordinal: first + low - 1)
            }
            remaining -= Int((table.before.last ?? 0) - table.before[offset + 1])
            current = Day(ordinal: last)
        }
        // After the table: Monday to Friday.
        return Day(ordinal: Self.weekday(number: Self.weekdayCount(current.ordinal) + remaining))
    }

    /// The working days W with `from < W <= to`; negative when `to` is before `from`. Inside the
    /// calendar's years a subtraction in the table; outside them, Monday to Friday by arithmetic.
    public func workingDays(from: Day, to: Day) -> Int {
        if to < from { return -workingDays(from: to, to: from) }
        let first = table.start
        let last = table.start + table.before.count - 2
        guard table.before.count > 1, to.ordinal >= first, from.ordinal <= last else {
            return Self.weekdays(after: from.ordinal, through: to.ordinal)
        }
        var count = 0
        var start = from.ordinal
        if start < first - 1 {
            count += Self.weekdays(after: start, through: first - 1)
            start = first - 1
        }
        let end = min(to.ordinal, last)
        count += Int(table.before[end - first + 1] - table.before[start - first + 1])
        if to.ordinal > last { count += Self.weekdays(after: last, through: to.ordinal) }
        return count
    }

    /// The listed years with fewer working days than `minimum`, each with how many it has: a year
    /// has some 250 (Monday to Friday, less a dozen public holidays, and a few weekend days moved
    /// to work), so far fewer means a calendar that erases deadlines (one committed with the
    /// records listed every day as a holiday, and no working-day deadline was ever missed).
    public func yearsWithFewWorkingDays(minimum: Int) -> [(year: Int, workingDays: Int)] {
        listedYears.sorted().compactMap { year in
            guard let end = Day(year: year, month: 12, day: 31), let before = Day(year: year - 1, month: 12, day: 31) else { return nil }
            let count = workingDays(from: before, to: end)
            return count < minimum ? (year, count) : nil
        }
    }

    /// The fewest working days a covered year may have (see `yearsWithFewWorkingDays(minimum:)`).
    public static let fewestWorkingDaysInAYear = 200

    /// The next working day on or after `day`: where a period counted in calendar days ends when
    /// its last day is a rest day or a public holiday.
    public func rollingForward(_ day: Day) -> Day {
        var current = day
        // At most a holiday block and a weekend: a few steps, never many.
        for _ in 0..<40 where !isWorkingDay(current) { current = current.adding(days: 1) }
        return current
    }

    /// Mondays to Fridays in `(start, end]`.
    static func weekdays(after start: Int, through end: Int) -> Int {
        end <= start ? 0 : weekdayCount(end) - weekdayCount(start)
    }

    /// Mondays to Fridays from a fixed Sunday (1970-01-04, ordinal 3) through `ordinal`, negative before it.
    static func weekdayCount(_ ordinal: Int) -> Int {
        let days = ordinal - 3
        let weeks = days >= 0 ? days / 7 : -((-days + 6) / 7)
        return weeks * 5 + min(days - weeks * 7, 5)
    }

    /// The day that is the `number`-th Monday-to-Friday counted as `weekdayCount` counts.
    static func weekday(number: Int) -> Int {
        let weeks = number - 1 >= 0 ? (number - 1) / 5 : -((-(number - 1) + 4) / 5)
        let within = number - weeks * 5
        return 3 + weeks * 7 + within
    }

    /// Rebuilds the dense table over the listed years (and the days the files name).
    private mutating func rebuildTable() {
        let covered = listedYears.compactMap { Day(year: $0, month: 1, day: 1)?.ordinal } + overrides.keys
        let ends = listedYears.compactMap { Day(year: $0, month: 12, day: 31)?.ordinal } + overrides.keys
        guard let start = covered.min(), let end = ends.max(), end >= start else {
            table = (0, [0])
            return
        }
        // Monday to Friday, then the days the files set (looked up in `overrides` for every day
        // of the covered years, the table cost some 500 instructions a day at every start-up).
        var working = (start...end).map { !Day(ordinal: $0).isWeekend }
        for (ordinal, isWorking) in overrides where ordinal >= start && ordinal <= end { working[ordinal - start] = isWorking }
        var before: [Int32] = [0]
        before.reserveCapacity(working.count + 1)
        var running: Int32 = 0
        for isWorking in working {
            if isWorking { running += 1 }
            before.append(running)
        }
        // before[i] counts working days before start + i; before[i + 1] includes that day.
        table = (start, before)
    }

    /// Adds the days of a calendar file. A file may change a day of an earlier one, which
    /// `changedDays` lists for the reports.
    /// - Throws: `InputError` naming the position of a malformed entry.
    public mutating func add(_ document: YAMLNode, file: String, builtIn: Bool = false) throws(InputError) {
        if builtIn { builtInFiles.insert(file) }
        func fail(_ node: YAMLNode, _ message: String, zh: String?) -> InputError {
            InputError(file: file, position: node.position, message: message, chineseMessage: zh)
        }
        let fileKeys = ["calendar", "years"]
        for pair in document.mapping ?? [] where !fileKeys.contains(pair.key.scalar?.text ?? "") {
            let key = pair.key.scalar?.text ?? ""
            throw fail(pair.key, "unknown key '\(key)' in a calendar\(Suggestion.phrase(for: key, in: fileKeys)); expected \(fileKeys.joined(separator: ", "))",
                       zh: "工作日历中有未知的键 \(key)\(Suggestion.chinesePhrase(for: key, in: fileKeys))（可用的键：\(fileKeys.joined(separator: "、"))）")
        }
        guard let yearsNode = document["years"], let pairs = yearsNode.mapping else {
            throw fail(document["years"] ?? document, "a calendar is a mapping with 'years': {2024: {holidays: [...], workdays: [...]}}",
                       zh: "工作日历应为含 years 的映射：years: {2024: {holidays: [...], workdays: [...]}}")
        }
        var listed: [Int: String] = [:]
        for pair in pairs {
            guard case .int(let year) = pair.key.coreValue else { throw fail(pair.key, "a calendar year is a number such as 2024", zh: "工作日历的年份应为数字，如 2024") }
            guard Self.supportedYears.contains(year) else {
                throw fail(pair.key, "a calendar year is between \(Self.supportedYears.lowerBound) and \(Self.supportedYears.upperBound), found \(year)",
                           zh: "工作日历的年份应在 \(Self.supportedYears.lowerBound) 到 \(Self.supportedYears.upperBound) 之间，实际是 \(year)")
            }
            for key in ["holidays", "workdays"] {
                guard let list = pair.value[key] else { continue }
                guard let items = list.sequence else { throw fail(list, "'\(key)' is a list of dates", zh: "\(key) 应为日期列表") }
                for item in items {
                    guard let day = RecordLoader.date(item) else {
                        throw fail(item, "'\(item.scalar?.text ?? item.kindDescription)' is not a date (YYYY-MM-DD)",
                                   zh: "\(item.scalar.map { "“\($0.text)”" } ?? item.chineseKindDescription)不是日期（格式为 YYYY-MM-DD）")
                    }
                    guard Self.belongs(day, to: year) else {
                        throw fail(item, "\(day) is not in \(year) (a year's notice names days of that year, or of the New Year days around it)",
                                   zh: "\(day) 不在 \(year) 年内（一年的放假通知只列该年的日期，或其前后元旦假期的日期）")
                    }
                    // One file's day is a holiday or a working day, not both (a later file may change an earlier's).
                    if let other = listed[day.ordinal], other != key {
                        throw fail(item, "\(day) is listed both as a holiday and as a working day (workdays) in this calendar",
                                   zh: "\(day) 在本工作日历中既列为节假日，又列为调休上班日（workdays）")
                    }
                    // A make-up working day is a weekend day: a weekday that no file before made
                    // a holiday is one already, and one listed there is most likely a holiday under
                    // the wrong key (2027's National Day weekdays so listed passed a hearing notice
                    // of three working days). (One that was a holiday is a change, said in reports.)
                    if key == "workdays", !day.isWeekend, overrides[day.ordinal] != false {
                        throw fail(item, "\(day) is a \(Self.weekdayName(day)), a working day already: 'workdays' lists the weekend days worked (调休上班); is it a holiday listed under the wrong key?",
                                   zh: "\(day) 是\(Self.chineseWeekdayName(day))，本来就是工作日：workdays 只列调休上班的周六、周日；是否把节假日写在了 workdays 下？")
                    }
                    // A later file changing an earlier one's day (a county's own day off on a
                    // make-up Saturday of the national notice) is applied, and said in every
                    // report: the file loaded last won, unsaid.
                    if let earlier = setBy[day.ordinal], earlier != file, overrides[day.ordinal] != (key == "workdays") {
                        changedDays.append(DayChange(day: day, working: key == "workdays", file: file, changed: builtInFiles.contains(earlier) ? nil : earlier))
                    }
                    listed[day.ordinal] = key
                    overrides[day.ordinal] = key == "workdays"
                    setBy[day.ordinal] = file
                }
            }
            let yearKeys = ["holidays", "workdays", "notice", "source"]
            for inner in pair.value.mapping ?? [] where !yearKeys.contains(inner.key.scalar?.text ?? "") {
                let key = inner.key.scalar?.text ?? ""
                throw fail(inner.key, "unknown key '\(key)' in a calendar year\(Suggestion.phrase(for: key, in: yearKeys)); expected \(yearKeys.joined(separator: ", "))",
                           zh: "工作日历的年份下有未知的键 \(key)\(Suggestion.chinesePhrase(for: key, in: yearKeys))（可用的键：\(yearKeys.joined(separator: "、"))）")
            }
            listedYears.insert(year)
        }
        var holidays: [Int: Int] = [:]
        for (ordinal, isWorking) in overrides where !isWorking { holidays[Day(ordinal: ordinal).year, default: 0] += 1 }
        years = listedYears.filter { holidays[$0, default: 0] >= Self.fewestHolidaysInANotice }
        rebuildTable()
    }

    private static func weekdayName(_ day: Day) -> String {
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][day.weekday - 1]
    }

    private static func chineseWeekdayName(_ day: Day) -> String {
        ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"][day.weekday - 1]
    }

    /// The calendar with every day of `years` (years it does not cover) a working day, or every
    /// one a day off: the two extremes a notice for those years could make, between which a
    /// count there lies (the gate holds an item back only when they disagree on its verdict).
    public func assuming(_ years: Set<Int>, allWorking: Bool) -> WorkingCalendar {
        var calendar = self
        for year in years where !self.years.contains(year) {
            guard let first = Day(year: year, month: 1, day: 1), let last = Day(year: year, month: 12, day: 31) else { continue }
            for ordinal in first.ordinal...last.ordinal where calendar.overrides[ordinal] == nil { calendar.overrides[ordinal] = allWorking }
            calendar.listedYears.insert(year)
            calendar.years.insert(year)
        }
        calendar.rebuildTable()
        return calendar
    }

    /// Whether a year's notice can name a day: a day of that year, or of the New Year days
    /// around it (the 2023 notice's holiday starts on 2022-12-31). A day of May listed under the
    /// next year is a mistyped year, and would have moved a working day unseen.
    static func belongs(_ day: Day, to year: Int) -> Bool {
        let (dayYear, month, dayOfMonth) = day.components
        return dayYear == year || (dayYear == year - 1 && month == 12 && dayOfMonth >= 20) || (dayYear == year + 1 && month == 1 && dayOfMonth <= 10)
    }
}
