import DecisionRecords
import RuleLanguage
import YAMLTree

/// How the evaluator compares, converts and shows values.
extension Evaluator {
    /// The vocabulary's name for a code, or for each code of a list; other values as they are.
    func label(_ value: Value) -> Value {
        if case .text(let code, _) = value, let name = context.rules.name(of: code) { return .localized(name) }
        if case .list(let items) = value { return .list(items.map(label)) }
        if case .node(let node) = value, node.sequence != nil { return .list((value.elements ?? []).map(label)) }
        return value
    }

    /// How many items of a list a message or evidence names before "… N more".
    static let listedItems = 10

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
        case .node(let node): node.mapping != nil ? "mapping" : "list"
        }
    }

    /// A whole number of days usable in date arithmetic: finite and within a century.
    func dayCount(_ value: Value) -> Int? {
        guard let number = value.number, number.isFinite, abs(number) <= 36_500 else { return nil }
        return Int(number.rounded(.towardZero))
    }

    /// What makes two values the same item for `distinct`: the text of a scalar; the place of a
    /// step or of a mapping or list from the record, so that different ones stay apart.
    func identity(_ value: Value) -> String {
        switch value {
        case .step(let index): "step \(index)"
        case .node(let node): "node \(node.position.line):\(node.position.column)"
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

    func compare(_ lhs: Value, _ rhs: Value, _ comparison: Comparison) -> Bool {
        guard let order = ordering(lhs, rhs) else { return false }
        return Self.holds(order, comparison, reversed: false)
    }

    /// -1, 0 or 1; nil when the values cannot be compared (a missing value compares with nothing).
    func ordering(_ lhs: Value, _ rhs: Value) -> Int? {
        if lhs.isMissing || rhs.isMissing { return nil }
        switch (lhs, rhs) {
        case (.number(let a), .number(let b)): return a < b ? -1 : (a > b ? 1 : 0)
        case (.bool(let a), .bool(let b)): return a == b ? 0 : (a ? 1 : -1)
        case (.date, _), (_, .date), (.step, _), (_, .step):
            if case .step(let a) = lhs, case .step(let b) = rhs, a == b { return 0 }
            guard let a = day(lhs), let b = day(rhs) else { return nil }
            return a < b ? -1 : (a > b ? 1 : 0)
        case (.number(let a), .text(let text, _)), (.text(let text, _), .number(let a)):
            guard let b = Double(text) else { return nil }
            let sign = a < b ? -1 : (a > b ? 1 : 0)
            if case .number = lhs { return sign }
            return -sign
        default:
            let (a, b) = (text(lhs, .en), text(rhs, .en))
            return a < b ? -1 : (a > b ? 1 : 0)
        }
    }

    /// Whether `order` (the sign of lhs - rhs) satisfies a comparison; `reversed` reads it as rhs - lhs.
    static func holds(_ order: Int, _ comparison: Comparison, reversed: Bool) -> Bool {
        let sign = reversed ? -order.signum() : order.signum()
        switch comparison {
        case .eq: return sign == 0
        case .ne: return sign != 0
        case .lt: return sign < 0
        case .le: return sign <= 0
        case .gt: return sign > 0
        case .ge: return sign >= 0
        }
    }

    /// The text form of a value, for messages, evidence and comparisons of texts.
    func text(_ value: Value, _ language: Language) -> String {
        switch value {
        case .missing: return "—"
        case .bool(let value): return value ? "true" : "false"
        case .number(let number):
            return number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
        case .text(let text, _): return text
        case .date(let day, _): return day.description
        case .step(let index):
            let step = record.steps[index]
            let name = context.rules.stepTypeNames[step.type]?.text(language) ?? step.type
            return language == .zh ? "\(name)（\(step.day)）" : "\(name) (\(step.day))"
        case .node(let node):
            if let items = node.sequence { return text(.list(items.map(Value.from)), language) }
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
        case .text(_, let position), .date(_, let position): position
        case .step(let index): record.steps[index].position
        case .node(let node): node.position
        case .list(let items): items.lazy.compactMap { position(of: $0) }.first
        default: nil
        }
    }

    /// Notes every year between the ends of a count that the calendar does not cover.
    mutating func noteCoverage(_ first: Day, _ second: Day) {
        let (low, high) = (min(first.year, second.year), max(first.year, second.year))
        for year in low...max(low, min(high, low + 200)) where !context.calendar.years.contains(year) { uncoveredYears.insert(year) }
    }
}
