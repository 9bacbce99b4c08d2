import ArgumentParser
import DecisionRecords
import Reporters
import RuleEngine
import RuleLanguage

/// `legality rules show ID`.
struct ShowRule: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "show", abstract: Interface.text("解释一条规则：要求、依据、版本、参数和示例。", "Explain one rule: what it demands, its basis, parameters and examples."))
    }

    @Argument(help: Interface.help("规则编号。", "The rule id."))
    var id: String

    @OptionGroup var ruleOptions: RuleOptions

    func run() throws {
        let run = try PreparedRun.prepare(ruleOptions, recordPaths: [], needsRegistry: false, examples: true)
        // Ids are matched without regard to case: `rules show town-001` finds TOWN-001.
        guard let rule = run.rules.rules.first(where: { $0.id == id }) ?? run.rules.rules.first(where: { $0.id.lowercased() == id.lowercased() }) else {
            if let tool = ToolFinding.named(id) { return try FileSystem.deliver(Self.explanation(of: tool, run.language), to: nil) }
            let ids = run.rules.rules.map(\.id) + ToolFinding.all.map(\.id)
            throw RunError(message: "no rule has the id '\(id)'\(Suggestion.phrase(for: id, in: ids))", chinese: "没有编号为 \(id) 的规则\(Suggestion.chinesePhrase(for: id, in: ids))")
        }
        let zh = run.language == .zh
        let language = run.language
        var text = "\(rule.id)  \(rule.title.text(language))\n"
        text += "\(zh ? "级别" : "severity"): \(ListRules.severity(rule.severity, language))    \(zh ? "规则包" : "pack"): \(rule.pack)"
        text += "    \(zh ? "适用" : "applies to"): \(rule.kinds?.joined(separator: ", ") ?? (zh ? "全部记录" : "every record"))\n"
        if rule.prerequisite { text += zh ? "集体讨论的前置条件（会前审查 gate 检查此规则）\n" : "a prerequisite of collective discussion (checked by the meeting gate)\n" }
        if rule.absolute { text += zh ? "法律不允许例外：豁免不能使会前审查的议题可以上会\n" : "a prohibition the law allows no exception to: no waiver makes a gate's item READY\n" }
        if !rule.tags.isEmpty { text += "\(zh ? "标签" : "tags"): \(rule.tags.joined(separator: ", "))\n" }
        text += "\n\(zh ? "要求" : "what it demands"):\n  \(rule.description?.text(language) ?? rule.title.text(language))\n"
        text += "\n\(zh ? "依据" : "basis"): \(rule.basis.text(language))\n"
        if let help = rule.help { text += "\(zh ? "如何改正" : "how to fix"): \(help.text(language))\n" }
        if !rule.versions.isEmpty {
            // Which act's day picks the version: the rule's words for it (the MAD rules: the first
            // collective discussion), else the act the finding is about.
            if let label = rule.inForceOnLabel {
                text += zh ? "\n法律版本:\n  按哪一天适用：\(label.zh)\n" : "\nversions of the law:\n  picked by: \(label.en)\n"
            } else {
                text += "\n\(zh ? "法律版本（按行为发生之日适用）" : "versions of the law (applied by the day of the act)"):\n"
            }
            if let first = rule.versions.first {
                text += zh
                    ? "  \(first.from) 之前：不适用（行为日期在此之前的；查不到行为日期的，按记录中最后一个在施行期内的步骤判断，没有这样的步骤即不适用）\n"
                    : "  before \(first.from): does not apply (to acts dated before it; an act with no date is judged by the record's latest step under the law, and with none the rule does not apply)\n"
            }
            for version in rule.versions {
                let span = version.until.map { zh ? "\(version.from) 至 \($0)" : "\(version.from) to \($0)" } ?? (zh ? "\(version.from) 起" : "from \(version.from)")
                var line = "  \(span)\(zh ? "：" : ": ")\(version.basis.text(language))"
                if !version.parameters.isEmpty {
                    let values = version.parameters.sorted { $0.key < $1.key }.map { "\($0.key) = \(Self.describe($0.value))" }.joined(separator: ", ")
                    line += zh ? "（\(values)）" : " (\(values))"
                }
                if let help = version.help { line += zh ? "\n    如何改正: \(help.zh)" : "\n    how to fix: \(help.en)" }
                text += line + "\n"
            }
        }
        let effective = run.context(asOf: Day(ordinal: 0)).effectiveParameters(for: rule)
        if !rule.parameters.isEmpty {
            text += "\n\(zh ? "参数（生效值）" : "parameters (effective values)"):\n"
            for parameter in rule.parameters {
                let value = effective[parameter.name].map(Self.describe) ?? "—"
                let defaultValue = Self.describe(parameter.defaultList.map(ParameterValue.list) ?? .single(parameter.defaultValue))
                let changed = value != defaultValue ? (zh ? "（默认 \(defaultValue)，已由配置修改）" : " (default \(defaultValue), set by configuration)") : ""
                let fixed = parameter.configurable ? "" : (zh ? "（随法律版本，不可配置）" : " (set by the law's versions; not configurable)")
                text += "  \(parameter.name) = \(value)\(changed)\(fixed)\(parameter.description.map { "  # \($0)" } ?? "")\n"
            }
        }
        if !rule.examples.isEmpty {
            text += "\n\(zh ? "示例" : "examples"):\n"
            for example in rule.examples {
                text += "  \(example.triggers ? (zh ? "违反" : "triggers") : (zh ? "不违反" : "passes  ")): \(example.name)\n"
            }
        }
        text += "\n\(zh ? "文件" : "file"): \(rule.file):\(rule.position.line)\n"
        try FileSystem.deliver(TextReporter.terminalSafe(text), to: nil)
    }

    /// What one of legality's own findings means (`rule-error`, `registry-missing`, ...): no rule
    /// file holds it, so it has no basis, parameters or examples.
    static func explanation(of tool: ToolFinding, _ language: Language) -> String {
        let zh = language == .zh
        var text = "\(tool.id)  \(tool.title.text(language))\n"
        text += "\(zh ? "级别" : "severity"): \(ListRules.severity(tool.severity, language))    "
        text += zh ? "legality 自身的检查结果，不属于任何规则包（报告中记为 \(tool.pack)）\n" : "legality's own finding, of no rule pack (\(tool.pack) in reports)\n"
        text += "\n\(zh ? "含义" : "what it means"):\n  \(tool.description.text(language))\n"
        text += "\n\(zh ? "如何改正" : "how to fix"): \(tool.help.text(language))\n"
        return text
    }

    static func describe(_ value: ParameterValue) -> String {
        switch value {
        case .single(let literal): literal.written
        case .list(let literals): "[" + literals.map(\.written).joined(separator: ", ") + "]"
        }
    }
}
