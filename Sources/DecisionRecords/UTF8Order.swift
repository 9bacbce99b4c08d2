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
    /// (Compared eight bytes at a time, inlined where it is called: a walk of two slices with
    /// `zip` cost several times as much a byte.)
    @inlinable
    public static func bytesPrecede(_ lhs: Slice<UnsafeBufferPointer<UInt8>>, _ rhs: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        let (left, right) = (UnsafeBufferPointer(rebasing: lhs), UnsafeBufferPointer(rebasing: rhs))
        let common = Swift.min(left.count, right.count)
        let start = commonWords(left, right, upTo: common)
        for index in start..<common where left[index] != right[index] { return left[index] < right[index] }
        return left.count < right.count
    }

    /// Whether stored bytes are the same bytes (`elementsEqual` goes byte by byte through a
    /// generic iterator, some 1,000 instructions for a record's folder).
    @inlinable
    public static func sameBytes(_ lhs: Slice<UnsafeBufferPointer<UInt8>>, _ rhs: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard lhs.count == rhs.count else { return false }
        let (left, right) = (UnsafeBufferPointer(rebasing: lhs), UnsafeBufferPointer(rebasing: rhs))
        let start = commonWords(left, right, upTo: left.count)
        for index in start..<left.count where left[index] != right[index] { return false }
        return true
    }

    /// How many of the first `count` bytes the buffers share, counted eight at a time: the bytes
    /// from the returned place on are still to be compared one by one.
    @inlinable
    static func commonWords(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>, upTo count: Int) -> Int {
        guard let first = left.baseAddress, let second = right.baseAddress else { return 0 }
        var index = 0
        while index + 8 <= count,
              UnsafeRawPointer(first + index).loadUnaligned(as: UInt64.self) == UnsafeRawPointer(second + index).loadUnaligned(as: UInt64.self) {
            index += 8
        }
        return index
    }

    /// Whether every byte of the text is ASCII (as the vocabulary's codes are), read in its own storage.
    public var isAllASCII: Bool {
        utf8.withContiguousStorageIfAvailable { $0.allSatisfy { $0 < 0x80 } } ?? utf8.allSatisfy { $0 < 0x80 }
    }
}
