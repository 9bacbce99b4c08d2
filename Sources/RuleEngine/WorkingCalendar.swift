public import DecisionRecords
public import YAMLTree
import RuleLanguage

/// Working days (工作日): Monday to Friday, less official holidays, plus official make-up
/// working days (调休上班), for the years a calendar covers; Monday to Friday outside them.
public struct WorkingCalendar: Sendable {
    /// Days whose status the calendar sets: true for a working day, false for a day off.
    private var overrides: [Int: Bool] = [:]
    /// The years the calendar covers.
    public private(set) var years: Set<Int> = []
    /// A dense table over the covered years: `table.start` is the ordinal of its first day, and
    /// `table.before[i]` counts the working days before day `start + i`, so counts are one subtraction.
    private var table: (start: Int, before: [Int32]) = (0, [0])

    /// An empty calendar: Monday to Friday everywhere.
    public init() {}

    /// Whether the calendar has data for a day's year.
    public func covers(_ day: Day) -> Bool { years.contains(day.year) }

    /// Whether a day is a working day.
    public func isWorkingDay(_ day: Day) -> Bool {
        let offset = day.ordinal - table.start
        if offset >= 0, offset + 1 < table.before.count { return table.before[offset + 1] > table.before[offset] }
        return overrides[day.ordinal] ?? !day.isWeekend
    }

    /// The `count`-th working day after `day` (`day` itself not counted).
    public func adding(workingDays count: Int, to day: Day) -> Day {
        var current = day
        var remaining = max(0, count)
        // Within the table, jump by binary search over the running counts.
        let offset = day.ordinal - table.start
        if offset >= 0, offset + 1 < table.before.count {
            let target = Int(table.before[offset + 1]) + remaining
            if let last = table.before.last, target <= Int(last) {
                var low = offset + 1
                var high = table.before.count - 1
                while low < high {
                    let middle = (low + high) / 2
                    if Int(table.before[middle]) < target { low = middle + 1 } else { high = middle }
                }
                return Day(ordinal: table.start + low - 1)
            }
        }
        while remaining > 0 {
            current = current.adding(days: 1)
            if isWorkingDay(current) { remaining -= 1 }
        }
        return current
    }

    /// The working days W with `from < W <= to`; negative when `to` is before `from`.
    public func workingDays(from: Day, to: Day) -> Int {
        if to < from { return -workingDays(from: to, to: from) }
        let (a, b) = (from.ordinal - table.start + 1, to.ordinal - table.start + 1)
        if a >= 0, b < table.before.count { return Int(table.before[b] - table.before[a]) }
        var count = 0
        var current = from
        while current < to {
            current = current.adding(days: 1)
            if isWorkingDay(current) { count += 1 }
        }
        return count
    }

    /// Rebuilds the dense table over the covered years (and the days the files name).
    private mutating func rebuildTable() {
        let covered = years.compactMap { Day(year: $0, month: 1, day: 1)?.ordinal } + overrides.keys
        let ends = years.compactMap { Day(year: $0, month: 12, day: 31)?.ordinal } + overrides.keys
        guard let start = covered.min(), let end = ends.max(), end >= start else {
            table = (0, [0])
            return
        }
        var before: [Int32] = [0]
        before.reserveCapacity(end - start + 2)
        var running: Int32 = 0
        for ordinal in start...end {
            let day = Day(ordinal: ordinal)
            if overrides[ordinal] ?? !day.isWeekend { running += 1 }
            before.append(running)
        }
        // before[i] counts working days before start + i; before[i + 1] includes that day.
        table = (start, before)
    }

    /// Adds the days of a calendar file; later files override earlier ones day by day.
    /// - Throws: `InputError` naming the position of a malformed entry.
    public mutating func add(_ document: YAMLNode, file: String) throws(InputError) {
        func fail(_ node: YAMLNode, _ message: String) -> InputError {
            InputError(file: file, position: node.position, message: message)
        }
        guard let yearsNode = document["years"], let pairs = yearsNode.mapping else {
            throw fail(document["years"] ?? document, "a calendar is a mapping with 'years': {2024: {holidays: [...], workdays: [...]}}")
        }
        for pair in pairs {
            guard case .int(let year) = pair.key.coreValue else { throw fail(pair.key, "a calendar year is a number such as 2024") }
            for key in ["holidays", "workdays"] {
                guard let list = pair.value[key] else { continue }
                guard let items = list.sequence else { throw fail(list, "'\(key)' is a list of dates") }
                for item in items {
                    guard let day = RecordLoader.date(item) else { throw fail(item, "'\(item.scalar?.text ?? item.kindDescription)' is not a date (YYYY-MM-DD)") }
                    overrides[day.ordinal] = key == "workdays"
                }
            }
            let yearKeys = ["holidays", "workdays", "notice", "source"]
            for inner in pair.value.mapping ?? [] where !yearKeys.contains(inner.key.scalar?.text ?? "") {
                let key = inner.key.scalar?.text ?? ""
                throw fail(inner.key, "unknown key '\(key)' in a calendar year\(Suggestion.phrase(for: key, in: yearKeys)); expected \(yearKeys.joined(separator: ", "))")
            }
            years.insert(year)
        }
        rebuildTable()
    }
}
