import DecisionRecords
import RuleLanguage
import YAMLTree

/// How the evaluator compares, converts and shows values.
extension Evaluator {
    /// The vocabulary's name for a code, or for each code of a list; other values as they are.
    func label(_ value: Value) -> Value {
        if case .text(let code, _) = value, let name = context.rules.name(of: code) { return .localized(name) }
        if case .list(let items) = value { return .list(items.map(label)) }
        if case .node(let node) = value, node.kind == .sequence { return .list((value.elements ?? []).map(label)) }
        return value
    }

    /// How many items of a list a message or evidence names before "… N more".
    static let listedItems = 10

    /// A type's name in Chinese, for messages (`typeName`'s names as keys).
    static func chineseTypeName(_ name: String) -> String {
        ["text": "文本", "number": "数字", "boolean": "布尔值", "date": "日期", "step": "步骤", "list": "列表", "mapping": "映射"][name] ?? name
    }

    /// What a value is, for `type_of`.
    func typeName(_ value: Value) -> String {
        switch value {
        case .missing: "missing"
        case .bool: "boolean"
        case .number: "number"
        case .text, .localized: "text"
        case .date: "date"
        case .step: "step"
        case .list: "list"
        case .node(let node): node.kind == .mapping ? "mapping" : "list"
        }
    }

    /// A whole number of days usable in date arithmetic: finite and within a century. Anything
    /// else but a missing value is a type error of the rule (`n: -60000` read from a record made
    /// the date missing, and the rule silently found nothing).
    /// A date argument of date arithmetic (`add_days`, `days`...): a value that is present but no
    /// date (`x_received_on: 2025年12月3日`, a list) is a type error of the rule on this record,
    /// never a silent "no date", which never fired.
    func dateArgument(_ value: Value) -> Day? {
        guard let day = day(value) else {
            if !value.isMissing { noteTypeError(LocalizedText(zh: "“\(text(value, .zh))”不是日期", en: "'\(text(value, .en))' is not a date"), value, .missing) }
            return nil
        }
        return day
    }

    func dayCount(_ value: Value) -> Int? {
        guard let number = value.number, number.isFinite, abs(number) <= Double(Self.mostDays) else {
            if !value.isMissing {
                noteTypeError(LocalizedText(
                    zh: "“\(text(value, .zh))”不是可用于日期计算的天数（应为 ±\(Self.mostDays) 以内的数）",
                    en: "'\(text(value, .en))' is no number of days for date arithmetic (expected a number within ±\(Self.mostDays))"), value, .missing)
            }
            return nil
        }
        return Int(number.rounded(.towardZero))
    }

    /// The most days date arithmetic adds or subtracts: a century.
    static let mostDays = Day.mostDaysCounted

    /// What makes two values the same item for `distinct`: the text of a scalar; the place of a
    /// step or of a mapping or list from the record, so that different ones stay apart.
    func identity(_ value: Value) -> String {
        switch value {
        case .step(let index): "step \(index)"
        case .node(let node): "node \(node.position.line):\(node.position.column)"
        // Words are the same only in both languages (`seen_before: {text: …}` keyed every record
        // by its English alone).
        case .localized(let words): "words \(words.zh)\u{1F}\(words.en)"
        default: text(value, .en)
        }
    }

    func day(_ value: Value) -> Day? {
        switch value {
        case .date(let day, _): day
        case .step(let index): record.steps[index].day
        case .text(let text, _): Day(parsing: text)
        default: nil
        }
    }

    /// Compares two values; a comparison across types (a number with a boolean, a list or a text
    /// that is no plain number) is a type error of the rule on this record, never a silent answer.
    func compare(_ lhs: Value, _ rhs: Value, _ comparison: Comparison) -> Bool {
        // Two texts are equal or not by one comparison (their order asks `<` and then `>`); the
        // answer is the same, as both compare canonical equivalents.
        if comparison == .eq || comparison == .ne, case .text(let left, _) = lhs, case .text(let right, _) = rhs {
            spendComparing(left, right)
            return (left == right || Self.sameTrimmed(left, right)) == (comparison == .eq)
        }
        // Words in two languages are the same as a text or not, but in no order with one: the
        // order of either language would disagree with the other's.
        if comparison != .eq, comparison != .ne, lhs.isWords || rhs.isWords, !lhs.isMissing, !rhs.isMissing {
            noteTypeError(LocalizedText(
                zh: "“\(text(lhs, .zh))”与“\(text(rhs, .zh))”不能比较大小：label 和 text 得出的是两种语言的文字，只能比较是否相同",
                en: "'\(text(lhs, .en))' and '\(text(rhs, .en))' have no order: label and text give words in two languages, which are only the same or not"), lhs, rhs)
            return false
        }
        switch order(lhs, rhs) {
        case .ordered(let order): return comparison.holds(order)
        case .missing: return false
        case .mismatch(let problem):
            noteTypeError(problem, lhs, rhs)
            return false
        }
    }

