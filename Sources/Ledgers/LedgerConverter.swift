public import DecisionRecords
import OfficePackage
public import YAMLTree

/// How a table's header row matched a mapping.
public struct LedgerLayout: Sendable {
    /// The mapping.
    public var mapping: LedgerMapping
    /// The header row's number.
    public var headerRow: Int
    /// The mapped columns by column number.
    public var columns: [Int: LedgerMapping.Column]
    /// Every header of the header row by column number (mapped or not).
    public var headers: [Int: String]
    /// How many fields the header row of a CSV file has, empty ones included; nil for a workbook.
    public var headerFieldCount: Int?

    /// How many columns the header row spans: its fields in a CSV file, else to its last header.
    public var headerColumnCount: Int {
        headerFieldCount ?? headers.keys.max() ?? 0
    }
    /// Columns with a header that the mapping does not read, and why; a column of an ignored
    /// header (序号, 备注) is in neither this nor `columns`.
    public var unread: [Int: UnreadColumn]
    /// Columns whose header the mapping ignores.
    public var ignored: Set<Int>
    /// The repeated columns (`UnreadColumn.repeated`) under the very header of the column read in
    /// their stead, as headers are compared; found once, when the header is read (normalized for
    /// every row that disagreed, a header of 2,000,000 spaces took 72 ms a row).
    public var sameHeaderColumns: Set<Int> = []

    /// A column's header as findings quote it: at most 40 characters, then "…". A header is written
    /// once and quoted by a finding of every row, so a header of 30,000 characters made a text
    /// report of gigabytes from a ledger of 800 KB.
    public func shownHeader(_ column: Int) -> String? {
        headers[column]?.clipped(to: 40).onOneLine
    }

    /// Why a column the mapping does not read is not; a column with no header is `unlabeled`.
    public func whyUnread(_ column: Int) -> UnreadColumn {
        unread[column] ?? .unlabeled
    }

    /// Whether `column` repeats `other`, the column read in its stead, under the very same header
    /// as headers are compared (not merely under another name of the column).
    public func haveTheSameHeader(_ column: Int, _ other: Int) -> Bool {
        whyUnread(column) == .repeated(readColumn: other) && sameHeaderColumns.contains(column)
    }

    /// The first cell of a row of a CSV file to the right of the header's last column: the row
    /// has more fields than the header, most likely from a comma left unquoted in a cell, which
    /// moves every field after it one column on (the tail of 备注 read as 审查结论, and the
    /// 不通过 written there passed unread as a cell without a header). Nil for a workbook, whose
    /// columns cannot shift.
    public func fieldBeyondHeader(in record: LedgerRecord, isCSV: Bool) -> Int? {
        guard isCSV, headerColumnCount > 0 else { return nil }
        let last = headerColumnCount
        return record.unread.filter { $0 > last && !(record.cells[$0]?.text.isBlankCell ?? true) }.min()
    }

    /// The cells of a row that contradict the cell read in their stead: a second column of one
    /// field (under the same header, or under another name of it: 审核结论 and 合法性审核结论) whose
    /// text differs from the read column's, spaces at the ends aside. Which one the office meant
    /// is not known, so the row can be neither checked nor imported as it stands.
    public func conflicts(in record: LedgerRecord) -> [(column: Int, readColumn: Int)] {
        record.unread.compactMap { column in
            guard case .repeated(let read) = whyUnread(column), let written = record.cells[column]?.text else { return nil }
            let text = Vocabulary.trimmed(written)
            guard !text.isEmpty, text != Vocabulary.trimmed(record.cells[read]?.text ?? "") else { return nil }
            return (column, read)
        }
    }
}

/// Why the cells of a column are not read, so a row that fills one can say so: a misspelt header
/// (涉及重大公共利益 for 涉及公共利益) would otherwise drop what the column says without a word.
public enum UnreadColumn: Sendable, Equatable {
    /// A header that is no column of the mapping, with the header of a column the sheet lacks
    /// that it most likely means (涉及重大公共利益 → 涉及公共利益).
    case unknown(closest: String?)
    /// A header the mapping knows is not read, with why (`LedgerMapping.notReadHeaders`).
    case noted(LocalizedText)
    /// A second column under another name of a column already read (审查完成日期 and 合法性审查日期).
    case repeated(readColumn: Int)
    /// A column without a header.
    case unlabeled
}

