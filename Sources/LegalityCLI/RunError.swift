/// A run that cannot be made: bad usage, a missing path, an invalid rule, configuration or registry.
/// The command prints the message (in Chinese when the interface is Chinese and one is given) and
/// exits with status 2.
struct RunError: Error, CustomStringConvertible {
    var message: String
    /// The message in Chinese, when it has one.
    var chinese: String?

    init(message: String, chinese: String? = nil) {
        self.message = message
        self.chinese = chinese
    }

    var description: String { message }
}
