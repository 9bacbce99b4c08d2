/// Searching a text for words by their UTF-8 bytes. A word found so in valid UTF-8 starts and ends
/// at characters, and the search costs a pass over bytes, where `String.contains` compared
/// grapheme clusters: the words of a review's documents looked for in each document's type and
/// ref that way took more than a record's whole reading (660,000 instructions a record).
enum WordSearch {
    /// Whether `text` holds `word`.
    static func contains(_ text: String, _ word: String) -> Bool {
        var text = text
        var word = word
        return text.withUTF8 { haystack in
            word.withUTF8 { needle in contains(haystack, needle) }
        }
    }

    /// Whether `text` holds any of `words`.
    static func containsAny(_ text: String, _ words: [String]) -> Bool {
        var text = text
        return text.withUTF8 { haystack in
            words.contains { word in
                var word = word
                return word.withUTF8 { contains(haystack, $0) }
            }
        }
    }

    /// Whether `text` starts with any of `words`.
    static func startsWithAny(_ text: String, _ words: [String]) -> Bool {
        words.contains { text.utf8.starts(with: $0.utf8) }
    }

    private static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        guard needle.count <= haystack.count else { return false }
        var start = 0
        let last = haystack.count - needle.count
        while start <= last {
            if haystack[start] == first {
                var matched = 1
                while matched < needle.count, haystack[start + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return true }
            }
            start += 1
        }
        return false
    }
}
