import DecisionRecords
import Reporters

/// Tells legality's own reports from records by their first bytes, without parsing them.
enum ReportSniffer {
    /// Whether a CSV file starts with the header row of a legality report or audit table, in
    /// either language (after the byte-order mark legality writes).
    static func isCSVReport(_ prefix: [UInt8]) -> Bool {
        let bytes = prefix.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(prefix.dropFirst(3)) : prefix
        guard let end = bytes.firstIndex(where: { $0 == 0x0D || $0 == 0x0A }) else { return false }
        return ownCSVHeaders.contains(String(decoding: bytes[..<end], as: UTF8.self))
    }

    /// The header rows legality writes in CSV: the check report and every audit table.
    private static let ownCSVHeaders: Set<String> = {
        var headers: Set<String> = []
        func firstLine(_ text: String) -> String? {
            text.dropFirst().split(whereSeparator: { $0 == "\r\n" || $0 == "\n" }).first.map(String.init)
        }
        for language in Language.allCases {
            let report = Report(version: "", asOf: Day(ordinal: 0), records: [], rules: [], findings: [], failOn: nil, language: language)
            if let line = firstLine(CSVReporter.render(report)) { headers.insert(line) }
            let audit = AuditReport(
                version: "", from: Day(ordinal: 0), to: Day(ordinal: 0), asOf: Day(ordinal: 0), language: language, records: [], rules: [])
            for table in AuditTable.allCases {
                if let line = firstLine(AuditCSVReporter.render(audit, table: table)) { headers.insert(line) }
            }
        }
        return headers
    }()

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