/// What matching a table against the mappings found.
public enum LedgerMatch: Sendable {
    /// A mapping whose required columns are all there.
    case matched(LedgerLayout)
    /// The mapping that came closest, the required columns it misses, and the closest header to each.
    case partial(mapping: LedgerMapping, headerRow: Int, missing: [(column: String, closest: String?)])
    /// No mapping matched any column.
    case none
}

/// One row as a record: a YAML tree whose nodes carry the row and column of their cells as line
/// and column, so findings can be turned into cell references.
public struct LedgerRecord: Sendable {
    /// The record.
    public var node: YAMLNode
    /// The row's number.
    public var row: Int
    /// Mapped cells that hold a formula with no computed value, by column.
    public var uncomputed: [Int]
    /// Mapped cells whose text is struck through, by column: left out of the record, as whether
    /// they stand is not known (read, a meeting struck out as called off was one held).
    public var struck: [Int] = []
    /// Mapped cells under a merged range holding a value of their own other than the one shown,
    /// by column, with that value (see `LedgerRow.hiddenUnderMerge`).
    public var hiddenUnderMerge: [(column: Int, text: String)] = []
    /// The id's column when its cell names two or more ids (`SQ-JC-2025-006、SQ-JC-2025-012`): a row
    /// is one case, and read as one record of that id, the second case was none (and its own row no duplicate).
    public var severalIDs: Int?
    /// Columns the mapping does not read whose cells in this row hold something (see `LedgerLayout.whyUnread`).
    public var unread: [Int]
    /// Columns the mapping ignores (序号, 备注) whose cells in this row hold something: nothing of
    /// them is read, but a remark saying the review is not done holds the row back.
    public var remarks: [Int] = []
    /// Cells of a one-person column (the legal adviser's) that name several registered people
    /// (`许明、秦雪`), by column: read as one unknown person, the row said "许明、秦雪 is not registered".
    public var severalPeople: [Int] = []
    /// The row's cells by column, for pointing findings at them.
    public var cells: [Int: LedgerCell]
}

extension LedgerRecord {
    /// The record with the cells of the columns the mapping does not read added under their
    /// column and header (`列 C：重大与否`, a column with no header as `列 F`), for writing it out:
    /// left out, an unread column vanished from the imported file, whose check then passed where
    /// the ledger's said the cell was not read. Kept, each is a key no record format has (it starts
    /// with 列, never a key of the format nor one's own `x_`), reported as the ledger reports the
    /// cell (an unknown key); a header never becomes a key of the record as it is (`organ`, `facts`).
    /// The record with each step dated after `day` (its date, or a period's start) that says no
    /// status written as planned: a ledger has no status column, and a meeting it schedules for
    /// next week was a step done in the future (an error whose advice, "write status: planned",
    /// no ledger can follow), so a ledger with its next meeting in it never passed.
    ///
    /// A review sent and not yet concluded — its submission's date, with at most who reviews it and
    /// how, the date and outcome left blank as the instructions say of what is not done — is no
    /// step yet (it was a step lacking
    /// its date, and the row was malformed where it was only waiting for its review).
    /// Also returns how many steps it wrote as planned.
    public func planning(after day: Day) -> (record: LedgerRecord, planned: Int) {
        guard let steps = node["steps"], let items = steps.sequence, let pairs = node.mapping else { return (self, 0) }
        var changed = false
        var plannedCount = 0
        // (With who reviews it and how, as a ledger fills those in when it is sent, it is still
        // only sent: "a step lacking its date" told the clerk to type one.)
        let waiting = items.filter { step in
            guard let keys = step.mapping?.compactMap({ $0.key.scalar?.text }) else { return true }
            let written = Set(keys)
            return !(written.contains("submitted") && written.isSubset(of: ["type", "submitted", "form", "by"]))
        }
        if waiting.count != items.count { changed = true }
        let written = waiting.map { step -> YAMLNode in
            guard step["status"] == nil, let stepPairs = step.mapping,
                  let text = (step["date"] ?? step["start"])?.scalar?.text, let dated = Day(parsing: text), day < dated else { return step }
            changed = true
            plannedCount += 1
            let status = YAMLPair(
                key: YAMLNode(.scalar(YAMLScalar(text: "status")), range: step.range), value: YAMLNode(.scalar(YAMLScalar(text: "planned")), range: step.range))
            return YAMLNode(.mapping(stepPairs + [status]), range: step.range, tag: step.tag)
        }
        guard changed else { return (self, 0) }
        var planned = self
        planned.node = YAMLNode(
            .mapping(pairs.map { $0.key.scalar?.text == "steps" ? YAMLPair(key: $0.key, value: YAMLNode(.sequence(written), range: steps.range, tag: steps.tag)) : $0 }),
            range: node.range, tag: node.tag)
        return (planned, plannedCount)
    }

