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
        advice += RuleLint.hiddenRuleFiles(under: paths).map {
            RuleLint.warning(
                $0, "没有作为规则读取：文件名或所在文件夹名以“.”开头，属于隐藏文件，其中的规则不会执行（如需执行，请去掉开头的“.”）",
                "not read as rules: it is hidden (its name, or a folder's, starts with '.'), so its rule does not run (take the '.' away if it should run)")
        }
        let filesOfRules = Set(run.rules.rules.map { FileSystem.realPath($0.file) ?? $0.file })
        for file in run.extraFiles.sorted() where !filesOfRules.contains(file) && RuleLint.holdsNothing(file) {
            advice.append(RuleLint.warning(file, "没有内容（空文件或只有注释），未从中读到任何规则", "holds nothing (empty, or only comments): no rule is read from it"))
        }
        for rule in selected { advice += RuleLint.advice(for: rule, vocabulary: run.rules.vocabulary, today: RunSetup.today()) }
        // A name vouched for a code that lets a record pass, despite a word that would change it,
        // is read as the code: said here, as every report's set-up line says it.
        for vouched in run.rules.vocabulary.vouchedNames {
            advice.append(RuleLint.warning(
                "vocabulary", "also_as_meant 认定同义：\(vouched)；写了该名称的记录按此代码通过检查，请确认其含义确实相同",
                "also_as_meant vouches \(vouched): records writing the name pass as the code; make sure it means the same"))
        }
        try FileSystem.deliver(TextReporter.terminalSafe(advice.map { $0 + "\n" }.joined() + "\(selected.count) rules checked, 0 errors, \(advice.count) warnings\n"), to: nil)
    }
}