    /// Whether two texts that differ are the same but for spaces at their ends (`县自然资源局　`
    /// with an ideographic space is 县自然资源局): names are matched so, as the record pack matches
    /// them, and a department's rule passed a record whose cell ended in a space. (Asked only of
    /// texts with a space at an end, told by their first and last characters.)
    static func sameTrimmed(_ left: String, _ right: String) -> Bool {
        func spaced(_ text: String) -> Bool {
            (text.unicodeScalars.first?.properties.isWhitespace ?? false) || (text.unicodeScalars.last?.properties.isWhitespace ?? false)
        }
        guard spaced(left) || spaced(right) else { return false }
        return Vocabulary.trimmed(left) == Vocabulary.trimmed(right)
    }

    /// How two values compare.
    enum Order {
        /// In order: -1, 0 or 1.
        case ordered(Int)
        /// A value is missing: it compares with nothing.
        case missing
        /// The values are of types that do not compare; what to tell the rule's author.
        case mismatch(LocalizedText)
    }

    func order(_ lhs: Value, _ rhs: Value) -> Order {
        if lhs.isMissing || rhs.isMissing { return .missing }
        func sign<T: Comparable>(_ a: T, _ b: T) -> Order { .ordered(a < b ? -1 : (a > b ? 1 : 0)) }
        switch (lhs, rhs) {
        case (.number(let a, _), .number(let b, _)):
            // `.nan` (YAML's not-a-number) is neither above, below nor equal to anything: every
            // comparison was false, and a threshold rule passed it silently.
            if a.isNaN || b.isNaN { return .mismatch(Self.notANumber) }
            return sign(a, b)
        case (.bool(let a, _), .bool(let b, _)): return .ordered(a == b ? 0 : (a ? 1 : -1))
        case (.step(let a), .step(let b)) where a == b: return .ordered(0)
        case (.date, _), (_, .date), (.step, _), (_, .step):
            guard let a = day(lhs), let b = day(rhs) else { return .mismatch(mismatch(lhs, rhs)) }
            return sign(a, b)
        case (.number(let a, _), .text(let text, _)), (.text(let text, _), .number(let a, _)):
            guard let b = Self.plainNumber(text) else {
                return .mismatch(LocalizedText(
                    zh: "“\(text)”是文本，不是数字（数字不能带千位分隔符或单位，如 1500 而不是 1,500 或 1500万元）",
                    en: "'\(text)' is a text, not a number (numbers are written without thousands separators or units: 1500, not 1,500 or 1500万元)"))
            }
            if a.isNaN { return .mismatch(Self.notANumber) }
            if case .number = lhs { return sign(a, b) }
            return sign(b, a)
        // Words in two languages (`label`, `text`) equal a text that is either of them, and other
        // words that are both of theirs: compared by their English alone, `eq: [{label: …}, 不通过]`
        // never held, and a `ne` said a document number 应为 itself.
        // (Only `eq` and `ne` ask of them: `compare` refuses to order words.)
        case (.localized(let words), .text(let other, _)), (.text(let other, _), .localized(let words)):
            spendComparing(words.zh, other)
            spendComparing(words.en, other)
            return .ordered(words.zh == other || words.en == other ? 0 : 1)
        case (.localized(let left), .localized(let right)):
            spendComparing(left.zh, right.zh)
            spendComparing(left.en, right.en)
            return .ordered(left.zh == right.zh && left.en == right.en ? 0 : 1)
        case (.text, .text):
            let (left, right) = (text(lhs, .en), text(rhs, .en))
            spendComparing(left, right)
            return sign(left, right)
        default:
            return .mismatch(mismatch(lhs, rhs))
        }
    }

