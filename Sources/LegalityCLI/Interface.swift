import ArgumentParser
import DecisionRecords
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The language of the interface itself — help, usage and run errors, `init`'s messages — chosen
/// before the command line is parsed: `--lang`, else `LC_ALL`, `LC_MESSAGES` or `LANG` starting
/// with `zh`, else English.
enum Interface {
    /// The language `--lang` asks for, if it is given.
    static let languageAsked: Language? = {
        let arguments = CommandLine.arguments
        for (index, argument) in arguments.enumerated() {
            if argument == "--lang", index + 1 < arguments.count { return arguments[index + 1] == "zh" ? .zh : .en }
            if argument.hasPrefix("--lang=") { return argument.dropFirst(7) == "zh" ? .zh : .en }
        }
        return nil
    }()

    static let language: Language = {
        if let asked = languageAsked { return asked }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = getenv(name).map({ String(cString: $0) }), !value.isEmpty else { continue }
            return value.hasPrefix("zh") ? .zh : .en
        }
        return .en
    }()

    /// A text in the interface's language.
    static func text(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    /// Help for an option or argument in the interface's language.
    static func help(_ zh: String, _ en: String, valueName: String? = nil) -> ArgumentHelp {
        ArgumentHelp(text(zh, en), valueName: valueName)
    }
}