    public func keepingUnreadCells(layout: LedgerLayout) -> YAMLNode {
        guard !unread.isEmpty, let pairs = node.mapping else { return node }
        var added: [YAMLPair] = []
        for column in unread {
            guard let cell = cells[column] else { continue }
            // (A header of thousands of characters is a key of its first hundred.)
            let header = layout.headers[column].map { $0.trimmingSpaces.clipped(to: 100) } ?? ""
            // (Each column's key is its own: no two columns share a letter.)
            let key = header.isEmpty ? "列 \(CellReference.column(column))" : "列 \(CellReference.column(column))：\(header)"
            let range = SourceRange(at: SourcePosition(line: row, column: column))
            added.append(YAMLPair(
                key: YAMLNode(.scalar(YAMLScalar(text: key, style: .doubleQuoted)), range: range),
                value: YAMLNode(.scalar(YAMLScalar(text: cell.text, style: .doubleQuoted)), range: range)))
        }
        return YAMLNode(.mapping(pairs + added), range: node.range)
    }
}

/// Turns ledger tables into records through a mapping.
public enum LedgerConverter {
    /// Header rows are looked for among the first rows of a table.
    public static let headerSearchRows = 10
    /// Fields always read as text, whatever the cell looks like (an id of digits stays text).
    static let textFields: Set<String> = ["id", "title", "kind", "organ", "department", "person", "officers", "by", "attendees", "ref", "role", "channel"]
    /// Fields holding a day.
    static let dateFields: Set<String> = ["date", "submitted", "start", "end"]

