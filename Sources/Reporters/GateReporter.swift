public import DecisionRecords
public import RuleEngine
import RuleLanguage

/// One agenda item of the meeting gate.
public struct AgendaItem: Sendable {
    /// The record file.
    public var file: String
    /// The record id; nil for a file that could not be read as records.
    public var record: String?
    /// The decision's title.
    public var title: String?
    /// The findings of prerequisite rules, sorted.
    public var findings: [Finding]
    /// Whether the item may go to the meeting.
    public var ready: Bool

    /// Creates an item.
    public init(file: String, record: String?, title: String?, findings: [Finding], ready: Bool) {
        self.file = file
        self.record = record
        self.title = title
        self.findings = findings
        self.ready = ready
    }
}

/// The meeting gate's result.
public struct Agenda: Sendable {
    /// The meeting day.
    public var meeting: Day
    /// The tool's version.
    public var version: String
    /// The items in file order.
    public var items: [AgendaItem]
    /// Run-level findings, such as a missing registry.
    public var runFindings: [Finding]
    /// The language.
    public var language: Language

    /// Creates an agenda.
    public init(meeting: Day, version: String, items: [AgendaItem], runFindings: [Finding], language: Language) {
        self.meeting = meeting
        self.version = version
        self.items = items
        self.runFindings = runFindings
        self.language = language
    }
}

/// Renders the meeting gate as a printable checklist or as the contract's JSON.
public enum GateReporter {
    /// The JSON of the contract: meeting, items, run-level findings.
    public static func json(_ agenda: Agenda) -> String {
        let report = Report(version: agenda.version, asOf: agenda.meeting, records: [], rules: [], findings: [], failOn: .error, language: agenda.language)
        return JSON.object([
            ("tool", .object([("name", .string("legality")), ("version", .string(agenda.version))])),
            ("meeting", .string(agenda.meeting.description)),
            ("summary", .object([
                ("items", .int(agenda.items.count)),
                ("ready", .int(agenda.items.count { $0.ready })),
                ("blocked", .int(agenda.items.count { !$0.ready })),
            ])),
            ("items", .array(agenda.items.map { item in
                .object([
                    ("record", .optional(item.record)),
                    ("title", .optional(item.title)),
                    ("file", .string(item.file)),
                    ("ready", .bool(item.ready)),
                    ("findings", .array(item.findings.map { JSONReporter.finding($0, report) })),
                ])
            })),
            ("findings", .array(agenda.runFindings.map { JSONReporter.finding($0, report) })),
        ]).rendered() + "\n"
    }

    /// A checklist a legal adviser can print.
    public static func text(_ agenda: Agenda) -> String {
        let language = agenda.language
        let zh = language == .zh
        var output = zh ? "会议议题合法性审查清单（会议日期 \(agenda.meeting)）\n\n" : "Agenda check for the meeting of \(agenda.meeting)\n\n"
        for item in agenda.items {
            let mark = item.ready ? (zh ? "[可以上会]" : "[READY]  ") : (zh ? "[暂缓上会]" : "[BLOCKED]")
            let name = [item.record, item.title].compactMap { $0 }.joined(separator: " ")
            output += "\(mark) \(name.isEmpty ? item.file : name)\n"
            output += "           \(item.file)\n"
            for finding in item.findings {
                let severity = switch finding.severity {
                case .error: zh ? "错误" : "error"
                case .warning: zh ? "警告" : "warning"
                case .info: zh ? "提示" : "info"
                }
                output += "    - \(severity)[\(finding.rule)] \(finding.title.text(language))\(zh ? "：" : ": ")\(finding.message.text(language))\n"
                output += "      \(Wording.label("依据", "basis", language))\(finding.basis.text(language))\n"
                if let help = finding.help { output += "      \(Wording.label("需要做", "to do", language))\(help.text(language))\n" }
            }
            output += "\n"
        }
        for finding in agenda.runFindings {
            output += "\(finding.rule)\(zh ? "：" : ": ")\(finding.message.text(language))\n"
        }
        let ready = agenda.items.count { $0.ready }
        output += zh
            ? "共 \(agenda.items.count) 项：\(ready) 项可以上会，\(agenda.items.count - ready) 项暂缓\n"
            : "\(agenda.items.count) items: \(ready) ready, \(agenda.items.count - ready) blocked\n"
        return output
    }
}
