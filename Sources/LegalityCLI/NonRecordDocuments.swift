import YAMLTree

/// The documents of one file that are no records (`---` alone, a text, a list): the first
/// `listed` are each reported; of the others, each run of them up to a record (or the file's end)
/// is counted in one more finding, so the findings stay in the order of the file. A file of 4 MB
/// holding a million `---` lines wrote 405 MB of findings, one for each.
struct NonRecordDocuments {
    /// How many documents that are no records a file lists one by one.
    static let listed = 100

    /// A run of documents past those listed: how many, and where the first is.
    struct Unlisted {
        var count: Int
        let first: SourcePosition
    }

    private var seen = 0
    /// The run of documents not listed since the last record, if any.
    private var unlisted: Unlisted?

    /// Counts a document that is no record; whether it is still to be listed.
    mutating func lists(_ document: YAMLNode) -> Bool {
        seen += 1
        guard seen > Self.listed else { return true }
        if unlisted == nil {
            unlisted = Unlisted(count: 1, first: document.position)
        } else {
            unlisted?.count += 1
        }
        return false
    }

    /// The run of documents not listed since the last record, to be reported before the next
    /// record (or at the file's end); nil when there is none.
    mutating func endRun() -> Unlisted? {
        defer { unlisted = nil }
        return unlisted
    }
}
