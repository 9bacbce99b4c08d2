/// A problem in an input file (a rule, a registry, a calendar, a configuration) that stops the
/// run: the file, where the problem is, and what is wrong and what was expected.
public struct InputError: Error, Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file.
    public var file: String
    /// Where the problem is.
    public var position: SourcePosition
    /// What is wrong and what was expected; lower-case, no final period.
    public var message: String

    /// Creates an error.
    public init(file: String, position: SourcePosition, message: String) {
        self.file = file
        self.position = position
        self.message = message
    }

    /// `file:line:column: message`.
    public var description: String { "\(file):\(position.line):\(position.column): \(message)" }

    public static func < (lhs: InputError, rhs: InputError) -> Bool {
        (lhs.file, lhs.position, lhs.message) < (rhs.file, rhs.position, rhs.message)
    }
}
