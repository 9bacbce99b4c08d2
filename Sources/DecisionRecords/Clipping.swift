extension String {
    /// The text cut to its first `limit` Unicode scalars, with `mark` where it was cut; the text
    /// itself when it is no longer. A text quoted by many findings (a record's id, a ledger's
    /// header or cell) is quoted this way, so no report grows with it beyond the limit.
    public func clipped(to limit: Int, mark: String = "…") -> String {
        // A text of no more bytes than the limit has no more scalars either: returned without
        // stepping through them (every finding's message was, some 4,500 instructions a record).
        guard utf8.count > limit else { return self }
        let head = unicodeScalars.prefix(limit + 1)
        guard head.count > limit else { return self }
        return String(String.UnicodeScalarView(head.dropLast())) + mark
    }

    /// The text on one line, as a message quotes what a record or a ledger wrote: each line break
    /// (LF, CR, NEL, LS, PS and the like) shown as `⏎`. A key or a value written with a line break
    /// split the message, and its second line read as a line of the report's own (`[可以上会] …`
    /// under a gate item).
    public var onOneLine: String {
        // Most texts have no byte a line break is written with (LF to CR; NEL, LS and PS end in
        // 85, A8 and A9): told by their bytes, without stepping through their characters.
        var text = self
        guard text.withUTF8({ $0.contains { (0x0A...0x0D).contains($0) || $0 == 0x85 || $0 == 0xA8 || $0 == 0xA9 } }),
              contains(where: \.isNewline) else { return self }
        return String(map { $0.isNewline ? "⏎" : $0 })
    }
}
