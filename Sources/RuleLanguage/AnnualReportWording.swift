public import DecisionRecords

/// The wording of the legality-review section of the annual report (法治政府建设年度报告),
/// read from `annual_report` documents beside the rules (`rules/report/annual-report.yaml`).
///
/// Every sentence `legality report` writes comes from here, so an office can reword a claim
/// without touching Swift. Texts are templates with `{placeholder}`s, checked at load.
public struct AnnualReportWording: Sendable {
    /// A claim such as "重大执法决定全部履行法制审核程序": stated as a whole only when every record
    /// it speaks of bears it out, otherwise as the true figure.
    public struct Claim: Sendable {
        /// The claim's name, by which a later file replaces it.
        public var id: String
        /// The record kind it speaks of.
        public var kind: String
        /// The sentence when every record bears it out (`{total}`, `{year}`).
        public var holds: LocalizedText
        /// The start of the true figure when some do not (`{total}`, `{held}`, `{year}`).
        public var partly: LocalizedText
        /// The sentence when no record of the year is one it speaks of (`{year}`).
        public var empty: LocalizedText
        /// The rules whose findings deny it, each with what such a record did wrong, in order.
        public var problems: [(rule: String, text: LocalizedText)]
        /// The rules whose applying makes a record one the claim speaks of (empty: any of `problems`):
        /// "major enforcement decisions" are the cases the rule on major cases applies to, not every case.
        public var about: [String] = []
        /// The facts one of which makes a record one the claim speaks of (with `about`: the rule on
        /// major cases applies to major or complex ones): a record whose rules could not run is counted only
        /// when one of them is true or cannot be read (an ordinary case with a mistyped date was
        /// counted as a major one). Empty: every such record of the kind is counted.
        public var aboutFacts: [String] = []
        /// With `aboutFacts`: step types whose presence makes a record one the claim speaks of
        /// (the rule on major cases applies to a case with a hearing too); a record with a step whose type cannot
        /// be read may hold one.
        public var aboutSteps: [String] = []
        /// Rules of which one must have had something to check in a record for it to bear the
        /// claim out, and what a record where none had lacks ("no inspection recorded"): a case
        /// without an inspection bears out no claim about who inspected.
        public var shownBy: (rules: [String], missing: LocalizedText)?
    }

    /// Texts by their dotted path in the file, such as `headings.overview` or `kinds.normative_document.count`.
    public var texts: [String: LocalizedText] = [:]
    /// The claims, in the order they are stated.
    public var claims: [Claim] = []
    /// The kinds with wording of their own, in the order the overview names them.
    public var kindOrder: [String] = []

    /// Creates empty wording (no `annual_report` document was loaded).
    public init() {}

    /// The template at a path in a language; the path itself when it is missing, which loading prevents.
    public func template(_ path: String, _ language: Language) -> String {
        texts[path]?.text(language) ?? path
    }

    /// The text at a path with its placeholders filled.
    public func text(_ path: String, _ language: Language, _ values: [String: String] = [:]) -> String {
        Self.fill(template(path, language), values)
    }

    /// Replaces each `{name}` of a template by its value; unknown names stay as written.
    ///
    /// `{name|one|other}` is a word that agrees with a count, for English: `one` when the value
    /// of `name` is 1, else `other` (`{total} {total|decision|decisions}`; a report read "Of 1
    /// major enforcement decisions").
    public static func fill(_ template: String, _ values: [String: String]) -> String {
        guard template.contains("{") else { return template }
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let inside = rest[rest.index(after: open)..<close]
            let parts = inside.split(separator: "|", omittingEmptySubsequences: false)
            if parts.count == 3, let value = values[String(parts[0])] {
                result += parts[value == "1" ? 1 : 2]
            } else if parts.count == 1, let value = values[String(inside)] {
                result += value
            } else {
                result += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// The `{name}`s a template uses (the name of a `{name|one|other}` too).
    static func placeholders(_ template: String) -> [String] {
        writtenPlaceholders(template).map { String($0.split(separator: "|", omittingEmptySubsequences: false)[0]) }
    }

    /// What each `{…}` of a template holds, as written (`total|decision|decisions`).
    static func writtenPlaceholders(_ template: String) -> [Substring] {
        var written: [Substring] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            written.append(rest[rest.index(after: open)..<close])
            rest = rest[rest.index(after: close)...]
        }
        return written
    }

    /// The placeholders a word may agree with (`{total|decision|decisions}`): the counts.
    static let counts: Set<String> = ["count", "total", "held", "previous", "distinct"]
}
