/// A problem in an input file (a rule, a registry, a calendar, a configuration) that stops the
/// run: the file, where the problem is, and what is wrong and what was expected, in English and
/// in Chinese (the interface's language chooses which is shown: `description(chinese:)`).
public struct InputError: Error, Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file.
    public var file: String
    /// Where the problem is.
    public var position: SourcePosition
    /// What is wrong and what was expected; lower-case, no final period.
    public var message: String
    /// The same in Chinese; no final full stop. (Nil only for a message taken from elsewhere
    /// whole, which `description(chinese:)` then shows as it is.)
    public var chineseMessage: String?

    /// Creates an error.
    public init(file: String, position: SourcePosition, message: String, chineseMessage: String?) {
        self.file = file
        self.position = position
        self.message = message
        self.chineseMessage = chineseMessage
    }

    /// `file:line:column: message`, in English.
    public var description: String { "\(file):\(position.line):\(position.column): \(message)" }

    /// `file:line:column: message` in Chinese (`file:line:column：消息`) when `chinese` is set and
    /// the error has its Chinese message, else in English.
    public func description(chinese: Bool) -> String {
        guard chinese, let chineseMessage else { return description }
        return "\(file):\(position.line):\(position.column)：\(chineseMessage)"
    }

    public static func < (lhs: InputError, rhs: InputError) -> Bool {
        (lhs.file, lhs.position, lhs.message) < (rhs.file, rhs.position, rhs.message)
    }
}
