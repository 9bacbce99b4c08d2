import Testing
import YAMLTree

/// Parses UTF-8 text as a YAML stream named `test.yaml`.
func parse(_ text: String, limits: YAMLLimits = .standard) throws(YAMLError) -> [YAMLNode] {
    try YAMLParser.parse(Array(text.utf8), file: "test.yaml", limits: limits)
}

/// Parses text that must hold exactly one document and returns its root.
func parseOne(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> YAMLNode {
    let documents = try parse(text)
    try #require(documents.count == 1, "expected one document, got \(documents.count)", sourceLocation: sourceLocation)
    return documents[0]
}

/// The error that parsing `bytes` throws, or nil when it parses.
func parseError(_ bytes: [UInt8], file: String = "test.yaml", limits: YAMLLimits = .standard) -> YAMLError? {
    do {
        _ = try YAMLParser.parse(bytes, file: file, limits: limits)
        return nil
    } catch {
        return error
    }
}

/// The error that parsing UTF-8 `text` throws, or nil when it parses.
func parseError(_ text: String, file: String = "test.yaml", limits: YAMLLimits = .standard) -> YAMLError? {
    parseError(Array(text.utf8), file: file, limits: limits)
}

/// Shorthand for a 1-based position.
func pos(_ line: Int, _ column: Int) -> SourcePosition {
    SourcePosition(line: line, column: column)
}
