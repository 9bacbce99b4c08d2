/// A run that cannot be made: bad usage, a missing path, an invalid rule, configuration or registry.
/// The command prints the message and exits with status 2.
struct RunError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