    /// (Read inside "the rule … on this record …, its conclusion unknown": the problem, no advice.)
    static let notANumber = LocalizedText(
        zh: "不能比较 .nan（不是数字，应写实际数值）",
        en: "cannot compare .nan (not a number; the actual number is to be written)")

    /// A text that is a plain number (`1500`, `-2.5`), not `1,500` or `1500万元`.
    static func plainNumber(_ text: String) -> Double? {
        guard !text.isEmpty, text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") }) else { return nil }
        return Double(text)
    }

    private func mismatch(_ lhs: Value, _ rhs: Value) -> LocalizedText {
        let (a, b) = (typeName(lhs), typeName(rhs))
        return LocalizedText(
            zh: "不能比较\(Self.chineseTypeName(a))“\(text(lhs, .zh))”与\(Self.chineseTypeName(b))“\(text(rhs, .zh))”",
            en: "cannot compare \(a) '\(text(lhs, .en))' with \(b) '\(text(rhs, .en))'")
    }

    /// Records the first type error of the rule under evaluation, at the record value involved.
    func noteTypeError(_ problem: LocalizedText, _ lhs: Value, _ rhs: Value) {
        guard typeError == nil else { return }
        typeError = (problem, position(of: lhs) ?? position(of: rhs))
    }


    /// The text form of a value, for messages, evidence and comparisons of texts.
    func text(_ value: Value, _ language: Language) -> String {
        switch value {
        case .missing: return "—"
        case .bool(let value, _): return value ? "true" : "false"
        case .number(let number, _):
            return number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
        case .text(let text, _): return text
        case .date(let day, _): return day.description
        case .step(let index):
            let step = record.steps[index]
            let name = context.rules.stepTypeNames[step.type]?.text(language) ?? step.type
            return language == .zh ? "\(name)（\(step.day)）" : "\(name) (\(step.day))"
        case .node(let node):
            if let items = node.items { return text(.list(items.map(Value.from)), language) }
            return node.kindDescription
        case .list(let items):
            // Long lists are cut, so a record of thousands of steps cannot swell a report.
            let shown = items.prefix(Self.listedItems).map { text($0, language) }.joined(separator: language == .zh ? "、" : ", ")
            guard items.count > Self.listedItems else { return shown }
            let more = items.count - Self.listedItems
            return shown + (language == .zh ? "……另有 \(more) 项" : " … \(more) more")
        case .localized(let localized): return localized.text(language)
        }
    }

    /// Where a value is written, if it came from the record.
    func position(of value: Value) -> SourcePosition? {
        switch value {
        case .text(_, let position), .date(_, let position), .number(_, let position), .bool(_, let position): position
        case .step(let index): record.steps[index].position
        case .node(let node): node.position
        case .list(let items): items.lazy.compactMap { self.position(of: $0) }.first
        default: nil
        }
    }

    /// Notes every year between the ends of a count that the calendar does not cover. A count over
    /// centuries (a mistyped year) is noted by its ends and the years just outside the calendar's,
    /// not year by year (its first 200 years were noted, and the years beside the calendar's,
    /// such as the one after its last, were left out).
    func noteCoverage(_ first: Day, _ second: Day) {
        let (low, high) = (min(first.year, second.year), max(first.year, second.year))
        let covered = context.calendar.years
        var noted = false
        if high - low > Self.mostYearsNoted {
            var ends = [low, high]
            if let earliest = covered.min(), let latest = covered.max() { ends += [earliest - 1, latest + 1] }
            for year in ends where low <= year && year <= high && !covered.contains(year) {
                uncoveredYears.insert(year)
                noted = true
            }
        } else {
            for year in low...high where !covered.contains(year) {
                uncoveredYears.insert(year)
                noted = true
            }
        }
        if noted { noteUncoveredCount() }
    }

    /// Notes that the rule under evaluation (and the definition being computed, if any) relies
    /// on a count in a year the calendar does not cover.
    func noteUncoveredCount() {
        if let severity = ruleSeverity, uncoveredSeverity.map({ $0 < severity }) ?? true { uncoveredSeverity = severity }
        if let definition = definitionComputed { definitionsCountingUncovered.insert(definition) }
    }

    /// The longest span of years a count notes year by year.
    static let mostYearsNoted = 200
}