    /// A day a date cell writes as text with its year first, in full, as Chinese Excel and WPS
    /// save a date to CSV (`2025/6/5`) or clerks type one (`2025.6.5`, `2025-6-5`, `2025年6月5日`),
    /// as `YYYY-MM-DD`; nil for any other text, and for a day that does not exist. (Every date of
    /// an Excel-saved CSV ledger was refused, and every item blocked.) A year of two digits or no
    /// year (`25/6/5`, `6月5日`) is no day: which one is not known.
    static func writtenDay(_ text: String) -> String? {
        // A day already written so (every date cell's text, `2025-06-05`) is left as it is, at once.
        let utf8 = text.utf8
        if utf8.count == 10, utf8[utf8.index(utf8.startIndex, offsetBy: 4)] == UInt8(ascii: "-"), utf8[utf8.index(utf8.startIndex, offsetBy: 7)] == UInt8(ascii: "-") { return nil }
        var parts: [String] = []
        var digits = ""
        var separators: [Character] = []
        for character in text {
            if character.isASCII, character.isNumber {
                digits.append(character)
            } else {
                guard !digits.isEmpty else { return nil }
                parts.append(digits)
                digits = ""
                separators.append(character)
            }
        }
        if !digits.isEmpty { parts.append(digits) }
        let chinese = separators == ["年", "月", "日"] || separators == ["年", "月"]
        let marked = separators.count == 2 && separators[0] == separators[1] && ["/", ".", "-"].contains(separators[0])
        guard parts.count == 3, chinese || marked, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count) else { return nil }
        let written = parts[0] + "-" + (parts[1].count == 1 ? "0" : "") + parts[1] + "-" + (parts[2].count == 1 ? "0" : "") + parts[2]
        return Day(parsing: written) == nil ? nil : written
    }

    /// Fields holding people, whose names are resolved to registry ids.
    static let peopleFields: Set<String> = ["person", "officers", "by", "attendees"]
    /// What separates two ids written in one id cell.
    static let idSeparators: Set<Character> = ["、", "，", ",", "；", ";", "\n"]
    /// What a cell of several values is split on.
    static let separators: Set<Character> = ["、", "，", ",", "；", ";", " ", "\u{3000}", "/", "\n"]

    /// A header as compared: no spaces, line breaks or invisible characters, no required-field
    /// marks (`*`, `（必填）`, `(选填)`), no colon at its end, full-width brackets as ASCII.
    /// (`法律顾问意见日期（必填）` was an unknown column, and the adviser's late date went unread.)
    public static func normalized(_ header: String) -> String {
        var text = String(header.compactMap { character -> Character? in
            switch character {
            case _ where character.isWhitespace, "*", "＊", "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}": nil
            case "（": "("
            case "）": ")"
            default: character
            }
        })
        // (Until none is left, in any order: `审核日期（必填）：`.)
        var trimmed = true
        while trimmed {
            trimmed = false
            if text.hasSuffix(":") || text.hasSuffix("：") {
                text.removeLast()
                trimmed = true
            }
            for mark in ["(必填)", "(选填)", "(可选)", "(必须)"] where text.hasSuffix(mark) {
                text.removeLast(mark.count)
                trimmed = true
            }
            if text.hasSuffix(")"), let open = text.lastIndex(of: "("), open != text.startIndex,
               isFillingHint(text[text.index(after: open)..<text.index(before: text.endIndex)]) {
                text.removeSubrange(open...)
                trimmed = true
            }
        }
        return text
    }

    /// Whether what a header holds in brackets at its end tells how to fill the column in, and is
    /// no part of its name: the answers (`是/否`, `填是或否`, `是或否`), a date's form (`年月日`,
    /// `yyyy-mm-dd`, `格式：2025-01-01`), how many to choose (`可多选`). (`可能影响社会稳定（是/否）`
    /// was an unknown column, and a decision that may affect social stability went READY without
    /// its risk assessment.)
    static func isFillingHint(_ content: Substring) -> Bool {
        let lowered = content.lowercased()
        return (lowered.contains("是") && lowered.contains("否")) || lowered.contains("填") || lowered.contains("格式")
            || lowered.contains("年月日") || lowered.contains("年/月/日") || lowered.contains("年-月-日") || lowered.contains("yyyy")
            || lowered.contains("选") || lowered == "y/n" || lowered == "yes/no"
    }

    /// The mapping and header row that fit a table best.
    public static func match(_ table: LedgerTable, mappings: [LedgerMapping]) -> LedgerMatch {
        var best: (mapping: LedgerMapping, row: Int, columns: [Int: LedgerMapping.Column], headers: [Int: String])?
        var closest: (mapping: LedgerMapping, row: Int, score: Int, headers: [Int: String])?
        for row in table.rows.prefix(headerSearchRows) {
            let headers = row.cells.mapValues(\.text)
            var byName: [String: Int] = [:]
            // Of two columns with one header, the leftmost is read (in the order of the columns: a
            // dictionary's order made the run read either, a different one from run to run).
            for column in headers.keys.sorted() {
                guard let text = headers[column] else { continue }
                byName[normalized(text)] = byName[normalized(text)] ?? column
            }
            for mapping in mappings {
                var columns: [Int: LedgerMapping.Column] = [:]
                for column in mapping.columns {
                    if let number = column.headers.lazy.compactMap({ byName[normalized($0)] }).first { columns[number] = column }
                }
                let required = mapping.columns.filter(\.required)
                let found = required.count { column in columns.values.contains { $0.field == column.field } }
                if found == required.count, !columns.isEmpty, columns.count > (best?.columns.count ?? 0) {
                    best = (mapping, row.number, columns, headers)
                } else if found >= max(2, (required.count + 1) / 2) || (columns.count >= 4 && columns.count * 2 > mapping.columns.count && found >= 1)
                            || (columns.count >= 4 && columns.count * 3 >= mapping.columns.count * 2) || (columns.count >= 6 && found >= 1)
                            || Self.namesARecord(columns.count, id: columns.values.contains(where: \.isID), title: columns.values.contains(where: \.isTitle),
                                                 review: columns.values.contains(where: \.isOfAReview))
                            || (columns.count >= 5 && columns.values.contains(where: \.isTitle)) {
                    // Most of a layout's required columns, or more than half of all its columns with
                    // one required, or two thirds of them without, or six of them with one required:
                    // a ledger with a header to correct (a summary sheet sharing a few headers is
                    // none); or the id's column and two more, one of a review's act or the title (a
                    // second sheet of 决策编号, 送审日期, 审查完成日期, 审查结论 and 法律顾问 was passed
                    // over without a word; a list of meetings, 编号, 会议名称, 会议类型, or a roster
                    // of advisers is none), or four with the title and a review's act (a half-year's
                    // sheet of 序号, 决策事项名称, 送审日期, 审查结论 and 集体讨论日期, a failed review
                    // taken to the meeting, was passed over unsaid; a summary of 决策事项名称, 审查结论
                    // and 集体讨论日期 is none); or five with the title. (A sheet of 28 of the 29 columns, its id's header written 项目编号, was
                    // passed over without a word while another sheet of the file matched; so was one
                    // of 19 of 22, with 序号 for the case number and none of the required columns,
                    // and a year's sheet in an older layout of 11 of 31 columns with the title.)
                    let score = found * 1_000 + columns.count
                    if score > (closest?.score ?? 0) { closest = (mapping, row.number, score, headers) }
                }
            }
        }
        if let best {
            var matched = layout(best.mapping, headerRow: best.row, columns: best.columns, headers: best.headers)
            matched.headerFieldCount = table.rows.first { $0.number == best.row }?.fieldCount
            return .matched(matched)
        }
        guard let closest else { return .none }
        let present = Set(closest.headers.values.map(normalized))
        let missing = closest.mapping.columns.filter { $0.required && !$0.headers.contains { present.contains(normalized($0)) } }
        return .partial(mapping: closest.mapping, headerRow: closest.row, missing: missing.map { column in
            // (The headers in the order of their columns: of two as close, the leftmost is named.)
            (column.headers[0], Suggestion.closest(to: column.headers[0], in: closest.headers.keys.sorted().compactMap { closest.headers[$0] }))
        })
    }

    /// Whether a header of `count` of a layout's columns, among them these, names its records
    /// (`match`): three with the id's column and a review's act or the title, or four with the
    /// title and a review's act.
    static func namesARecord(_ count: Int, id: Bool, title: Bool, review: Bool) -> Bool {
        id ? count >= 3 && (review || title) : count >= 4 && title && review
    }

    /// How many unknown headers of a sheet get a "did you mean".
    static let suggestedHeaders = 64

    /// A matched layout, with the header row's columns the mapping does not read.
    static func layout(_ mapping: LedgerMapping, headerRow: Int, columns: [Int: LedgerMapping.Column], headers: [Int: String]) -> LedgerLayout {
        let ignoredNames = Set(mapping.ignoredHeaders.map(normalized))
        let notes = Dictionary(mapping.notReadHeaders.map { (normalized($0.header), $0.note) }, uniquingKeysWith: { first, _ in first })
        let readColumns = Dictionary(columns.map { ($0.value.field, $0.key) }, uniquingKeysWith: min)
        // A misspelt header is most likely one of the columns this sheet lacks.
        let absent = mapping.columns.filter { readColumns[$0.field] == nil }.flatMap(\.headers).map { header in
            (header: header, name: normalized(header), length: normalized(header).unicodeScalars.count)
        }
        var fieldByHeader: [String: FieldPath] = [:]
        for column in mapping.columns {
            for header in column.headers { fieldByHeader[normalized(header)] = fieldByHeader[normalized(header)] ?? column.field }
        }
        var unread: [Int: UnreadColumn] = [:]
        var ignored: Set<Int> = []
        var sameHeader: Set<Int> = []
        var suggestionsLeft = suggestedHeaders
        for column in headers.keys.sorted() where columns[column] == nil {
            guard let header = headers[column] else { continue }
            let name = normalized(header)
            if name.isEmpty { continue }
            if ignoredNames.contains(name) {
                ignored.insert(column)
            } else if let note = notes[name] {
                unread[column] = .noted(note)
            } else if let field = fieldByHeader[name], let read = readColumns[field] {
                unread[column] = .repeated(readColumn: read)
                if let readHeader = headers[read], normalized(readHeader) == name { sameHeader.insert(column) }
            } else {
                // Each header is compared once, here, and only the first few: a sheet of more
                // unknown headers than a ledger has columns is no ledger with a typo.
                let closest = suggestionsLeft > 0 ? closestHeader(to: name, in: absent) : nil
                suggestionsLeft -= 1
                unread[column] = .unknown(closest: closest)
            }
        }
        return LedgerLayout(mapping: mapping, headerRow: headerRow, columns: columns, headers: headers, unread: unread, ignored: ignored, sameHeaderColumns: sameHeader)
    }

    /// The header a misspelt one most likely means: a Chinese header is a few characters, each
    /// carrying a word, so up to half of them may differ (审查形式 → 审查方式).
    static func closestHeader(to header: String, in candidates: [(header: String, name: String, length: Int)]) -> String? {
        let length = header.unicodeScalars.count
        let limit = max(1, min(3, length / 2))
        var best: (header: String, distance: Int)?
        for candidate in candidates {
            // A header whose length differs by more than the limit is further apart than it (and a
            // header of thousands of characters is never compared character by character).
            guard abs(candidate.length - length) <= limit else { continue }
            let distance = Suggestion.typoDistance(header, candidate.name)
            if distance <= limit, distance < (best?.distance ?? .max) { best = (candidate.header, distance) }
        }
        return best?.header
    }

    /// The records of the rows below the header row.
    /// - Parameter person: the registry id of a person named in a cell, when the name is known.
    public static func records(_ table: LedgerTable, layout: LedgerLayout, person: (String) -> String?) -> [LedgerRecord] {
        table.rows.filter { isRecord($0, layout: layout) }.map { record($0, layout: layout, person: person) }
    }

    /// Whether a row is a record: below the header, with something in a column that is not
    /// ignored. Templates number their empty rows in advance (序号 1, 2, 3 ...): such a row is
    /// blank, not a record without an id.
    public static func isRecord(_ row: LedgerRow, layout: LedgerLayout) -> Bool {
        row.number > layout.headerRow && row.cells.contains { column, cell in
            !layout.ignored.contains(column) && (cell.formulaWithoutValue || !cell.text.isBlankCell)
        } && !isNoteRow(row, layout: layout)
    }

    /// Whether a row is a note between or below the records, not a record: its first filled cell
    /// a total (`合计`, `小计`), the form's notes or signatures (`填表说明：…`, `填表人：张三`) or a
    /// part's title (`2025年下半年`, `第三季度`), and no other cell filled but a total's count
    /// (`4`, `共4项`). Read as records, each was a record of its own, blocked and counted, and
    /// `import` wrote `合计.yaml`. (A row holding anything more — a title `注：…待审查` beside a
    /// discussion's day, an outcome — is read as a record, whatever its first cell says.)
    static func isNoteRow(_ row: LedgerRow, layout: LedgerLayout) -> Bool {
        // The row's first filled cell, in any column (`合计` in 序号), says what the row is; the
        // others filled (a note merged across the row fills each with its text) are counts, the
        // same note, or a signature beside a signature.
        // (The first filled cell is looked at first: most rows' is a number or an id, and the row is
        // a record without more ado.)
        let filled = row.cells.filter { _, cell in !cell.formulaWithoutValue && !cell.text.isBlankCell }
        guard let firstCell = filled.min(by: { $0.key < $1.key }), let lead = firstCell.value.text.unicodeScalars.first,
              !(lead.isASCII && lead.properties.isAlphabetic),
              !(lead.isASCII && lead.properties.numericType != nil) || firstCell.value.text.contains("年") || firstCell.value.text.contains("月")
        else { return false }
        let first = firstCell.value.text.filter { !$0.isWhitespace }
        let others = filled.filter { $0.key != firstCell.key }.sorted { $0.key < $1.key }.map { $0.value.text.filter { !$0.isWhitespace } }.filter { $0 != first }
        if noteRowStarts.contains(where: first.hasPrefix) {
            return others.count <= 2 && others.allSatisfy { other in isCount(other) || noteRowStarts.contains(where: other.hasPrefix) }
        }
        return others.isEmpty && isPartTitle(first)
    }

    /// Whether a text is a count or a sum as a total's row writes it: `4`, `共4项`, `4件`, `合计4条`, `500元`.
    static func isCount(_ text: String) -> Bool {
        var rest = Substring(text)
        for prefix in ["合计", "共计", "共"] where rest.hasPrefix(prefix) {
            rest = rest.dropFirst(prefix.count)
            break
        }
        for suffix in ["万元", "项", "件", "条", "个", "宗", "元"] where rest.hasSuffix(suffix) {
            rest = rest.dropLast(suffix.count)
            break
        }
        return !rest.isEmpty && rest.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "." || $0 == "," })
    }

    /// How a total's, a note's or a signature's row starts.
    private static let noteRowStarts = [
        "合计", "小计", "总计", "共计", "填表说明", "填表人", "制表人", "审核人：", "审核人:", "负责人：", "负责人:", "填报单位", "说明：", "说明:", "注：", "注:",
        "填表日期", "填报日期", "制表日期", "填报时间", "联系电话", "联系人", "单位负责人", "分管领导",
    ]

    /// Whether a text is a part's title: a year, half, quarter or month (`2025年`, `2025年度`,
    /// `2025年下半年`, `2024年补录`, `第三季度`, `3月份`).
    static func isPartTitle(_ text: String) -> Bool {
        var rest = Substring(text)
        if rest.prefix(5).count == 5, rest.prefix(4).allSatisfy({ $0.isASCII && $0.isNumber }), rest.dropFirst(4).first == "年" {
            rest = rest.dropFirst(5)
            if rest.first == "度" { rest = rest.dropFirst() }
            // (A year's part of the register entered late or carried on: `2024年补录`, `2024年续表`.)
            if rest.isEmpty || ["补录", "补登", "续表", "（续）", "(续)", "新增", "以前", "及以前"].contains(rest) { return true }
        }
        if ["上半年", "下半年", "第一季度", "第二季度", "第三季度", "第四季度", "第1季度", "第2季度", "第3季度", "第4季度"].contains(rest) { return true }
        let month = rest.hasSuffix("月份") ? rest.dropLast(2) : rest.hasSuffix("月") ? rest.dropLast() : nil
        guard let month, (1...2).contains(month.count), month.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(month) else { return false }
        return (1...12).contains(number)
    }



    /// Whether a cell of one person names two or more people the registry knows, separated as a
    /// cell of several is (`许明、秦雪`).
    static func namesSeveralPeople(_ text: String, person: (String) -> String?) -> Bool {
        let parts = text.split(whereSeparator: { separators.contains($0) })
        return parts.count >= 2 && parts.allSatisfy { person(String($0)) != nil }
    }

    /// The record of one row below the header row.
    public static func record(_ row: LedgerRow, layout: LedgerLayout, person: (String) -> String?) -> LedgerRecord {
        let idColumn = layout.columns.first { $0.value.field.description == "id" }?.key ?? 1
        var draft = Draft.Mapping(position: SourcePosition(line: row.number, column: idColumn))
        draft.set(["kind"], .scalar(layout.mapping.kind, draft.position, text: true))
        var uncomputed: [Int] = []
        var struck: [Int] = []
        var severalIDsColumn: Int?
        var severalPeople: [Int] = []
        for column in layout.columns.keys.sorted() {
            guard let spec = layout.columns[column], let cell = row.cells[column] else { continue }
            let position = SourcePosition(line: row.number, column: column)
            if cell.formulaWithoutValue {
                uncomputed.append(column)
                continue
            }
            if cell.struckThrough, !cell.text.isBlankCell {
                struck.append(column)
                continue
            }
            let isText = textFields.contains(spec.field.name)
            // A number shown through a format of text (`50000元`) is the number, but in a text field (an id).
            let text = (isText ? cell.text : cell.stored ?? cell.text).trimmingSpaces
            guard !text.isEmpty else { continue }
            if spec.field.name == "id", text.contains(where: { idSeparators.contains($0) }) { severalIDsColumn = column }
            let isPeople = peopleFields.contains(spec.field.name)
            // A person's cell saying there is none (`无`, `/`, `未聘请`) names no one: read as a
            // person, a legal adviser "无" signed the review, and the rule asking for one passed.
            if isPeople, LedgerLayout.namesNoOne(text) { continue }
            // So does a date's, an outcome's or a form's cell of a step that did not happen (`无`,
            // `/`): it was "无 is not a date" and "结论“无”不在词汇表中", errors of a lawful row.
            if dateFields.contains(spec.field.name) || ["outcome", "form"].contains(spec.field.name), spec.values[text] == nil,
               LedgerLayout.namesNoOne(text) { continue }
            func resolve(_ name: String) -> String { isPeople ? (person(name) ?? name) : name }
            let value: Draft.Value
            if spec.split {
                let items = text.split(whereSeparator: { separators.contains($0) }).map { resolve(String($0)) }
                value = .list(items.map { .scalar($0, position, text: true) }, position)
            } else if let mapped = spec.values[text] {
                value = .scalar(mapped, position, text: false)
            } else if dateFields.contains(spec.field.name), let day = Self.writtenDay(text) {
                value = .scalar(day, position, text: false)
            } else {
                if isPeople, person(text) == nil, namesSeveralPeople(text, person: person) { severalPeople.append(column) }
                value = .scalar(resolve(text), position, text: isText)
            }
            draft.set(spec.field.segments, value)
        }
        // id first, then kind, as records are written by hand.
        draft.keys = draft.keys.filter { $0 == "id" } + draft.keys.filter { $0 != "id" }
        let unread = row.cells.compactMap { column, cell in
            layout.columns[column] == nil && !layout.ignored.contains(column) && (cell.formulaWithoutValue || !cell.text.isBlankCell) ? column : nil
        }
        var record = LedgerRecord(node: draft.node, row: row.number, uncomputed: uncomputed, unread: unread.sorted(), cells: row.cells)
        record.remarks = layout.ignored.isEmpty ? [] : layout.ignored.filter { row.cells[$0].map { !$0.text.isBlankCell } ?? false }.sorted()
        record.severalPeople = severalPeople
        record.struck = struck
        record.severalIDs = severalIDsColumn
        record.hiddenUnderMerge = row.hiddenUnderMerge.filter { layout.columns[$0.key] != nil }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        return record
    }
}

