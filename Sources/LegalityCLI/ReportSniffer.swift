/// Tells legality's own reports from records by their first bytes, without parsing them.
enum ReportSniffer {
    /// Whether the start of a JSON file is a legality report (`{"tool": {"name": "legality"`) or a
    /// SARIF log (a `$schema` naming SARIF, or `"version": "2.1.0"` beside `"runs"`).
    static func isReport(_ prefix: [UInt8]) -> Bool {
        // Whitespace outside strings does not matter to JSON; drop all of it for matching.
        let compact = String(decoding: prefix.filter { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }, as: UTF8.self)
        if compact.hasPrefix("{\"tool\":{\"name\":\"legality\"") { return true }
        if compact.contains("\"$schema\":\""), compact.lowercased().contains("sarif") { return true }
        return compact.contains("\"version\":\"2.1.0\"") && compact.contains("\"runs\":[")
    }
}
