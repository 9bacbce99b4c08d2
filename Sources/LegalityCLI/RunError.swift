/// A run that cannot be made: bad usage, a missing path, an invalid rule, configuration or registry.
/// The command prints the message (in Chinese when the interface is Chinese and one is given) and
/// exits with status 2.
struct RunError: Error, CustomStringConvertible {
    var message: String
    /// The message in Chinese (nil only for a text taken whole from elsewhere, shown as it is).
    var chinese: String?

    init(message: String, chinese: String?) {
        self.message = message
        self.chinese = chinese
    }

    var description: String { message }
}

extension RunError {
    /// `test` of paths that hold no rule: a folder of definitions or a vocabulary alone tested
    /// nothing, and said "0 passed, 0 failed" with exit status 0. (`rules lint` of one checks that
    /// the data loads, which is worth doing.)
    static func noRules(in paths: [String]) -> RunError {
        let named = paths.joined(separator: ", ")
        return RunError(
            message: "\(named): no rule found (the files hold definitions, a vocabulary or other data only), so nothing was tested",
            chinese: "\(named)：没有找到规则（文件中只有共用定义、词汇表或其他数据），没有可测试的规则")
    }
}
