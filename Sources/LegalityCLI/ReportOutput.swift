import DecisionRecords
import Reporters
import RuleEngine

/// Writes a rendered report to standard output or, atomically, to `--output`.
enum ReportOutput {
    /// A file's lines, for the source excerpts of the text report.
    static func lines(_ bytes: [UInt8]) -> [Substring] {
        String(decoding: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes, as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
    }

    static func write(_ report: Report, options: OutputOptions, sources: [String: [UInt8]]) throws(RunError) {
        let text: String
        switch options.format {
        case .json:
            text = JSONReporter.render(report)
        case .text:
            let colour = options.output == nil && FileSystem.isTerminal(1) && (FileSystem.environment("NO_COLOR") ?? "").isEmpty
            let lines = sources.mapValues(lines)
            text = TextReporter(colour: colour, sourceLines: { lines[$0] }).render(report)
        case .sarif:
            text = SARIFReporter.render(report)
        case .junit:
            text = JUnitReporter.render(report)
        case .csv:
            text = CSVReporter.render(report)
        case .markdown:
            text = MarkdownReporter.render(report)
        case .html:
            text = HTMLReporter.render(report)
        }
        try FileSystem.deliver(text, to: options.output)
    }
}
