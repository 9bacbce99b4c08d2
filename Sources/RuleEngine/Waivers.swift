public import DecisionRecords
import RuleLanguage

/// Applies waivers to a run's findings, as they come.
///
/// A waiver in force (as-of date on or before its expiry) marks the findings of its rule on its
/// record as waived; of several in force for one finding, the one that runs longest (a renewal)
/// waives it. An expired waiver waives nothing and is reported (`waiver-expired`, a warning); a
/// waiver in force that waived nothing is reported as unused (`waiver-unused`, info) — one that
/// matched nothing, or one another waiver of the same finding replaces — so stale waivers get
/// cleaned up.
public struct WaiverLedger: Sendable {
    /// The waivers of the configuration.
    public let waivers: [Waiver]
    /// The as-of date.
    public let asOf: Day
    private var used: Set<Int> = []
    /// Expired waivers that matched a finding no waiver in force waived: it counts again.
    private var matchedExpired: Set<Int> = []
    /// Waivers in force that matched a finding another waiver waived, with that waiver.
    private var replaced: [Int: Int] = [:]
    /// For a run of files named one by one (a pre-commit hook's changed files): whether a file is
    /// one of them; nil for a run of folders, which checks every record a waiver may name. Of a
    /// run of named files, a waiver is reported unused only when it is plain that its record was
    /// among them (every waiver of the repository was "unused" on every commit).
    public var isNamedFile: (@Sendable (String) -> Bool)?
    /// The records a run of named files made findings on.
    private var seenRecords: Set<String> = []

    /// Whether a finding's file is a waiver's file (paths may be written differently).
    private let sameFile: @Sendable (String, String) -> Bool
    /// The waivers of each rule and record, by their places in `waivers`: a finding is matched with
    /// its own, not with every waiver (a repository's 10,000 waivers made each of 50,000 findings
    /// go through all of them, and the run took minutes).
    private let byRuleAndRecord: [WaivedPair: [Int]]

    /// What a waiver names: a rule of a record.
    private struct WaivedPair: Hashable {
        let rule: String
        let record: String
    }

    /// A rule of a record in a file, whose findings one decision waives or not.
    private struct DecisionKey: Hashable {
        let pair: WaivedPair
        let file: String
    }

    /// The waiver each rule, record and file's findings take (nil: none), once decided.
    private var decisions: [DecisionKey: Int?] = [:]

    /// A ledger for a run; `sameFile` tells whether a finding's file is the file a waiver names.
    public init(_ waivers: [Waiver], asOf: Day, sameFile: @escaping @Sendable (String, String) -> Bool = { $0 == $1 }) {
        self.waivers = waivers
        self.asOf = asOf
        self.sameFile = sameFile
        var index: [WaivedPair: [Int]] = [:]
        for (place, waiver) in waivers.enumerated() { index[WaivedPair(rule: waiver.rule, record: waiver.record), default: []].append(place) }
        byRuleAndRecord = index
    }

    /// The longest a waiver may run from the as-of date before it is reported as too long.
    public static let longestYears = 3

    /// Marks the findings that a waiver in force excuses.
    public mutating func mark(_ findings: inout [Finding]) {
        guard !waivers.isEmpty else { return }
        if isNamedFile != nil { for finding in findings { if let record = finding.record { seenRecords.insert(record) } } }
        for position in findings.indices {
            guard let record = findings[position].record else { continue }
            let pair = WaivedPair(rule: findings[position].rule, record: record)
            guard byRuleAndRecord[pair] != nil else { continue }
            let file = findings[position].file
            // Decided once for a rule, a record and a file: the findings of one record share it (a
            // record of 1,000 findings and 8,000 waivers of its rule compared every pair's files).
            let chosen = decision(for: pair, file: file, finding: findings[position])
            if let chosen { findings[position].waiver = waivers[chosen] }
        }
    }

