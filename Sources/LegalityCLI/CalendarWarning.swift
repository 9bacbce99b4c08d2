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
            ? "legality：警告：工作日历未涵盖 \(list) 年（已涵盖 \(range)），这些年份只按周末区分休息日（法定节假日和调休未计入），按工作日计算或顺延至工作日的期限可能有误；可用 --calendar 补充\n"
            : "legality: warning: the working-day calendar does not cover \(list) (it covers \(range)); only weekends were taken as rest days there (public holidays and make-up working days unknown), so deadlines counted in working days or rolled forward to one may be wrong; add a calendar with --calendar\n"
        FileSystem.writeStandardError(text)
    }
}
