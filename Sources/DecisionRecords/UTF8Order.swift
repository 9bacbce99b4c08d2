extension String {
    /// Whether this text sorts before `other` byte by byte in UTF-8: the order of files, paths
    /// and months in every report, the same on every machine and in every locale.
    ///
    /// Compares the stored bytes in place; `utf8.lexicographicallyPrecedes` gives the same
    /// answer but walks the view an index at a time, which shows when thousands of paths are sorted.
    public func precedesInUTF8(_ other: String) -> Bool {
        let inPlace = utf8.withContiguousStorageIfAvailable { lhs in
            other.utf8.withContiguousStorageIfAvailable { rhs in String.bytesPrecede(lhs[...], rhs[...]) }
        }
        if let answer = inPlace ?? nil { return answer }
        return utf8.lexicographicallyPrecedes(other.utf8)
    }

    /// Whether stored UTF-8 bytes sort before others: the order of `precedesInUTF8`, for texts
    /// kept as bytes (the run's list of paths).
    public static func bytesPrecede(_ lhs: Slice<UnsafeBufferPointer<UInt8>>, _ rhs: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        for (left, right) in zip(lhs, rhs) where left != right { return left < right }
        return lhs.count < rhs.count
    }

    /// Whether every byte of the text is ASCII (as the vocabulary's codes are), read in its own storage.
    public var isAllASCII: Bool {
        utf8.withContiguousStorageIfAvailable { $0.allSatisfy { $0 < 0x80 } } ?? utf8.allSatisfy { $0 < 0x80 }
    }
}
