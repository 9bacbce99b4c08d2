public import DecisionRecords

/// How a ledger's columns become a record's fields: which kind of record a row is, and for
/// each column its header (with the other names offices give it) and the field it fills.
///
/// Built-in mappings for the common ledgers live in `rules/ledgers/` as data; an office names
/// its own with `--mapping`.
public struct LedgerMapping: Sendable {
    /// One column of the ledger.
    public struct Column: Sendable {
        /// The header and the other names it goes by, first the one templates use.
        public var headers: [String]
        /// The field it fills, such as `steps[case_filing].date`.
        public var field: FieldPath
        /// Whether a ledger must have it to be read with this mapping.
        public var required: Bool
        /// Whether the cell holds several values (people), split on 、，,；; and spaces.
        public var split: Bool
        /// Cell texts read as other values (是 → true).
        public var values: [String: String]
        /// What to write in it, for the template's instructions.
        public var note: LocalizedText?
    }

    /// The mapping's name, by which `--mapping` and `init --ledger` choose it.
    public var id: String
    /// What the ledger is called, for people.
    public var name: LocalizedText
    /// The kind of record each row is.
    public var kind: String
    /// The sheet name templates use.
    public var sheet: String?
    /// The columns, in template order.
    public var columns: [Column]
    /// Headers of columns that hold nothing to check (序号, 备注): passed over without a finding,
    /// where any other column the mapping does not read is reported in each row that fills it.
    public var ignoredHeaders: [String]
    /// Headers of columns known not to be read, each with why (`听证告知日期` is no hearing
    /// notice): reported in each row that fills them with that note instead of a "did you mean"
    /// (which offered the column it must not be taken for).
    public var notReadHeaders: [(header: String, note: LocalizedText)] = []
    /// The file it was read from.
    public var file: String
}

extension LedgerMapping.Column {
    /// Whether the column is of a review's act — its day, its sending, its outcome or its form
    /// (`steps[legality_review].outcome`, `steps[legal_review].date`): a sheet holding one beside
    /// the id's column holds the matters reviewed, where one of meetings or of people (审查人员,
    /// 法律顾问) shares a few headers with a ledger by chance.
    public var isOfAReview: Bool {
        field.segments.count == 2 && field.segments[0].select.map { $0.field == "type" && $0.value.hasSuffix("_review") } == true
            && ["date", "submitted", "outcome", "form"].contains(field.segments[1].key)
    }

    /// Whether the column is the record's id.
    public var isID: Bool { field.segments.count == 1 && field.segments[0].key == "id" }

    /// Whether the column is the record's title.
    public var isTitle: Bool { field.segments.count == 1 && field.segments[0].key == "title" }
}

/// A field of a record, as a path: `title`, `facts.major`, `steps[case_filing].date`,
/// `steps[legality_review].signoffs[role=legal_adviser].person`.
public struct FieldPath: Sendable, Hashable, CustomStringConvertible {
    /// One step of the path: a key, and for a list the item it selects by one of its fields.
    public struct Segment: Sendable, Hashable {
        /// The key.
        public var key: String
        /// For a list of mappings: the item whose `field` is `value` (created when missing).
        public var select: (field: String, value: String)?

        public static func == (lhs: Segment, rhs: Segment) -> Bool {
            lhs.key == rhs.key && lhs.select?.field == rhs.select?.field && lhs.select?.value == rhs.select?.value
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(key)
            hasher.combine(select?.field)
            hasher.combine(select?.value)
        }
    }

    /// The segments.
    public var segments: [Segment]

    /// Parses a path; nil when it is not one. `steps[TYPE]` selects the step of that type.
    public init?(_ text: String) {
        var segments: [Segment] = []
        for part in text.split(separator: ".", omittingEmptySubsequences: false) {
            var key = Substring(part)
            var select: (String, String)?
            if let open = part.firstIndex(of: "[") {
                guard part.last == "]" else { return nil }
                key = part[..<open]
                let inside = part[part.index(after: open)..<part.index(before: part.endIndex)]
                if let equals = inside.firstIndex(of: "=") {
                    select = (String(inside[..<equals]), String(inside[inside.index(after: equals)...]))
                } else {
                    select = ("type", String(inside))
                }
                guard let select, !select.0.isEmpty, !select.1.isEmpty else { return nil }
            }
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return nil }
            segments.append(Segment(key: String(key), select: select))
        }
        guard !segments.isEmpty, segments.last?.select == nil else { return nil }
        self.segments = segments
    }

    /// The last key: the name of the field itself.
    public var name: String { segments.last?.key ?? "" }

    public var description: String {
        segments.map { segment in
            guard let select = segment.select else { return segment.key }
            return select.field == "type" ? "\(segment.key)[\(select.value)]" : "\(segment.key)[\(select.field)=\(select.value)]"
        }.joined(separator: ".")
    }
}
