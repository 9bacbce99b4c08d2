extension String {
    /// The folder part of a path ("." for a bare name).
    ///
    /// The slash is found in the path's bytes, as the file system finds it (a search by
    /// characters cost some 4,500 instructions a path, and every rule file's path is asked at
    /// start-up; it also took a slash followed by a combining mark for no slash).
    var parentPath: String {
        guard let slash = utf8.lastIndex(of: UInt8(ascii: "/")) else { return "." }
        if slash == startIndex { return "/" }
        return String(self[..<slash])
    }

    /// The last component of a path.
    var lastComponent: String {
        guard let slash = utf8.lastIndex(of: UInt8(ascii: "/")) else { return self }
        return String(self[utf8.index(after: slash)...])
    }

    /// The path with its `.` components and repeated or trailing slashes left out (`./cases//mad/`
    /// is `cases/mad`, `./` is `.`): one folder spelt two ways named its files two ways in every
    /// report, and sorted them apart. (`..` is kept: through a link, `a/..` is another folder than
    /// `.`.) SARIF names files from the repository's root whatever the spelling.
    var tidiedPath: String {
        guard utf8.contains(UInt8(ascii: "/")) || self == "." else { return self }
        let isAbsolute = hasPrefix("/")
        let parts = split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        guard !parts.isEmpty else { return isAbsolute ? "/" : "." }
        return (isAbsolute ? "/" : "") + parts.joined(separator: "/")
    }

    func appendingComponent(_ name: String) -> String {
        if self == "." { return name }
        return hasSuffix("/") ? self + name : self + "/" + name
    }

    /// The last byte of the name's UTF-8 with ASCII capitals lowercased (`0x20` set), nil for an
    /// empty name: a name ending in none of a list's extensions' last bytes ends in none of them.
    /// (Read in the string's own storage: `utf8.last` steps back through the view, some 80
    /// instructions, and was asked of every extension of a list for every file.)
    var lastByteIgnoringCase: UInt8? {
        let last = utf8.withContiguousStorageIfAvailable { $0.last } ?? utf8.last
        return last.map { $0 | 0x20 }
    }

    /// Whether a name ends in `suffix` — an extension of lowercase ASCII letters and dots, such as
    /// `.yaml` — in any case: `lowercased().hasSuffix(suffix)`, compared by bytes without a
    /// lowercased copy of every name (no other character lowercases to these, and none is
    /// canonically equivalent to them).
    func hasSuffixIgnoringCase(_ suffix: String) -> Bool {
        // Read in the strings' own storage: copies of them, for `withUTF8`, counted a reference
        // to each long name (an atomic operation) for every extension asked.
        let answer = utf8.withContiguousStorageIfAvailable { bytes in
            suffix.utf8.withContiguousStorageIfAvailable { wanted in Self.endsIgnoringCase(bytes, wanted) }
        }
        if let answer = answer ?? nil { return answer }
        var (name, suffix) = (self, suffix)
        return name.withUTF8 { bytes in suffix.withUTF8 { wanted in Self.endsIgnoringCase(bytes, wanted) } }
    }

    /// Whether `bytes` end in `wanted` (lowercase ASCII) once their ASCII capitals are lowercased.
    private static func endsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ wanted: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= wanted.count else { return false }
        let start = bytes.count - wanted.count
        for offset in wanted.indices {
            let byte = bytes[start + offset]
            if (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte) != wanted[offset] { return false }
        }
        return true
    }
}

/// A path compared and hashed by its bytes, as the file system tells names apart. `String`'s `==`
/// and hashing take canonically equivalent texts for one (`不` U+4E0D and U+F967, `é` and `e`
/// with U+0301): a folder named like one already walked, in other bytes, was never read, and the
/// second of two such files named on the command line was dropped, unsaid.
struct PathKey: Hashable {
    let bytes: [UInt8]

    init(_ path: String) {
        bytes = Array(path.utf8)
    }
}

extension String {
    /// Whether the path is `folder` or inside it, by bytes (see `PathKey`): `hasPrefix` compares
    /// characters, and took a folder named alike in other bytes for the checked one.
    func isPath(inside folder: String) -> Bool {
        let path = Array(utf8), root = Array(folder.utf8)
        guard path.starts(with: root) else { return false }
        return path.count == root.count || root.last == UInt8(ascii: "/") || path[root.count] == UInt8(ascii: "/")
    }
}
