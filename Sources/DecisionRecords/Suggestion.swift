/// "Did you mean" suggestions by edit distance.
public enum Suggestion {
    /// The closest candidate within a small edit distance, if any.
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let limit = max(1, min(3, word.count / 3))
        // Texts whose lengths differ by more than the limit are further apart than it: they are
        // passed over without the distance's table (a value of 300,000 characters was compared
        // with every code and name of a vocabulary, 0.4 s a value).
        let length = word.unicodeScalars.count
        var best: (String, Int)?
        for candidate in candidates where abs(candidate.unicodeScalars.count - length) <= limit {
            let distance = typoDistance(word, candidate)
            // Ties go to the candidate first in byte order, so a suggestion never depends on set order.
            if distance <= limit, distance < (best?.1 ?? Int.max) || (distance == best?.1 && candidate.precedesInUTF8(best?.0 ?? "")) {
                best = (candidate, distance)
            }
        }
        return best?.0
    }

    /// `; did you mean 'x'?` or nothing.
    public static func phrase(for word: String, in candidates: some Sequence<String>) -> String {
        closest(to: word, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// `；是否应为 x？` or nothing: `phrase(for:in:)` in Chinese.
    public static func chinesePhrase(for word: String, in candidates: some Sequence<String>) -> String {
        closest(to: word, in: candidates).map { "；是否应为 \($0)？" } ?? ""
    }

    /// Whether two texts are one edit apart — one Unicode scalar substituted, inserted or deleted —
    /// as `editDistance(a, b) == 1` says, in one pass over their UTF-8 and without allocating.
    public static func areOneEditApart(_ a: String, _ b: String) -> Bool {
        // A scalar is at most four bytes: texts whose lengths differ by more are further apart.
        guard abs(a.utf8.count - b.utf8.count) <= 4 else { return false }
        var (a, b) = (a, b)
        return a.withUTF8 { x in b.withUTF8 { y in oneEditApart(x, y) } }
    }

    /// `areOneEditApart` of two valid UTF-8 texts: after their common scalars, one scalar
    /// substituted (both go on alike after it), deleted (the first goes on as the second does from
    /// there) or inserted (the other way round).
    private static func oneEditApart(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        let common = min(x.count, y.count)
        while start < common, x[start] == y[start] { start += 1 }
        // Back to the first byte of the scalar that differs (the common bytes share their scalars' boundaries).
        while start > 0, isContinuation(x, start) || isContinuation(y, start) { start -= 1 }
        switch (start < x.count, start < y.count) {
        case (false, false): return false
        case (false, true): return sameRest(x, start, y, afterScalar(y, start))
        case (true, false): return sameRest(x, afterScalar(x, start), y, start)
        case (true, true):
            let (nextX, nextY) = (afterScalar(x, start), afterScalar(y, start))
            return sameRest(x, nextX, y, nextY) || sameRest(x, nextX, y, start) || sameRest(x, start, y, nextY)
        }
    }

    private static func isContinuation(_ text: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        index < text.count && text[index] & 0xC0 == 0x80
    }

    /// Where the scalar that starts at `index` ends.
    private static func afterScalar(_ text: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
        let lead = text[index]
        return index + (lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4)
    }

    /// Whether `x` from `i` and `y` from `j` hold the same bytes.
    private static func sameRest(_ x: UnsafeBufferPointer<UInt8>, _ i: Int, _ y: UnsafeBufferPointer<UInt8>, _ j: Int) -> Bool {
        guard x.count - i == y.count - j else { return false }
        for offset in 0..<(x.count - i) where x[i + offset] != y[j + offset] { return false }
        return true
    }

    /// The edit (Levenshtein) distance between two texts, counted in Unicode scalars.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        distance(a, b, swapIsOneEdit: false)
    }

    /// The edit distance that also counts two neighbouring characters swapped as one edit
    /// (`fomr` → `form`, the commonest typo of all), counted in Unicode scalars: the optimal
    /// string alignment distance. "Did you mean" measures by it.
    public static func typoDistance(_ a: String, _ b: String) -> Int {
        distance(a, b, swapIsOneEdit: true)
    }

    /// The table of the two distances, a row at a time (the row before the previous one for swaps).
    private static func distance(_ a: String, _ b: String, swapIsOneEdit: Bool) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if swapIsOneEdit, i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
