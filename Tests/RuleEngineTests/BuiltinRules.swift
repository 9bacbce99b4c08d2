import DecisionRecords
import Foundation
import RuleEngine
import RuleLanguage
import YAMLTree

/// The project's `rules/` folder and the built-in rule set, loaded once for the tests.
enum BuiltinRules {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("rules")

    /// Every rule and definitions file under `rules/`, except calendars.
    static func sources(extra: [(String, String)] = []) throws -> [RuleSource] {
        var sources: [RuleSource] = []
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        var files: [URL] = []
        while let url = enumerator?.nextObject() as? URL {
            if url.pathExtension == "yaml", url.lastPathComponent != "manifest.yaml", !["calendars", "starter", "ledgers"].contains(url.deletingLastPathComponent().lastPathComponent) { files.append(url) }
        }
        for url in files.sorted(by: { $0.path < $1.path }) {
            let bytes = [UInt8](try Data(contentsOf: url))
            sources.append(RuleSource(path: url.path, bytes: bytes, defaultPack: url.deletingLastPathComponent().lastPathComponent))
        }
        for (name, text) in extra {
            sources.append(RuleSource(path: name, bytes: Array(text.utf8), defaultPack: "local"))
        }
        return sources
    }

    static func load(extra: [(String, String)] = []) throws -> RuleSet {
        try RuleLoader.load(try sources(extra: extra))
    }

    static func calendar() throws -> WorkingCalendar {
        let url = folder.appendingPathComponent("calendars/cn-mainland.yaml")
        var calendar = WorkingCalendar()
        for document in try YAMLParser.parse([UInt8](try Data(contentsOf: url)), file: url.path) {
            try calendar.add(document, file: url.path)
        }
        return calendar
    }

    /// Checks one record text with the given rules, as of a date; returns the rule ids found.
    static func check(
        _ text: String, rules: RuleSet, asOf: String, meeting: String? = nil, registry: Registry? = Registry(),
        only: ((Rule) -> Bool)? = nil, budget: Int? = nil
    ) throws -> [Finding] {
        var context = EvaluationContext(
            rules: rules, calendar: try calendar(), registry: registry,
            asOf: Day(parsing: asOf) ?? Day(ordinal: 0), meeting: meeting.flatMap { Day(parsing: $0) })
        if let budget { context.ruleStepBudget = budget }
        let engine = Engine(context: context, include: only ?? { _ in true })
        var state = RunState(rules: rules)
        var findings: [Finding] = []
        for document in try YAMLParser.parse(Array(text.utf8), file: "test.yaml") {
            findings += engine.check(engine.load(document, file: "test.yaml"), file: "test.yaml", state: &state)
        }
        return findings
    }
}
