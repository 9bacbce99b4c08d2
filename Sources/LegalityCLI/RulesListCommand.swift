import ArgumentParser
import DecisionRecords
import Reporters
import RuleEngine
import RuleLanguage

/// `legality rules list`.
struct ListRules: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "list", abstract: Interface.text("列出规则：编号、级别、标题、依据。", "List the rules: id, severity, title, basis."))
    }

    @Option(name: .customLong("pack"), help: Interface.help("只列出此规则包的规则（record、mad、penalty、normative 等）。", "Only the rules of this pack (record, mad, penalty, normative, ...)."))
    var pack: String?

    @Option(name: .customLong("tag"), help: Interface.help("只列出有此标签的规则。", "Only the rules with this tag."))
    var tag: String?

    @Flag(name: .customLong("prerequisites"), help: Interface.help("只列出集体讨论的前置条件（会前审查检查的规则）。", "Only the prerequisites of collective discussion (what the meeting gate checks)."))
    var prerequisites = false

    @OptionGroup var ruleOptions: RuleOptions

    func run() throws {
        let run = try PreparedRun.prepare(ruleOptions, recordPaths: [], needsRegistry: false)
        let rules = run.rules.rules.filter { rule in
            (pack == nil || rule.pack == pack) && (tag.map(rule.tags.contains) ?? true) && (!prerequisites || rule.prerequisite)
        }
        let language = run.language
        let rows = rules.map { [$0.id, Self.severity($0.severity, language), $0.pack, $0.title.text(language), $0.basis.text(language)] }
        let header = language == .zh ? ["编号", "级别", "规则包", "标题", "依据"] : ["id", "severity", "pack", "title", "basis"]
        // legality's own findings are named under the full list: reports name them like rules.
        let tools = ToolFinding.all.map(\.id).joined(separator: language == .zh ? "、" : ", ")
        let toolLine = pack != nil || tag != nil || prerequisites ? "" : language == .zh
            ? "另有 legality 自身的检查结果（不属于任何规则包）：\(tools)；用 legality rules show 编号 查看说明。\n"
            : "legality's own findings, of no pack: \(tools); legality rules show ID explains each.\n"
        let count = "\(rules.count) \(language == .zh ? "条规则" : "rules")\n"
        try FileSystem.deliver(TextReporter.terminalSafe(TextTable.render([header] + rows) + toolLine + count), to: nil)
    }
}

extension ListRules {
    /// 错误/警告/提示, or error/warning/info.
    static func severity(_ severity: Severity, _ language: Language) -> String {
        switch (severity, language) {
        case (.error, .zh): "错误"
        case (.warning, .zh): "警告"
        case (.info, .zh): "提示"
        default: severity.rawValue
        }
    }
}
