public import ArgumentParser
import DecisionRecords

/// The `legality` command: checks government decision records for legality-review compliance.
public struct Legality: ParsableCommand {
    /// The tool's version, as reports state it.
    public static let version = "1.0.0"

    /// The command's name, help and subcommands; `check` runs when none is named.
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "legality",
            abstract: Interface.text("按合法性审查规则检查决策记录（合法性审查合规检查）。", "Check decision records against legality-review rules (合法性审查合规检查)."),
            version: version,
            subcommands: [CheckCommand.self, GateCommand.self, AuditCommand.self, ReportCommand.self, ImportCommand.self, TestCommand.self, RulesCommand.self, SchemaCommand.self, InitCommand.self],
            defaultSubcommand: CheckCommand.self
        )
    }

    /// Creates the root command (swift-argument-parser needs it; the work is in the subcommands).
    public init() {}

    /// Runs the command line and exits with the contract's status: 0, 1, or 2 for a run
    /// that could not be made (swift-argument-parser's usage status 64 becomes 2).
    public static func runMain(_ arguments: [String]? = nil) -> Never {
        // A closed pipe (`legality check | head`) or a full file-size limit becomes a write error
        // that is handled, not a signal that kills the process.
        signal(SIGPIPE, SIG_IGN)
        signal(SIGXFSZ, SIG_IGN)
        do {
            let given = LanguagePlacement.placed(arguments ?? Array(CommandLine.arguments.dropFirst()))
            if let first = LanguagePlacement.firstWord(of: given), let command = mistypedCommand(first) {
                throw RunError(
                    message: "'\(first)' is no command, and no file or folder of that name exists; did you mean 'legality \(command)'?",
                    chinese: "“\(first)”不是命令，也没有这个名称的文件或文件夹；是否应为 legality \(command)？")
            }
            // Thousands of paths are read past the argument parser (see `PathArguments`).
            let (parsed, setAside) = PathArguments.split(given)
            var command = try parsedAsNamed(parsed) ?? parseAsRoot(parsed)
            if !PathArguments.restore(setAside, to: &command) { command = try parseAsRoot(given) }
            try command.run()
            Foundationless.exit(0)
        } catch let error as RunError {
            FileSystem.writeStandardError(Interface.text("legality：错误：\(error.chinese ?? error.message)\n", "legality: error: \(error.message)\n"))
            Foundationless.exit(2)
        } catch let code as ExitCode {
            Foundationless.exit(code.rawValue)
        } catch {
            let status = exitCode(for: error)
            if status == .validationFailure {
                let message = fullMessage(for: error)
                let detail = message.hasPrefix("Error: ") ? String(message.dropFirst("Error: ".count)) : message
                FileSystem.writeStandardError(Interface.text("用法错误：\(detail)\n运行 legality help 查看用法。\n", message + "\n"))
                Foundationless.exit(2)
            }
            exit(withError: error)
        }
    }

    /// The arguments parsed by the subcommand their first one names, as the root would parse them;
    /// nil when none is named or they are no valid command line, for the root to parse (and say
    /// what is wrong, with the usage of `legality`). The root, asked first, learns what every
    /// subcommand takes by reflection, and whether the default one takes all that remains: a
    /// tenth of a one-record check's start-up.
    static func parsedAsNamed(_ arguments: [String]) -> (any ParsableCommand)? {
        guard let first = arguments.first,
              let named = configuration.subcommands.first(where: { $0.configuration.commandName == first }),
              // (Help is the root's to give: a subcommand parsed alone names itself without `legality`.)
              !arguments.contains(where: { $0.hasPrefix("-") && (helpWords.contains($0) || $0.hasPrefix("--generate-completion-script")) }) else { return nil }
        return try? named.parseAsRoot(Array(arguments.dropFirst()))
    }

    /// The words swift-argument-parser answers with help or its version instead of a run.
    static let helpWords = ["-h", "--help", "-help", "--help-hidden", "--experimental-dump-help", "--version"]

    /// The command a first argument that is neither a command nor an existing path is a typo of
    /// (`gat`, `chek`, `rule`): it was read as a path for `check`, which said "no such file" or
    /// offered check's options (`--meeting`: did you mean `--mapping`?).
    static func mistypedCommand(_ word: String) -> String? {
        // (A link leading nowhere, or a name of no UTF-8 read with �, is a path, reported as one.)
        guard !word.hasPrefix("-"), !word.contains("/"), !word.unicodeScalars.contains("\u{FFFD}"),
              FileSystem.kind(of: word) == .missing, !FileSystem.isLink(word) else { return nil }
        let names = configuration.subcommands.map { $0.configuration.commandName ?? "" } + ["help"]
        guard !names.contains(word) else { return nil }
        return Suggestion.closest(to: word, in: names)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum Foundationless {
    static func exit(_ status: Int32) -> Never {
        Glibc.exit(status)
    }
}
