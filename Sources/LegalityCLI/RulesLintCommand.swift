import ArgumentParser
import Reporters

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
