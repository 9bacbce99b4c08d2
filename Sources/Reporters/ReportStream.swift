#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import DecisionRecords
public import RuleEngine
public import RuleLanguage

/// Where a streamed report's text goes.
public protocol TextSink {
    /// Appends text.
    mutating func write(_ text: String)
    /// Appends text given as its UTF-8 bytes, which must be valid UTF-8 (a sink that writes bytes
    /// takes them as they are; a report built as bytes was made a text, and checked, only to be
    /// written as bytes again).
    mutating func write(utf8 bytes: [UInt8])
}

extension TextSink {
    public mutating func write(utf8 bytes: [UInt8]) { write(String(decoding: bytes, as: UTF8.self)) }
}

/// A report written as the run goes — its opening, the run-level findings, each file's documents
/// in order, the findings about the configuration, its end — so memory does not grow with the
/// number of files or documents. `render(_:)` of each format feeds a whole `Report` through the
/// same stream, so a streamed report and a rendered one are the same bytes.
public protocol ReportStream {
    /// The opening.
    mutating func begin(into sink: inout some TextSink)
    /// Findings that belong to no file (a missing registry), written before any file.
    mutating func runFindings(_ findings: [Finding], into sink: inout some TextSink)
    /// A file begins; its text, when it was kept for excerpts.
    mutating func startFile(_ file: String, source: [UInt8]?, into sink: inout some TextSink)
    /// One document of the current file: its summary (when kept) and its findings, sorted.
    mutating func document(_ record: CheckedRecord?, findings: [Finding], into sink: inout some TextSink)
    /// The current file is done.
    mutating func endFile(_ file: String, into sink: inout some TextSink)
    /// Findings about the configuration (its waivers), written after the files.
    mutating func trailingFindings(_ findings: [Finding], into sink: inout some TextSink)
    /// The end, with the run's counts.
    mutating func end(_ tally: ReportTally, into sink: inout some TextSink)
}

/// A stream that writes every finding the same way wherever it comes from (a flat list of
/// findings: CSV rows, JSON and SARIF results, Markdown table rows); files only group them.
public protocol FlatReportStream: ReportStream {
    /// Writes findings, in the order given.
    mutating func findings(_ findings: [Finding], into sink: inout some TextSink)
}

extension FlatReportStream {
    public mutating func runFindings(_ findings: [Finding], into sink: inout some TextSink) { self.findings(findings, into: &sink) }
    public mutating func startFile(_ file: String, source: [UInt8]?, into sink: inout some TextSink) {}
    public mutating func document(_ record: CheckedRecord?, findings: [Finding], into sink: inout some TextSink) { self.findings(findings, into: &sink) }
    public mutating func endFile(_ file: String, into sink: inout some TextSink) {}
    public mutating func trailingFindings(_ findings: [Finding], into sink: inout some TextSink) { self.findings(findings, into: &sink) }
}

/// A sink that keeps its text in memory (for `render`).
public struct StringSink: TextSink {
    /// The text written so far.
    public var text = ""

    /// An empty sink.
    public init() {}

    public mutating func write(_ text: String) { self.text += text }
}

extension ReportStream {
    /// A whole report rendered through this stream.
    func render(_ report: Report) -> String {
        var stream = self
        var sink = StringSink()
        stream.feed(report, into: &sink)
        return sink.text
    }

    /// Feeds a whole report through the stream: run-level findings, then each file of its records
    /// in order (a file's findings that belong to none of its records as one more document), then
    /// the findings of files that hold no record (the configuration's waivers).
    mutating func feed(_ report: Report, into sink: inout some TextSink) {
        begin(into: &sink)
        runFindings(report.findings.filter { $0.file.isEmpty }, into: &sink)
        var files: [String] = []
        var recordsByFile: [String: [CheckedRecord]] = [:]
        for record in report.records {
            if recordsByFile[record.file] == nil { files.append(record.file) }
            recordsByFile[record.file, default: []].append(record)
        }
        // Files in path order, as a run takes them (and as findings sort).
        files.sort { $0.precedesInUTF8($1) }
        var findingsByFile: [String: [Finding]] = [:]
        for finding in report.findings where !finding.file.isEmpty { findingsByFile[finding.file, default: []].append(finding) }
        for file in files {
            startFile(file, source: nil, into: &sink)
            var leftover = findingsByFile.removeValue(forKey: file) ?? []
            for record in recordsByFile[file] ?? [] {
                let own = record.findings.sorted(by: Finding.precedes)
                leftover.removeAll { finding in own.contains { $0.isSame(as: finding) } }
                document(record, findings: own, into: &sink)
            }
            if !leftover.isEmpty { document(nil, findings: leftover, into: &sink) }
            endFile(file, into: &sink)
        }
        trailingFindings(report.findings.filter { !$0.file.isEmpty && findingsByFile[$0.file] != nil }, into: &sink)
        end(report.tally, into: &sink)
    }
}

extension Finding {
    /// The same finding (rule, place and message), whatever its waiver marks.
    func isSame(as other: Finding) -> Bool {
        rule == other.rule && file == other.file && position == other.position && message == other.message && record == other.record
    }
}

/// Text held in a temporary file while it waits for what must be written before it (a JUnit
/// suite's counts), so a large suite is never in memory whole.
final class Spool {
    private let file: UnsafeMutablePointer<FILE>?
    private var memory = ""
    private(set) var isEmpty = true

    init() {
        file = tmpfile()
    }

    deinit {
        if let file { fclose(file) }
    }

    func write(_ text: String) {
        guard !text.isEmpty else { return }
        isEmpty = false
        guard let file else {
            memory += text
            return
        }
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { fwrite($0.baseAddress, 1, $0.count, file) }
    }

    /// Writes everything spooled to `sink`, in pieces, and empties the spool.
    func drain(into sink: inout some TextSink) {
        defer { isEmpty = true }
        guard let file else {
            sink.write(memory)
            memory = ""
            return
        }
        fflush(file)
        rewind(file)
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var pending: [UInt8] = []
        while true {
            let count = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if count == 0 { break }
            pending += buffer.prefix(count)
            // Hand over whole UTF-8 characters only.
            var cut = pending.count
            while cut > 0, pending[cut - 1] & 0xC0 == 0x80 { cut -= 1 }
            if cut > 0, pending[cut - 1] >= 0xC0 { cut -= 1 }
            sink.write(String(decoding: pending.prefix(cut), as: UTF8.self))
            pending.removeFirst(cut)
        }
        if !pending.isEmpty { sink.write(String(decoding: pending, as: UTF8.self)) }
        rewind(file)
        _ = ftruncate(fileno(file), 0)
    }
}

/// A sink that writes into a spool.
struct SpoolSink: TextSink {
    let spool: Spool
    mutating func write(_ text: String) { spool.write(text) }
}

/// What every report says of its run, whatever its format.
public struct ReportHeading: Sendable {
    /// The tool's version.
    public var version: String
    /// The as-of date.
    public var asOf: Day
    /// The level at which a finding fails the run; nil for `never`.
    public var failOn: Severity?
    /// The language of titles and messages.
    public var language: Language
    /// The configuration, disabled rules and registries.
    public var run: RunDescription

    /// Creates a heading.
    public init(version: String, asOf: Day, failOn: Severity?, language: Language, run: RunDescription = .plain) {
        self.version = version
        self.asOf = asOf
        self.failOn = failOn
        self.language = language
        self.run = run
    }
}

extension Report {
    /// What the report says of its run.
    var heading: ReportHeading {
        ReportHeading(version: version, asOf: asOf, failOn: failOn, language: language, run: run)
    }
}
