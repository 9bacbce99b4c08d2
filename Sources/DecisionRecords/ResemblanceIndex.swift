/// The people of a large registry by the texts their ids and names become with one character
/// left out, so that `Registry.person(resembling:)` compares a text with the few people it may be
/// one edit from, not with every person: a text one character from another (substituted, left
/// out or put in) shares with it one of those shortened texts (or is one of them). Every
/// candidate is still compared as before.
///
/// Without it each search compared every person: 2,000 records naming four unknown people each,
/// against a registry of 100,000, took minutes.
struct ResemblanceIndex: Sendable {
    /// The hash of each shortened (or whole) text, sorted, beside the person it came from.
    private var hashes: [Int] = []
    private var owners: [Int32] = []
    /// The people's ids, by their number in `owners`.
    private var ids: [String] = []

    /// The registries worth an index: a smaller one is searched person by person as fast.
    static let smallestIndexed = 500

    /// The longest text, in bytes, indexed or searched for: each shortening is a copy, so a text
    /// costs the square of its length (a name of 160 KB took seconds to index and to search for),
    /// and no id or name of a person is that long.
    static let longestText = 64

    init(people: some Sequence<Person>) {
        var entries: [(hash: Int, owner: Int32)] = []
        var buffer: [UInt8] = []
        for person in people {
            let owner = Int32(truncatingIfNeeded: ids.count)
            ids.append(person.id)
            var texts = [person.id]
            if let name = person.name.map(Vocabulary.trimmed), !name.isEmpty, name != person.id { texts.append(name) }
            for text in texts where text.utf8.count <= Self.longestText {
                Self.eachShortening(of: text, buffer: &buffer) { entries.append(($0, owner)) }
            }
        }
        entries.sort { $0.hash < $1.hash || ($0.hash == $1.hash && $0.owner < $1.owner) }
        hashes = entries.map(\.hash)
        owners = entries.map(\.owner)
    }

    /// The ids of the people whose id or name may be one edit from `text`, each once, in the
    /// registry's order (none for a text longer than `longestText`).
    func candidates(for text: String) -> [String] {
        guard text.utf8.count <= Self.longestText else { return [] }
        var found: Set<Int32> = []
        var buffer: [UInt8] = []
        Self.eachShortening(of: text, buffer: &buffer) { hash in
            var index = lowerBound(hash)
            while index < hashes.count, hashes[index] == hash {
                found.insert(owners[index])
                index += 1
            }
        }
        return found.sorted().map { ids[Int($0)] }
    }

    private func lowerBound(_ hash: Int) -> Int {
        var (low, high) = (0, hashes.count)
        while low < high {
            let middle = (low + high) / 2
            if hashes[middle] < hash { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The hash of the text itself and of the text with each of its characters (Unicode scalars,
    /// as `Suggestion.areOneEditApart` counts them) left out.
    private static func eachShortening(of text: String, buffer: inout [UInt8], _ body: (Int) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            body(hash(bytes[...]))
            var start = 0
            while start < bytes.count {
                var end = start + 1
                while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
                buffer.removeAll(keepingCapacity: true)
                buffer.append(contentsOf: bytes[..<start])
                buffer.append(contentsOf: bytes[end...])
                body(buffer.withUnsafeBufferPointer { hash($0[...]) })
                start = end
            }
        }
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>.SubSequence) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes.count)
        hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes)))
        return hasher.finalize()
    }
}
