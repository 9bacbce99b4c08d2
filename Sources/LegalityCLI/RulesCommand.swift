import ArgumentParser
import DecisionRecords
import Reporters
import RuleLanguage

/// `legality rules`: what the rules are, what each demands, and whether rule files are sound.
struct RulesCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "rules",
            abstract: Interface.text("列出、解释和检查规则。", "List, explain and lint rules."),
            subcommands: [ListRules.self, ShowRule.self, LintRules.self]
        )
    }
}

/// `legality rules list`.
struct ListRules: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(    commandName: "list", abstract: Interface.text("列出规则：编号、级别、标题、依据。", "List the rules: id, severity, title, basis."))
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
            try FileSystem.deliver(TextReporter.terminalSafe(TextTable.render([header] + rows) + "\(rules.count) \(language == .zh ? "条规则" : "rules")\n"), to: nil)
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
                let ids = run.rules.rules.map(\.id)
                throw RunError(message: "no rule has the id '\(id)'\(Suggestion.phrase(for: id, in: ids))", chinese: "没有编号为 \(id) 的规则\(Suggestion.chinesePhrase(for: id, in: ids))")
            }
            let zh = run.language == .zh
            let language = run.language
            var text = "\(rule.id)  \(rule.title.text(language))\n"
            text += "\(zh ? "级别" : "severity"): \(ListRules.severity(rule.severity, language))    \(zh ? "规则包" : "pack"): \(rule.pack)"
            text += "    \(zh ? "适用" : "applies to"): \(rule.kinds?.joined(separator: ", ") ?? (zh ? "全部记录" : "every record"))\n"
            if rule.prerequisite { text += zh ? "集体讨论的前置条件（会前审查 gate 检查此规则）\n" : "a prerequisite of collective discussion (checked by the meeting gate)\n" }
            if !rule.tags.isEmpty { text += "\(zh ? "标签" : "tags"): \(rule.tags.joined(separator: ", "))\n" }
            text += "\n\(zh ? "要求" : "what it demands"):\n  \(rule.description?.text(language) ?? rule.title.text(language))\n"
            text += "\n\(zh ? "依据" : "basis"): \(rule.basis.text(language))\n"
            if let help = rule.help { text += "\(zh ? "如何改正" : "how to fix"): \(help.text(language))\n" }
            if !rule.versions.isEmpty {
                text += "\n\(zh ? "法律版本（按行为发生之日适用）" : "versions of the law (applied by the day of the act)"):\n"
                if let first = rule.versions.first {
                    text += zh
                        ? "  \(first.from) 之前：不适用（行为日期在此之前的；查不到行为日期的，按最新版本判断）\n"
                        : "  before \(first.from): does not apply (to acts dated before it; a finding whose act has no date is judged by the newest version)\n"
                }
                for version in rule.versions {
                    let span = version.until.map { zh ? "\(version.from) 至 \($0)" : "\(version.from) to \($0)" } ?? (zh ? "\(version.from) 起" : "from \(version.from)")
                    var line = "  \(span)\(zh ? "：" : ": ")\(version.basis.text(language))"
                    if !version.parameters.isEmpty {
                        let values = version.parameters.sorted { $0.key < $1.key }.map { "\($0.key) = \(Self.describe($0.value))" }.joined(separator: ", ")
                        line += zh ? "（\(values)）" : " (\(values))"
                    }
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

        static func describe(_ value: ParameterValue) -> String {
            switch value {
            case .single(let literal): literal.written
            case .list(let literals): "[" + literals.map(\.written).joined(separator: ", ") + "]"
            }
        }
    }

    /// `legality rules lint [PATH ...]`.
    struct LintRules: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
            commandName: "lint",
            abstract: Interface.text("检查规则文件：错误（退出状态 2）和建议，如缺少示例（退出状态 0）。", "Check rule files: errors (exit 2) and advice such as missing examples (exit 0)."),
            discussion: Interface.text("不给路径时检查内置规则。", "Without PATH, lints the built-in rules.")
        )
    }

    @Argument(help: Interface.help("规则文件或文件夹。", "Rule files or folders.", valueName: "path"))
    var paths: [String] = []

    @OptionGroup var ruleOptions: RuleOptions

    func run() throws {
        let run = try PreparedRun.prepare(ruleOptions, recordPaths: [], extraRules: paths, needsRegistry: false, reportWording: true, examples: true)
        // The ledger layouts beside the rules (and those named with --mapping) are checked too.
        _ = try RunSetup.ledgerMappings(ruleOptions.mappings, kinds: Set(run.rules.kindNames.keys))
        let selected = run.rules.rules.filter { paths.isEmpty || run.extraFiles.contains(FileSystem.realPath($0.file) ?? $0.file) }
        var advice: [String] = RuleLint.filesNotRead(under: paths).map {
            RuleLint.warning(
                $0, "没有作为规则读取：规则文件名应以 .yaml 或 .yml 结尾（是否被编辑器另存为其他名称？请改名）",
                "not read as rules: a rule file's name ends in .yaml or .yml (saved by an editor under another name? rename it)")
        }
        let filesOfRules = Set(run.rules.rules.map { FileSystem.realPath($0.file) ?? $0.file })
        for file in run.extraFiles.sorted() where !filesOfRules.contains(file) && RuleLint.holdsNothing(file) {
            advice.append(RuleLint.warning(file, "没有内容（空文件或只有注释），未从中读到任何规则", "holds nothing (empty, or only comments): no rule is read from it"))
        }
        for rule in selected { advice += RuleLint.advice(for: rule, vocabulary: run.rules.vocabulary, today: RunSetup.today()) }
        try FileSystem.deliver(TextReporter.terminalSafe(advice.map { $0 + "\n" }.joined() + "\(selected.count) rules checked, 0 errors, \(advice.count) warnings\n"), to: nil)
    }
}

