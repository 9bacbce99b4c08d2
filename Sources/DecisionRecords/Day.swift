/// A calendar day, without time or zone: what every deadline in the law counts in.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public var ordinal: Int

    /// Creates a day from its number of days since 1970-01-01.
    public init(ordinal: Int) {
        self.ordinal = ordinal
    }

    /// Creates a day from a proleptic Gregorian year, month and day; nil when the day does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year) else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        ordinal = era * 146_097 + dayOfEra - 719_468
    }

    /// The year, month and day.
    public var components: (year: Int, month: Int, day: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The year.
    public var year: Int { components.year }

    /// ISO weekday: 1 is Monday, 7 is Sunday.
    public var weekday: Int {
        let shifted = (ordinal + 3) % 7  // 1970-01-01 was a Thursday
        return (shifted < 0 ? shifted + 7 : shifted) + 1
    }

    /// Saturday or Sunday.
    public var isWeekend: Bool { weekday >= 6 }

    /// The day `count` days later (earlier when negative).
    public func adding(days count: Int) -> Day { Day(ordinal: ordinal + count) }

    /// Days from this day to `other` (positive when `other` is later).
    public func days(to other: Day) -> Int { other.ordinal - ordinal }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    /// The most days date arithmetic adds or subtracts (a rule's, a parameter's): a century.
    public static let mostDaysCounted = 36_500

    /// `YYYY-MM-DD`.
    public var description: String {
        let (year, month, day) = components
        // The usual day is written digit by digit into a short text of its own (no allocation):
        // joining seven texts cost some 2,000 instructions, and messages and reports name many days.
        if (0...9999).contains(year) {
            return String(unsafeUninitializedCapacity: 10) { buffer in
                func digit(_ value: Int) -> UInt8 { UInt8(ascii: "0") + UInt8(value) }
                (buffer[0], buffer[1], buffer[2], buffer[3]) = (digit(year / 1000), digit(year / 100 % 10), digit(year / 10 % 10), digit(year % 10))
                (buffer[4], buffer[5], buffer[6]) = (UInt8(ascii: "-"), digit(month / 10), digit(month % 10))
                (buffer[7], buffer[8], buffer[9]) = (UInt8(ascii: "-"), digit(day / 10), digit(day % 10))
                return 10
            }
        }
        let yearText = String(year)
        let paddedYear = String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText
        return paddedYear + "-" + (month < 10 ? "0" : "") + String(month) + "-" + (day < 10 ? "0" : "") + String(day)
    }

    /// Reads `YYYY-MM-DD`, or a date-time such as `2020-04-28T09:30:00+08:00`, whose calendar
    /// date in its own offset is the date as written. Nil when the text is not a valid date.
    public init?(parsing text: String) {
        // Read in place: a date is parsed on every read of a date-shaped field, so no copy.
        var text = text
        let parsed = text.withUTF8 { Self.parse($0) }
        guard let (year, month, day) = parsed else { return nil }
        self.init(year: year, month: month, day: day)
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int)? {
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = number(bytes, 0, 4), let month = number(bytes, 5, 2), let day = number(bytes, 8, 2)
        else { return nil }
        if bytes.count > 10, !isValidTime(bytes, from: 10) { return nil }
        return (year, month, day)
    }

    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for index in start..<(start + count) {
            let byte = bytes[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// `THH:MM[:SS[.fraction]]` then `Z` or `±HH:MM` (or nothing); `t` and a space may replace `T`.
    private static func isValidTime(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        guard bytes.count - start >= 6, bytes[start] == UInt8(ascii: "T") || bytes[start] == UInt8(ascii: "t") || bytes[start] == UInt8(ascii: " ") else { return false }
        var index = start + 1
        func twoDigits(max: Int) -> Bool {
            guard index + 2 <= bytes.count, let value = number(bytes, index, 2), value <= max else { return false }
            index += 2
            return true
        }
        guard twoDigits(max: 23), index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return false }
        index += 1
        guard twoDigits(max: 59) else { return false }
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            index += 1
            guard twoDigits(max: 60) else { return false }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                let begin = index
                while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
                guard index > begin else { return false }
            }
        }
        if index == bytes.count { return true }
        if bytes[index] == UInt8(ascii: "Z") || bytes[index] == UInt8(ascii: "z") { return index + 1 == bytes.count }
        if bytes[index] == UInt8(ascii: " ") { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") else { return false }
        index += 1
        guard twoDigits(max: 23) else { return false }
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") { index += 1 }
        if index == bytes.count { return true }
        guard twoDigits(max: 59) else { return false }
        return index == bytes.count
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

extension Day {
    /// A day written another common way — `2026/11/16`, `2026.11.16`, `2026年11月16日`,
    /// `2026-12-9`, `20261116`, in full-width digits `２０２６／１１／１６` — for "did you mean";
    /// nil when the text is no recognisable day.
    public init?(guessing text: String) {
        // Full-width digits and separators (２０２５／３／１), as Chinese input methods write them.
        let scalars = text.unicodeScalars.map { scalar in
            (0xFF0D...0xFF19).contains(scalar.value) ? Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar : scalar
        }
        // Eight digits without separators (20250317), as spreadsheets and some systems export dates.
        if scalars.count == 8, scalars.allSatisfy({ ("0"..."9").contains($0) }) {
            let number = scalars.reduce(0) { $0 * 10 + Int($1.value - 0x30) }
            self.init(year: number / 10000, month: number / 100 % 100, day: number % 100)
            return
        }
        var groups: [Int] = []
        var current: Int?
        var digits = 0
        for scalar in scalars {
            if ("0"..."9").contains(scalar) {
                current = (current ?? 0) * 10 + Int(scalar.value - 0x30)
                digits += 1
                guard digits <= 4 else { return nil }
            } else if ["/", ".", "-", "年", "月", "日", " ", "\u{3000}"].contains(scalar) {
                if let value = current { groups.append(value) }
                current = nil
                digits = 0
            } else {
                return nil
            }
        }
        if let value = current { groups.append(value) }
        guard groups.count == 3, groups[0] >= 1000 else { return nil }
        self.init(year: groups[0], month: groups[1], day: groups[2])
    }
}
