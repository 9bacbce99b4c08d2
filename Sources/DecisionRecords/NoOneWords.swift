/// The words that, written where a person's id belongs, stand for no one (`无`, `待定`, `-`,
/// `N/A`): the codes and names of the vocabulary's `no_one_words`, compared whole, trimmed, in
/// lower case. Each was counted as a person: `officers: [P-1, 待定]` was two officers, and without
/// a registry of people (which would not know them) a one-officer investigation passed.
public struct NoOneWords: Sendable {
    /// The words, trimmed and in lower case.
    private let words: Set<String>
    /// The most bytes a word has: a longer text is none (ids are asked for every step).
    private let mostBytes: Int
    /// The ASCII letters and digits a word may begin with, in lower case: an id beginning with
    /// another is none, told by its first byte.
    private let asciiStarts: Set<UInt8>

    init(_ vocabulary: Vocabulary) {
        let section = RecordFormat.Section.noOneWords
        var words: Set<String> = []
        for code in vocabulary.codes(in: section) {
            let names = vocabulary.names(of: code, in: section)
            for word in [code, names?.zh, names?.en].compactMap({ $0 }) + vocabulary.otherNames(of: code, in: section) {
                words.insert(Vocabulary.trimmed(word).lowercased())
            }
        }
        self.words = words
        mostBytes = words.map(\.utf8.count).max() ?? 0
        asciiStarts = Set(words.compactMap { word in word.utf8.first.flatMap { Self.isLetterOrDigit($0) ? $0 : nil } })
    }

    /// Whether a text written where a person's id belongs stands for no one: blank, or one of the words.
    public func holds(_ text: String) -> Bool {
        let trimmed = Vocabulary.trimmed(text)
        guard trimmed.utf8.count <= mostBytes else { return false }
        if let first = trimmed.utf8.first, Self.isLetterOrDigit(first), !asciiStarts.contains(first | (first >= 0x41 ? 0x20 : 0)) { return false }
        return Vocabulary.isBlank(trimmed) || words.contains(trimmed.lowercased())
    }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
    }
}
