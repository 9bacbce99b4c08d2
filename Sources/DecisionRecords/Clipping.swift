extension String {
    /// The text cut to its first `limit` Unicode scalars, with `mark` where it was cut; the text
    /// itself when it is no longer. A text quoted by many findings (a record's id, a ledger's
    /// header or cell) is quoted this way, so no report grows with it beyond the limit.
    public func clipped(to limit: Int, mark: String = "…") -> String {
        let head = unicodeScalars.prefix(limit + 1)
        guard head.count > limit else { return self }
        return String(String.UnicodeScalarView(head.dropLast())) + mark
    }
}