extension LedgerLayout {
    /// Whether a person's cell says there is no one: a word of absence alone, through the
    /// brackets and marks around it (`（无）`, `无。`), or dashes and slashes only (`--`, `/`).
    static func namesNoOne(_ text: String) -> Bool {
        let marks: Set<Character> = ["（", "）", "(", ")", "【", "】", "[", "]", "“", "”", "\"", "'", "。", ".", "，", ",", "；", ";", "！", "!", " ", "\u{3000}"]
        let bare = String(text.filter { !marks.contains($0) }).lowercased()
        if !bare.isEmpty, bare.allSatisfy({ "-—－/／\\_~～".contains($0) }) { return true }
        return noOneWords.contains(bare)
    }

    static let noOneWords: Set<String> = [
        "无", "暂无", "没有", "空", "未聘请", "未聘", "未聘用", "无法律顾问", "未聘请法律顾问", "无公职律师", "未配备", "不涉及", "不适用", "无需",
        "none", "n/a", "na", "nil",
    ]
}

/// A record being built from cells: mappings keep their keys in the order first set.
enum Draft {
    enum Value {
        case scalar(String, SourcePosition, text: Bool)
        case list([Value], SourcePosition)
        case mapping(Mapping)

        func write(into writer: inout YAMLTreeWriter) -> YAMLTreeWriter.Written {
            switch self {
            case .scalar(let text, let position, let isText):
                return writer.scalar(YAMLScalar(text: text, style: isText ? .doubleQuoted : .plain), range: SourceRange(at: position))
            case .list(let items, let position):
                return writer.sequence(items.map { $0.write(into: &writer) }, range: SourceRange(at: position))
            case .mapping(let mapping):
                return mapping.write(into: &writer)
            }
        }
    }

