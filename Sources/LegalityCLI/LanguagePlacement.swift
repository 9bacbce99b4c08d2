/// Puts `--lang` where the command named after it takes it.
///
/// The interface's language is chosen from `--lang` wherever it stands (`Interface.language`), but
/// the argument parser takes an option only after the command that declares it: `legality --lang zh
/// gate --help` was read as `check --lang zh gate --help` (the default command, with a path named
/// `gate`) and printed check's help; `legality --lang zh --help` printed check's help too, not the
/// overview; `legality help gate --lang zh` stopped at "Unknown option '--lang'".
enum LanguagePlacement {
    /// The arguments with a `--lang` written before a command moved after it (and after a
    /// subcommand of `rules`), or dropped where nothing takes it: before the overview's `--help`,
    /// after `help`, and on `rules` alone (its language has been chosen already).
    static func placed(_ arguments: [String]) -> [String] {
        if arguments.first == "help" { return arguments.removingLanguage() }
        let (language, rest) = arguments.leadingLanguage()
        guard !language.isEmpty, let first = rest.first else { return arguments }
        switch first {
        case "--help", "-h": return rest
        case "help": return rest.removingLanguage()
        default: break
        }
        guard let command = commands.first(where: { $0.name == first }) else { return arguments }
        let subcommandCount = rest.count > 1 && command.subcommands.contains(rest[1]) ? 2 : 1
        guard command.takesLanguage || subcommandCount == 2 else { return rest }
        return Array(rest.prefix(subcommandCount)) + language + rest.dropFirst(subcommandCount)
    }

    /// The first argument after any `--lang` written before it: the command, if one is named.
    static func firstWord(of arguments: [String]) -> String? {
        arguments.leadingLanguage().rest.first
    }

    /// The commands and whether each takes `--lang` itself; `rules` takes it in its subcommands.
    private static var commands: [(name: String, subcommands: [String], takesLanguage: Bool)] {
        Legality.configuration.subcommands.map { command in
            let configuration = command.configuration
            let subcommands = configuration.subcommands.compactMap { $0.configuration.commandName }
            return (configuration.commandName ?? "", subcommands, subcommands.isEmpty)
        }
    }
}

private extension Array where Element == String {
    /// The `--lang X` or `--lang=X` options at the start, and the arguments after them.
    func leadingLanguage() -> (language: [String], rest: [String]) {
        var language: [String] = []
        var rest = self[...]
        while let first = rest.first {
            if first == "--lang", rest.count > 1 {
                language += rest.prefix(2)
                rest = rest.dropFirst(2)
            } else if first.hasPrefix("--lang=") {
                language.append(first)
                rest = rest.dropFirst()
            } else {
                break
            }
        }
        return (language, Array(rest))
    }

    /// The arguments without any `--lang X` or `--lang=X`, or a `--lang` left without a value at
    /// the end (the language is chosen already).
    func removingLanguage() -> [String] {
        var kept: [String] = []
        var index = startIndex
        while index < endIndex {
            if self[index] == "--lang" {
                index += Swift.min(2, endIndex - index)
                continue
            }
            if !self[index].hasPrefix("--lang=") { kept.append(self[index]) }
            index += 1
        }
        return kept
    }
}
