import DecisionRecords
import RuleEngine

/// The one warning a run gives when a working-day count left the calendar's years.
enum CalendarWarning {
    static func print(_ years: Set<Int>, calendar: WorkingCalendar, language: Language) {
        guard !years.isEmpty else { return }
        let list = years.sorted().map(String.init).joined(separator: ", ")
        let covered = calendar.years.sorted()
        let range = covered.isEmpty ? "none" : "\(covered.first ?? 0)-\(covered.last ?? 0)"
        let text = language == .zh
            ? "legality：警告：工作日历未涵盖 \(list) 年（已涵盖 \(range)），这些年份按周一至周五计算工作日；可用 --calendar 补充\n"
            : "legality: warning: the working-day calendar does not cover \(list) (it covers \(range)); Monday to Friday were counted as working days there; add a calendar with --calendar\n"
        FileSystem.writeStandardError(text)
    }
}
