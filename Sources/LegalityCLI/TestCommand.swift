import ArgumentParser
import DecisionRecords
import Reporters
import RuleEngine
import RuleLanguage

/// `legality test`: runs the examples rule files carry, like a test runner.
struct TestCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "test",
            abstract: Interface.text("运行规则自带的触发与不触发示例。", "Run the triggering and non-triggering examples that rules carry."),
            discussion: Interface.text(
                "给出路径时运行这些文件或文件夹中规则的示例（内置定义仍可使用）；不给时运行全部内置规则的示例。最后一行为 'N passed, N failed'。退出状态：全部通过为 0，有失败为 1，规则有误为 2。",
                """
                With PATHs, runs the examples of the rules in those files or folders (the built-in \
                definitions stay available); without, those of every built-in rule. Ends with the line \
                'N passed, N failed'. Exit status: 0 when all pass, 1 when any fails, 2 when rules are invalid.
                """)
        )
    }

    @Argument(help: Interface.help("规则文件或文件夹（默认：内置规则）。", "Rule files or folders (default: the built-in rules).", valueName: "path"))
    var paths: [String] = []

    @Flag(name: .customLong("verbose"), help: Interface.help("列出每个示例，而不只是失败的。", "List every example, not only the failures."))
    var verbose = false

    @OptionGroup var ruleOptions: RuleOptions

    func run() throws {
        let run = try PreparedRun.prepare(ruleOptions, recordPaths: [], extraRules: paths, needsRegistry: false, examples: true)
        let (rules, extraFiles, calendar) = (run.rules, run.extraFiles, run.calendar)
        // A rule the configuration disabled is tested all the same, and named: its examples are the
        // file's (it read "no rule found, the files hold definitions or other data only").
        let inPaths = { (rule: Rule) in paths.isEmpty || extraFiles.contains(FileSystem.realPath(rule.file) ?? rule.file) }
        let disabled = run.rulesDisabledByConfiguration.filter(inPaths)
        let selected = (rules.rules.filter(inPaths) + disabled).sorted { $0.id < $1.id }
        if !paths.isEmpty, selected.isEmpty { throw RunError.noRules(in: paths) }
        // (A rule in a hidden file was not tested, and "2 passed" said nothing of it.)
        RunSetup.sayFilesNotReadAsRules(under: paths, loaded: rules)
        var passed = 0
        var failed = 0
        var output = ""
        var withoutBoth: [String] = []
        for rule in selected {
            var ruleSet = rules
            if disabled.contains(where: { $0.id == rule.id }) { ruleSet.rules.append(rule) }
            let outcomes = ExampleRunner.run(rule, rules: ruleSet, calendar: calendar, language: run.language)
            if !outcomes.contains(where: \.example.triggers) || !outcomes.contains(where: { !$0.example.triggers }) {
                withoutBoth.append(rule.id)
            }
            for outcome in outcomes {
                let kind = outcome.example.triggers ? "triggering" : "non-triggering"
                let place = "\(rule.file):\(outcome.example.position.line):\(outcome.example.position.column)"
                if let failure = outcome.failure {
                    failed += 1
                    output += "FAIL \(rule.id) \(kind) \"\(outcome.example.name)\" (\(place))\n"
                    output += failure.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n") + "\n"
                } else {
                    passed += 1
                    if verbose { output += "ok   \(rule.id) \(kind) \"\(outcome.example.name)\"\n" }
                }
            }
        }
        if !withoutBoth.isEmpty {
            output += "note: rules without both a triggering and a non-triggering example: \(withoutBoth.joined(separator: ", "))\n"
        }
        output += Self.configurationNotes(run, disabled: disabled.map(\.id), tested: Set(selected.map(\.id)))
        output += "\(selected.count) rules, \(passed + failed) examples\n"
        output += "\(passed) passed, \(failed) failed\n"
        try FileSystem.deliver(TextReporter.terminalSafe(output), to: nil)
        if failed > 0 { throw ExitCode(1) }
    }

    /// What the configuration changes that the examples do not use, said where the counts are: a
    /// rule disabled (its examples run all the same), and parameters configured (the examples run
    /// with the rules' defaults, as their expectations are written; `check` applies the
    /// configuration's). A county's triggering example read "ok" of a value its configuration had
    /// taken out of the rule, and nothing said the configuration was not used.
    static func configurationNotes(_ run: PreparedRun, disabled: [String], tested: Set<String>) -> String {
        let file = run.configuration.file ?? ".legality.yaml"
        var notes = ""
        if !disabled.isEmpty {
            let one = disabled.count == 1
            notes += run.language == .zh
                ? "注意：配置 \(file) 停用了 \(disabled.joined(separator: "、"))，legality check 不会运行\(one ? "该规则" : "这些规则")，但其示例仍照常测试\n"
                : "note: \(disabled.joined(separator: ", ")) disabled by the configuration \(file), so check does not run \(one ? "it" : "them"); \(one ? "its" : "their") examples were tested all the same\n"
        }
        let configured = run.description.parameterChanges.filter { tested.contains(String($0.prefix { $0 != " " })) }.sorted()
        if !configured.isEmpty {
            notes += run.language == .zh
                ? "注意：示例按各规则的默认参数运行，未使用配置 \(file) 调整的参数（\(configured.joined(separator: "；"))）；legality check 按调整后的参数检查，结果可能与示例不同\n"
                : "note: the examples ran with each rule's default parameters, not those the configuration \(file) changes (\(configured.joined(separator: "; "))), which legality check uses; its results may differ\n"
        }
        return notes
    }
}
