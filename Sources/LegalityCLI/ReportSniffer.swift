import DecisionRecords
import Ledgers
import Reporters
import YAMLTree

/// Tells legality's own reports (and SARIF logs) from records, so a folder search never reads a
/// report written into the folder it checks.
enum ReportSniffer {
    /// Whether a CSV file starts with the header row of a legality report or audit table, in
    /// either language (after the byte-order mark legality writes).
    static func isCSVReport(_ prefix: [UInt8]) -> Bool {
        let bytes = prefix.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(prefix.dropFirst(3)) : prefix
        guard let end = bytes.firstIndex(where: { $0 == 0x0D || $0 == 0x0A }) else { return false }
        return ownCSVHeaders.contains(String(decoding: bytes[..<end], as: UTF8.self))
    }

    /// Whether a row of a ledger is the header row of a legality report or audit table (its
    /// cells from the first, joined by commas), which is never a ledger's header, whatever
    /// mapping an office gives (one of 编号 and 标题 took the audit's records table for a ledger).
    static func isOwnHeader(_ row: LedgerRow) -> Bool {
        guard let last = row.cells.keys.max(), last <= 64 else { return false }
        return ownCSVHeaders.contains((1...last).map { row.cells[$0]?.text ?? "" }.joined(separator: ","))
    }

    /// The header rows legality writes in CSV: the check report and every audit table.
    private static let ownCSVHeaders: Set<String> = {
        var headers: Set<String> = []
        func firstLine(_ text: String) -> String? {
            text.dropFirst().split(whereSeparator: { $0 == "\r\n" || $0 == "\n" }).first.map(String.init)
        }
        for language in Language.allCases {
            let report = Report(version: "", asOf: Day(ordinal: 0), records: [], rules: [], findings: [], failOn: nil, language: language)
            if let line = firstLine(CSVReporter.render(report)) {
                headers.insert(line)
                // As versions before its pending column wrote it.
                let pending = [CSVReporter.pendingColumn.zh, CSVReporter.pendingColumn.en]
                headers.insert(line.split(separator: ",", omittingEmptySubsequences: false).filter { !pending.contains(String($0)) }.joined(separator: ","))
            }
            let audit = AuditReport(
                version: "", from: Day(ordinal: 0), to: Day(ordinal: 0), asOf: Day(ordinal: 0), language: language, records: [], rules: [])
            for table in AuditTable.allCases {
                guard let line = firstLine(AuditCSVReporter.render(audit, table: table)) else { continue }
                headers.insert(line)
                // The tables as versions before the rate tables' waived and unverifiable columns,
                // and the records table's note column, wrote them (still reports): without any
                // of the columns added since.
                let cells = line.split(separator: ",", omittingEmptySubsequences: false)
                let added = (table == .records
                    ? [AuditTable.noteColumn.zh, AuditTable.noteColumn.en]
                    : [AuditTable.waivedColumn.zh, AuditTable.waivedColumn.en, AuditTable.unverifiableColumn.zh, AuditTable.unverifiableColumn.en])
                    .filter { cells.contains(Substring($0)) }
                for subset in 1..<(1 << added.count) {
                    let left = Set(added.indices.filter { subset & (1 << $0) != 0 }.map { added[$0] })
                    headers.insert(cells.filter { !left.contains(String($0)) }.joined(separator: ","))
                }
            }
        }
        return headers
    }()

    /// Whether a JSON file is a legality report (a root mapping whose `tool.name` is `legality`)
    /// or a SARIF log (a root mapping with a list of `runs` beside a `version` of 2.x or a
    /// `$schema` naming SARIF), and no record: the root's keys are read as the record reader reads
    /// them (keys written with escapes, values beyond the first bytes), and a file the outline
    /// cannot show as the reader would see it is read — one with a key of a record's (`id`,
    /// `kind`, `steps`), a merge key `<<`, an alias or a key that is no scalar, or another document.
    ///
    /// Only the file's first bytes are read unless they name `tool` or `runs` at all; a file that is
    /// no valid YAML to its end (or nests deeper than the standard limit) is read, and reported.
    static func isReport(_ path: String) -> Bool {
        guard mayBeReport(FileSystem.prefix(of: path, count: 4096)),
              let input = FileInput.open(path, followingLinks: false), input.kind == .file else { return false }
        return isReport(YAMLParser.outline(reading: { input.read($0) }, file: path))
    }

    /// Whether a file's first bytes name `tool` or `runs` anywhere (a report's root names one of them first).
    static func mayBeReport(_ prefix: [UInt8]) -> Bool {
        prefix.withUnsafeBufferPointer { bytes in
            bytes.indices.dropLast(3).contains { index in
                let (first, second, third, fourth) = (bytes[index], bytes[index + 1], bytes[index + 2], bytes[index + 3])
                return (first == UInt8(ascii: "t") && second == UInt8(ascii: "o") && third == UInt8(ascii: "o") && fourth == UInt8(ascii: "l"))
                    || (first == UInt8(ascii: "r") && second == UInt8(ascii: "u") && third == UInt8(ascii: "n") && fourth == UInt8(ascii: "s"))
            }
        }
    }

    /// Whether a document's outline is a legality report's or a SARIF log's, and no record's.
    static func isReport(_ outline: DocumentOutline) -> Bool {
        guard !outline.keys.contains(where: { recordKeys.contains($0) || $0 == "<<" }),
              !outline.hasAliasesOrComplexKeys, !outline.hasMoreDocuments else { return false }
        // A file the outline could not read to its end is read as a record, and reported: deep
        // nesting or a syntax error after a report's first key hid a record. (A report written
        // with --output is never cut short; one sent to a file by the shell is, if the run is
        // killed, and is then reported as the broken file it is.)
        guard outline.isComplete else { return false }
        if outline.keys.first == "tool", outline.scalars["tool.name"] == "legality" { return true }
        guard outline.sequences.contains("runs") else { return false }
        return outline.scalars["version"]?.hasPrefix("2.") == true || outline.scalars["$schema"]?.lowercased().contains("sarif") == true
    }

    /// The keys that make a document a record, whatever else it holds.
    private static let recordKeys: Set<String> = ["id", "kind", "steps"]
}