    struct Mapping {
        var keys: [String] = []
        var values: [String: Value] = [:]
        var position: SourcePosition

        init(position: SourcePosition) {
            self.position = position
        }

        /// The record as a tree of its own.
        var node: YAMLNode {
            var writer = YAMLTreeWriter()
            let root = write(into: &writer)
            return writer.finish(root: root)
        }

        func write(into writer: inout YAMLTreeWriter) -> YAMLTreeWriter.Written {
            let pairs = keys.compactMap { key in
                values[key].map { value in
                    (key: writer.scalar(YAMLScalar(text: key), range: SourceRange(at: value.position)), value: value.write(into: &writer))
                }
            }
            return writer.mapping(pairs, range: SourceRange(at: position))
        }

        mutating func set(_ path: [String], _ value: Value) {
            set(path.map { FieldPath.Segment(key: $0, select: nil) }, value)
        }

        /// Sets the value at a path, creating mappings, and list items selected by a field, on the way.
        mutating func set(_ path: [FieldPath.Segment], _ value: Value) {
            guard let segment = path.first else { return }
            if !keys.contains(segment.key) { keys.append(segment.key) }
            let rest = Array(path.dropFirst())
            if let select = segment.select {
                guard case .list(var items, let listPosition) = values[segment.key] ?? .list([], value.position) else { return }
                let index = items.firstIndex { item in
                    if case .mapping(let mapping) = item, case .scalar(let text, _, _) = mapping.values[select.field] { return text == select.value }
                    return false
                } ?? {
                    var item = Mapping(position: value.position)
                    item.set([select.field], .scalar(select.value, value.position, text: true))
                    items.append(.mapping(item))
                    return items.count - 1
                }()
                if case .mapping(var item) = items[index] {
                    item.set(rest, value)
                    items[index] = .mapping(item)
                }
                values[segment.key] = .list(items, listPosition)
            } else if rest.isEmpty {
                values[segment.key] = value
            } else {
                var child: Mapping
                if case .mapping(let existing) = values[segment.key] { child = existing } else { child = Mapping(position: value.position) }
                child.set(rest, value)
                values[segment.key] = .mapping(child)
            }
        }
    }
}

extension Draft.Value {
    var position: SourcePosition {
        switch self {
        case .scalar(_, let position, _), .list(_, let position): position
        case .mapping(let mapping): mapping.position
        }
    }
}
