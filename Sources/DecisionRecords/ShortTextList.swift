/// A handful of texts (the format's keys, a run's checked kinds) with their lengths in bytes, so a
/// text is compared only with those of its length: for a few texts this costs less than hashing
/// it, and the lengths, kept as numbers, are not measured again for every text asked.
struct ShortTextList: Sendable {
    /// The texts, in the order given.
    let texts: [String]
    /// Each text's length in bytes.
    private let lengths: [Int]

    init(_ texts: [String]) {
        self.texts = texts
        lengths = texts.map(\.utf8.count)
    }

    /// Whether a text of the same length in bytes is equal to `text` (as strings are equal). A
    /// text canonically equal to one of them but of other bytes is not found: callers whose texts
    /// are ASCII letters and underscores, which no other text equals, need no more.
    func containsSameLength(_ text: String) -> Bool {
        placeOfSameLength(text) != nil
    }

    /// The place of the first text of the same length in bytes equal to `text` (see
    /// `containsSameLength(_:)`).
    @inline(__always)
    func placeOfSameLength(_ text: String) -> Int? {
        let length = text.utf8.count
        for place in lengths.indices where lengths[place] == length && texts[place] == text { return place }
        return nil
    }
}