    /// The waiver that waives the findings of a rule on a record in a file, if one is in force:
    /// the one that runs longest (the first of those that run as long), a renewal beside the waiver
    /// it renews, which is said to be replaced. (Both of two identical waivers counted as used, and
    /// the first of a waiver and its renewal waived while the renewal was called unused.) Decided
    /// once for each, with what it tells of the waivers (used, replaced, expired and matched).
    /// (A pair with a waiver naming a `finding` is decided for each finding, by its message.)
    private mutating func decision(for pair: WaivedPair, file: String, finding: Finding) -> Int? {
        let key = DecisionKey(pair: pair, file: file)
        if let decided = decisions[key] { return decided }
        let pinned = (byRuleAndRecord[pair] ?? []).contains { waivers[$0].findingText != nil }
        var inForce: [Int] = []
        var expired: [Int] = []
        for index in byRuleAndRecord[pair] ?? [] where (waivers[index].recordFile.map({ sameFile(file, $0) }) ?? true) && waivers[index].holds(for: finding) {
            if asOf <= waivers[index].expires { inForce.append(index) } else { expired.append(index) }
        }
        let chosen = inForce.max(by: { waivers[$0].expires < waivers[$1].expires })
        if let chosen {
            used.insert(chosen)
            for index in inForce where index != chosen { replaced[index] = chosen }
        } else {
            matchedExpired.formUnion(expired)
        }
        if !pinned { decisions[key] = .some(chosen) }
        return chosen
    }

    /// Whether the run checked the record a waiver names: every run of folders; of a run of named
    /// files, when the waiver's file was among them, or (a waiver without a file) when a finding
    /// was made on its record. (A compliant record named without a file leaves its waiver unjudged:
    /// the run of the whole folder judges it.)
    private func mayJudgeUse(of waiver: Waiver) -> Bool {
        guard let isNamedFile else { return true }
        if let file = waiver.recordFile { return isNamedFile(file) }
        return seenRecords.contains(waiver.record)
    }

    /// Findings about the waivers themselves, once every finding has been marked.
    public func diagnostics() -> [Finding] {
        // (A waiver's record and approver are quoted on one line: a line break in them put a line
        // of its own among the gate's findings.)
        var result: [Finding] = []
        for (index, waiver) in waivers.enumerated() {
            if waiver.expires < asOf {
                let matched = matchedExpired.contains(index)
                result.append(Self.finding(
                    .waiverExpired, waiver,
                    message: LocalizedText(
                        zh: "对记录 \(waiver.record.onOneLine) 的 \(waiver.rule) 豁免已于 \(waiver.expires) 到期（批准：\(waiver.approvedBy.onOneLine)）\(matched ? "，该问题重新计入" : "")",
                        en: "the waiver of \(waiver.rule) for record \(waiver.record.onOneLine) expired on \(waiver.expires) (approved by \(waiver.approvedBy.onOneLine))\(matched ? "; the finding counts again" : "")")))
            } else if let limit = Day(year: asOf.year + Self.longestYears, month: asOf.components.month, day: min(asOf.components.day, 28)),
                      waiver.expires > limit {
                result.append(Self.finding(
                    .waiverTooLong, waiver,
                    message: LocalizedText(
                        zh: "对记录 \(waiver.record.onOneLine) 的 \(waiver.rule) 豁免到 \(waiver.expires) 才到期，超过 \(Self.longestYears) 年；豁免应定期复核",
                        en: "the waiver of \(waiver.rule) for record \(waiver.record.onOneLine) runs until \(waiver.expires), more than \(Self.longestYears) years ahead; waivers should be reviewed regularly")))
            }
            if waiver.expires >= asOf, !used.contains(index), let holding = replaced[index] {
                let other = waivers[holding]
                result.append(Self.finding(
                    .waiverUnused, waiver,
                    message: LocalizedText(
                        zh: "对记录 \(waiver.record.onOneLine) 的 \(waiver.rule) 豁免已由第 \(other.position.line) 行的豁免（有效期至 \(other.expires)）取代，可以删除",
                        en: "the waiver of \(waiver.rule) for record \(waiver.record.onOneLine) is replaced by the waiver of line \(other.position.line) (in force until \(other.expires)) and can be removed")))
            } else if waiver.expires >= asOf, !used.contains(index), mayJudgeUse(of: waiver) {
                result.append(Self.finding(
                    .waiverUnused, waiver,
                    message: LocalizedText(
                        zh: "对记录 \(waiver.record.onOneLine) 的 \(waiver.rule) 豁免没有对应的问题，可以删除",
                        en: "the waiver of \(waiver.rule) for record \(waiver.record.onOneLine) matched no finding and can be removed")))
            }
        }
        return result
    }

    private static func finding(_ kind: ToolFinding, _ waiver: Waiver, message: LocalizedText) -> Finding {
        kind.finding(
            record: waiver.record, file: waiver.file, position: waiver.position, message: message,
            basis: Basis(instrument: "legality 配置", article: "waivers", english: "legality configuration, waivers"))
    }
}
