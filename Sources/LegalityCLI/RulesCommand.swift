import ArgumentParser

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
